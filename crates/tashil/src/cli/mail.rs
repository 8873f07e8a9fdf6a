//! `tashil mail`: how the outbox stands, and a test message to check the SMTP settings.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::config::StorageConfig;
use crate::mail::Mailer;

/// The SMTP settings `serve` delivers with and `mail test` checks.
#[derive(Args, Clone)]
pub struct SmtpArgs {
    /// SMTP server for notifications: `smtps://user:pass@host:465`,
    /// `smtp://host:587?tls=required`, `smtp://127.0.0.1:25`. Without it, messages wait in
    /// the outbox.
    #[arg(long, env = "TASHIL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender of notifications.
    #[arg(
        long,
        env = "TASHIL_MAIL_FROM",
        default_value = "Tashil <no-reply@tashil.localhost>"
    )]
    pub mail_from: String,
    /// The address users reach this installation at, for links in messages
    /// (default for `serve`: http:// and the bind address).
    #[arg(long, env = "TASHIL_PUBLIC_URL")]
    pub public_url: Option<String>,
}

impl SmtpArgs {
    /// The mailer, or `None` when no SMTP URL is set.
    pub fn mailer(&self, default_public_url: &str) -> anyhow::Result<Option<Mailer>> {
        let public_url = self.public_url.as_deref().unwrap_or(default_public_url);
        self.smtp_url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .map(|url| Mailer::new(url, &self.mail_from, public_url))
            .transpose()
    }
}

#[derive(Subcommand)]
pub enum MailAction {
    /// Messages waiting, sent and given up, with the latest delivery errors.
    Status,
    /// Send one test message now, through the configured SMTP server.
    Test {
        #[command(flatten)]
        smtp: SmtpArgs,
        /// Recipient.
        #[arg(long)]
        to: String,
        /// Language of the message: fa, vi or en.
        #[arg(long, default_value = "fa")]
        lang: String,
    },
}

pub async fn mail(storage: StorageConfig, action: MailAction) -> anyhow::Result<ExitCode> {
    match action {
        MailAction::Status => {
            let db = super::open(&storage).await?;
            let st = crate::mail::outbox::status(&db).await?;
            println!(
                "waiting {}\nsent {}\ngiven up {}",
                st.waiting, st.sent, st.given_up
            );
            for (to, attempts, err) in crate::mail::outbox::last_errors(&db, 10).await? {
                println!("{to}\t{attempts}\t{err}");
            }
            Ok(ExitCode::SUCCESS)
        }
        MailAction::Test { smtp, to, lang } => {
            let Some(mailer) = smtp.mailer("http://localhost")? else {
                anyhow::bail!("set --smtp-url or TASHIL_SMTP_URL");
            };
            mailer
                .send(None, &to, &lang, crate::mail::TEST.as_str(), "{}")
                .await?;
            println!("sent to {to}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
