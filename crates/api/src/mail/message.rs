//! The email of one digest: multipart plain text and HTML, in the reader's language, with
//! RFC 8058 one-click unsubscribe.

use super::{MailError, Rendered};
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use mfx_store::accounts::AccountRecord;

/// The email from `from` to the reader, with the unsubscribe headers pointing at `unsubscribe`.
/// `digest` (the outbox row's id) makes its Message-ID: a digest sent again after a crash (the
/// mail server took it, the sender died before recording it) is the same message, which mail
/// systems that remove duplicates show once.
pub fn message(
    from: &str,
    user: &AccountRecord,
    rendered: &Rendered,
    unsubscribe: &str,
    digest: &str,
) -> Result<Message, MailError> {
    let from: Mailbox = from.parse()?;
    let message_id = format!("<digest-{digest}@{}>", from.email.domain());
    let to = Mailbox::new(Some(user.account.display_name.as_str().to_owned()), user.account.email.as_str().parse()?);
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject.clone())
        .message_id(Some(message_id))
        .raw_header(header("List-Unsubscribe", format!("<{unsubscribe}>")))
        .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".into()))
        .raw_header(header("Content-Language", user.account.locale.to_string()))
        .raw_header(header("Auto-Submitted", "auto-generated".into()))
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(rendered.text.clone()))
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(rendered.html.clone())),
        )?;
    Ok(message)
}
