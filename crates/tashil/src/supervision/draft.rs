//! The weights as a form types them: each a decimal, and the version the editor read.

use std::collections::HashMap;

use super::model::risk::{Factor, Weights};
use crate::kernel::FieldError;

/// The form's field of the cap on years since an inspection.
pub const CAP_FIELD: &str = "since_inspection_cap_years";

/// Reads the posted fields into weights (each field a decimal; errors name the field) and the
/// version the editor read.
pub fn weights_of(form: &HashMap<String, String>) -> Result<(Weights, i32), Vec<FieldError>> {
    let mut errs = Vec::new();
    let mut num = |field: &str| -> f64 {
        match form.get(field).map(|s| s.trim()).unwrap_or("") {
            "" => {
                errs.push(FieldError::new(field, "required"));
                0.0
            }
            raw => match tashil_text::digits::parse_decimal(raw) {
                Some(v) if v.is_finite() => v,
                _ => {
                    errs.push(FieldError::new(field, "invalid"));
                    0.0
                }
            },
        }
    };
    let mut w = Weights::default();
    for f in Factor::ALL {
        let v = num(f.key());
        set(&mut w, f, v);
    }
    w.since_inspection_cap_years = num(CAP_FIELD);
    let version = form
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(-1);
    if errs.is_empty() {
        Ok((w, version))
    } else {
        Err(errs)
    }
}

fn set(w: &mut Weights, f: Factor, v: f64) {
    match f {
        Factor::Hazard => w.hazard = v,
        Factor::FailedTests => w.failed_tests = v,
        Factor::OpenAdvice => w.open_advice = v,
        Factor::EscalatedAdvice => w.escalated_advice = v,
        Factor::Complaints => w.complaints = v,
        Factor::Licence => w.licence = v,
        Factor::SinceInspection => w.since_inspection = v,
        Factor::OpenFindings => w.open_findings = v,
        Factor::Exemplary => w.exemplary = v,
        Factor::Clinics => w.clinics = v,
    }
}
