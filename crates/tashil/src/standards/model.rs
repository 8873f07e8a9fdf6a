//! The rules of the catalogue: what a standard is, which lifecycle moves are allowed, and
//! what a well-formed measurable requirement looks like. No HTTP, no SQL.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::kernel::FieldError;
pub use tashil_search::designation::Body;

/// Lifecycle of a standard (seed 001: standards are developed with industry, enquired,
/// published, amended and withdrawn, a withdrawn one pointing to what replaced it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Enquiry,
    Published,
    Amended,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Enquiry,
        Status::Published,
        Status::Amended,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Enquiry => "enquiry",
            Status::Published => "published",
            Status::Amended => "amended",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }

    /// Published or amended: the standard applies (and can be mandatory).
    pub fn in_force(self) -> bool {
        matches!(self, Status::Published | Status::Amended)
    }

    /// Whether the body may move a standard from `self` to `to`. A draft may be published
    /// without enquiry (adoption of an international standard); an enquiry may go back to
    /// draft for rework; a withdrawn standard stays withdrawn (a new edition is a new record).
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Draft, Enquiry)
                | (Draft, Published)
                | (Enquiry, Draft)
                | (Enquiry, Published)
                | (Published, Amended)
                | (Amended, Amended)
                | (Published, Withdrawn)
                | (Amended, Withdrawn)
        )
    }
}

/// Bodies whose standards are Vietnam's; every other's days are counted on Iran's clock.
pub const VIETNAMESE_BODIES: [&str; 2] = ["TCVN", "QCVN"];

/// The country on whose clock a standard's days (the last day of its enquiry, the day it
/// becomes mandatory) begin and end: its national body's (INSO: Iran; TCVN and QCVN: Vietnam).
/// An international standard (ISO, IEC, Codex) is enquired and made mandatory as a national
/// adoption in either country; its days last until they have ended in both, that is on
/// Tehran's clock, whose midnight comes three and a half hours after Hanoi's.
pub fn country_of_body(body: &str) -> &'static str {
    if VIETNAMESE_BODIES.contains(&body) {
        "VN"
    } else {
        "IR"
    }
}

/// Today, at instant `now`, for a standard of `body` (see [`country_of_body`]).
pub fn today_for(body: &str, now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    crate::kernel::clock::local_date(country_of_body(body), now)
}

/// A standard as typed in a form or a row of an import: every field a string.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StandardDraft {
    pub body: String,
    pub number: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub edition: String,
    #[serde(default)]
    pub title_fa: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub title_vi: String,
    #[serde(default)]
    pub scope_fa: String,
    #[serde(default)]
    pub scope_en: String,
    #[serde(default)]
    pub scope_vi: String,
    /// ICS codes separated by spaces, commas or semicolons.
    #[serde(default)]
    pub ics: String,
    #[serde(default)]
    pub products: Vec<ProductScopeDraft>,
    #[serde(default)]
    pub clauses: Vec<ClauseDraft>,
}

/// The products a standard applies to: an HS code or heading, and optionally a product of
/// the reference list (its category).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProductScopeDraft {
    pub hs_code: String,
    #[serde(default)]
    pub product: String,
}

/// A clause with a measurable requirement: later, lab results are judged against it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ClauseDraft {
    pub number: String,
    #[serde(default)]
    pub parameter_fa: String,
    #[serde(default)]
    pub parameter_en: String,
    #[serde(default)]
    pub parameter_vi: String,
    #[serde(default)]
    pub test_method: String,
    /// UNECE Recommendation 20 code (`MPA`, `P1`, `KGM`…).
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    /// Allowed values of a categorical requirement, separated by `|`.
    #[serde(default)]
    pub allowed: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidStandard {
    pub body: Body,
    pub number: String,
    pub year: Option<i32>,
    pub edition: i32,
    pub title_fa: String,
    pub title_en: String,
    pub title_vi: String,
    pub scope_fa: String,
    pub scope_en: String,
    pub scope_vi: String,
    pub ics: Vec<String>,
    pub products: Vec<ValidProductScope>,
    pub clauses: Vec<ValidClause>,
}

// A product the standard covers; also what the API answers (`ProductScopeView`).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[schema(as = ProductScopeView)]
pub struct ValidProductScope {
    pub hs_prefix: String,
    pub product: String,
}

// A clause with its limits; also what the API answers (`ClauseView`).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[schema(as = ClauseView)]
pub struct ValidClause {
    pub number: String,
    pub parameter_fa: String,
    pub parameter_en: String,
    pub parameter_vi: String,
    pub test_method: String,
    pub unit: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub allowed: Vec<String>,
}

impl ValidStandard {
    /// "TCVN 5699-1:2010".
    pub fn designation(&self) -> String {
        designation(self.body.as_str(), &self.number, self.year)
    }
}

/// "TCVN 5699-1:2010"; a QCVN number carries its year already ("QCVN 16:2023/BXD").
pub fn designation(body: &str, number: &str, year: Option<i32>) -> String {
    match year {
        Some(y) if !number.contains(':') => format!("{body} {number}:{y}"),
        _ => format!("{body} {number}"),
    }
}

fn clean(s: &str) -> String {
    tashil_text::normalize::canonical(s)
}

use crate::kernel::capped;

/// A title, a parameter or a test method: a line. A scope: a few paragraphs.
const MAX_TITLE: usize = 500;
const MAX_SCOPE: usize = 10_000;
const MAX_CLAUSE_NUMBER: usize = 40;

/// An HS code or heading of 2 to 10 digits (even length), any digit script, dots allowed.
pub fn parse_hs_prefix(raw: &str) -> Result<String, &'static str> {
    crate::kernel::hs_digits(raw, |n| (2..=10).contains(&n) && n.is_multiple_of(2))
}

/// A decimal in any digit script (`۴۲٫۵`, `42.5`); empty means "no limit".
pub fn parse_decimal(raw: &str) -> Result<Option<f64>, &'static str> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    tashil_text::digits::parse_decimal(raw)
        .map(Some)
        .ok_or("invalid_number")
}

/// A date typed as ISO (`2024-05-06`) or Solar Hijri (`۱۴۰۳/۰۲/۱۷`).
pub fn parse_date(raw: &str) -> Result<Option<NaiveDate>, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    tashil_text::dates::parse_date(t)
        .map(Some)
        .map_err(|_| "invalid_date")
}

impl StandardDraft {
    pub fn validate(&self) -> Result<ValidStandard, Vec<FieldError>> {
        let mut errs = vec![];
        let body = match self.body.trim() {
            "" => {
                errs.push(FieldError::new("body", "required"));
                None
            }
            b => match b.parse::<Body>() {
                Ok(b) => Some(b),
                Err(_) => {
                    errs.push(FieldError::new("body", "invalid_choice"));
                    None
                }
            },
        };
        let number = tashil_text::digits::to_ascii_digits(&clean(&self.number))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if number.is_empty() {
            errs.push(FieldError::new("number", "required"));
        } else if number.chars().count() > 40 || !number.chars().any(|c| c.is_ascii_digit()) {
            errs.push(FieldError::new("number", "invalid_standard_number"));
        }
        let year = match tashil_text::digits::parse_i64(&self.year) {
            None if self.year.trim().is_empty() => None,
            Some(y) if (1900..=2100).contains(&y) => Some(y as i32),
            _ => {
                errs.push(FieldError::new("year", "invalid_year"));
                None
            }
        };
        let edition = match tashil_text::digits::parse_i64(&self.edition) {
            None if self.edition.trim().is_empty() => 1,
            Some(e) if (1..=99).contains(&e) => e as i32,
            _ => {
                errs.push(FieldError::new("edition", "invalid_number"));
                1
            }
        };
        let (title_fa, title_en, title_vi) = (
            capped("title_fa", &self.title_fa, MAX_TITLE, &mut errs),
            capped("title_en", &self.title_en, MAX_TITLE, &mut errs),
            capped("title_vi", &self.title_vi, MAX_TITLE, &mut errs),
        );
        let (scope_fa, scope_en, scope_vi) = (
            capped("scope_fa", &self.scope_fa, MAX_SCOPE, &mut errs),
            capped("scope_en", &self.scope_en, MAX_SCOPE, &mut errs),
            capped("scope_vi", &self.scope_vi, MAX_SCOPE, &mut errs),
        );
        if title_fa.is_empty() && title_en.is_empty() && title_vi.is_empty() {
            errs.push(FieldError::new("title_fa", "title_required"));
        }
        let mut ics = vec![];
        for code in self
            .ics
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '،')
            .filter(|c| !c.is_empty())
        {
            let code = tashil_text::digits::to_ascii_digits(code);
            if tashil_reference::ics::is_valid_ics(&code) {
                if !ics.contains(&code) {
                    ics.push(code);
                }
            } else {
                errs.push(FieldError::new("ics", "invalid_ics"));
                break;
            }
        }
        let mut products = vec![];
        for (i, p) in self.products.iter().enumerate() {
            if p.hs_code.trim().is_empty() && p.product.trim().is_empty() {
                continue;
            }
            let product = p.product.trim().to_string();
            if !product.is_empty() && tashil_reference::products::product(&product).is_none() {
                errs.push(FieldError::new(
                    format!("products[{i}].product"),
                    "invalid_choice",
                ));
            }
            let hs = if p.hs_code.trim().is_empty() {
                tashil_reference::products::product(&product).map(|p| p.hs.to_string())
            } else {
                match parse_hs_prefix(&p.hs_code) {
                    Ok(h) => Some(h),
                    Err(code) => {
                        errs.push(FieldError::new(format!("products[{i}].hs_code"), code));
                        None
                    }
                }
            };
            if let Some(hs_prefix) = hs {
                products.push(ValidProductScope { hs_prefix, product });
            }
        }
        let mut clauses = vec![];
        for (i, c) in self.clauses.iter().enumerate() {
            match c.validate(i) {
                Ok(Some(v)) => clauses.push(v),
                Ok(None) => {}
                Err(mut e) => errs.append(&mut e),
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidStandard {
            body: body.expect("checked above"),
            number,
            year,
            edition,
            title_fa,
            title_en,
            title_vi,
            scope_fa,
            scope_en,
            scope_vi,
            ics,
            products,
            clauses,
        })
    }
}

impl ClauseDraft {
    fn is_blank(&self) -> bool {
        [
            &self.number,
            &self.parameter_fa,
            &self.parameter_en,
            &self.parameter_vi,
            &self.test_method,
            &self.unit,
            &self.min,
            &self.max,
            &self.allowed,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    fn validate(&self, i: usize) -> Result<Option<ValidClause>, Vec<FieldError>> {
        if self.is_blank() {
            return Ok(None);
        }
        let f = |name: &str| format!("clauses[{i}].{name}");
        let mut errs = vec![];
        let number = tashil_text::digits::to_ascii_digits(&capped(
            &f("number"),
            &self.number,
            MAX_CLAUSE_NUMBER,
            &mut errs,
        ));
        if number.is_empty() {
            errs.push(FieldError::new(f("number"), "required"));
        }
        let (pfa, pen, pvi) = (
            capped(&f("parameter_fa"), &self.parameter_fa, MAX_TITLE, &mut errs),
            capped(&f("parameter_en"), &self.parameter_en, MAX_TITLE, &mut errs),
            capped(&f("parameter_vi"), &self.parameter_vi, MAX_TITLE, &mut errs),
        );
        let test_method = capped(&f("test_method"), &self.test_method, MAX_TITLE, &mut errs);
        if pfa.is_empty() && pen.is_empty() && pvi.is_empty() {
            errs.push(FieldError::new(f("parameter_fa"), "required"));
        }
        let unit = self.unit.trim().to_ascii_uppercase();
        if !unit.is_empty() && tashil_reference::uom::uom(&unit).is_none() {
            errs.push(FieldError::new(f("unit"), "invalid_unit"));
        }
        let min = parse_decimal(&self.min).unwrap_or_else(|c| {
            errs.push(FieldError::new(f("min"), c));
            None
        });
        let max = parse_decimal(&self.max).unwrap_or_else(|c| {
            errs.push(FieldError::new(f("max"), c));
            None
        });
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            errs.push(FieldError::new(f("max"), "max_below_min"));
        }
        let allowed: Vec<String> = self
            .allowed
            .split('|')
            .map(clean)
            .filter(|s| !s.is_empty())
            .collect();
        if min.is_none() && max.is_none() && allowed.is_empty() {
            errs.push(FieldError::new(f("min"), "requirement_missing"));
        }
        if (min.is_some() || max.is_some()) && unit.is_empty() {
            errs.push(FieldError::new(f("unit"), "required"));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Some(ValidClause {
            number,
            parameter_fa: pfa,
            parameter_en: pen,
            parameter_vi: pvi,
            test_method,
            unit,
            min,
            max,
            allowed,
        }))
    }
}

#[cfg(test)]
mod tests;
