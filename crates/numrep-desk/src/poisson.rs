//! The surprise rule's arithmetic: how unlikely `k` or more complaints are when a
//! key usually gets `mu` in a window of that length (Poisson upper tail).
//!
//! P(X ≥ k | Poisson(μ)) equals the regularized lower incomplete gamma function
//! P(k, μ). It is computed in log space (series for μ < k + 1, continued fraction
//! otherwise, as in Numerical Recipes § 6.2), so values far below 1e-300 neither
//! underflow to a wrong zero early nor lose their digits, and the cost stays a few
//! hundred steps at most whatever the counts.

/// Iteration cap for the series and the continued fraction.
const MAX_STEPS: usize = 10_000;

/// Relative precision at which a sum stops.
const EPS: f64 = 1e-15;

/// P(X ≥ k) for X ~ Poisson(mu). `k = 0` gives 1; `mu <= 0` gives 0 for `k > 0`.
pub fn poisson_tail(k: u64, mu: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if mu.is_nan() || mu <= 0.0 {
        return 0.0;
    }
    let a = k as f64;
    if mu < a + 1.0 {
        lower_gamma_series(a, mu)
    } else {
        1.0 - upper_gamma_fraction(a, mu)
    }
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error below 1e-15).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection keeps the approximation in its accurate half-plane.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The prefactor e^{-x} x^a / Γ(a), in log space.
fn ln_prefactor(a: f64, x: f64) -> f64 {
    a * x.ln() - x - ln_gamma(a)
}

/// P(a, x) by its series; converges fast for x < a + 1.
fn lower_gamma_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut n = a;
    for _ in 0..MAX_STEPS {
        n += 1.0;
        term *= x / n;
        sum += term;
        if term.abs() < sum.abs() * EPS {
            break;
        }
    }
    (ln_prefactor(a, x) + sum.ln()).exp()
}

/// Q(a, x) = 1 − P(a, x) by Lentz's continued fraction; converges for x ≥ a + 1.
fn upper_gamma_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_STEPS {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < EPS {
            break;
        }
    }
    (ln_prefactor(a, x) + h.ln()).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// P(X ≥ k) by plain summation of the upper terms (no cancellation), for
    /// small μ and k.
    fn by_summation(k: u64, mu: f64) -> f64 {
        let mut term = (-mu).exp();
        for i in 0..k {
            term *= mu / (i + 1) as f64;
        }
        let mut tail = 0.0;
        for i in k..k + 400 {
            tail += term;
            term *= mu / (i + 1) as f64;
        }
        tail
    }

    fn close(got: f64, want: f64, rel: f64) -> bool {
        ((got - want) / want).abs() < rel
    }

    #[test]
    fn the_facts_file_example() {
        // 23 complaints in 48 h against 0.5 per day: λT = 1, P ≈ 1.4e-23.
        // Σ_{i≥23} e^{-1}/i! = 1.484779…e-23 (60-digit decimal summation).
        let p = poisson_tail(23, 1.0);
        assert!(close(p, 1.484_779_2e-23, 1e-6), "{p:e}");
    }

    #[test]
    fn matches_summation_where_summation_is_exact() {
        for mu in [0.05, 0.2, 1.0, 2.5, 7.0, 15.0] {
            for k in 1..25 {
                let want = by_summation(k, mu);
                if want > 1e-200 {
                    let got = poisson_tail(k, mu);
                    assert!(close(got, want, 1e-9), "k={k} mu={mu}: {got:e} vs {want:e}");
                }
            }
        }
    }

    #[test]
    fn known_values() {
        // P(X ≥ 1 | 1) = 1 − e^{-1}.
        assert!(close(poisson_tail(1, 1.0), 1.0 - (-1.0f64).exp(), 1e-12));
        // P(X ≥ 5 | 0.2) = e^{-0.2}(0.2^5/120 + 0.2^6/720 + …) = 2.258190…e-6.
        assert!(close(poisson_tail(5, 0.2), 2.258_190_6e-6, 1e-6));
        // Large μ: P(X ≥ 1000 | 1000) is a little above one half.
        let p = poisson_tail(1000, 1000.0);
        assert!(p > 0.5 && p < 0.51, "{p}");
        // Far tail of a large baseline: P(X ≥ 200 | 100) = 9.343150…e-19
        // (Σ_{i≥200} e^{-100} 100^i / i! in 60-digit decimal arithmetic).
        let p = poisson_tail(200, 100.0);
        assert!(close(p, 9.343_150_07e-19, 1e-6), "{p:e}");
    }

    #[test]
    fn edges() {
        assert_eq!(poisson_tail(0, 3.0), 1.0);
        assert_eq!(poisson_tail(3, 0.0), 0.0);
        assert_eq!(poisson_tail(3, f64::NAN), 0.0);
        // Far beyond f64: a clean zero, never NaN.
        let p = poisson_tail(10_000, 0.1);
        assert!(p == 0.0 || p < 1e-300);
        assert!(!poisson_tail(u64::MAX, 1e9).is_nan());
    }

    #[test]
    fn monotone_in_k() {
        let mu = 3.7;
        let mut last = 1.0;
        for k in 0..60 {
            let p = poisson_tail(k, mu);
            assert!(p <= last + 1e-15, "k={k}");
            last = p;
        }
    }

    #[test]
    fn ln_gamma_of_integers_is_ln_factorial() {
        let mut ln_fact = 0.0f64;
        for n in 1..170u32 {
            // Γ(n) = (n − 1)!
            assert!(
                (ln_gamma(f64::from(n)) - ln_fact).abs() < 1e-9 * ln_fact.max(1.0),
                "n={n}"
            );
            ln_fact += f64::from(n).ln();
        }
    }
}
