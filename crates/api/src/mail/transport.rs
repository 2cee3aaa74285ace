//! Where messages go: SMTP from `MFX_SMTP_URL`, else one `.eml` file per message in
//! `MFX_DATA_DIR/mail`; and why one did not go ([`SendError`]), told apart by whether trying
//! again can help.

use crate::settings::Settings;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// Digests sent at the same time, each on its own pooled SMTP connection. A conversation
/// mostly waits: on the network's round trips and, as the SMTP library writes the end-of-data
/// line apart from the message, on the server's delayed acknowledgement (about 40 ms on
/// Linux). Thirty-two at once stay below the 50 connections a Postfix relay accepts from one
/// client by default.
pub(super) const IN_FLIGHT: usize = 32;

/// Where messages go.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per message (no mail server configured).
    Files(PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp(_) => f.write_str("Mailer::Smtp"),
            Mailer::Files(dir) => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

impl Mailer {
    /// The transport the settings ask for; an SMTP address that does not parse is an error.
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        match &settings.smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                .map(|builder| {
                    let pool =
                        lettre::transport::smtp::PoolConfig::new().max_size(u32::try_from(IN_FLIGHT).unwrap_or(32));
                    Mailer::Smtp(builder.timeout(Some(std::time::Duration::from_secs(30))).pool_config(pool).build())
                })
                .map_err(|_| "MFX_SMTP_URL is not a valid smtp:// or smtps:// address".to_owned()),
            None => Ok(Mailer::Files(settings.data_dir.join("mail"))),
        }
    }

    /// Sends one message; the error's text is safe to keep (no credentials).
    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|e| SendError::from(&e)),
            Mailer::Files(dir) => {
                let dir = dir.clone();
                let bytes = message.formatted();
                let folder = |e: &dyn std::fmt::Display| SendError::new(Failure::Folder, e);
                tokio::task::spawn_blocking(move || {
                    std::fs::create_dir_all(&dir)?;
                    crate::private_file::write_new(&dir.join(format!("{}.eml", uuid::Uuid::now_v7())), &bytes)
                })
                .await
                .map_err(|e| folder(&e))?
                .map_err(|e| folder(&e))
            }
        }
    }
}

/// Why a message did not leave. Only [`Failure::Rejected`] and [`Failure::Unwritable`] are
/// permanent: the same message would fail the same way. Every other failure is the mail server
/// or the way to it being unavailable for a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The mail server refused the message or a recipient for good (an SMTP `5xx` reply).
    Rejected,
    /// The message could not be written: rendered, addressed, built or signed.
    Unwritable,
    /// Nothing accepted the connection: the mail server is down or not listening.
    ConnectionRefused,
    /// The mail server did not answer in time.
    TimedOut,
    /// The encrypted connection could not be set up.
    Tls,
    /// The mail server asked to try again later (an SMTP `4xx` reply).
    Deferred,
    /// Anything else on the way: the name not resolved, the host unreachable, the connection
    /// reset or dropped mid-conversation, a reply that made no sense, a setting (such as the
    /// authentication or STARTTLS) the server does not offer.
    Connection,
    /// No mail server configured, and the `.eml` file could not be written.
    Folder,
}

impl Failure {
    /// Every failure.
    pub const ALL: [Failure; 8] = [
        Failure::Rejected,
        Failure::Unwritable,
        Failure::ConnectionRefused,
        Failure::TimedOut,
        Failure::Tls,
        Failure::Deferred,
        Failure::Connection,
        Failure::Folder,
    ];

    /// Whether sending the same message again would fail the same way.
    pub fn is_permanent(self) -> bool {
        matches!(self, Failure::Rejected | Failure::Unwritable)
    }

    /// In English words: the start of the error kept with the digest.
    pub fn words(self) -> &'static str {
        match self {
            Failure::Rejected => "the mail server refused the message for good",
            Failure::Unwritable => "the message could not be written",
            Failure::ConnectionRefused => "the mail server refused the connection",
            Failure::TimedOut => "the mail server did not answer in time",
            Failure::Tls => "the encrypted connection to the mail server could not be set up",
            Failure::Deferred => "the mail server asked to try again later",
            Failure::Connection => "the connection to the mail server failed",
            Failure::Folder => "the mail folder could not be written",
        }
    }
}

/// A failed send: what kind of failure, and the details in the words of the mail server or the
/// system (the server's reply with its code, or the network error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {detail}", failure.words())]
pub struct SendError {
    pub failure: Failure,
    pub detail: String,
}

impl SendError {
    pub fn new(failure: Failure, detail: impl std::fmt::Display) -> Self {
        Self { failure, detail: detail.to_string() }
    }

    /// Reads back an error kept as text ([`SendError`]'s `Display`); `None` for text written
    /// otherwise (by an older version).
    pub fn parse(kept: &str) -> Option<Self> {
        Failure::ALL.into_iter().find_map(|failure| {
            let detail = kept.strip_prefix(failure.words())?.strip_prefix(": ")?;
            Some(Self::new(failure, detail))
        })
    }
}

impl From<&lettre::transport::smtp::Error> for SendError {
    fn from(e: &lettre::transport::smtp::Error) -> Self {
        let failure = if e.is_permanent() {
            Failure::Rejected
        } else if e.is_transient() {
            Failure::Deferred
        } else if e.is_timeout() {
            Failure::TimedOut
        } else if e.is_tls() {
            Failure::Tls
        } else if io_error(e).is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused) {
            Failure::ConnectionRefused
        } else {
            Failure::Connection
        };
        // lettre's text names the kind and the server's reply or the system's error; it never
        // holds the credentials of the address.
        Self::new(failure, e)
    }
}

/// The input/output error under an SMTP error, if there is one.
fn io_error(e: &lettre::transport::smtp::Error) -> Option<&std::io::Error> {
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        source = cause.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_kept_as_text_read_back() {
        for failure in Failure::ALL {
            let error = SendError::new(failure, "permanent error (550): 5.1.1 no: such user");
            assert_eq!(SendError::parse(&error.to_string()), Some(error));
        }
        assert_eq!(SendError::parse("451 4.3.0 Try again later"), None);
    }

    #[test]
    fn only_refusals_for_good_and_unwritable_messages_are_permanent() {
        let permanent: Vec<Failure> = Failure::ALL.into_iter().filter(|f| f.is_permanent()).collect();
        assert_eq!(permanent, [Failure::Rejected, Failure::Unwritable]);
    }
}
