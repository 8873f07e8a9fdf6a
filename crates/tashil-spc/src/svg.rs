//! Server-drawn SVG control charts: one panel for p, np, c and u charts, two (location
//! above, dispersion below) for X̄-R, X̄-S and I-MR. Pure: no I/O and no message lookups —
//! every word drawn comes from the caller's [`ChartLabels`], every number through its
//! formatter (so a Persian page shows Persian digits), and all of it is XML-escaped.
//!
//! - The limits are those each point was judged against ([`ChartPoint`]'s centre, LCL and
//!   UCL): constant limits are one line, limits that vary (p and u charts with varying
//!   sample sizes, or limits recomputed mid-series) are drawn as steps.
//! - Points are joined by one path (broken at non-finite values). Past about two subgroups
//!   per unit of width the line is decimated by column (first, lowest, highest and last
//!   point of each column, so spikes survive); flagged points are never decimated.
//! - A point named by a violation is drawn as a diamond (a point beyond the limits as a
//!   filled one) instead of a dot, in a group that is focusable (`tabindex="0"`,
//!   `role="img"`) whose `<title>` (its accessible name, and the browser's tooltip) names
//!   the subgroup, its value and the rules, with a hidden `spc-tip` text the page's CSS
//!   shows on focus (`.spc-flag:focus .spc-tip { visibility: visible }`).
//! - Right to left ([`Direction::Rtl`]): the time axis runs from right to left and the y
//!   axis stands on the right; the root carries `direction="rtl"` so start/end anchors
//!   follow.
//! - Only a `viewBox` (no width or height): the page sizes it (`inline-size: 100%`). No
//!   scripts, no inline styles: classes (`spc-…`) the page's CSS themes, and presentation
//!   attributes as plain defaults any CSS rule overrides.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::chart::{ChartKind, ChartPoint, Plotted};
use crate::rules::{Rule, Violation};

/// Which way time runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// Every word the chart draws, in the page's language, and how numbers are written.
pub struct ChartLabels<'a> {
    /// The chart's accessible name (the characteristic, say).
    pub title: &'a str,
    /// Names of the panels: X̄, I, p, … and R, S, MR.
    pub primary: &'a str,
    pub secondary: &'a str,
    pub centre: &'a str,
    pub ucl: &'a str,
    pub lcl: &'a str,
    pub usl: &'a str,
    pub lsl: &'a str,
    /// Before a flagged point's value ("value").
    pub value: &'a str,
    /// Before a flagged point's rules ("rules").
    pub rules: &'a str,
    /// Between items of a list (", " or "، ").
    pub separator: &'a str,
    /// Shown when there is nothing to plot.
    pub empty: &'a str,
    /// The name of a rule.
    pub rule_name: &'a dyn Fn(Rule) -> String,
    /// The name of the subgroup at an index (its date and time, its number).
    pub point_name: &'a dyn Fn(usize) -> String,
    /// A number as the page writes it.
    pub number: &'a dyn Fn(f64) -> String,
}

/// What to draw.
pub struct ChartData<'a> {
    pub kind: ChartKind,
    /// Every subgroup in time order, plotted against the limits it was judged by.
    pub points: &'a [Plotted],
    /// Violations on the primary and on the dispersion chart, by subgroup index.
    pub violations: &'a [Violation],
    pub secondary_violations: &'a [Violation],
    /// Specification limits, drawn on the primary chart of measured characteristics.
    pub lsl: Option<f64>,
    pub usl: Option<f64>,
    /// Labels under the time axis at subgroup indices (dates formatted by the caller).
    pub ticks: &'a [(usize, String)],
}

/// Size and direction. Units are those of the `viewBox`: the default width suits a phone
/// (390 px) at the scale of one and scales up on wider pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub direction: Direction,
    pub width: f64,
    pub primary_height: f64,
    pub secondary_height: f64,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            direction: Direction::Ltr,
            width: 390.0,
            primary_height: 190.0,
            secondary_height: 120.0,
        }
    }
}

impl Layout {
    pub fn rtl() -> Layout {
        Layout {
            direction: Direction::Rtl,
            ..Layout::default()
        }
    }
}

/// Room for the y axis' numbers (logical start side).
const AXIS: f64 = 44.0;
/// Room after the plot (logical end side); the line labels are inside the plot.
const LINE_LABELS: f64 = 8.0;
const TOP: f64 = 16.0;
const GAP: f64 = 14.0;
const X_AXIS: f64 = 22.0;
/// Unflagged points get a dot only while there is room for one (units of width per point).
const DOT_SPACING: f64 = 6.0;
/// The height of a line of a point's tip, in the chart's units (its text is about 11 px).
const TIP_LINE: f64 = 13.0;
/// Above this many points per unit of width the line is decimated by column.
const POINTS_PER_UNIT: f64 = 2.0;

/// Whether the chart has a dispersion panel.
pub fn has_dispersion(kind: ChartKind) -> bool {
    matches!(
        kind,
        ChartKind::XbarR | ChartKind::XbarS | ChartKind::IndividualsMovingRange
    )
}

/// XML-escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids (other controls) are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// A coordinate with one decimal (what a screen can show).
fn num(out: &mut String, v: f64) {
    let r = (v * 10.0).round() / 10.0;
    // `-0.0` and whole numbers written short.
    if r == r.trunc() {
        let _ = write!(out, "{}", r as i64);
    } else {
        let _ = write!(out, "{r:.1}");
    }
}

/// The horizontal geometry: subgroup index → x, mirrored in right-to-left.
struct XAxis {
    start: f64,
    end: f64,
    count: usize,
    width: f64,
    rtl: bool,
}

impl XAxis {
    fn step(&self) -> f64 {
        (self.end - self.start) / self.count.max(1) as f64
    }

    /// Logical x (left to right) of the centre of subgroup `i`.
    fn logical(&self, i: usize) -> f64 {
        self.start + self.step() * (i as f64 + 0.5)
    }

    fn mirror(&self, x: f64) -> f64 {
        if self.rtl { self.width - x } else { x }
    }

    fn at(&self, i: usize) -> f64 {
        self.mirror(self.logical(i))
    }
}

/// The vertical geometry of one panel.
struct YAxis {
    top: f64,
    bottom: f64,
    min: f64,
    max: f64,
}

impl YAxis {
    fn at(&self, v: f64) -> f64 {
        self.bottom - (v - self.min) / (self.max - self.min) * (self.bottom - self.top)
    }

    fn fit(top: f64, bottom: f64, values: impl Iterator<Item = f64>) -> YAxis {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.filter(|v| v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        if !min.is_finite() {
            (min, max) = (0.0, 1.0);
        } else if max - min <= f64::EPSILON * max.abs().max(1.0) {
            let pad = (max.abs() * 0.1).max(1.0);
            (min, max) = (min - pad, max + pad);
        } else {
            let pad = (max - min) * 0.06;
            (min, max) = (min - pad, max + pad);
        }
        YAxis {
            top,
            bottom,
            min,
            max,
        }
    }

    /// About four round values inside the panel (1, 2 or 5 times a power of ten apart).
    fn ticks(&self) -> Vec<f64> {
        let span = self.max - self.min;
        let raw = span / 4.0;
        let power = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * power);
        if !step.is_finite() || step <= 0.0 {
            return Vec::new();
        }
        let mut v = (self.min / step).ceil() * step;
        let mut out = Vec::new();
        while v <= self.max && out.len() < 12 {
            // Snap away the float dust (0.30000000000000004).
            out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
            v += step;
        }
        out
    }
}

/// One panel's series: the chart point of each subgroup that has one.
struct Series<'p> {
    points: Vec<(usize, &'p ChartPoint)>,
    flags: BTreeMap<usize, Vec<Rule>>,
}

impl<'p> Series<'p> {
    fn new(points: Vec<(usize, &'p ChartPoint)>, violations: &[Violation]) -> Series<'p> {
        let mut flags: BTreeMap<usize, Vec<Rule>> = BTreeMap::new();
        for v in violations {
            flags.entry(v.point).or_default().push(v.rule);
        }
        for rules in flags.values_mut() {
            rules.sort();
            rules.dedup();
        }
        Series { points, flags }
    }
}

/// Renders the chart as one `<svg>` element.
pub fn render(data: &ChartData, labels: &ChartLabels, layout: &Layout) -> String {
    let two = has_dispersion(data.kind);
    let rtl = layout.direction == Direction::Rtl;
    let width = layout.width.max(AXIS + LINE_LABELS + 40.0);
    let primary_bottom = TOP + layout.primary_height;
    let height = if two {
        primary_bottom + GAP + layout.secondary_height + X_AXIS
    } else {
        primary_bottom + X_AXIS
    };
    let x = XAxis {
        start: AXIS,
        end: width - LINE_LABELS,
        count: data.points.len(),
        width,
        rtl,
    };

    let mut out = String::with_capacity(16 * 1024);
    out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" class="spc-chart" viewBox="0 0 "#);
    num(&mut out, width);
    out.push(' ');
    num(&mut out, height);
    out.push_str(r#"" preserveAspectRatio="xMidYMid meet" role="group" font-size="10""#);
    // Always said: an SVG inside a right-to-left page inherits its direction otherwise.
    out.push_str(if rtl {
        r#" direction="rtl""#
    } else {
        r#" direction="ltr""#
    });
    out.push_str(r#" aria-label=""#);
    escape_into(&mut out, labels.title);
    out.push_str(r#""><title>"#);
    escape_into(&mut out, labels.title);
    out.push_str("</title>");

    if data.points.is_empty() {
        out.push_str(r#"<text class="spc-empty" text-anchor="middle" x=""#);
        num(&mut out, width / 2.0);
        out.push_str(r#"" y=""#);
        num(&mut out, height / 2.0);
        out.push_str(r#"">"#);
        escape_into(&mut out, labels.empty);
        out.push_str("</text></svg>");
        return out;
    }

    let primary = Series::new(
        data.points
            .iter()
            .enumerate()
            .map(|(i, p)| (i, &p.primary))
            .collect(),
        data.violations,
    );
    let spec = if matches!(
        data.kind,
        ChartKind::XbarR | ChartKind::XbarS | ChartKind::IndividualsMovingRange
    ) {
        (data.lsl, data.usl)
    } else {
        (None, None)
    };
    panel(
        &mut out,
        &x,
        TOP,
        primary_bottom,
        &primary,
        spec,
        labels.primary,
        labels,
        "spc-primary",
    );
    let axis_top = if two {
        let secondary = Series::new(
            data.points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.secondary.as_ref().map(|s| (i, s)))
                .collect(),
            data.secondary_violations,
        );
        let top = primary_bottom + GAP;
        let bottom = top + layout.secondary_height;
        panel(
            &mut out,
            &x,
            top,
            bottom,
            &secondary,
            (None, None),
            labels.secondary,
            labels,
            "spc-secondary",
        );
        bottom
    } else {
        primary_bottom
    };
    time_axis(&mut out, &x, axis_top, data.ticks);
    out.push_str("</svg>");
    out
}

#[allow(clippy::too_many_arguments)]
fn panel(
    out: &mut String,
    x: &XAxis,
    top: f64,
    bottom: f64,
    series: &Series,
    spec: (Option<f64>, Option<f64>),
    name: &str,
    labels: &ChartLabels,
    class: &str,
) {
    let y = YAxis::fit(
        top,
        bottom,
        series
            .points
            .iter()
            .flat_map(|(_, p)| [p.value, p.lcl, p.ucl, p.centre])
            .chain([spec.0, spec.1].into_iter().flatten()),
    );
    let _ = write!(out, r#"<g class="spc-panel {class}">"#);

    // Frame, y axis and its numbers (logical start side).
    let axis_x = x.mirror(x.start);
    out.push_str(
        r#"<path class="spc-axis" fill="none" stroke="currentColor" stroke-width="0.5" d="M"#,
    );
    num(out, axis_x);
    out.push(' ');
    num(out, top);
    out.push_str(" V");
    num(out, bottom);
    out.push_str(" H");
    num(out, x.mirror(x.end));
    out.push_str(r#""/>"#);
    for t in y.ticks() {
        let ty = y.at(t);
        out.push_str(
            r#"<text class="spc-y-label" text-anchor="end" dominant-baseline="middle" x=""#,
        );
        num(out, x.mirror(x.start - 4.0));
        out.push_str(r#"" y=""#);
        num(out, ty);
        out.push_str(r#"">"#);
        escape_into(out, &(labels.number)(t));
        out.push_str("</text>");
    }
    // The panel's name, above its start corner.
    out.push_str(r#"<text class="spc-panel-name" text-anchor="start" x=""#);
    num(out, x.mirror(x.start + 2.0));
    out.push_str(r#"" y=""#);
    num(out, top - 4.0);
    out.push_str(r#"">"#);
    escape_into(out, name);
    out.push_str("</text>");

    // Specification limits, then control limits and centre line.
    for (value, label) in [(spec.0, labels.lsl), (spec.1, labels.usl)] {
        if let Some(v) = value.filter(|v| v.is_finite()) {
            let steps = [(0usize, x.count, v)];
            limit_line(out, x, &y, &steps, "spc-spec", label, Some(v), labels);
        }
    }
    type Pick = fn(&ChartPoint) -> f64;
    type Widest = fn(f64, f64) -> f64;
    let limits: [(Pick, Widest, &str, &str); 3] = [
        (|p| p.ucl, f64::max, "spc-ucl", labels.ucl),
        (|p| p.centre, |a, _| a, "spc-centre", labels.centre),
        (|p| p.lcl, f64::min, "spc-lcl", labels.lcl),
    ];
    for (pick, widest, class, label) in limits {
        let steps = steps_of(series, x, pick, widest);
        if steps.is_empty() {
            continue;
        }
        let constant = steps.windows(2).all(|w| w[0].2 == w[1].2);
        let last = steps[steps.len() - 1].2;
        limit_line(
            out,
            x,
            &y,
            &steps,
            class,
            label,
            constant.then_some(last),
            labels,
        );
    }

    line(out, x, &y, series);
    dots(out, x, &y, series, labels);
    out.push_str("</g>");
}

/// Runs of equal limit values: (first index, one past the last, value). Non-finite limits
/// leave a gap. Past two subgroups per unit of width, the runs of one column are merged by
/// `widest` (the highest UCL, the lowest LCL), so the envelope drawn is never narrower than
/// a point's own limits.
fn steps_of(
    series: &Series,
    x: &XAxis,
    pick: fn(&ChartPoint) -> f64,
    widest: fn(f64, f64) -> f64,
) -> Vec<(usize, usize, f64)> {
    let mut steps: Vec<(usize, usize, f64)> = Vec::new();
    for &(i, p) in &series.points {
        let v = pick(p);
        if !v.is_finite() {
            continue;
        }
        match steps.last_mut() {
            Some(last) if last.2 == v && last.1 == i => last.1 = i + 1,
            _ => steps.push((i, i + 1, v)),
        }
    }
    let columns = (x.end - x.start).max(1.0);
    if steps.len() as f64 <= columns * POINTS_PER_UNIT {
        return steps;
    }
    let per_column = x.count as f64 / columns;
    let mut merged: Vec<(usize, usize, f64)> = Vec::new();
    let mut column = usize::MAX;
    for (s, e, v) in steps {
        let c = (s as f64 / per_column) as usize;
        match merged.last_mut() {
            Some(last) if c == column && last.1 == s => {
                last.2 = widest(last.2, v);
                last.1 = e;
            }
            _ => {
                column = c;
                merged.push((s, e, v));
            }
        }
    }
    merged
}

/// A horizontal line, stepped where the value changes, with its label just above its
/// logical end inside the plot (and its value when constant).
#[allow(clippy::too_many_arguments)]
fn limit_line(
    out: &mut String,
    x: &XAxis,
    y: &YAxis,
    steps: &[(usize, usize, f64)],
    class: &str,
    label: &str,
    value: Option<f64>,
    labels: &ChartLabels,
) {
    let half = x.step() / 2.0;
    let _ = write!(
        out,
        r#"<path class="spc-line {class}" fill="none" stroke="currentColor" stroke-width="0.8" d=""#
    );
    let mut previous_end = usize::MAX;
    for &(s, e, v) in steps {
        let yv = y.at(v);
        if s == previous_end {
            out.push_str(" V");
            num(out, yv);
        } else {
            out.push_str(if previous_end == usize::MAX {
                "M"
            } else {
                " M"
            });
            num(out, x.at(s) - if x.rtl { -half } else { half });
            out.push(' ');
            num(out, yv);
        }
        out.push_str(" H");
        num(out, x.at(e - 1) + if x.rtl { -half } else { half });
        previous_end = e;
    }
    out.push_str(r#""/>"#);
    let last = steps[steps.len() - 1].2;
    out.push_str(r#"<text class="spc-line-label "#);
    out.push_str(class);
    out.push_str(r#"-label" text-anchor="end" x=""#);
    num(out, x.mirror(x.end - 2.0));
    out.push_str(r#"" y=""#);
    num(out, y.at(last) - 2.0);
    out.push_str(r#"">"#);
    escape_into(out, label);
    if let Some(v) = value {
        out.push(' ');
        escape_into(out, &(labels.number)(v));
    }
    out.push_str("</text>");
}

/// The points joined, broken at non-finite values, decimated by column when dense.
fn line(out: &mut String, x: &XAxis, y: &YAxis, series: &Series) {
    let columns = (x.end - x.start).max(1.0);
    let dense = series.points.len() as f64 > columns * POINTS_PER_UNIT;
    let mut drawn: Vec<(usize, f64)> = Vec::new();
    if !dense {
        drawn.extend(series.points.iter().map(|&(i, p)| (i, p.value)));
    } else {
        // First, lowest, highest and last finite point of each column, in index order.
        let per_column = x.count as f64 / columns;
        let mut bucket: Vec<(usize, f64)> = Vec::new();
        let mut column = usize::MAX;
        let flush = |bucket: &mut Vec<(usize, f64)>, drawn: &mut Vec<(usize, f64)>| {
            if bucket.is_empty() {
                return;
            }
            let first = bucket[0];
            let last = bucket[bucket.len() - 1];
            let finite = bucket.iter().filter(|(_, v)| v.is_finite());
            let lo = finite.clone().min_by(|a, b| a.1.total_cmp(&b.1));
            let hi = finite.max_by(|a, b| a.1.total_cmp(&b.1));
            let mut keep: Vec<(usize, f64)> = [Some(first), lo.copied(), hi.copied(), Some(last)]
                .into_iter()
                .flatten()
                .collect();
            // A gap inside the column stays a gap.
            if let Some(&gap) = bucket.iter().find(|(_, v)| !v.is_finite()) {
                keep.push(gap);
            }
            keep.sort_by_key(|(i, _)| *i);
            keep.dedup_by_key(|(i, _)| *i);
            drawn.extend(keep);
            bucket.clear();
        };
        for &(i, p) in &series.points {
            let c = (i as f64 / per_column) as usize;
            if c != column {
                flush(&mut bucket, &mut drawn);
                column = c;
            }
            bucket.push((i, p.value));
        }
        flush(&mut bucket, &mut drawn);
    }
    out.push_str(r#"<path class="spc-series" fill="none" stroke="currentColor" stroke-width="1" stroke-linejoin="round" d=""#);
    let mut pen_down = false;
    let mut drawn_any = false;
    let mut previous: Option<usize> = None;
    for (i, v) in drawn {
        // A missing subgroup (the first MR) or a non-finite value breaks the line.
        let adjacent = previous.is_some_and(|p| dense || p + 1 == i);
        if !v.is_finite() {
            pen_down = false;
            previous = Some(i);
            continue;
        }
        out.push_str(match (pen_down && adjacent, drawn_any) {
            (true, _) => " L",
            (false, true) => " M",
            (false, false) => "M",
        });
        drawn_any = true;
        num(out, x.at(i));
        out.push(' ');
        num(out, y.at(v));
        pen_down = true;
        previous = Some(i);
    }
    out.push_str(r#""/>"#);
}

/// Dots for unflagged points while there is room, and a focusable diamond for every
/// flagged one.
fn dots(out: &mut String, x: &XAxis, y: &YAxis, series: &Series, labels: &ChartLabels) {
    if x.step() >= DOT_SPACING {
        out.push_str(r#"<g class="spc-points">"#);
        for &(i, p) in &series.points {
            if series.flags.contains_key(&i) || !p.value.is_finite() {
                continue;
            }
            out.push_str(r#"<circle class="spc-point" r="2" cx=""#);
            num(out, x.at(i));
            out.push_str(r#"" cy=""#);
            num(out, y.at(p.value));
            out.push_str(r#""/>"#);
        }
        out.push_str("</g>");
    }
    let by_index: BTreeMap<usize, &ChartPoint> =
        series.points.iter().map(|&(i, p)| (i, p)).collect();
    for (&i, rules) in &series.flags {
        let Some(p) = by_index.get(&i) else { continue };
        if !p.value.is_finite() {
            continue;
        }
        let (cx, cy) = (x.at(i), y.at(p.value));
        let mut text = String::new();
        text.push_str(&(labels.point_name)(i));
        text.push_str(labels.separator);
        text.push_str(labels.value);
        text.push(' ');
        text.push_str(&(labels.number)(p.value));
        text.push_str(labels.separator);
        text.push_str(labels.rules);
        text.push(' ');
        for (k, r) in rules.iter().enumerate() {
            if k > 0 {
                text.push_str(labels.separator);
            }
            text.push_str(&(labels.rule_name)(*r));
        }
        let beyond = if p.beyond_limits() { " spc-beyond" } else { "" };
        let _ = write!(
            out,
            r#"<g class="spc-flag{beyond}" tabindex="0" role="img" data-index="{i}"><title>"#
        );
        escape_into(out, &text);
        out.push_str(r#"</title><path class="spc-flag-mark" stroke="currentColor" d="M"#);
        num(out, cx);
        out.push(' ');
        num(out, cy - 5.0);
        out.push_str(" l5 5 l-5 5 l-5 -5 Z");
        out.push_str(r#"" fill=""#);
        out.push_str(if beyond.is_empty() {
            "none"
        } else {
            "currentColor"
        });
        out.push_str(r#""/>"#);
        // The tip the page shows on focus: from the point towards the middle of the chart
        // (rightwards from a point in the left half), so it runs off neither edge first.
        let rightwards = cx < x.width / 2.0;
        // Under `direction="rtl"` start and end swap sides.
        let anchor = if rightwards != x.rtl { "start" } else { "end" };
        // A line each (the point, its value, each rule), so a tip is never wider than its
        // longest part: one line ran off a phone's narrow chart.
        let mut lines = vec![(labels.point_name)(i)];
        lines.push(format!("{} {}", labels.value, (labels.number)(p.value)));
        lines.extend(rules.iter().map(|r| (labels.rule_name)(*r)));
        let first = (cy - 8.0 - TIP_LINE * (lines.len() - 1) as f64).max(y.top + 8.0);
        let _ = write!(
            out,
            r#"<text class="spc-tip" visibility="hidden" text-anchor="{anchor}" x=""#
        );
        num(out, cx);
        out.push_str(r#"" y=""#);
        num(out, first);
        out.push_str(r#"">"#);
        for (k, line) in lines.iter().enumerate() {
            out.push_str(r#"<tspan x=""#);
            num(out, cx);
            out.push_str(r#"" y=""#);
            num(out, first + TIP_LINE * k as f64);
            out.push_str(r#"">"#);
            escape_into(out, line);
            out.push_str("</tspan>");
        }
        out.push_str("</text></g>");
    }
}

/// Tick marks and the caller's labels under the last panel.
fn time_axis(out: &mut String, x: &XAxis, top: f64, ticks: &[(usize, String)]) {
    out.push_str(r#"<g class="spc-x-axis">"#);
    for (i, label) in ticks {
        if *i >= x.count {
            continue;
        }
        let tx = x.at(*i);
        out.push_str(r#"<path class="spc-tick" stroke="currentColor" d="M"#);
        num(out, tx);
        out.push(' ');
        num(out, top);
        out.push_str(r#" v3"/><text class="spc-x-label" text-anchor="middle" x=""#);
        num(out, tx);
        out.push_str(r#"" y=""#);
        num(out, top + 13.0);
        out.push_str(r#"">"#);
        escape_into(out, label);
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{FrozenLimits, Subgroup};
    use crate::rules::{RuleSet, check};

    fn rule_name(r: Rule) -> String {
        format!("rule {}", r.code())
    }

    fn point_name(i: usize) -> String {
        format!("#{}", i + 1)
    }

    fn number(v: f64) -> String {
        format!("{v:.3}")
    }

    fn persian(v: f64) -> String {
        format!("{v:.2}")
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).unwrap(),
                None if c == '.' => '٫',
                None => c,
            })
            .collect()
    }

    fn labels() -> ChartLabels<'static> {
        ChartLabels {
            title: "Diameter",
            primary: "X̄",
            secondary: "R",
            centre: "CL",
            ucl: "UCL",
            lcl: "LCL",
            usl: "USL",
            lsl: "LSL",
            value: "value",
            rules: "rules",
            separator: "; ",
            empty: "No subgroups yet",
            rule_name: &rule_name,
            point_name: &point_name,
            number: &number,
        }
    }

    /// Subgroups of each kind, the last one far out.
    fn series(kind: ChartKind) -> Vec<Subgroup> {
        let wobble = |i: usize| ((i * 7) % 5) as f64 * 0.1;
        (0..20)
            .map(|i| {
                let out = i == 19;
                match kind {
                    ChartKind::XbarR | ChartKind::XbarS => {
                        let shift = if out { 5.0 } else { 0.0 };
                        Subgroup::measured(&[
                            10.0 + wobble(i) + shift,
                            10.2 - wobble(i) + shift,
                            9.9 + shift,
                            10.1 + shift,
                        ])
                    }
                    ChartKind::IndividualsMovingRange => {
                        Subgroup::individual(10.0 + wobble(i) + if out { 9.0 } else { 0.0 })
                    }
                    ChartKind::P => Subgroup::defectives(
                        if out { 40 } else { 3 + (i as u64 % 3) },
                        50 + 10 * (i as u64 % 4),
                    ),
                    ChartKind::Np => {
                        Subgroup::defectives(if out { 40 } else { 3 + (i as u64 % 3) }, 50)
                    }
                    ChartKind::C => {
                        Subgroup::defects(if out { 40 } else { 4 + (i as u64 % 3) }, 1.0)
                    }
                    ChartKind::U => Subgroup::defects(
                        if out { 90 } else { 4 + (i as u64 % 3) },
                        1.0 + (i % 3) as f64,
                    ),
                }
            })
            .collect()
    }

    fn draw(kind: ChartKind, layout: &Layout) -> String {
        let subgroups = series(kind);
        let limits = FrozenLimits::estimate(kind, &subgroups[..15]).unwrap();
        let plotted = limits.plot_series(&subgroups).unwrap();
        let primary: Vec<ChartPoint> = plotted.iter().map(|p| p.primary).collect();
        let violations = check(&primary, &RuleSet::new(&[Rule::BeyondLimits]));
        let ticks = vec![(0, "1 Dey".to_string()), (10, "11 Dey".to_string())];
        render(
            &ChartData {
                kind,
                points: &plotted,
                violations: &violations,
                secondary_violations: &[],
                lsl: Some(9.0),
                usl: Some(11.0),
                ticks: &ticks,
            },
            &labels(),
            layout,
        )
    }

    /// The `cx` of every unflagged dot, in subgroup order.
    fn dot_xs(svg: &str) -> Vec<f64> {
        svg.split(r#"<circle class="spc-point" r="2" cx=""#)
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
            .collect()
    }

    fn balanced(svg: &str) {
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{svg}");
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert!(!svg.contains("<script") && !svg.contains("style="), "{svg}");
    }

    #[test]
    fn every_chart_kind_renders_with_one_or_two_panels() {
        for kind in [
            ChartKind::XbarR,
            ChartKind::XbarS,
            ChartKind::IndividualsMovingRange,
            ChartKind::P,
            ChartKind::Np,
            ChartKind::C,
            ChartKind::U,
        ] {
            let svg = draw(kind, &Layout::default());
            balanced(&svg);
            assert_eq!(
                svg.contains("spc-secondary"),
                has_dispersion(kind),
                "{kind:?}"
            );
            assert!(svg.contains(r#"viewBox="0 0 390 "#), "{kind:?}");
            let root = &svg[..svg.find('>').unwrap()];
            assert!(
                !root.contains(" width=") && !root.contains(" height="),
                "{root}"
            );
            for class in ["spc-centre", "spc-ucl", "spc-lcl", "spc-series"] {
                assert!(svg.contains(class), "{kind:?} lacks {class}");
            }
            // The centre line's label carries its value; the far point is flagged.
            assert!(svg.contains(">CL "), "{kind:?}");
            assert!(
                svg.contains(r#"class="spc-flag spc-beyond" tabindex="0""#),
                "{kind:?}"
            );
            assert!(svg.contains(">11 Dey</text>"));
            // Specification limits on measured characteristics only.
            let measured = has_dispersion(kind);
            assert_eq!(svg.contains("spc-spec"), measured, "{kind:?}");
        }
    }

    #[test]
    fn right_to_left_runs_time_from_right_to_left_with_the_axis_on_the_right() {
        let ltr = draw(ChartKind::C, &Layout::default());
        let rtl = draw(ChartKind::C, &Layout::rtl());
        let (l, r) = (dot_xs(&ltr), dot_xs(&rtl));
        assert_eq!(l.len(), 19);
        assert!(l[0] < l[18]);
        assert!(r[0] > r[18], "first {} last {}", r[0], r[18]);
        // Mirror images of each other.
        for (a, b) in l.iter().zip(&r) {
            assert!((a + b - 390.0).abs() < 0.11, "{a} {b}");
        }
        assert!(rtl.contains(r#" direction="rtl""#) && ltr.contains(r#" direction="ltr""#));
        let axis_x = |svg: &str| -> f64 {
            let s = &svg[svg.find(r#"class="spc-axis""#).unwrap()..];
            let s = &s[s.find("d=\"M").unwrap() + 4..];
            s[..s.find(' ').unwrap()].parse().unwrap()
        };
        assert!(axis_x(&ltr) < 195.0);
        assert!(axis_x(&rtl) > 195.0);
    }

    #[test]
    fn flagged_points_are_focusable_and_name_the_value_and_the_rules() {
        let svg = draw(ChartKind::IndividualsMovingRange, &Layout::default());
        let at = svg.find(r#"data-index="19""#).unwrap();
        let group = &svg[svg[..at].rfind("<g ").unwrap()..];
        let group = &group[..group.find("</g>").unwrap()];
        assert!(group.contains(r#"tabindex="0" role="img""#), "{group}");
        let title = &group[group.find("<title>").unwrap() + 7..group.find("</title>").unwrap()];
        assert_eq!(title, "#20; value 19.300; rules rule beyond_limits");
        assert!(title.contains("rule beyond_limits"), "{title}");
        // The last point is on the right: its tip runs leftwards (towards the middle).
        assert!(group.contains(r#"class="spc-tip" visibility="hidden" text-anchor="end""#));
        let rtl = draw(ChartKind::IndividualsMovingRange, &Layout::rtl());
        // Mirrored, it is on the left; under direction="rtl" "end" runs rightwards.
        assert!(rtl.contains(r#"class="spc-tip" visibility="hidden" text-anchor="end""#));
        // A diamond, not a dot.
        assert!(group.contains(" l5 5 l-5 5 l-5 -5 Z"));
        let primary = &svg[..svg.find("spc-secondary").unwrap()];
        assert_eq!(primary.matches(r#"class="spc-point""#).count(), 19);
    }

    #[test]
    fn an_empty_series_says_so() {
        let svg = render(
            &ChartData {
                kind: ChartKind::XbarR,
                points: &[],
                violations: &[],
                secondary_violations: &[],
                lsl: None,
                usl: None,
                ticks: &[(3, "x".into())],
            },
            &labels(),
            &Layout::rtl(),
        );
        balanced(&svg);
        assert!(svg.contains(">No subgroups yet</text>"));
        assert!(!svg.contains("<path"));
    }

    #[test]
    fn non_finite_values_and_limits_are_left_out() {
        let p = |value: f64, ucl: f64| Plotted {
            primary: ChartPoint {
                value,
                centre: 1.0,
                sigma: 0.5,
                lcl: -0.5,
                ucl,
            },
            secondary: None,
        };
        let points = [
            p(1.0, 2.5),
            p(f64::NAN, 2.5),
            p(f64::INFINITY, f64::NAN),
            p(1.2, f64::INFINITY),
            p(0.8, 2.5),
        ];
        let flags = [
            Violation {
                point: 1,
                rule: Rule::BeyondLimits,
                first: 1,
            },
            Violation {
                point: 4,
                rule: Rule::SixTrending,
                first: 0,
            },
            Violation {
                point: 99,
                rule: Rule::BeyondLimits,
                first: 99,
            },
        ];
        let svg = render(
            &ChartData {
                kind: ChartKind::C,
                points: &points,
                violations: &flags,
                secondary_violations: &[],
                lsl: Some(f64::NAN),
                usl: None,
                ticks: &[(99, "far".into())],
            },
            &labels(),
            &Layout::default(),
        );
        balanced(&svg);
        // The line breaks at the gap: two pieces.
        let series = &svg[svg.find(r#"class="spc-series""#).unwrap()..];
        let d = &series[series.find("d=\"").unwrap() + 3..];
        let d = &d[..d.find('"').unwrap()];
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(svg.matches(r#"tabindex="0""#).count(), 1);
        assert!(!svg.contains(">far<"));
    }

    #[test]
    fn varying_limits_are_drawn_as_steps_and_constant_ones_as_one_line() {
        let svg = draw(ChartKind::P, &Layout::default());
        let path = |class: &str| -> String {
            let s = &svg[svg.find(&format!("spc-line {class}")).unwrap()..];
            let s = &s[s.find("d=\"").unwrap() + 3..];
            s[..s.find('"').unwrap()].to_string()
        };
        // n cycles through 50, 60, 70, 80: a step at every point.
        assert_eq!(path("spc-ucl").matches(" V").count(), 19);
        assert_eq!(path("spc-centre").matches(" V").count(), 0);
        assert_eq!(path("spc-centre").matches(" H").count(), 1);
        // A varying line's label has no single value.
        assert!(svg.contains(">UCL</text>"));
        let np = draw(ChartKind::Np, &Layout::default());
        assert!(np.contains(">UCL "));
    }

    #[test]
    fn every_text_is_escaped() {
        let nasty = r#"<b>&"it's"</b>"#;
        let name = |_: Rule| nasty.to_string();
        let labels = ChartLabels {
            title: nasty,
            centre: nasty,
            rule_name: &name,
            point_name: &|_| nasty.to_string(),
            ..labels()
        };
        let points = [Plotted {
            primary: ChartPoint {
                value: 9.0,
                centre: 1.0,
                sigma: 1.0,
                lcl: 0.0,
                ucl: 4.0,
            },
            secondary: None,
        }];
        let flags = [Violation {
            point: 0,
            rule: Rule::BeyondLimits,
            first: 0,
        }];
        let ticks = [(0, nasty.to_string())];
        let svg = render(
            &ChartData {
                kind: ChartKind::C,
                points: &points,
                violations: &flags,
                secondary_violations: &[],
                lsl: None,
                usl: None,
                ticks: &ticks,
            },
            &labels,
            &Layout::default(),
        );
        balanced(&svg);
        assert!(!svg.contains("<b>") && !svg.contains("it's"), "{svg}");
        let escaped = "&lt;b&gt;&amp;&quot;it&#39;s&quot;&lt;/b&gt;";
        // The chart's title and aria-label, line label, flag title and tip, tick.
        assert!(svg.matches(escaped).count() >= 6, "{svg}");
        assert_eq!(escape("<&\"'>"), "&lt;&amp;&quot;&#39;&gt;");
        assert_eq!(escape("a\u{1}b"), "ab");
    }

    #[test]
    fn numbers_come_from_the_callers_formatter() {
        let labels = ChartLabels {
            number: &persian,
            ..labels()
        };
        let subgroups = series(ChartKind::C);
        let limits = FrozenLimits::estimate(ChartKind::C, &subgroups).unwrap();
        let plotted = limits.plot_series(&subgroups).unwrap();
        let svg = render(
            &ChartData {
                kind: ChartKind::C,
                points: &plotted,
                violations: &[],
                secondary_violations: &[],
                lsl: None,
                usl: None,
                ticks: &[],
            },
            &labels,
            &Layout::rtl(),
        );
        let texts: String = svg
            .split("<text")
            .skip(1)
            .map(|t| &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()])
            .collect();
        assert!(texts.contains('۰') || texts.contains('۵'), "{texts}");
        assert!(!texts.chars().any(|c| c.is_ascii_digit()), "{texts}");
    }

    #[test]
    fn ten_thousand_subgroups_are_decimated_but_every_flag_is_kept() {
        let n: usize = 10_000;
        let points: Vec<Plotted> = (0..n)
            .map(|i| {
                let value =
                    ((i * 7919) % 101) as f64 / 50.0 - 1.0 + if i % 997 == 0 { 9.0 } else { 0.0 };
                let sigma = 1.0 / (1.0 + (i % 4) as f64).sqrt();
                Plotted {
                    primary: ChartPoint {
                        value,
                        centre: 0.0,
                        sigma,
                        lcl: -3.0 * sigma,
                        ucl: 3.0 * sigma,
                    },
                    secondary: None,
                }
            })
            .collect();
        let primary: Vec<ChartPoint> = points.iter().map(|p| p.primary).collect();
        let violations = check(&primary, &RuleSet::new(&[Rule::BeyondLimits]));
        let flagged = violations.len();
        assert_eq!(flagged, n.div_ceil(997));
        let svg = render(
            &ChartData {
                kind: ChartKind::U,
                points: &points,
                violations: &violations,
                secondary_violations: &[],
                lsl: None,
                usl: None,
                ticks: &[],
            },
            &labels(),
            &Layout::default(),
        );
        balanced(&svg);
        assert_eq!(
            svg.matches(r#"class="spc-flag spc-beyond""#).count(),
            flagged
        );
        let series = &svg[svg.find(r#"class="spc-series""#).unwrap()..];
        let d = &series[..series.find("/>").unwrap()];
        let drawn = d.matches(['M', 'L']).count();
        assert!(drawn < n / 5 && drawn > 300, "{drawn}");
        // The spikes survive decimation: the line reaches the flagged values' height.
        assert!(svg.len() < 200_000, "{}", svg.len());
        assert!(!svg.contains("spc-point\""));
        // The UCL envelope is merged by column, as wide as the widest limit.
        let ucl = &svg[svg.find("spc-line spc-ucl").unwrap()..];
        let ucl = &ucl[..ucl.find("/>").unwrap()];
        assert!(
            ucl.matches(" V").count() < 2 * 310,
            "{}",
            ucl.matches(" V").count()
        );
    }
}
