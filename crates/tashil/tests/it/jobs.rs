//! The periodic work of a node: the contexts' jobs, each failing alone (logged), then the
//! layers' steps (the audit checkpoint, the mail), which run whatever a job did.

use std::sync::atomic::{AtomicUsize, Ordering};

use sea_orm::DatabaseConnection;
use serde_json::json;
use tashil::jobs::{Job, JobRun, Jobs};
use tashil::mail::{Mailer, Recipient};

use crate::helpers::TestApp;
use crate::smtp_sink::Sink;

static RAN: AtomicUsize = AtomicUsize::new(0);

fn broken(_: &DatabaseConnection, _: chrono::DateTime<chrono::Utc>) -> JobRun<'_> {
    Box::pin(async { anyhow::bail!("broken on purpose") })
}

fn counted(_: &DatabaseConnection, _: chrono::DateTime<chrono::Utc>) -> JobRun<'_> {
    Box::pin(async { Ok(RAN.fetch_add(1, Ordering::SeqCst) + 1) })
}

#[tokio::test]
async fn a_failing_job_holds_back_neither_the_next_job_nor_the_checkpoint_nor_the_mail() {
    let app = TestApp::spawn().await;
    app.world().await;
    let sink = Sink::start().await;
    let m = Mailer::new(
        &sink.url,
        "Tashil <no-reply@tashil.test>",
        "https://tashil.test",
    )
    .expect("mailer");
    let to = Recipient {
        email: "ops@t.test".into(),
        lang: "en".into(),
    };
    tashil::mail::queue(&app.db, &[to], tashil::mail::TEST, &json!({}))
        .await
        .unwrap();
    let jobs = Jobs::new([Job::new("broken", broken), Job::new("counted", counted)]);

    let delivered = jobs
        .tick(&app.db, Some(&m))
        .await
        .expect("the tick itself holds");

    assert_eq!(
        RAN.load(Ordering::SeqCst),
        1,
        "the job after the broken one ran"
    );
    assert_eq!(delivered.sent, 1);
    assert_eq!(sink.take()[0].subject(), "Tashil test message");
    let latest = app
        .browser()
        .get(app.url("/audit/checkpoints/latest"))
        .send()
        .await
        .unwrap();
    assert_eq!(latest.status(), 200, "the checkpoint was signed");
}
