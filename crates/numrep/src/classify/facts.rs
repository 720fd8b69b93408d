//! What the tables know about a range, as values with accessors: its tariff, its name
//! and source, and what a short number costs.

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::lang::Lang;
use crate::plan::world::ShortCost;
use crate::plan::{RangeName, TariffRow};
use crate::text::Msg;

/// A German tariff (BNetzA, TKG §§ 109–118): prices incl. VAT.
///
/// ```
/// use numrep::{lookup, Lang, Options};
///
/// let tariff = lookup("0900 5 123456", &Options::new()).tariff().unwrap();
/// assert_eq!(tariff.id(), "0900-5");
/// assert_eq!(tariff.per_minute_eur(), Some(1.99));
/// assert!(tariff.description(Lang::De).contains("€/Min."));
/// ```
#[derive(Clone, Copy)]
pub struct Tariff(&'static TariffRow);

impl Tariff {
    pub(crate) fn new(row: &'static TariffRow) -> Tariff {
        Tariff(row)
    }

    /// Stable id such as `0900-5`.
    pub fn id(self) -> &'static str {
        self.0.id
    }

    /// Euros per minute.
    pub fn per_minute_eur(self) -> Option<f64> {
        eur(self.0.per_minute)
    }

    /// Euros per call.
    pub fn per_call_eur(self) -> Option<f64> {
        eur(self.0.per_call)
    }

    /// Free seconds at the start of a call.
    pub fn free_seconds(self) -> u16 {
        self.0.free_seconds
    }

    /// The legal cap per minute, in euros.
    pub fn max_per_minute_eur(self) -> Option<f64> {
        eur(self.0.max_per_minute)
    }

    /// The legal cap per call, in euros.
    pub fn max_per_call_eur(self) -> Option<f64> {
        eur(self.0.max_per_call)
    }

    /// The prices in words (`0900-5: €1.99/min`).
    pub fn description(self, lang: Lang) -> &'static str {
        lang.pick(self.0.description_de, self.0.description_en)
    }

    /// Where the prices come from: a page or a § an agent can open.
    pub fn source(self) -> &'static str {
        self.0.source
    }
}

/// Tenths of a euro cent → euros.
fn eur(tenths: Option<u32>) -> Option<f64> {
    tenths.map(|v| f64::from(v) / 1000.0)
}

impl PartialEq for Tariff {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Tariff {}

impl Hash for Tariff {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

impl fmt::Debug for Tariff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tariff({})", self.id())
    }
}

/// The range row of the German tables a number lies in: its official name and source.
#[derive(Clone, Copy)]
pub struct NumberRange(&'static RangeName);

impl NumberRange {
    pub(crate) fn new(row: &'static RangeName) -> NumberRange {
        NumberRange(row)
    }

    /// The official name (German) or its English meaning.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.0.de, self.0.en)
    }

    /// Where the fact comes from: a page or a § an agent can open.
    pub fn source(self) -> &'static str {
        self.0.source
    }
}

impl PartialEq for NumberRange {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for NumberRange {}

impl Hash for NumberRange {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl fmt::Debug for NumberRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NumberRange({})", self.0.de)
    }
}

/// What a call to a short number costs the caller, as libphonenumber's short-number
/// metadata says (`ShortNumberCost`); emergency numbers are free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cost {
    /// Free of charge.
    TollFree,
    /// A normal call's price.
    StandardRate,
    /// Above a normal call's price.
    PremiumRate,
    /// Not known.
    Unknown,
}

impl Cost {
    pub(crate) fn of(cost: ShortCost) -> Cost {
        match cost {
            ShortCost::TollFree => Cost::TollFree,
            ShortCost::StandardRate => Cost::StandardRate,
            ShortCost::PremiumRate => Cost::PremiumRate,
            ShortCost::Unknown => Cost::Unknown,
        }
    }

    /// The stable snake_case name (`toll_free`, `standard_rate`, `premium_rate`,
    /// `unknown`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Cost::TollFree => "toll_free",
            Cost::StandardRate => "standard_rate",
            Cost::PremiumRate => "premium_rate",
            Cost::Unknown => "unknown",
        }
    }

    /// In words (`kostenlos`, `free of charge`).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Cost::TollFree => Msg::CostTollFree,
            Cost::StandardRate => Msg::CostStandardRate,
            Cost::PremiumRate => Msg::CostPremiumRate,
            Cost::Unknown => Msg::CostUnknown,
        }
        .text(lang)
    }
}
