//! The few distribution functions the charts and capability need: the standard normal
//! (density, distribution, quantile), the log-gamma function, the regularised incomplete
//! gamma function and the chi-square quantile.
//!
//! Accuracy is far beyond the four significant digits the reference examples ask for:
//! the normal distribution function is Marsaglia's Taylor series (G. Marsaglia,
//! "Evaluating the Normal Distribution", *Journal of Statistical Software* 11(4), 2004),
//! absolute error near 1e-15; log-gamma is the Stirling series after shifting the argument
//! above 15 with the recurrence Γ(x + 1) = xΓ(x); the incomplete gamma function is the
//! power series / Legendre continued fraction pair of *Numerical Recipes* (Press et al.,
//! 3rd ed., §6.2). Quantiles are found by bisection on the distribution function, which
//! is slow by numerical-library standards (a few hundred evaluations) but cannot fail to
//! converge, and they are only needed once per capability report.

use std::f64::consts::PI;

/// Density of the standard normal distribution.
pub fn normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * PI).sqrt()
}

/// Distribution function Φ(x) of the standard normal distribution.
pub fn normal_cdf(x: f64) -> f64 {
    // Beyond ±38 the result is 0 or 1 in double precision; the series would need
    // thousands of terms there.
    if x < -38.0 {
        return 0.0;
    }
    if x > 38.0 {
        return 1.0;
    }
    // Marsaglia (2004): Φ(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + x⁷/(3·5·7) + …).
    // In the lower tail the sum cancels against 1/2, so evaluate the upper tail by
    // symmetry and subtract from 1 only when x > 0.
    let t = -x.abs();
    let mut term = t;
    let mut sum = t;
    let q = t * t;
    let mut i = 1.0;
    loop {
        i += 2.0;
        term *= q / i;
        let next = sum + term;
        if next == sum {
            break;
        }
        sum = next;
    }
    let lower = (0.5 + normal_pdf(t) * sum).max(0.0);
    if x > 0.0 { 1.0 - lower } else { lower }
}

/// Quantile Φ⁻¹(p) of the standard normal distribution, for 0 < p < 1.
pub fn normal_quantile(p: f64) -> f64 {
    assert!(
        p > 0.0 && p < 1.0,
        "normal quantile needs 0 < p < 1, got {p}"
    );
    bisect(|x| normal_cdf(x) - p, -38.0, 38.0)
}

/// Natural logarithm of the gamma function, for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    assert!(x > 0.0, "ln_gamma needs x > 0, got {x}");
    // Shift the argument above 15, where the Stirling series below is accurate to
    // about 1e-16, keeping the product of the skipped factors.
    let mut shift = 0.0;
    let mut z = x;
    while z < 15.0 {
        shift += z.ln();
        z += 1.0;
    }
    let z2 = z * z;
    let series = 1.0 / (12.0 * z) - 1.0 / (360.0 * z * z2) + 1.0 / (1260.0 * z * z2 * z2)
        - 1.0 / (1680.0 * z * z2 * z2 * z2)
        + 1.0 / (1188.0 * z * z2 * z2 * z2 * z2);
    (z - 0.5) * z.ln() - z + 0.5 * (2.0 * PI).ln() + series - shift
}

/// Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
pub fn gamma_p(a: f64, x: f64) -> f64 {
    assert!(a > 0.0, "gamma_p needs a > 0, got {a}");
    if x <= 0.0 {
        return 0.0;
    }
    let log_prefactor = a * x.ln() - x - ln_gamma(a);
    if x < a + 1.0 {
        // Series: P(a, x) = e^{-x} x^a / Γ(a + 1) · Σ x^k / ((a + 1)…(a + k)).
        let mut denominator = a;
        let mut term = 1.0 / a;
        let mut sum = term;
        for _ in 0..10_000 {
            denominator += 1.0;
            term *= x / denominator;
            sum += term;
            if term.abs() < sum.abs() * 1e-17 {
                break;
            }
        }
        (sum * log_prefactor.exp()).min(1.0)
    } else {
        // Continued fraction for Q(a, x), evaluated by the modified Lentz method.
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-16 {
                break;
            }
        }
        (1.0 - log_prefactor.exp() * h).max(0.0)
    }
}

/// Distribution function of the chi-square distribution with `df` degrees of freedom.
pub fn chi_square_cdf(x: f64, df: f64) -> f64 {
    gamma_p(df / 2.0, x / 2.0)
}

/// Quantile of the chi-square distribution with `df` degrees of freedom, for 0 < p < 1.
pub fn chi_square_quantile(p: f64, df: f64) -> f64 {
    assert!(
        p > 0.0 && p < 1.0,
        "chi-square quantile needs 0 < p < 1, got {p}"
    );
    assert!(df > 0.0, "chi-square quantile needs df > 0, got {df}");
    let mut high = df + 10.0 * (2.0 * df).sqrt() + 10.0;
    while chi_square_cdf(high, df) < p {
        high *= 2.0;
    }
    bisect(|x| chi_square_cdf(x, df) - p, 0.0, high)
}

/// Root of an increasing function on [low, high] by bisection to the last bit.
fn bisect(f: impl Fn(f64) -> f64, mut low: f64, mut high: f64) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if f(mid) < 0.0 {
            low = mid;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!(
            (a - b).abs() <= tol,
            "{a} differs from {b} by more than {tol}"
        );
    }

    #[test]
    fn normal_distribution_matches_printed_tables() {
        // Values from any standard normal table (e.g. Abramowitz & Stegun, table 26.1).
        close(normal_cdf(0.0), 0.5, 1e-15);
        close(normal_cdf(1.0), 0.841_344_746_068_543, 1e-14);
        close(normal_cdf(-1.96), 0.024_997_895_148_220, 1e-14);
        close(normal_cdf(3.0), 0.998_650_101_968_370, 1e-14);
        // In the far tail the error is absolute (about 1e-16), not relative.
        close(normal_cdf(-6.0), 9.865_876_450_377e-10, 1e-15);
    }

    #[test]
    fn normal_quantiles_are_the_familiar_ones() {
        close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-12);
        close(normal_quantile(0.95), 1.644_853_626_951_472, 1e-12);
        close(normal_quantile(0.5), 0.0, 1e-12);
        close(normal_quantile(0.001_35), -2.999_977_13, 1e-6);
    }

    #[test]
    fn log_gamma_matches_factorials_and_root_pi() {
        close(ln_gamma(1.0), 0.0, 1e-14);
        close(ln_gamma(5.0), 24f64.ln(), 1e-13);
        close(ln_gamma(0.5), PI.sqrt().ln(), 1e-13);
        close(ln_gamma(101.0), 363.739_375_555_563_5, 1e-10);
    }

    #[test]
    fn chi_square_quantiles_match_printed_tables() {
        // Values from standard chi-square tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4).
        close(chi_square_quantile(0.95, 1.0), 3.841, 5e-4);
        close(chi_square_quantile(0.025, 10.0), 3.247, 5e-4);
        close(chi_square_quantile(0.975, 10.0), 20.483, 5e-4);
        close(chi_square_quantile(0.05, 100.0), 77.929, 5e-4);
        close(chi_square_quantile(0.95, 100.0), 124.342, 5e-4);
        // Round trip far in both tails.
        for df in [1.0, 2.5, 24.0, 124.0, 1000.0] {
            for p in [1e-6, 0.025, 0.5, 0.975, 1.0 - 1e-6] {
                close(chi_square_cdf(chi_square_quantile(p, df), df), p, 1e-12);
            }
        }
    }
}
