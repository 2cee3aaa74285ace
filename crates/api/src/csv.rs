//! CSV text for spreadsheets (RFC 4180, CRLF line ends): every export writes its cells here.
//! A cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab
//! or a carriage return, also after leading white space) is neutralised with a leading `'`, as
//! OWASP advises against CSV injection; the reader sees the text as written.
//!
//! The separator follows the reader's language: spreadsheets of languages whose decimal mark is
//! a comma split cells at `;`, the others at `,` (the [`Dialect`], decided here only).

use mfx_domain::Locale;

/// Characters that make a spreadsheet read a cell as a formula when they come first (the ASCII
/// ones, and their full-width forms, which some spreadsheets accept too).
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'];

/// Whether a spreadsheet could take this text for a formula.
fn reads_as_formula(value: &str) -> bool {
    if value.starts_with(['\t', '\r']) {
        return true;
    }
    value.trim_start().starts_with(FORMULA_STARTS)
}

/// One cell: neutralised when it could run as a formula, quoted when it holds a separator, a
/// quote or a line break.
pub fn cell(value: &str) -> String {
    let value = if reads_as_formula(value) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r', ';']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// One line of cells, ending with CRLF, separated by commas.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    Dialect::CODES.row(cells)
}

/// How a spreadsheet program reads CSV: the character between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
}

impl Dialect {
    /// Commas, for programs and for languages writing decimals with a point.
    pub const CODES: Self = Self { separator: ',' };

    /// The reader's: where the language's decimal mark is a comma (CLDR), spreadsheets split
    /// cells at `;`.
    pub fn of(locale: Locale) -> Self {
        if mfx_i18n::decimal_mark(locale) == ',' { Self { separator: ';' } } else { Self::CODES }
    }

    /// One line of cells, ending with CRLF.
    pub fn row<S: AsRef<str>>(self, cells: &[S]) -> String {
        let mut line = cells.iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(&self.separator.to_string());
        line.push_str("\r\n");
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads one CSV line back into its cells as a spreadsheet does (RFC 4180 quoting).
    fn parse_row(line: &str) -> Vec<String> {
        let line = line.strip_suffix("\r\n").unwrap_or(line);
        let mut cells = vec![String::new()];
        let mut chars = line.chars().peekable();
        let mut quoted = false;
        let mut at_start = true;
        while let Some(c) = chars.next() {
            let current = cells.last_mut().expect("a cell");
            match c {
                '"' if at_start => quoted = true,
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    current.push('"');
                }
                '"' if quoted => quoted = false,
                ',' if !quoted => {
                    cells.push(String::new());
                    at_start = true;
                    continue;
                }
                other => current.push(other),
            }
            at_start = false;
        }
        cells
    }

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://evil.example\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""
        );
        assert_eq!(cell("+1+1"), "'+1+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell("  =1"), "'  =1");
        assert_eq!(cell("Regional report D1.1"), "Regional report D1.1");
        assert_eq!(cell("a-b"), "a-b");
        assert_eq!(row(&["D1.1", "a, b"]), "D1.1,\"a, b\"\r\n");
    }

    proptest! {
        #[test]
        fn no_cell_reads_as_a_formula_and_nothing_is_lost(
            cells in proptest::collection::vec("[=+@\\-\t\r\n ,;\"'a-z\u{FF1D}é]{0,8}", 1..6)
        ) {
            let line = row(&cells);
            let read = parse_row(&line);
            prop_assert_eq!(read.len(), cells.len(), "{:?}", line);
            for (written, original) in read.iter().zip(&cells) {
                prop_assert!(!reads_as_formula(written), "{:?} reads as a formula", written);
                let shown = if reads_as_formula(original) { written.strip_prefix('\'') } else { Some(written.as_str()) };
                prop_assert_eq!(shown, Some(original.as_str()));
            }
        }
    }
}
