//! Moving an application: the deciding office passes or rejects the open step, the applicant
//! withdraws or appeals, the national body decides an appeal, and silence passes a consent
//! step (the job, `silence.rs`). Every move is checked by `model::flow`, written in one
//! transaction under the application's version, and audited.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;

use super::entity::{application, step};
use super::error::{CHANGED, LicensingError};
use super::model::{Move, Mover, PermitDefinition, Position, Rejection, Status, Transition};
use super::view::{ApplicationView, MoveInput};
use super::{lead_time, licences, permit_types, read, steps};
use crate::access::Actor;
use crate::access::licensing::{self as rules, Party};
use crate::audit::{self, Change};

pub const MAX_NOTE: usize = 2000;

fn parse_move(def: &PermitDefinition, input: &MoveInput) -> Result<Move, LicensingError> {
    Ok(match input.kind.as_str() {
        "pass" => Move::Pass,
        "reject" => Move::Reject(Rejection::new(def, &input.conditions, &input.explanation)?),
        "withdraw" => Move::Withdraw,
        "appeal" => Move::Appeal,
        "reopen" => Move::Reopen,
        "uphold" => Move::Uphold,
        _ => return Err(LicensingError::invalid("move", "invalid_choice")),
    })
}

fn party_for(mv: &Move) -> Party {
    match mv {
        Move::Pass | Move::Reject(_) | Move::Consent => Party::DecidingOffice,
        Move::Withdraw | Move::Appeal => Party::Applicant,
        Move::Reopen | Move::Uphold => Party::NationalBody,
    }
}

fn mover_of(p: Party) -> Mover {
    match p {
        Party::Applicant => Mover::Applicant,
        Party::DecidingOffice => Mover::DecidingOffice,
        Party::NationalBody => Mover::NationalBody,
    }
}

pub(super) fn position(a: &application::Model) -> Result<Position, LicensingError> {
    Ok(Position {
        status: read::status_of(a)?,
        step: a.step_index.max(0) as usize,
        appealed_once: a.appealed_once,
        plan: serde_json::from_str(&a.plan)?,
    })
}

/// Who moved: a person, or the silence job.
pub(super) enum By<'a> {
    Actor(&'a Actor),
    Silence,
}

/// Writes transition `t` of application `a` (whose open step is `open`) in `tx`, and gives
/// the application as it leaves it. `runs`, the application's steps when given, gets the
/// steps the move closed, passed over and opened.
#[allow(clippy::too_many_arguments)]
pub(super) async fn write<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    def: &PermitDefinition,
    mv: &Move,
    t: &Transition,
    open: Option<&step::Model>,
    by: By<'_>,
    note: Option<String>,
    runs: &mut Vec<step::Model>,
    now: DateTime<Utc>,
) -> Result<application::Model, LicensingError> {
    let user = match by {
        By::Actor(actor) => Some(actor.user_id()),
        By::Silence => None,
    };
    // Read once for every clock this move reads or starts.
    let cals = crate::calendar::calendars(tx).await?;
    if let Some((_, outcome)) = t.closes {
        let s = open.ok_or(LicensingError::Conflict(CHANGED))?;
        let closed = steps::close(tx, s, outcome, user, note.clone(), &cals, now)
            .await?
            .ok_or(LicensingError::Conflict(CHANGED))?;
        if let Some(r) = runs.iter_mut().find(|r| r.id == closed.id) {
            *r = closed;
        }
    }
    for i in &t.skipped {
        runs.push(steps::skipped(tx, a, def, *i, now).await?);
    }
    if let Some((i, days)) = t.starts {
        runs.push(steps::open(tx, a, def, i, days, &cals, now).await?);
    }
    let next = moved(a, mv, t, note.as_deref(), now)?;
    let res = application::Entity::update_many()
        .col_expr(
            application::Column::Status,
            Expr::value(next.status.clone()),
        )
        .col_expr(application::Column::UpdatedAt, Expr::value(next.updated_at))
        .col_expr(application::Column::Version, Expr::value(next.version))
        .col_expr(application::Column::StepIndex, Expr::value(next.step_index))
        .col_expr(application::Column::DecidedAt, Expr::value(next.decided_at))
        .col_expr(
            application::Column::Rejection,
            Expr::value(next.rejection.clone()),
        )
        .col_expr(
            application::Column::AppealedOnce,
            Expr::value(next.appealed_once),
        )
        .col_expr(
            application::Column::AppealReason,
            Expr::value(next.appeal_reason.clone()),
        )
        .col_expr(
            application::Column::DecidedBySilence,
            Expr::value(next.decided_by_silence),
        )
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::Version.eq(a.version))
        .exec(tx)
        .await?;
    if res.rows_affected != 1 {
        return Err(LicensingError::Conflict(CHANGED));
    }
    if matches!(mv, Move::Reopen) {
        lead_time::reopened(tx, a).await?;
    }
    match t.status {
        Status::Issued => {
            let silence = matches!(mv, Move::Consent);
            lead_time::decided(tx, a, true, silence, &cals, now).await?
        }
        Status::Rejected => lead_time::decided(tx, a, false, false, &cals, now).await?,
        Status::Withdrawn => lead_time::count(tx, a, lead_time::Event::Withdrawn, now).await?,
        _ => {}
    }
    let licence = if t.status == Status::Issued {
        Some(licences::issue(tx, a, def, now).await?.number)
    } else {
        None
    };
    let action = match mv {
        Move::Pass => "application.pass",
        Move::Reject(_) => "application.reject",
        Move::Withdraw => "application.withdraw",
        Move::Consent => "application.consent",
        Move::Appeal => "application.appeal",
        Move::Reopen => "application.reopen",
        Move::Uphold => "application.uphold",
    };
    let before = json!({"status": &a.status, "step": a.step_index});
    let after = json!({
        "status": t.status.as_str(),
        "step": t.starts.map(|s| s.0),
        "skipped": &t.skipped,
        "rejection": match mv { Move::Reject(r) => Some(r), _ => None },
        "note": note,
        "licence": licence,
    });
    let change = match by {
        By::Actor(actor) => Change::by(actor, action, "application", a.id),
        By::Silence => Change::system("job", action, "application", a.id),
    };
    audit::record(tx, change.before(before).after(after)).await?;
    Ok(next)
}

/// Application `a` as transition `t` by move `mv` leaves it: the row `write` stores, and
/// what the answer shows without reading it back.
fn moved(
    a: &application::Model,
    mv: &Move,
    t: &Transition,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<application::Model, LicensingError> {
    let mut next = a.clone();
    next.status = t.status.as_str().to_owned();
    next.updated_at = now;
    next.version = a.version + 1;
    if let Some((i, _)) = t.starts {
        next.step_index = i as i32;
    }
    let final_now = matches!(
        t.status,
        Status::Issued | Status::Rejected | Status::Withdrawn
    );
    next.decided_at = final_now.then_some(now);
    match mv {
        Move::Reject(r) => next.rejection = Some(serde_json::to_string(r)?),
        Move::Appeal => {
            next.appealed_once = true;
            next.appeal_reason = note.map(str::to_owned);
        }
        Move::Reopen => next.rejection = None,
        Move::Consent if t.status == Status::Issued => next.decided_by_silence = true,
        _ => {}
    }
    Ok(next)
}

/// Whether the application's lab reports let its test step pass: at least one released, and
/// none (each request's latest revision) failing or inconclusive on a clause. A report covers
/// every clause its request asked (conformity releases none short of one), so the clauses the
/// step needs are those the applicant asked; the refusal names the clauses in the way.
async fn lab_report_holds<C: ConnectionTrait>(tx: &C, id: i64) -> Result<(), LicensingError> {
    let tests = crate::conformity::application_tests(tx, id).await?;
    if tests.is_empty() {
        return Err(LicensingError::invalid("move", "lab_report_missing"));
    }
    let clauses = |f: fn(&crate::conformity::ApplicationTests) -> &Vec<String>| {
        tests.iter().flat_map(f).cloned().collect::<Vec<_>>()
    };
    for (code, found) in [
        ("lab_report_failed", clauses(|t| &t.failed)),
        ("lab_report_inconclusive", clauses(|t| &t.inconclusive)),
    ] {
        if !found.is_empty() {
            return Err(LicensingError::Invalid(vec![
                crate::kernel::FieldError::new("move", code).with_detail(found.join(", ")),
            ]));
        }
    }
    Ok(())
}

/// A person's move on application `id`.
pub async fn act(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    input: &MoveInput,
    now: DateTime<Utc>,
) -> Result<ApplicationView, LicensingError> {
    let tx = crate::db::begin_write(db).await?;
    let a = read::scoped(&tx, actor, id).await?;
    let (v, def) = permit_types::version(&tx, a.version_id).await?;
    let mv = parse_move(&def, input)?;
    // An appeal states its reason; any other move may carry a note.
    let mut errs = Vec::new();
    let note = match mv {
        Move::Appeal => {
            crate::kernel::required("explanation", &input.explanation, MAX_NOTE, &mut errs)
        }
        _ => crate::kernel::capped("note", &input.note, MAX_NOTE, &mut errs),
    };
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let note = Some(note).filter(|n| !n.is_empty());
    let pos = position(&a)?;
    let done = matches!(pos.status, Status::Issued | Status::Withdrawn)
        || (pos.status == Status::Rejected && pos.appealed_once);
    if done {
        return Err(LicensingError::Conflict(
            super::model::Refusal::Final.code(),
        ));
    }
    let mut runs = read::steps_of(&tx, a.id).await?;
    let open = runs.iter().find(|r| r.ended_at.is_none()).cloned();
    if matches!(mv, Move::Pass | Move::Reject(_)) {
        match input.step {
            None => return Err(LicensingError::invalid("step", "required")),
            Some(s) if s != a.step_index => return Err(LicensingError::Conflict(CHANGED)),
            Some(_) => {}
        }
    }
    let unit = read::unit_facts(&tx, actor, a.unit_id).await?;
    let facts = read::move_facts(&a, &def, unit.organisation, open.as_ref());
    let party = rules::party(actor, party_for(&mv), facts)?;
    let t = pos
        .apply(&def, &mv, mover_of(party))
        .map_err(|r| LicensingError::Conflict(r.code()))?;
    let needs_report = def
        .steps
        .get(a.step_index.max(0) as usize)
        .is_some_and(|s| s.needs_lab_report);
    if matches!(mv, Move::Pass) && needs_report {
        lab_report_holds(&tx, a.id).await?;
    }
    let next = write(
        &tx,
        &a,
        &def,
        &mv,
        &t,
        open.as_ref(),
        By::Actor(actor),
        note,
        &mut runs,
        now,
    )
    .await?;
    tx.commit().await?;
    read::view_of(db, actor, &next, &v, &def, unit, runs).await
}
