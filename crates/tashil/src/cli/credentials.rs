//! `tashil credentials`: the national body's issuer keys.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::config::StorageConfig;
use crate::kernel::sealing::SealingKey;

/// The key that seals issuer keys in the database, as `serve` and `credentials` read it.
#[derive(Args, Clone)]
pub struct CredentialKeyArg {
    /// 32 bytes, hex or base64, that seal the issuer keys kept in the database. Without it a
    /// server verifies credentials but does not issue them (`serve --demo` uses a public demo
    /// key when none is given).
    #[arg(long, env = "TASHIL_CREDENTIAL_KEY", hide_env_values = true)]
    pub credential_key: Option<String>,
}

impl CredentialKeyArg {
    pub fn key(&self) -> anyhow::Result<Option<SealingKey>> {
        self.credential_key
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .map(|k| SealingKey::parse(k).map_err(anyhow::Error::msg))
            .transpose()
    }
}

#[derive(Subcommand)]
pub enum CredentialsAction {
    /// Make a new issuer key that signs from now on; the old ones stay in the DID document,
    /// so credentials they signed still verify.
    RotateKey {
        #[command(flatten)]
        key: CredentialKeyArg,
    },
}

pub async fn credentials(
    storage: StorageConfig,
    action: CredentialsAction,
) -> anyhow::Result<ExitCode> {
    match action {
        CredentialsAction::RotateKey { key } => {
            let Some(sealing) = key.key()? else {
                anyhow::bail!("set --credential-key or TASHIL_CREDENTIAL_KEY");
            };
            let db = super::open(&storage).await?;
            let signer = crate::credentials::rotate_key(&db, &sealing, chrono::Utc::now()).await?;
            println!(
                "issuer key generation {} signs from now on ({})",
                signer.generation,
                signer.key.public().to_multibase()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
