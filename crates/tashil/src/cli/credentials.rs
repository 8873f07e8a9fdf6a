//! `tashil credentials`: the issuer keys, the national body's or a province's (ADR 0019).

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
        /// Rotate this province's own issuer key (e.g. IR-26) instead of the national body's.
        #[arg(long)]
        province: Option<String>,
    },
}

pub async fn credentials(
    storage: StorageConfig,
    action: CredentialsAction,
) -> anyhow::Result<ExitCode> {
    match action {
        CredentialsAction::RotateKey { key, province } => {
            let Some(sealing) = key.key()? else {
                anyhow::bail!("set --credential-key or TASHIL_CREDENTIAL_KEY");
            };
            let db = super::open(&storage).await?;
            let now = chrono::Utc::now();
            let signer = match province.as_deref() {
                None => crate::credentials::rotate_key(&db, &sealing, now).await?,
                Some(code) => {
                    match crate::credentials::rotate_provincial_key(&db, code, &sealing, now).await
                    {
                        Err(crate::credentials::CredentialError::NotFound) => {
                            anyhow::bail!("province {code} has no issuer of its own")
                        }
                        other => other?,
                    }
                }
            };
            println!(
                "issuer key generation {} signs from now on ({})",
                signer.generation,
                signer.key.public().to_multibase()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
