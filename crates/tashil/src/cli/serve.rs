use std::process::ExitCode;

use clap::Args;

use crate::config::StorageConfig;
use crate::web::client_addr::TrustedProxies;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TASHIL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Fill an empty database with the demo data and print the demo logins.
    #[arg(long)]
    pub demo: bool,
    /// Mark cookies Secure (set when served over HTTPS).
    #[arg(long, env = "TASHIL_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// A reverse proxy whose X-Forwarded-For names the client: an address or CIDR block,
    /// repeatable (or comma-separated). Without one, the client is the TCP peer.
    #[arg(
        long = "trusted-proxy",
        env = "TASHIL_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<String>,
    /// Bearer token a scraper must show for /metrics on the main address; without one,
    /// /metrics is not served there.
    #[arg(long, env = "TASHIL_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Serve /metrics alone, without a token, on this address too (a private interface).
    #[arg(long, env = "TASHIL_METRICS_BIND")]
    pub metrics_bind: Option<String>,
    #[command(flatten)]
    pub smtp: super::mail::SmtpArgs,
    #[command(flatten)]
    pub credential_key: super::credentials::CredentialKeyArg,
    /// Accept and sign credentials that use the W3C examples context
    /// (https://www.w3.org/ns/credentials/examples/v2), as the W3C test suites' do. For
    /// conformance runs only: its terms are nobody's in particular.
    #[arg(long, env = "TASHIL_W3C_EXAMPLES_CONTEXT")]
    pub w3c_examples_context: bool,
}

pub async fn run(storage: StorageConfig, args: ServeArgs) -> anyhow::Result<ExitCode> {
    if args.demo {
        // Generated through connections of its own, closed afterwards with the pages and
        // statements they cached, so the server starts as it would on existing data.
        let db = super::open(&storage).await?;
        let created = crate::demo::ensure(&db, crate::demo::Scale::default()).await?;
        db.close().await?;
        if created {
            eprintln!("demo data generated");
        }
    }
    let db = super::open(&storage).await?;
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .ok();
    if let Some(handle) = metrics.clone() {
        // The recorder keeps every latency sample until it is folded into its summary; only a
        // scrape or this upkeep folds them, so a server nobody scrapes grew by each request
        // (the soak drill's resident memory).
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
            loop {
                every.tick().await;
                handle.run_upkeep();
            }
        });
    }
    let proxies = TrustedProxies::parse(&args.trusted_proxies).map_err(anyhow::Error::msg)?;
    let credential_key = match args.credential_key.key()? {
        Some(key) => Some(key),
        // The demo issues credentials out of the box, under a key anyone can derive.
        None if args.demo => {
            tracing::warn!(
                "no TASHIL_CREDENTIAL_KEY: the demo seals issuer keys with the public demo key"
            );
            Some(crate::kernel::sealing::SealingKey::demo())
        }
        None => {
            tracing::info!(
                "no TASHIL_CREDENTIAL_KEY: this node verifies credentials but does not issue them"
            );
            None
        }
    };
    let state = crate::web::AppState::new(db, &storage.data_dir, metrics, args.secure_cookies)
        .await?
        .with_trusted_proxies(proxies)
        .with_metrics_token(args.metrics_token.clone())
        .with_credential_key(credential_key)
        .with_w3c_examples_context(args.w3c_examples_context);
    state
        .catalogue
        .spawn_follower(state.db.clone(), std::time::Duration::from_secs(2));
    let listener = tokio::net::TcpListener::bind(&args.bind).await?;
    let addr = listener.local_addr()?;
    let public_url = args
        .smtp
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let state = state.with_public_url(&public_url);
    let mailer = args.smtp.mailer(&format!("http://{addr}"))?;
    if mailer.is_none() {
        tracing::info!("no TASHIL_SMTP_URL: notifications wait in the mail outbox");
    }
    // The periodic work runs on the server's clock, as its handlers do.
    crate::app::jobs().with_clock(state.clock).spawn(
        state.db.clone(),
        mailer,
        std::time::Duration::from_secs(15),
    );
    let private_metrics = match &args.metrics_bind {
        Some(bind) => {
            let l = tokio::net::TcpListener::bind(bind).await?;
            println!("Metrics on http://{}/metrics", l.local_addr()?);
            Some(tokio::spawn(crate::app::serve_metrics(
                l,
                state.clone(),
                shutdown_signal(),
            )))
        }
        None => None,
    };
    println!("Tashil is listening on http://{addr}/");
    if args.demo {
        println!("{}", crate::demo::logins_text());
    }
    crate::app::serve(listener, state, shutdown_signal()).await?;
    if let Some(task) = private_metrics {
        task.await??;
    }
    tracing::info!("shut down");
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C or SIGTERM: stop accepting, finish in-flight requests, exit.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
