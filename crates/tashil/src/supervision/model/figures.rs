//! The public figures of the ladder per year (issue 21, item 8), free of HTTP and SQL: the
//! measures in force by rung, and the share of advice (advice, written warning) against
//! coercive measures (suspension, revocation), and the chart that shows the share over the
//! years (geometry only; the page draws it as SVG, mirrored on a right-to-left page).

use serde::Serialize;

/// One year's figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct YearFigures {
    /// The year in the country's calendar (Solar Hijri in Iran, Gregorian in Viet Nam).
    pub year: i32,
    /// Inspections made; `None`: no data yet (inspections are not recorded in Tashil yet).
    pub inspections: Option<u64>,
    /// Measures in force by rung, lowest first (advice … revocation).
    pub by_rung: [u64; 5],
    /// Advisory measures ÷ (advisory + coercive); `None` when there is neither.
    pub advice_share: Option<f64>,
}

/// Tallies `(year, rung position)` of the measures in force into years, oldest first.
pub fn tally(measures: impl IntoIterator<Item = (i32, i32)>) -> Vec<YearFigures> {
    let mut years: std::collections::BTreeMap<i32, [u64; 5]> = Default::default();
    for (year, position) in measures {
        if let Some(i) = usize::try_from(position - 1).ok().filter(|i| *i < 5) {
            years.entry(year).or_default()[i] += 1;
        }
    }
    years
        .into_iter()
        .map(|(year, by_rung)| {
            let advisory = by_rung[0] + by_rung[1];
            let coercive = by_rung[3] + by_rung[4];
            YearFigures {
                year,
                inspections: None,
                by_rung,
                advice_share: (advisory + coercive > 0)
                    .then(|| advisory as f64 / (advisory + coercive) as f64),
            }
        })
        .collect()
}

/// One year's bar of the chart: a column split into the advisory share (below) and the
/// coercive share (above), in the chart's units.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub year: i32,
    pub x: u32,
    pub advice_y: u32,
    pub advice_h: u32,
    pub coercive_h: u32,
    pub share: Option<f64>,
}

pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 160;
const BAR: u32 = 28;

/// The columns of `years`, left to right in reading order: oldest first on a left-to-right
/// page, oldest at the right on a right-to-left one. A year with neither kind has no bar.
pub fn columns(years: &[YearFigures], rtl: bool) -> Vec<Column> {
    let n = years.len().max(1) as u32;
    let step = (WIDTH / n).max(BAR + 4);
    years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let slot = if rtl { n - 1 - i as u32 } else { i as u32 };
            let share = y.advice_share;
            let advice_h = share.map_or(0, |s| (s * f64::from(HEIGHT)).round() as u32);
            let coercive_h = if share.is_some() {
                HEIGHT - advice_h
            } else {
                0
            };
            Column {
                year: y.year,
                x: slot * step + (step - BAR) / 2,
                advice_y: HEIGHT - advice_h,
                advice_h,
                coercive_h,
                share,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_tally_rungs_and_the_share_of_advice() {
        let f = tally([
            (1404, 1),
            (1404, 2),
            (1404, 4),
            (1405, 1),
            (1405, 3),
            (1405, 9),
        ]);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].year, 1404);
        assert_eq!(f[0].by_rung, [1, 1, 0, 1, 0]);
        assert_eq!(f[0].advice_share, Some(2.0 / 3.0));
        assert_eq!(f[0].inspections, None);
        // A re-inspection is neither advice nor coercion.
        assert_eq!(f[1].advice_share, Some(1.0));
        assert_eq!(tally([(1405, 3)])[0].advice_share, None);
    }

    #[test]
    fn columns_fill_the_height_and_mirror_on_a_right_to_left_page() {
        let f = tally([(1404, 1), (1404, 5), (1405, 2)]);
        let ltr = columns(&f, false);
        assert_eq!(ltr[0].advice_h + ltr[0].coercive_h, HEIGHT);
        assert_eq!(ltr[0].advice_h, HEIGHT / 2);
        assert_eq!(ltr[1].coercive_h, 0);
        assert!(ltr[0].x < ltr[1].x);
        let rtl = columns(&f, true);
        assert!(rtl[0].x > rtl[1].x, "the oldest year stands at the right");
        assert_eq!(rtl[0].x, ltr[1].x);
    }
}
