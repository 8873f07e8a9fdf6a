//! Meetings in the demo: four past meetings of each working group, each taking a share of the
//! cases onto its agenda, recorded with every member present and a resolution per case; then
//! one upcoming.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::DatabaseConnection;

use super::{Desk, cases, err, resolutions};
use crate::access::Actor;
use crate::demo::rng::Rng;
use crate::facilitation::{self, AgendaDraft, MeetingRecord};

/// Holds the past meetings over the first cases of `reported`, `per_meeting` each; returns how
/// many they took.
pub(super) async fn hold_past(
    db: &DatabaseConnection,
    rng: &mut Rng,
    desk: &Desk,
    reported: &[(i64, Actor)],
    per_meeting: usize,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let (officer, vn) = (&desk.officer, desk.vn);
    let mut next = 0usize;
    for (m, ago) in [75i64, 50, 30, 12].into_iter().enumerate() {
        let held = today - Duration::days(ago);
        let meeting = facilitation::schedule_meeting(db, officer, desk.body, held, desk.now)
            .await
            .map_err(err)?;
        let batch = &reported[next..(next + per_meeting).min(reported.len())];
        next += batch.len();
        for (cid, _) in batch {
            on_agenda(db, officer, meeting, *cid, desk.now).await?;
        }
        facilitation::record_meeting(
            db,
            officer,
            meeting,
            &MeetingRecord {
                present: desk
                    .members
                    .iter()
                    .map(|(a, _)| a.organisation_id())
                    .collect(),
                absent: vec![],
                minutes: if vn {
                    "Tổ công tác đã họp và thống nhất kết luận."
                } else {
                    "کارگروه تشکیل شد و مصوبات زیر را تصویب کرد."
                }
                .into(),
            },
        )
        .await
        .map_err(err)?;
        for (k, case) in batch.iter().enumerate() {
            resolutions::resolve(db, rng, desk, meeting, m, k, case).await?;
        }
        let ids: Vec<i64> = batch.iter().map(|(c, _)| *c).collect();
        cases::backdate(db, &ids, ago + 10, ago).await?;
    }
    Ok(next)
}

/// The working group's next meeting, a week ahead.
pub(super) async fn schedule_upcoming(
    db: &DatabaseConnection,
    desk: &Desk,
    today: NaiveDate,
) -> anyhow::Result<i64> {
    facilitation::schedule_meeting(
        db,
        &desk.officer,
        desk.body,
        today + Duration::days(7),
        desk.now,
    )
    .await
    .map_err(err)
}

/// Puts case `cid` on the agenda of `meeting` (the item takes the case's title).
pub(super) async fn on_agenda(
    db: &DatabaseConnection,
    officer: &Actor,
    meeting: i64,
    cid: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let item = AgendaDraft {
        case_id: Some(cid),
        title: String::new(),
    };
    facilitation::add_agenda_item(db, officer, meeting, &item, now)
        .await
        .map(|_| ())
        .map_err(err)
}
