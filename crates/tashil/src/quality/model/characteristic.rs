//! A characteristic a unit controls: a measured variable (in a Rec 20 unit, with a target and
//! specification limits, possibly a catalogue clause's) or an attribute (defectives, defects),
//! its chart, sampling plan, the Nelson rules checked and the capability aimed at.

use serde::{Deserialize, Serialize};
use tashil_spc::{ChartKind, Rule, RuleSet};

use crate::kernel::{FieldError, bounded, capped};

/// What is controlled: a measured value, or a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Variable,
    Attribute,
}

impl Kind {
    pub fn of(chart: ChartKind) -> Kind {
        match chart {
            ChartKind::XbarR | ChartKind::XbarS | ChartKind::IndividualsMovingRange => {
                Kind::Variable
            }
            ChartKind::P | ChartKind::Np | ChartKind::C | ChartKind::U => Kind::Attribute,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Variable => "variable",
            Kind::Attribute => "attribute",
        }
    }
}

/// The charts, by their stored code.
pub const CHARTS: [(&str, ChartKind); 7] = [
    ("xbar_r", ChartKind::XbarR),
    ("xbar_s", ChartKind::XbarS),
    (
        "individuals_moving_range",
        ChartKind::IndividualsMovingRange,
    ),
    ("p", ChartKind::P),
    ("np", ChartKind::Np),
    ("c", ChartKind::C),
    ("u", ChartKind::U),
];

pub fn chart_code(kind: ChartKind) -> &'static str {
    CHARTS
        .iter()
        .find(|(_, k)| *k == kind)
        .map(|(c, _)| *c)
        .unwrap_or("xbar_r")
}

pub fn parse_chart(code: &str) -> Option<ChartKind> {
    CHARTS.iter().find(|(c, _)| *c == code).map(|(_, k)| *k)
}

/// How often the unit samples (a plan, shown to readers; nothing is enforced by it).
pub const FREQUENCIES: [&str; 5] = ["hourly", "per_shift", "daily", "weekly", "per_lot"];

/// The Nelson rules stored as "1,2,5": their set for the primary chart.
pub fn rule_set(stored: &str) -> RuleSet {
    let numbers: Vec<u8> = stored
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    RuleSet::nelson_numbers(&numbers).unwrap_or_else(|_| RuleSet::new(&[Rule::BeyondLimits]))
}

/// The dispersion chart (R, S, MR) is checked for points beyond its limits only: the zone
/// rules assume a symmetric statistic.
pub fn secondary_rules() -> RuleSet {
    RuleSet::new(&[Rule::BeyondLimits])
}

/// The Nelson number of a rule (Western Electric's fourth has none: 0).
pub fn nelson_number(rule: Rule) -> u8 {
    Rule::ALL[..8]
        .iter()
        .position(|r| *r == rule)
        .map(|i| i as u8 + 1)
        .unwrap_or(0)
}

/// A characteristic as typed in the form or sent as JSON: every field text, checked by
/// [`CharacteristicDraft::validate`].
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CharacteristicDraft {
    /// The unit's own code for it (what its LIMS sends): lowercase letters, digits, hyphens.
    pub code: String,
    pub product_line: String,
    pub name: String,
    /// xbar_r, xbar_s, individuals_moving_range, p, np, c, u.
    pub chart_kind: String,
    /// UN/ECE Recommendation 20 code (variables); taken from the clause when one is named.
    pub uom: String,
    pub target: String,
    pub lower_spec: String,
    pub upper_spec: String,
    /// A catalogue standard and one of its clauses: its unit and limits fill those left empty.
    pub standard_id: String,
    pub clause: String,
    /// Values a subgroup (2..=25 for X̄-R and X̄-S, 1 for I-MR), units inspected for np.
    pub subgroup_size: String,
    /// hourly, per_shift, daily, weekly, per_lot.
    pub frequency: String,
    /// The Nelson rules (1..=8) checked on the primary chart.
    pub rules: Vec<String>,
    /// The Cpk the unit aims at (1.33 when left empty).
    pub capability_target: String,
    /// The version an edit was read at.
    pub version: String,
}

/// A checked characteristic (the clause's limits not yet applied: the service reads them).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCharacteristic {
    pub code: String,
    pub product_line: String,
    pub name: String,
    pub chart: ChartKind,
    pub uom: String,
    pub target: Option<f64>,
    pub lower_spec: Option<f64>,
    pub upper_spec: Option<f64>,
    pub clause: Option<(i64, String)>,
    pub subgroup_size: i32,
    pub frequency: String,
    pub rules: Vec<u8>,
    pub capability_target: f64,
}

/// The Cpk aimed at when none is given (the customary 1.33).
pub const DEFAULT_CAPABILITY_TARGET: f64 = 1.33;

fn number(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<f64> {
    if raw.trim().is_empty() {
        return None;
    }
    match tashil_text::digits::parse_decimal(raw) {
        Some(v) if v.is_finite() => Some(v),
        _ => {
            errs.push(FieldError::new(field, "invalid_number"));
            None
        }
    }
}

impl CharacteristicDraft {
    pub fn validate(&self) -> Result<ValidCharacteristic, Vec<FieldError>> {
        let mut errs = vec![];
        let code = capped("code", &self.code, 40, &mut errs).to_lowercase();
        if code.is_empty() {
            errs.push(FieldError::new("code", "required"));
        } else if !code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errs.push(FieldError::new("code", "invalid_code"));
        }
        let product_line = bounded("product_line", &self.product_line, 200)
            .map_err(|e| errs.push(e))
            .unwrap_or_default();
        let name = bounded("name", &self.name, 200)
            .map_err(|e| errs.push(e))
            .unwrap_or_default();
        let chart = match parse_chart(self.chart_kind.trim()) {
            Some(c) => Some(c),
            None if self.chart_kind.trim().is_empty() => {
                errs.push(FieldError::new("chart_kind", "required"));
                None
            }
            None => {
                errs.push(FieldError::new("chart_kind", "invalid_choice"));
                None
            }
        };
        let uom = self.uom.trim().to_string();
        if !uom.is_empty() && tashil_reference::uom::uom(&uom).is_none() {
            errs.push(FieldError::new("uom", "invalid_unit"));
        }
        let target = number("target", &self.target, &mut errs);
        let lower_spec = number("lower_spec", &self.lower_spec, &mut errs);
        let upper_spec = number("upper_spec", &self.upper_spec, &mut errs);
        if let (Some(l), Some(u)) = (lower_spec, upper_spec)
            && l >= u
        {
            errs.push(FieldError::new("upper_spec", "spec_order"));
        }
        let clause = match (self.standard_id.trim(), self.clause.trim()) {
            ("", "") => None,
            (_, "") => {
                errs.push(FieldError::new("clause", "required"));
                None
            }
            ("", _) => {
                errs.push(FieldError::new("standard_id", "required"));
                None
            }
            (s, c) => match tashil_text::digits::parse_i64(s) {
                Some(id) if id > 0 => Some((id, tashil_text::normalize::canonical(c))),
                _ => {
                    errs.push(FieldError::new("standard_id", "unknown_standard"));
                    None
                }
            },
        };
        let size = match self.subgroup_size.trim() {
            "" => None,
            raw => match tashil_text::digits::parse_i64(raw) {
                Some(n) => Some(n),
                None => {
                    errs.push(FieldError::new("subgroup_size", "invalid_number"));
                    return Err(errs);
                }
            },
        };
        let subgroup_size = match (chart, size) {
            (Some(ChartKind::IndividualsMovingRange), None | Some(1)) => 1,
            (Some(ChartKind::IndividualsMovingRange), Some(_)) => {
                errs.push(FieldError::new("subgroup_size", "out_of_range"));
                1
            }
            (Some(ChartKind::XbarR | ChartKind::XbarS), Some(n @ 2..=25)) => n as i32,
            (Some(ChartKind::XbarR | ChartKind::XbarS | ChartKind::Np), None) => {
                errs.push(FieldError::new("subgroup_size", "required"));
                0
            }
            (Some(ChartKind::XbarR | ChartKind::XbarS), Some(_)) => {
                errs.push(FieldError::new("subgroup_size", "out_of_range"));
                0
            }
            (_, None) => 1,
            (_, Some(n @ 1..=1_000_000)) => n as i32,
            (_, Some(_)) => {
                errs.push(FieldError::new("subgroup_size", "out_of_range"));
                0
            }
        };
        let frequency = self.frequency.trim().to_string();
        if frequency.is_empty() {
            errs.push(FieldError::new("frequency", "required"));
        } else if !FREQUENCIES.contains(&frequency.as_str()) {
            errs.push(FieldError::new("frequency", "invalid_choice"));
        }
        let mut rules = vec![];
        for r in &self.rules {
            match tashil_text::digits::parse_i64(r) {
                Some(n @ 1..=8) => rules.push(n as u8),
                _ => errs.push(FieldError::new("rules", "invalid_choice")),
            }
        }
        rules.sort_unstable();
        rules.dedup();
        if rules.is_empty() {
            errs.push(FieldError::new("rules", "required"));
        }
        let capability_target =
            match number("capability_target", &self.capability_target, &mut errs) {
                None => DEFAULT_CAPABILITY_TARGET,
                Some(v) if v > 0.0 && v <= 10.0 => v,
                Some(_) => {
                    errs.push(FieldError::new("capability_target", "out_of_range"));
                    DEFAULT_CAPABILITY_TARGET
                }
            };
        if let Some(c) = chart
            && Kind::of(c) == Kind::Attribute
            && (lower_spec.is_some() || upper_spec.is_some() || target.is_some())
        {
            errs.push(FieldError::new("lower_spec", "not_for_attributes"));
        }
        match (errs.is_empty(), chart) {
            (true, Some(chart)) => Ok(ValidCharacteristic {
                code,
                product_line,
                name,
                chart,
                uom,
                target,
                lower_spec,
                upper_spec,
                clause,
                subgroup_size,
                frequency,
                rules,
                capability_target,
            }),
            _ => Err(errs),
        }
    }
}

impl ValidCharacteristic {
    /// "1,2,5", as stored.
    pub fn stored_rules(&self) -> String {
        self.rules
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A clause's unit and limits fill what the draft left empty; a variable then needs a unit.
    pub fn with_clause(
        mut self,
        unit: &str,
        min: Option<f64>,
        max: Option<f64>,
    ) -> Result<ValidCharacteristic, Vec<FieldError>> {
        if self.uom.is_empty() {
            self.uom = unit.to_string();
        }
        if self.lower_spec.is_none() && self.upper_spec.is_none() {
            self.lower_spec = min;
            self.upper_spec = max;
        }
        self.finish()
    }

    /// What is checked once the clause, if any, was applied.
    pub fn finish(self) -> Result<ValidCharacteristic, Vec<FieldError>> {
        if Kind::of(self.chart) == Kind::Variable && self.uom.is_empty() {
            return Err(vec![FieldError::new("uom", "required")]);
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CharacteristicDraft {
        CharacteristicDraft {
            code: "Tile-Thickness".into(),
            product_line: "کاشی".into(),
            name: "ضخامت".into(),
            chart_kind: "xbar_r".into(),
            uom: "MMT".into(),
            lower_spec: "۷٫۵".into(),
            upper_spec: "8.5".into(),
            subgroup_size: "5".into(),
            frequency: "hourly".into(),
            rules: vec!["1".into(), "2".into(), "2".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_draft_is_checked_and_normalised() {
        let v = draft().validate().unwrap();
        assert_eq!(v.code, "tile-thickness");
        assert_eq!(v.lower_spec, Some(7.5));
        assert_eq!(v.rules, vec![1, 2]);
        assert_eq!(v.stored_rules(), "1,2");
        assert_eq!(v.capability_target, DEFAULT_CAPABILITY_TARGET);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut d = draft();
        d.subgroup_size = "30".into();
        d.lower_spec = "9".into();
        d.uom = "XYZ".into();
        d.rules = vec!["9".into()];
        d.frequency = "sometimes".into();
        let codes: Vec<(String, &str)> = d
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        for want in [
            ("subgroup_size", "out_of_range"),
            ("upper_spec", "spec_order"),
            ("uom", "invalid_unit"),
            ("rules", "invalid_choice"),
            ("frequency", "invalid_choice"),
        ] {
            assert!(codes.contains(&(want.0.to_string(), want.1)), "{codes:?}");
        }
    }

    #[test]
    fn a_clause_fills_what_is_left_empty() {
        let mut d = draft();
        d.uom.clear();
        d.lower_spec.clear();
        d.upper_spec.clear();
        d.standard_id = "3".into();
        d.clause = "5.1".into();
        let v = d
            .validate()
            .unwrap()
            .with_clause("MMT", Some(7.0), None)
            .unwrap();
        assert_eq!(
            (v.uom.as_str(), v.lower_spec, v.upper_spec),
            ("MMT", Some(7.0), None)
        );
    }

    #[test]
    fn individuals_take_one_value_and_rules_round_trip() {
        let mut d = draft();
        d.chart_kind = "individuals_moving_range".into();
        d.subgroup_size.clear();
        assert_eq!(d.validate().unwrap().subgroup_size, 1);
        assert_eq!(
            rule_set("1,5").rules(),
            &[Rule::BeyondLimits, Rule::TwoOfThreeBeyondTwoSigma]
        );
        assert_eq!(nelson_number(Rule::EightBeyondOneSigma), 8);
    }
}
