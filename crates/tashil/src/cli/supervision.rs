//! `tashil supervision`: recompute the risk scores now (a province's, or every unit's), as
//! after a batch of lab reports or at night from the system's scheduler.

use std::process::ExitCode;

use clap::Subcommand;

use crate::config::StorageConfig;

#[derive(Subcommand)]
pub enum SupervisionAction {
    /// Recompute the risk scores from what the other contexts know now.
    Recompute {
        /// Only this province's units (`IR-26`); every unit without it.
        #[arg(long)]
        province: Option<String>,
    },
}

pub async fn supervision(
    storage: StorageConfig,
    action: SupervisionAction,
) -> anyhow::Result<ExitCode> {
    match action {
        SupervisionAction::Recompute { province } => {
            let db = super::open(&storage).await?;
            let started = std::time::Instant::now();
            let n =
                crate::supervision::recompute(&db, province.as_deref(), chrono::Utc::now()).await?;
            println!(
                "{n} risk scores recomputed in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
