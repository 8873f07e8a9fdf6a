//! What the national administrator's permit-type pages read beyond the public API: a type's
//! version history and its delegation table (every province of its country by every step),
//! and the JSON a type is exported as (exactly what the import takes back).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::entity::{delegation, permit_version};
use super::error::LicensingError;
use super::model::Tri;
use super::permit_types::{by_code, current};
use super::view::{Decider, PermitTypeInput, PermitTypeView};
use crate::access::Actor;
use crate::access::licensing as rules;

/// Every permit type at its current version, for the national body's pages.
pub async fn types(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<PermitTypeView>, LicensingError> {
    rules::authorize_define(actor)?;
    super::permit_types::list(db).await
}

/// One permit type at its current version or at `version`, for the national body's pages.
pub async fn one(
    db: &DatabaseConnection,
    actor: &Actor,
    code: &str,
    version: Option<i32>,
) -> Result<PermitTypeView, LicensingError> {
    rules::authorize_define(actor)?;
    super::permit_types::get(db, code, version).await
}

/// One version of a permit type as its history lists it.
#[derive(Debug, Clone)]
pub struct VersionLine {
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

/// The versions of a permit type, newest first.
pub async fn history(
    db: &DatabaseConnection,
    actor: &Actor,
    code: &str,
) -> Result<Vec<VersionLine>, LicensingError> {
    rules::authorize_define(actor)?;
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    Ok(permit_version::Entity::find()
        .filter(permit_version::Column::PermitTypeId.eq(t.id))
        .order_by_desc(permit_version::Column::Version)
        .all(db)
        .await?
        .into_iter()
        .map(|v| VersionLine {
            version: v.version,
            created_at: v.created_at,
        })
        .collect())
}

/// Who decides each step of a permit type's current version in each province of its country
/// (or in the one province asked for).
#[derive(Debug, Clone)]
pub struct DelegationTable {
    pub name: Tri,
    pub version: i32,
    /// Every province of the type's country (the filter's choices).
    pub provinces: Vec<&'static str>,
    /// The province the rows are limited to, when one of `provinces` was asked for.
    pub only: Option<&'static str>,
    /// (code, name) of each step, in order.
    pub steps: Vec<(String, Tri)>,
    /// (province code, the decider of each step in `steps`' order).
    pub rows: Vec<(&'static str, Vec<Decider>)>,
}

/// The table of a permit type; with `only` one of its country's provinces, that province's
/// row alone (any other code is ignored: every row).
pub async fn delegation_table(
    db: &DatabaseConnection,
    actor: &Actor,
    code: &str,
    only: Option<&str>,
) -> Result<DelegationTable, LicensingError> {
    rules::authorize_define(actor)?;
    let t = by_code(db, code).await?.ok_or(LicensingError::NotFound)?;
    let (v, def) = current(db, &t).await?;
    // One read of every cell set, rather than one per province and step.
    let set: std::collections::HashMap<(String, String), Decider> = delegation::Entity::find()
        .filter(delegation::Column::PermitTypeId.eq(t.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|d| Some(((d.province_code, d.step_code), Decider::parse(&d.decider)?)))
        .collect();
    let provinces: Vec<&'static str> = tashil_reference::provinces::PROVINCES
        .iter()
        .filter(|p| p.code.starts_with(&t.country))
        .map(|p| p.code)
        .collect();
    let only = only.and_then(|o| provinces.iter().copied().find(|p| *p == o));
    let rows = provinces
        .iter()
        .filter(|p| only.is_none_or(|o| o == **p))
        .map(|&p| {
            let cells = def
                .steps
                .iter()
                .map(|s| {
                    set.get(&(p.to_owned(), s.code.clone()))
                        .copied()
                        .unwrap_or(Decider::National)
                })
                .collect();
            (p, cells)
        })
        .collect();
    Ok(DelegationTable {
        name: Tri {
            fa: t.name_fa.clone(),
            vi: t.name_vi.clone(),
            en: t.name_en.clone(),
        },
        version: v.version,
        provinces,
        only,
        steps: def
            .steps
            .iter()
            .map(|s| (s.code.clone(), s.name.clone()))
            .collect(),
        rows,
    })
}

/// A permit type as the import takes it: exporting and importing again changes nothing.
pub fn as_input(v: PermitTypeView) -> PermitTypeInput {
    PermitTypeInput {
        code: v.code,
        country: v.country,
        name: v.name,
        definition: v.definition,
    }
}

/// The JSON of several permit types, as a file the import reads back.
pub fn export_json(types: Vec<PermitTypeView>) -> Result<Vec<u8>, LicensingError> {
    let inputs: Vec<PermitTypeInput> = types.into_iter().map(as_input).collect();
    Ok(serde_json::to_vec_pretty(&inputs)?)
}

/// Reads JSON text into `T`; a syntax or shape error names the JSON path it was found at
/// (`definition.steps[2].deadline_days`) with the line and column.
pub fn parse_json<T: serde::de::DeserializeOwned>(
    text: &[u8],
    prefix: &str,
) -> Result<T, LicensingError> {
    let mut de = serde_json::Deserializer::from_slice(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        // A path ending in an unknown segment (`[0].?`: the text broke off before a key was
        // read) names what is known of it.
        let path = e.path().to_string();
        let path = path.trim_end_matches('?').trim_end_matches('.').to_owned();
        let inner = e.into_inner();
        let field = match path.as_str() {
            "" => prefix.trim_end_matches('.').to_owned(),
            p => format!("{prefix}{p}"),
        };
        let field = if field.is_empty() {
            "json".into()
        } else {
            field
        };
        LicensingError::Invalid(vec![
            crate::kernel::FieldError::new(field, "definition_unreadable").with_detail(format!(
                "{}:{}",
                inner.line(),
                inner.column()
            )),
        ])
    })
}

/// Whether the form was made from the version now current (a stale form must not undo
/// another's edit).
pub fn check_fresh(shown: Option<i32>, now: i32) -> Result<(), LicensingError> {
    match shown {
        Some(v) if v != now => Err(LicensingError::Conflict("edit_conflict")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: LicensingError) -> String {
        match e {
            LicensingError::Invalid(errs) => errs[0].field.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_that_does_not_read_names_the_entry_and_field() {
        let e = parse_json::<Vec<PermitTypeInput>>(br#"[{"code": 3}]"#, "").unwrap_err();
        assert_eq!(field_of(e), "[0].code");
        let e = parse_json::<Vec<PermitTypeInput>>(b"[{", "").unwrap_err();
        assert_eq!(
            field_of(e),
            "[0]",
            "the text broke off inside the first entry"
        );
        let e = parse_json::<Vec<PermitTypeInput>>(b"{}", "").unwrap_err();
        assert_eq!(
            field_of(e),
            "json",
            "not a list at all names the whole text"
        );
    }

    #[test]
    fn only_a_form_made_from_an_older_version_is_stale() {
        assert!(check_fresh(Some(2), 2).is_ok());
        assert!(check_fresh(None, 2).is_ok());
        assert!(matches!(
            check_fresh(Some(1), 2),
            Err(LicensingError::Conflict("edit_conflict"))
        ));
    }
}
