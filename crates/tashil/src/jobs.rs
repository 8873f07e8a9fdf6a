//! The periodic work every node runs: the contexts' jobs (listed by `app.rs`, so this module
//! knows no context), then the layers' own steps: sign a checkpoint of the audit chain when one
//! is due, deliver due email. Each step claims its work through the database, so any number of
//! nodes may run it at once and a node that dies leaves nothing half done.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use crate::kernel::clock::Clock;
use crate::mail::{self, Delivery, Mailer};

/// A job's run: how many rows it took (for the log), or why it failed.
pub type JobRun<'a> = Pin<Box<dyn Future<Output = anyhow::Result<usize>> + Send + 'a>>;

/// A job's function: the work due at `now` (the node's clock, so a test runs it at a given
/// instant).
pub type JobFn = for<'a> fn(&'a DatabaseConnection, DateTime<Utc>) -> JobRun<'a>;

/// One periodic job of a context (part of its contract): claims its rows with a conditional
/// UPDATE, so two nodes never do the same work twice.
#[derive(Clone, Copy)]
pub struct Job {
    /// What the log calls it.
    pub name: &'static str,
    pub run: JobFn,
}

impl Job {
    pub const fn new(name: &'static str, run: JobFn) -> Self {
        Job { name, run }
    }
}

/// The periodic work of a node, the contexts' jobs given by the application, and the clock
/// they run on (the system's, or the server's fixed instant in a test).
#[derive(Clone)]
pub struct Jobs {
    jobs: Vec<Job>,
    clock: Clock,
}

impl Jobs {
    pub fn new(jobs: impl IntoIterator<Item = Job>) -> Self {
        Jobs {
            jobs: jobs.into_iter().collect(),
            clock: Clock::System,
        }
    }

    /// The same jobs, run at `clock`'s "now".
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// One pass; `mailer` is `None` when no SMTP server is configured (messages then wait).
    pub async fn tick(
        &self,
        db: &DatabaseConnection,
        mailer: Option<&Mailer>,
    ) -> anyhow::Result<Delivery> {
        // Each step runs whatever the others did: a failing job must not hold back the mail.
        let now = self.clock.now();
        for job in &self.jobs {
            match (job.run)(db, now).await {
                Ok(0) => {}
                Ok(done) => tracing::info!(job = job.name, done, "periodic job done"),
                Err(e) => tracing::warn!(job = job.name, error = ?e, "periodic job failed"),
            }
            // What the pass (or a burst of requests since) freed goes back to the system.
            crate::memory::give_back();
        }
        match crate::audit::checkpoint_if_due(db, crate::audit::CHECKPOINT_EVERY).await {
            Ok(Some(c)) => {
                tracing::info!(seq = c.seq, entries = c.entries, "audit checkpoint signed")
            }
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

    pub fn spawn(self, db: DatabaseConnection, mailer: Option<Mailer>, every: Duration) {
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(every);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                interval.tick().await;
                if let Err(e) = self.tick(&db, mailer.as_ref()).await {
                    tracing::warn!(error = %e, "background jobs failed; retrying next tick");
                }
            }
        });
    }
}
