//! Resolutions in the demo: what a working group bound an agency to, and what became of it:
//! older meetings' mostly done and confirmed by the reporter (a few disputed), the newest's
//! mostly open, one withdrawn by the secretariat.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{Desk, err};
use crate::access::Actor;
use crate::demo::rng::Rng;
use crate::facilitation::{self, Progress, ResolutionDraft};

pub(super) fn draft(case_id: i64, agency: &Actor, days: u64, vietnamese: bool) -> ResolutionDraft {
    ResolutionDraft {
        case_id: Some(case_id),
        agency_org_id: Some(agency.organisation_id()),
        action: if vietnamese {
            "Xem xét, giải quyết và trả lời doanh nghiệp bằng văn bản"
        } else {
            "بررسی و رفع مانع و اعلام نتیجه به واحد به‌صورت مکتوب"
        }
        .to_string(),
        working_days: days.to_string(),
        proof: if vietnamese {
            "Văn bản trả lời của cơ quan"
        } else {
            "نامهٔ رسمی دستگاه"
        }
        .to_string(),
    }
}

/// Resolves `case` at `meeting` (the `m`-th past meeting, the `k`-th item on its agenda) and
/// plays out what became of the resolution.
pub(super) async fn resolve(
    db: &DatabaseConnection,
    rng: &mut Rng,
    desk: &Desk,
    meeting: i64,
    m: usize,
    k: usize,
    case: &(i64, Actor),
) -> anyhow::Result<()> {
    let (officer, vn) = (&desk.officer, desk.vn);
    let (cid, reporter) = (&case.0, &case.1);
    let agencies = desk.agencies();
    let agency = agencies[(k + m) % agencies.len()];
    let r = facilitation::add_resolution(
        db,
        officer,
        meeting,
        &draft(*cid, agency, 5 + rng.below(20), vn),
        desk.now,
    )
    .await
    .map_err(err)?;
    // Older meetings' resolutions are mostly done; the newest mostly still open.
    let done = rng.chance(match m {
        0 => 85,
        1 => 70,
        2 => 50,
        _ => 20,
    });
    if done {
        let (note, evidence) = if vn {
            ("Đã giải quyết.", "Công văn số 123")
        } else {
            ("اقدام انجام شد.", "نامهٔ شمارهٔ ۱۲۳")
        };
        progress(db, agency, r.id, note, evidence, true, desk.now).await?;
        if rng.chance(75) {
            facilitation::confirm(db, reporter, *cid, desk.now)
                .await
                .map_err(err)?;
        } else if k.is_multiple_of(3) {
            let note = if vn {
                "Khoản vay mới được giải ngân một nửa."
            } else {
                "فقط نیمی از مبلغ پرداخت شد؛ مانع هنوز باقی است."
            };
            facilitation::reply(
                db,
                reporter,
                *cid,
                facilitation::Reply::Dispute,
                note,
                desk.now,
            )
            .await
            .map_err(err)?;
        }
    } else if m == 3 && k % 9 == 4 {
        // Withdrawn by the secretariat: addressed to the wrong agency.
        facilitation::cancel_resolution(
            db,
            officer,
            r.id,
            if vn {
                "Giao nhầm cơ quan; chuyển lại ban kỹ thuật."
            } else {
                "به دستگاه نادرست ابلاغ شده بود؛ به کمیتهٔ فنی بازگشت."
            },
            desk.now,
        )
        .await
        .map_err(err)?;
    } else if rng.chance(50) {
        let note = if vn {
            "Đang xử lý."
        } else {
            "در حال بررسی است."
        };
        progress(db, agency, r.id, note, "", false, desk.now).await?;
    }
    Ok(())
}

/// The agency reports on resolution `id`.
async fn progress(
    db: &DatabaseConnection,
    agency: &Actor,
    id: i64,
    note: &str,
    evidence: &str,
    done: bool,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let p = Progress {
        note: note.into(),
        evidence: evidence.into(),
        done,
    };
    facilitation::report_progress(db, agency, id, &p, now)
        .await
        .map_err(err)
}
