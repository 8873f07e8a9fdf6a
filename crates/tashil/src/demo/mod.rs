//! Deterministic demo data: the five provinces of `docs/domain.md` (Qazvin with 4,000 units of
//! which 3,800 active, Alborz, East Azerbaijan, Tehran, and Nam Định now part of Ninh Bình),
//! their offices and one login per role, and a standards catalogue. `tashil demo --units N
//! --standards M` scales both for benchmarks.

mod conformity;
mod deregulation;
mod facilitation;
mod licensing;
mod names;
mod people;
mod quality;
mod rng;
mod standards;
mod supervision;
mod units;

use sea_orm::ConnectionTrait;
use sea_orm::DatabaseConnection;

pub use people::{DEMO_PASSWORD, logins_text};

/// Province codes of the demo, in display order (ISO 3166-2:IR for Iran; see
/// `tashil_reference::provinces` for Vietnam's codes).
pub const PROVINCES: &[&str] = &["IR-26", "IR-30", "IR-03", "IR-23", units::NINH_BINH];

#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub total_units: u64,
    pub standards: u64,
    pub seed: u64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            total_units: units::DEFAULT_TOTAL,
            standards: standards::DEFAULT_STANDARDS,
            seed: 1402,
        }
    }
}

/// Generates the demo data if the database has no users yet; returns whether it did.
pub async fn ensure(db: &DatabaseConnection, scale: Scale) -> anyhow::Result<bool> {
    if crate::identity::has_users(db).await? {
        return Ok(false);
    }
    let orgs = people::create(db).await?;
    units::create(db, scale, &orgs).await?;
    let tested = standards::create(db, scale.standards, scale.seed).await?;
    facilitation::create(db, scale.seed).await?;
    deregulation::create(db).await?;
    licensing::create(db).await?;
    conformity::create(db, &tested).await?;
    quality::create(db).await?;
    supervision::create(db).await?;
    // Its lapsed resolutions are flagged as a running desk would have; but the demo's made-up
    // history is not news: nobody is written to about it.
    crate::facilitation::flag_overdue(db, chrono::Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    db.execute_unprepared("DELETE FROM mail_outbox").await?;
    Ok(true)
}
