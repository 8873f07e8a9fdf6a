//! Demo organisations and one login per role, as data in `people.json`: each login names its
//! organisation, and logins of one organisation share it (the inspector works for the
//! provincial office).

use std::collections::BTreeMap;

use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::access::{Actor, OrganisationKind, Role};
use crate::identity::{self, NewOrganisation, NewUser};

pub const DEMO_PASSWORD: &str = "tashil-demo-1405";

pub struct DemoOrgs {
    pub unit_org: i64,
    /// The Vietnamese demo unit user's organisation (a Ninh Bình tile works).
    pub vn_unit_org: i64,
}

#[derive(Deserialize)]
struct People {
    /// Each organisation by its key, named as an organisation in the three languages.
    organisations: BTreeMap<String, DemoOrg>,
    logins: Vec<Login>,
}

#[derive(Deserialize)]
struct DemoOrg {
    fa: String,
    en: String,
    vi: String,
}

#[derive(Deserialize)]
struct Login {
    email: String,
    /// The person's title, shown as their name.
    title: String,
    role: Role,
    province: Option<String>,
    lang: String,
    /// The key of their organisation.
    organisation: String,
}

fn people() -> anyhow::Result<People> {
    let p: People = serde_json::from_str(include_str!("people.json"))?;
    if let Some(l) = p
        .logins
        .iter()
        .find(|l| !p.organisations.contains_key(&l.organisation))
    {
        anyhow::bail!("demo login {} names no organisation", l.email);
    }
    Ok(p)
}

pub async fn create(db: &DatabaseConnection) -> anyhow::Result<DemoOrgs> {
    let hash = tokio::task::spawn_blocking(|| identity::hash_password(DEMO_PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!(e))?;
    let (mut unit_org, mut vn_unit_org) = (0, 0);
    let people = people()?;
    // Each organisation once, by its key.
    let mut made: BTreeMap<&str, i64> = BTreeMap::new();
    for l in &people.logins {
        let (role, province) = (l.role, l.province.as_deref());
        let country = if province.is_some_and(|p| p.starts_with("VN")) {
            "VN"
        } else {
            "IR"
        };
        let id = match made.get(l.organisation.as_str()) {
            Some(id) => *id,
            None => {
                let org = &people.organisations[&l.organisation];
                let id = identity::create_organisation(
                    db,
                    "demo",
                    NewOrganisation {
                        kind: OrganisationKind::home_of(role),
                        name_fa: &org.fa,
                        name_en: &org.en,
                        name_vi: &org.vi,
                        province_code: province,
                        country,
                    },
                )
                .await?;
                made.insert(&l.organisation, id);
                id
            }
        };
        match (role, country) {
            (Role::UnitUser, "VN") => vn_unit_org = id,
            (Role::UnitUser, _) => unit_org = id,
            _ => {}
        }
        identity::create_user(
            db,
            "demo",
            NewUser {
                email: &l.email,
                display_name: &l.title,
                password_hash: hash.clone(),
                role,
                organisation_id: id,
                province_code: province,
                lang: &l.lang,
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
    for l in people().map(|p| p.logins).unwrap_or_default() {
        s.push_str(&format!(
            "  {:<28} {:<20} {}\n",
            l.email,
            l.role.as_str(),
            l.province.as_deref().unwrap_or("national")
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
        let p = super::people().expect("people.json");
        assert!(p.logins.len() >= 10);
        for l in &p.logins {
            let org = &p.organisations[&l.organisation];
            for name in [&org.fa, &org.en, &org.vi] {
                assert!(!name.is_empty() && *name != l.title, "{}: {name}", l.email);
            }
        }
    }
}
