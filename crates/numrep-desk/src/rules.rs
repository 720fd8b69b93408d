//! Alert rules in the shape of Sigma/Elastic threshold rules (`group_by`, `window`,
//! `min_complaints`, `min_customers`), plus a surprise rule that compares a key's
//! window with its own 28-day baseline.

use crate::keys::GroupBy;
use crate::poisson::poisson_tail;
use crate::stats::WindowCount;
use crate::time::{format_window, Millis, DAY, HOUR};

/// One alert rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Name shown in alerts (`number_burst`); unique among the rules.
    pub name: String,
    /// What complaints are grouped by.
    pub group_by: GroupBy,
    /// How far back complaints count.
    pub window: Millis,
    /// When the rule fires.
    pub kind: RuleKind,
}

/// The condition of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    /// At least `min_complaints` complaints from at least `min_customers` distinct
    /// customers inside the window.
    Threshold {
        /// Complaints needed.
        min_complaints: u64,
        /// Distinct known customers needed (0: any).
        min_customers: u64,
    },
    /// The window's count is improbable against the key's own baseline:
    /// P(X ≥ count | Poisson(λ·window)) < `max_p`, with λ the key's complaints per
    /// day in the `baseline` before the window (at least `min_rate_per_day`).
    Surprise {
        /// How long the baseline period before the window is.
        baseline: Millis,
        /// Probability below which the count is a surprise.
        max_p: f64,
        /// Complaints needed in any case.
        min_complaints: u64,
        /// Floor of the baseline rate (a key without history is not infinitely surprising).
        min_rate_per_day: f64,
    },
}

/// What a rule sees for one key.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Observation {
    /// The key's complaints in the rule's window.
    pub window: WindowCount,
    /// The key's complaints in the baseline period (surprise rules only).
    pub baseline: u64,
}

/// Why a rule fired (surprise rules add their arithmetic).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Firing {
    /// P(X ≥ count) under the baseline (surprise rules).
    pub p_value: Option<f64>,
    /// The baseline rate used, complaints per day (surprise rules).
    pub baseline_per_day: Option<f64>,
}

impl Rule {
    /// The shipped rules: number ≥ 5 complaints from ≥ 3 customers in 48 h; range
    /// ≥ 10 in 48 h; vendor ≥ 10 in 48 h; and for ranges and vendors the surprise
    /// rule (p < 1e-6 against the 28 days before the window, at least 5
    /// complaints). Numbers get no surprise rule by default: it counts complaints,
    /// not customers, so one angry customer calling again and again would fire it,
    /// which the number rule's `min_customers` exists to prevent.
    pub fn defaults() -> Vec<Rule> {
        let window = 48 * HOUR;
        let threshold = |group_by: GroupBy, min_complaints, min_customers| Rule {
            name: format!("{}_burst", group_by.as_str()),
            group_by,
            window,
            kind: RuleKind::Threshold {
                min_complaints,
                min_customers,
            },
        };
        let mut rules = vec![
            threshold(GroupBy::Number, 5, 3),
            threshold(GroupBy::Range, 10, 0),
            threshold(GroupBy::Vendor, 10, 0),
        ];
        rules.extend([GroupBy::Range, GroupBy::Vendor].map(|group_by| Rule {
            name: format!("{}_surprise", group_by.as_str()),
            group_by,
            window,
            kind: RuleKind::Surprise {
                baseline: 28 * DAY,
                max_p: 1e-6,
                min_complaints: 5,
                min_rate_per_day: DEFAULT_MIN_RATE_PER_DAY,
            },
        }));
        rules
    }

    /// The baseline period, for surprise rules.
    pub fn baseline(&self) -> Option<Millis> {
        match self.kind {
            RuleKind::Surprise { baseline, .. } => Some(baseline),
            RuleKind::Threshold { .. } => None,
        }
    }

    /// Whether the rule fires on `seen`, and why.
    pub fn check(&self, seen: &Observation) -> Option<Firing> {
        let count = seen.window.count;
        match self.kind {
            RuleKind::Threshold {
                min_complaints,
                min_customers,
            } => (count >= min_complaints && seen.window.customers >= min_customers).then_some(
                Firing {
                    p_value: None,
                    baseline_per_day: None,
                },
            ),
            RuleKind::Surprise {
                baseline,
                max_p,
                min_complaints,
                min_rate_per_day,
            } => {
                if count < min_complaints {
                    return None;
                }
                let days = baseline as f64 / DAY as f64;
                let rate = (seen.baseline as f64 / days).max(min_rate_per_day);
                let expected = rate * self.window as f64 / DAY as f64;
                let p = poisson_tail(count, expected);
                (p < max_p).then_some(Firing {
                    p_value: Some(p),
                    baseline_per_day: Some(rate),
                })
            }
        }
    }

    /// A one-line description (`numrep serve` prints the rules it runs).
    pub fn describe(&self) -> String {
        let window = format_window(self.window);
        match self.kind {
            RuleKind::Threshold {
                min_complaints,
                min_customers,
            } => format!(
                "{}: {} ≥ {min_complaints} complaints from ≥ {min_customers} customers in {window}",
                self.name,
                self.group_by.as_str()
            ),
            RuleKind::Surprise {
                baseline, max_p, ..
            } => format!(
                "{}: {} count in {window} has p < {max_p:e} against the {} before",
                self.name,
                self.group_by.as_str(),
                format_window(baseline)
            ),
        }
    }
}

/// Baseline floor: one complaint every two days. A key without history then needs
/// 10 complaints in 48 h (P(X ≥ 10 | 1) = 1.1e-7), the same as the range and
/// vendor threshold rules, and more where the key is usually busier.
pub const DEFAULT_MIN_RATE_PER_DAY: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(count: u64, customers: u64, baseline: u64) -> Observation {
        Observation {
            window: WindowCount {
                count,
                customers,
                first_at: None,
                last_at: None,
            },
            baseline,
        }
    }

    fn rule(name: &str) -> Rule {
        Rule::defaults()
            .into_iter()
            .find(|r| r.name == name)
            .unwrap()
    }

    #[test]
    fn number_rule_needs_five_complaints_and_three_customers() {
        let r = rule("number_burst");
        assert!(r.check(&seen(4, 4, 0)).is_none());
        assert!(r.check(&seen(5, 2, 0)).is_none());
        assert!(r.check(&seen(5, 3, 0)).is_some());
    }

    #[test]
    fn range_and_vendor_need_ten() {
        for name in ["range_burst", "vendor_burst"] {
            let r = rule(name);
            assert!(r.check(&seen(9, 0, 0)).is_none());
            assert!(r.check(&seen(10, 0, 0)).is_some());
        }
    }

    #[test]
    fn surprise_against_the_baseline() {
        let r = rule("range_surprise");
        // 23 in 48 h against 0.5/day (14 in 28 days): λT = 1, p ≈ 1.5e-23.
        let fired = r.check(&seen(23, 0, 14)).expect("fires");
        assert!(fired.p_value.unwrap() < 1e-22);
        assert_eq!(fired.baseline_per_day, Some(0.5));
        // 23 in 48 h against 10/day is ordinary.
        assert!(r.check(&seen(23, 0, 280)).is_none());
        // Fewer than 5 never fires, however quiet the key was.
        assert!(r.check(&seen(4, 0, 0)).is_none());
        // No history: the floor (0.5/day, λT = 1) makes 9 not yet surprising
        // (p = 1.1e-6), 10 surprising (p = 1.1e-7).
        assert!(r.check(&seen(9, 0, 0)).is_none());
        assert!(r.check(&seen(10, 0, 0)).is_some());
        // A lower configured floor lets the minimum of 5 decide.
        let mut low = r.clone();
        if let RuleKind::Surprise {
            min_rate_per_day, ..
        } = &mut low.kind
        {
            *min_rate_per_day = 0.01;
        }
        assert!(low.check(&seen(4, 0, 0)).is_none());
        assert!(low.check(&seen(5, 0, 0)).is_some());
    }

    #[test]
    fn defaults_have_unique_names() {
        let rules = Rule::defaults();
        let mut names: Vec<_> = rules.iter().map(|r| r.name.clone()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), rules.len());
        assert!(rules[0]
            .describe()
            .contains("≥ 5 complaints from ≥ 3 customers in 48h"));
    }
}
