//! Requirement templates: the parameters, units, limits and test methods that the demo
//! catalogue puts into the clauses of its standards, per product family.
//!
//! Limits follow the real documents where we know them (ISO 13006 for porcelain tiles,
//! ISO 3632-1 for saffron, ISO 3720 for black tea, Codex standards for foods, UN
//! regulations for vehicles, IEC 60335-1 for appliances …) and are otherwise plausible
//! values of the right order. They are demo data: never use them to decide conformity.
//!
//! `method` is a test-method designation; an empty string means "an annex of the
//! standard itself" and is filled in when the clause is built.

mod common;
mod food;
mod industry;
mod materials;

pub(crate) use common::*;
pub(crate) use food::*;
pub(crate) use industry::*;
pub(crate) use materials::*;

/// A requirement template.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Req {
    pub en: &'static str,
    pub fa: &'static str,
    pub vi: &'static str,
    pub method: &'static str,
    /// Rec 20 code.
    pub unit: &'static str,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub allowed: &'static [&'static str],
}

/// A lower limit.
pub(crate) const fn lo(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    method: &'static str,
    unit: &'static str,
    min: f64,
) -> Req {
    Req {
        en,
        fa,
        vi,
        method,
        unit,
        min: Some(min),
        max: None,
        allowed: &[],
    }
}

/// An upper limit.
pub(crate) const fn hi(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    method: &'static str,
    unit: &'static str,
    max: f64,
) -> Req {
    Req {
        en,
        fa,
        vi,
        method,
        unit,
        min: None,
        max: Some(max),
        allowed: &[],
    }
}

/// Both limits.
pub(crate) const fn band(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    method: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
) -> Req {
    Req {
        en,
        fa,
        vi,
        method,
        unit,
        min: Some(min),
        max: Some(max),
        allowed: &[],
    }
}

/// A categorical requirement (unit "one").
pub(crate) const fn cat(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    method: &'static str,
    allowed: &'static [&'static str],
) -> Req {
    Req {
        en,
        fa,
        vi,
        method,
        unit: "C62",
        min: None,
        max: None,
        allowed,
    }
}

/// Every template list, for tests.
#[cfg(test)]
pub(crate) fn all_lists() -> Vec<&'static [Req]> {
    let mut v: Vec<&'static [Req]> = Vec::new();
    v.extend_from_slice(common::LISTS);
    v.extend_from_slice(food::LISTS);
    v.extend_from_slice(materials::LISTS);
    v.extend_from_slice(industry::LISTS);
    v
}
