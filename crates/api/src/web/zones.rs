//! Time zones on the pages: the list one chooses a zone from (cities named in the reader's
//! language, grouped by continent, the partners' zones first) and a meeting's time as the
//! reader reads it (in the meeting's zone, and in hers when it differs).

use super::Page;
use chrono::NaiveDateTime;
use mfx_domain::Partner;
use mfx_i18n::{Arg, ZoneChoice, ZoneList};
use serde_json::Value;
use std::sync::Arc;

/// What a time-zone `<select>` shows: the partners' zones, then every zone by continent.
pub struct ZoneSelect {
    /// The chosen zone (IANA name).
    pub chosen: String,
    /// The chosen zone when the list does not offer it (an older or unusual name), named.
    pub unlisted: Option<ZoneChoice>,
    pub partners: Vec<ZoneChoice>,
    pub list: Arc<ZoneList>,
}

impl ZoneSelect {
    pub fn new(page: &Page, partners: &[Partner], chosen: &str) -> Self {
        let lang = page.lang;
        let mut seen: Vec<&str> = Vec::new();
        let partners: Vec<ZoneChoice> = partners
            .iter()
            .map(|p| p.profile.time_zone.as_str())
            .filter(|z| {
                let new = !seen.contains(z);
                seen.push(z);
                new
            })
            .map(|z| ZoneChoice { id: z.to_owned(), label: mfx_i18n::zone_city(lang, z) })
            .collect();
        let list = mfx_i18n::zone_list(lang);
        let unlisted = (!list.contains(chosen) && !partners.iter().any(|z| z.id == chosen))
            .then(|| ZoneChoice { id: chosen.to_owned(), label: mfx_i18n::zone_city(lang, chosen) });
        Self { chosen: chosen.to_owned(), unlisted, partners, list }
    }

    /// Whether the option for `id` in the partners' group is the chosen one.
    pub fn chosen_among_partners(&self, id: &str) -> bool {
        id == self.chosen
    }

    /// Whether the option for `id` in the full list is the chosen one (only when the partners'
    /// group does not already hold it: one option is selected).
    pub fn chosen_in_list(&self, id: &str) -> bool {
        id == self.chosen && !self.partners.iter().any(|z| z.id == id)
    }
}

/// A meeting's time as the reader reads it: in the meeting's zone ("6 October 2026,
/// 10:00–12:30 (Bucharest time)"), and, when the reader's account is in another zone, the same
/// range in hers. `None` when the note lacks a readable time.
pub fn meeting_time(page: &Page, details: &Value) -> Option<(String, Option<String>)> {
    let parse = |field: &str| serde_json::from_value::<NaiveDateTime>(details[field].clone()).ok();
    let (starts, ends) = (parse("starts_at")?, parse("ends_at")?);
    let zone_name = details["time_zone"].as_str()?;
    let zone: chrono_tz::Tz = zone_name.parse().ok()?;
    let there = mfx_i18n::format_zoned_range(page.lang, starts, ends, zone_name);
    let reader = page.user.as_ref().map(|u| u.record.account.time_zone.clone());
    let here = reader.filter(|r| r.tz() != zone).map(|r| {
        let (s, e) = (mfx_i18n::convert_local(starts, zone, r.tz()), mfx_i18n::convert_local(ends, zone, r.tz()));
        let range = mfx_i18n::format_zoned_range(page.lang, s, e, r.as_str());
        page.tr.args("meeting-your-time", &[("range", Arg::from(range))])
    });
    Some((there, here))
}
