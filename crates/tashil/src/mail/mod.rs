//! Email notifications: a use case queues its messages in `mail_outbox` inside its own
//! transaction (`outbox`), so a rolled-back change sends nothing and a crash loses nothing;
//! any node's sender claims due rows and delivers them over SMTP (`sender`), rendered at
//! sending time in each recipient's language (`render`).

pub mod outbox;
pub mod render;
pub mod sender;

pub use outbox::{OutboxStatus, Recipient, queue};
pub use sender::{Delivery, Mailer, deliver_due};

/// What a message tells, named by the context that sends it (its notices): the key of its
/// subject and body in `locales/*/mail.ftl` (`mail-<kind>-subject`, `mail-<kind>-body`, with
/// dashes for underscores). The transport knows no context's kinds; a kind without messages is
/// refused when queued, never sent blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailKind(&'static str);

impl MailKind {
    pub const fn new(name: &'static str) -> MailKind {
        MailKind(name)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The message key of `part` (`subject` or `body`) of a kind stored as `name`.
    pub fn key(name: &str, part: &str) -> String {
        format!("mail-{}-{part}", name.replace('_', "-"))
    }

    /// Whether every language has this kind's subject and body.
    pub fn has_messages(name: &str) -> bool {
        let i18n = crate::i18n::I18n::get();
        tashil_text::Lang::ALL.into_iter().all(|lang| {
            ["subject", "body"]
                .iter()
                .all(|part| i18n.has(lang, &MailKind::key(name, part)))
        })
    }
}

/// `tashil mail test`: the operator checks that this installation can send.
pub const TEST: MailKind = MailKind::new("test");
