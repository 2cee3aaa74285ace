//! Mail: the email digest from what happened to what leaves the server.
//!
//! - `gather`: what one reader may see of a period's activity, and what of their partner's work
//!   is late or due soon ([`gather()`]; a [`PeriodActivity`] is read once for every reader of
//!   the same period);
//! - `render`: that digest in the reader's language, as plain text and HTML ([`render()`], from
//!   the askama templates `templates/mail/digest.txt` and `digest.html`);
//! - `message`: the multipart email with RFC 8058 one-click unsubscribe headers ([`message()`]);
//! - `unsubscribe`: the signed per-account link that turns the digest off without signing in;
//! - `transport` and `delivery`: where messages go ([`Mailer`]: SMTP or `.eml` files), queueing
//!   each account's digest when its time comes ([`enqueue_due`]), and the worker that sends,
//!   retries and parks ([`send_due`]).
//!
//! Mail depends on the domain, the store, the messages and [`crate::text`]; nothing here
//! depends on the HTTP handlers or pages (`web` and `routes`), which call into it. It stays a
//! module of `mfx-api` rather than a crate: it shares the settings and the private-file writer
//! with the server, and a crate of its own would only move those out with it.

pub mod delivery;
pub mod gather;
pub mod message;
pub mod render;
pub mod transport;
pub mod unsubscribe;

pub use delivery::{GIVE_UP, MAX_ATTEMPTS, Pass, enqueue_due, readers, retry_at, send_due};
pub use gather::{PeriodActivity, SECTION_LIMIT, gather, gather_from};
pub use message::message;
pub use render::{Rendered, render};
pub use transport::{Failure, Mailer, SendError};
pub use unsubscribe::{unsubscribe_token, unsubscribe_token_user, unsubscribe_token_valid};

/// Why a digest could not be written or signed.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the digest could not be rendered: {0}")]
    Render(#[from] askama::Error),
    #[error("not a mail address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("the message could not be built: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("the unsubscribe key cannot sign")]
    Key(#[from] hmac::digest::InvalidLength),
}
