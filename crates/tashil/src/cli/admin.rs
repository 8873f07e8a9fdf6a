use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use sea_orm::ConnectionTrait;

use crate::access::{OrganisationKind, Role};
use crate::config::StorageConfig;
use crate::identity::{self, NewOrganisation, NewUser};

#[derive(Subcommand)]
pub enum UserAction {
    /// Create a user (the password is read from standard input).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// national_admin, provincial_officer, inspector, agency_officer, unit_user, lab_user, public
        #[arg(long)]
        role: String,
        /// Province code (required for provincial roles).
        #[arg(long)]
        province: Option<String>,
        /// Existing organisation id; without it a new organisation is made for the role.
        #[arg(long)]
        organisation: Option<i64>,
        /// Preferred language: fa, vi or en.
        #[arg(long, default_value = "fa")]
        lang: String,
    },
}

#[derive(Subcommand)]
pub enum TokenAction {
    /// Issue an API token that acts as the given user.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

pub async fn user(storage: StorageConfig, action: UserAction) -> anyhow::Result<ExitCode> {
    let UserAction::Add {
        email,
        name,
        role,
        province,
        organisation,
        lang,
    } = action;
    let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role}"))?;
    let mut password = String::new();
    std::io::stdin().read_to_string(&mut password)?;
    let password = password.trim_end_matches(['\n', '\r']).to_string();
    if password.chars().count() < 10 {
        anyhow::bail!("the password must have at least 10 characters");
    }
    let db = super::open(&storage).await?;
    let country = province
        .as_deref()
        .and_then(tashil_reference::province)
        .map(|p| p.country.code())
        .unwrap_or("IR");
    let org = match organisation {
        Some(id) => id,
        None => {
            identity::create_organisation(
                &db,
                "cli",
                NewOrganisation {
                    kind: OrganisationKind::home_of(role),
                    name_fa: &name,
                    name_en: &name,
                    name_vi: &name,
                    province_code: province.as_deref(),
                    country,
                },
            )
            .await?
        }
    };
    let hash = tokio::task::spawn_blocking(move || identity::hash_password(&password))
        .await?
        .map_err(|e| anyhow::anyhow!(e))?;
    let id = identity::create_user(
        &db,
        "cli",
        NewUser {
            email: &email,
            display_name: &name,
            password_hash: hash,
            role,
            organisation_id: org,
            province_code: province.as_deref(),
            lang: &lang,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{} ({})", e, e.code()))?;
    eprintln!("user {id} created");
    Ok(ExitCode::SUCCESS)
}

pub async fn token(storage: StorageConfig, action: TokenAction) -> anyhow::Result<ExitCode> {
    let TokenAction::Create { email, name } = action;
    let db = super::open(&storage).await?;
    let user = identity::user_id_by_email(&db, &email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user {email}"))?;
    let token = identity::create_api_token(&db, "cli", user, &name).await?;
    println!("{token}");
    Ok(ExitCode::SUCCESS)
}

/// SQLite's `VACUUM INTO` writes a consistent snapshot while the server keeps running.
pub async fn backup(storage: StorageConfig, out: PathBuf) -> anyhow::Result<ExitCode> {
    if !storage.is_sqlite() {
        anyhow::bail!(
            "backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see README)"
        );
    }
    if out.exists() {
        anyhow::bail!("{} already exists", out.display());
    }
    let db = super::open(&storage).await?;
    let path = out.to_string_lossy().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{path}'"))
        .await?;
    eprintln!("backup written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}
