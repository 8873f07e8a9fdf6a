//! Uploads of subgroups: the batch id of a file (its SHA-256, so the same file sent again is
//! the same batch), and the CSV template a unit fills in: a row for each of its
//! characteristics, named, with an instant to overwrite and only the columns its charts take.

use chrono::{DateTime, Timelike, Utc};
use sea_orm::{DatabaseConnection, QueryOrder, QuerySelect};
use sha2::{Digest, Sha256};

use super::entity::characteristic;
use super::error::QualityError;
use crate::access::Actor;
use crate::access::quality as rules;

pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}

/// The most characteristics a template names (a unit has tens).
const TEMPLATE_MAX: u64 = 1_000;

/// The template of the actor's unit (a unit's user only), as CSV with a BOM so a spreadsheet
/// reads its Persian or Vietnamese as UTF-8.
pub async fn template(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, QualityError> {
    rules::authorize_manage(actor)?;
    let scope = rules::scope(actor)?;
    let rows: Vec<(String, String, String)> = super::query::characteristics(&scope)
        .select_only()
        .columns([
            characteristic::Column::Code,
            characteristic::Column::ChartKind,
            characteristic::Column::ProvinceCode,
        ])
        .order_by_asc(characteristic::Column::Code)
        .limit(TEMPLATE_MAX)
        .into_tuple()
        .all(db)
        .await?;
    let (headers, lines) = template_rows(&rows, now);
    Ok(tashil_sheets::write_csv(&headers, &lines))
}

/// The columns the charts of `chars` (code, chart, province) take, and a row for each: its
/// code and the hour begun in its province, written as local time as the upload reads it.
fn template_rows(
    chars: &[(String, String, String)],
    now: DateTime<Utc>,
) -> (Vec<String>, Vec<Vec<String>>) {
    let takes = |charts: &[&str]| chars.iter().any(|(_, c, _)| charts.contains(&c.as_str()));
    let mut headers = vec!["characteristic", "measured_at"];
    if chars.is_empty() || takes(&["xbar_r", "xbar_s", "individuals_moving_range"]) {
        headers.push("values");
    }
    if takes(&["p", "np"]) {
        headers.extend(["defective", "inspected"]);
    }
    if takes(&["c", "u"]) {
        headers.extend(["defects", "units"]);
    }
    let lines = chars
        .iter()
        .map(|(code, _, province)| {
            let local = now.with_timezone(&crate::kernel::clock::zone(province));
            let hour = local.with_minute(0).and_then(|t| t.with_second(0));
            let mut line = vec![
                code.clone(),
                hour.unwrap_or(local).format("%Y-%m-%dT%H:%M").to_string(),
            ];
            line.resize(headers.len(), String::new());
            line
        })
        .collect();
    (headers.into_iter().map(str::to_owned).collect(), lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str, chart: &str) -> (String, String, String) {
        (code.into(), chart.into(), "IR-28".into())
    }

    #[test]
    fn a_template_takes_the_columns_of_the_units_charts_only() {
        let now = "2026-12-07T08:40:00Z".parse().unwrap();
        let (h, rows) = template_rows(&[c("thickness", "xbar_r"), c("cracks", "c")], now);
        assert_eq!(
            h,
            [
                "characteristic",
                "measured_at",
                "values",
                "defects",
                "units"
            ]
        );
        // 08:40 UTC is 12:10 in Qazvin (UTC+3:30): the hour begun there.
        assert_eq!(rows[0], ["thickness", "2026-12-07T12:00", "", "", ""]);
        assert_eq!(rows[1][0], "cracks");
        let (h, _) = template_rows(&[c("leaks", "np")], now);
        assert_eq!(
            h,
            ["characteristic", "measured_at", "defective", "inspected"]
        );
        let (h, rows) = template_rows(&[], now);
        assert_eq!(h, ["characteristic", "measured_at", "values"]);
        assert!(rows.is_empty());
    }
}
