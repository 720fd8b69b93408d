//! The shapes of the world tables (`tables.rs` holds the data).

/// One territory: a region, or libphonenumber's `001` with a non-geographic calling code.
#[derive(Debug)]
pub(crate) struct Territory {
    /// ISO 3166 alpha-2 (plus `AC`, `TA`, `XK`), or `001`.
    pub region: &'static str,
    /// Calling code.
    pub code: u16,
    /// Type automaton: accept bit `i` = [`NUMBER_TYPES`](super::bits::NUMBER_TYPES)`[i]`
    /// pattern matches (and the general pattern too).
    pub types: u32,
    /// Automaton of the general description alone (whole-number match), or `NOTHING`.
    pub general: u32,
    /// Possible lengths of any number (bit n = length n); 0 = none known.
    pub possible: u32,
    /// Lengths only diallable within an area (local-only).
    pub local_only: u32,
    /// Possible lengths per type, already intersected with `possible`.
    pub type_lengths: [u32; 10],
    /// Fixed line and mobile share one pattern (every match is "fixed line or mobile").
    pub same_fixed_mobile: bool,
    /// Prefix automaton of the leading digits that claim a shared code's numbers, or
    /// `NOTHING`.
    pub leading_digits: u32,
    /// National (trunk) prefix, may be empty.
    pub national_prefix: &'static str,
    /// Index into `PREFIX_MATCHERS` of the national prefix for parsing, or `u16::MAX`.
    pub national_prefix_for_parsing: u16,
    /// Its transform rule (`9\1`, `\2`), may be empty.
    pub national_prefix_transform: &'static str,
    /// Index into `PREFIX_MATCHERS` of the international prefix pattern (`00`, `011`,
    /// China's carrier forms), or `u16::MAX` for none.
    pub international_prefix: u16,
    /// Format rules for national (and, without own list, international) formatting.
    pub national_formats: &'static [u16],
    /// Own international format rules, if any.
    pub international_formats: Option<&'static [u16]>,
    /// Short-number automaton (bit `i` = [`SHORT_TYPES`](super::bits::SHORT_TYPES)`[i]`),
    /// or `NOTHING`.
    pub short: u32,
    /// Possible lengths per short-number type (`u32::MAX` = any).
    pub short_lengths: [u32; 8],
}

/// A calling code and the territories that use it.
#[derive(Debug)]
pub(crate) struct CodeRow {
    /// The calling code.
    pub code: u16,
    /// Its territories (indexes into `TERRITORIES`) in the order libphonenumber tries
    /// them, main region first.
    pub territories: &'static [u16],
    /// For a shared code, by the first two digits `a`, `b` of a national number (entry
    /// `10 * a + b`), which territories may claim it (bit `i` = `territories[i]`); empty
    /// for a code of one territory.
    pub claims: &'static [u32],
}

/// A format rule of libphonenumber.
#[derive(Debug)]
pub(crate) struct FormatRule {
    /// Index into `FORMAT_PATTERNS`.
    pub pattern: u16,
    /// Prefix automaton of the (last) leading-digits pattern, or `NOTHING` (any number).
    pub leading_digits: u32,
    /// Template for national formatting (national-prefix rule applied), into `TEMPLATES`.
    pub national: u16,
    /// Template for international formatting, into `TEMPLATES`.
    pub international: u16,
}

/// A format pattern: which numbers it fits and how they split into groups.
#[derive(Debug)]
pub(crate) struct FormatPattern {
    /// Full-match automaton of the pattern.
    pub full: u32,
    /// (min, max) length of each group, in order; at most one group varies.
    pub groups: &'static [u8],
}

/// A determinised `re.match` matcher with capture groups (national prefix for parsing).
#[derive(Debug)]
pub(crate) struct PrefixMatcher {
    /// Capture groups (two register slots each).
    pub groups: u8,
    /// Start state in `MATCHER_STATES`.
    pub start: u16,
    /// Slots each start thread sets at position 0.
    pub initial: &'static [u8],
}

/// A state: a list of threads in priority order (only their count matters at run time).
#[derive(Debug)]
pub(crate) struct MatcherState {
    /// Thread that has matched here, or `u8::MAX`.
    pub matched: u8,
    /// At the end of the input: the winning thread, or `u8::MAX` …
    pub end: u8,
    /// … and the slots it sets there.
    pub end_saves: u8,
    /// Per digit: index into `MATCHER_EDGES`, or `u16::MAX`.
    pub next: [u16; 10],
}

/// A transition.
#[derive(Debug)]
pub(crate) struct MatcherEdge {
    /// Next state in `MATCHER_STATES`.
    pub target: u16,
    /// Per thread of the next state: (thread it continues, slots set after this digit).
    pub threads: &'static [(u8, u8)],
}
