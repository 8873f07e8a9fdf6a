//! Reading and replacing the loaded calendar: a country's table year and its closures are
//! replaced together, inside the caller's transaction.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use tashil_text::workdays::{YearTable, holiday_key};

use super::entity::{DAY_OFF, WORKED, closure, day, load};
use super::model::Closure;

/// What is stored of one country's table year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredYear {
    /// The loaded table; `None` where the compiled table (if any) applies.
    pub table: Option<YearTable>,
    pub closures: Vec<Closure>,
}

/// Everything loaded, by country code and table year.
pub type Stored = BTreeMap<(String, i32), StoredYear>;

/// Every loaded table and closure (a few hundred rows at most: a country's year holds
/// some 20 days off).
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Stored, DbErr> {
    let mut out = Stored::new();
    let days = day::Entity::find()
        .order_by_asc(day::Column::Country)
        .order_by_asc(day::Column::Day)
        .all(db)
        .await?;
    for d in days {
        let table = out
            .entry((d.country.clone(), d.year))
            .or_default()
            .table
            .get_or_insert_with(YearTable::default);
        match d.kind.as_str() {
            DAY_OFF => {
                // A key a later release no longer knows is a fault, not a working day.
                let key = holiday_key(&d.holiday_key).ok_or_else(|| {
                    DbErr::Custom(format!("unknown holiday key {:?} stored", d.holiday_key))
                })?;
                table.days_off.insert(d.day, key);
            }
            WORKED => {
                table.worked.insert(d.day);
            }
            other => {
                return Err(DbErr::Custom(format!(
                    "unknown calendar day kind {other:?}"
                )));
            }
        }
    }
    let closures = closure::Entity::find()
        .order_by_asc(closure::Column::Day)
        .order_by_asc(closure::Column::ProvinceCode)
        .all(db)
        .await?;
    for c in closures {
        out.entry((c.country, c.year))
            .or_default()
            .closures
            .push(Closure {
                date: c.day,
                province: c.province_code,
                reason_fa: c.reason_fa,
                reason_vi: c.reason_vi,
                reason_en: c.reason_en,
            });
    }
    Ok(out)
}

/// Replaces the loaded table of `country`'s `year` (`None`: none, the compiled one applies).
pub async fn set_table<C: ConnectionTrait>(
    db: &C,
    country: &str,
    year: i32,
    table: Option<&YearTable>,
) -> Result<(), DbErr> {
    day::Entity::delete_many()
        .filter(day::Column::Country.eq(country))
        .filter(day::Column::Year.eq(year))
        .exec(db)
        .await?;
    let Some(table) = table else {
        return Ok(());
    };
    let rows = table
        .days_off
        .iter()
        .map(|(d, k)| (*d, DAY_OFF, *k))
        .chain(table.worked.iter().map(|d| (*d, WORKED, "")));
    for (d, kind, key) in rows {
        day::ActiveModel {
            country: Set(country.to_string()),
            year: Set(year),
            day: Set(d),
            kind: Set(kind.to_string()),
            holiday_key: Set(key.to_string()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Replaces the closures of `country`'s `year`.
pub async fn set_closures<C: ConnectionTrait>(
    db: &C,
    country: &str,
    year: i32,
    closures: &[Closure],
) -> Result<(), DbErr> {
    closure::Entity::delete_many()
        .filter(closure::Column::Country.eq(country))
        .filter(closure::Column::Year.eq(year))
        .exec(db)
        .await?;
    for c in closures {
        closure::ActiveModel {
            country: Set(country.to_string()),
            year: Set(year),
            province_code: Set(c.province.clone()),
            day: Set(c.date),
            reason_fa: Set(c.reason_fa.clone()),
            reason_vi: Set(c.reason_vi.clone()),
            reason_en: Set(c.reason_en.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Names the calendar a load leaves in force with a fresh random token.
pub async fn stamp<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    load::ActiveModel {
        token: Set(uuid::Uuid::new_v4().to_string()),
        loaded_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The token of the calendar in force: the last load's, or empty before any load (the
/// compiled tables alone, the same in every database).
pub async fn token<C: ConnectionTrait>(db: &C) -> Result<String, DbErr> {
    Ok(load::Entity::find()
        .order_by_desc(load::Column::Id)
        .one(db)
        .await?
        .map(|l| l.token)
        .unwrap_or_default())
}
