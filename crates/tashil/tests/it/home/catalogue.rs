//! The register's board and the catalogue on the home page: reports to review, drafts open
//! for comment, and once an enquiry closes, the committee's decision and responses.

use chrono::Duration;
use serde_json::json;

use super::{home, items, post, today};
use crate::helpers::TestApp;
use tashil::i18n::Lang;
use tashil_text::dates::format_date;

#[tokio::test]
async fn the_board_sees_reports_to_review_and_stakeholders_the_drafts_open_for_comment() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let admin = app.token("admin@t.test").await;
    post(
        &app,
        &unit,
        "/api/v1/regulations",
        json!({"rule_title": "تمدید سالانهٔ پروانهٔ بهره‌برداری", "source": "بخشنامهٔ ۱۲۳۴",
               "issuing_agency": "سازمان صنعت", "description": "هر سال مدارک تکراری خواسته می‌شود."}),
        201,
    )
    .await;
    let got = items(&home(&app.login("qazvin@t.test").await, &app, "en").await);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "1 reported rule waits for the board's review.");
    assert_eq!(got[0].href, "/regulations");
    assert!(
        items(&home(&app.login("alborz@t.test").await, &app, "en").await).is_empty(),
        "another province's board"
    );

    let id = post(
        &app,
        &admin,
        "/api/v1/standards",
        crate::standards::cement(),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let closes = today() + Duration::days(14);
    let path = format!("/api/v1/standards/{id}/transition");
    post(
        &app,
        &admin,
        &path,
        json!({"to": "enquiry", "enquiry_deadline": closes.to_string()}),
        204,
    )
    .await;
    let got = items(&home(&app.login("lab@t.test").await, &app, "en").await);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].text,
        format!(
            "1 draft standard is open for comment until {}.",
            format_date(closes, Lang::En)
        )
    );
    assert_eq!(got[0].href, format!("/standards/{id}"));
    assert!(
        items(&home(&app.login("admin@t.test").await, &app, "en").await).is_empty(),
        "the enquiry is still open: nothing for the committee yet"
    );

    // Once it closes, the committee owes a decision and its responses.
    post(
        &app,
        &app.token("lab@t.test").await,
        &format!("/api/v1/standards/{id}/comments"),
        json!({"body": "روش آزمون بند ۵٫۲ در استان نیست."}),
        201,
    )
    .await;
    post(&app, &admin, &path, json!({"close_enquiry": true}), 204).await;
    let got = items(&home(&app.login("admin@t.test").await, &app, "en").await);
    let texts: Vec<_> = got
        .iter()
        .map(|i| (i.urgency.as_str(), i.text.as_str()))
        .collect();
    let closed_on = format_date(today() - Duration::days(1), Lang::En);
    assert_eq!(
        texts,
        [
            (
                "overdue",
                format!(
                    "1 public enquiry closed on {closed_on} and waits for the committee's decision."
                )
                .as_str()
            ),
            (
                "to-do",
                "1 comment from a closed enquiry waits for a response."
            ),
        ]
    );
    assert!(got.iter().all(|i| i.href == format!("/standards/{id}")));
    assert!(items(&home(&app.login("lab@t.test").await, &app, "en").await).is_empty());
}
