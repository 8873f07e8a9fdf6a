//! Turning a requirement template into a clause.

use super::requirements::Req;
use super::{DemoBody, DemoClause};

/// ISO test methods for which a Vietnamese equivalent is cited in TCVN documents.
const TCVN_EQUIVALENTS: &[(&str, &str)] = &[
    ("ISO 679", "TCVN 6016 (ISO 679)"),
    ("ISO 6892-1", "TCVN 197-1 (ISO 6892-1)"),
    ("ISO 10545-3", "TCVN 6415-3 (ISO 10545-3)"),
];

pub(super) fn clause(
    number: String,
    req: &Req,
    body: DemoBody,
    designation: &str,
    keep_limits: bool,
) -> DemoClause {
    let test_method = if req.method.is_empty() {
        format!("{designation}, Annex A")
    } else if body == DemoBody::Tcvn
        && let Some((_, tcvn)) = TCVN_EQUIVALENTS.iter().find(|(iso, _)| *iso == req.method)
    {
        (*tcvn).to_owned()
    } else {
        req.method.to_owned()
    };
    DemoClause {
        number,
        parameter_fa: req.fa.to_owned(),
        parameter_en: req.en.to_owned(),
        parameter_vi: req.vi.to_owned(),
        test_method,
        unit: req.unit,
        min: if keep_limits { req.min } else { None },
        max: if keep_limits { req.max } else { None },
        allowed: if keep_limits {
            req.allowed.to_vec()
        } else {
            Vec::new()
        },
    }
}
