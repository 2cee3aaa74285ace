//! Where messages go: SMTP from `MFX_SMTP_URL`, else one `.eml` file per message in
//! `MFX_DATA_DIR/mail`.

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

    /// Sends one message; the error text is safe to keep (no credentials).
    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::Files(dir) => {
                let dir = dir.clone();
                let bytes = message.formatted();
                tokio::task::spawn_blocking(move || {
                    std::fs::create_dir_all(&dir)?;
                    crate::private_file::write_new(&dir.join(format!("{}.eml", uuid::Uuid::now_v7())), &bytes)
                })
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())
            }
        }
    }
}
