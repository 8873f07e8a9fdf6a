//! The periodic work every node runs: flag resolutions that passed their deadline, sign a
//! checkpoint of the audit chain when one is due, then deliver due email. Each step claims its work through the database, so any number of nodes
//! may run it at once and a node that dies leaves nothing half done.

use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::mail::{self, Delivery, Mailer};

/// One pass; `mailer` is `None` when no SMTP server is configured (messages then wait).
pub async fn tick(db: &DatabaseConnection, mailer: Option<&Mailer>) -> anyhow::Result<Delivery> {
    // Each step runs whatever the other did: a failing flag must not hold back the mail.
    // The periodic work runs on the system clock.
    match crate::facilitation::followup::flag_overdue(db, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(flagged) => tracing::info!(flagged, "overdue resolutions flagged"),
        Err(e) => tracing::warn!(error = ?e, "flagging overdue resolutions failed"),
    }
    match crate::audit::checkpoint_if_due(db, crate::audit::CHECKPOINT_EVERY).await {
        Ok(Some(c)) => tracing::info!(seq = c.seq, entries = c.entries, "audit checkpoint signed"),
        Ok(None) => {}
        // A log that no longer matches its last checkpoint is told every tick until seen.
        Err(e) => tracing::warn!(error = %e, "audit checkpoint failed"),
    }
    let delivered = match mailer {
        Some(m) => mail::deliver_due(db, m).await?,
        None => Delivery::default(),
    };
    let (waiting, given_up) = mail::outbox::unsent(db).await?;
    metrics::gauge!("tashil_mail_waiting").set(waiting as f64);
    metrics::gauge!("tashil_mail_given_up").set(given_up as f64);
    Ok(delivered)
}

pub fn spawn(db: DatabaseConnection, mailer: Option<Mailer>, every: Duration) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(e) = tick(&db, mailer.as_ref()).await {
                tracing::warn!(error = %e, "background jobs failed; retrying next tick");
            }
            // What the pass (or a burst of requests since) freed goes back to the system.
            crate::memory::give_back();
        }
    });
}
