//! Permit types as data: the national body defines them (a change is a new version, never an
//! edit), imports and exports them as JSON, and sets who decides each step in each province.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;

use super::entity::{delegation, permit_type, permit_version};
use super::error::LicensingError;
use super::model::PermitDefinition;
use super::view::{Decider, DelegationInput, DelegationView, PermitTypeInput, PermitTypeView};
use crate::access::Actor;
use crate::access::licensing::{self as rules, NATIONAL};
use crate::audit::{self, Change};
use crate::kernel::FieldError;

pub const MAX_TYPES_PER_IMPORT: usize = 200;
/// `/permit-types/new` is the page that creates one: no type may take the name.
pub const RESERVED_CODE: &str = "new";

fn check_input(prefix: &str, input: &PermitTypeInput) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let code_ok = !input.code.is_empty()
        && input.code.len() <= 60
        && input
            .code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !code_ok {
        errs.push(FieldError::new(format!("{prefix}code"), "invalid_code"));
    } else if input.code == RESERVED_CODE {
        errs.push(FieldError::new(
            format!("{prefix}code"),
            "permit_code_reserved",
        ));
    }
    if !matches!(input.country.as_str(), "IR" | "VN") {
        errs.push(FieldError::new(
            format!("{prefix}country"),
            "invalid_choice",
        ));
    }
    for (lang, t) in [
        ("fa", &input.name.fa),
        ("vi", &input.name.vi),
        ("en", &input.name.en),
    ] {
        if t.trim().is_empty() || t.chars().count() > 200 {
            errs.push(FieldError::new(format!("{prefix}name.{lang}"), "required"));
        }
    }
    if let Err(more) = input.definition.validate() {
        errs.extend(more.into_iter().map(|mut e| {
            e.field = format!("{prefix}definition.{}", e.field);
            e
        }));
    }
    errs
}

fn definition_of(v: &permit_version::Model) -> Result<PermitDefinition, LicensingError> {
    Ok(serde_json::from_str(&v.definition)?)
}

pub(super) async fn version<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<(permit_version::Model, PermitDefinition), LicensingError> {
    let v = permit_version::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let def = definition_of(&v)?;
    Ok((v, def))
}

/// The permit type with id `id`.
pub(super) async fn by_id<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<permit_type::Model, LicensingError> {
    permit_type::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)
}

pub(super) async fn by_code<C: ConnectionTrait>(
    db: &C,
    code: &str,
) -> Result<Option<permit_type::Model>, LicensingError> {
    Ok(permit_type::Entity::find()
        .filter(permit_type::Column::Code.eq(code))
        .one(db)
        .await?)
}

pub(super) async fn current<C: ConnectionTrait>(
    db: &C,
    t: &permit_type::Model,
) -> Result<(permit_version::Model, PermitDefinition), LicensingError> {
    let v = permit_version::Entity::find()
        .filter(permit_version::Column::PermitTypeId.eq(t.id))
        .filter(permit_version::Column::Version.eq(t.current_version))
        .one(db)
        .await?
        .ok_or_else(|| LicensingError::Db(sea_orm::DbErr::RecordNotFound(t.code.clone())))?;
    let def = definition_of(&v)?;
    Ok((v, def))
}

fn view(t: &permit_type::Model, version: i32, definition: PermitDefinition) -> PermitTypeView {
    PermitTypeView {
        code: t.code.clone(),
        country: t.country.clone(),
        name: super::model::Tri {
            fa: t.name_fa.clone(),
            vi: t.name_vi.clone(),
            en: t.name_en.clone(),
        },
        version,
        active: t.active,
        definition,
    }
}

/// Writes one definition in the caller's transaction: a new type, a new version of one whose
/// definition or names changed, or nothing when it is the same.
async fn write<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    input: &PermitTypeInput,
) -> Result<PermitTypeView, LicensingError> {
    let now = Utc::now();
    let text = serde_json::to_string(&input.definition)?;
    let existing = by_code(tx, &input.code).await?;
    let (t, version) = match existing {
        Some(t) => {
            let (cur, def) = current(tx, &t).await?;
            let same_names = t.name_fa == input.name.fa
                && t.name_vi == input.name.vi
                && t.name_en == input.name.en;
            if t.country != input.country {
                return Err(LicensingError::invalid("country", "country_fixed"));
            }
            if def == input.definition && same_names {
                return Ok(view(&t, cur.version, def));
            }
            let before =
                json!({"version": t.current_version, "name": [&t.name_fa, &t.name_vi, &t.name_en]});
            let next = t.current_version + 1;
            let mut am: permit_type::ActiveModel = t.clone().into();
            am.name_fa = Set(input.name.fa.trim().to_owned());
            am.name_vi = Set(input.name.vi.trim().to_owned());
            am.name_en = Set(input.name.en.trim().to_owned());
            am.current_version = Set(next);
            am.updated_at = Set(now);
            let t = am.update(tx).await?;
            audit::record(
                tx,
                Change::by(actor, "permit_type.version", "permit_type", t.id)
                    .before(before)
                    .after(json!({"version": next, "definition": &input.definition})),
            )
            .await?;
            (t, next)
        }
        None => {
            let t = audit::insert(
                tx,
                permit_type::ActiveModel {
                    code: Set(input.code.clone()),
                    country: Set(input.country.clone()),
                    name_fa: Set(input.name.fa.trim().to_owned()),
                    name_vi: Set(input.name.vi.trim().to_owned()),
                    name_en: Set(input.name.en.trim().to_owned()),
                    current_version: Set(1),
                    active: Set(true),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                },
                |t| {
                    Change::by(actor, "permit_type.create", "permit_type", t.id)
                        .after(json!({"code": &t.code, "country": &t.country, "definition": &input.definition}))
                },
            )
            .await?;
            (t, 1)
        }
    };
    permit_version::ActiveModel {
        permit_type_id: Set(t.id),
        version: Set(version),
        definition: Set(text),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(view(&t, version, input.definition.clone()))
}

/// Defines a permit type or its next version (the national body).
pub async fn define(
    db: &DatabaseConnection,
    actor: &Actor,
    input: &PermitTypeInput,
) -> Result<PermitTypeView, LicensingError> {
    rules::authorize_define(actor)?;
    let errs = check_input("", input);
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let tx = crate::db::begin_write(db).await?;
    let v = write(&tx, actor, input).await?;
    tx.commit().await?;
    Ok(v)
}

/// Creates a permit type with its first version (the national body); refused when the code is
/// already a type's, so a new type never silently becomes another's next version.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: &PermitTypeInput,
) -> Result<PermitTypeView, LicensingError> {
    rules::authorize_define(actor)?;
    let mut errs = check_input("", input);
    let taken = || FieldError::new("code", "permit_type_exists");
    if errs.iter().all(|e| e.field != "code") && by_code(db, &input.code).await?.is_some() {
        errs.push(taken());
    }
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let tx = crate::db::begin_write(db).await?;
    // Checked again in the write transaction: another may have taken the code meanwhile.
    if by_code(&tx, &input.code).await?.is_some() {
        return Err(LicensingError::Invalid(vec![taken()]));
    }
    let v = write(&tx, actor, input).await?;
    tx.commit().await?;
    Ok(v)
}

/// Imports several definitions: all or nothing; each error names its entry (`[2].definition.steps[0].code`).
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    inputs: &[PermitTypeInput],
) -> Result<Vec<PermitTypeView>, LicensingError> {
    rules::authorize_define(actor)?;
    if inputs.is_empty() || inputs.len() > MAX_TYPES_PER_IMPORT {
        return Err(LicensingError::invalid("file", "entry_count"));
    }
    let mut errs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, input) in inputs.iter().enumerate() {
        errs.extend(check_input(&format!("[{i}]."), input));
        if !seen.insert(input.code.as_str()) {
            errs.push(FieldError::new(format!("[{i}].code"), "duplicate_entry"));
        }
    }
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let tx = crate::db::begin_write(db).await?;
    let mut out = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        match write(&tx, actor, input).await {
            Ok(v) => out.push(v),
            Err(LicensingError::Invalid(e)) => {
                return Err(LicensingError::Invalid(
                    e.into_iter()
                        .map(|mut f| {
                            f.field = format!("[{i}].{}", f.field);
                            f
                        })
                        .collect(),
                ));
            }
            Err(e) => return Err(e),
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Every permit type with its current definition (public: applicants read the steps,
/// deadlines, conditions and fees before applying).
pub async fn list(db: &DatabaseConnection) -> Result<Vec<PermitTypeView>, LicensingError> {
    let mut out = Vec::new();
    for t in permit_type::Entity::find()
        .order_by_asc(permit_type::Column::Country)
        .order_by_asc(permit_type::Column::Code)
        .all(db)
        .await?
    {
        let (v, def) = current(db, &t).await?;
        out.push(view(&t, v.version, def));
    }
    Ok(out)
}

/// One permit type, at its current version or at `version`.
pub async fn get(
    db: &DatabaseConnection,
    code: &str,
    version: Option<i32>,
) -> Result<PermitTypeView, LicensingError> {
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    let (v, def) = match version {
        None => current(db, &t).await?,
        Some(n) => {
            let v = permit_version::Entity::find()
                .filter(permit_version::Column::PermitTypeId.eq(t.id))
                .filter(permit_version::Column::Version.eq(n))
                .one(db)
                .await?
                .ok_or(LicensingError::NotFound)?;
            let def = definition_of(&v)?;
            (v, def)
        }
    };
    Ok(view(&t, v.version, def))
}

/// Who decides step `step` of type `type_id` in `province`: the province's office when
/// delegated to it, else the national body.
pub(super) async fn deciding_office<C: ConnectionTrait>(
    db: &C,
    type_id: i64,
    step: &str,
    province: &str,
) -> Result<String, LicensingError> {
    let row = delegation::Entity::find()
        .filter(delegation::Column::PermitTypeId.eq(type_id))
        .filter(delegation::Column::StepCode.eq(step))
        .filter(delegation::Column::ProvinceCode.eq(province))
        .one(db)
        .await?;
    Ok(match row.and_then(|d| Decider::parse(&d.decider)) {
        Some(Decider::Province) => province.to_owned(),
        _ => NATIONAL.to_owned(),
    })
}

/// Whether any step of type `type_id` is delegated to `province`'s office.
pub(super) async fn delegates_any<C: ConnectionTrait>(
    db: &C,
    type_id: i64,
    province: &str,
) -> Result<bool, LicensingError> {
    let rows = delegation::Entity::find()
        .filter(delegation::Column::PermitTypeId.eq(type_id))
        .filter(delegation::Column::ProvinceCode.eq(province))
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .any(|d| Decider::parse(&d.decider) == Some(Decider::Province)))
}

/// The delegations of a permit type in a province, one per step (public: each application
/// shows who decides).
pub async fn delegations(
    db: &DatabaseConnection,
    code: &str,
    province: &str,
) -> Result<Vec<DelegationView>, LicensingError> {
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    if tashil_reference::provinces::province(province).is_none() {
        return Err(LicensingError::NotFound);
    }
    let (_, def) = current(db, &t).await?;
    let mut out = Vec::new();
    for s in &def.steps {
        let office = deciding_office(db, t.id, &s.code, province).await?;
        out.push(DelegationView {
            step: s.code.clone(),
            step_name: s.name.clone(),
            decider: if office == NATIONAL {
                Decider::National
            } else {
                Decider::Province
            },
        });
    }
    Ok(out)
}

/// Sets who decides a step in a province (the national body), audited.
pub async fn delegate(
    db: &DatabaseConnection,
    actor: &Actor,
    code: &str,
    input: &DelegationInput,
) -> Result<Vec<DelegationView>, LicensingError> {
    rules::authorize_define(actor)?;
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    let (_, def) = current(db, &t).await?;
    let province = checked_cell(&t, &def, input, "")?;
    let tx = crate::db::begin_write(db).await?;
    set_decider(&tx, actor, &t, province, &input.step, input.decider).await?;
    tx.commit().await?;
    delegations(db, code, province).await
}

/// Sets several cells of a permit type's delegation table at once (the national body): all
/// or nothing, each error naming its entry (`[3].step`); only a cell that changes is written
/// and audited. Answers how many changed.
pub async fn delegate_many(
    db: &DatabaseConnection,
    actor: &Actor,
    code: &str,
    inputs: &[DelegationInput],
) -> Result<usize, LicensingError> {
    rules::authorize_define(actor)?;
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    let (_, def) = current(db, &t).await?;
    let mut errs = Vec::new();
    let mut cells = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        match checked_cell(&t, &def, input, &format!("[{i}].")) {
            Ok(province) => cells.push((province, input)),
            Err(LicensingError::Invalid(e)) => errs.extend(e),
            Err(e) => return Err(e),
        }
    }
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let tx = crate::db::begin_write(db).await?;
    let mut changed = 0;
    for (province, input) in cells {
        let office = deciding_office(&tx, t.id, &input.step, province).await?;
        let was = if office == NATIONAL {
            Decider::National
        } else {
            Decider::Province
        };
        if was != input.decider {
            set_decider(&tx, actor, &t, province, &input.step, input.decider).await?;
            changed += 1;
        }
    }
    tx.commit().await?;
    Ok(changed)
}

/// The province of a delegation cell, when it is one of the type's country and the step
/// one of its current definition.
fn checked_cell(
    t: &permit_type::Model,
    def: &PermitDefinition,
    input: &DelegationInput,
    prefix: &str,
) -> Result<&'static str, LicensingError> {
    let province = tashil_reference::provinces::province(&input.province)
        .filter(|p| p.code.starts_with(&t.country))
        .ok_or_else(|| LicensingError::invalid(format!("{prefix}province"), "unknown_province"))?;
    if def.step_index(&input.step).is_none() {
        return Err(LicensingError::invalid(
            format!("{prefix}step"),
            "unknown_step",
        ));
    }
    Ok(province.code)
}

/// Writes one cell in the caller's transaction and audits it with the office it replaces.
async fn set_decider<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    t: &permit_type::Model,
    province: &str,
    step: &str,
    decider: Decider,
) -> Result<(), LicensingError> {
    let before = deciding_office(tx, t.id, step, province).await?;
    delegation::Entity::delete_many()
        .filter(delegation::Column::PermitTypeId.eq(t.id))
        .filter(delegation::Column::StepCode.eq(step))
        .filter(delegation::Column::ProvinceCode.eq(province))
        .exec(tx)
        .await?;
    delegation::ActiveModel {
        permit_type_id: Set(t.id),
        step_code: Set(step.to_owned()),
        province_code: Set(province.to_owned()),
        decider: Set(decider.as_str().to_owned()),
        updated_by: Set(actor.user_id()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    audit::record(
        tx,
        Change::by(actor, "permit_type.delegate", "permit_type", t.id)
            .before(json!({"province": province, "step": step, "office": before}))
            .after(json!({"province": province, "step": step, "decider": decider.as_str()})),
    )
    .await?;
    Ok(())
}
