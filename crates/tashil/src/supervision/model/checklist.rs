//! The checklist of an inspection: generated when it starts from the clauses of the
//! standards that apply to the unit's products and the general items (as data), each
//! answered compliant, not compliant or not applicable, with a note.

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Compliant,
    NotCompliant,
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 3] = [
        Answer::Compliant,
        Answer::NotCompliant,
        Answer::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Compliant => "compliant",
            Answer::NotCompliant => "not_compliant",
            Answer::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Longest note kept with an answer.
pub const MAX_NOTE: usize = 2000;

/// Checks a note typed with an answer.
pub fn check_note(note: &str) -> Result<(), FieldError> {
    if note.chars().count() > MAX_NOTE {
        Err(FieldError::new("note", "too_long"))
    } else {
        Ok(())
    }
}

/// One item to put on a checklist, in the three languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `general` or `clause`.
    pub source: &'static str,
    /// The general item's code, or the standard's designation and the clause's number.
    pub reference: String,
    /// fa, en, vi.
    pub text: [String; 3],
}

/// A clause of a standard that applies to the unit's products.
#[derive(Debug, Clone)]
pub struct Clause {
    pub designation: String,
    pub number: String,
    /// fa, en, vi.
    pub title: [String; 3],
}

/// A general item as stored.
#[derive(Debug, Clone)]
pub struct General {
    pub code: String,
    pub text: [String; 3],
}

/// The checklist: the standards' clauses first (once each, in the order given), then the
/// general items.
pub fn generate(clauses: &[Clause], general: &[General]) -> Vec<Item> {
    let mut out: Vec<Item> = vec![];
    for c in clauses {
        let reference = format!("{} {}", c.designation, c.number);
        if out.iter().any(|i| i.reference == reference) {
            continue;
        }
        let text = std::array::from_fn(|i| {
            let t = if c.title[i].is_empty() {
                &c.title[1]
            } else {
                &c.title[i]
            };
            format!("{reference}: {t}")
        });
        out.push(Item {
            source: "clause",
            reference,
            text,
        });
    }
    out.extend(general.iter().map(|g| Item {
        source: "general",
        reference: g.code.clone(),
        text: g.text.clone(),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(d: &str, n: &str) -> Clause {
        Clause {
            designation: d.into(),
            number: n.into(),
            title: ["عنوان".into(), "Title".into(), String::new()],
        }
    }

    #[test]
    fn clauses_once_each_then_the_general_items() {
        let general = [General {
            code: "labelling".into(),
            text: ["برچسب".into(), "Labelling".into(), "Nhãn".into()],
        }];
        let items = generate(
            &[
                clause("INSO 1", "4.1"),
                clause("INSO 1", "4.1"),
                clause("INSO 2", "5"),
            ],
            &general,
        );
        let refs: Vec<_> = items.iter().map(|i| i.reference.as_str()).collect();
        assert_eq!(refs, ["INSO 1 4.1", "INSO 2 5", "labelling"]);
        assert_eq!(items[0].source, "clause");
        assert_eq!(items[0].text[0], "INSO 1 4.1: عنوان");
        // A missing translation falls back to English.
        assert_eq!(items[0].text[2], "INSO 1 4.1: Title");
        assert_eq!(items[2].source, "general");
    }

    #[test]
    fn answers_round_trip_and_notes_are_bounded() {
        for a in Answer::ALL {
            assert_eq!(Answer::parse(a.as_str()), Some(a));
        }
        assert_eq!(Answer::parse("yes"), None);
        assert!(check_note(&"n".repeat(MAX_NOTE)).is_ok());
        assert_eq!(
            check_note(&"n".repeat(MAX_NOTE + 1)).unwrap_err().code,
            "too_long"
        );
    }
}
