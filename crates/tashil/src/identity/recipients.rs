//! The people a message goes to, as identity knows them: active users of an organisation, one
//! user, a secretariat. Contexts choose who hears of what; the mail transport only sends.

use sea_orm::{ConnectionTrait, DbErr};

use crate::access::Role;
use crate::db::settings::statement;
use crate::mail::Recipient;

async fn recipients<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<Recipient>, DbErr> {
    let b = db.get_database_backend();
    let rows = db.query_all_raw(statement(b, sql, values)).await?;
    rows.iter()
        .map(|r| {
            Ok(Recipient {
                email: r.try_get("", "email")?,
                lang: r.try_get("", "lang")?,
            })
        })
        .collect()
}

/// The active users of an organisation (an agency's officers, a unit's staff).
pub async fn of_organisation<C: ConnectionTrait>(
    db: &C,
    org: i64,
) -> Result<Vec<Recipient>, DbErr> {
    recipients(
        db,
        "SELECT email, lang FROM users WHERE organisation_id = ? AND active = ? ORDER BY id",
        vec![org.into(), true.into()],
    )
    .await
}

/// The active users of several organisations, each once, by email.
pub async fn of_organisations<C: ConnectionTrait>(
    db: &C,
    orgs: &[i64],
) -> Result<Vec<Recipient>, DbErr> {
    let mut out: Vec<Recipient> = vec![];
    for org in orgs {
        for r in of_organisation(db, *org).await? {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out.sort_by(|a, b| a.email.cmp(&b.email));
    Ok(out)
}

/// One user, if still active.
pub async fn of_user<C: ConnectionTrait>(db: &C, user: i64) -> Result<Vec<Recipient>, DbErr> {
    recipients(
        db,
        "SELECT email, lang FROM users WHERE id = ? AND active = ?",
        vec![user.into(), true.into()],
    )
    .await
}

/// The secretariat of a province's bodies (its provincial officers), or of the national
/// bodies (the national administrators) when `province` is empty.
pub async fn secretariat<C: ConnectionTrait>(
    db: &C,
    province: &str,
) -> Result<Vec<Recipient>, DbErr> {
    if province.is_empty() {
        recipients(
            db,
            "SELECT email, lang FROM users WHERE role = ? AND active = ? ORDER BY id",
            vec![Role::NationalAdmin.as_str().into(), true.into()],
        )
        .await
    } else {
        recipients(
            db,
            "SELECT email, lang FROM users WHERE role = ? AND province_code = ? AND active = ? ORDER BY id",
            vec![Role::ProvincialOfficer.as_str().into(), province.into(), true.into()],
        )
        .await
    }
}
