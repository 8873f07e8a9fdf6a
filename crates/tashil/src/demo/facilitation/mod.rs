//! Demo data of the facilitation desk: agencies and a working group in Qazvin, Alborz and
//! Ninh Bình, a few hundred cases in every state, past meetings with resolutions in every state
//! (some overdue) and an upcoming meeting, made through the desk's own use cases. `bodies`
//! seats the agencies, `cases` reports and triages, `meetings` holds the meetings,
//! `resolutions` plays out what each resolution became.

mod bodies;
mod cases;
mod meetings;
mod resolutions;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::people::actor_by_email;
use super::rng::Rng;
use crate::access::Actor;
use crate::facilitation::FacilitationError;
use crate::identity;

/// (province, officer login, working group name fa/en/vi, cases)
const PROVINCES: &[(&str, &str, [&str; 3], usize)] = &[
    (
        "IR-26",
        "qazvin@demo.tashil.ir",
        [
            "کارگروه تسهیل و رفع موانع تولید استان قزوین",
            "Qazvin working group for removing production obstacles",
            "Tổ công tác tháo gỡ vướng mắc sản xuất tỉnh Qazvin",
        ],
        160,
    ),
    (
        "IR-30",
        "alborz@demo.tashil.ir",
        [
            "کارگروه تسهیل و رفع موانع تولید استان البرز",
            "Alborz working group for removing production obstacles",
            "Tổ công tác tháo gỡ vướng mắc sản xuất tỉnh Alborz",
        ],
        100,
    ),
    (
        "VN-NBI",
        "ninhbinh@demo.tashil.vn",
        [
            "کارگروه رفع موانع تولید نین‌بین",
            "Ninh Bình working group for removing production obstacles",
            "Tổ công tác tháo gỡ khó khăn, vướng mắc sản xuất tỉnh Ninh Bình",
        ],
        60,
    ),
];

/// The desk's refusals have no text for the operator; their debug form names them.
fn err(e: FacilitationError) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// One province's desk as the demo builds it.
struct Desk {
    province: &'static str,
    officer: Actor,
    /// The working group.
    body: i64,
    /// Every member's officer, in seat order; `true` for a private seat (the chamber).
    members: Vec<(Actor, bool)>,
    vn: bool,
    /// When the demo acts: every use case it calls takes this instant.
    now: DateTime<Utc>,
}

impl Desk {
    /// The members resolutions may bind: agencies, not the private seats.
    fn agencies(&self) -> Vec<&Actor> {
        self.members
            .iter()
            .filter(|(_, p)| !p)
            .map(|(a, _)| a)
            .collect()
    }
}

pub async fn create(db: &DatabaseConnection, seed: u64) -> anyhow::Result<()> {
    let hash = tokio::task::spawn_blocking(|| {
        identity::hash_password(&crate::identity::new_token("demo-agency"))
    })
    .await?
    .map_err(|e| anyhow::anyhow!(e))?;
    let mut rng = Rng::new(seed ^ 0xFAC1);
    let unit = actor_by_email(db, "unit@demo.tashil.ir").await?;
    let now = Utc::now();
    for (province, officer_email, wg, n_cases) in PROVINCES {
        let Some(officer) = actor_by_email(db, officer_email).await? else {
            continue;
        };
        let desk = bodies::seat(db, province, officer, wg, &hash, now).await?;
        let today = crate::kernel::clock::local_date(province, now);
        let reported = cases::report(db, &mut rng, &desk, unit.as_ref(), *n_cases).await?;
        let next = meetings::hold_past(db, &mut rng, &desk, &reported, n_cases / 6, today).await?;
        let upcoming = meetings::schedule_upcoming(db, &desk, today).await?;
        cases::triage_queue(db, &desk, upcoming, &reported[next..]).await?;
    }
    Ok(())
}
