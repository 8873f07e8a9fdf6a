//! A characteristic's control chart as SVG in the reader's language: `tashil_spc::svg` draws,
//! this gives it its words, its digits and its direction (time runs right to left in a
//! Persian page).

use tashil_spc::ChartKind;
use tashil_spc::svg::{ChartData, ChartLabels, Layout, render};

use super::chart::ChartSeries;
use super::view::figure;
use crate::web::PageCtx;

/// How many dates stand under the time axis.
const TICKS: usize = 5;

/// The chart of `series`, titled `title`, as the page's markup.
pub(super) fn svg(page: &PageCtx, title: &str, series: &ChartSeries) -> String {
    let kind = kind_key(series.kind);
    let primary = page.t(&format!("quality-svg-primary-{kind}"));
    let secondary = page.t(&format!("quality-svg-secondary-{kind}"));
    let (centre, ucl, lcl) = (
        page.t("quality-svg-centre"),
        page.t("quality-svg-ucl"),
        page.t("quality-svg-lcl"),
    );
    let (usl, lsl) = (page.t("quality-svg-usl"), page.t("quality-svg-lsl"));
    let (value, rules) = (page.t("quality-svg-value"), page.t("quality-flags"));
    let (separator, empty) = (page.t("quality-svg-separator"), page.t("quality-svg-empty"));
    let rule_name =
        |r: tashil_spc::Rule| page.t(&format!("quality-rule-{}", r.code().replace('_', "-")));
    let at = &series.measured_at;
    let point_name = |i: usize| match at.get(i) {
        Some(t) => {
            let local = t.with_timezone(&series.zone).format("%H:%M").to_string();
            format!("{} {}", page.date(t), page.digits(&local))
        }
        None => String::new(),
    };
    let number = |x: f64| page.digits(&figure(x));
    let ticks = ticks(at.len())
        .into_iter()
        .map(|i| (i, page.date(&at[i])))
        .collect::<Vec<_>>();
    let e = &series.evaluation;
    let data = ChartData {
        kind: series.kind,
        points: &e.plotted,
        violations: &e.violations,
        secondary_violations: &e.secondary_violations,
        lsl: series.lower_spec,
        usl: series.upper_spec,
        ticks: &ticks,
    };
    let labels = ChartLabels {
        title,
        primary: &primary,
        secondary: &secondary,
        centre: &centre,
        ucl: &ucl,
        lcl: &lcl,
        usl: &usl,
        lsl: &lsl,
        value: &value,
        rules: &rules,
        separator: &separator,
        empty: &empty,
        rule_name: &rule_name,
        point_name: &point_name,
        number: &number,
    };
    let layout = if page.is_rtl() {
        Layout::rtl()
    } else {
        Layout::default()
    };
    render(&data, &labels, &layout)
}

/// The message-key part naming a chart kind.
fn kind_key(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::XbarR => "xbar-r",
        ChartKind::XbarS => "xbar-s",
        ChartKind::IndividualsMovingRange => "i-mr",
        ChartKind::P => "p",
        ChartKind::Np => "np",
        ChartKind::C => "c",
        ChartKind::U => "u",
    }
}

/// Up to [`TICKS`] subgroup indices spread evenly from the first to the last.
fn ticks(n: usize) -> Vec<usize> {
    match n {
        0 => vec![],
        1 => vec![0],
        _ => {
            let k = TICKS.min(n);
            let mut v: Vec<usize> = (0..k).map(|j| j * (n - 1) / (k - 1)).collect();
            v.dedup();
            v
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ticks_spread_from_the_first_subgroup_to_the_last() {
        assert!(super::ticks(0).is_empty());
        assert_eq!(super::ticks(1), vec![0]);
        assert_eq!(super::ticks(3), vec![0, 1, 2]);
        assert_eq!(super::ticks(10_000), vec![0, 2499, 4999, 7499, 9999]);
    }
}
