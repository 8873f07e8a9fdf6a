use std::process::ExitCode;

use clap::Args;

use crate::config::StorageConfig;

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
    #[command(flatten)]
    pub smtp: super::mail::SmtpArgs,
}

pub async fn run(storage: StorageConfig, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let db = super::open(&storage).await?;
    if args.demo {
        let created = crate::demo::ensure(&db, crate::demo::Scale::default()).await?;
        if created {
            eprintln!("demo data generated");
        }
    }
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .ok();
    let state =
        crate::app::AppState::new(db, &storage.data_dir, metrics, args.secure_cookies).await?;
    state
        .catalogue
        .spawn_follower(state.db.clone(), std::time::Duration::from_secs(2));
    let listener = tokio::net::TcpListener::bind(&args.bind).await?;
    let addr = listener.local_addr()?;
    let mailer = args.smtp.mailer(&format!("http://{addr}"))?;
    if mailer.is_none() {
        tracing::info!("no TASHIL_SMTP_URL: notifications wait in the mail outbox");
    }
    crate::jobs::spawn(state.db.clone(), mailer, std::time::Duration::from_secs(15));
    println!("Tashil is listening on http://{addr}/");
    if args.demo {
        println!("{}", crate::demo::logins_text());
    }
    axum::serve(listener, crate::app::router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
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
