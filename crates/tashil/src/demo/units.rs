//! Demo production units: realistic names in the province's language (with an English
//! name), IDs that pass their check digits, activities and products that fit each other, and
//! provinces with different strengths (Alborz leads in 15 manufacturing divisions).

use chrono::{Duration, TimeZone, Utc};
use sea_orm::DatabaseConnection;
use tashil_reference::{Country, products::Product};

use super::Scale;
use super::rng::Rng;
use crate::registry::{SizeClass, UnitStatus, ValidUnit};

/// Ninh Bình, which absorbed Nam Định on 1 July 2025.
pub const NINH_BINH: &str = "VN-NBI";

/// All demo provinces' units at the default scale (Qazvin is 4,000 of them: `docs/domain.md`).
pub const DEFAULT_TOTAL: u64 = 16_000;

struct Plan {
    province: &'static str,
    share_per_mille: u64,
    /// Units per thousand that are idle and closed (Qazvin: 3,800 of 4,000 active).
    idle: u64,
    closed: u64,
    knowledge_based_pct: u64,
    /// The ISIC divisions whose products this province makes six times as often as others.
    strong: &'static [&'static str],
}

/// Alborz is strong in 14 manufacturing divisions and alone in instruments (26, its
/// knowledge-based showcase), so its public profile leads in 15 (seed 002). The others are
/// strong in the rest (non-metallic minerals such as tiles and cement, electrical equipment,
/// toys), where most of their units go, so that none comes near Alborz in its fifteen, not
/// even the larger Qazvin. (A province strong in every division would be strong in none: its
/// units would spread as everyone else's.)
const ALBORZ_STRONG: &[&str] = &[
    "10", "11", "13", "14", "15", "16", "17", "20", "22", "24", "25", "28", "29", "30",
];

const PLANS: &[Plan] = &[
    Plan {
        province: "IR-26",
        share_per_mille: 250,
        idle: 38,
        closed: 12,
        knowledge_based_pct: 5,
        strong: &["23", "27"],
    },
    Plan {
        province: "IR-30",
        share_per_mille: 225,
        idle: 40,
        closed: 15,
        knowledge_based_pct: 9,
        strong: ALBORZ_STRONG,
    },
    Plan {
        province: "IR-03",
        share_per_mille: 200,
        idle: 45,
        closed: 15,
        knowledge_based_pct: 6,
        strong: &["23", "27"],
    },
    Plan {
        province: "IR-23",
        share_per_mille: 212,
        idle: 35,
        closed: 10,
        knowledge_based_pct: 12,
        strong: &["27", "32"],
    },
    Plan {
        province: NINH_BINH,
        share_per_mille: 113,
        idle: 50,
        closed: 20,
        knowledge_based_pct: 3,
        strong: &[],
    },
];

fn weights(plan: &Plan, country: Country) -> Vec<u64> {
    tashil_reference::products::PRODUCTS
        .iter()
        .map(|p| {
            if !p.typical_of(country) {
                0
            } else if plan.strong.contains(&p.isic_division()) {
                6
            } else {
                1
            }
        })
        .collect()
}

fn size(rng: &mut Rng) -> SizeClass {
    match rng.weighted(&[45, 35, 15, 5]) {
        0 => SizeClass::Micro,
        1 => SizeClass::Small,
        2 => SizeClass::Medium,
        _ => SizeClass::Large,
    }
}

/// (province, fa, en, vi, city, ISIC class, product, HS code)
type Showcase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Hand-written units at the head of each province, so that demos and browser journeys can
/// rely on them.
const SHOWCASE: &[Showcase] = &[
    (
        "IR-26",
        "کارخانه کاشی‌سازی کیان قزوین",
        "Kian Tile Works, Qazvin",
        "",
        "قزوین",
        "2392",
        "کاشی سرامیکی",
        "690721",
    ),
    (
        "IR-26",
        "شرکت لبنیات پاک‌آرا",
        "Pakara Dairy Co.",
        "",
        "تاکستان",
        "1050",
        "شیر پاستوریزه",
        "040120",
    ),
    (
        "IR-30",
        "شرکت دانش‌بنیان فن‌آوران البرز",
        "Alborz Technologists Co.",
        "",
        "کرج",
        "2651",
        "کنتور هوشمند آب",
        "902820",
    ),
    (
        NINH_BINH,
        "",
        "Nam Dinh Textile and Garment Co., Ltd.",
        "Công ty TNHH Dệt may Nam Định",
        "Nam Định",
        "1410",
        "Áo sơ mi nam",
        "620520",
    ),
    (
        NINH_BINH,
        "",
        "Ninh Binh Ceramic Tiles JSC",
        "Công ty Cổ phần Gạch men Ninh Bình",
        "Ninh Bình",
        "2392",
        "Gạch lát nền porcelain",
        "690721",
    ),
];

fn showcase(seq: &mut u64) -> Vec<ValidUnit> {
    SHOWCASE
        .iter()
        .filter_map(|(code, fa, en, vi, city, isic, product, hs)| {
            let province = tashil_reference::province(code)?;
            *seq += 1;
            Some(ValidUnit {
                country: province.country,
                national_id: national_id(province.country, *seq),
                name_fa: fa.to_string(),
                name_en: en.to_string(),
                name_vi: vi.to_string(),
                province,
                city: city.to_string(),
                isic_class: isic.to_string(),
                isic_section: "C".into(),
                size_class: SizeClass::Medium,
                knowledge_based: fa.contains("دانش"),
                status: UnitStatus::Active,
                products: vec![(product.to_string(), hs.to_string())],
                qc_managers: vec![],
                registered_at: Utc.with_ymd_and_hms(2023, 9, 19, 9, 0, 0).single(),
            })
        })
        .collect()
}

pub async fn create(
    db: &DatabaseConnection,
    scale: Scale,
    orgs: &super::people::DemoOrgs,
) -> anyhow::Result<()> {
    let mut rng = Rng::new(scale.seed);
    let mut seq: u64 = 0;
    // The first showcase unit (Qazvin's tile works) is the demo unit user's own, the last
    // (Ninh Bình's tile works) the Vietnamese one's.
    let showcase_ids = crate::registry::insert_demo(db, showcase(&mut seq)).await?;
    let own_unit = showcase_ids.first().copied();
    let vn_unit = showcase_ids.last().copied();
    for plan in PLANS {
        let province = tashil_reference::province(plan.province)
            .ok_or_else(|| anyhow::anyhow!("unknown demo province {}", plan.province))?;
        // The showcase units count towards their province's share (Qazvin: 4,000 in all).
        let shown = SHOWCASE.iter().filter(|s| s.0 == plan.province).count() as u64;
        let count = (scale.total_units * plan.share_per_mille / 1000).saturating_sub(shown);
        let weights = weights(plan, province.country);
        let cities = tashil_reference::cities_of(plan.province);
        let mut batch = Vec::with_capacity(2000);
        for i in 0..count {
            seq += 1;
            let product: &Product = &tashil_reference::products::PRODUCTS[rng.weighted(&weights)];
            let city = rng.pick(cities);
            let per_mille = i * 1000 / count.max(1);
            let status = if per_mille < plan.closed {
                UnitStatus::Closed
            } else if per_mille < plan.closed + plan.idle {
                UnitStatus::Idle
            } else {
                UnitStatus::Active
            };
            let size_class = size(&mut rng);
            let names = super::names::unit_name(&mut rng, province.country, product, city);
            let lang = province.country.default_lang();
            let national_id = national_id(province.country, seq);
            let mut products = vec![(product.name(lang).to_string(), product.hs.to_string())];
            if rng.chance(40) {
                let other = tashil_reference::products::PRODUCTS
                    .iter()
                    .find(|p| p.isic[..2] == product.isic[..2] && p.hs != product.hs);
                if let Some(o) = other {
                    products.push((o.name(lang).to_string(), o.hs.to_string()));
                }
            }
            let qc_managers = if matches!(size_class, SizeClass::Medium | SizeClass::Large) {
                vec![super::names::qc_manager(&mut rng, province.country, seq)]
            } else {
                vec![]
            };
            let days_ago = rng.below(20 * 365) as i64;
            let registered = Utc
                .with_ymd_and_hms(2026, 11, 1, 8, 0, 0)
                .single()
                .unwrap_or_else(Utc::now)
                - Duration::days(days_ago);
            batch.push(ValidUnit {
                country: province.country,
                national_id,
                name_fa: names.fa,
                name_en: names.en,
                name_vi: names.vi,
                province,
                city: city.name(lang).to_string(),
                isic_class: product.isic.to_string(),
                isic_section: tashil_reference::isic::section_of_class(product.isic)
                    .map(|s| s.letter.to_string())
                    .unwrap_or_else(|| "C".into()),
                size_class,
                knowledge_based: rng.chance(plan.knowledge_based_pct),
                status,
                products,
                qc_managers,
                registered_at: Some(registered),
            });
            if batch.len() == 2000 {
                crate::registry::insert_demo(db, std::mem::take(&mut batch)).await?;
            }
        }
        if !batch.is_empty() {
            crate::registry::insert_demo(db, batch).await?;
        }
    }
    if let Some(id) = own_unit {
        crate::registry::attach_organisation(db, id, orgs.unit_org).await?;
    }
    if let Some(id) = vn_unit {
        crate::registry::attach_organisation(db, id, orgs.vn_unit_org).await?;
    }
    Ok(())
}

/// A valid, unique ID: Iran's legal-entity IDs start "10…" or "14…" in practice.
fn national_id(country: Country, seq: u64) -> String {
    match country {
        Country::Ir => tashil_text::ids::IranLegalId::from_prefix(1_400_000_000 + seq * 7)
            .as_str()
            .to_string(),
        Country::Vn => (0..)
            .find_map(|k| {
                tashil_text::ids::VietnamEnterpriseCode::from_prefix(600_000_000 + seq * 13 + k)
            })
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
    }
}
