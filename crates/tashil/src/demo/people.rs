//! Demo organisations and one login per role.

use sea_orm::DatabaseConnection;

use crate::access::{Actor, OrganisationKind, Role};
use crate::identity::{self, NewOrganisation, NewUser};

pub const DEMO_PASSWORD: &str = "tashil-demo-1405";

pub struct DemoOrgs {
    pub unit_org: i64,
    /// The Vietnamese demo unit user's organisation (a Ninh Bình tile works).
    pub vn_unit_org: i64,
}

/// An organisation of the demo, named as an organisation in the three languages.
struct DemoOrg {
    fa: &'static str,
    en: &'static str,
    vi: &'static str,
}

const NATIONAL_BODY: DemoOrg = DemoOrg {
    fa: "سازمان ملی استاندارد ایران",
    en: "Iranian National Standards Organization",
    vi: "Tổ chức Tiêu chuẩn Quốc gia Iran",
};
const QAZVIN_OFFICE: DemoOrg = DemoOrg {
    fa: "اداره کل استاندارد استان قزوین",
    en: "Qazvin Province Standards Office",
    vi: "Cục Tiêu chuẩn tỉnh Qazvin",
};
const ALBORZ_OFFICE: DemoOrg = DemoOrg {
    fa: "سازمان صنعت، معدن و تجارت استان البرز",
    en: "Alborz Industry, Mine and Trade Organisation",
    vi: "Sở Công nghiệp, Mỏ và Thương mại tỉnh Alborz",
};
const QAZVIN_TAX: DemoOrg = DemoOrg {
    fa: "اداره کل امور مالیاتی استان قزوین",
    en: "Qazvin Province Tax Administration",
    vi: "Cục Thuế tỉnh Qazvin",
};
const QAZVIN_CHAMBER: DemoOrg = DemoOrg {
    fa: "اتاق بازرگانی، صنایع، معادن و کشاورزی قزوین",
    en: "Qazvin Chamber of Commerce, Industries, Mines and Agriculture",
    vi: "Phòng Thương mại, Công nghiệp, Mỏ và Nông nghiệp Qazvin",
};
const DEMO_UNIT: DemoOrg = DemoOrg {
    fa: "واحد تولیدی نمونهٔ قزوین",
    en: "Qazvin demonstration production unit",
    vi: "Đơn vị sản xuất mẫu Qazvin",
};
const QAZVIN_LAB: DemoOrg = DemoOrg {
    fa: "آزمایشگاه همکار قزوین",
    en: "Qazvin partner laboratory",
    vi: "Phòng thử nghiệm liên kết Qazvin",
};
const NINH_BINH_UNIT: DemoOrg = DemoOrg {
    fa: "واحد تولیدی نمونهٔ نین‌بین",
    en: "Ninh Bình demonstration production unit",
    vi: "Đơn vị sản xuất mẫu Ninh Bình",
};
const NINH_BINH_OFFICE: DemoOrg = DemoOrg {
    fa: "اداره علوم و فناوری استان نین‌بین",
    en: "Ninh Bình Department of Science and Technology",
    vi: "Sở Khoa học và Công nghệ tỉnh Ninh Bình",
};

/// (email, the person's title, role, province, language, their organisation). Logins of one
/// organisation share it (the inspector works for the provincial office).
type Login = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    &'static str,
    &'static DemoOrg,
);

const LOGINS: &[Login] = &[
    (
        "admin@demo.tashil.ir",
        "مدیر ملی سامانه",
        Role::NationalAdmin,
        None,
        "fa",
        &NATIONAL_BODY,
    ),
    (
        "qazvin@demo.tashil.ir",
        "کارشناس استاندارد قزوین",
        Role::ProvincialOfficer,
        Some("IR-26"),
        "fa",
        &QAZVIN_OFFICE,
    ),
    (
        "alborz@demo.tashil.ir",
        "کارشناس صمت البرز",
        Role::ProvincialOfficer,
        Some("IR-30"),
        "fa",
        &ALBORZ_OFFICE,
    ),
    (
        "inspector@demo.tashil.ir",
        "بازرس استاندارد قزوین",
        Role::Inspector,
        Some("IR-26"),
        "fa",
        &QAZVIN_OFFICE,
    ),
    (
        "tax@demo.tashil.ir",
        "کارشناس اداره مالیات قزوین",
        Role::AgencyOfficer,
        Some("IR-26"),
        "fa",
        &QAZVIN_TAX,
    ),
    (
        "chamber@demo.tashil.ir",
        "دبیر اتاق بازرگانی قزوین",
        Role::AgencyOfficer,
        Some("IR-26"),
        "fa",
        &QAZVIN_CHAMBER,
    ),
    (
        "unit@demo.tashil.ir",
        "مدیر کنترل کیفیت واحد نمونه",
        Role::UnitUser,
        Some("IR-26"),
        "fa",
        &DEMO_UNIT,
    ),
    (
        "lab@demo.tashil.ir",
        "کارشناس آزمایشگاه همکار قزوین",
        Role::LabUser,
        Some("IR-26"),
        "fa",
        &QAZVIN_LAB,
    ),
    (
        "ninhbinh@demo.tashil.vn",
        "Cán bộ Sở KH&CN Ninh Bình",
        Role::ProvincialOfficer,
        Some(super::units::NINH_BINH),
        "vi",
        &NINH_BINH_OFFICE,
    ),
    (
        "unit@demo.tashil.vn",
        "Trưởng phòng quản lý chất lượng đơn vị mẫu",
        Role::UnitUser,
        Some(super::units::NINH_BINH),
        "vi",
        &NINH_BINH_UNIT,
    ),
];

pub async fn create(db: &DatabaseConnection) -> anyhow::Result<DemoOrgs> {
    let hash = tokio::task::spawn_blocking(|| identity::hash_password(DEMO_PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!(e))?;
    let (mut unit_org, mut vn_unit_org) = (0, 0);
    // Each organisation once, by its Persian name.
    let mut made: Vec<(&str, i64)> = vec![];
    for (email, title, role, province, lang, org) in LOGINS {
        let country = if province.is_some_and(|p| p.starts_with("VN")) {
            "VN"
        } else {
            "IR"
        };
        let id = match made.iter().find(|(fa, _)| *fa == org.fa) {
            Some((_, id)) => *id,
            None => {
                let id = identity::create_organisation(
                    db,
                    "demo",
                    NewOrganisation {
                        kind: OrganisationKind::home_of(*role),
                        name_fa: org.fa,
                        name_en: org.en,
                        name_vi: org.vi,
                        province_code: *province,
                        country,
                    },
                )
                .await?;
                made.push((org.fa, id));
                id
            }
        };
        match (*role, country) {
            (Role::UnitUser, "VN") => vn_unit_org = id,
            (Role::UnitUser, _) => unit_org = id,
            _ => {}
        }
        identity::create_user(
            db,
            "demo",
            NewUser {
                email,
                display_name: title,
                password_hash: hash.clone(),
                role: *role,
                organisation_id: id,
                province_code: *province,
                lang,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(DemoOrgs {
        unit_org,
        vn_unit_org,
    })
}

/// What `serve --demo` prints.
pub fn logins_text() -> String {
    let mut s = format!("Demo logins (password for all: {DEMO_PASSWORD}):\n");
    for (email, _, role, province, _, _) in LOGINS {
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

#[cfg(test)]
mod tests {
    #[test]
    fn organisations_are_named_as_organisations_not_as_their_people() {
        for (email, title, _, _, _, org) in super::LOGINS {
            for name in [org.fa, org.en, org.vi] {
                assert!(!name.is_empty() && name != *title, "{email}: {name}");
            }
        }
    }
}
