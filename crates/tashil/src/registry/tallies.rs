//! Counts of units per province, kept up to date by every write instead of aggregated per
//! request (ADR 0014): every unit by status; active units by size, ISIC section, ISIC
//! division and knowledge-based. `store` applies each write's change in its transaction.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DbErr, Value};

use super::entity::unit;
use super::model::{UnitStatus, ValidUnit};
use crate::db::settings::statement;

/// What of a unit is counted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Counted<'a> {
    country: &'a str,
    province: &'a str,
    status: &'a str,
    size: &'a str,
    section: &'a str,
    isic_class: &'a str,
    knowledge_based: bool,
}

impl<'a> Counted<'a> {
    pub(super) fn of_valid(v: &'a ValidUnit) -> Self {
        Counted {
            country: v.country.code(),
            province: v.province.code,
            status: v.status.as_str(),
            size: v.size_class.as_str(),
            section: &v.isic_section,
            isic_class: &v.isic_class,
            knowledge_based: v.knowledge_based,
        }
    }

    pub(super) fn of_row(m: &'a unit::Model) -> Self {
        Counted {
            country: &m.country,
            province: &m.province_code,
            status: &m.status,
            size: &m.size_class,
            section: &m.isic_section,
            isic_class: &m.isic_class,
            knowledge_based: m.knowledge_based,
        }
    }

    /// The (facet, bucket) pairs this unit adds one to.
    fn buckets(&self) -> Vec<(&'static str, &'a str)> {
        let mut out = vec![("status", self.status)];
        if self.status == UnitStatus::Active.as_str() {
            out.push(("size", self.size));
            out.push(("section", self.section));
            out.push((
                "division",
                self.isic_class.get(..2).unwrap_or(self.isic_class),
            ));
            if self.knowledge_based {
                out.push(("kb", "yes"));
            }
        }
        out
    }
}

type Key<'a> = (&'a str, &'a str, &'static str, &'a str);

/// Adds `sign` (+1 for a unit stored, -1 for one removed or replaced) for each unit, in one
/// statement per few hundred counts.
pub(super) async fn apply<'a, C: ConnectionTrait>(
    db: &C,
    changes: impl IntoIterator<Item = (Counted<'a>, i64)>,
) -> Result<(), DbErr> {
    let mut delta: BTreeMap<Key<'a>, i64> = BTreeMap::new();
    for (u, sign) in changes {
        for (facet, bucket) in u.buckets() {
            *delta
                .entry((u.country, u.province, facet, bucket))
                .or_default() += sign;
        }
    }
    // In key order, so two PostgreSQL transactions lock the rows they share in the same order
    // and wait for each other instead of deadlocking.
    let rows: Vec<(Key<'a>, i64)> = delta.into_iter().filter(|(_, n)| *n != 0).collect();
    let backend = db.get_database_backend();
    for chunk in rows.chunks(500) {
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 5);
        for ((country, province, facet, bucket), n) in chunk {
            values.extend([
                (*country).into(),
                (*province).into(),
                (*facet).into(),
                (*bucket).into(),
                (*n).into(),
            ]);
        }
        let sql = format!(
            "INSERT INTO unit_counts (country, province_code, facet, bucket, units) VALUES {} \
             ON CONFLICT (country, province_code, facet, bucket) \
             DO UPDATE SET units = unit_counts.units + excluded.units",
            vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        db.execute_raw(statement(backend, &sql, values)).await?;
    }
    Ok(())
}

/// One count: `units` of `province` in `bucket` of `facet`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tally {
    pub province: String,
    pub facet: String,
    pub bucket: String,
    pub units: u64,
}

fn tallies(rows: Vec<sea_orm::QueryResult>) -> Result<Vec<Tally>, DbErr> {
    let mut out = rows
        .into_iter()
        .map(|r| {
            Ok(Tally {
                province: r.try_get("", "province_code")?,
                facet: r.try_get("", "facet")?,
                bucket: r.try_get("", "bucket")?,
                units: r.try_get::<i64>("", "units")? as u64,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    out.sort();
    Ok(out)
}

/// The kept counts of `country`'s provinces (none that fell to zero).
pub async fn of_country<C: ConnectionTrait>(db: &C, country: &str) -> Result<Vec<Tally>, DbErr> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            "SELECT province_code, facet, bucket, units FROM unit_counts \
             WHERE country = ? AND units <> 0",
            [country.into()],
        ))
        .await?;
    tallies(rows)
}

/// Active units per province, every country.
pub async fn active_per_province<C: ConnectionTrait>(db: &C) -> Result<Vec<Tally>, DbErr> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            "SELECT province_code, facet, bucket, units FROM unit_counts \
             WHERE facet = 'status' AND bucket = 'active' AND units <> 0",
            [],
        ))
        .await?;
    tallies(rows)
}

/// The same counts aggregated from the units themselves: what the kept counts must equal.
pub async fn recount<C: ConnectionTrait>(db: &C, country: &str) -> Result<Vec<Tally>, DbErr> {
    let backend = db.get_database_backend();
    let per = |facet: &str, bucket: &str, filter: &str| {
        // PostgreSQL refuses a constant in GROUP BY: the knowledge-based count has one bucket.
        let group = if bucket.starts_with('\'') {
            String::new()
        } else {
            format!(", {bucket}")
        };
        format!(
            "SELECT province_code, '{facet}' AS facet, {bucket} AS bucket, COUNT(*) AS units \
             FROM units WHERE country = ? {filter} GROUP BY province_code{group}"
        )
    };
    let active = "AND status = 'active'";
    let sql = [
        per("status", "status", ""),
        per("size", "size_class", active),
        per("section", "isic_section", active),
        per("division", "substr(isic_class, 1, 2)", active),
        per(
            "kb",
            "'yes'",
            "AND status = 'active' AND knowledge_based = ?",
        ),
    ]
    .join(" UNION ALL ");
    let values: Vec<Value> = vec![
        country.into(),
        country.into(),
        country.into(),
        country.into(),
        country.into(),
        true.into(),
    ];
    let rows = db.query_all_raw(statement(backend, &sql, values)).await?;
    tallies(rows)
}
