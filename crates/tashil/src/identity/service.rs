//! Use cases of identity: create organisations and users, log in and out, resolve a session
//! or API token to an actor.

use chrono::{Duration, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set,
};
use serde_json::json;

use super::entity::{api_token, organisation, session, user};
use super::{hash_token, new_token, password, throttle};
use crate::access::{Actor, OrganisationKind, Role};
use crate::audit::{self, Change};
use crate::kernel::clock::{parse_zone, zone};

pub const SESSION_TTL_HOURS: i64 = 12;

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("wrong email or password")]
    BadCredentials,
    #[error("too many attempts")]
    Throttled,
    #[error("email already registered")]
    EmailTaken,
    #[error("invalid role or province")]
    Invalid(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl IdentityError {
    pub fn code(&self) -> &'static str {
        match self {
            IdentityError::BadCredentials => "bad_credentials",
            IdentityError::Throttled => "login_throttled",
            IdentityError::EmailTaken => "email_taken",
            IdentityError::Invalid(c) => c,
            IdentityError::Db(_) => "internal",
        }
    }
}

pub struct NewOrganisation<'a> {
    pub kind: OrganisationKind,
    pub name_fa: &'a str,
    pub name_en: &'a str,
    pub name_vi: &'a str,
    pub province_code: Option<&'a str>,
    pub country: &'a str,
}

pub async fn create_organisation<C: ConnectionTrait>(
    db: &C,
    via: &str,
    o: NewOrganisation<'_>,
) -> Result<i64, DbErr> {
    let am = organisation::ActiveModel {
        kind: Set(o.kind.as_str().to_string()),
        name_fa: Set(o.name_fa.to_string()),
        name_en: Set(o.name_en.to_string()),
        name_vi: Set(o.name_vi.to_string()),
        province_code: Set(o.province_code.map(str::to_string)),
        country: Set(o.country.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let m = audit::insert(db, am, |m| {
        Change::system(via, "organisation.create", "organisation", m.id)
            .after(json!({"kind": m.kind, "name_en": m.name_en, "province": m.province_code}))
    })
    .await?;
    Ok(m.id)
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: String,
    pub role: Role,
    pub organisation_id: i64,
    pub province_code: Option<&'a str>,
    pub lang: &'a str,
}

/// Creates a user. The caller hashes the password (argon2 is slow: hash it off the runtime).
pub async fn create_user(
    db: &DatabaseConnection,
    via: &str,
    u: NewUser<'_>,
) -> Result<i64, IdentityError> {
    if u.role.is_provincial() && u.province_code.is_none() {
        return Err(IdentityError::Invalid("province_required"));
    }
    if let Some(p) = u.province_code
        && tashil_reference::province(p).is_none()
    {
        return Err(IdentityError::Invalid("unknown_province"));
    }
    let email = u.email.trim().to_lowercase();
    let txn = crate::db::begin_write(db).await?;
    if user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(IdentityError::EmailTaken);
    }
    // Their office's zone: the province's, else their organisation's country's.
    let place = match u.province_code {
        Some(p) => p.to_string(),
        None => organisation::Entity::find_by_id(u.organisation_id)
            .one(&txn)
            .await?
            .map(|o| o.country)
            .unwrap_or_default(),
    };
    let am = user::ActiveModel {
        email: Set(email),
        display_name: Set(u.display_name.to_string()),
        password_hash: Set(u.password_hash),
        role: Set(u.role.as_str().to_string()),
        organisation_id: Set(u.organisation_id),
        province_code: Set(u.province_code.map(str::to_string)),
        lang: Set(u.lang.to_string()),
        time_zone: Set(zone(&place).name().to_string()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let m = audit::insert(&txn, am, |m| {
        Change::system(via, "user.create", "user", m.id)
.after(json!({"email": m.email, "role": m.role, "organisation_id": m.organisation_id, "province": m.province_code, "time_zone": m.time_zone}))
    })
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

fn actor_of(u: user::Model, channel: crate::access::Channel) -> Result<Option<Actor>, DbErr> {
    let Some(role) = Role::parse(&u.role) else {
        return Ok(None);
    };
    // Provincial staff count on their office's clock, whatever their row says.
    let time_zone = match &u.province_code {
        Some(p) => zone(p),
        None => crate::kernel::stored("time zone", &u.time_zone, parse_zone)?,
    };
    Ok(Some(Actor::new(
        super::mint(),
        crate::access::ActorFacts {
            channel,
            role,
            user_id: u.id,
            email: u.email,
            display_name: u.display_name,
            organisation_id: u.organisation_id,
            province: u.province_code,
            time_zone,
        },
    )))
}

/// The active user `email` acting through `channel` (the demo acts as its people).
pub async fn actor_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
    channel: crate::access::Channel,
) -> Result<Option<Actor>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    match user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::Active.eq(true))
        .one(db)
        .await?
    {
        Some(u) => actor_of(u, channel),
        None => Ok(None),
    }
}

/// The user named `email` (any case; active or not), as the command line names users.
pub async fn user_id_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> Result<Option<i64>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .into_tuple()
        .one(db)
        .await
}

/// Whether any user exists (the demo fills only an installation that has none).
pub async fn has_users<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    Ok(user::Entity::find().count(db).await? > 0)
}

/// The operator at the command line: national reach, not a stored user.
pub fn operator() -> Actor {
    Actor::new(
        super::mint(),
        crate::access::ActorFacts {
            channel: crate::access::Channel::Cli,
            user_id: 0,
            email: "operator@localhost".into(),
            display_name: "operator".into(),
            role: Role::NationalAdmin,
            organisation_id: 0,
            province: None,
            // No office's wall: the command line counts in UTC.
            time_zone: chrono_tz::UTC,
        },
    )
}

/// A logged-in session: the cookie value (shown once) and the user's language.
pub struct NewSession {
    pub token: String,
    pub lang: String,
}

/// Checks the password, throttling per account and per client address, and opens a fresh
/// session (a new id at every login, so a fixated id is worthless).
pub async fn login<C: ConnectionTrait>(
    db: &C,
    email: &str,
    password_text: &str,
    client: &str,
) -> Result<NewSession, IdentityError> {
    let email = email.trim().to_lowercase();
    let account = format!("account:{email}");
    let address = format!("address:{client}");
    if throttle::too_many(db, &account, throttle::MAX_PER_ACCOUNT).await?
        || throttle::too_many(db, &address, throttle::MAX_PER_ADDRESS).await?
    {
        return Err(IdentityError::Throttled);
    }
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .filter(user::Column::Active.eq(true))
        .one(db)
        .await?;
    let stored = found.as_ref().map(|u| u.password_hash.clone());
    let pw = password_text.to_string();
    // Verify even for unknown emails so timing does not reveal which accounts exist.
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(h) => password::verify_password(&pw, &h),
        None => {
            let _ = password::verify_password(&pw, DUMMY_HASH);
            false
        }
    })
    .await
    .unwrap_or(false);
    let Some(u) = found.filter(|_| ok) else {
        throttle::record_failure(db, &account).await?;
        throttle::record_failure(db, &address).await?;
        return Err(IdentityError::BadCredentials);
    };
    throttle::clear(db, &account).await?;
    let token = new_token("");
    let now = Utc::now();
    session::ActiveModel {
        id: Set(hash_token(&token)),
        user_id: Set(u.id),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(SESSION_TTL_HOURS)),
    }
    .insert(db)
    .await?;
    Ok(NewSession {
        token,
        lang: u.lang,
    })
}

/// An argon2id hash of a random string, verified against when the email is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J8wXVEJ3cqqbE3KLBF1cT7sHyfYoDkR0v7c9mDSI3Do";

pub async fn logout<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(hash_token(token))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn actor_for_session<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<Option<(Actor, String)>, DbErr> {
    // One statement a request: the session's user, if the session is live and the user active.
    let live = Query::select()
        .column(session::Column::UserId)
        .from(session::Entity)
        .and_where(session::Column::Id.eq(hash_token(token)))
        .and_where(session::Column::ExpiresAt.gte(Utc::now()))
        .to_owned();
    let Some(u) = user::Entity::find()
        .filter(user::Column::Id.in_subquery(live))
        .filter(user::Column::Active.eq(true))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let lang = u.lang.clone();
    Ok(actor_of(u, crate::access::Channel::Web)?.map(|a| (a, lang)))
}

pub async fn actor_for_api_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<Option<Actor>, DbErr> {
    let live = Query::select()
        .column(api_token::Column::UserId)
        .from(api_token::Entity)
        .and_where(api_token::Column::TokenHash.eq(hash_token(token)))
        .and_where(api_token::Column::RevokedAt.is_null())
        .to_owned();
    match user::Entity::find()
        .filter(user::Column::Id.in_subquery(live))
        .filter(user::Column::Active.eq(true))
        .one(db)
        .await?
    {
        Some(u) => actor_of(u, crate::access::Channel::Api),
        None => Ok(None),
    }
}

/// Issues an API token acting as `user_id` (so with that user's organisation, role and
/// province). Returns the token text, which is never stored.
pub async fn create_api_token<C: ConnectionTrait>(
    db: &C,
    via: &str,
    user_id: i64,
    name: &str,
) -> Result<String, DbErr> {
    let token = new_token("tsl_");
    let am = api_token::ActiveModel {
        token_hash: Set(hash_token(&token)),
        name: Set(name.to_string()),
        user_id: Set(user_id),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    };
    audit::insert(db, am, |m| {
        Change::system(via, "api_token.create", "api_token", m.id)
            .after(json!({"user_id": user_id, "name": name}))
    })
    .await?;
    Ok(token)
}

/// Stores `actor`'s preferred language (chosen with the switcher while logged in).
pub async fn set_language(db: &DatabaseConnection, actor: &Actor, lang: &str) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let Some(u) = user::Entity::find_by_id(actor.user_id()).one(&txn).await? else {
        return Ok(());
    };
    if u.lang == lang {
        return Ok(());
    }
    let before = u.lang.clone();
    let mut m: user::ActiveModel = u.into();
    m.lang = Set(lang.to_string());
    m.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "user.set_language", "user", actor.user_id())
            .before(json!({"lang": before}))
            .after(json!({"lang": lang})),
    )
    .await?;
    txn.commit().await
}

/// Stores the zone national staff count their days in (their preferences page). Provincial
/// staff count on their province's office's clock: they have nothing to choose.
pub async fn set_time_zone(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
) -> Result<(), IdentityError> {
    if actor.province().is_some() {
        return Err(IdentityError::Invalid("time_zone_of_the_office"));
    }
    let tz = parse_zone(name).ok_or(IdentityError::Invalid("unknown_time_zone"))?;
    let txn = crate::db::begin_write(db).await?;
    let Some(u) = user::Entity::find_by_id(actor.user_id()).one(&txn).await? else {
        return Err(IdentityError::Invalid("unknown_user"));
    };
    if u.time_zone == tz.name() {
        return Ok(());
    }
    let before = u.time_zone.clone();
    let mut m: user::ActiveModel = u.into();
    m.time_zone = Set(tz.name().to_string());
    m.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "user.set_time_zone", "user", actor.user_id())
            .before(json!({"time_zone": before}))
            .after(json!({"time_zone": tz.name()})),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The names (fa, en, vi) of organisations, for showing who commented or reported
/// something without naming the person.
pub async fn organisation_names<C: ConnectionTrait>(
    db: &C,
    mut ids: Vec<i64>,
) -> Result<std::collections::HashMap<i64, [String; 3]>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    ids.sort_unstable();
    ids.dedup();
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        for o in super::entity::organisation::Entity::find()
            .filter(super::entity::organisation::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(o.id, [o.name_fa, o.name_en, o.name_vi]);
        }
    }
    Ok(out)
}

/// The display names of users `ids` (who released a report, on its page).
pub async fn user_names<C: ConnectionTrait>(
    db: &C,
    mut ids: Vec<i64>,
) -> Result<std::collections::HashMap<i64, String>, DbErr> {
    ids.sort_unstable();
    ids.dedup();
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        for u in user::Entity::find()
            .filter(user::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(u.id, u.display_name);
        }
    }
    Ok(out)
}

/// Organisations of `kind` in `province` (all provinces when `None`), as (id, [fa, en, vi]),
/// for choosing an agency or a member.
pub async fn organisations_of<C: ConnectionTrait>(
    db: &C,
    kind: crate::access::OrganisationKind,
    province: Option<&str>,
) -> Result<Vec<(i64, [String; 3])>, DbErr> {
    use super::entity::organisation;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let mut q = organisation::Entity::find().filter(organisation::Column::Kind.eq(kind.as_str()));
    if let Some(p) = province {
        q = q.filter(organisation::Column::ProvinceCode.eq(p));
    }
    Ok(q.order_by_asc(organisation::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, [o.name_fa, o.name_en, o.name_vi]))
        .collect())
}

/// What the access rules need to know of an organisation before it is named (bound, seated,
/// recorded); `None` if there is no such organisation.
pub async fn organisation_facts<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<crate::access::facilitation::OrgFacts>, DbErr> {
    use sea_orm::EntityTrait;
    Ok(super::entity::organisation::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|o| crate::access::facilitation::OrgFacts {
            id: o.id,
            kind: crate::access::OrganisationKind::parse(&o.kind),
            province: o.province_code,
            country: o.country,
        }))
}

/// The active users of `role` in `province`, as (id, display name), by name: whom an
/// inspection may be assigned to.
pub async fn staff_of<C: ConnectionTrait>(
    db: &C,
    role: crate::access::Role,
    province: &str,
) -> Result<Vec<(i64, String)>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(role.as_str()))
        .filter(user::Column::ProvinceCode.eq(province))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}
