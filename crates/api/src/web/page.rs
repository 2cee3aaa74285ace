//! What every page knows: the language and its messages, the signed-in account, the CSRF
//! token, and how to link to the same page in another language.

use crate::auth::CurrentUser;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::Locale;
use mfx_i18n::{Arg, Translator, format_date, format_datetime, format_number};

#[derive(Debug, Clone)]
pub struct Page {
    pub tr: Translator,
    pub lang: Locale,
    /// The page's title (without the site name).
    pub title: String,
    /// The title's language when it is content written in another language.
    pub title_lang: Option<String>,
    /// The path after the language prefix (`/practices/…`) and the query, for the switcher.
    pub path: String,
    pub query: String,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    pub project: String,
    pub programme: String,
    /// A notice to show once (after a redirect), already translated.
    pub notice: Option<String>,
    /// Drawn for the static archive (`mfx archive`): nothing that needs the server (signing
    /// in, forms that send, feeds, history) and no names of people.
    pub archive: bool,
}

/// Marks a request `mfx archive` makes of the application in-process: its page is drawn for
/// the static archive. Only code in this process can set it; no request from outside has it.
#[derive(Debug, Clone, Copy)]
pub struct ForArchive;

/// The messages naming the days of the week, Monday (1) first.
pub const WEEKDAYS: [&str; 7] =
    ["weekday-1", "weekday-2", "weekday-3", "weekday-4", "weekday-5", "weekday-6", "weekday-7"];

impl Page {
    /// The days of the week: ISO number and name.
    pub fn weekdays(&self) -> Vec<(u32, String)> {
        (1..).zip(WEEKDAYS).map(|(n, id)| (n, self.t(id))).collect()
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.tr.args(id, &[(name, Arg::from(value))])
    }

    /// A message with a `count`.
    pub fn tn(&self, id: &str, count: usize) -> String {
        self.tr.args(id, &[("count", Arg::from(count))])
    }

    /// A message whose id ends with a code (`theme-` + `microcredit`).
    pub fn code(&self, prefix: &str, code: &str) -> String {
        self.tr.t(&format!("{prefix}{code}"))
    }

    /// A link inside the site, in this language.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.lang, path)
    }

    /// This page in another language.
    pub fn switch_href(&self, locale: &Locale) -> String {
        format!("/{}{}{}", locale, self.path, self.query)
    }

    pub fn languages(&self) -> Vec<Locale> {
        Locale::all()
    }

    /// The name of `language` in the page's language ("anglais"), as CLDR writes it.
    pub fn language_name(&self, language: &str) -> String {
        language.parse::<Locale>().map_or_else(|_| language.to_owned(), |l| mfx_i18n::language_name(l, self.lang))
    }

    /// The same with a capital first letter, for a name that starts a label.
    pub fn language_label(&self, language: &str) -> String {
        mfx_i18n::capitalised(&self.language_name(language))
    }

    /// The name of a country (ISO 3166 code) in the page's language, as CLDR writes it.
    pub fn country_name(&self, code: &str) -> String {
        mfx_i18n::country_name(code, self.lang)
    }

    /// A language's name in itself, as the language switcher shows it ("Français").
    pub fn endonym(&self, language: &Locale) -> String {
        mfx_i18n::endonym(*language)
    }

    pub fn is_current(&self, locale: &Locale) -> bool {
        *locale == self.lang
    }

    pub fn date(&self, date: &NaiveDate) -> String {
        format_date(self.lang, *date)
    }

    /// A time in the reader's zone (the account's, else UTC).
    pub fn datetime(&self, at: &DateTime<Utc>) -> String {
        let zone = self.user.as_ref().map_or(chrono_tz::UTC, |u| u.record.account.time_zone.tz());
        format_datetime(self.lang, *at, zone)
    }

    pub fn number(&self, value: f64, decimals: usize) -> String {
        format_number(self.lang, value, decimals)
    }

    pub fn integer(&self, value: &i64) -> String {
        #[expect(clippy::cast_precision_loss, reason = "amounts shown to people")]
        format_number(self.lang, *value as f64, 0)
    }

    pub fn footer(&self) -> String {
        self.tr.args(
            "footer-project",
            &[("project", Arg::from(self.project.as_str())), ("programme", Arg::from(self.programme.as_str()))],
        )
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn user_name(&self) -> String {
        self.user.as_ref().map(|u| u.record.account.display_name.as_str().to_owned()).unwrap_or_default()
    }

    /// Administrators see the operations pages.
    pub fn may_operate(&self) -> bool {
        self.user.as_ref().is_some_and(|u| {
            mfx_domain::policy::permits(
                &u.actor(),
                mfx_domain::policy::Action::Read,
                &mfx_domain::policy::Resource::Operations,
            )
        })
    }

    /// Operators and the lead partner's coordinator see account administration.
    pub fn may_manage_accounts(&self) -> bool {
        self.user.as_ref().is_some_and(|u| {
            mfx_domain::policy::permits(
                &u.actor(),
                mfx_domain::policy::Action::Read,
                &mfx_domain::policy::Resource::AccountDirectory,
            )
        })
    }

    pub fn may_write(&self) -> bool {
        self.user.as_ref().is_some_and(|u| {
            mfx_domain::policy::permits(
                &u.actor(),
                mfx_domain::policy::Action::Create,
                &mfx_domain::policy::Resource::Documents,
            )
        })
    }
}
