//! The standards catalogue through the API: lifecycle and who may move it, public enquiry,
//! the mandatory list, search in every orthography, and two nodes answering alike.

use reqwest::{Client, Response};
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};

async fn post(app: &TestApp, token: Option<&str>, path: &str, body: Value) -> Response {
    let mut r = Client::new().post(app.url(path)).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.send().await.expect("request")
}

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> Response {
    let mut r = Client::new().get(app.url(path));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.send().await.expect("request")
}

async fn json_of(r: Response) -> Value {
    let status = r.status();
    let text = r.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: {text}"))
}

pub fn cement() -> Value {
    json!({
        "body": "ISIRI", "number": "389", "year": "2019",
        "title_fa": "سیمان پرتلند - ویژگی‌ها و روش‌های آزمون",
        "title_en": "Portland cement - Specifications and test methods",
        "title_vi": "Xi măng poóc lăng – Yêu cầu kỹ thuật và phương pháp thử",
        "scope_fa": "این استاندارد برای برنامه‌های کنترل کیفیت کارخانه‌های سیمان کاربرد دارد.",
        "ics": "91.100.10",
        "products": [{"hs_code": "2523"}],
        "clauses": [
            {"number": "5.1", "parameter_fa": "مقاومت فشاری ۲۸ روزه", "parameter_en": "Compressive strength at 28 days",
             "test_method": "INSO 393", "unit": "MPA", "min": "42.5"},
            {"number": "5.2", "parameter_en": "Loss on ignition", "test_method": "INSO 1692", "unit": "P1", "max": "3"}
        ]
    })
}

async fn create(app: &TestApp, token: &str, body: Value) -> i64 {
    let r = post(app, Some(token), "/api/v1/standards", body).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap_or_default());
    json_of(r).await["id"].as_i64().unwrap()
}

async fn publish(app: &TestApp, token: &str, id: i64) {
    let r = post(
        app,
        Some(token),
        &format!("/api/v1/standards/{id}/transition"),
        json!({"to": "published"}),
    )
    .await;
    assert_eq!(r.status(), 204, "{}", r.text().await.unwrap_or_default());
}

fn in_days(n: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(n)).to_string()
}

#[tokio::test]
async fn only_the_standards_body_creates_and_moves_standards_through_their_lifecycle() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    for who in [
        "qazvin@t.test",
        "unit@t.test",
        "lab@t.test",
        "agency@t.test",
    ] {
        let t = app.token(who).await;
        let r = post(&app, Some(&t), "/api/v1/standards", cement()).await;
        assert_eq!(r.status(), 403, "{who} must not create standards");
    }
    assert_eq!(
        post(&app, None, "/api/v1/standards", cement())
            .await
            .status(),
        401
    );

    let id = create(&app, &admin, cement()).await;
    let v = json_of(get(&app, Some(&admin), &format!("/api/v1/standards/{id}")).await).await;
    assert_eq!(v["designation"], "INSO 389:2019");
    assert_eq!(v["status"], "draft");
    assert_eq!(v["clauses"][0]["min"], 42.5);
    assert_eq!(v["clauses"][1]["unit"], "P1");
    // A draft is the body's working paper: nobody else sees it.
    assert_eq!(
        get(&app, None, &format!("/api/v1/standards/{id}"))
            .await
            .status(),
        404
    );
    let qz = app.token("qazvin@t.test").await;
    assert_eq!(
        get(&app, Some(&qz), &format!("/api/v1/standards/{id}"))
            .await
            .status(),
        404
    );
    // The same designation twice is refused.
    let r = post(&app, Some(&admin), "/api/v1/standards", cement()).await;
    assert_eq!(r.status(), 409);
    assert_eq!(json_of(r).await["code"], "duplicate_standard");

    let tr = |to: &str| json!({ "to": to });
    let path = format!("/api/v1/standards/{id}/transition");
    let r = post(&app, Some(&qz), &path, tr("published")).await;
    assert_eq!(r.status(), 403);
    let r = post(&app, Some(&admin), &path, tr("enquiry")).await;
    assert_eq!(r.status(), 422, "an enquiry needs a deadline");
    let r = post(
        &app,
        Some(&admin),
        &path,
        json!({"to": "enquiry", "enquiry_deadline": in_days(30)}),
    )
    .await;
    assert_eq!(r.status(), 204);
    assert_eq!(
        get(&app, None, &format!("/api/v1/standards/{id}"))
            .await
            .status(),
        200,
        "an enquiry is public"
    );
    let r = post(&app, Some(&admin), &path, tr("withdrawn")).await;
    assert_eq!(r.status(), 409);
    assert_eq!(json_of(r).await["code"], "transition_not_allowed");
    assert_eq!(
        post(&app, Some(&admin), &path, tr("published"))
            .await
            .status(),
        204
    );
    assert_eq!(
        post(&app, Some(&admin), &path, tr("amended"))
            .await
            .status(),
        204
    );

    let mut newer = cement();
    newer["year"] = json!("2024");
    let new_id = create(&app, &admin, newer).await;
    publish(&app, &admin, new_id).await;
    let r = post(
        &app,
        Some(&admin),
        &path,
        json!({"to": "withdrawn", "replaced_by": new_id}),
    )
    .await;
    assert_eq!(r.status(), 204);
    let old = json_of(get(&app, None, &format!("/api/v1/standards/{id}")).await).await;
    assert_eq!(old["status"], "withdrawn");
    assert_eq!(old["replaced_by"]["designation"], "INSO 389:2024");
    let new = json_of(get(&app, None, &format!("/api/v1/standards/{new_id}")).await).await;
    assert_eq!(new["replaces"][0]["id"], id);
    assert_eq!(
        post(&app, Some(&admin), &path, tr("published"))
            .await
            .status(),
        409,
        "withdrawn stays withdrawn"
    );
}

#[tokio::test]
async fn stakeholders_comment_only_while_the_enquiry_is_open_and_the_result_is_public_after() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let lab = app.token("lab@t.test").await;
    let id = create(&app, &admin, cement()).await;
    let comments = format!("/api/v1/standards/{id}/comments");
    let comment = json!({"clause": "۵.۱", "body": "حد ۴۲٫۵ برای واحدهای کوچک سخت است.", "proposal": "دورهٔ گذار"});
    assert_eq!(
        post(&app, Some(&unit), &comments, comment.clone())
            .await
            .status(),
        404,
        "a draft is not open to anyone"
    );

    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{id}/transition"),
        json!({"to": "enquiry", "enquiry_deadline": in_days(14)}),
    )
    .await;
    assert_eq!(r.status(), 204);
    assert_eq!(
        post(&app, Some(&unit), &comments, comment.clone())
            .await
            .status(),
        201
    );
    assert_eq!(
        post(
            &app,
            Some(&lab),
            &comments,
            json!({"body": "روش آزمون بند ۵٫۲ در استان نیست."})
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        post(&app, Some(&admin), &comments, comment.clone())
            .await
            .status(),
        403,
        "the body answers, it does not comment"
    );
    assert_eq!(
        post(&app, None, &comments, comment.clone()).await.status(),
        401
    );
    let r = post(&app, Some(&unit), &comments, json!({"body": "  "})).await;
    assert_eq!(r.status(), 422);
    assert_eq!(json_of(r).await["errors"][0]["field"], "body");

    // While open: each stakeholder sees its own, the body all, the public none.
    let seen = |v: Value| v.as_array().unwrap().len();
    assert_eq!(
        seen(json_of(get(&app, Some(&unit), &comments).await).await),
        1
    );
    assert_eq!(
        seen(json_of(get(&app, Some(&lab), &comments).await).await),
        1
    );
    assert_eq!(
        seen(json_of(get(&app, Some(&admin), &comments).await).await),
        2
    );
    assert_eq!(seen(json_of(get(&app, None, &comments).await).await), 0);
    let all = json_of(get(&app, Some(&admin), &comments).await).await;
    assert_eq!(all[0]["clause"], "5.1");

    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{id}/transition"),
        json!({"close_enquiry": true}),
    )
    .await;
    assert_eq!(r.status(), 204);
    let r = post(&app, Some(&unit), &comments, comment.clone()).await;
    assert_eq!(r.status(), 409);
    assert_eq!(json_of(r).await["code"], "enquiry_closed");
    let cid = all[0]["id"].as_i64().unwrap();
    assert_eq!(
        post(
            &app,
            Some(&unit),
            &format!("/api/v1/comments/{cid}/response"),
            json!({"decision": "accepted", "response": "x"})
        )
        .await
        .status(),
        403
    );
    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/comments/{cid}/response"),
        json!({"decision": "partly_accepted", "response": "دورهٔ گذار سه‌ماهه پذیرفته شد."}),
    )
    .await;
    assert_eq!(r.status(), 204);
    let public = json_of(get(&app, None, &comments).await).await;
    assert_eq!(
        seen(public.clone()),
        2,
        "after the enquiry everyone reads every comment"
    );
    assert_eq!(public[0]["decision"], "partly_accepted");
    assert!(public[0]["organisation_fa"].is_string());
    assert!(
        public[0].get("user_id").is_none(),
        "the person is not published"
    );
}

#[tokio::test]
async fn mandatory_list_answers_by_hs_code_and_by_province() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let admin = app.token("admin@t.test").await;
    let cement_id = create(&app, &admin, cement()).await;
    let mut milk = cement();
    milk["body"] = json!("INSO");
    milk["number"] = json!("93");
    milk["title_fa"] = json!("شیر پاستوریزه - ویژگی‌ها");
    milk["ics"] = json!("67.100.10");
    milk["products"] = json!([{"hs_code": "0401.20"}]);
    let milk_id = create(&app, &admin, milk).await;

    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{cement_id}/mandatory"),
        json!({"mandatory": true}),
    )
    .await;
    assert_eq!(r.status(), 409, "a draft cannot be mandatory");
    for id in [cement_id, milk_id] {
        publish(&app, &admin, id).await;
    }
    let qz = app.token("qazvin@t.test").await;
    let r = post(
        &app,
        Some(&qz),
        &format!("/api/v1/standards/{cement_id}/mandatory"),
        json!({"mandatory": true}),
    )
    .await;
    assert_eq!(r.status(), 403, "only the body decides the mandatory list");
    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{cement_id}/mandatory"),
        json!({"mandatory": true}),
    )
    .await;
    assert_eq!(r.status(), 204);

    let ids = |v: Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["standard"]["id"].as_i64().unwrap())
            .collect()
    };
    let by_hs = |hs: &str| {
        let url = format!("/api/v1/mandatory?hs={}", urlencode(hs));
        let app = &app;
        async move { json_of(get(app, None, &url).await).await }
    };
    assert_eq!(
        ids(by_hs("۲۵۲۳.۲۹").await),
        vec![cement_id],
        "a subheading falls under its heading's standard"
    );
    assert_eq!(
        ids(by_hs("25").await),
        vec![cement_id],
        "a chapter lists the standards under it"
    );
    assert_eq!(
        ids(by_hs("0401.20").await),
        Vec::<i64>::new(),
        "the milk standard is voluntary"
    );
    let r = get(&app, None, "/api/v1/mandatory?hs=77").await;
    assert_eq!(r.status(), 422);

    // The Qazvin unit makes pasteurised milk (HS 0401.20): it appears once milk is mandatory.
    let province = "/api/v1/provinces/IR-26/mandatory";
    assert_eq!(
        json_of(get(&app, Some(&qz), province).await).await["total"],
        0
    );
    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{milk_id}/mandatory"),
        json!({"mandatory": true, "from": "2020-01-01"}),
    )
    .await;
    assert_eq!(r.status(), 204);
    assert_eq!(ids(by_hs("0401.20").await), vec![milk_id]);
    let list = json_of(get(&app, Some(&qz), province).await).await;
    assert_eq!(list["units"], 1);
    assert_eq!(list["rows"][0]["unit_id"], w.qazvin_unit);
    assert_eq!(list["rows"][0]["standard"]["id"], milk_id);
    let unit = app.token("unit@t.test").await;
    assert_eq!(
        json_of(get(&app, Some(&unit), province).await).await["units"],
        1,
        "a unit sees its own products"
    );
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(get(&app, Some(&alborz), province).await.status(), 403);
    let own = json_of(
        get(
            &app,
            Some(&alborz),
            &format!("/api/v1/provinces/{ALBORZ}/mandatory"),
        )
        .await,
    )
    .await;
    assert_eq!(own["units"], 1);
    assert_eq!(
        own["rows"][0]["unit_id"], w.alborz_unit,
        "its own province's milk maker"
    );
    let lab = app.token("lab@t.test").await;
    assert_eq!(get(&app, Some(&lab), province).await.status(), 403);

    // Withdrawing a standard takes it off the list.
    let r = post(
        &app,
        Some(&admin),
        &format!("/api/v1/standards/{milk_id}/transition"),
        json!({"to": "withdrawn"}),
    )
    .await;
    assert_eq!(r.status(), 204);
    assert_eq!(
        json_of(
            get(
                &app,
                Some(&qz),
                &format!("/api/v1/provinces/{QAZVIN}/mandatory")
            )
            .await
        )
        .await["total"],
        0
    );
}

pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

async fn search_ids(base: &str, q: &str) -> Vec<i64> {
    let r = Client::new()
        .get(format!(
            "{base}/api/v1/standards?per_page=100&q={}",
            urlencode(q)
        ))
        .send()
        .await
        .expect("search");
    let v = json_of(r).await;
    let mut ids: Vec<i64> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn search_survives_every_orthography_follows_every_change_and_agrees_across_nodes() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let node2 = app.second_node().await;
    let cement_id = create(&app, &admin, cement()).await;
    publish(&app, &admin, cement_id).await;
    let mut iso = cement();
    iso["body"] = json!("ISO");
    iso["number"] = json!("9001");
    iso["year"] = json!("2015");
    iso["title_fa"] = json!("سامانه‌های مدیریت کیفیت - الزامات");
    iso["title_en"] = json!("Quality management systems - Requirements");
    iso["title_vi"] = json!("Hệ thống quản lý chất lượng – Các yêu cầu");
    iso["scope_fa"] = json!("");
    iso["ics"] = json!("03.120.10");
    iso["products"] = json!([]);
    let iso_id = create(&app, &admin, iso).await;
    publish(&app, &admin, iso_id).await;
    let mut tcvn = cement();
    tcvn["body"] = json!("TCVN");
    tcvn["number"] = json!("5699-1");
    tcvn["year"] = json!("2010");
    tcvn["title_fa"] = json!("");
    tcvn["title_en"] = json!("Household and similar electrical appliances - Safety - Part 1");
    tcvn["title_vi"] = json!("Thiết bị điện gia dụng và thiết bị điện tương tự – An toàn – Phần 1");
    tcvn["scope_fa"] = json!("");
    tcvn["ics"] = json!("13.120");
    tcvn["products"] = json!([]);
    let tcvn_id = create(&app, &admin, tcvn).await;
    publish(&app, &admin, tcvn_id).await;

    for base in [app.base.as_str(), node2.base.as_str()] {
        // Persian: ZWNJ kept, lost, or typed as a space; Arabic letter forms.
        for q in [
            "برنامه‌های",
            "برنامههای",
            "برنامه های",
            "كارخانه",
            "سامانه‌های مدیریت",
            "سامانههاي",
        ] {
            let expect = if q.starts_with("سامان") {
                vec![iso_id]
            } else {
                vec![cement_id]
            };
            assert_eq!(search_ids(base, q).await, expect, "{q} on {base}");
        }
        // Digits in any script, designations in any common spelling.
        for q in ["۹۰۰۱", "9001", "ISO 9001:2015", "iso9001"] {
            assert_eq!(search_ids(base, q).await, vec![iso_id], "{q}");
        }
        for q in ["ISIRI 389", "INSO-389", "استاندارد ملی ۳۸۹"] {
            assert_eq!(search_ids(base, q).await.first(), Some(&cement_id), "{q}");
        }
        for q in [
            "TCVN 5699-1:2010",
            "tcvn 5699-1",
            "thiet bi dien gia dung",
            "Thiết bị điện",
        ] {
            assert_eq!(search_ids(base, q).await, vec![tcvn_id], "{q}");
        }
    }
    // A change made through one node is found through the other at once.
    let mut renamed = cement();
    renamed["title_fa"] = json!("سیمان سفید - ویژگی‌ها");
    renamed["scope_fa"] = json!("");
    let r = Client::new()
        .put(app.url(&format!("/api/v1/standards/{cement_id}")))
        .bearer_auth(&admin)
        .json(&renamed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(search_ids(&node2.base, "سفید").await, vec![cement_id]);
    assert_eq!(
        search_ids(&node2.base, "برنامه‌های").await,
        Vec::<i64>::new()
    );

    // Facets count the matching set; filters narrow it.
    let v = json_of(get(&app, None, "/api/v1/standards?q=&per_page=10").await).await;
    assert_eq!(v["total"], 3);
    let bodies: Vec<(String, u64)> = v["facets"]["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["value"].as_str().unwrap().to_string(),
                f["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        bodies.contains(&("ISO".to_string(), 1)) && bodies.contains(&("TCVN".to_string(), 1)),
        "{bodies:?}"
    );
    let v = json_of(get(&app, None, "/api/v1/standards?body=TCVN").await).await;
    assert_eq!(v["total"], 1);
    // Highlighted snippets and suggestions.
    let v = json_of(
        get(
            &app,
            None,
            &format!("/api/v1/standards?q={}", urlencode("سامانه های")),
        )
        .await,
    )
    .await;
    assert!(
        v["hits"][0]["title"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["hit"] == true),
        "{v}"
    );
    let v = json_of(get(&app, None, "/api/v1/standards/suggest?q=quality%20manag").await).await;
    assert_eq!(v[0]["id"], iso_id);
}

#[tokio::test]
async fn a_catalogue_import_is_all_or_nothing_and_an_export_imports_back() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let upload = |name: &'static str, bytes: Vec<u8>| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let c = app.login("admin@t.test").await;
            let csrf = app.csrf_of(&c, "/standards/import").await;
            let form = reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
            let _ = admin;
            c.post(app.url(&format!("/standards/import?_csrf={csrf}")))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let bad = "body,number,year,title_fa,ics,hs_codes,status,mandatory\n\
               INSO,1234,2020,کاشی سرامیکی,91.100.23,6907,published,yes\n\
               INSO,1235,2020,کاشی لعابدار,99.999,6907,published,no\n\
               TCVN,7745,2007,,91.100.23,7777,published,no\n";
    let r = upload("catalogue.csv", bad.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("import-errors"), "{html}");
    let v = json_of(get(&app, Some(&admin), "/api/v1/standards?q=").await).await;
    assert_eq!(v["total"], 0, "nothing is written when a row is bad");

    let good = bad
        .replace("99.999", "91.100.23")
        .replace(",,91.100.23,7777", ",Gạch gốm ốp lát,91.100.23,6907");
    let r = upload("catalogue.csv", good.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    let v = json_of(get(&app, Some(&admin), "/api/v1/standards?q=").await).await;
    assert_eq!(v["total"], 3);
    let v = json_of(get(&app, None, "/api/v1/mandatory?hs=6907.21").await).await;
    assert_eq!(
        v.as_array().unwrap().len(),
        1,
        "the imported mandatory standard is in force"
    );

    // JSON export with clauses imports into another installation unchanged.
    let id = create(&app, &admin, cement()).await;
    publish(&app, &admin, id).await;
    let c = app.login("admin@t.test").await;
    let exported = c
        .get(app.url("/standards/export.json"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let records: Value = serde_json::from_slice(&exported).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 4);
    let other = TestApp::spawn().await;
    other.world().await;
    let c = other.login("admin@t.test").await;
    let (status, _) = other
        .upload(
            &c,
            "/standards/import",
            "/standards/import",
            "standards.json",
            exported.to_vec(),
        )
        .await;
    assert_eq!(status, 200);
    let token = other.token("admin@t.test").await;
    let v = json_of(get(&other, Some(&token), "/api/v1/standards?q=INSO%20389").await).await;
    let id2 = v["hits"][0]["id"].as_i64().unwrap();
    let s = json_of(get(&other, Some(&token), &format!("/api/v1/standards/{id2}")).await).await;
    assert_eq!(s["clauses"].as_array().unwrap().len(), 2);
    assert_eq!(s["status"], "published");
}

/// Lines of the project's corpus (`testdata/corpus`: Persian typed with lost, doubled and
/// spaced ZWNJ, Arabic letters and mixed digits; Vietnamese decomposed or with the other
/// tone placement) become standards' titles through the API; every orthography variant of
/// a query taken from them finds, over HTTP, exactly the standards its standard spelling
/// finds.
#[tokio::test]
async fn corpus_sentences_are_found_alike_in_every_orthography_through_the_api() {
    use tashil_search::variants::{insert_zwnj, variants};
    const FA: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/corpus/fa.txt"
    ));
    const VI: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/corpus/vi.txt"
    ));
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let mut queries = vec![];
    let mut n = 0;
    for (text, persian) in [(FA, true), (VI, false)] {
        let sentences: Vec<String> = text
            .lines()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| s.split(' ').count() >= 5)
            .take(20)
            .collect();
        assert_eq!(sentences.len(), 20, "the corpus is required");
        for s in &sentences {
            n += 1;
            let title: String = s.chars().take(200).collect();
            let body = json!({
                "body": "INSO", "number": format!("{}", 50_000 + n), "year": "2024",
                "title_fa": if persian { title.clone() } else { String::new() },
                "title_vi": if persian { String::new() } else { title.clone() },
            });
            let id = create(&app, &admin, body).await;
            publish(&app, &admin, id).await;
            let words: Vec<&str> = title
                .split(' ')
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().count() >= 4)
                .collect();
            if let [a, b, ..] = words[..] {
                queries.push(format!("{a} {b}"));
            }
            if let Some(w) = words.last() {
                queries.push(w.to_string());
            }
        }
    }
    let mut checked = 0;
    for q in &queries {
        // The standard spelling puts the ZWNJ where Persian writes one.
        let canonical = insert_zwnj(q);
        let expected = search_ids(&app.base, &canonical).await;
        assert!(!expected.is_empty(), "{canonical} finds its own sentence");
        for (kind, v) in variants(&canonical) {
            assert_eq!(
                search_ids(&app.base, &v).await,
                expected,
                "{kind:?}: {v} vs {canonical}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 80, "only {checked} variant queries were checked");
}

#[tokio::test]
async fn the_standard_form_shows_each_error_beside_its_field_and_then_saves() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.login("admin@t.test").await;
    let csrf = app.csrf_of(&c, "/standards/new").await;
    let mut form = vec![
        ("_csrf", csrf.clone()),
        ("body", "INSO".to_string()),
        ("number", "۱۲۳۴".to_string()),
        ("year", "2021".to_string()),
        ("title_fa", "کاشی سرامیکی - ویژگی‌ها".to_string()),
        ("ics", "99.999".to_string()),
        ("product_hs", "6907".to_string()),
        ("product_code", String::new()),
        ("clause_number", "4.1".to_string()),
        ("clause_parameter_fa", "جذب آب".to_string()),
        ("clause_parameter_en", String::new()),
        ("clause_parameter_vi", String::new()),
        ("clause_method", "ISO 10545-3".to_string()),
        ("clause_unit", "P1".to_string()),
        ("clause_min", "3".to_string()),
        ("clause_max", "0.5".to_string()),
        ("clause_allowed", String::new()),
    ];
    let r = c
        .post(app.url("/standards"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"ics-err\""),
        "the ICS error is beside its field"
    );
    assert!(
        html.contains("The maximum is below the minimum")
            || html.contains("بیشینه از کمینه کمتر است")
    );
    assert!(html.contains("value=\"۱۲۳۴\""), "what was typed is kept");
    for (k, v) in form.iter_mut() {
        if *k == "ics" {
            *v = "91.100.23".into();
        }
        if *k == "clause_max" {
            *v = String::new();
        }
        if *k == "clause_min" {
            *v = String::new();
        }
        if *k == "clause_allowed" {
            *v = String::new();
        }
    }
    form.retain(|(k, _)| *k != "clause_max");
    form.push(("clause_max", "۰٫۵".into()));
    let r = c
        .post(app.url("/standards"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let page = c
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("INSO ۱۲۳۴:۲۰۲۱"), "{page}");
    assert!(page.contains("ISO 10545-3"));
    // Without a CSRF token the same form is refused.
    form.retain(|(k, _)| *k != "_csrf");
    let r = c
        .post(app.url("/standards"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "csrf_failed");
}

#[tokio::test]
async fn a_node_whose_database_went_back_to_a_backup_rebuilds_its_index() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let titled = |number: &str, word: &str| {
        let mut s = cement();
        s["number"] = json!(number);
        s["title_en"] = json!(format!("Portland cement {word}"));
        s
    };
    let hits = |q: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            let v = json_of(get(app, Some(admin), &format!("/api/v1/standards?q={q}")).await).await;
            v["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_i64().unwrap())
                .collect::<Vec<i64>>()
        }
    };
    let kept = create(&app, &admin, titled("3891", "quartzite")).await;
    assert_eq!(hits("quartzite").await, [kept]);
    let undone = create(&app, &admin, titled("3892", "basaltic")).await;
    assert_eq!(hits("basaltic").await, [undone]);

    // The database restored from a backup taken between the two: the second standard and
    // its outbox row are gone, and the outbox's next id is the one the index has applied.
    let backend = app.db.get_database_backend();
    for sql in [
        format!("DELETE FROM standard_clauses WHERE standard_id = {undone}"),
        format!("DELETE FROM standard_products WHERE standard_id = {undone}"),
        format!("DELETE FROM standards WHERE id = {undone}"),
        format!("DELETE FROM search_outbox WHERE entity_id = {undone}"),
        match backend {
            sea_orm::DbBackend::Postgres => "SELECT setval(pg_get_serial_sequence('search_outbox', 'id'), (SELECT MAX(id) FROM search_outbox))".to_string(),
            _ => "UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM search_outbox) WHERE name = 'search_outbox'".to_string(),
        },
    ] {
        app.db.execute_unprepared(&sql).await.unwrap();
    }
    // A new standard takes the outbox id the index has already applied.
    let after = create(&app, &admin, titled("3893", "granitic")).await;
    assert_eq!(hits("granitic").await, [after], "the new standard is found");
    assert_eq!(
        hits("basaltic").await,
        Vec::<i64>::new(),
        "no ghost of the undone one"
    );
    assert_eq!(hits("quartzite").await, [kept]);
}
