//! A unit applies: for its products, against the mandatory standards that cover them (the
//! catalogue says which), under the permit type's current version. The fast track is decided
//! here, once, from the unit's record on that day.

use chrono::{DateTime, Utc};
use rand::Rng;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::json;

use super::entity::{application, message, product};
use super::error::LicensingError;
use super::model::{Position, Status, first_applying, plan};
use super::view::{ApplicationInput, ApplicationView};
use super::{permit_types, record, steps};
use crate::access::licensing as rules;
use crate::access::{Actor, units};
use crate::audit::{self, Change};
use crate::kernel::{FieldError, clock};

pub const MAX_PRODUCTS: usize = 50;
pub const MAX_MESSAGE: usize = 4000;

/// Unambiguous to read aloud or type from paper (no I, L, O, U).
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A tracking code no one can guess from another (40 random bits): `IR-7KQ2-M9XD`.
fn tracking_code(country: &str) -> String {
    let mut rng = rand::rng();
    let mut part = || -> String {
        (0..4)
            .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
            .collect()
    };
    format!("{country}-{}-{}", part(), part())
}

struct CheckedProduct {
    product: String,
    brand: String,
    hs_code: String,
    standard_id: Option<i64>,
    standard: Option<String>,
}

/// Whether a standard (by its designation, "QCVN 16:2023/BXD") is the country's own: on its
/// country's list, a unit applies under its national body's standard when one covers the
/// product, an adopted international one only when none does.
fn national(designation: &str, country: &str) -> bool {
    let body = designation.split(' ').next().unwrap_or_default();
    match country {
        "VN" => crate::standards::VIETNAMESE_BODIES.contains(&body),
        _ => body == "INSO",
    }
}

async fn check_products(
    db: &DatabaseConnection,
    input: &ApplicationInput,
    country: &str,
    requires_standard: bool,
    now: DateTime<Utc>,
) -> Result<Vec<CheckedProduct>, Vec<FieldError>> {
    let mut errs = Vec::new();
    if input.products.is_empty() || input.products.len() > MAX_PRODUCTS {
        return Err(vec![FieldError::new("products", "product_count")]);
    }
    let mut out = Vec::new();
    for (i, p) in input.products.iter().enumerate() {
        let product = crate::kernel::required(
            &format!("products[{i}].product"),
            &p.product,
            200,
            &mut errs,
        );
        let brand =
            crate::kernel::capped(&format!("products[{i}].brand"), &p.brand, 100, &mut errs);
        let hs: String = tashil_text::digits::to_ascii_digits(&p.hs_code)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let field = format!("products[{i}].hs_code");
        if ![6, 8, 10].contains(&hs.len()) {
            errs.push(FieldError::new(field, "invalid_hs_code"));
            continue;
        }
        let (mut standard_id, mut standard) = (None, None);
        if requires_standard {
            // The unit's own country's list alone: never another country's standard.
            match crate::standards::mandatory_for_hs(db, &hs, Some(country), now).await {
                Ok(found) => match found
                    .iter()
                    .find(|m| national(&m.standard.designation, country))
                    .or(found.first())
                {
                    Some(m) => {
                        standard_id = Some(m.standard.id);
                        standard = Some(m.standard.designation.clone());
                    }
                    None => errs.push(FieldError::new(field, "no_mandatory_standard")),
                },
                Err(_) => errs.push(FieldError::new(field, "invalid_hs_code")),
            }
        }
        out.push(CheckedProduct {
            product,
            brand,
            hs_code: hs,
            standard_id,
            standard,
        });
    }
    if errs.is_empty() { Ok(out) } else { Err(errs) }
}

pub async fn apply(
    db: &DatabaseConnection,
    actor: &Actor,
    input: &ApplicationInput,
    now: DateTime<Utc>,
) -> Result<ApplicationView, LicensingError> {
    let grant = rules::authorize_apply(actor)?;
    let scope = units::read_scope(actor)?;
    let unit = crate::registry::lookup::unit_ref_of_organisation(db, grant.organisation())
        .await?
        .filter(|u| scope.covers(&u.province, u.organisation_id))
        .ok_or_else(|| LicensingError::invalid("unit", "no_unit"))?;
    let t = permit_types::by_code(db, &input.permit_type)
        .await?
        .filter(|t| t.active && unit.province.starts_with(&t.country))
        .ok_or_else(|| LicensingError::invalid("permit_type", "unknown_permit_type"))?;
    let (version, def) = permit_types::current(db, &t).await?;
    let mut errs = Vec::new();
    let message = crate::kernel::capped("message", &input.message, MAX_MESSAGE, &mut errs);
    let products = match check_products(db, input, &t.country, def.requires_standard, now).await {
        Ok(p) if errs.is_empty() => p,
        Ok(_) => return Err(LicensingError::Invalid(errs)),
        Err(more) => {
            errs.extend(more);
            return Err(LicensingError::Invalid(errs));
        }
    };

    let today = clock::local_date(&unit.province, now);
    let tx = crate::db::begin_write(db).await?;
    let rec = record::of_unit(&tx, unit.id).await?;
    let applied = first_applying(&def, &rec, today);
    let plan = plan(&def, applied.as_ref());
    let (skipped, first) = Position::first_from(&plan, 0);
    let (first, days) = first.ok_or_else(|| LicensingError::invalid("permit_type", "no_steps"))?;
    let app = audit::insert(
        &tx,
        application::ActiveModel {
            tracking_code: Set(tracking_code(&t.country)),
            unit_id: Set(unit.id),
            province_code: Set(unit.province.clone()),
            permit_type_id: Set(t.id),
            version_id: Set(version.id),
            applicant_user_id: Set(actor.user_id()),
            status: Set(Status::InProgress.as_str().to_owned()),
            step_index: Set(first as i32),
            fast_track: Set(applied.as_ref().map(serde_json::to_string).transpose()?),
            plan: Set(serde_json::to_string(&plan)?),
            rejection: Set(None),
            appealed_once: Set(false),
            appeal_reason: Set(None),
            decided_by_silence: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            decided_at: Set(None),
            version: Set(1),
            ..Default::default()
        },
        |a| {
            Change::by(actor, "application.create", "application", a.id).after(json!({
                "tracking_code": &a.tracking_code,
                "unit_id": a.unit_id,
                "permit_type": &t.code,
                "version": version.version,
                "products": input.products.len(),
                "fast_track": &applied,
            }))
        },
    )
    .await?;
    for p in products {
        product::ActiveModel {
            application_id: Set(app.id),
            product: Set(p.product),
            brand: Set(p.brand),
            hs_code: Set(p.hs_code),
            standard_id: Set(p.standard_id),
            standard: Set(p.standard),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
    }
    let mut runs = Vec::new();
    for i in skipped {
        runs.push(steps::skipped(&tx, &app, &def, i, now).await?);
    }
    let cals = crate::calendar::calendars(&tx).await?;
    runs.push(steps::open(&tx, &app, &def, first, days, &cals, now).await?);
    super::lead_time::count(&tx, &app, super::lead_time::Event::Received, now).await?;
    if !message.is_empty() {
        message::ActiveModel {
            application_id: Set(app.id),
            author_user_id: Set(actor.user_id()),
            from_applicant: Set(true),
            body: Set(message),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
    }
    tx.commit().await?;
    let unit = super::read::UnitFacts::of(&unit, &scope);
    super::read::view_of(db, actor, &app, &version, &def, unit, runs).await
}

#[cfg(test)]
mod tests {
    use super::national;

    #[test]
    fn a_unit_applies_under_its_own_countrys_body() {
        assert!(national("QCVN 16:2023/BXD", "VN"));
        assert!(national("TCVN 2682:2020", "VN"));
        assert!(!national("INSO 25:2015", "VN"));
        assert!(national("INSO 25:2015", "IR"));
        assert!(!national("ISO 9001:2015", "IR"));
        assert!(!national("QCVN 16:2023/BXD", "IR"));
    }
}
