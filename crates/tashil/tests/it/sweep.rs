//! Every operation the OpenAPI document lists, sent boundary values as an attacker would:
//! pages 0, -1, 2^63-1 and 2^64-1, huge and zero `per_page`, ids past every table, dates far
//! past and future, empty, huge and bidi-laden strings. None may answer 5xx or close the
//! connection, and no huge string may be stored.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value, json};
use tokio::task::JoinSet;

use crate::helpers::{QAZVIN, TestApp};
use tashil::access::OrganisationKind;

const PAGES: [&str; 6] = [
    "0",
    "-1",
    "9223372036854775807",
    "18446744073709551615",
    "200000000000000000",
    "abc",
];
const IDS: [&str; 6] = [
    "1",
    "0",
    "-1",
    "9223372036854775807",
    "18446744073709551615",
    "x%E2%80%AE",
];

/// Longer than any free-text field may be (the longest, a case's description, takes 20,000).
fn huge() -> String {
    format!("{}\u{202E}", "ب".repeat(30_000))
}

/// As long as a URL may carry (the client refuses URLs over 64 KiB).
fn long_query() -> String {
    format!("{}\u{202E}", "ب".repeat(4_000))
}

fn bidi() -> String {
    "\u{202E}\u{2066}متن\u{200F}\u{061C} آزمون\u{2069}\u{202C}".to_string()
}

/// What a generated body varies; everything else gets a plausible value.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Plausible,
    EmptyStrings,
    HugeStrings,
    BidiStrings,
    ZeroNumbers,
    NegativeNumbers,
    MaxI64,
    MaxU64,
    FarFuture,
    FarPast,
}

const MODES: [Mode; 10] = [
    Mode::Plausible,
    Mode::EmptyStrings,
    Mode::HugeStrings,
    Mode::BidiStrings,
    Mode::ZeroNumbers,
    Mode::NegativeNumbers,
    Mode::MaxI64,
    Mode::MaxU64,
    Mode::FarFuture,
    Mode::FarPast,
];

struct Spec<'a> {
    schemas: &'a Map<String, Value>,
}

impl Spec<'_> {
    fn resolve<'s>(&'s self, s: &'s Value) -> &'s Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => self
                .schemas
                .get(r.trim_start_matches("#/components/schemas/"))
                .unwrap_or(&Value::Null),
            None => s,
        }
    }

    /// The variants of a schema: each branch of a `oneOf`/`anyOf`, or the schema itself.
    fn variants<'s>(&'s self, s: &'s Value) -> Vec<&'s Value> {
        let s = self.resolve(s);
        for key in ["oneOf", "anyOf"] {
            if let Some(v) = s.get(key).and_then(Value::as_array) {
                return v
                    .iter()
                    .map(|b| self.resolve(b))
                    .filter(|b| b.get("type") != Some(&json!("null")))
                    .collect();
            }
        }
        vec![s]
    }

    fn value(&self, s: &Value, mode: Mode, depth: usize) -> Value {
        let s = self.variants(s)[0];
        if depth > 6 {
            return Value::Null;
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array) {
            return e.first().cloned().unwrap_or(Value::Null);
        }
        let ty = match s.get("type") {
            Some(Value::Array(t)) => t
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or("null")
                .to_string(),
            Some(Value::String(t)) => t.clone(),
            _ if s.get("properties").is_some() => "object".into(),
            _ => "null".into(),
        };
        match ty.as_str() {
            "object" => self.object(s, mode, depth),
            "array" => {
                if let Some(items) = s.get("prefixItems").and_then(Value::as_array) {
                    let tuple: Vec<Value> = items
                        .iter()
                        .map(|i| self.value(i, mode, depth + 1))
                        .collect();
                    return json!([tuple]);
                }
                let item = s.get("items").cloned().unwrap_or(Value::Null);
                let v = self.value(&item, mode, depth + 1);
                json!([v.clone(), v])
            }
            "integer" | "number" => match mode {
                Mode::ZeroNumbers => json!(0),
                Mode::NegativeNumbers => json!(-1),
                Mode::MaxI64 => json!(i64::MAX),
                Mode::MaxU64 => json!(u64::MAX),
                _ => json!(1),
            },
            "boolean" => json!(true),
            "string" => {
                let date = s.get("format").and_then(Value::as_str) == Some("date");
                match (mode, date) {
                    (Mode::FarFuture, true) => json!("+262142-12-31"),
                    (Mode::FarPast, true) => json!("-0001-12-31"),
                    (_, true) => json!("2026-12-20"),
                    (Mode::EmptyStrings, _) => json!(""),
                    (Mode::HugeStrings, _) => json!(huge()),
                    (Mode::BidiStrings, _) => json!(bidi()),
                    (Mode::MaxI64, _) => json!("9223372036854775807"),
                    (Mode::MaxU64, _) => json!("18446744073709551615"),
                    (Mode::NegativeNumbers, _) => json!("-1"),
                    _ => json!("۱۲"),
                }
            }
            _ => Value::Null,
        }
    }

    fn object(&self, s: &Value, mode: Mode, depth: usize) -> Value {
        let mut out = Map::new();
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, p) in props {
                out.insert(k.clone(), self.value(p, mode, depth + 1));
            }
        }
        Value::Object(out)
    }

    /// Bodies for an operation: every mode of every variant, an empty object and no JSON.
    fn bodies(&self, schema: &Value) -> Vec<(Mode, Value)> {
        let mut out = vec![];
        for v in self.variants(schema) {
            for mode in MODES {
                out.push((mode, self.value(v, mode, 0)));
            }
        }
        out.push((Mode::Plausible, json!({})));
        out.push((Mode::Plausible, json!("not an object")));
        out
    }
}

fn contains_huge(v: &Value) -> bool {
    match v {
        Value::String(s) => s.len() > 10_000,
        Value::Array(a) => a.iter().any(contains_huge),
        Value::Object(o) => o.values().any(contains_huge),
        _ => false,
    }
}

/// Path templates filled with each id value (`{code}` gets province codes).
fn paths(template: &str) -> Vec<String> {
    let mut out = vec![template.to_string()];
    while let Some(start) = out[0].find('{') {
        let end = out[0][start..]
            .find('}')
            .map(|e| start + e)
            .unwrap_or(start);
        let name = &out[0][start + 1..end];
        let values: Vec<&str> = if name == "code" {
            vec![QAZVIN, "VN-37", "XX-99", "%E2%80%AE"]
        } else {
            IDS.to_vec()
        };
        let mut next = vec![];
        for p in &out {
            for v in &values {
                next.push(format!("{}{}{}", &p[..start], v, &p[end + 1..]));
            }
        }
        out = next;
    }
    out
}

struct Request {
    method: String,
    url: String,
    token: String,
    body: Option<Value>,
    /// The body held a huge string in every string field, so success would mean one was
    /// stored uncapped.
    huge: bool,
}

async fn run(client: reqwest::Client, r: Request) -> Option<String> {
    let mut b = client
        .request(r.method.parse().expect("method"), &r.url)
        .bearer_auth(&r.token);
    if let Some(body) = &r.body {
        b = b.json(body);
    }
    let label = || {
        let body: String = r
            .body
            .as_ref()
            .map(|b| b.to_string().chars().take(300).collect())
            .unwrap_or_default();
        let url: String = r.url.chars().take(200).collect();
        format!("{} {url} {body}", r.method)
    };
    let res = match b.send().await {
        Ok(res) => res,
        Err(e) => return Some(format!("{}: no answer ({e})", label())),
    };
    let status = res.status().as_u16();
    let text = match res.text().await {
        Ok(t) => t,
        Err(e) => return Some(format!("{}: answer cut ({e})", label())),
    };
    if status >= 500 {
        return Some(format!("{}: {status} {text}", label()));
    }
    if r.huge && (200..300).contains(&status) {
        return Some(format!(
            "{}: a huge string was accepted ({status})",
            label()
        ));
    }
    None
}

#[tokio::test]
async fn no_boundary_value_sent_to_any_documented_operation_answers_5xx_or_closes_the_connection() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter("error")
        .with_test_writer()
        .try_init();
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let admin = app.token("admin@t.test").await;
    let unit = app.token("unit@t.test").await;
    // Some rows behind the small ids, so paths reach past the "not found" answer.
    let tax = app.actor("agency@t.test").await.organisation_id();
    app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    let case = app
        .post_json(
            &unit,
            "/api/v1/cases",
            json!({"category": "tax", "title": "مالیات",
            "description": "برگ قطعی مالیات صادر نمی‌شود."}),
            201,
        )
        .await;
    let body = app
        .post_json(
            &officer,
            "/api/v1/bodies",
            json!({"kind": "working_group",
            "name_fa": "کارگروه", "members": [[tax, "agency"]]}),
            201,
        )
        .await["id"]
        .clone();
    app.post_json(
        &officer,
        &format!("/api/v1/bodies/{body}/meetings"),
        json!({"held_on": "2026-12-20"}),
        201,
    )
    .await;
    app.post_json(
        &officer,
        &format!("/api/v1/cases/{}/triage", case["id"]),
        json!({"action": "route", "resolution": {"agency_org_id": tax, "action": "اقدام",
        "working_days": "5", "proof": "نامه"}}),
        204,
    )
    .await;

    let (status, doc) = app.get_json(&admin, "/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    let empty = Map::new();
    let spec = Spec {
        schemas: doc["components"]["schemas"].as_object().unwrap_or(&empty),
    };
    let mut requests = vec![];
    let mut operations = 0;
    for (template, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            if !["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let queries: Vec<String> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query")
                .filter_map(|p| p["name"].as_str().map(str::to_string))
                .collect();
            let bodies = op["requestBody"]["content"]["application/json"]["schema"]
                .as_object()
                .map(|s| spec.bodies(&Value::Object(s.clone())));
            for path in paths(template) {
                for token in [&admin, &officer] {
                    let base = app.url(&path);
                    let mut push = |url: String, body: Option<Value>, huge: bool| {
                        requests.push(Request {
                            method: method.to_uppercase(),
                            url,
                            token: token.clone(),
                            body,
                            huge,
                        })
                    };
                    match &bodies {
                        Some(bodies) => {
                            for (mode, b) in bodies {
                                let huge = *mode == Mode::HugeStrings && contains_huge(b);
                                push(base.clone(), Some(b.clone()), huge);
                            }
                        }
                        None => push(base.clone(), None, false),
                    }
                    if method != "get" {
                        continue;
                    }
                    let mut params: BTreeMap<&str, Vec<String>> = BTreeMap::new();
                    for q in &queries {
                        let values = match q.as_str() {
                            "page" | "per_page" => PAGES.iter().map(|s| s.to_string()).collect(),
                            _ => vec![String::new(), long_query(), bidi(), "۱۲۳".into()],
                        };
                        params.insert(q, values);
                    }
                    for (q, values) in params {
                        for v in values {
                            let mut url = reqwest::Url::parse(&base).expect("url");
                            url.query_pairs_mut().append_pair(q, &v);
                            push(url.to_string(), None, false);
                        }
                    }
                }
            }
        }
    }
    assert!(operations > 40, "the document lists the API ({operations})");

    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("client");
    let failures = Arc::new(std::sync::Mutex::new(vec![]));
    let total = requests.len();
    let mut set = JoinSet::new();
    for r in requests {
        if set.len() >= 8
            && let Some(Ok(Some(f))) = set.join_next().await
        {
            failures.lock().unwrap().push(f);
        }
        set.spawn(run(client.clone(), r));
    }
    while let Some(done) = set.join_next().await {
        if let Ok(Some(f)) = done {
            failures.lock().unwrap().push(f);
        }
    }
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {total} requests failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
