//! Wallet issuance over OpenID for Verifiable Credential Issuance 1.0, on SQLite and
//! PostgreSQL: the metadata; a unit's user offers its licence (the transaction code arrives by
//! email through the outbox, never on the page); a wallet with its own did:key redeems the
//! codes, asks a nonce, proves its key and receives the licence in both formats, bound to it
//! and verified by the issuer's did:web document. Refused: an expired, reused or unknown code,
//! a wrong transaction code (five kill the offer), a used or unknown nonce, a proof for another
//! issuer, a missing or unknown access token; another unit's user, and no one anonymous,
//! makes an offer. Past 60 nonces or 30 token requests a minute, one client address is slowed
//! down (429) on every node of the database, and no other address.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use tashil::access::{OrganisationKind, Role};
use tashil::mail::Mailer;
use tashil::web::AppState;
use tashil::web::client_addr::TrustedProxies;
use tashil_credentials::did::{did_key, did_key_method};
use tashil_credentials::{Contexts, DidDocument, KeyPair, Resolver, verify};

use crate::helpers::{PUBLIC_URL, TestApp};
use crate::licence_setup::{Desk, call, desk, issue_licence};
use crate::smtp_sink::Sink;

async fn count(app: &TestApp, _column: &str, action: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}'");
    app.scalar(&sql).await
}

const GRANT: &str = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

/// The offer the licence page's form makes, and its pre-authorized code.
async fn offer(app: &TestApp, d: &Desk) -> (u16, Value) {
    let id = issue_licence(app, d).await["id"].as_i64().unwrap();
    offer_of(app, Some(&d.unit), id).await
}

async fn offer_of(app: &TestApp, token: Option<&str>, id: i64) -> (u16, Value) {
    let mut r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(app.url(&format!("/applications/{id}/wallet-offer?lang=en")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("");
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let html = r.text().await.unwrap();
    let Some(at) = html.find("openid-credential-offer://?credential_offer=") else {
        return (status, Value::Null);
    };
    assert!(html.contains("<svg"), "the offer's QR code");
    let encoded: String = html[at + 44..].chars().take_while(|c| *c != '"').collect();
    let text = percent_decode(&encoded.replace("&amp;", "&"));
    (status, serde_json::from_str(&text).unwrap())
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn code_of(offer: &Value) -> String {
    offer["grants"][GRANT]["pre-authorized_code"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The transaction code, as the unit's user reads it in the mail.
async fn mailed_tx_code(app: &TestApp, sink: &Sink) -> String {
    let m = Mailer::new(&sink.url, "Tashil <no-reply@tashil.test>", PUBLIC_URL).unwrap();
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    let (mine, _) = sink.take_for("unit@t.test");
    let text = mine.last().expect("the offer's mail").text();
    // Six digits alone on their line (text, kept as written: Fluent only isolates it).
    text.lines()
        .map(|l| l.trim().trim_matches(['\u{2068}', '\u{2069}']))
        .find(|l| l.len() == 6 && l.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| panic!("a six-digit code in {text}"))
        .to_owned()
}

/// What a wallet's POST of `form` to `path` on `base` gets: the status, the `Retry-After`
/// header, the JSON answer. From client address `from` when given (a node behind its proxy
/// on 127.0.0.1, [`behind_proxy`], believes it), else from 127.0.0.1.
async fn wallet_post(
    base: &str,
    path: &str,
    from: Option<&str>,
    form: &[(&str, &str)],
) -> (u16, Option<String>, Value) {
    let mut r = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .form(form);
    if let Some(address) = from {
        r = r.header("x-forwarded-for", address);
    }
    let r = r.send().await.unwrap();
    let s = r.status().as_u16();
    let retry = r
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    (s, retry, r.json().await.unwrap_or(Value::Null))
}

/// A node behind the operator's proxy on 127.0.0.1: the client is the address it forwards.
fn behind_proxy(s: AppState) -> AppState {
    s.with_trusted_proxies(TrustedProxies::parse(&["127.0.0.1"]).unwrap())
}

fn token_form<'a>(code: &'a str, tx: &'a str) -> [(&'a str, &'a str); 3] {
    [
        ("grant_type", GRANT),
        ("pre-authorized_code", code),
        ("tx_code", tx),
    ]
}

async fn token(base: &str, code: &str, tx: &str) -> (u16, Value) {
    let (s, _, v) = wallet_post(base, "/oauth/token", None, &token_form(code, tx)).await;
    (s, v)
}

async fn nonce(app: &TestApp) -> String {
    let r = reqwest::Client::new()
        .post(app.url("/openid4vci/nonce"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let v: Value = r.json().await.unwrap();
    v["c_nonce"].as_str().unwrap().to_owned()
}

fn proof(key: &KeyPair, aud: &str, nonce: &str) -> String {
    let header = json!({"typ": "openid4vci-proof+jwt", "alg": "EdDSA", "kid": did_key_method(&key.public())});
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"aud": aud, "iat": now, "nonce": nonce});
    let h = URL_SAFE_NO_PAD.encode(header.to_string());
    let c = URL_SAFE_NO_PAD.encode(claims.to_string());
    let sig = key.sign(format!("{h}.{c}").as_bytes());
    format!("{h}.{c}.{}", URL_SAFE_NO_PAD.encode(sig))
}

async fn credential(app: &TestApp, access: Option<&str>, body: Value) -> (u16, Value) {
    let mut r = reqwest::Client::new()
        .post(app.url("/openid4vci/credential"))
        .json(&body);
    if let Some(t) = access {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

fn request(config: &str, jwt: &str) -> Value {
    json!({"credential_configuration_id": config, "proofs": {"jwt": [jwt]}})
}

async fn did_document(app: &TestApp) -> DidDocument {
    let (_, v) = call(app, None, "GET", "/.well-known/did.json", None).await;
    DidDocument::from_json(&v).unwrap()
}

#[tokio::test]
async fn the_metadata_names_the_endpoints_and_both_formats() {
    let app = TestApp::spawn().await;
    let (s, m) = call(
        &app,
        None,
        "GET",
        "/.well-known/openid-credential-issuer",
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(m["credential_issuer"], PUBLIC_URL);
    assert_eq!(
        m["nonce_endpoint"],
        format!("{PUBLIC_URL}/openid4vci/nonce")
    );
    let c = &m["credential_configurations_supported"];
    assert_eq!(
        c["DigitalConformityCredential_jwt_vc_json"]["format"],
        "jwt_vc_json"
    );
    assert_eq!(c["DigitalConformityCredential_ldp_vc"]["format"], "ldp_vc");
    let locales: Vec<&str> = m["display"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["fa", "vi", "en"]);
    let (s, a) = call(
        &app,
        None,
        "GET",
        "/.well-known/oauth-authorization-server",
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(a["token_endpoint"], format!("{PUBLIC_URL}/oauth/token"));
}

#[tokio::test]
async fn a_wallet_takes_the_licence_in_both_formats_bound_to_its_did_key() {
    let app = TestApp::spawn().await;
    let sink = Sink::start().await;
    let d = desk(&app, true, true).await;
    let (s, o) = offer(&app, &d).await;
    assert_eq!(s, 200);
    assert_eq!(o["credential_issuer"], PUBLIC_URL);
    assert_eq!(o["grants"][GRANT]["tx_code"]["length"], 6);
    let code = code_of(&o);
    assert_eq!(count(&app, "action", "credentials.wallet_offered").await, 1);
    let tx = mailed_tx_code(&app, &sink).await;

    // A wrong transaction code is refused and counted; the right one then still works, once.
    let wrong = if tx == "000000" { "111111" } else { "000000" };
    let (s, e) = token(&app.base, &code, wrong).await;
    assert_eq!((s, e["error"].as_str()), (400, Some("invalid_grant")));
    let (s, t) = token(&app.base, &code, &tx).await;
    assert_eq!(s, 200, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    let access = t["access_token"].as_str().unwrap().to_owned();
    let (s, e) = token(&app.base, &code, &tx).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_grant")),
        "a code is redeemed once"
    );
    assert_eq!(
        count(&app, "action", "credentials.wallet_offer_redeemed").await,
        1
    );

    let holder = KeyPair::generate().unwrap();
    let did = did_key(&holder.public());
    for config in [
        "DigitalConformityCredential_jwt_vc_json",
        "DigitalConformityCredential_ldp_vc",
    ] {
        let n = nonce(&app).await;
        let (s, r) = credential(
            &app,
            Some(&access),
            request(config, &proof(&holder, PUBLIC_URL, &n)),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        let vc = r["credentials"][0]["credential"].clone();
        // The issuer key is made on the first signing: its document is read after.
        let resolver = Resolver::new().with_document(did_document(&app).await);
        let v = verify(&vc, &resolver, &Contexts::bundled())
            .unwrap_or_else(|e| panic!("{config}: {}", e.code()));
        assert_eq!(
            v.credential["credentialSubject"]["id"],
            did.as_str(),
            "{config}"
        );
        assert_eq!(vc.is_string(), config.ends_with("jwt_vc_json"));
        // The nonce was taken back.
        let (s, e) = credential(
            &app,
            Some(&access),
            request(config, &proof(&holder, PUBLIC_URL, &n)),
        )
        .await;
        assert_eq!((s, e["error"].as_str()), (400, Some("invalid_nonce")));
    }
    assert_eq!(count(&app, "action", "credentials.wallet_issued").await, 2);
}

#[tokio::test]
async fn what_is_not_right_is_refused() {
    let app = TestApp::spawn().await;
    let sink = Sink::start().await;
    let d = desk(&app, true, true).await;
    let id = issue_licence(&app, &d).await["id"].as_i64().unwrap();

    // No one anonymous, and no other unit's user, makes an offer; an officer may read but not.
    let c = app.browser();
    let r = app
        .post_form(
            &c,
            "/login",
            &format!("/applications/{id}/wallet-offer"),
            &[],
        )
        .await;
    let s = r.status().as_u16();
    assert!(s == 401 || s == 303, "anonymous: {s}");
    assert_eq!(count(&app, "action", "credentials.wallet_offered").await, 0);
    let other_org = app
        .org(OrganisationKind::ProductionUnit, Some("IR-28"))
        .await;
    app.user("other@t.test", Role::UnitUser, other_org, Some("IR-28"))
        .await;
    let other = app.token("other@t.test").await;
    assert_eq!(offer_of(&app, Some(&other), id).await.0, 404);
    assert_eq!(offer_of(&app, Some(&d.qazvin), id).await.0, 403);

    // An unknown code; a code past its ten minutes (read by a node whose clock is later).
    let (s, e) = token(&app.base, "no-such-code", "123456").await;
    assert_eq!((s, e["error"].as_str()), (400, Some("invalid_grant")));
    let (_, o) = offer_of(&app, Some(&d.unit), id).await;
    let tx = mailed_tx_code(&app, &sink).await;
    let later = app.node_at("2100-01-01T00:00:00Z").await;
    let (s, e) = token(&later.base, &code_of(&o), &tx).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_grant")),
        "expired"
    );

    // Five wrong transaction codes kill the offer.
    let (_, o) = offer_of(&app, Some(&d.unit), id).await;
    let tx = mailed_tx_code(&app, &sink).await;
    let wrong = if tx == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        assert_eq!(token(&app.base, &code_of(&o), wrong).await.0, 400);
    }
    let (s, e) = token(&app.base, &code_of(&o), &tx).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_grant")),
        "dead after five"
    );
    let (s, _, e) = wallet_post(
        &app.base,
        "/oauth/token",
        None,
        &[("grant_type", "password")],
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );

    // A good token, then bad requests at the credential endpoint.
    let (_, o) = offer_of(&app, Some(&d.unit), id).await;
    let tx = mailed_tx_code(&app, &sink).await;
    let (_, t) = token(&app.base, &code_of(&o), &tx).await;
    let access = t["access_token"].as_str().unwrap().to_owned();
    let holder = KeyPair::generate().unwrap();
    let jwt_config = "DigitalConformityCredential_jwt_vc_json";
    let n = nonce(&app).await;
    let (s, _) = credential(
        &app,
        None,
        request(jwt_config, &proof(&holder, PUBLIC_URL, &n)),
    )
    .await;
    assert_eq!(s, 401);
    let (s, e) = credential(
        &app,
        Some("not-a-token"),
        request(jwt_config, &proof(&holder, PUBLIC_URL, &n)),
    )
    .await;
    assert_eq!((s, e["error"].as_str()), (401, Some("invalid_token")));
    let (s, e) = credential(
        &app,
        Some(&access),
        request(jwt_config, &proof(&holder, PUBLIC_URL, "made-up")),
    )
    .await;
    assert_eq!((s, e["error"].as_str()), (400, Some("invalid_nonce")));
    let (s, e) = credential(
        &app,
        Some(&access),
        request(jwt_config, &proof(&holder, "https://else.example", &n)),
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("invalid_proof")),
        "another issuer's"
    );
    let (s, e) = credential(
        &app,
        Some(&access),
        request("Other", &proof(&holder, PUBLIC_URL, &n)),
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("unknown_credential_configuration"))
    );
    // The drafts' single `proof` is read too.
    let (s, r) = credential(
        &app,
        Some(&access),
        json!({"credential_configuration_id": jwt_config, "proof": {"proof_type": "jwt", "jwt": proof(&holder, PUBLIC_URL, &n)}}),
    )
    .await;
    assert_eq!(s, 200, "{r}");
}

/// The answer past a limit: 429, `slow_down`, and a wait within the minute.
fn slowed_down((status, retry, body): (u16, Option<String>, Value)) {
    assert_eq!(
        (status, body["error"].as_str()),
        (429, Some("slow_down")),
        "{body}"
    );
    let wait: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!((1..=60).contains(&wait), "Retry-After: {wait}");
}

#[tokio::test]
async fn past_sixty_nonces_a_minute_one_address_is_slowed_down_on_every_node_and_no_other() {
    let app = TestApp::spawn_with(behind_proxy).await;
    let other = app.second_node_with(behind_proxy).await;
    let (wallet, neighbour) = (Some("198.51.100.7"), Some("198.51.100.8"));
    for i in 0..60 {
        let base = if i % 2 == 0 { &app.base } else { &other.base };
        let (s, _, v) = wallet_post(base, "/openid4vci/nonce", wallet, &[]).await;
        assert_eq!(s, 200, "nonce {i}, counted on both nodes together: {v}");
    }
    for base in [&app.base, &other.base] {
        slowed_down(wallet_post(base, "/openid4vci/nonce", wallet, &[]).await);
    }
    // The refused calls wrote no nonce; another address still gets one.
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM credential_nonces")
            .await,
        60
    );
    let (s, _, v) = wallet_post(&other.base, "/openid4vci/nonce", neighbour, &[]).await;
    assert_eq!(s, 200, "{v}");
    assert!(v["c_nonce"].is_string());
}

#[tokio::test]
async fn past_thirty_token_requests_a_minute_one_address_is_slowed_down_on_every_node_and_no_other()
{
    let app = TestApp::spawn_with(behind_proxy).await;
    let other = app.second_node_with(behind_proxy).await;
    let (wallet, neighbour) = (Some("2001:db8::7"), Some("2001:db8::8"));
    let form = token_form("no-such-code", "123456");
    for i in 0..30 {
        let base = if i % 2 == 0 { &app.base } else { &other.base };
        let (s, _, e) = wallet_post(base, "/oauth/token", wallet, &form).await;
        assert_eq!(
            (s, e["error"].as_str()),
            (400, Some("invalid_grant")),
            "try {i}"
        );
    }
    for base in [&app.base, &other.base] {
        slowed_down(wallet_post(base, "/oauth/token", wallet, &form).await);
    }
    let (s, _, e) = wallet_post(&app.base, "/oauth/token", neighbour, &form).await;
    assert_eq!((s, e["error"].as_str()), (400, Some("invalid_grant")));
}
