//! A local SMTP server for tests: speaks enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, RSET,
//! NOOP, QUIT) for a real client to deliver to it, and keeps each message as received.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Received {
    pub rcpt: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn subject(&self) -> String {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .and_then(|m| m.subject().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn message_id(&self) -> String {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .and_then(|m| m.message_id().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn text(&self) -> String {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .and_then(|m| m.body_text(0).map(|t| t.into_owned()))
            .unwrap_or_default()
    }
}

#[derive(Clone, Default)]
pub struct Sink {
    pub url: String,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl Sink {
    pub async fn start() -> Sink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind sink");
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let inbox: Arc<Mutex<Vec<Received>>> = Arc::default();
        let kept = inbox.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let kept = kept.clone();
                tokio::spawn(async move {
                    let (r, mut w) = stream.into_split();
                    let mut lines = BufReader::new(r);
                    let _ = w.write_all(b"220 sink ESMTP\r\n").await;
                    let mut rcpt = vec![];
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
                            "HELO" | "MAIL" | "RSET" | "NOOP" => {
                                if verb == "RSET" {
                                    rcpt.clear();
                                }
                                b"250 OK\r\n"
                            }
                            "RCPT" => {
                                let addr =
                                    line.trim_end().split_once(':').map(|x| x.1).unwrap_or("");
                                rcpt.push(addr.trim().trim_matches(['<', '>']).to_string());
                                b"250 OK\r\n"
                            }
                            "DATA" => {
                                let _ = w.write_all(b"354 go on\r\n").await;
                                let mut raw = vec![];
                                loop {
                                    let mut l = String::new();
                                    if lines.read_line(&mut l).await.unwrap_or(0) == 0 {
                                        return;
                                    }
                                    if l == ".\r\n" {
                                        break;
                                    }
                                    // RFC 5321 §4.5.2: a leading dot was doubled.
                                    let l = l
                                        .strip_prefix('.')
                                        .filter(|_| l.starts_with(".."))
                                        .unwrap_or(l.as_str());
                                    raw.extend_from_slice(l.as_bytes());
                                }
                                kept.lock().unwrap().push(Received {
                                    rcpt: std::mem::take(&mut rcpt),
                                    raw,
                                });
                                b"250 kept\r\n"
                            }
                            "QUIT" => {
                                let _ = w.write_all(b"221 bye\r\n").await;
                                return;
                            }
                            _ => b"502 not here\r\n",
                        };
                        if w.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Sink { url, inbox }
    }

    /// The messages received so far, and forgets them.
    pub fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.inbox.lock().unwrap())
    }

    /// The messages received for `email`, and forgets all.
    pub fn take_for(&self, email: &str) -> (Vec<Received>, Vec<Received>) {
        self.take()
            .into_iter()
            .partition(|m| m.rcpt.iter().any(|r| r == email))
    }
}
