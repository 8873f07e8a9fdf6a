//! What a lab reports for a clause: a measured value with its unit and expanded uncertainty,
//! or, for a clause with allowed values, one of those values. Checked once here, so that a
//! result that is not a finite number in a known unit never reaches a verdict.

use crate::kernel::FieldError;

/// The coverage factor when the lab states none: k = 2, about 95 % coverage for a normal
/// distribution (JCGM 100:2008, the GUM, §6).
pub const DEFAULT_COVERAGE: f64 = 2.0;

/// The significant digits a converted value and the ends of its coverage interval keep (see
/// `tashil_reference::uom::convert`): beyond any measurement's resolution, short of the
/// binary noise of the arithmetic.
pub(super) const DIGITS: i32 = 12;

/// Why a reported result is refused; each names the field it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MeasureError {
    #[error("the value is not a finite number")]
    ValueNotFinite,
    #[error("the expanded uncertainty is negative or not a finite number")]
    UncertaintyInvalid,
    #[error("the coverage factor is below 1 or not a finite number")]
    CoverageInvalid,
    #[error("unknown unit code {0:?}")]
    UnknownUnit(String),
    #[error("the value is empty")]
    CategoryEmpty,
}

impl MeasureError {
    /// Stable code; the message is `err-` and the code in kebab case, in `locales/`.
    pub fn code(&self) -> &'static str {
        match self {
            MeasureError::ValueNotFinite => "value_not_finite",
            MeasureError::UncertaintyInvalid => "uncertainty_invalid",
            MeasureError::CoverageInvalid => "coverage_invalid",
            MeasureError::UnknownUnit(_) => "invalid_unit",
            MeasureError::CategoryEmpty => "required",
        }
    }

    /// The field of a result the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            MeasureError::ValueNotFinite | MeasureError::CategoryEmpty => "value",
            MeasureError::UncertaintyInvalid => "uncertainty",
            MeasureError::CoverageInvalid => "coverage",
            MeasureError::UnknownUnit(_) => "unit",
        }
    }

    /// As a form's or a row's field error (`results[3].value`: pass the prefix).
    pub fn field_error(&self, prefix: &str) -> FieldError {
        FieldError::new(format!("{prefix}{}", self.field()), self.code())
    }
}

/// A measured value: finite, in a unit of UN/ECE Recommendation 20, with its expanded
/// uncertainty U (in the same unit; `None` when the lab states none) and the coverage factor
/// k that U was expanded with (ISO/IEC 17025 §7.8.3.1 c, §7.6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measurement {
    value: f64,
    unit: &'static str,
    uncertainty: Option<f64>,
    coverage: f64,
}

impl Measurement {
    /// A result as reported: `coverage` defaults to [`DEFAULT_COVERAGE`]; the unit code is
    /// read as `uom` reads it (case and spaces ignored) and kept as its canonical code.
    pub fn new(
        value: f64,
        unit: &str,
        uncertainty: Option<f64>,
        coverage: Option<f64>,
    ) -> Result<Measurement, MeasureError> {
        if !value.is_finite() {
            return Err(MeasureError::ValueNotFinite);
        }
        let unit = tashil_reference::uom::uom(unit)
            .ok_or_else(|| MeasureError::UnknownUnit(unit.trim().to_string()))?
            .code;
        if uncertainty.is_some_and(|u| !u.is_finite() || u < 0.0) {
            return Err(MeasureError::UncertaintyInvalid);
        }
        // An expanded uncertainty is the standard one times k ≥ 1 (GUM §6.2).
        let coverage = coverage.unwrap_or(DEFAULT_COVERAGE);
        if !coverage.is_finite() || coverage < 1.0 {
            return Err(MeasureError::CoverageInvalid);
        }
        Ok(Measurement {
            value,
            unit,
            uncertainty,
            coverage,
        })
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    /// The Rec 20 code (`"MPA"`).
    pub fn unit(&self) -> &'static str {
        self.unit
    }

    /// The expanded uncertainty U, if the lab stated one.
    pub fn uncertainty(&self) -> Option<f64> {
        self.uncertainty
    }

    pub fn coverage(&self) -> f64 {
        self.coverage
    }

    /// The standard uncertainty u = U / k.
    pub fn standard_uncertainty(&self) -> Option<f64> {
        self.uncertainty.map(|u| u / self.coverage)
    }

    /// The same result stated in `unit`: the value through the unit's offset and factor, the
    /// uncertainty through the factor alone (an interval, not a temperature). `None` when the
    /// two units measure different quantities, or the value would not be finite in `unit`.
    pub fn in_unit(&self, unit: &str) -> Option<Measurement> {
        use tashil_reference::uom::{convert, convert_interval, uom};
        let to = uom(unit)?.code;
        let value = convert(self.value, self.unit, to)?;
        let uncertainty = match self.uncertainty {
            Some(u) => Some(convert_interval(u, self.unit, to)?),
            None => None,
        };
        if !value.is_finite() || uncertainty.is_some_and(|u| !u.is_finite()) {
            return None;
        }
        Some(Measurement {
            value,
            unit: to,
            uncertainty,
            coverage: self.coverage,
        })
    }
}

/// A categorical result ("negative", «منفی», "âm tính"): compared with a clause's allowed
/// values in one folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    text: String,
    folded: String,
}

impl Category {
    /// The value as the lab wrote it (its canonical form); an empty one is refused.
    pub fn new(raw: &str) -> Result<Category, MeasureError> {
        let text = tashil_text::normalize::canonical(raw);
        if text.is_empty() {
            return Err(MeasureError::CategoryEmpty);
        }
        let folded = fold(&text);
        Ok(Category { text, folded })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether this is `allowed`, once both are folded.
    pub fn is(&self, allowed: &str) -> bool {
        self.folded == fold(allowed)
    }
}

/// The form two categorical values are compared in: the canonical text (bidi marks gone,
/// Arabic ي ك as Persian ی ک, ZWNJ settled, NFC, one Vietnamese tone placement), ASCII
/// digits, lower case. Diacritics stay: in Vietnamese they change the word («âm» is not «ấm»).
fn fold(s: &str) -> String {
    tashil_text::digits::to_ascii_digits(&tashil_text::normalize::canonical(s)).to_lowercase()
}

/// A lab's result for one clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Measured {
    Quantity(Measurement),
    Category(Category),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measurement_is_finite_in_a_known_unit() {
        let m = Measurement::new(12.5, " mpa ", Some(0.4), None).unwrap();
        assert_eq!((m.value(), m.unit(), m.coverage()), (12.5, "MPA", 2.0));
        // u = U / k = 0.4 / 2 = 0.2
        assert_eq!(m.standard_uncertainty(), Some(0.2));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(
                Measurement::new(bad, "MPA", None, None),
                Err(MeasureError::ValueNotFinite)
            );
        }
        assert_eq!(
            Measurement::new(1.0, "MPX", None, None),
            Err(MeasureError::UnknownUnit("MPX".into()))
        );
        assert_eq!(
            Measurement::new(1.0, "", None, None).unwrap_err().field(),
            "unit"
        );
    }

    #[test]
    fn uncertainty_is_zero_or_more_and_k_at_least_one() {
        assert!(Measurement::new(1.0, "KGM", Some(0.0), None).is_ok());
        assert!(Measurement::new(1.0, "KGM", None, Some(1.0)).is_ok());
        for u in [-0.1, f64::NAN, f64::INFINITY] {
            let e = Measurement::new(1.0, "KGM", Some(u), None).unwrap_err();
            assert_eq!(
                (e.field(), e),
                ("uncertainty", MeasureError::UncertaintyInvalid)
            );
        }
        for k in [0.0, 0.5, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                Measurement::new(1.0, "KGM", Some(0.1), Some(k)),
                Err(MeasureError::CoverageInvalid)
            );
        }
        let e = MeasureError::CoverageInvalid.field_error("results[3].");
        assert_eq!(
            (e.field.as_str(), e.code),
            ("results[3].coverage", "coverage_invalid")
        );
    }

    #[test]
    fn in_another_unit_the_uncertainty_scales_without_the_offset() {
        // 1500 g ± 20 g = 1.5 kg ± 0.02 kg
        let g = Measurement::new(1500.0, "GRM", Some(20.0), Some(2.0)).unwrap();
        let kg = g.in_unit("KGM").unwrap();
        assert_eq!(
            (kg.value(), kg.uncertainty(), kg.unit(), kg.coverage()),
            (1.5, Some(0.02), "KGM", 2.0)
        );
        // 20 °C ± 0.5 °C = 293.15 K ± 0.5 K (not ± 273.65 K)
        let c = Measurement::new(20.0, "CEL", Some(0.5), None).unwrap();
        let k = c.in_unit("KEL").unwrap();
        assert_eq!((k.value(), k.uncertainty()), (293.15, Some(0.5)));
        assert_eq!(c.in_unit("P1"), None);
        assert_eq!(c.in_unit("nonsense"), None);
        // 10³⁰⁰ t in µg is 10³¹² µg: past f64, refused rather than infinite.
        let huge = Measurement::new(1e300, "TNE", None, None).unwrap();
        assert_eq!(huge.in_unit("MC"), None);
    }

    #[test]
    fn categories_fold_case_spaces_letters_and_digits_but_not_tones() {
        let neg = Category::new("  Negative ").unwrap();
        assert_eq!(neg.text(), "Negative");
        assert!(neg.is("negative") && neg.is("NEGATIVE "));
        // Arabic kaf and yeh, a bidi mark, Persian digits.
        let fa = Category::new("\u{200F}كلاس ۱").unwrap();
        assert!(fa.is("کلاس 1"));
        // Decomposed input and the other tone placement are the same word …
        let vi = Category::new("a\u{0302}m ti\u{0301}nh").unwrap();
        assert!(vi.is("Âm tính"));
        assert!(Category::new("Thuỷ").unwrap().is("thủy"));
        // … a different tone is a different word.
        assert!(!vi.is("ấm tính"));
        assert!(!vi.is("am tinh"));
        assert_eq!(
            Category::new(" \u{200E} "),
            Err(MeasureError::CategoryEmpty)
        );
    }
}
