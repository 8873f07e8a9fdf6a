//! A lab's scope of accreditation (ISO/IEC 17025 §5.3: the activities it is accredited for):
//! one entry per clause of a catalogue standard, with the test method and the turnaround the
//! lab quotes. And which labs a request may go to: those whose accreditation in force covers
//! every clause asked; those covering only part are named, so the requester can split.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// The longest turnaround a lab may quote, in working days (a year of them).
pub const MAX_TURNAROUND_DAYS: i64 = 250;

/// One entry of a scope as the national body enters it (form, API, a spreadsheet's row).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScopeEntryDraft {
    /// The catalogue standard.
    #[serde(default)]
    pub standard_id: String,
    /// Its clause (as the catalogue numbers it, e.g. `5.1`).
    #[serde(default)]
    pub clause: String,
    /// The test method the lab is accredited for; the clause's own when left empty.
    #[serde(default)]
    pub test_method: String,
    /// Working days from the sample's receipt to the report.
    #[serde(default)]
    pub turnaround_days: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidScopeEntry {
    pub standard_id: i64,
    pub clause: String,
    pub test_method: String,
    pub turnaround_days: i32,
}

impl ScopeEntryDraft {
    pub fn validate(&self) -> Result<ValidScopeEntry, Vec<FieldError>> {
        let mut errs = vec![];
        let standard_id = super::accreditation::id("standard_id", &self.standard_id, &mut errs);
        let clause = crate::kernel::required("clause", &self.clause, 40, &mut errs);
        let test_method = crate::kernel::capped("test_method", &self.test_method, 200, &mut errs);
        let days = if self.turnaround_days.trim().is_empty() {
            errs.push(FieldError::new("turnaround_days", "required"));
            None
        } else {
            crate::kernel::optional_number(
                "turnaround_days",
                &self.turnaround_days,
                MAX_TURNAROUND_DAYS,
                &mut errs,
            )
        };
        if days == Some(0) {
            errs.push(FieldError::new("turnaround_days", "invalid_number"));
        }
        match (standard_id, days) {
            (Some(standard_id), Some(d)) if errs.is_empty() => Ok(ValidScopeEntry {
                standard_id,
                clause,
                test_method,
                turnaround_days: d as i32,
            }),
            _ => Err(errs),
        }
    }
}

/// The clauses asked of a request, read from a list typed with commas, spaces or one a line:
/// each once, in the order first given.
pub fn clause_list(raw: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    raw.iter()
        .flat_map(|s| s.split([',', '،', ' ', '\n', '\r', '\t']))
        .map(|c| tashil_text::to_ascii_digits(c.trim()))
        .filter(|c| !c.is_empty())
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

/// One clause a lab covers with an accreditation in force: the row the offer is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Covered {
    pub lab_org_id: i64,
    pub clause: String,
    pub turnaround_days: i32,
}

/// A lab as offered for a request: the clauses asked that it covers, the ones it does not,
/// and the turnaround it quotes for the part it covers (its slowest clause).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Offer {
    pub lab_org_id: i64,
    pub covered: Vec<String>,
    pub missing: Vec<String>,
    pub turnaround_days: i32,
}

impl Offer {
    pub fn covers_all(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The labs that cover the clauses `asked`, from the rows each lab's accreditations in force
/// give: first those covering every clause (fastest first), then those covering part (most
/// clauses first). A lab covering none of them is not named.
pub fn offers(asked: &[String], rows: &[Covered]) -> Vec<Offer> {
    let mut by_lab: BTreeMap<i64, BTreeMap<&str, i32>> = BTreeMap::new();
    for r in rows.iter().filter(|r| asked.contains(&r.clause)) {
        let days = by_lab.entry(r.lab_org_id).or_default();
        // Two accreditations covering one clause: the lab quotes its quicker.
        let d = days.entry(r.clause.as_str()).or_insert(r.turnaround_days);
        *d = (*d).min(r.turnaround_days);
    }
    let mut out: Vec<Offer> = by_lab
        .into_iter()
        .map(|(lab, days)| Offer {
            lab_org_id: lab,
            covered: asked
                .iter()
                .filter(|c| days.contains_key(c.as_str()))
                .cloned()
                .collect(),
            missing: asked
                .iter()
                .filter(|c| !days.contains_key(c.as_str()))
                .cloned()
                .collect(),
            turnaround_days: days.values().copied().max().unwrap_or(0),
        })
        .collect();
    out.sort_by_key(|o| (o.missing.len(), o.turnaround_days, o.lab_org_id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(lab: i64, clause: &str, days: i32) -> Covered {
        Covered {
            lab_org_id: lab,
            clause: clause.into(),
            turnaround_days: days,
        }
    }

    fn asked(c: &[&str]) -> Vec<String> {
        c.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn labs_covering_every_clause_come_first_then_those_covering_part() {
        let rows = [
            row(1, "5.1", 10),
            row(1, "5.2", 4),
            row(2, "5.1", 3),
            row(3, "5.1", 7),
            row(3, "5.2", 7),
            row(4, "6.9", 1),
        ];
        let o = offers(&asked(&["5.1", "5.2"]), &rows);
        let labs: Vec<_> = o.iter().map(|o| (o.lab_org_id, o.covers_all())).collect();
        assert_eq!(labs, [(3, true), (1, true), (2, false)]);
        assert_eq!(
            o[1].turnaround_days, 10,
            "the slowest clause sets the quote"
        );
        assert_eq!(o[2].covered, ["5.1"]);
        assert_eq!(o[2].missing, ["5.2"]);
    }

    #[test]
    fn a_clause_covered_twice_is_quoted_at_the_quicker() {
        let o = offers(&asked(&["5.1"]), &[row(1, "5.1", 9), row(1, "5.1", 5)]);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].turnaround_days, 5);
    }

    #[test]
    fn nothing_asked_or_nothing_covered_offers_nobody() {
        assert!(offers(&[], &[row(1, "5.1", 3)]).is_empty());
        assert!(offers(&asked(&["7"]), &[row(1, "5.1", 3)]).is_empty());
    }

    #[test]
    fn clauses_are_read_in_any_digits_and_separators_once_each() {
        let got = clause_list(&["۵.۱، 5.2".into(), "5.1\n6".into()]);
        assert_eq!(got, ["5.1", "5.2", "6"]);
    }

    #[test]
    fn a_scope_entry_names_each_wrong_field() {
        let errs = ScopeEntryDraft {
            turnaround_days: "999".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("standard_id", "required"),
                ("clause", "required"),
                ("turnaround_days", "invalid_number"),
            ]
        );
    }
}
