//! The desk's bodies in the demo: each province's agencies (the demo's tax and chamber logins
//! in Qazvin, a made-up officer elsewhere) seated in its working group.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{Desk, err};
use crate::access::{Actor, OrganisationKind, Role};
use crate::demo::people::actor_by_email;
use crate::facilitation::{self, BodyDraft, BodyKind};
use crate::identity::{self, NewOrganisation, NewUser};

/// Agencies of each province: key, names (fa, en, vi), private seat.
const AGENCIES: &[(&str, [&str; 3], bool)] = &[
    (
        "bank",
        [
            "بانک ملی، مدیریت شعب استان",
            "Bank Melli, provincial branch office",
            "Ngân hàng, chi nhánh tỉnh",
        ],
        false,
    ),
    (
        "tax",
        [
            "اداره کل امور مالیاتی استان",
            "Provincial tax administration",
            "Cục Thuế tỉnh",
        ],
        false,
    ),
    (
        "social",
        [
            "اداره کل تأمین اجتماعی استان",
            "Provincial social security office",
            "Bảo hiểm xã hội tỉnh",
        ],
        false,
    ),
    (
        "power",
        [
            "شرکت توزیع نیروی برق استان",
            "Provincial power distribution company",
            "Công ty Điện lực tỉnh",
        ],
        false,
    ),
    (
        "gas",
        [
            "شرکت گاز استان",
            "Provincial gas company",
            "Công ty Khí đốt tỉnh",
        ],
        false,
    ),
    (
        "customs",
        ["گمرک استان", "Provincial customs", "Cục Hải quan tỉnh"],
        false,
    ),
    (
        "chamber",
        [
            "اتاق بازرگانی، صنایع، معادن و کشاورزی استان",
            "Provincial chamber of commerce",
            "Hiệp hội doanh nghiệp tỉnh",
        ],
        true,
    ),
];

/// An agency organisation with one (non-login) officer, so it can report on resolutions.
async fn agency(
    db: &DatabaseConnection,
    province: &str,
    key: &str,
    names: &[&str; 3],
    hash: &str,
) -> anyhow::Result<Actor> {
    let country = &province[..2];
    let p = tashil_reference::province(province).ok_or_else(|| anyhow::anyhow!("province"))?;
    let place = [p.name("fa"), p.name("en"), p.name("vi")];
    let fa = format!("{} {}", names[0], place[0]);
    let en = format!("{} ({})", names[1], place[1]);
    let vi = format!("{} {}", names[2], place[2]);
    let org = identity::create_organisation(
        db,
        "demo",
        NewOrganisation {
            kind: OrganisationKind::Agency,
            name_fa: &fa,
            name_en: &en,
            name_vi: &vi,
            province_code: Some(province),
            country,
        },
    )
    .await?;
    let email = format!("{key}.{}@agency.demo.tashil", province.to_lowercase());
    identity::create_user(
        db,
        "demo",
        NewUser {
            email: &email,
            display_name: &fa,
            password_hash: hash.to_string(),
            role: Role::AgencyOfficer,
            organisation_id: org,
            province_code: Some(province),
            lang: if country == "VN" { "vi" } else { "fa" },
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    actor_by_email(db, &email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("agency user"))
}

/// The province's agencies and its working group with them as members.
pub(super) async fn seat(
    db: &DatabaseConnection,
    province: &'static str,
    officer: Actor,
    wg: &[&str; 3],
    hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Desk> {
    let mut members = vec![];
    for (key, names, private) in AGENCIES {
        let a = if province == "IR-26" && *key == "tax" {
            actor_by_email(db, "tax@demo.tashil.ir")
                .await?
                .ok_or_else(|| anyhow::anyhow!("the demo tax login is missing"))?
        } else if province == "IR-26" && *key == "chamber" {
            actor_by_email(db, "chamber@demo.tashil.ir")
                .await?
                .ok_or_else(|| anyhow::anyhow!("the demo chamber login is missing"))?
        } else {
            agency(db, province, key, names, hash).await?
        };
        members.push((a, *private));
    }
    let body = facilitation::create_body(
        db,
        &officer,
        &BodyDraft {
            kind: BodyKind::WorkingGroup,
            name_fa: wg[0].into(),
            name_en: wg[1].into(),
            name_vi: wg[2].into(),
            members: members
                .iter()
                .map(|(a, p)| {
                    (
                        a.organisation_id(),
                        if *p { "private" } else { "agency" }.to_string(),
                    )
                })
                .collect(),
        },
        now,
    )
    .await
    .map_err(err)?;
    Ok(Desk {
        province,
        officer,
        body,
        members,
        vn: province.starts_with("VN"),
        now,
    })
}
