//! Helpers shared by the reference tests.

/// Our value agrees with a printed figure to four significant digits: the interval of
/// half a unit in our fourth significant digit overlaps the interval of half a unit in
/// the last digit the source printed (the true value behind a printed figure lies there).
#[track_caller]
pub fn agrees(ours: f64, printed: &str) {
    let value: f64 = printed.parse().unwrap();
    let decimals = printed.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let printed_half_unit = 0.5 * 10f64.powi(-decimals);
    let ours_half_unit = if ours == 0.0 {
        0.0
    } else {
        0.5 * 10f64.powi(ours.abs().log10().floor() as i32 - 3)
    };
    assert!(
        (ours - value).abs() <= printed_half_unit + ours_half_unit,
        "ours {ours} does not agree with the printed {printed}"
    );
}
