//! What every handler shares: the database, the CSRF secret, this node's search index, the
//! clock and the edge's settings. It lives in `web/`, beneath the contexts and `app.rs`, so the
//! edge and the contexts use it without depending on the module that composes them.

use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;

use super::client_addr::TrustedProxies;
use super::nav::{self, NavFn};
use super::waiting::{self, WaitingFn};
use crate::kernel::clock::Clock;
use crate::kernel::sealing::SealingKey;

/// The public address of a node not told its own (a test, a command).
pub const DEFAULT_PUBLIC_URL: &str = "http://localhost:8080";

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// Signs CSRF tokens; shared by all instances through the `settings` table.
    pub csrf_secret: Arc<Vec<u8>>,
    pub metrics: Option<PrometheusHandle>,
    /// Set the `Secure` flag on cookies (behind HTTPS).
    pub secure_cookies: bool,
    /// This node's search index of the standards catalogue.
    pub catalogue: Arc<crate::search::Catalogue>,
    /// Proxies whose `X-Forwarded-For` names the client; none unless configured.
    pub trusted_proxies: Arc<TrustedProxies>,
    /// The bearer token a scraper shows for `/metrics` on the main listener; without one,
    /// `/metrics` is served only on the private metrics listener.
    pub metrics_token: Option<Arc<str>>,
    /// The main navigation of pages, assembled from the contexts by `app::router`.
    pub navigation: NavFn,
    /// What waits for a signed-in actor (its home page), gathered from the contexts by
    /// `app::router`.
    pub waiting: WaitingFn,
    /// Where "now" comes from: handlers pass `clock.now()` to the use cases.
    pub clock: Clock,
    /// The address the public reaches this installation at (`TASHIL_PUBLIC_URL`, no trailing
    /// slash): it names the issuer of credentials (did:web) and their verification URLs, so
    /// every node of an installation must be given the same.
    pub public_url: Arc<str>,
    /// Seals the issuer keys kept in the database (`TASHIL_CREDENTIAL_KEY`); without it this
    /// node verifies credentials but refuses to issue them.
    pub credential_key: Option<Arc<SealingKey>>,
    /// Whether credentials may use the W3C examples context besides the bundled ones
    /// (`--w3c-examples-context`): for running the W3C test suites against this node.
    pub w3c_examples_context: bool,
}

impl AppState {
    /// Opens this node's search index under `data_dir` and brings it level with the database.
    pub async fn new(
        db: DatabaseConnection,
        data_dir: &std::path::Path,
        metrics: Option<PrometheusHandle>,
        secure_cookies: bool,
    ) -> anyhow::Result<Self> {
        let secret = crate::db::settings::get_or_create(
            &db,
            "csrf-secret",
            crate::db::settings::random_secret,
        )
        .await?;
        let catalogue = Arc::new(crate::search::Catalogue::open(data_dir)?);
        catalogue.catch_up(&db).await?;
        // A new node's first catch-up fills the whole index; later writes are a few at a time.
        catalogue.release_writer().await?;
        Ok(AppState {
            catalogue,
            db,
            csrf_secret: Arc::new(secret.into_bytes()),
            metrics,
            secure_cookies,
            trusted_proxies: Arc::new(TrustedProxies::default()),
            metrics_token: None,
            navigation: nav::none,
            waiting: waiting::nothing,
            clock: Clock::System,
            public_url: Arc::from(DEFAULT_PUBLIC_URL),
            credential_key: None,
            w3c_examples_context: false,
        })
    }

    pub fn with_trusted_proxies(mut self, proxies: TrustedProxies) -> Self {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    pub fn with_navigation(mut self, navigation: NavFn) -> Self {
        self.navigation = navigation;
        self
    }

    pub fn with_waiting(mut self, waiting: WaitingFn) -> Self {
        self.waiting = waiting;
        self
    }

    /// A server whose "now" is `clock`'s (a test acting at a given instant).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The installation's public address (a trailing slash is dropped).
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = Arc::from(url.trim_end_matches('/'));
        self
    }

    /// Lets credentials use the W3C examples context (the W3C test suites' credentials do).
    pub fn with_w3c_examples_context(mut self, on: bool) -> Self {
        self.w3c_examples_context = on;
        self
    }

    pub fn with_credential_key(mut self, key: Option<SealingKey>) -> Self {
        self.credential_key = key.map(Arc::new);
        self
    }

    /// An empty token counts as none.
    pub fn with_metrics_token(mut self, token: Option<String>) -> Self {
        self.metrics_token = token.filter(|t| !t.trim().is_empty()).map(Arc::from);
        self
    }
}
