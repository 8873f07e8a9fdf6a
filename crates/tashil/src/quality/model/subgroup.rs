//! A subgroup as a unit sends it (JSON, a sheet's row, the phone form): checked against its
//! characteristic into a `tashil_spc::Subgroup` at an instant, each problem named by the row
//! (`subgroups[3].values`).

use chrono::{DateTime, Duration, NaiveDateTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use tashil_spc::{ChartKind, Subgroup};

use crate::kernel::FieldError;

/// At most this many subgroups a batch.
pub const MAX_SUBGROUPS: usize = 10_000;

/// How far ahead of the server's clock a measurement may be stamped (clocks drift).
pub const FUTURE_SLACK_MINUTES: i64 = 10;

/// A value too large for any measurement a unit takes: a typing or unit mistake.
const IMPOSSIBLE: f64 = 1e12;

/// One subgroup as sent. Numbers may be JSON numbers or text in any digit script.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SubgroupInput {
    /// The characteristic's code (the unit's own).
    pub characteristic: String,
    /// RFC 3339 (`2026-12-07T10:30:00+03:30`); without an offset, the unit's local time.
    pub measured_at: String,
    /// The measured values (variables charts): as many as the subgroup size.
    #[schema(value_type = Vec<Object>)]
    pub values: Vec<serde_json::Value>,
    /// p and np charts: defectives among the units inspected.
    #[schema(value_type = Option<Object>)]
    pub defective: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub inspected: Option<serde_json::Value>,
    /// c and u charts: defects counted over an amount inspected (in units; 1 if not given).
    #[schema(value_type = Option<Object>)]
    pub defects: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub units: Option<serde_json::Value>,
    /// The unit's national ID, when the sender names it: it must be the token's unit.
    pub unit: Option<String>,
}

/// What a row is checked against: its characteristic's chart and subgroup size.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub chart: ChartKind,
    pub subgroup_size: i32,
}

fn text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn decimal(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        other => text(other).and_then(|t| tashil_text::digits::parse_decimal(&t)),
    }
}

/// An instant: RFC 3339, or a local date and time (`2026-12-07T10:30`, `2026-12-07 10:30:15`)
/// in `zone`.
pub fn parse_instant(raw: &str, zone: Tz) -> Option<DateTime<Utc>> {
    let raw = tashil_text::digits::to_ascii_digits(raw.trim());
    if let Ok(t) = DateTime::parse_from_rfc3339(&raw) {
        return Some(t.with_timezone(&Utc));
    }
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(&raw, f).ok())
    .and_then(|n| zone.from_local_datetime(&n).earliest())
    .map(|t| t.with_timezone(&Utc))
}

/// Checks row `row` against `plan`: the instant and the subgroup, or its fields' errors.
pub fn check(
    row: usize,
    input: &SubgroupInput,
    plan: Plan,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, Subgroup), Vec<FieldError>> {
    let at = |f: &str| format!("subgroups[{row}].{f}");
    let mut errs = vec![];
    let measured_at = match input.measured_at.trim() {
        "" => {
            errs.push(FieldError::new(at("measured_at"), "required"));
            None
        }
        raw => match parse_instant(raw, zone) {
            None => {
                errs.push(FieldError::new(at("measured_at"), "invalid_date"));
                None
            }
            Some(t) if t > now + Duration::minutes(FUTURE_SLACK_MINUTES) => {
                errs.push(FieldError::new(at("measured_at"), "date_in_future"));
                None
            }
            Some(t) if t.timestamp() < 946_684_800 => {
                errs.push(FieldError::new(at("measured_at"), "out_of_range"));
                None
            }
            // PostgreSQL keeps microseconds: an instant kept finer would not find itself again
            // (the duplicate check, the violations read back after the write).
            Some(t) => Some(t.trunc_subsecs(6)),
        },
    };
    let count = |field: &str, v: &Option<serde_json::Value>, errs: &mut Vec<FieldError>| {
        let Some(v) = v else {
            errs.push(FieldError::new(at(field), "required"));
            return None;
        };
        match text(v).and_then(|t| tashil_text::digits::parse_i64(&t)) {
            Some(n) if n < 0 => {
                errs.push(FieldError::new(at(field), "impossible_value"));
                None
            }
            Some(n) => Some(n as u64),
            None => {
                errs.push(FieldError::new(at(field), "invalid_number"));
                None
            }
        }
    };
    let not_here = |field: &str, given: bool, errs: &mut Vec<FieldError>| {
        if given {
            errs.push(FieldError::new(at(field), "not_for_chart"));
        }
    };
    let subgroup = match plan.chart {
        ChartKind::XbarR | ChartKind::XbarS | ChartKind::IndividualsMovingRange => {
            not_here("defective", input.defective.is_some(), &mut errs);
            not_here("defects", input.defects.is_some(), &mut errs);
            let mut values = Vec::with_capacity(input.values.len());
            let mut bad = false;
            for v in &input.values {
                match decimal(v) {
                    Some(x) if x.is_finite() && x.abs() < IMPOSSIBLE => values.push(x),
                    Some(_) => {
                        bad = true;
                        errs.push(FieldError::new(at("values"), "impossible_value"));
                    }
                    None => {
                        bad = true;
                        errs.push(
                            FieldError::new(at("values"), "invalid_number")
                                .with_detail(text(v).unwrap_or_else(|| v.to_string())),
                        );
                    }
                }
            }
            if !bad && values.len() != plan.subgroup_size as usize {
                errs.push(
                    FieldError::new(at("values"), "subgroup_size")
                        .with_detail(plan.subgroup_size.to_string()),
                );
            }
            Some(Subgroup::Measured { values })
        }
        ChartKind::P | ChartKind::Np => {
            not_here("values", !input.values.is_empty(), &mut errs);
            not_here("defects", input.defects.is_some(), &mut errs);
            let d = count("defective", &input.defective, &mut errs);
            let n = count("inspected", &input.inspected, &mut errs);
            match (d, n) {
                (_, Some(0)) => {
                    errs.push(FieldError::new(at("inspected"), "impossible_value"));
                    None
                }
                (Some(d), Some(n)) if d > n => {
                    errs.push(FieldError::new(at("defective"), "impossible_value"));
                    None
                }
                (Some(_), Some(n))
                    if plan.chart == ChartKind::Np && n != plan.subgroup_size as u64 =>
                {
                    errs.push(
                        FieldError::new(at("inspected"), "subgroup_size")
                            .with_detail(plan.subgroup_size.to_string()),
                    );
                    None
                }
                (Some(d), Some(n)) => Some(Subgroup::defectives(d, n)),
                _ => None,
            }
        }
        ChartKind::C | ChartKind::U => {
            not_here("values", !input.values.is_empty(), &mut errs);
            not_here("defective", input.defective.is_some(), &mut errs);
            let d = count("defects", &input.defects, &mut errs);
            let units = match &input.units {
                None => Some(1.0),
                Some(v) => match decimal(v) {
                    Some(u) if u.is_finite() && u > 0.0 && u < IMPOSSIBLE => Some(u),
                    Some(_) => {
                        errs.push(FieldError::new(at("units"), "impossible_value"));
                        None
                    }
                    None => {
                        errs.push(FieldError::new(at("units"), "invalid_number"));
                        None
                    }
                },
            };
            match (d, units) {
                (Some(d), Some(u)) => Some(Subgroup::defects(d, u)),
                _ => None,
            }
        }
    };
    match (errs.is_empty(), measured_at, subgroup) {
        (true, Some(t), Some(s)) => Ok((t, s)),
        _ => Err(errs),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap()
    }

    fn row(v: serde_json::Value) -> SubgroupInput {
        serde_json::from_value(v).unwrap()
    }

    fn codes(r: Result<(DateTime<Utc>, Subgroup), Vec<FieldError>>) -> Vec<(String, &'static str)> {
        r.unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    const XBAR: Plan = Plan {
        chart: ChartKind::XbarR,
        subgroup_size: 3,
    };

    #[test]
    fn values_in_any_script_and_local_time() {
        let (t, s) = check(
            0,
            &row(
                json!({"characteristic": "t", "measured_at": "۲۰۲۶-۱۲-۰۷T۰۸:۳۰",
                "values": [8.0, "۸٫۱", "7.9"]}),
            ),
            XBAR,
            chrono_tz::Asia::Tehran,
            now(),
        )
        .unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 12, 7, 5, 0, 0).unwrap());
        assert_eq!(s, Subgroup::measured(&[8.0, 8.1, 7.9]));
    }

    #[test]
    fn an_instant_finer_than_a_microsecond_is_kept_to_the_microsecond() {
        let (t, _) = check(
            0,
            &row(json!({"measured_at": "2026-12-07T08:30:00.123456789Z", "values": [8, 8, 8]})),
            XBAR,
            chrono_tz::UTC,
            now(),
        )
        .unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-07T08:30:00.123456+00:00");
    }

    #[test]
    fn each_bad_row_is_named() {
        let zone = chrono_tz::UTC;
        let bad = row(json!({"measured_at": "2026-12-08T12:00:00Z", "values": [1, "x"]}));
        assert_eq!(
            codes(check(4, &bad, XBAR, zone, now())),
            vec![
                ("subgroups[4].measured_at".into(), "date_in_future"),
                ("subgroups[4].values".into(), "invalid_number"),
            ]
        );
        let short = row(json!({"measured_at": "2026-12-07T11:00:00Z", "values": [1, 2]}));
        assert_eq!(
            codes(check(0, &short, XBAR, zone, now())),
            vec![("subgroups[0].values".into(), "subgroup_size")]
        );
        let p = Plan {
            chart: ChartKind::P,
            subgroup_size: 50,
        };
        let over =
            row(json!({"measured_at": "2026-12-07T11:00:00Z", "defective": 6, "inspected": 5}));
        assert_eq!(
            codes(check(1, &over, p, zone, now())),
            vec![("subgroups[1].defective".into(), "impossible_value")]
        );
        let huge = row(json!({"measured_at": "2026-12-07T11:00:00Z", "values": [1, 2, 1e13]}));
        assert_eq!(
            codes(check(2, &huge, XBAR, zone, now())),
            vec![("subgroups[2].values".into(), "impossible_value")]
        );
    }
}
