//! Progress of long command-line work: a bar redrawn in place on a terminal, plain lines (at
//! most one every five seconds, and the last) when the output is a log.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How far a piece of work has come.
#[derive(Debug)]
pub struct Progress {
    what: String,
    total: u64,
    done: u64,
    started: Instant,
    shown: Option<Instant>,
    terminal: bool,
}

impl Progress {
    /// Work of `total` steps, described by `what` ("indexing documents").
    pub fn new(what: &str, total: u64) -> Self {
        Progress {
            what: what.to_owned(),
            total,
            done: 0,
            started: Instant::now(),
            shown: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// The work turned out `n` steps longer than announced.
    pub fn grow(&mut self, n: u64) {
        self.total = self.total.saturating_add(n);
    }

    /// `n` more steps are done.
    pub fn advance(&mut self, n: u64) {
        self.done = self.done.saturating_add(n);
        let every = if self.terminal { Duration::from_millis(100) } else { Duration::from_secs(5) };
        if self.shown.is_none_or(|at| at.elapsed() >= every) {
            self.show();
        }
    }

    fn line(&self) -> String {
        let percent = (self.done.min(self.total) * 100).checked_div(self.total).unwrap_or(100);
        format!(
            "{} {}/{} ({percent} %, {:.1} s)",
            self.what,
            self.done,
            self.total,
            self.started.elapsed().as_secs_f64()
        )
    }

    fn show(&mut self) {
        self.shown = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        if self.terminal {
            let width = 30;
            let filled =
                (self.done.min(self.total) * width as u64).checked_div(self.total).map_or(width, |f| f as usize);
            let _ = write!(err, "\r[{}{}] {}", "#".repeat(filled), " ".repeat(width - filled), self.line());
        } else {
            let _ = writeln!(err, "{}", self.line());
        }
        let _ = err.flush();
    }

    /// The work is over: the last state, and the bar's line ended.
    pub fn finish(mut self) {
        self.show();
        if self.terminal {
            let _ = writeln!(std::io::stderr());
        }
    }
}
