//! Email notifications through a real SMTP client to a local sink: the agency hears of each
//! resolution that binds it, the agency and the secretariat (once) of each that passed its
//! deadline, the reporter of requests for information and of the resolution it must confirm;
//! in Persian with Solar Hijri dates. A failed delivery is retried later, never lost.

use reqwest::Client;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::smtp_sink::Sink;
use tashil::mail::{MailKind, Mailer};

fn mailer(url: &str) -> Mailer {
    Mailer::new(url, "Tashil <no-reply@tashil.test>", "https://tashil.test").expect("mailer")
}

fn case() -> Value {
    json!({"category": "tax", "title": "جریمهٔ دیرکرد مالیات بر ارزش افزوده",
           "description": "به دلیل تأخیر در استرداد مالیات صادراتی جریمه محاسبه شده است."})
}

#[test]
fn every_kind_of_message_of_every_context_has_its_texts_in_every_language() {
    let kinds: Vec<_> = tashil::app::mail_kinds().map(|k| k.as_str()).collect();
    assert!(kinds.len() >= 7, "{kinds:?}");
    let missing: Vec<_> = kinds
        .iter()
        .filter(|k| !MailKind::has_messages(k))
        .collect();
    assert!(
        missing.is_empty(),
        "no subject or body in some mail.ftl: {missing:?}"
    );
    // A kind is stored by name: two contexts naming one kind would share its texts.
    let mut names = kinds.clone();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), kinds.len(), "a kind named twice: {kinds:?}");
}

#[tokio::test]
async fn the_reporter_and_the_agency_hear_of_each_step_in_their_language() {
    let app = TestApp::spawn().await;
    app.world().await;
    let sink = Sink::start().await;
    let m = mailer(&sink.url);
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let tax = app.token("agency@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();

    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({"action": "request_info", "note": "تصویر برگ تشخیص مالیات را بفرستید."}),
        204,
    )
    .await;
    let d = tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    assert_eq!((d.sent, d.failed), (1, 0));
    let (to_unit, rest) = sink.take_for("unit@t.test");
    assert!(rest.is_empty());
    assert!(
        to_unit[0].subject().contains("اطلاعات بیشتر"),
        "{}",
        to_unit[0].subject()
    );
    let text = to_unit[0].text();
    assert!(
        text.contains("تصویر برگ تشخیص مالیات را بفرستید."),
        "{text}"
    );
    assert!(
        text.contains(&format!("https://tashil.test/cases/{id}")),
        "{text}"
    );

    app.post_json(
        &unit,
        &format!("/api/v1/cases/{id}/info"),
        json!({"note": "پیوست شد."}),
        204,
    )
    .await;
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({
            "action": "route", "resolution": {"agency_org_id": tax_org,
            "action": "بررسی درخواست بخشودگی جریمه", "working_days": "۱۰", "proof": "نامهٔ اداره کل"}
        }),
        204,
    )
    .await;
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    let (to_tax, rest) = sink.take_for("agency@t.test");
    assert!(rest.is_empty(), "only the agency hears of its resolution");
    let text = to_tax[0].text();
    assert!(text.contains("بررسی درخواست بخشودگی جریمه"), "{text}");
    let listed: Value = Client::new()
        .get(app.url("/api/v1/resolutions"))
        .bearer_auth(&tax)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rid = listed[0]["id"].as_i64().unwrap();
    let deadline =
        chrono::NaiveDate::parse_from_str(listed[0]["deadline"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    // The deadline as a Persian reader reads it: Solar Hijri, Persian digits.
    let shown = tashil_text::dates::format_date(deadline, tashil_text::Lang::Fa);
    assert!(text.contains(&shown), "{shown} in {text}");

    app.post_json(
        &tax,
        &format!("/api/v1/resolutions/{rid}/progress"),
        json!({"note": "جریمه بخشوده شد", "evidence": "نامهٔ ۱۲۳۴", "done": true}),
        204,
    )
    .await;
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    let (to_unit, rest) = sink.take_for("unit@t.test");
    assert!(rest.is_empty());
    assert!(
        to_unit[0].subject().contains("تأیید"),
        "{}",
        to_unit[0].subject()
    );
    // Nothing is sent twice.
    let d = tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    assert_eq!(d.sent, 0);
    assert!(sink.take().is_empty());
}

#[tokio::test]
async fn an_overdue_resolution_is_told_once_to_the_agency_and_the_secretariat() {
    let app = TestApp::spawn().await;
    app.world().await;
    let sink = Sink::start().await;
    let m = mailer(&sink.url);
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    let body = app.post_json(
        &officer,
        "/api/v1/bodies",
        json!({
            "kind": "working_group", "name_fa": "کارگروه تسهیل", "members": [[tax_org, "agency"]]
        }),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let held = (chrono::Utc::now().date_naive() - chrono::Duration::days(60)).to_string();
    let meeting = app
        .post_json(
            &officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": held}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/meetings/{meeting}/agenda"),
        json!({"case_id": id}),
        201,
    )
    .await;
    app.post_json(
        &officer,
        &format!("/api/v1/meetings/{meeting}/record"),
        json!({"minutes": "برگزار شد"}),
        204,
    )
    .await;
    app.post_json( &officer, &format!("/api/v1/meetings/{meeting}/resolutions"), json!({
        "case_id": id, "agency_org_id": tax_org, "action": "استرداد مالیات", "working_days": "5", "proof": "نامه"
    }), 201).await;
    // Two nodes' jobs at once: the resolution is flagged once and each message sent once.
    let (one, two) = (tashil::app::jobs(), tashil::app::jobs());
    let (a, b) = tokio::join!(one.tick(&app.db, Some(&m)), two.tick(&app.db, Some(&m)));
    let (a, b) = (a.unwrap(), b.unwrap());
    let (first, others) = sink.take_for("agency@t.test");
    assert_eq!(first.len(), 2, "assigned, then overdue, each once");
    assert_eq!(others.len(), 1, "the secretariat, once");
    assert_eq!(a.sent + b.sent, 3);
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    assert!(sink.take().is_empty(), "flagged once");
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'resolution_overdue'")
            .await,
        2
    );
    let overdue: Vec<_> = first
        .iter()
        .filter(|m| m.subject().contains("مهلت"))
        .collect();
    assert_eq!(overdue.len(), 1);
    // The secretariat (Qazvin's provincial officer) got the list link.
    let rows = app.scalar("SELECT COUNT(*) AS n FROM mail_outbox WHERE recipient = 'qazvin@t.test' AND kind = 'resolution_overdue' AND sent_at IS NOT NULL").await;
    assert_eq!(rows, 1);
    let events = app
        .scalar("SELECT COUNT(*) AS n FROM case_events WHERE kind = 'resolution_overdue'")
        .await;
    assert_eq!(events, 1);
    let audited = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'resolution.overdue'")
        .await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn a_message_the_server_refused_waits_and_is_sent_on_a_later_attempt() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({"action": "close", "reason": "در صلاحیت کارگروه نیست", "solved": false}),
        204,
    )
    .await;
    // Nobody listens on this port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("smtp://{}", closed.local_addr().unwrap());
    drop(closed);
    let d = tashil::app::jobs()
        .tick(&app.db, Some(&mailer(&dead)))
        .await
        .unwrap();
    assert_eq!((d.sent, d.failed), (0, 1));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM mail_outbox WHERE attempts = 1 AND sent_at IS NULL AND last_error IS NOT NULL").await,
        1
    );
    let sink = Sink::start().await;
    let m = mailer(&sink.url);
    // Not yet due: it waits its retry delay.
    assert_eq!(
        tashil::app::jobs()
            .tick(&app.db, Some(&m))
            .await
            .unwrap()
            .sent,
        0
    );
    app.db
        .execute_unprepared("UPDATE mail_outbox SET next_attempt_at = created_at")
        .await
        .unwrap();
    assert_eq!(
        tashil::app::jobs()
            .tick(&app.db, Some(&m))
            .await
            .unwrap()
            .sent,
        1
    );
    let got = sink.take();
    assert_eq!(got[0].rcpt, vec!["unit@t.test".to_string()]);
    assert!(got[0].text().contains("در صلاحیت کارگروه نیست"));
}

fn tashil(app: &TestApp) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tashil"));
    cmd.arg("--data-dir").arg(&app.storage.data_dir);
    if let Some(url) = &app.storage.database_url {
        cmd.arg("--database-url").arg(url);
    }
    cmd
}

#[tokio::test]
async fn the_operator_checks_the_smtp_settings_and_the_outbox_from_the_command_line() {
    let app = TestApp::spawn().await;
    let sink = Sink::start().await;
    let url = sink.url.clone();
    let out = tokio::task::spawn_blocking({
        let mut cmd = tashil(&app);
        cmd.args([
            "mail",
            "test",
            "--to",
            "ops@t.test",
            "--lang",
            "vi",
            "--smtp-url",
            &url,
        ]);
        move || cmd.output().unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = sink.take();
    assert_eq!(got[0].rcpt, vec!["ops@t.test".to_string()]);
    assert_eq!(got[0].subject(), "Thư thử nghiệm của Tashil");

    // A wrong server is reported, not hidden.
    let out = tashil(&app)
        .args([
            "mail",
            "test",
            "--to",
            "ops@t.test",
            "--smtp-url",
            "smtp://127.0.0.1:1",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());

    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({"action": "request_info", "note": "مدارک را بفرستید"}),
        204,
    )
    .await;
    let out = tashil(&app).args(["mail", "status"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("waiting 1\nsent 0\ngiven up 0"), "{text}");
}

#[tokio::test]
async fn the_secretariat_sends_the_members_the_date_and_agenda_of_a_meeting() {
    let app = TestApp::spawn().await;
    app.world().await;
    let sink = Sink::start().await;
    let m = mailer(&sink.url);
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let tax = app.token("agency@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let body = app.post_json(&officer, "/api/v1/bodies", json!({
        "kind": "working_group", "name_fa": "کارگروه تسهیل قزوین", "name_en": "Qazvin working group",
        "members": [[tax_org, "agency"]]
    }), 201).await["id"].as_i64().unwrap();
    let meeting = app
        .post_json(
            &officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": "2026-12-15"}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let invite = format!("/api/v1/meetings/{meeting}/invite");
    let empty = app.post_json(&officer, &invite, json!({}), 422).await;
    assert_eq!(empty["errors"][0]["code"], "agenda_empty");
    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/meetings/{meeting}/agenda"),
        json!({"case_id": id}),
        201,
    )
    .await;
    // Only the secretariat sends it.
    assert_ne!(
        Client::new()
            .post(app.url(&invite))
            .bearer_auth(&tax)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let sent = app.post_json(&officer, &invite, json!({}), 200).await;
    assert_eq!(sent["recipients"], 1);
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    let (to_tax, rest) = sink.take_for("agency@t.test");
    assert!(rest.is_empty());
    assert!(
        to_tax[0].subject().contains("کارگروه تسهیل قزوین"),
        "{}",
        to_tax[0].subject()
    );
    let text = to_tax[0].text();
    // 15 December 2026 is 24 Azar 1405.
    assert!(text.contains("۲۴ آذر ۱۴۰۵"), "{text}");
    assert!(
        text.contains("1. ") && text.contains("جریمهٔ دیرکرد مالیات"),
        "{text}"
    );
    let (_, seen) = app
        .get_json(&officer, &format!("/api/v1/meetings/{meeting}"))
        .await;
    assert!(seen["agenda_sent_at"].is_string(), "{seen}");
}

#[tokio::test]
async fn a_message_sent_again_after_a_crash_keeps_its_message_id() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let id = app.post_json(&unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({"action": "close", "reason": "در صلاحیت کارگروه نیست", "solved": false}),
        204,
    )
    .await;
    let sink = Sink::start().await;
    let m = mailer(&sink.url);
    let jobs = tashil::app::jobs();
    assert_eq!(jobs.tick(&app.db, Some(&m)).await.unwrap().sent, 1);
    // A node killed after the SMTP server took the message and before the outbox row was
    // marked: the row is due again, and goes out a second time (at least once, by design).
    app.db
        .execute_unprepared("UPDATE mail_outbox SET sent_at = NULL")
        .await
        .unwrap();
    assert_eq!(jobs.tick(&app.db, Some(&m)).await.unwrap().sent, 1);
    let got = sink.take();
    assert_eq!(got.len(), 2);
    let first = got[0].message_id();
    assert!(
        first.starts_with("outbox-") && first.contains('@'),
        "{first}"
    );
    assert_eq!(
        first,
        got[1].message_id(),
        "one message to the reader's mail client"
    );
}
