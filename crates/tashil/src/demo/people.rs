//! Demo organisations and one login per role.

use sea_orm::DatabaseConnection;

use crate::access::{Actor, OrganisationKind, Role};
use crate::identity::{self, NewOrganisation, NewUser};

pub const DEMO_PASSWORD: &str = "tashil-demo-1405";

pub struct DemoOrgs {
    pub unit_org: i64,
}

/// (email, display name, role, province, language)
const LOGINS: &[(&str, &str, Role, Option<&str>, &str)] = &[
    (
        "admin@demo.tashil.ir",
        "مدیر ملی سامانه",
        Role::NationalAdmin,
        None,
        "fa",
    ),
    (
        "qazvin@demo.tashil.ir",
        "کارشناس استاندارد قزوین",
        Role::ProvincialOfficer,
        Some("IR-26"),
        "fa",
    ),
    (
        "alborz@demo.tashil.ir",
        "کارشناس صمت البرز",
        Role::ProvincialOfficer,
        Some("IR-30"),
        "fa",
    ),
    (
        "inspector@demo.tashil.ir",
        "بازرس استاندارد قزوین",
        Role::Inspector,
        Some("IR-26"),
        "fa",
    ),
    (
        "tax@demo.tashil.ir",
        "کارشناس اداره مالیات قزوین",
        Role::AgencyOfficer,
        Some("IR-26"),
        "fa",
    ),
    (
        "chamber@demo.tashil.ir",
        "اتاق بازرگانی، صنایع، معادن و کشاورزی قزوین",
        Role::AgencyOfficer,
        Some("IR-26"),
        "fa",
    ),
    (
        "unit@demo.tashil.ir",
        "مدیر کنترل کیفیت واحد نمونه",
        Role::UnitUser,
        Some("IR-26"),
        "fa",
    ),
    (
        "lab@demo.tashil.ir",
        "آزمایشگاه همکار قزوین",
        Role::LabUser,
        Some("IR-26"),
        "fa",
    ),
    (
        "ninhbinh@demo.tashil.vn",
        "Cán bộ Sở KH&CN Ninh Bình",
        Role::ProvincialOfficer,
        Some(super::units::NINH_BINH),
        "vi",
    ),
];

pub async fn create(db: &DatabaseConnection) -> anyhow::Result<DemoOrgs> {
    let hash = tokio::task::spawn_blocking(|| identity::hash_password(DEMO_PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!(e))?;
    let mut unit_org = 0;
    for (email, name, role, province, lang) in LOGINS {
        let country = if province.is_some_and(|p| p.starts_with("VN")) {
            "VN"
        } else {
            "IR"
        };
        let org = identity::create_organisation(
            db,
            "demo",
            NewOrganisation {
                kind: OrganisationKind::home_of(*role),
                name_fa: name,
                name_en: name,
                name_vi: name,
                province_code: *province,
                country,
            },
        )
        .await?;
        if *role == Role::UnitUser {
            unit_org = org;
        }
        identity::create_user(
            db,
            "demo",
            NewUser {
                email,
                display_name: name,
                password_hash: hash.clone(),
                role: *role,
                organisation_id: org,
                province_code: *province,
                lang,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(DemoOrgs { unit_org })
}

/// What `serve --demo` prints.
pub fn logins_text() -> String {
    let mut s = format!("Demo logins (password for all: {DEMO_PASSWORD}):\n");
    for (email, _, role, province, _) in LOGINS {
        s.push_str(&format!(
            "  {email:<28} {:<20} {}\n",
            role.as_str(),
            province.unwrap_or("national")
        ));
    }
    s
}

/// The demo login `email` as an actor, if the demo made it.
pub(super) async fn actor_by_email(
    db: &DatabaseConnection,
    email: &str,
) -> anyhow::Result<Option<Actor>> {
    Ok(crate::identity::actor_by_email(db, email, crate::access::Channel::Demo).await?)
}
