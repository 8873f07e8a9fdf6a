//! Licences in bulk for the register's benchmark (`bench/licensing.sh`): issued applications
//! and their licences for the units the database holds, with their words, written as a
//! running office would have written them but in chunks (multi-row inserts), not one by one.

use chrono::{Months, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, Value};

use super::entity::{permit_type, permit_version};
use super::error::LicensingError;
use super::model::{PermitDefinition, StepActor, StepDef, StepKind, Tri};
use super::register_terms::{Stated, licence_terms};
use crate::db::bulk;

/// Licences written per transaction.
const CHUNK: usize = 5_000;
/// Units read as holders at most (licences cycle over them).
const MAX_HOLDERS: i64 = 50_000;

const PRODUCTS: &[(&str, &str)] = &[
    ("شیر پاستوریزه", "0401.20"),
    ("ماست پرچرب", "0403.20"),
    ("سیمان پرتلند", "2523.29"),
    ("کاشی دیواری", "6907.21"),
    ("روغن مایع", "1512.19"),
    ("لاستیک سواری", "4011.10"),
    ("آب معدنی", "2201.10"),
    ("Sữa tươi tiệt trùng", "0401.20"),
    ("Xi măng Portland", "2523.29"),
    ("Gạch ốp lát", "6907.21"),
];
const BRANDS: &[&str] = &[
    "کاله",
    "میهن",
    "دامداران",
    "پاکبان",
    "سپاهان",
    "آبادگران",
    "Vinamilk",
    "Hà Tiên",
    "Viglacera",
    "ایران‌تایر",
    "بارز",
    "دماوند",
    "TH True",
    "Prime",
];

pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

async fn permit(db: &DatabaseConnection, user: i64) -> Result<(i64, i64), LicensingError> {
    use sea_orm::ColumnTrait;
    if let Some(t) = permit_type::Entity::find()
        .filter(permit_type::Column::Code.eq("standard-mark-bench"))
        .one(db)
        .await?
    {
        let v = permit_version::Entity::find()
            .filter(permit_version::Column::PermitTypeId.eq(t.id))
            .one(db)
            .await?
            .ok_or(LicensingError::NotFound)?;
        return Ok((t.id, v.id));
    }
    let def = PermitDefinition {
        steps: vec![StepDef {
            code: "issue".into(),
            kind: StepKind::Issue,
            name: Tri::new("صدور", "Cấp", "Issue"),
            actor: StepActor::Officer,
            deadline_days: 2,
            silence_is_consent: true,
            needs_lab_report: false,
        }],
        conditions: vec![],
        documents: vec![],
        fees: vec![],
        fast_track: vec![],
        validity_months: 36,
        requires_standard: false,
        renews: vec![],
    };
    let now = Utc::now();
    let t = permit_type::ActiveModel {
        code: Set("standard-mark-bench".into()),
        country: Set("IR".into()),
        name_fa: Set("پروانهٔ علامت استاندارد".into()),
        name_vi: Set("Giấy chứng nhận hợp chuẩn".into()),
        name_en: Set("Standard-mark licence".into()),
        current_version: Set(1),
        active: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let v = permit_version::ActiveModel {
        permit_type_id: Set(t.id),
        version: Set(1),
        definition: Set(serde_json::to_string(&def)?),
        created_by: Set(user),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((t.id, v.id))
}

/// Adds `n` issued licences (one to three products each) over the database's units, as the
/// user `user` applied; returns how many words were written.
pub async fn fill(
    db: &DatabaseConnection,
    n: u64,
    user: i64,
    seed: u64,
) -> Result<u64, LicensingError> {
    let mut holders = vec![];
    for id in 1..=MAX_HOLDERS {
        match crate::registry::lookup::holder(db, id).await? {
            Some(u) => holders.push(u),
            None if id > 1 => break,
            None => {}
        }
    }
    if holders.is_empty() {
        return Err(LicensingError::invalid("units", "required"));
    }
    let (type_id, version_id) = permit(db, user).await?;
    let mut rng = Lcg(seed);
    let now = Utc::now();
    let today = now.date_naive();
    let mut words = 0;
    let mut made = 0u64;
    while made < n {
        let size = (n - made).min(CHUNK as u64) as usize;
        let tx = crate::db::begin_write(db).await?;
        let mut apps = Vec::with_capacity(size);
        let mut lics = Vec::with_capacity(size);
        for i in 0..size {
            let seq = made + i as u64;
            let u = &holders[rng.below(holders.len())];
            apps.push(vec![
                Value::from(format!("BN-{seq:010}-{seed}")),
                u.id.into(),
                u.province.clone().into(),
                type_id.into(),
                version_id.into(),
                user.into(),
                "issued".into(),
                0i32.into(),
                "[2]".into(),
                false.into(),
                false.into(),
                now.into(),
                now.into(),
                Some(now).into(),
                1i32.into(),
            ]);
            let covers: Vec<serde_json::Value> = (0..1 + rng.below(3))
                .map(|_| {
                    let (p, hs) = PRODUCTS[rng.below(PRODUCTS.len())];
                    let b = BRANDS[rng.below(BRANDS.len())];
                    serde_json::json!({"product": p, "brand": b, "hs_code": hs.replace('.', ""),
                                       "standard": format!("INSO {}", 100 + rng.below(9000))})
                })
                .collect();
            // Validity spread over the past and the next three years, so every status occurs.
            let from = today - chrono::Days::new(rng.below(1400) as u64);
            let until: NaiveDate = from
                .checked_add_months(Months::new(36))
                .and_then(|d| d.pred_opt())
                .unwrap_or(from);
            let status = match (until < today, rng.below(100)) {
                (true, _) => "expired",
                (false, 0..=2) => "suspended",
                (false, 3) => "revoked",
                _ => "active",
            };
            let number = format!("SMN-{}-{}{:07}", u.province, 1402 + rng.below(4), seq + 1);
            lics.push((u, number, covers, status, from, until));
        }
        let rows = bulk::insert(
            &tx,
            "applications",
            &[
                "tracking_code",
                "unit_id",
                "province_code",
                "permit_type_id",
                "version_id",
                "applicant_user_id",
                "status",
                "step_index",
                "plan",
                "appealed_once",
                "decided_by_silence",
                "created_at",
                "updated_at",
                "decided_at",
                "version",
            ],
            apps,
            Some("id, tracking_code"),
        )
        .await?;
        let mut app_ids: Vec<(String, i64)> = rows
            .iter()
            .map(|r| Ok((r.try_get("", "tracking_code")?, r.try_get("", "id")?)))
            .collect::<Result<_, sea_orm::DbErr>>()?;
        app_ids.sort();
        let mut licence_rows = Vec::with_capacity(size);
        for (i, (u, number, covers, status, from, until)) in lics.iter().enumerate() {
            let code = format!("BN-{:010}-{seed}", made + i as u64);
            let app = app_ids[app_ids
                .binary_search_by(|(c, _)| c.as_str().cmp(&code))
                .map_err(|_| LicensingError::NotFound)?]
            .1;
            licence_rows.push(vec![
                Value::from(number.clone()),
                app.into(),
                u.id.into(),
                u.province.clone().into(),
                type_id.into(),
                (*status).into(),
                (*from).into(),
                (*until).into(),
                serde_json::Value::Array(covers.clone()).to_string().into(),
                u.names[0].clone().into(),
                u.names[1].clone().into(),
                u.names[2].clone().into(),
                now.into(),
                now.into(),
                1i32.into(),
            ]);
        }
        let rows = bulk::insert(
            &tx,
            "licences",
            &[
                "number",
                "application_id",
                "unit_id",
                "province_code",
                "permit_type_id",
                "status",
                "valid_from",
                "valid_until",
                "covers",
                "holder_fa",
                "holder_en",
                "holder_vi",
                "created_at",
                "updated_at",
                "version",
            ],
            licence_rows,
            Some("id, number"),
        )
        .await?;
        let ids: std::collections::HashMap<String, i64> = rows
            .iter()
            .map(|r| Ok((r.try_get("", "number")?, r.try_get("", "id")?)))
            .collect::<Result<_, sea_orm::DbErr>>()?;
        let mut term_rows = vec![];
        for (u, number, covers, ..) in &lics {
            let id = ids[number];
            let products: Vec<&str> = covers
                .iter()
                .flat_map(|c| [c["product"].as_str(), c["brand"].as_str()])
                .flatten()
                .collect();
            let stated = Stated {
                number,
                holder: [&u.names[0], &u.names[1], &u.names[2]],
                national_id: &u.national_id,
                products,
            };
            for t in licence_terms(&stated) {
                term_rows.push(vec![Value::from(t), id.into()]);
            }
        }
        words += term_rows.len() as u64;
        bulk::insert(
            &tx,
            "licence_terms",
            &["term", "licence_id"],
            term_rows,
            None,
        )
        .await?;
        tx.commit().await?;
        made += size as u64;
    }
    Ok(words)
}
