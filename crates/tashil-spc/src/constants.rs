//! Control chart constants for subgroups of n = 2..=25.
//!
//! Definitions (ASTM E2587 "Standard Practice for Use of Control Charts in Statistical
//! Process Control", and Montgomery, *Introduction to Statistical Quality Control*,
//! Appendix VI), for n independent standard normal values:
//!
//! - d2(n) = E[W], d3(n) = sd(W), where W is their range;
//! - c4(n) = E[S]/σ = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2), S the sample standard deviation;
//! - A2 = 3/(d2√n), D3 = max(0, 1 − 3d3/d2), D4 = 1 + 3d3/d2;
//! - A3 = 3/(c4√n), B3 = max(0, 1 − 3√(1−c4²)/c4), B4 = 1 + 3√(1−c4²)/c4.
//!
//! c4 and the factors are computed from these definitions. d2 and d3 have no closed form
//! for n > 3 and are tabulated here to nine decimals; the values were computed from their
//! integral definitions (below, re-checked by a test) and agree with the three-decimal
//! tables of ASTM E2587 and Montgomery's Appendix VI. Printed tables round d2 to three
//! decimals (e.g. 2.326 for n = 5); this crate keeps the exact value, so a σ̂ = R̄/d2 may
//! differ from a hand computation in the fifth significant digit.

use serde::{Deserialize, Serialize};

use crate::dist::ln_gamma;

/// The smallest and largest subgroup size with tabulated constants.
pub const MIN_SUBGROUP: usize = 2;
/// See [`MIN_SUBGROUP`].
pub const MAX_SUBGROUP: usize = 25;

const D2: [f64; 24] = [
    std::f64::consts::FRAC_2_SQRT_PI, // d2(2) = 2/√π exactly
    1.692568751,
    2.058750746,
    2.325928947,
    2.534412721,
    2.704356751,
    2.847200612,
    2.970026324,
    3.077505462,
    3.172872704,
    3.258455280,
    3.335980354,
    3.406763108,
    3.471826890,
    3.531982786,
    3.587883962,
    3.640063758,
    3.688963023,
    3.734950120,
    3.778335830,
    3.819384643,
    3.858323423,
    3.895348148,
    3.930629220,
];
const D3: [f64; 24] = [
    0.852502466,
    0.888367995,
    0.879808203,
    0.864081941,
    0.848039686,
    0.833205336,
    0.819831490,
    0.807834275,
    0.797050674,
    0.787314621,
    0.778478341,
    0.770416202,
    0.763023096,
    0.756211430,
    0.749908089,
    0.744051784,
    0.738590853,
    0.733481496,
    0.728686346,
    0.724173341,
    0.719914808,
    0.715886735,
    0.712068175,
    0.708440766,
];

/// The constants for one subgroup size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Constants {
    pub n: usize,
    pub d2: f64,
    pub d3: f64,
    pub c4: f64,
    pub a2: f64,
    pub a3: f64,
    pub b3: f64,
    pub b4: f64,
    pub d3_factor: f64,
    pub d4_factor: f64,
}

/// Constants for subgroups of size n, or `None` outside 2..=25.
pub fn constants(n: usize) -> Option<Constants> {
    if !(MIN_SUBGROUP..=MAX_SUBGROUP).contains(&n) {
        return None;
    }
    let d2 = D2[n - 2];
    let d3 = D3[n - 2];
    let c4 = c4(n);
    let root_n = (n as f64).sqrt();
    let s_spread = 3.0 * (1.0 - c4 * c4).sqrt() / c4;
    Some(Constants {
        n,
        d2,
        d3,
        c4,
        a2: 3.0 / (d2 * root_n),
        a3: 3.0 / (c4 * root_n),
        b3: (1.0 - s_spread).max(0.0),
        b4: 1.0 + s_spread,
        d3_factor: (1.0 - 3.0 * d3 / d2).max(0.0),
        d4_factor: 1.0 + 3.0 * d3 / d2,
    })
}

/// c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2), for any n ≥ 2.
pub fn c4(n: usize) -> f64 {
    let n = n as f64;
    (2.0 / (n - 1.0)).sqrt() * (ln_gamma(n / 2.0) - ln_gamma((n - 1.0) / 2.0)).exp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dist::normal_cdf;

    /// d2(n) = E[range of n standard normals], by Simpson's rule on [-12, 12].
    fn d2_by_integration(n: usize) -> f64 {
        let (a, b, steps) = (-12.0f64, 12.0f64, 4000usize);
        let h = (b - a) / steps as f64;
        let f = |x: f64| {
            let p = normal_cdf(x);
            1.0 - p.powi(n as i32) - (1.0 - p).powi(n as i32)
        };
        let mut sum = f(a) + f(b);
        for i in 1..steps {
            let w = if i % 2 == 1 { 4.0 } else { 2.0 };
            sum += w * f(a + i as f64 * h);
        }
        sum * h / 3.0
    }

    /// d3(n) = standard deviation of that range. E[W²] = 2 ∫∫_{s<t} P(min < s, max > t) ds dt;
    /// with t = s + v the integrand is smooth on the strip v ≥ 0, so Simpson's rule converges fast.
    fn d3_by_integration(n: usize, steps: usize) -> f64 {
        let (a, b, vmax) = (-9.0f64, 9.0f64, 14.0f64);
        let hu = (b - a) / steps as f64;
        let hv = vmax / steps as f64;
        let w = |i: usize| -> f64 {
            if i == 0 || i == steps {
                1.0
            } else if i % 2 == 1 {
                4.0
            } else {
                2.0
            }
        };
        let n = n as i32;
        let mut sum = 0.0;
        for i in 0..=steps {
            let s = a + i as f64 * hu;
            let lo = normal_cdf(s);
            for j in 0..=steps {
                let hi = normal_cdf(s + j as f64 * hv);
                let g = 1.0 - (1.0 - lo).powi(n) - hi.powi(n) + (hi - lo).powi(n);
                sum += w(i) * w(j) * g;
            }
        }
        let ew2 = 2.0 * sum * hu * hv / 9.0;
        let d2 = d2_by_integration(n as usize);
        (ew2 - d2 * d2).sqrt()
    }

    #[test]
    fn tabulated_d2_and_d3_are_their_integrals() {
        for n in MIN_SUBGROUP..=MAX_SUBGROUP {
            let c = constants(n).unwrap();
            assert!((d2_by_integration(n) - c.d2).abs() < 1e-8, "d2({n})");
        }
        for n in [2, 3, 5, 10, 25] {
            let c = constants(n).unwrap();
            assert!((d3_by_integration(n, 120) - c.d3).abs() < 1e-6, "d3({n})");
        }
        // Closed forms for n = 2: d2 = 2/√π, d3 = √(2 − 4/π).
        let c = constants(2).unwrap();
        assert!((c.d2 - 2.0 / std::f64::consts::PI.sqrt()).abs() < 1e-9);
        assert!((c.d3 - (2.0 - 4.0 / std::f64::consts::PI).sqrt()).abs() < 1e-9);
    }

    #[test]
    fn factors_agree_with_the_printed_three_decimal_tables() {
        // Montgomery, Introduction to Statistical Quality Control, Appendix VI
        // (same figures in ASTM E2587): n, A2, A3, c4, B3, B4, d2, d3, D3, D4.
        let printed: [(usize, [f64; 9]); 4] = [
            (
                2,
                [1.880, 2.659, 0.7979, 0.0, 3.267, 1.128, 0.853, 0.0, 3.267],
            ),
            (
                5,
                [0.577, 1.427, 0.9400, 0.0, 2.089, 2.326, 0.864, 0.0, 2.114],
            ),
            (
                10,
                [
                    0.308, 0.975, 0.9727, 0.284, 1.716, 3.078, 0.797, 0.223, 1.777,
                ],
            ),
            (
                25,
                [
                    0.153, 0.606, 0.9896, 0.565, 1.435, 3.931, 0.708, 0.459, 1.541,
                ],
            ),
        ];
        for (n, v) in printed {
            let c = constants(n).unwrap();
            let ours = [
                c.a2,
                c.a3,
                c.c4,
                c.b3,
                c.b4,
                c.d2,
                c.d3,
                c.d3_factor,
                c.d4_factor,
            ];
            for (k, (a, b)) in ours.iter().zip(v).enumerate() {
                assert!(
                    (a - b).abs() <= 0.0006,
                    "n = {n}, factor {k}: {a} vs printed {b}"
                );
            }
        }
        assert!(constants(1).is_none());
        assert!(constants(26).is_none());
    }
}
