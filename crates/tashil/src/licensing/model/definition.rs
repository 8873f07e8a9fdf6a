//! A permit type's definition: what the national body writes and versions. An application
//! keeps the version it started under, so a definition is never edited in place: a change is
//! a new version.

use serde::{Deserialize, Serialize};

use super::fast_track::FastTrackRule;
use crate::kernel::FieldError;

/// A text the national body writes once in each language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Tri {
    pub fa: String,
    pub vi: String,
    pub en: String,
}

impl Tri {
    pub fn new(fa: &str, vi: &str, en: &str) -> Tri {
        Tri {
            fa: fa.into(),
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text a reader of `lang_code` (`fa`, `vi`, `en`) reads; English for any other.
    pub fn in_lang(&self, lang_code: &str) -> &str {
        match lang_code {
            "fa" => &self.fa,
            "vi" => &self.vi,
            _ => &self.en,
        }
    }

    fn check(&self, field: &str, max: usize, errs: &mut Vec<FieldError>) {
        for (lang, text) in [("fa", &self.fa), ("vi", &self.vi), ("en", &self.en)] {
            let len = text.trim().chars().count();
            if len == 0 {
                errs.push(FieldError::new(format!("{field}.{lang}"), "required"));
            } else if len > max {
                errs.push(FieldError::new(format!("{field}.{lang}"), "too_long"));
            }
        }
    }
}

/// What is done at a step (seed 000: document check, factory audit, sampling and test, the
/// technical decision, then the licence is issued).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    DocumentCheck,
    FactoryAudit,
    SamplingAndTest,
    TechnicalDecision,
    Issue,
}

/// Who acts at a step, within the office that decides it (the province's or the national
/// body, per delegation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepActor {
    /// A licensing officer of the deciding office.
    Officer,
    /// An inspector of the deciding office (factory audits, sampling).
    Inspector,
}

/// One step of a permit type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StepDef {
    /// Stable within the type (`documents`, `audit`…): delegations and fast-track rules name it.
    pub code: String,
    pub kind: StepKind,
    pub name: Tri,
    pub actor: StepActor,
    /// Working days of the deciding office's country.
    pub deadline_days: u16,
    /// When the deadline passes with no action, the step counts as passed.
    pub silence_is_consent: bool,
    /// A sampling-and-test step passed only on an accredited lab's released report for this
    /// application that fails no clause (conformity's `application_tests`). Off by default, so
    /// the types defined before it keep their officer's judgement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_lab_report: bool,
}

/// A numbered condition a rejection cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Condition {
    pub number: u16,
    pub text: Tri,
}

/// A document the applicant uploads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentDef {
    pub code: String,
    pub name: Tri,
    pub required: bool,
}

/// A fee, in the country's currency's smallest unit in use (rials, dong).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Fee {
    pub code: String,
    pub name: Tri,
    pub amount: i64,
}

/// One version of a permit type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermitDefinition {
    pub steps: Vec<StepDef>,
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub documents: Vec<DocumentDef>,
    #[serde(default)]
    pub fees: Vec<Fee>,
    #[serde(default)]
    pub fast_track: Vec<FastTrackRule>,
    /// How long an issued licence is valid.
    pub validity_months: u16,
    /// Whether each product must fall under a mandatory standard (the standard-mark
    /// licence); other permits name none.
    #[serde(default)]
    pub requires_standard: bool,
    /// The permit types whose licences this one renews (`["standard-mark-new"]`): a holder's
    /// renewal of such a licence is an application of this type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renews: Vec<String>,
}

pub const MAX_STEPS: usize = 20;
pub const MAX_DEADLINE_DAYS: u16 = 365;
const MAX_CODE: usize = 40;
const MAX_TEXT: usize = 2000;

fn check_code(field: &str, code: &str, errs: &mut Vec<FieldError>) {
    let ok = !code.is_empty()
        && code.len() <= MAX_CODE
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !ok {
        errs.push(FieldError::new(field, "invalid_code"));
    }
}

fn check_unique<'a>(
    field: &str,
    keys: impl Iterator<Item = (usize, &'a str)>,
    errs: &mut Vec<FieldError>,
) {
    let mut seen = std::collections::HashSet::new();
    for (i, key) in keys {
        if !seen.insert(key) {
            errs.push(FieldError::new(format!("{field}[{i}]"), "duplicate_entry"));
        }
    }
}

impl PermitDefinition {
    /// Every rule a definition must keep; each error names the field by its path
    /// (`steps[2].deadline_days`).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        if self.steps.is_empty() || self.steps.len() > MAX_STEPS {
            errs.push(FieldError::new("steps", "step_count"));
        }
        for (i, s) in self.steps.iter().enumerate() {
            check_code(&format!("steps[{i}].code"), &s.code, &mut errs);
            s.name.check(&format!("steps[{i}].name"), 200, &mut errs);
            if s.deadline_days == 0 || s.deadline_days > MAX_DEADLINE_DAYS {
                errs.push(FieldError::new(
                    format!("steps[{i}].deadline_days"),
                    "out_of_range",
                ));
            }
            // Silence would pass the step without the report it waits for.
            if s.needs_lab_report && (s.kind != StepKind::SamplingAndTest || s.silence_is_consent) {
                errs.push(FieldError::new(
                    format!("steps[{i}].needs_lab_report"),
                    "lab_report_step",
                ));
            }
            let last = i + 1 == self.steps.len();
            if (s.kind == StepKind::Issue) != last {
                errs.push(FieldError::new(format!("steps[{i}].kind"), "issue_last"));
            }
        }
        check_unique(
            "steps",
            self.steps
                .iter()
                .enumerate()
                .map(|(i, s)| (i, s.code.as_str())),
            &mut errs,
        );
        if self.conditions.is_empty() {
            errs.push(FieldError::new("conditions", "required"));
        }
        let mut numbers = std::collections::HashSet::new();
        for (i, c) in self.conditions.iter().enumerate() {
            if c.number == 0 || !numbers.insert(c.number) {
                errs.push(FieldError::new(
                    format!("conditions[{i}].number"),
                    "duplicate_entry",
                ));
            }
            c.text
                .check(&format!("conditions[{i}].text"), MAX_TEXT, &mut errs);
        }
        for (i, d) in self.documents.iter().enumerate() {
            check_code(&format!("documents[{i}].code"), &d.code, &mut errs);
            if d.code == OTHER_DOCUMENT {
                errs.push(FieldError::new(
                    format!("documents[{i}].code"),
                    "reserved_code",
                ));
            }
            d.name
                .check(&format!("documents[{i}].name"), 200, &mut errs);
        }
        check_unique(
            "documents",
            self.documents
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.code.as_str())),
            &mut errs,
        );
        for (i, f) in self.fees.iter().enumerate() {
            check_code(&format!("fees[{i}].code"), &f.code, &mut errs);
            f.name.check(&format!("fees[{i}].name"), 200, &mut errs);
            if f.amount < 0 {
                errs.push(FieldError::new(format!("fees[{i}].amount"), "out_of_range"));
            }
        }
        for (i, r) in self.fast_track.iter().enumerate() {
            r.check(&format!("fast_track[{i}]"), self, &mut errs);
        }
        if self.validity_months == 0 || self.validity_months > 120 {
            errs.push(FieldError::new("validity_months", "out_of_range"));
        }
        for (i, code) in self.renews.iter().enumerate() {
            check_code(&format!("renews[{i}]"), code, &mut errs);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    pub fn step_index(&self, code: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.code == code)
    }

    pub fn condition(&self, number: u16) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.number == number)
    }

    /// Whether an upload may name `code`: one of the documents, or [`OTHER_DOCUMENT`].
    pub fn names_document(&self, code: &str) -> bool {
        code == OTHER_DOCUMENT || self.documents.iter().any(|d| d.code == code)
    }

    /// The codes of the required documents none of `uploaded` is, in the definition's order.
    pub fn missing_documents<'a>(
        &self,
        uploaded: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let have: std::collections::HashSet<&str> = uploaded.into_iter().collect();
        self.documents
            .iter()
            .filter(|d| d.required && !have.contains(d.code.as_str()))
            .map(|d| d.code.clone())
            .collect()
    }
}

/// What an upload that is none of the permit type's documents names itself.
pub const OTHER_DOCUMENT: &str = "other";

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::licensing::model::fast_track::{Effect, Fact};

    pub fn step(code: &str, kind: StepKind, days: u16, consent: bool) -> StepDef {
        StepDef {
            code: code.into(),
            kind,
            name: Tri::new("گام", "bước", "step"),
            actor: StepActor::Officer,
            deadline_days: days,
            silence_is_consent: consent,
            needs_lab_report: false,
        }
    }

    /// The standard-mark licence as the demo defines it.
    pub fn standard_mark() -> PermitDefinition {
        PermitDefinition {
            steps: vec![
                step("documents", StepKind::DocumentCheck, 5, true),
                step("audit", StepKind::FactoryAudit, 10, false),
                step("test", StepKind::SamplingAndTest, 15, false),
                step("decision", StepKind::TechnicalDecision, 5, true),
                step("issue", StepKind::Issue, 2, true),
            ],
            conditions: vec![Condition {
                number: 1,
                text: Tri::new("شرط", "điều kiện", "condition"),
            }],
            documents: vec![],
            fees: vec![],
            fast_track: vec![FastTrackRule {
                code: "quality".into(),
                name: Tri::new("کیفیت", "chất lượng", "quality"),
                all_of: vec![Fact::NoFailureMonths(24), Fact::Iso9001],
                effect: Effect::Skip(vec!["audit".into()]),
            }],
            validity_months: 36,
            requires_standard: true,
            renews: vec![],
        }
    }

    #[test]
    fn the_required_documents_not_uploaded_are_missing() {
        let mut def = standard_mark();
        let doc = |code: &str, required| DocumentDef {
            code: code.into(),
            name: Tri::new("مدرک", "tài liệu", "document"),
            required,
        };
        def.documents = vec![doc("plan", true), doc("iso", false), doc("test", true)];
        assert_eq!(def.missing_documents([]), ["plan", "test"]);
        assert_eq!(def.missing_documents(["test", "other"]), ["plan"]);
        assert!(def.missing_documents(["plan", "test"]).is_empty());
        assert!(def.names_document("iso") && def.names_document(OTHER_DOCUMENT));
        assert!(!def.names_document("passport"));
        def.documents.push(doc(OTHER_DOCUMENT, false));
        assert!(
            codes(def.validate().unwrap_err())
                .contains(&("documents[3].code".into(), "reserved_code"))
        );
    }

    fn codes(errs: Vec<FieldError>) -> Vec<(String, &'static str)> {
        errs.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn the_demo_definition_is_valid() {
        assert_eq!(standard_mark().validate(), Ok(()));
    }

    #[test]
    fn only_a_test_step_without_silence_waits_for_a_lab_report() {
        let mut d = standard_mark();
        let test = d
            .steps
            .iter()
            .position(|s| s.kind == StepKind::SamplingAndTest)
            .unwrap();
        d.steps[test].needs_lab_report = true;
        d.steps[test].silence_is_consent = false;
        assert_eq!(d.validate(), Ok(()));
        d.steps[0].needs_lab_report = true;
        d.steps[test].silence_is_consent = true;
        assert_eq!(
            codes(d.validate().unwrap_err()),
            [
                ("steps[0].needs_lab_report".into(), "lab_report_step"),
                (format!("steps[{test}].needs_lab_report"), "lab_report_step"),
            ]
        );
        // Left out of the JSON when off, so definitions made before export as they did.
        let json = serde_json::to_string(&standard_mark()).unwrap();
        assert!(!json.contains("needs_lab_report"));
    }

    #[test]
    fn each_broken_rule_names_its_field() {
        let mut d = standard_mark();
        d.steps[1].deadline_days = 0;
        d.steps[2].code = "documents".into();
        d.steps.swap(3, 4);
        d.conditions.push(d.conditions[0].clone());
        d.validity_months = 0;
        let got = codes(d.validate().unwrap_err());
        for want in [
            ("steps[1].deadline_days", "out_of_range"),
            ("steps[2]", "duplicate_entry"),
            ("steps[3].kind", "issue_last"),
            ("steps[4].kind", "issue_last"),
            ("conditions[1].number", "duplicate_entry"),
            ("validity_months", "out_of_range"),
        ] {
            assert!(
                got.iter().any(|(f, c)| f == want.0 && *c == want.1),
                "{want:?} missing from {got:?}"
            );
        }
    }

    #[test]
    fn a_definition_without_conditions_could_not_reject_and_is_refused() {
        let mut d = standard_mark();
        d.conditions.clear();
        assert!(codes(d.validate().unwrap_err()).contains(&("conditions".into(), "required")));
    }

    #[test]
    fn a_text_missing_in_one_language_names_the_language() {
        let mut d = standard_mark();
        d.conditions[0].text.vi = " ".into();
        assert_eq!(
            codes(d.validate().unwrap_err()),
            vec![("conditions[0].text.vi".into(), "required")]
        );
    }
}
