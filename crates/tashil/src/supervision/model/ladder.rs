//! The graduated ladder of measures (issue 21, item 5), free of HTTP and SQL: five rungs in
//! order (advice, written warning, re-inspection, suspension of the licence, revocation),
//! each with its names and the legal basis it cites (data: the defaults here, the national
//! body's edits stored over them). A measure on a unit takes the rung above the highest in
//! force on it, the same again or a lower one, never skips one; the imminent-danger path
//! may skip, with a stated justification, and waits for a second officer's approval.

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// The rungs, lowest first (their keys never change; their order is their position here).
pub const KEYS: [&str; 5] = [
    "advice",
    "warning",
    "reinspection",
    "suspension",
    "revocation",
];

/// Longest name or legal basis kept.
pub const MAX_TEXT: usize = 2000;

/// One rung as the ladder in force holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rung {
    pub key: String,
    /// 1 for advice … 5 for revocation.
    pub position: i32,
    pub name_fa: String,
    pub name_vi: String,
    pub name_en: String,
    pub legal_basis: String,
    /// 0: the default, never edited.
    pub version: i32,
}

impl Rung {
    /// Advice and written warning: what an inspector may also take.
    pub fn advisory(&self) -> bool {
        self.position <= 2
    }

    /// Suspension and revocation: they change the unit's licence.
    pub fn coercive(&self) -> bool {
        self.position >= 4
    }

    /// The name in `lang` (fa, vi, en; English otherwise).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "fa" => &self.name_fa,
            "vi" => &self.name_vi,
            _ => &self.name_en,
        }
    }
}

/// The default ladder (version 0 of each rung).
pub fn defaults() -> Vec<Rung> {
    let rows: [(&str, &str, &str, &str, &str); 5] = [
        (
            "advice",
            "توصیه",
            "Khuyến nghị",
            "Advice",
            "مادهٔ ۷ قانون تقویت و توسعهٔ نظام استاندارد (آموزش و راهنمایی)",
        ),
        (
            "warning",
            "اخطار کتبی",
            "Cảnh báo bằng văn bản",
            "Written warning",
            "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد (اخطار)",
        ),
        (
            "reinspection",
            "بازرسی مجدد",
            "Tái kiểm tra",
            "Re-inspection",
            "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد (نظارت مستمر)",
        ),
        (
            "suspension",
            "تعلیق پروانه",
            "Đình chỉ giấy phép",
            "Suspension of the licence",
            "مادهٔ ۱۰ قانون تقویت و توسعهٔ نظام استاندارد (تعلیق)",
        ),
        (
            "revocation",
            "ابطال پروانه",
            "Thu hồi giấy phép",
            "Revocation of the licence",
            "مادهٔ ۱۰ قانون تقویت و توسعهٔ نظام استاندارد (ابطال)",
        ),
    ];
    rows.iter()
        .enumerate()
        .map(|(i, (key, fa, vi, en, basis))| Rung {
            key: (*key).to_owned(),
            position: i as i32 + 1,
            name_fa: (*fa).to_owned(),
            name_vi: (*vi).to_owned(),
            name_en: (*en).to_owned(),
            legal_basis: (*basis).to_owned(),
            version: 0,
        })
        .collect()
}

/// A rung's names and legal basis as the national body edits them.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct RungEdit {
    pub name_fa: String,
    pub name_vi: String,
    pub name_en: String,
    pub legal_basis: String,
    /// The version the editor read (0 for a default never edited).
    pub version: i32,
}

impl RungEdit {
    /// Every field is required; each error names its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        for (field, v) in [
            ("name_fa", &self.name_fa),
            ("name_vi", &self.name_vi),
            ("name_en", &self.name_en),
            ("legal_basis", &self.legal_basis),
        ] {
            crate::kernel::required(field, v, MAX_TEXT, &mut errs);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// How a measure is proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Path {
    /// Up the ladder: at most one rung above the highest in force.
    Ordinary,
    /// Imminent danger: any rung, with its justification; a second officer approves it.
    ImminentDanger { justification: String },
}

/// What a proposal becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// In force at once.
    InForce,
    /// Waits for a second officer's approval.
    AwaitingApproval,
}

/// Whether a measure of rung `position` may be taken on a unit whose highest measure in
/// force is `highest` (0: none), on `path`. The errors name their field.
pub fn check(position: i32, highest: i32, path: &Path) -> Result<Outcome, Vec<FieldError>> {
    if !(1..=KEYS.len() as i32).contains(&position) {
        return Err(vec![FieldError::new("rung", "invalid_choice")]);
    }
    match path {
        Path::Ordinary if position > highest + 1 => {
            let next = KEYS[highest.clamp(0, KEYS.len() as i32 - 1) as usize];
            Err(vec![
                FieldError::new("rung", "rung_skipped").with_detail(next.to_owned()),
            ])
        }
        Path::Ordinary => Ok(Outcome::InForce),
        Path::ImminentDanger { justification } if justification.trim().is_empty() => {
            Err(vec![FieldError::new("justification", "required")])
        }
        Path::ImminentDanger { .. } => Ok(Outcome::AwaitingApproval),
    }
}

/// Whether `approver` may approve (or refuse) a measure `proposer` proposed: anyone but the
/// proposer (the caller has checked the approver's role and province).
pub fn may_decide(proposer: i64, approver: i64) -> Result<(), FieldError> {
    if proposer == approver {
        Err(FieldError::new("approver", "same_officer"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imminent(why: &str) -> Path {
        Path::ImminentDanger {
            justification: why.to_owned(),
        }
    }

    #[test]
    fn the_defaults_are_the_five_rungs_in_order_each_citing_a_basis() {
        let d = defaults();
        assert_eq!(d.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), KEYS);
        assert!(
            d.iter()
                .all(|r| !r.legal_basis.is_empty() && r.version == 0)
        );
        assert_eq!(d[3].position, 4);
        assert!(d[3].coercive() && d[4].coercive() && !d[2].coercive());
        assert!(d[0].advisory() && d[1].advisory() && !d[2].advisory());
    }

    #[test]
    fn a_measure_takes_the_next_rung_or_repeats_never_skips() {
        assert_eq!(check(1, 0, &Path::Ordinary), Ok(Outcome::InForce));
        assert_eq!(check(2, 1, &Path::Ordinary), Ok(Outcome::InForce));
        assert_eq!(check(2, 2, &Path::Ordinary), Ok(Outcome::InForce));
        assert_eq!(check(1, 3, &Path::Ordinary), Ok(Outcome::InForce));
        let e = check(2, 0, &Path::Ordinary).unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].code), ("rung", "rung_skipped"));
        assert_eq!(e[0].detail.as_deref(), Some("advice"));
        let e = check(4, 2, &Path::Ordinary).unwrap_err();
        assert_eq!(e[0].detail.as_deref(), Some("reinspection"));
        assert_eq!(check(5, 4, &Path::Ordinary), Ok(Outcome::InForce));
        assert_eq!(
            check(6, 5, &Path::Ordinary).unwrap_err()[0].code,
            "invalid_choice"
        );
        assert_eq!(
            check(0, 0, &Path::Ordinary).unwrap_err()[0].code,
            "invalid_choice"
        );
    }

    #[test]
    fn imminent_danger_may_skip_with_a_justification_and_waits_for_approval() {
        assert_eq!(
            check(4, 0, &imminent("نشت گاز در خط تولید")),
            Ok(Outcome::AwaitingApproval)
        );
        assert_eq!(check(1, 0, &imminent("x")), Ok(Outcome::AwaitingApproval));
        let e = check(4, 0, &imminent("  ")).unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].code),
            ("justification", "required")
        );
    }

    #[test]
    fn the_proposer_cannot_approve() {
        assert_eq!(may_decide(7, 7).unwrap_err().code, "same_officer");
        assert!(may_decide(7, 8).is_ok());
    }

    #[test]
    fn an_edit_needs_every_field() {
        let e = RungEdit {
            name_fa: "توصیه".into(),
            name_vi: "".into(),
            name_en: "Advice".into(),
            legal_basis: " ".into(),
            version: 0,
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name_vi", "legal_basis"]);
    }
}
