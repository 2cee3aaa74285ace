//! The dashboard's timeline of deliverables, drawn on the server as SVG: a date axis with the
//! months named in the reader's language, the reporting periods as alternating bands labelled
//! with their codes, each deliverable a mark on its work package's line whose shape says its
//! state (circle: planned or in progress; square: submitted or approved; triangle: late), a
//! legend of the shapes in words, today's line, and a tooltip per mark (code, title when it is in
//! the reader's language, due date and status). It is drawn twice — wide,
//! and narrow with fewer month labels for phones — and the stylesheet shows the one that fits.

use super::dashboard::Row;
use super::{Page, escape};
use crate::usecases::tracking::board::PeriodCompletion;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt::Write;

/// The state a mark's shape shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Delivered,
    Late,
}

impl Mark {
    fn of(row: &Row) -> Self {
        if row.overdue {
            Mark::Late
        } else if matches!(row.status, "submitted" | "approved") {
            Mark::Delivered
        } else {
            Mark::Open
        }
    }

    fn word(self) -> &'static str {
        match self {
            Mark::Open => "timeline-open",
            Mark::Delivered => "timeline-delivered",
            Mark::Late => "timeline-late",
        }
    }

    /// The shape centred on (x, y), with `inner` (a tooltip) inside.
    fn shape(self, x: f64, y: f64, inner: &str) -> String {
        match self {
            Mark::Open => {
                format!(r##"<circle cx="{x:.1}" cy="{y:.1}" r="6" fill="#0b5394" stroke="#ffffff">{inner}</circle>"##)
            }
            Mark::Delivered => format!(
                r##"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="#1d6b2f" stroke="#ffffff">{inner}</rect>"##,
                x - 6.0,
                y - 6.0
            ),
            Mark::Late => format!(
                r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="#a1161a" stroke="#ffffff">{inner}</polygon>"##,
                x,
                y - 7.5,
                x + 7.5,
                y + 6.0,
                x - 7.5,
                y + 6.0
            ),
        }
    }
}

/// The measures of one drawing.
struct Layout {
    /// The `id` suffix that keeps the two drawings' ids apart.
    name: &'static str,
    width: f64,
    /// Where the plot starts: after the work packages' labels, or at the edge when the labels
    /// stand above their lines.
    left: f64,
    right: f64,
    row_height: f64,
    labels_above: bool,
    /// The least room a month label needs.
    label_room: f64,
}

const WIDE: Layout = Layout {
    name: "wide",
    width: 760.0,
    left: 90.0,
    right: 16.0,
    row_height: 40.0,
    labels_above: false,
    label_room: 32.0,
};
const NARROW: Layout = Layout {
    name: "narrow",
    width: 400.0,
    left: 12.0,
    right: 12.0,
    row_height: 52.0,
    labels_above: true,
    label_room: 34.0,
};

/// Both drawings, for the stylesheet to choose from; empty when there is nothing to draw.
pub fn timeline(page: &Page, rows: &[Row], periods: &[PeriodCompletion], today: NaiveDate) -> String {
    if rows.is_empty() {
        return String::new();
    }
    format!(
        r#"<div class="timeline"><div class="timeline-wide">{}</div><div class="timeline-narrow">{}</div></div>"#,
        draw(page, rows, periods, today, &WIDE),
        draw(page, rows, periods, today, &NARROW)
    )
}

/// The first day of the month of `day`.
fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn draw(page: &Page, rows: &[Row], periods: &[PeriodCompletion], today: NaiveDate, l: &Layout) -> String {
    let mut packages: Vec<&str> = rows.iter().map(|r| r.work_package.as_str()).collect();
    packages.sort_unstable();
    packages.dedup();
    let days =
        rows.iter().map(|r| r.due_on).chain(periods.iter().flat_map(|p| [p.starts_on, p.ends_on])).chain([today]);
    let (first, last) = days.fold((today, today), |(a, b), d| (a.min(d), b.max(d)));
    let start = month_of(first);
    let end = month_of(last).checked_add_months(Months::new(1)).unwrap_or(last);
    #[expect(clippy::cast_precision_loss, reason = "positions in a drawing")]
    let span = (end - start).num_days().max(1) as f64;
    let plot = l.width - l.left - l.right;
    #[expect(clippy::cast_precision_loss, reason = "positions in a drawing")]
    let x = |day: NaiveDate| l.left + plot * ((day - start).num_days() as f64) / span;

    // Bands for the periods at the top, rows below them, then the axis and the legend.
    let band_top = 44.0;
    let rows_top = band_top + 26.0;
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let rows_bottom = rows_top + l.row_height * packages.len() as f64;
    let axis = rows_bottom + 8.0;
    let legend_top = axis + 52.0;
    let legend_rows = if l.labels_above { 4.0 } else { 2.0 };
    let height = legend_top + 26.0 * legend_rows + 8.0;

    let id = |what: &str| format!("timeline-{what}-{}", l.name);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {height:.0}" width="100%" role="img" aria-labelledby="{t} {d}" class="timeline-chart"><title id="{t}">{}</title><desc id="{d}">{}</desc>"#,
        escape(&page.t("dashboard-timeline")),
        escape(&page.t("dashboard-timeline-description")),
        w = l.width,
        t = id("title"),
        d = id("desc"),
    );

    // Reporting periods: alternating bands with their codes.
    for (i, period) in periods.iter().enumerate() {
        let (x1, x2) = (x(period.starts_on), x(period.ends_on));
        let fill = if i % 2 == 0 { "#e8eef6" } else { "#f6f8fb" };
        let name = page.t1("timeline-period", "code", &period.period);
        let _ = write!(
            svg,
            r##"<g><title>{name}: {} – {}</title><rect x="{x1:.1}" y="{band_top}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="#c9d1db"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#1b1f24">{}</text></g>"##,
            escape(&page.date(&period.starts_on)),
            escape(&page.date(&period.ends_on)),
            (x2 - x1).max(1.0),
            rows_bottom - band_top,
            x1 + 4.0,
            band_top + 17.0,
            escape(&period.period),
            name = escape(&name),
        );
    }

    // Month ticks: every month marked, as many named as there is room for.
    let months = {
        let mut months = Vec::new();
        let mut m = start;
        while m <= end {
            months.push(m);
            let Some(next) = m.checked_add_months(Months::new(1)) else { break };
            m = next;
        }
        months
    };
    #[expect(clippy::cast_precision_loss, reason = "a few dozen months")]
    let per_month = plot / (months.len().max(2) - 1) as f64;
    // Named months fall on the same months each year: every month, or every 2, 3, 4, 6 or 12.
    let every = [1, 2, 3, 4, 6, 12].into_iter().find(|n| f64::from(*n) * per_month >= l.label_room).unwrap_or(12);
    let _ =
        write!(svg, r##"<line x1="{}" y1="{axis}" x2="{}" y2="{axis}" stroke="#4a5361"/>"##, l.left, l.width - l.right);
    let mut year_shown = None;
    for (i, month) in months.iter().enumerate() {
        let mx = x(*month);
        let _ =
            write!(svg, r##"<line x1="{mx:.1}" y1="{axis}" x2="{mx:.1}" y2="{:.1}" stroke="#4a5361"/>"##, axis + 5.0);
        if (month.month() - 1) % every != 0 || i + 1 == months.len() {
            continue;
        }
        let _ = write!(
            svg,
            r##"<text x="{mx:.1}" y="{:.1}" font-size="12" fill="#1b1f24">{}</text>"##,
            axis + 19.0,
            escape(&mfx_i18n::format_month(page.lang, *month))
        );
        // The year under the first month named in it.
        if year_shown != Some(month.year()) {
            year_shown = Some(month.year());
            let _ = write!(
                svg,
                r##"<text x="{mx:.1}" y="{:.1}" font-size="12" fill="#4a5361">{}</text>"##,
                axis + 35.0,
                month.year()
            );
        }
    }

    // Work packages and their deliverables.
    for (i, package) in packages.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let y = rows_top + l.row_height * (i as f64) + if l.labels_above { 34.0 } else { 20.0 };
        let (label_x, label_y) = if l.labels_above { (l.left, y - 14.0) } else { (8.0, y + 4.0) };
        let _ = write!(
            svg,
            r##"<text x="{label_x}" y="{label_y:.1}" font-size="13" font-weight="600" fill="#1b1f24">{}</text><line x1="{}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#8893a2"/>"##,
            escape(package),
            l.left,
            l.width - l.right
        );
        for row in rows.iter().filter(|r| r.work_package == *package) {
            let mark = Mark::of(row);
            let mut status = page.code("deliverable-status-", row.status);
            if mark == Mark::Late {
                status = format!("{status}, {}", page.t("timeline-late"));
            }
            // A title in another language than the page's is left to the table beside: a
            // tooltip cannot mark a part of itself as written in another language.
            let own_language = row.language == page.lang.as_str();
            let mut args = vec![
                ("code", mfx_i18n::Arg::from(row.code.as_str())),
                ("date", mfx_i18n::Arg::from(page.date(&row.due_on))),
                ("status", mfx_i18n::Arg::from(status)),
            ];
            if own_language {
                args.push(("title", mfx_i18n::Arg::from(row.title.as_str())));
            }
            let message = if own_language { "timeline-mark" } else { "timeline-mark-code" };
            let tooltip = page.tr.args(message, &args);
            svg.push_str(&mark.shape(x(row.due_on), y, &format!("<title>{}</title>", escape(&tooltip))));
        }
    }

    // Today.
    let t = x(today);
    let today_label = escape(&page.t("timeline-today"));
    let anchor = if t > l.width - 80.0 { "end" } else { "start" };
    let label_x = if anchor == "end" { t - 4.0 } else { t + 4.0 };
    let _ = write!(
        svg,
        r##"<g><title>{today_label}: {}</title><line x1="{t:.1}" y1="{:.1}" x2="{t:.1}" y2="{axis}" stroke="#8a4b00" stroke-width="2" stroke-dasharray="5 3"/><text x="{label_x:.1}" y="{:.1}" font-size="13" font-weight="600" fill="#8a4b00" text-anchor="{anchor}">{today_label}</text></g>"##,
        escape(&page.date(&today)),
        band_top - 22.0,
        band_top - 8.0,
    );

    // The legend: each shape with its words, and today's line.
    let _ = write!(
        svg,
        r##"<text x="{}" y="{legend_top:.1}" font-size="13" font-weight="600" fill="#1b1f24">{}</text>"##,
        l.left.max(8.0),
        escape(&page.t("timeline-legend"))
    );
    let entries = [Some(Mark::Open), Some(Mark::Delivered), Some(Mark::Late), None];
    for (i, entry) in entries.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "four entries")]
        let (ex, ey) = if l.labels_above {
            (l.left.max(8.0) + 8.0, legend_top + 22.0 + 26.0 * i as f64)
        } else {
            (l.left + 8.0 + 300.0 * (i % 2) as f64, legend_top + 22.0 + 26.0 * (i / 2) as f64)
        };
        let (symbol, word) = match entry {
            Some(mark) => (mark.shape(ex, ey - 4.0, ""), page.t(mark.word())),
            None => (
                format!(
                    r##"<line x1="{ex:.1}" y1="{:.1}" x2="{ex:.1}" y2="{:.1}" stroke="#8a4b00" stroke-width="2" stroke-dasharray="5 3"/>"##,
                    ey - 12.0,
                    ey + 4.0
                ),
                page.t("timeline-today"),
            ),
        };
        let _ = write!(
            svg,
            r##"{symbol}<text x="{:.1}" y="{ey:.1}" font-size="13" fill="#1b1f24">{}</text>"##,
            ex + 14.0,
            escape(&word)
        );
    }
    svg.push_str("</svg>");
    svg
}
