//! A lab's result for one clause as typed on a form or pushed by its LIMS, checked before it
//! reaches a verdict: the value (in any digit script, or in E notation as LIMS exports write
//! it) with its unit, expanded uncertainty and coverage factor, or a category; the method,
//! the instrument and the day it was measured; and the lab's own id of the result.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::measure::{Category, Measured, Measurement};
use crate::kernel::FieldError;

/// The longest lab result id, method and instrument code kept.
pub const MAX_ID: usize = 100;
pub const MAX_METHOD: usize = 200;

/// The most results one call may carry (a form or one push; the bulk API splits larger
/// files into calls of this size).
pub const MAX_ROWS: usize = 20_000;

/// A result as sent. Numbers may come as JSON numbers or as text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ResultDraft {
    /// The request it answers (the bulk API; a form's request is its page's).
    #[serde(default, deserialize_with = "text")]
    pub request_id: String,
    /// The clause of the request's standard (`5.1`).
    #[serde(default, deserialize_with = "text")]
    pub clause: String,
    /// The measured value (`12.5`, `۱۲٫۵`, `1.2E-3`); empty for a category.
    #[serde(default, deserialize_with = "text")]
    pub value: String,
    /// UN/ECE Recommendation 20 code of the value's unit (`MPA`, `P1`, `KGM`).
    #[serde(default, deserialize_with = "text")]
    pub unit: String,
    /// The expanded uncertainty U, in the value's unit.
    #[serde(default, deserialize_with = "text")]
    pub uncertainty: String,
    /// The coverage factor k (2 when empty).
    #[serde(default, deserialize_with = "text")]
    pub coverage: String,
    /// For a clause with allowed values: the value found (`negative`).
    #[serde(default, deserialize_with = "text")]
    pub category: String,
    /// The test method used.
    #[serde(default, deserialize_with = "text")]
    pub method: String,
    /// The lab's code of the instrument it was measured on.
    #[serde(default, deserialize_with = "text")]
    pub instrument: String,
    /// The day it was measured (ISO or Solar Hijri; the lab's today when empty).
    #[serde(default, deserialize_with = "text")]
    pub measured_on: String,
    /// The lab's own id of the result: sent again, the same result is not written twice.
    #[serde(default, deserialize_with = "text")]
    pub lab_result_id: String,
}

/// A JSON string, number or null, as text (a LIMS sends `12.5` or `"12.5"`). A visitor
/// rather than an untagged enum, which would buffer every field of a 20,000-row push.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string, a number or null")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            Ok(serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    d.deserialize_any(Text)
}

/// A result that passed [`ResultDraft::validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidResult {
    pub request_id: Option<i64>,
    pub clause: String,
    pub measured: Measured,
    pub method: String,
    pub instrument: Option<String>,
    /// `None`: the lab's today.
    pub measured_on: Option<NaiveDate>,
    pub lab_result_id: Option<String>,
}

/// A decimal in any digit script, or in E notation (`1.5E-05`): `None` when empty.
pub fn number(raw: &str) -> Result<Option<f64>, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some(x) = tashil_text::digits::parse_decimal(t) {
        return Ok(Some(x));
    }
    let ascii = tashil_text::digits::to_ascii_digits(t);
    let (mantissa, exponent) = ascii.split_once(['e', 'E']).ok_or("invalid_number")?;
    let exponent_ok = {
        let e = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        !e.is_empty() && e.len() <= 3 && e.bytes().all(|b| b.is_ascii_digit())
    };
    match tashil_text::digits::parse_decimal(mantissa) {
        Some(m) if exponent_ok => {
            let x: f64 = format!("{m}e{exponent}")
                .parse()
                .map_err(|_| "invalid_number")?;
            Ok(Some(x))
        }
        _ => Err("invalid_number"),
    }
}

impl ResultDraft {
    /// Every field's error, each named `{prefix}{field}` (`results[3].value`).
    pub fn validate(&self, prefix: &str) -> Result<ValidResult, Vec<FieldError>> {
        let mut errs = vec![];
        let f = |name: &str| format!("{prefix}{name}");
        let request_id = match self.request_id.trim() {
            "" => None,
            raw => match tashil_text::digits::to_ascii_digits(raw).parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    errs.push(FieldError::new(f("request_id"), "invalid_number"));
                    None
                }
            },
        };
        let clause = super::scope::clause_list(std::slice::from_ref(&self.clause));
        let clause = match clause.as_slice() {
            [one] if one.chars().count() <= 40 => one.clone(),
            [] => {
                errs.push(FieldError::new(f("clause"), "required"));
                String::new()
            }
            _ => {
                errs.push(FieldError::new(f("clause"), "one_clause"));
                String::new()
            }
        };
        let mut num = |name: &str, raw: &str| {
            number(raw).unwrap_or_else(|code| {
                errs.push(FieldError::new(f(name), code));
                None
            })
        };
        let value = num("value", &self.value);
        let uncertainty = num("uncertainty", &self.uncertainty);
        let coverage = num("coverage", &self.coverage);
        let measured = match (value, self.value.trim().is_empty(), self.category.trim()) {
            (Some(v), _, "") => match Measurement::new(v, &self.unit, uncertainty, coverage) {
                Ok(m) => Some(Measured::Quantity(m)),
                Err(e) => {
                    errs.push(e.field_error(prefix));
                    None
                }
            },
            (None, true, "") => {
                errs.push(FieldError::new(f("value"), "required"));
                None
            }
            (None, true, c) => match Category::new(c) {
                Ok(c) => Some(Measured::Category(c)),
                Err(e) => {
                    errs.push(FieldError::new(f("category"), e.code()));
                    None
                }
            },
            (Some(_), _, _) => {
                errs.push(FieldError::new(f("category"), "value_and_category"));
                None
            }
            // The value was refused above.
            (None, false, _) => None,
        };
        let method = crate::kernel::capped(&f("method"), &self.method, MAX_METHOD, &mut errs);
        // Digits in ASCII, as instruments are stored (`model::instrument`).
        let instrument = tashil_text::digits::to_ascii_digits(&crate::kernel::capped(
            &f("instrument"),
            &self.instrument,
            MAX_ID,
            &mut errs,
        ));
        let lab_result_id =
            crate::kernel::capped(&f("lab_result_id"), &self.lab_result_id, MAX_ID, &mut errs);
        let raw_day = self.measured_on.trim();
        let day = match raw_day {
            "" => Ok(None),
            t => tashil_text::dates::parse_date(t)
                .map(Some)
                .map_err(|_| "invalid_date"),
        };
        let measured_on = match day {
            Ok(Some(d)) => match crate::kernel::plausible_date(d) {
                Ok(d) => Some(d),
                Err(_) => {
                    errs.push(FieldError::new(f("measured_on"), "date_out_of_range"));
                    None
                }
            },
            Ok(None) => None,
            Err(code) => {
                errs.push(FieldError::new(f("measured_on"), code));
                None
            }
        };
        match measured {
            Some(measured) if errs.is_empty() => Ok(ValidResult {
                request_id,
                clause,
                measured,
                method,
                instrument: (!instrument.is_empty()).then_some(instrument),
                measured_on,
                lab_result_id: (!lab_result_id.is_empty()).then_some(lab_result_id),
            }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(value: &str, unit: &str) -> ResultDraft {
        ResultDraft {
            clause: "5.1".into(),
            value: value.into(),
            unit: unit.into(),
            ..Default::default()
        }
    }

    #[test]
    fn numbers_in_every_script_and_in_e_notation() {
        assert_eq!(number(" ۱۲٫۵ "), Ok(Some(12.5)));
        assert_eq!(number("1.5E-05"), Ok(Some(1.5e-5)));
        assert_eq!(number("-2e+3"), Ok(Some(-2000.0)));
        assert_eq!(number(""), Ok(None));
        for bad in ["1e", "e5", "1e1000", "NaN", "inf", "1,5", "1.2.3", "1e5e5"] {
            assert_eq!(number(bad), Err("invalid_number"), "{bad}");
        }
    }

    #[test]
    fn a_value_needs_a_known_unit_and_a_category_stands_alone() {
        let v = draft("12.5", "mpa").validate("").unwrap();
        assert!(matches!(v.measured, Measured::Quantity(m) if m.unit() == "MPA"));
        let e = draft("12.5", "MPX").validate("results[2].").unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].code),
            ("results[2].unit", "invalid_unit")
        );
        let cat = ResultDraft {
            clause: "6".into(),
            category: "Negative".into(),
            ..Default::default()
        };
        assert!(matches!(
            cat.validate("").unwrap().measured,
            Measured::Category(_)
        ));
        let both = ResultDraft {
            category: "x".into(),
            ..draft("1", "MPA")
        };
        assert_eq!(both.validate("").unwrap_err()[0].code, "value_and_category");
        let none = ResultDraft::default().validate("").unwrap_err();
        let got: Vec<_> = none.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(got, [("clause", "required"), ("value", "required")]);
    }

    #[test]
    fn each_wrong_field_is_named() {
        let d = ResultDraft {
            request_id: "x".into(),
            clause: "5.1, 5.2".into(),
            value: "1.2.3".into(),
            uncertainty: "-1".into(),
            measured_on: "1800-01-01".into(),
            ..draft("", "MPA")
        };
        let got: Vec<_> = d
            .validate("r.")
            .unwrap_err()
            .iter()
            .map(|e| (e.field.clone(), e.code))
            .collect();
        assert_eq!(
            got,
            [
                ("r.request_id".to_string(), "invalid_number"),
                ("r.clause".to_string(), "one_clause"),
                ("r.value".to_string(), "invalid_number"),
                ("r.measured_on".to_string(), "date_out_of_range"),
            ]
        );
    }

    #[test]
    fn a_lims_row_may_send_numbers() {
        let d: ResultDraft = serde_json::from_value(serde_json::json!({
            "request_id": 7, "clause": "5.1", "value": 0.000015, "unit": "KGM",
            "uncertainty": null, "lab_result_id": 99
        }))
        .unwrap();
        let v = d.validate("").unwrap();
        assert_eq!(v.request_id, Some(7));
        let fa = ResultDraft {
            instrument: "CTM-۰۱".into(),
            ..draft("1", "KGM")
        };
        assert_eq!(
            fa.validate("").unwrap().instrument.as_deref(),
            Some("CTM-01")
        );
        assert_eq!(v.lab_result_id.as_deref(), Some("99"));
        assert!(matches!(v.measured, Measured::Quantity(m) if m.value() == 1.5e-5));
    }
}
