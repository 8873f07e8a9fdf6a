//! The SVG chart of 10,000 subgroups (issue 20: a chart page of 10,000 subgroups with p95
//! ≤ 100 ms; the drawing is one part of it and should stay well under 20 ms). Two charts:
//! I-MR (two panels) and p with a different sample size at every subgroup (limits drawn as
//! steps), each with about one point in a hundred flagged. The plotting and the rule check
//! are done once beforehand: the page reads them stored.
//!
//! ```sh
//! cargo bench -p tashil-spc --bench svg_render [-- --runs 200] [--write DIR]
//! ```
//!
//! Prints the median, p95 and largest time per chart as Markdown, and with `--write` the
//! two SVGs (to look at).

use std::time::{Duration, Instant};

use tashil_spc::rules::check;
use tashil_spc::svg::{ChartData, ChartLabels, Layout, render};
use tashil_spc::*;

const SUBGROUPS: usize = 10_000;

/// A pseudo-random walk around 10 (no dependency for it: a linear congruential generator).
fn noise(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    ((*seed >> 11) as f64 / (1u64 << 53) as f64) - 0.5
}

fn individuals() -> Vec<Subgroup> {
    let mut seed = 7;
    (0..SUBGROUPS)
        .map(|i| {
            let shift = if i % 100 == 50 { 4.0 } else { 0.0 };
            Subgroup::individual(10.0 + noise(&mut seed) + shift)
        })
        .collect()
}

fn proportions() -> Vec<Subgroup> {
    let mut seed = 11;
    (0..SUBGROUPS)
        .map(|i| {
            let n = 80 + (i as u64 * 37) % 60;
            let base = (n as f64 * (0.05 + 0.03 * noise(&mut seed))).round() as u64;
            let d = if i % 100 == 50 { n / 3 } else { base };
            Subgroup::defectives(d, n)
        })
        .collect()
}

fn rule_name(r: Rule) -> String {
    r.code().replace('_', " ")
}

fn point_name(i: usize) -> String {
    format!("subgroup {}", i + 1)
}

/// Persian digits, as a Persian page writes them.
fn persian(v: f64) -> String {
    format!("{v:.3}")
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
            None if c == '.' => '٫',
            None => c,
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runs: usize = value("--runs").and_then(|r| r.parse().ok()).unwrap_or(100);
    let write = value("--write");

    let labels = ChartLabels {
        title: "قطر محور",
        primary: "I",
        secondary: "MR",
        centre: "CL",
        ucl: "UCL",
        lcl: "LCL",
        usl: "USL",
        lsl: "LSL",
        value: "مقدار",
        rules: "قاعده‌ها",
        separator: "، ",
        empty: "—",
        rule_name: &rule_name,
        point_name: &point_name,
        number: &persian,
    };
    let ticks: Vec<(usize, String)> = (0..SUBGROUPS)
        .step_by(SUBGROUPS / 5)
        .map(|i| (i, persian(i as f64)))
        .collect();

    println!(
        "| chart ({SUBGROUPS} subgroups, {runs} runs) | flagged | bytes | median | p95 | max |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, kind, subgroups) in [
        (
            "I-MR, right to left",
            ChartKind::IndividualsMovingRange,
            individuals(),
        ),
        ("p, varying n", ChartKind::P, proportions()),
    ] {
        let limits = FrozenLimits::estimate(kind, &subgroups[..25]).expect("baseline");
        let plotted = limits.plot_series(&subgroups).expect("plotted");
        let primary: Vec<ChartPoint> = plotted.iter().map(|p| p.primary).collect();
        let secondary: Vec<ChartPoint> = plotted.iter().filter_map(|p| p.secondary).collect();
        let violations = check(&primary, &RuleSet::new(&[Rule::BeyondLimits]));
        // The dispersion chart's violations by subgroup index (its first point is subgroup 1).
        let secondary_violations: Vec<Violation> =
            check(&secondary, &RuleSet::new(&[Rule::BeyondLimits]))
                .into_iter()
                .map(|v| Violation {
                    point: v.point + 1,
                    first: v.first + 1,
                    rule: v.rule,
                })
                .collect();
        let data = ChartData {
            kind,
            points: &plotted,
            violations: &violations,
            secondary_violations: &secondary_violations,
            lsl: Some(8.0),
            usl: Some(12.0),
            ticks: &ticks,
        };
        let layout = if kind == ChartKind::P {
            Layout::default()
        } else {
            Layout::rtl()
        };
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut bytes = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let svg = render(&data, &labels, &layout);
            times.push(start.elapsed());
            bytes = std::hint::black_box(svg).len();
        }
        times.sort();
        let at =
            |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
        println!(
            "| {name} | {} | {bytes} | {} | {} | {} |",
            violations.len() + secondary_violations.len(),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(times[times.len() - 1]),
        );
        if let Some(dir) = &write {
            let file = format!(
                "{dir}/{}.svg",
                if kind == ChartKind::P { "p" } else { "imr" }
            );
            std::fs::write(&file, render(&data, &labels, &layout)).expect("written");
        }
    }
}
