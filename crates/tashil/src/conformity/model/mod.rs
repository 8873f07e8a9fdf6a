//! The rules of conformity assessment, free of HTTP and SQL: accreditations and their scope,
//! which labs a request may go to, test requests, and a sample's chain of custody; results and
//! their units (`measure`), what a clause demands (`limit`), verdicts under a decision rule
//! (`verdict`), and the revisions of a released report (`revision`).

pub mod accreditation;
pub mod custody;
pub mod figures;
pub mod instrument;
pub mod limit;
pub mod measure;
pub mod request;
pub mod result;
pub mod revision;
pub mod scope;
pub mod verdict;

#[cfg(test)]
mod tests {
    use crate::i18n::{I18n, Lang};

    /// Every code these rules give and every name they use has a message in every language.
    #[test]
    fn every_code_and_name_has_a_message() {
        let codes = [
            "value_not_finite",
            "uncertainty_invalid",
            "coverage_invalid",
            "invalid_unit",
            "required",
            "too_long",
            "limit_not_finite",
            "limits_crossed",
            "requirement_missing",
            "unit_inconvertible",
            "value_out_of_range",
            "category_expected",
            "number_expected",
            "uncertainty_required",
            "report_released",
            "invalid_number",
            "one_clause",
            "value_and_category",
            "date_out_of_range",
            "report_not_released",
            "revision_other_request",
            "revision_not_latest",
            "revision_not_next",
        ];
        let mut keys: Vec<String> = codes
            .iter()
            .map(|c| crate::web::error_render::key_of(c))
            .collect();
        keys.extend(super::verdict::Verdict::ALL.map(|v| v.key().to_string()));
        keys.extend(super::verdict::DecisionRule::ALL.map(|r| r.key().to_string()));
        let i18n = I18n::get();
        for lang in Lang::ALL {
            let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
        let said = i18n.t_args(
            Lang::Fa,
            "err-unit-inconvertible",
            &[("from", "m".into()), ("to", "kg".into())],
        );
        assert!(said.contains('m') && said.contains("kg"), "{said}");
    }
}
