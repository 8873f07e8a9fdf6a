//! What a characteristic's readers see (pages and API alike).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::entity::{characteristic, limits, violation};
use super::model::characteristic::nelson_number;

/// A figure as a page shows it: at most four decimals, trailing zeros dropped.
pub fn figure(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// An optional figure, a dash when absent.
pub fn maybe(x: &Option<f64>) -> String {
    x.map(figure).unwrap_or_else(|| "—".into())
}

/// A characteristic as listed and read.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CharacteristicView {
    pub id: i64,
    pub unit_id: i64,
    /// The unit's names (fa, en, vi).
    pub unit_names: [String; 3],
    pub province_code: String,
    pub code: String,
    pub product_line: String,
    pub name: String,
    /// variable or attribute.
    pub kind: String,
    /// xbar_r, xbar_s, individuals_moving_range, p, np, c, u.
    pub chart_kind: String,
    /// UN/ECE Recommendation 20 code (empty for attributes).
    pub uom: String,
    pub target: Option<f64>,
    pub lower_spec: Option<f64>,
    pub upper_spec: Option<f64>,
    pub standard_id: Option<i64>,
    pub clause_number: Option<String>,
    pub subgroup_size: i32,
    pub frequency: String,
    /// The Nelson rules checked on the primary chart.
    pub rules: Vec<u8>,
    pub capability_target: Option<f64>,
    pub version: i32,
}

impl CharacteristicView {
    pub fn of(m: characteristic::Model, unit_names: [String; 3]) -> CharacteristicView {
        CharacteristicView {
            rules: m
                .rules
                .split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect(),
            id: m.id,
            unit_id: m.unit_id,
            unit_names,
            province_code: m.province_code,
            code: m.code,
            product_line: m.product_line,
            name: m.name,
            kind: m.kind,
            chart_kind: m.chart_kind,
            uom: m.uom,
            target: m.target,
            lower_spec: m.lower_spec,
            upper_spec: m.upper_spec,
            standard_id: m.standard_id,
            clause_number: m.clause_number,
            subgroup_size: m.subgroup_size,
            frequency: m.frequency,
            capability_target: m.capability_target,
            version: m.version,
        }
    }

    pub fn unit_name(&self, lang: &crate::i18n::Lang) -> &str {
        let [fa, en, vi] = &self.unit_names;
        crate::kernel::display_name(*lang, fa, en, vi)
    }

    pub fn chart_key(&self) -> String {
        format!("quality-chart-{}", self.chart_kind.replace('_', "-"))
    }

    pub fn frequency_key(&self) -> String {
        format!("quality-frequency-{}", self.frequency.replace('_', "-"))
    }

    pub fn rules_text(&self) -> String {
        self.rules
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("، ")
    }
}

/// One version of the limits.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LimitsView {
    pub version: i32,
    pub current: bool,
    pub baseline_from: DateTime<Utc>,
    pub baseline_to: DateTime<Utc>,
    pub baseline_subgroups: i32,
    /// Centre line of the primary chart.
    pub centre: f64,
    /// Within-subgroup σ the limits rest on (variables charts).
    pub sigma_within: Option<f64>,
    /// tashil_spc::FrozenLimits, as stored.
    #[schema(value_type = Object)]
    pub limits: serde_json::Value,
    pub set_by: i64,
    pub created_at: DateTime<Utc>,
}

impl LimitsView {
    pub fn of(m: limits::Model) -> LimitsView {
        let frozen: Option<tashil_spc::FrozenLimits> = serde_json::from_str(&m.limits).ok();
        LimitsView {
            version: m.version,
            current: m.current,
            baseline_from: m.baseline_from,
            baseline_to: m.baseline_to,
            baseline_subgroups: m.baseline_subgroups,
            centre: frozen.as_ref().map(|f| f.centre()).unwrap_or(f64::NAN),
            sigma_within: frozen.as_ref().and_then(|f| f.sigma_within()),
            limits: serde_json::from_str(&m.limits).unwrap_or_default(),
            set_by: m.set_by,
            created_at: m.created_at,
        }
    }
}

/// An index with its confidence interval.
#[derive(Debug, Clone, Copy, Serialize, utoipa::ToSchema)]
pub struct IndexView {
    pub estimate: f64,
    pub lower: f64,
    pub upper: f64,
}

impl IndexView {
    /// "1.42 (1.21–1.63)".
    pub fn text(&self) -> String {
        format!(
            "{} ({}–{})",
            figure(self.estimate),
            figure(self.lower),
            figure(self.upper)
        )
    }
}

impl From<tashil_spc::Interval> for IndexView {
    fn from(i: tashil_spc::Interval) -> Self {
        IndexView {
            estimate: i.estimate,
            lower: i.lower,
            upper: i.upper,
        }
    }
}

/// Capability of everything monitored, against the specification (variables charts).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CapabilityView {
    pub observations: u64,
    pub mean: f64,
    pub sigma_within: f64,
    pub sigma_overall: f64,
    pub confidence: f64,
    pub cp: Option<IndexView>,
    pub cpk: IndexView,
    pub pp: Option<IndexView>,
    pub ppk: IndexView,
    /// The unit's aim for Cpk, and whether the estimate reaches it.
    pub target: f64,
    pub capable: bool,
}

impl CapabilityView {
    pub fn of(c: tashil_spc::Capability, target: f64) -> CapabilityView {
        CapabilityView {
            observations: c.observations,
            mean: c.mean,
            sigma_within: c.sigma_within,
            sigma_overall: c.sigma_overall,
            confidence: c.confidence,
            cp: c.cp.map(Into::into),
            cpk: c.cpk.into(),
            pp: c.pp.map(Into::into),
            ppk: c.ppk.into(),
            capable: c.cpk.estimate >= target,
            target,
        }
    }
}

/// One subgroup as plotted against the limits in force.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PointView {
    pub measured_at: DateTime<Utc>,
    /// tashil_spc::Subgroup, as stored.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    /// The plotted statistic (X̄, I, p, np, c or u) and its limits; absent before limits.
    pub value: Option<f64>,
    pub lcl: Option<f64>,
    pub ucl: Option<f64>,
    /// The dispersion statistic (R, S, MR).
    pub secondary: Option<f64>,
    /// The rules that fired at it.
    pub rules: Vec<String>,
    /// Its time of day on the unit's clock (HH:MM).
    pub local_time: String,
}

impl PointView {
    pub fn values_text(&self) -> String {
        match serde_json::from_value::<tashil_spc::Subgroup>(self.data.clone()) {
            Ok(tashil_spc::Subgroup::Measured { values }) => values
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            Ok(tashil_spc::Subgroup::Defectives {
                defective,
                inspected,
            }) => format!("{defective}/{inspected}"),
            Ok(tashil_spc::Subgroup::Defects { defects, units }) => format!("{defects}/{units}"),
            Err(_) => String::new(),
        }
    }

    pub fn value_text(&self) -> String {
        self.value.map(figure).unwrap_or_default()
    }

    pub fn lcl_text(&self) -> String {
        self.lcl.map(figure).unwrap_or_default()
    }

    pub fn ucl_text(&self) -> String {
        self.ucl.map(figure).unwrap_or_default()
    }

    pub fn secondary_text(&self) -> String {
        self.secondary.map(figure).unwrap_or_default()
    }

    pub fn flagged(&self) -> bool {
        !self.rules.is_empty()
    }
}

/// A rule that fired.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ViolationView {
    pub measured_at: DateTime<Utc>,
    /// primary (X̄, I, p, np, c, u) or secondary (R, S, MR).
    pub chart: String,
    /// tashil_spc's rule code (beyond_limits, nine_on_one_side, …).
    pub rule: String,
    /// Its Nelson number (1..=8).
    pub nelson: u8,
    /// How many points the pattern spans, ending at this subgroup.
    pub points: i32,
    pub limits_version: i32,
}

impl ViolationView {
    pub fn of(m: violation::Model) -> ViolationView {
        let nelson = tashil_spc::Rule::ALL
            .iter()
            .find(|r| r.code() == m.rule)
            .map(|r| nelson_number(*r))
            .unwrap_or(0);
        ViolationView {
            measured_at: m.measured_at,
            chart: m.chart,
            rule: m.rule,
            nelson,
            points: m.points,
            limits_version: m.limits_version,
        }
    }

    pub fn chart_key(&self) -> String {
        format!("quality-panel-{}", self.chart)
    }

    pub fn rule_key(&self) -> String {
        format!("quality-rule-{}", self.rule.replace('_', "-"))
    }
}

/// A characteristic with what its page shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CharacteristicDetail {
    pub characteristic: CharacteristicView,
    pub limits: Option<LimitsView>,
    /// Every version of the limits, the latest first.
    pub history: Vec<LimitsView>,
    pub capability: Option<CapabilityView>,
    pub subgroups: u64,
    /// The latest subgroups, the latest first.
    pub recent: Vec<PointView>,
    /// The latest violations, the latest first.
    pub violations: Vec<ViolationView>,
}
