//! Scoped selects of the desk: every read of a case, body, meeting or resolution starts from a
//! scope that only `access::facilitation` makes, so a row outside the actor's reach is never
//! loaded (and answers "not found", like a row that does not exist).

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select,
};

use super::FacilitationError;
use super::entity::{body, case, meeting, pairs, resolution};
use crate::access::facilitation::{
    CaseReach, CaseScope, MeetingScope, ResolutionReach, ResolutionScope, SecretariatScope,
};

/// The one row `q` selects; a row out of reach reads like a missing one.
pub(super) async fn found<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    q: Select<E>,
) -> Result<E::Model, FacilitationError> {
    q.one(db).await?.ok_or(FacilitationError::NotFound)
}

/// The cases within `scope`.
pub(super) fn cases(scope: &CaseScope) -> Select<case::Entity> {
    let q = case::Entity::find();
    match scope.reach() {
        CaseReach::All => q,
        CaseReach::Province(p) => q.filter(case::Column::ProvinceCode.eq(p.as_str())),
        CaseReach::Organisation(o) => {
            let assigned = Query::select()
                .column(resolution::Column::CaseId)
                .from(resolution::Entity)
                .and_where(resolution::Column::AgencyOrgId.eq(*o))
                .and_where(resolution::Column::CaseId.is_not_null())
                .to_owned();
            q.filter(
                Condition::any()
                    .add(case::Column::ReporterOrgId.eq(*o))
                    .add(case::Column::RoutedToOrgId.eq(*o))
                    .add(case::Column::Id.in_subquery(assigned))
                    .add(case::Column::Id.in_subquery(super::case_units::cases_of_org(*o))),
            )
        }
    }
}

/// Case `id` if it is within `scope`.
pub(super) async fn case<C: ConnectionTrait>(
    db: &C,
    scope: &CaseScope,
    id: i64,
) -> Result<case::Model, FacilitationError> {
    found(db, cases(scope).filter(case::Column::Id.eq(id))).await
}

fn kept_body_condition(scope: &SecretariatScope) -> Condition {
    match scope.province() {
        Some(p) => Condition::all().add(body::Column::ProvinceCode.eq(p)),
        None => Condition::all().add(body::Column::ProvinceCode.is_null()),
    }
}

/// The bodies whose secretariat `scope` keeps.
pub(super) fn kept_bodies(scope: &SecretariatScope) -> Select<body::Entity> {
    body::Entity::find().filter(kept_body_condition(scope))
}

/// Body `id` if `scope` keeps its secretariat.
pub(super) async fn kept_body<C: ConnectionTrait>(
    db: &C,
    scope: &SecretariatScope,
    id: i64,
) -> Result<body::Model, FacilitationError> {
    found(db, kept_bodies(scope).filter(body::Column::Id.eq(id))).await
}

/// Meeting `id` and its body, if `scope` keeps the body's secretariat.
pub(super) async fn kept_meeting<C: ConnectionTrait>(
    db: &C,
    scope: &SecretariatScope,
    id: i64,
) -> Result<(meeting::Model, body::Model), FacilitationError> {
    let m = found(
        db,
        meetings_of_kept_bodies(scope).filter(meeting::Column::Id.eq(id)),
    )
    .await?;
    let b = kept_body(db, scope, m.body_id).await?;
    Ok((m, b))
}

/// Meeting `id` and its body, if `scope` may read it: kept by its secretariat, or of a body
/// its organisation sits on.
pub(super) async fn readable_meeting<C: ConnectionTrait>(
    db: &C,
    scope: &MeetingScope,
    id: i64,
) -> Result<(meeting::Model, body::Model), FacilitationError> {
    let seats = Query::select()
        .column(Alias::new("body_id"))
        .from(Alias::new(pairs::BODY_MEMBERS))
        .and_where(Expr::col(Alias::new("organisation_id")).eq(scope.member()))
        .to_owned();
    let mut bodies = Condition::any().add(body::Column::Id.in_subquery(seats));
    if let Some(s) = scope.secretariat() {
        bodies = bodies.add(kept_body_condition(s));
    }
    let b_ids = Query::select()
        .column(body::Column::Id)
        .from(body::Entity)
        .cond_where(bodies)
        .to_owned();
    let m = found(
        db,
        meeting::Entity::find_by_id(id).filter(meeting::Column::BodyId.in_subquery(b_ids)),
    )
    .await?;
    let b = found(db, body::Entity::find_by_id(m.body_id)).await?;
    Ok((m, b))
}

/// The resolutions within `scope`.
pub(super) fn resolutions(scope: &ResolutionScope) -> Select<resolution::Entity> {
    let q = resolution::Entity::find();
    match scope.reach() {
        ResolutionReach::All => q,
        ResolutionReach::Province(p) => q.filter(resolution::Column::ProvinceCode.eq(p.as_str())),
        ResolutionReach::Agency(o) => q.filter(resolution::Column::AgencyOrgId.eq(*o)),
    }
}

/// Resolution `id` if it is within `scope`.
pub(super) async fn resolution<C: ConnectionTrait>(
    db: &C,
    scope: &ResolutionScope,
    id: i64,
) -> Result<resolution::Model, FacilitationError> {
    found(db, resolutions(scope).filter(resolution::Column::Id.eq(id))).await
}

/// Resolution `id` if `scope` keeps the secretariat that may withdraw it: a province's own, or
/// (the national secretariat) one with no province.
pub(super) async fn kept_resolution<C: ConnectionTrait>(
    db: &C,
    scope: &SecretariatScope,
    id: i64,
) -> Result<resolution::Model, FacilitationError> {
    let national_or_own = resolution::Column::ProvinceCode.eq(scope.province().unwrap_or(""));
    found(
        db,
        resolution::Entity::find_by_id(id).filter(national_or_own),
    )
    .await
}

/// The meetings of the bodies whose secretariat `scope` keeps.
pub(super) fn meetings_of_kept_bodies(scope: &SecretariatScope) -> Select<meeting::Entity> {
    meeting::Entity::find().filter(
        meeting::Column::BodyId.in_subquery(
            Query::select()
                .column(body::Column::Id)
                .from(body::Entity)
                .cond_where(kept_body_condition(scope))
                .to_owned(),
        ),
    )
}

/// Of `q`, the resolutions the national desk answers for: a national body's, one decided on a
/// case at the national level, or a national item with no province.
pub(super) fn of_national_desk(q: Select<resolution::Entity>) -> Select<resolution::Entity> {
    let national_meetings = Query::select()
        .column((meeting::Entity, meeting::Column::Id))
        .from(meeting::Entity)
        .inner_join(
            body::Entity,
            Expr::col((body::Entity, body::Column::Id))
                .equals((meeting::Entity, meeting::Column::BodyId)),
        )
        .and_where(Expr::col((body::Entity, body::Column::ProvinceCode)).is_null())
        .to_owned();
    let national_cases = Query::select()
        .column(case::Column::Id)
        .from(case::Entity)
        .and_where(case::Column::Level.eq("national"))
        .to_owned();
    q.filter(
        Condition::any()
            .add(resolution::Column::ProvinceCode.eq(""))
            .add(resolution::Column::MeetingId.in_subquery(national_meetings))
            .add(resolution::Column::CaseId.in_subquery(national_cases)),
    )
}

/// The resolutions `filter` picks (those of one case, or of one meeting), in decision order,
/// as read at `now`.
pub(super) async fn resolutions_where<C: ConnectionTrait>(
    db: &C,
    filter: impl sea_orm::sea_query::IntoCondition,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<super::cases::ResolutionView>, FacilitationError> {
    let cals = crate::calendar::calendars(db).await?;
    Ok(resolution::Entity::find()
        .filter(filter)
        .order_by_asc(resolution::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| super::cases::ResolutionView::read(r, &cals, now))
        .collect::<Result<_, _>>()?)
}
