//! Demo data of licensing: the permit types of `permit_types.json` (the standard-mark licence,
//! its renewal, Vietnam's certificate of conformity, and the standard-mark licence whose test
//! step waits for an accredited lab's released report, ADR 0021) defined by the national
//! administrator, Qazvin's steps delegated to its office, and the demo unit's applications
//! at every stage — issued, rejected citing a condition, at the factory audit, withdrawn,
//! waiting for the documents check, and one waiting at the lab-report step — all made
//! through licensing's own use cases.

use sea_orm::DatabaseConnection;
use tashil_reference::Country;

use super::people::actor_by_email;
use crate::licensing::{
    self as lic, ApplicationInput, Decider, DelegationInput, MoveInput, PermitTypeInput,
    ProductInput,
};

const PERMIT_TYPES: &str = include_str!("permit_types.json");

/// The permit type whose test step waits for a lab's released report (`needs_lab_report`).
pub(super) const LAB_MARK: &str = "standard-mark-lab";

/// The brand of the demo unit's application waiting at the lab-report step (the conformity
/// journey finds it by this name).
pub(super) const LAB_BRAND: &str = "کیان آزما";

fn err(e: lic::LicensingError) -> anyhow::Error {
    anyhow::anyhow!("demo licensing: {e:?}")
}

async fn login(db: &DatabaseConnection, email: &str) -> anyhow::Result<crate::access::Actor> {
    actor_by_email(db, email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo login {email} missing"))
}

fn pass(step: i32) -> MoveInput {
    MoveInput {
        kind: "pass".into(),
        step: Some(step),
        conditions: vec![],
        explanation: String::new(),
        note: String::new(),
    }
}

fn by_code<'a>(types: &'a [PermitTypeInput], code: &str) -> anyhow::Result<&'a PermitTypeInput> {
    types
        .iter()
        .find(|t| t.code == code)
        .ok_or_else(|| anyhow::anyhow!("demo permit type {code} missing"))
}

/// Brands of the demo unit (a tile works in Qazvin), in the order it applies.
const BRANDS: &[&str] = &[
    "کیان",
    "کیان پرسلان",
    "کیان سرام",
    "کیان",
    "کیان گلد",
    "کیان",
];

pub(super) async fn create(db: &DatabaseConnection) -> anyhow::Result<()> {
    let admin = login(db, "admin@demo.tashil.ir").await?;
    let types: Vec<PermitTypeInput> = serde_json::from_str(PERMIT_TYPES)?;
    for t in &types {
        lic::define(db, &admin, t).await.map_err(err)?;
    }
    // Qazvin decides every step of a new standard-mark licence itself, and Ninh Bình every
    // step of a certificate of conformity.
    let mark = &types[0];
    for (t, province) in [
        (mark, "IR-26"),
        (by_code(&types, "vn-conformity")?, "VN-NBI"),
        (by_code(&types, LAB_MARK)?, "IR-26"),
    ] {
        for s in &t.definition.steps {
            let d = DelegationInput {
                province: province.into(),
                step: s.code.clone(),
                decider: Decider::Province,
            };
            lic::delegate(db, &admin, &t.code, &d).await.map_err(err)?;
        }
    }

    // The demo acts now, as a running office would.
    let now = chrono::Utc::now();
    // Products the demo catalogue makes mandatory in Iran.
    let mut products = Vec::new();
    // Ceramics, bricks and boards: what the demo unit makes.
    for p in tashil_reference::products::products_typical_in(Country::Ir)
        .filter(|p| p.hs.starts_with("69") || p.hs.starts_with("68"))
    {
        let hs = p.hs_dotted();
        if !crate::standards::mandatory_for_hs(db, &hs, Some("IR"), now)
            .await?
            .is_empty()
        {
            products.push((p.name("fa").to_owned(), hs));
        }
        if products.len() == BRANDS.len() {
            break;
        }
    }
    let unit = login(db, "unit@demo.tashil.ir").await?;
    let officer = login(db, "qazvin@demo.tashil.ir").await?;
    let inspector = login(db, "inspector@demo.tashil.ir").await?;
    let first_product = products.first().cloned();
    for (i, ((product, hs), brand)) in products.into_iter().zip(BRANDS).enumerate() {
        let input = ApplicationInput {
            permit_type: mark.code.clone(),
            products: vec![ProductInput {
                product,
                brand: (*brand).to_owned(),
                hs_code: hs,
            }],
            message: String::new(),
        };
        let app = lic::apply(db, &unit, &input, now).await.map_err(err)?;
        let steps_to_pass = match i {
            0 | 1 => mark.definition.steps.len(),
            3 => 1,
            _ => 0,
        };
        for _ in 0..steps_to_pass {
            let cur = lic::application(db, &officer, app.summary.id)
                .await
                .map_err(err)?;
            if cur.summary.status != lic::Status::InProgress {
                break;
            }
            let at = cur.summary.step_index;
            let by_inspector = cur
                .steps
                .iter()
                .any(|s| s.index == at && s.actor == lic::StepActor::Inspector);
            let who = if by_inspector { &inspector } else { &officer };
            lic::act(db, who, app.summary.id, &pass(at), now)
                .await
                .map_err(err)?;
        }
        match i {
            2 => {
                let reject = MoveInput {
                    kind: "reject".into(),
                    step: Some(0),
                    conditions: vec![3],
                    explanation: "مسئول کنترل کیفیت معرفی‌شده در واحد مستقر نیست.".into(),
                    note: String::new(),
                };
                lic::act(db, &officer, app.summary.id, &reject, now)
                    .await
                    .map_err(err)?;
            }
            4 => {
                let withdraw = MoveInput {
                    kind: "withdraw".into(),
                    ..pass(0)
                };
                lic::act(db, &unit, app.summary.id, &withdraw, now)
                    .await
                    .map_err(err)?;
            }
            _ => {}
        }
    }
    if let Some((product, hs)) = first_product {
        waiting_for_lab(db, &unit, &officer, product, hs, now).await?;
    }
    // Qazvin's office signs in its own name the licences it decides from now on (ADR 0019);
    // the licences above stay the national body's, as an installation's would that turned a
    // province on after issuing.
    crate::credentials::enable_provincial_issuer(db, &admin, "IR-26", now)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// The demo unit's application for the lab-report licence, its documents passed: it waits at
/// the test step until a lab releases a report on a request the unit sends for it.
async fn waiting_for_lab(
    db: &DatabaseConnection,
    unit: &crate::access::Actor,
    officer: &crate::access::Actor,
    product: String,
    hs_code: String,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    let input = ApplicationInput {
        permit_type: LAB_MARK.into(),
        products: vec![ProductInput {
            product,
            brand: LAB_BRAND.into(),
            hs_code,
        }],
        message: String::new(),
    };
    let app = lic::apply(db, unit, &input, now).await.map_err(err)?;
    lic::act(db, officer, app.summary.id, &pass(0), now)
        .await
        .map_err(err)?;
    Ok(())
}
