//! `TestApp`: the real application on a random port, with a database of its own (a temporary
//! SQLite file, or a fresh PostgreSQL database dropped afterwards).

use std::sync::OnceLock;

use reqwest::redirect::Policy;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use tashil::access::{Actor, OrganisationKind, Role};
use tashil::config::StorageConfig;
use tashil::identity::{self, NewOrganisation, NewUser};
use tashil::kernel::clock::Clock;
use tashil::kernel::sealing::SealingKey;
use tashil::registry::{self, ProductDraft, QcManagerDraft, UnitDraft};
use tashil::web::AppState;

pub const PASSWORD: &str = "correct horse battery";
/// The bearer token `/metrics` answers to on every TestApp.
pub const METRICS_TOKEN: &str = "test-metrics-token";
/// The public URL every TestApp node is given (so two nodes name one issuer).
pub const PUBLIC_URL: &str = "https://tashil.test";

pub struct TestApp {
    pub base: String,
    pub db: DatabaseConnection,
    pub storage: StorageConfig,
    state: AppState,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

/// Another node of the same installation; stops when dropped.
pub struct Node {
    pub base: String,
    _dir: Option<tempfile::TempDir>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

/// The Prometheus recorder is process-wide: installed once, shared by every TestApp.
fn metrics_handle() -> metrics_exporter_prometheus::PrometheusHandle {
    static HANDLE: OnceLock<metrics_exporter_prometheus::PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            metrics_exporter_prometheus::PrometheusBuilder::new()
                .install_recorder()
                .expect("recorder")
        })
        .clone()
}

/// One argon2 hash shared by every seeded user (hashing is slow in debug builds).
fn password_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| identity::hash_password(PASSWORD).expect("hash"))
        .clone()
}

/// Iranian legal-entity ID for a 10-digit prefix (`docs/domain.md`, "Identifiers").
pub fn ir_id(prefix: u64) -> String {
    tashil_text::ids::IranLegalId::from_prefix(prefix)
        .as_str()
        .to_string()
}

pub fn unit_draft(national_id: &str, name_fa: &str, province: &str) -> UnitDraft {
    UnitDraft {
        national_id: national_id.into(),
        name_fa: name_fa.into(),
        name_en: String::new(),
        name_vi: String::new(),
        province: province.into(),
        city: "قزوین".into(),
        isic_class: "1050".into(),
        size_class: "small".into(),
        knowledge_based: false,
        status: "active".into(),
        products: vec![ProductDraft {
            name: "شیر پاستوریزه".into(),
            hs_code: "0401.20".into(),
        }],
        qc_managers: vec![QcManagerDraft::default()],
    }
}

pub const QAZVIN: &str = "IR-26";
pub const ALBORZ: &str = "IR-30";

/// The people and units most tests need.
pub struct World {
    pub qazvin_unit: i64,
    pub alborz_unit: i64,
}

/// A clock stopped at `at` (RFC 3339).
pub fn fixed(at: &str) -> Clock {
    Clock::Fixed(at.parse().expect("an RFC 3339 instant"))
}

/// Serves `state` on a random port of 127.0.0.1 until the returned sender is used or dropped.
async fn serve_on_random_port(state: AppState) -> (String, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(tashil::app::serve(listener, state, async {
        let _ = rx.await;
    }));
    (format!("http://{addr}"), tx)
}

/// Puts the database `release`'s demo made where `storage` will open it.
async fn restore_release(storage: &StorageConfig, release: &str) {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/upgrade")
        .join(release);
    match &storage.database_url {
        None => {
            std::fs::create_dir_all(&storage.data_dir).expect("data dir");
            std::fs::copy(
                fixture.join("tashil.db"),
                storage.data_dir.join("tashil.db"),
            )
            .expect("the release's SQLite file");
        }
        Some(url) => {
            let dump = std::fs::read_to_string(fixture.join("postgres.sql"))
                .expect("the release's PostgreSQL dump");
            let db = sea_orm::Database::connect(url).await.expect("connect");
            db.execute_unprepared(&dump)
                .await
                .expect("restore the dump");
            db.close().await.ok();
        }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|s| s).await
    }

    /// The application with its clock stopped at `at` (RFC 3339): every use case acts then.
    pub async fn spawn_at(at: &str) -> TestApp {
        Self::spawn_with(|s| s.with_clock(fixed(at))).await
    }

    /// The application with its state adjusted first (trusted proxies, metrics token…).
    pub async fn spawn_with(configure: impl FnOnce(AppState) -> AppState) -> TestApp {
        Self::spawn_on(None, configure).await
    }

    /// The application on a database a release made (`testdata/upgrade/{release}`: its
    /// SQLite file, or its PostgreSQL dump restored), brought to this build's schema by the
    /// migrations as `tashil migrate` brings it.
    pub async fn spawn_upgraded(release: &str) -> TestApp {
        Self::spawn_on(Some(release), |s| s).await
    }

    async fn spawn_on(
        release: Option<&str>,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut pg = None;
        let database_url = match std::env::var("TASHIL_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => {
                let name = format!("tashil_t_{}", uuid::Uuid::new_v4().simple());
                let admin = sea_orm::Database::connect(&url)
                    .await
                    .expect("connect to PostgreSQL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let own = replace_db_name(&url, &name);
                pg = Some((url, name));
                Some(own)
            }
            _ => None,
        };
        let storage = StorageConfig::new(dir.path().join("data"), database_url);
        if let Some(release) = release {
            restore_release(&storage, release).await;
        }
        let db = tashil::db::connect(&storage).await.expect("connect");
        tashil::db::migrate(&db).await.expect("migrate");
        let state = AppState::new(db.clone(), &storage.data_dir, Some(metrics_handle()), false)
            .await
            .expect("state")
            .with_metrics_token(Some(METRICS_TOKEN.into()))
            .with_public_url(PUBLIC_URL)
            .with_credential_key(Some(SealingKey::demo()));
        let state = configure(state);
        let (base, tx) = serve_on_random_port(state.clone()).await;
        TestApp {
            base,
            db,
            storage,
            state,
            _dir: dir,
            pg,
            shutdown: Some(tx),
        }
    }

    /// A second instance of the application on the same database, with its own data
    /// directory (and so its own search index), as a second node behind a load balancer.
    pub async fn second_node(&self) -> Node {
        self.second_node_with(|s| s).await
    }

    /// Another node of this installation whose clock stands at `at` (RFC 3339): the same data
    /// read, or acted on, at another moment.
    pub async fn node_at(&self, at: &str) -> Node {
        self.second_node_with(|s| s.with_clock(fixed(at))).await
    }

    pub async fn second_node_with(&self, configure: impl FnOnce(AppState) -> AppState) -> Node {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::new(
            self.db.clone(),
            &dir.path().join("data"),
            Some(metrics_handle()),
            false,
        )
        .await
        .expect("state")
        .with_metrics_token(Some(METRICS_TOKEN.into()))
        .with_public_url(PUBLIC_URL)
        .with_credential_key(Some(SealingKey::demo()));
        let (base, tx) = serve_on_random_port(configure(state)).await;
        Node {
            base,
            _dir: Some(dir),
            _shutdown: tx,
        }
    }

    /// This app's `/metrics` alone on a listener of its own, as `--metrics-bind` serves it.
    pub async fn metrics_listener(&self) -> Node {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(tashil::app::serve_metrics(
            listener,
            self.state.clone(),
            async {
                let _ = rx.await;
            },
        ));
        Node {
            base: format!("http://{addr}"),
            _dir: None,
            _shutdown: tx,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// GETs with a bearer token: the status and the JSON answer (null when there is none).
    pub async fn get_json(&self, token: &str, path: &str) -> (u16, serde_json::Value) {
        let r = reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or_default())
    }

    /// POSTs JSON with a bearer token, checks the status and returns the JSON answer (null
    /// when there is none).
    pub async fn post_json(
        &self,
        token: &str,
        path: &str,
        body: serde_json::Value,
        expected: u16,
    ) -> serde_json::Value {
        let r = reqwest::Client::new()
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.expect("body");
        assert_eq!(status, expected, "{path}: {text}");
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("client")
    }

    pub async fn user(&self, email: &str, role: Role, org: i64, province: Option<&str>) -> i64 {
        identity::create_user(
            &self.db,
            "test",
            NewUser {
                email,
                display_name: email,
                password_hash: password_hash(),
                role,
                organisation_id: org,
                province_code: province,
                lang: "fa",
            },
        )
        .await
        .expect("user")
    }

    pub async fn org(&self, kind: OrganisationKind, province: Option<&str>) -> i64 {
        identity::create_organisation(
            &self.db,
            "test",
            NewOrganisation {
                kind,
                name_fa: "سازمان",
                name_en: "Org",
                name_vi: "Tổ chức",
                province_code: province,
                country: province.and_then(|p| p.get(..2)).unwrap_or("IR"),
            },
        )
        .await
        .expect("org")
    }

    /// National admin, officers of Qazvin and Alborz, a Qazvin inspector and agency officer,
    /// a lab user, and a unit user owning the Qazvin unit; one unit in each province.
    pub async fn world(&self) -> World {
        let national = self.org(OrganisationKind::NationalBody, None).await;
        let qz = self
            .org(OrganisationKind::ProvincialOffice, Some(QAZVIN))
            .await;
        let al = self
            .org(OrganisationKind::ProvincialOffice, Some(ALBORZ))
            .await;
        let agency = self.org(OrganisationKind::Agency, Some(QAZVIN)).await;
        let lab = self.org(OrganisationKind::Lab, Some(QAZVIN)).await;
        let unit_org = self
            .org(OrganisationKind::ProductionUnit, Some(QAZVIN))
            .await;
        self.user("admin@t.test", Role::NationalAdmin, national, None)
            .await;
        self.user("qazvin@t.test", Role::ProvincialOfficer, qz, Some(QAZVIN))
            .await;
        self.user("alborz@t.test", Role::ProvincialOfficer, al, Some(ALBORZ))
            .await;
        self.user("inspector@t.test", Role::Inspector, qz, Some(QAZVIN))
            .await;
        self.user("agency@t.test", Role::AgencyOfficer, agency, Some(QAZVIN))
            .await;
        self.user("lab@t.test", Role::LabUser, lab, Some(QAZVIN))
            .await;
        self.user("unit@t.test", Role::UnitUser, unit_org, Some(QAZVIN))
            .await;
        let admin = self.actor("admin@t.test").await;
        let qazvin_unit = registry::create(
            &self.db,
            &admin,
            &unit_draft(&ir_id(1010000001), "شرکت لبنیات کاله قزوین", QAZVIN),
        )
        .await
        .expect("qazvin unit");
        let alborz_unit = registry::create(
            &self.db,
            &admin,
            &unit_draft(&ir_id(1010000002), "کارخانه سیمان البرز", ALBORZ),
        )
        .await
        .expect("alborz unit");
        registry::attach_organisation(&self.db, qazvin_unit, unit_org)
            .await
            .expect("attach");
        World {
            qazvin_unit,
            alborz_unit,
        }
    }

    pub async fn actor(&self, email: &str) -> Actor {
        let token = self.token(email).await;
        identity::actor_for_api_token(&self.db, &token)
            .await
            .expect("db")
            .expect("actor")
    }

    /// An API token acting as `email`.
    pub async fn token(&self, email: &str) -> String {
        let row = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                self.db.get_database_backend(),
                tashil::db::settings::param_sql(
                    self.db.get_database_backend(),
                    "SELECT id FROM users WHERE email = ?",
                ),
                [email.into()],
            ))
            .await
            .expect("query")
            .expect("user exists");
        let id: i64 = row.try_get("", "id").expect("id");
        identity::create_api_token(&self.db, "test", id, "test")
            .await
            .expect("token")
    }

    /// The `n` of the row `sql` answers (`SELECT COUNT(*) AS n …`).
    pub async fn scalar(&self, sql: &str) -> i64 {
        let b = self.db.get_database_backend();
        let row = self.db.query_one_raw(Statement::from_string(b, sql));
        let row = row.await.expect("query").expect("a row");
        row.try_get("", "n").expect("n")
    }

    /// A logged-in browser session for `email`.
    pub async fn login(&self, email: &str) -> reqwest::Client {
        let c = self.browser();
        let fields = [("email", email), ("password", PASSWORD), ("next", "/")];
        let res = self.post_form(&c, "/login", "/login", &fields).await;
        assert_eq!(res.status(), 303, "login of {email} failed");
        c
    }

    /// GETs `path` with a browser client: the status and the page's text.
    pub async fn page(&self, c: &reqwest::Client, path: &str) -> (u16, String) {
        let r = c.get(self.url(path)).send().await.expect("get");
        (r.status().as_u16(), r.text().await.expect("text"))
    }

    /// Uploads `bytes` as the file `name` to `action` (multipart, the token of the form on
    /// `page` in the address as upload forms send it): the status and the answer's text.
    pub async fn upload(
        &self,
        c: &reqwest::Client,
        page: &str,
        action: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> (u16, String) {
        let csrf = self.csrf_of(c, page).await;
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
        let sep = if action.contains('?') { '&' } else { '?' };
        let r = c
            .post(self.url(&format!("{action}{sep}_csrf={csrf}")))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("upload");
        (r.status().as_u16(), r.text().await.expect("text"))
    }

    /// Posts `fields` to `action` as the form on `page` sends them: with the CSRF token the
    /// browser read from that page.
    pub async fn post_form(
        &self,
        c: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf_of(c, page).await;
        let mut body = vec![("_csrf", csrf.as_str())];
        body.extend_from_slice(fields);
        c.post(self.url(action))
            .form(&body)
            .send()
            .await
            .expect("post")
    }

    /// Submits the form on `page` to `action` ([`Self::post_form`]): the status, and the text
    /// of the page a 303 sends the reader to, or else of the answer itself.
    pub async fn submit(
        &self,
        c: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let r = self.post_form(c, page, action, fields).await;
        let status = r.status().as_u16();
        if status == 303 {
            let to = r.headers()["location"].to_str().expect("location");
            return (303, self.page(c, to).await.1);
        }
        (status, r.text().await.expect("text"))
    }

    /// The CSRF token of the form on `path`, as a browser reads it from the page.
    pub async fn csrf_of(&self, c: &reqwest::Client, path: &str) -> String {
        let html = c
            .get(self.url(path))
            .send()
            .await
            .expect("get")
            .text()
            .await
            .expect("text");
        extract_csrf(&html).unwrap_or_else(|| panic!("no CSRF token on {path}"))
    }
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"_csrf\" value=\"")? + "name=\"_csrf\" value=\"".len();
    Some(html[i..].split('"').next()?.to_string())
}

fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let stem = match base.rfind('/') {
        Some(i) if base[..i].contains("//") && i > base.find("//").unwrap_or(0) + 1 => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{stem}/{name}?{q}"),
        None => format!("{stem}/{name}"),
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some((url, name)) = self.pg.take() {
            // A fresh runtime on its own thread: Drop cannot await on the test's runtime. The
            // test's own pool is not closed (its tasks live on the blocked runtime); FORCE
            // ends its connections instead.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async move {
                    if let Ok(admin) = sea_orm::Database::connect(&url).await {
                        admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await
                            .ok();
                        admin.close().await.ok();
                    }
                });
            })
            .join()
            .ok();
        }
    }
}

/// The text of the `<textarea id="{id}">` on a page, as the browser would submit it.
pub fn textarea(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("<textarea id=\"{id}\""))
        .unwrap_or_else(|| panic!("no textarea {id}"));
    let rest = &html[start..];
    let body = &rest[rest.find('>').expect("tag end") + 1..];
    let body = &body[..body.find("</textarea>").expect("textarea end")];
    body.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `s` percent-encoded for a query string (every byte but ASCII letters, digits and `-`).
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
