//! A word-level comparison of two texts, as a document's history shows an edit: the words kept,
//! removed and added, with long unchanged stretches shortened to their edges.

/// What happened to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Kept,
    Removed,
    Added,
}

/// A run of text with one fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub op: Op,
    pub text: String,
}

/// The largest comparison table tried; past it the differing middle is shown as removed, then
/// added (the common beginning and end are still found).
const MOST_CELLS: usize = 4_000_000;

/// Words kept on each side of a change; a longer unchanged stretch is shortened with "…".
const CONTEXT: usize = 12;

/// Splits a text into words and the spaces between them, each a token of its own.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The longest common subsequence of two token lists, as the ops that turn `a` into `b`.
fn lcs<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MOST_CELLS {
        return a.iter().map(|t| (Op::Removed, *t)).chain(b.iter().map(|t| (Op::Added, *t))).collect();
    }
    // lengths[i][j]: the LCS of a[i..] and b[j..].
    let width = m + 1;
    let mut lengths = vec![0_u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * width + j] = if a[i] == b[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n + m);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((Op::Kept, a[i]));
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            out.push((Op::Removed, a[i]));
            i += 1;
        } else {
            out.push((Op::Added, b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|t| (Op::Removed, *t)));
    out.extend(b[j..].iter().map(|t| (Op::Added, *t)));
    out
}

/// The words of `before` and `after` compared: kept, removed and added runs in reading order.
/// An unchanged stretch longer than twice the context is cut to its edges around "…".
pub fn diff(before: &str, after: &str) -> Vec<Piece> {
    let (a, b) = (tokens(before), tokens(after));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut ops: Vec<(Op, &str)> = a[..prefix].iter().map(|t| (Op::Kept, *t)).collect();
    ops.extend(lcs(&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]));
    ops.extend(a[a.len() - suffix..].iter().map(|t| (Op::Kept, *t)));
    let mut pieces: Vec<(Op, Vec<&str>)> = Vec::new();
    for (op, token) in ops {
        match pieces.last_mut() {
            Some((last, run)) if *last == op => run.push(token),
            _ => pieces.push((op, vec![token])),
        }
    }
    let count = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(n, (op, run))| {
            let text = if op == Op::Kept { shortened(&run, n == 0, n + 1 == count) } else { run.concat() };
            Piece { op, text }
        })
        .collect()
}

/// An unchanged run without its middle (and without its start when it opens the text, its end
/// when it closes it), counted in words.
fn shortened(run: &[&str], first: bool, last: bool) -> String {
    let keep = CONTEXT * 2;
    let head = if first { 0 } else { keep };
    let tail = if last { 0 } else { keep };
    if run.len() <= head + tail + keep {
        return run.concat();
    }
    let mut text = run[..head].concat();
    text.push('…');
    if head > 0 {
        text.insert(text.len() - '…'.len_utf8(), ' ');
    }
    if tail > 0 {
        text.push(' ');
    }
    text.push_str(&run[run.len() - tail..].concat());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p.op {
                Op::Kept => p.text.clone(),
                Op::Removed => format!("[-{}]", p.text),
                Op::Added => format!("[+{}]", p.text),
            })
            .collect()
    }

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        let pieces = diff("Loans reached 340 women in Kamnik.", "Loans reached 410 women and men in Kamnik.");
        assert_eq!(shown(&pieces), "Loans reached [-340][+410] women[+ and men] in Kamnik.");
    }

    #[test]
    fn empty_sides_are_all_added_or_all_removed() {
        assert_eq!(shown(&diff("", "New text")), "[+New text]");
        assert_eq!(shown(&diff("Old text", "")), "[-Old text]");
        assert!(diff("Same", "Same").iter().all(|p| p.op == Op::Kept));
    }

    #[test]
    fn long_unchanged_stretches_keep_only_their_edges() {
        let long: Vec<String> = (0..500).map(|n| format!("w{n}")).collect();
        let before = format!("{} end", long.join(" "));
        let after = format!("{} finish", long.join(" "));
        let pieces = diff(&before, &after);
        assert!(pieces[0].text.starts_with('…'), "{}", pieces[0].text);
        assert!(pieces[0].text.ends_with("w499 "), "{}", pieces[0].text);
        assert!(shown(&pieces).len() < 200);
    }

    #[test]
    fn very_long_texts_are_compared_quickly() {
        let before: Vec<String> = (0..20_000).map(|n| format!("a{n}")).collect();
        let after: Vec<String> = (0..20_000).map(|n| format!("b{n}")).collect();
        let started = std::time::Instant::now();
        let pieces = diff(&before.join(" "), &after.join(" "));
        assert!(started.elapsed().as_secs() < 2);
        assert!(pieces.iter().any(|p| p.op == Op::Removed));
    }
}
