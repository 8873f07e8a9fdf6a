//! Delivery over SMTP. Each pass claims a batch of due messages with one conditional UPDATE
//! (the claim is re-checked on the row itself, so two nodes never take the same message),
//! sends them, and marks each sent or schedules its retry with a growing delay. A claim left
//! by a node that died expires and the message is taken again.

use chrono::{Duration, Utc};
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

use super::MailKind;
use super::render::render;
use crate::db::settings::statement;

/// A message that failed this many times stays in the outbox with its last error.
pub const MAX_ATTEMPTS: i32 = 8;
const BATCH: i64 = 50;
/// Renewed before each message, so it outlives any one delivery (an SMTP exchange times out
/// after 20 s a step); a claim older than this belonged to a dead node.
const CLAIM_SECONDS: i64 = 300;

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Mailer {
    /// `url` as lettre reads it: `smtps://user:pass@host:465`, `smtp://host:587?tls=required`,
    /// or `smtp://127.0.0.1:25` for a local relay.
    pub fn new(url: &str, from: &str, public_url: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("TASHIL_SMTP_URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| anyhow::anyhow!("TASHIL_MAIL_FROM {from:?}: {e}"))?;
        Ok(Mailer {
            transport,
            from,
            public_url: public_url.to_string(),
        })
    }

    /// Renders and sends one message now (the outbox's rows, or the operator's test). An
    /// outbox row's message keeps one Message-ID however often it is sent, so a delivery
    /// repeated after a crash (at least once, by design) is one message to mail clients.
    pub async fn send(
        &self,
        outbox_id: Option<i64>,
        to: &str,
        lang: &str,
        kind: &str,
        args: &str,
    ) -> anyhow::Result<()> {
        if !MailKind::has_messages(kind) {
            anyhow::bail!("unknown kind {kind}");
        }
        let lang = tashil_text::Lang::parse(lang).unwrap_or(tashil_text::Lang::Fa);
        let args: serde_json::Value = serde_json::from_str(args)?;
        let r = render(kind, lang, &args, &self.public_url);
        let msg = Message::builder()
            .message_id(outbox_id.map(|id| format!("<outbox-{id}@{}>", self.host())))
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(r.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(r.body)?;
        self.transport.send(msg).await?;
        Ok(())
    }

    fn host(&self) -> &str {
        let rest = self
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or(&self.public_url);
        let host = rest.split(['/', ':']).next().unwrap_or_default();
        if host.is_empty() {
            "tashil.invalid"
        } else {
            host
        }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// Minutes before attempt `n + 1`: 1, 5, 15, 60, 240, 720, 1440.
fn backoff(attempts: i32) -> Duration {
    const MINUTES: [i64; 7] = [1, 5, 15, 60, 240, 720, 1440];
    Duration::minutes(MINUTES[(attempts.max(1) as usize - 1).min(MINUTES.len() - 1)])
}

/// One pass: claims up to a batch of due messages and sends them.
pub async fn deliver_due(db: &DatabaseConnection, mailer: &Mailer) -> Result<Delivery, DbErr> {
    let b = db.get_database_backend();
    let now = Utc::now();
    let claim = uuid::Uuid::new_v4().to_string();
    let open = "sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? \
                AND (claimed_until IS NULL OR claimed_until < ?)";
    db.execute_raw(statement(
        b,
        &format!(
            "UPDATE mail_outbox SET claim = ?, claimed_until = ? WHERE id IN \
                 (SELECT id FROM mail_outbox WHERE {open} ORDER BY id LIMIT {BATCH}) AND {open}"
        ),
        [
            claim.clone().into(),
            (now + Duration::seconds(CLAIM_SECONDS)).into(),
            MAX_ATTEMPTS.into(),
            now.into(),
            now.into(),
            MAX_ATTEMPTS.into(),
            now.into(),
            now.into(),
        ],
    ))
    .await?;
    let rows = db
        .query_all_raw(statement(b, "SELECT id, recipient, lang, kind, args, attempts FROM mail_outbox WHERE claim = ? ORDER BY id", [claim.clone().into()]))
        .await?;
    let mut d = Delivery::default();
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let attempts: i32 = r.try_get::<i32>("", "attempts")? + 1;
        // A slow batch may outlive its claim: renew it per message, and leave a message
        // whose claim another node has taken since.
        let renewed = db
            .execute_raw(statement(b, "UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND claim = ? AND sent_at IS NULL", [
                    (Utc::now() + Duration::seconds(CLAIM_SECONDS)).into(),
                    id.into(),
                    claim.clone().into(),
                ]))
            .await?
            .rows_affected();
        if renewed != 1 {
            continue;
        }
        let sent = mailer
            .send(
                Some(id),
                &r.try_get::<String>("", "recipient")?,
                &r.try_get::<String>("", "lang")?,
                &r.try_get::<String>("", "kind")?,
                &r.try_get::<String>("", "args")?,
            )
            .await;
        let done = Utc::now();
        let stmt = match &sent {
            Ok(()) => {
                d.sent += 1;
                metrics::counter!("tashil_mail_sent_total").increment(1);
                statement(
                    b,
                    "UPDATE mail_outbox SET sent_at = ?, attempts = ?, claim = NULL, claimed_until = NULL \
                         WHERE id = ? AND claim = ?",
                    [
                        done.into(),
                        attempts.into(),
                        id.into(),
                        claim.clone().into(),
                    ],
                )
            }
            Err(e) => {
                d.failed += 1;
                metrics::counter!("tashil_mail_failed_total").increment(1);
                tracing::warn!(id, attempts, error = %e, "mail not delivered");
                statement(
                    b,
                    "UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, \
                         claim = NULL, claimed_until = NULL WHERE id = ? AND claim = ?",
                    [
                        attempts.into(),
                        (done + backoff(attempts)).into(),
                        e.to_string().into(),
                        id.into(),
                        claim.clone().into(),
                    ],
                )
            }
        };
        db.execute_raw(stmt).await?;
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_and_stop_growing_at_a_day() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(5));
        assert_eq!(backoff(7), Duration::minutes(1440));
        assert_eq!(backoff(20), Duration::minutes(1440));
    }
}
