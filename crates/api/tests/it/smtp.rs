//! An SMTP server for tests: it speaks the protocol over a real TCP socket (greeting, EHLO,
//! MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT), keeps what it accepts, and can be
//! told to answer `451` to the next messages, or to hang up on them, as a mail server that is
//! briefly unavailable does, or `550`, as one that refuses them for good. It can also start on
//! a port chosen before, as a mail server that was away comes back where it was.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One accepted message.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    /// A header of the message, unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let prefix = format!("{}:", name.to_ascii_lowercase());
        head.lines().find(|l| l.to_ascii_lowercase().starts_with(&prefix)).map(|l| l[prefix.len()..].trim().to_owned())
    }

    /// The decoded parts of a multipart message: (content type, text).
    pub fn parts(&self) -> Vec<(String, String)> {
        let Some(boundary) =
            self.data.split_once("boundary=\"").and_then(|(_, rest)| rest.split_once('"')).map(|(b, _)| b)
        else {
            return Vec::new();
        };
        self.data
            .split(&format!("--{boundary}"))
            .skip(1)
            .filter_map(|part| part.split_once("\r\n\r\n"))
            .map(|(headers, body)| {
                let header = |name: &str| {
                    headers
                        .lines()
                        .find(|l| l.to_ascii_lowercase().starts_with(name))
                        .map(|l| l[name.len()..].trim().to_owned())
                        .unwrap_or_default()
                };
                let text = match header("content-transfer-encoding:").as_str() {
                    "quoted-printable" => {
                        let bytes = quoted_printable::decode(body.trim_end(), quoted_printable::ParseMode::Robust)
                            .expect("quoted-printable");
                        String::from_utf8(bytes).expect("utf-8")
                    }
                    "base64" => {
                        use base64::Engine as _;
                        let compact: String = body.split_whitespace().collect();
                        let bytes = base64::engine::general_purpose::STANDARD.decode(compact).expect("base64");
                        String::from_utf8(bytes).expect("utf-8")
                    }
                    _ => body.to_owned(),
                };
                (header("content-type:"), text)
            })
            .collect()
    }

    /// The decoded part of this content type (`text/plain`, `text/html`).
    pub fn part(&self, content_type: &str) -> String {
        self.parts().into_iter().find(|(t, _)| t.starts_with(content_type)).map(|(_, text)| text).unwrap_or_default()
    }
}

#[derive(Debug, Default)]
struct Inbox {
    accepted: Vec<Received>,
    refuse_next: usize,
    reject_next: usize,
    drop_next: usize,
    refused: usize,
    /// How long to take over each message before acknowledging it, as a server that writes it
    /// to disk first.
    pace: std::time::Duration,
}

pub struct SmtpSink {
    pub url: String,
    inbox: Arc<Mutex<Inbox>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        Self::listen("127.0.0.1:0").await
    }

    /// On `port` of the loopback address, where clients may have been knocking in vain.
    pub async fn start_on(port: u16) -> Self {
        Self::listen(&format!("127.0.0.1:{port}")).await
    }

    async fn listen(address: &str) -> Self {
        let listener = TcpListener::bind(address).await.expect("a port to listen on");
        let url = format!("smtp://{}", listener.local_addr().expect("address"));
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let shared = inbox.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(session(socket, shared.clone()));
            }
        });
        Self { url, inbox }
    }

    /// Answers `451` to the next `n` messages.
    pub fn refuse_next(&self, n: usize) {
        self.inbox.lock().expect("inbox").refuse_next = n;
    }

    /// Answers `550` to the next `n` messages: refused for good.
    pub fn reject_next(&self, n: usize) {
        self.inbox.lock().expect("inbox").reject_next = n;
    }

    /// Takes `pace` over each message before acknowledging it (and keeping it).
    pub fn pace(&self, pace: std::time::Duration) {
        self.inbox.lock().expect("inbox").pace = pace;
    }

    /// Closes the connection without answering the next `n` messages.
    pub fn drop_next(&self, n: usize) {
        self.inbox.lock().expect("inbox").drop_next = n;
    }

    pub fn accepted(&self) -> Vec<Received> {
        self.inbox.lock().expect("inbox").accepted.clone()
    }

    pub fn refused(&self) -> usize {
        self.inbox.lock().expect("inbox").refused
    }
}

async fn session(socket: tokio::net::TcpStream, inbox: Arc<Mutex<Inbox>>) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let verb = command.split([' ', ':']).next().unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "RSET" => {
                (from, to) = (String::new(), Vec::new());
                b"250 OK\r\n"
            }
            "MAIL" => {
                from = address(&command);
                b"250 OK\r\n"
            }
            "RCPT" => {
                to.push(address(&command));
                b"250 OK\r\n"
            }
            "DATA" => {
                write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let pace = inbox.lock().expect("inbox").pace;
                if !pace.is_zero() {
                    tokio::time::sleep(pace).await;
                }
                let mut inbox = inbox.lock().expect("inbox");
                if inbox.drop_next > 0 {
                    inbox.drop_next -= 1;
                    inbox.refused += 1;
                    return Ok(());
                }
                if inbox.reject_next > 0 {
                    inbox.reject_next -= 1;
                    inbox.refused += 1;
                    b"550 5.7.1 Message refused\r\n"
                } else if inbox.refuse_next > 0 {
                    inbox.refuse_next -= 1;
                    inbox.refused += 1;
                    b"451 4.3.0 Try again later\r\n"
                } else {
                    inbox.accepted.push(Received { from: from.clone(), to: std::mem::take(&mut to), data });
                    b"250 OK queued\r\n"
                }
            }
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// A port of the loopback address where nothing listens: connecting to it is refused.
pub fn a_port_where_nothing_listens() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
    listener.local_addr().expect("address").port()
}

fn address(command: &str) -> String {
    command.split_once('<').and_then(|(_, rest)| rest.split_once('>')).map(|(a, _)| a.to_owned()).unwrap_or_default()
}
