//! Email notifications: a use case queues its messages in `mail_outbox` inside its own
//! transaction (`outbox`), so a rolled-back change sends nothing and a crash loses nothing;
//! any node's sender claims due rows and delivers them over SMTP (`sender`), rendered at
//! sending time in each recipient's language (`render`).

pub mod outbox;
pub mod render;
pub mod sender;

pub use outbox::{OutboxStatus, Recipient, queue};
pub use sender::{Delivery, Mailer, deliver_due};

/// What a message tells; the key of its subject and body in `locales/*/mail.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// A resolution binds the recipient's agency (seed 002: "resolutions bind agencies").
    ResolutionAssigned,
    /// A resolution passed its deadline: told to the agency and to the secretariat.
    ResolutionOverdue,
    /// The technical committee asks the reporter for information.
    CaseInfoRequested,
    /// Every resolution of the reporter's case is done: the reporter is asked to confirm.
    CaseResolved,
    /// The committee closed the reporter's case, saying why.
    CaseClosed,
    /// The secretariat sends a planned meeting's date and agenda to the members.
    MeetingAgenda,
    /// The reporter says the obstacle remains: the committee must look again.
    CaseDisputed,
    /// `tashil mail test`: the operator checks that this installation can send.
    Test,
}

impl MailKind {
    pub const ALL: [MailKind; 8] = [
        MailKind::ResolutionAssigned,
        MailKind::ResolutionOverdue,
        MailKind::CaseInfoRequested,
        MailKind::CaseResolved,
        MailKind::CaseClosed,
        MailKind::CaseDisputed,
        MailKind::MeetingAgenda,
        MailKind::Test,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::ResolutionAssigned => "resolution_assigned",
            MailKind::ResolutionOverdue => "resolution_overdue",
            MailKind::CaseInfoRequested => "case_info_requested",
            MailKind::CaseResolved => "case_resolved",
            MailKind::CaseClosed => "case_closed",
            MailKind::CaseDisputed => "case_disputed",
            MailKind::MeetingAgenda => "meeting_agenda",
            MailKind::Test => "test",
        }
    }

    pub fn parse(s: &str) -> Option<MailKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}
