//! The national prefix for parsing: which leading digits of a nationally written number
//! are a trunk prefix (and carrier code) to strip, or to transform, exactly as
//! libphonenumber's `maybe_strip_national_prefix_and_carrier_code` decides; and, with
//! the same matchers, how long a dialled international prefix is.

use super::automaton::NOTHING;
use super::tables::{AUTOMATA, MATCHER_EDGES, MATCHER_STATES, PREFIX_MATCHERS};
use super::Territory;

const NONE: u8 = u8::MAX;
const UNSET: u8 = u8::MAX;
/// Threads and register slots the generator allows (`numrep-gen`'s `pike.rs`).
const MAX_THREADS: usize = 32;
const SLOTS: usize = 8;

/// Where `re.match` of the prefix pattern ends and where its groups lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PrefixMatch {
    /// Digits matched from the start.
    pub end: usize,
    /// (start, end) of each group that took part, in order.
    pub groups: [Option<(usize, usize)>; 4],
    /// Number of groups in the pattern.
    pub group_count: usize,
}

/// Longest national number the stripped result holds.
const CAPACITY: usize = 24;

/// A national number after its national prefix was stripped or transformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stripped {
    digits: [u8; CAPACITY],
    len: usize,
    /// The carrier code that came with the prefix (Brazil, Colombia, …), as a span of
    /// the original digits.
    pub carrier: Option<(usize, usize)>,
}

impl Stripped {
    /// `digits` unchanged; `None` when they do not fit.
    pub(crate) fn of(digits: &[u8]) -> Option<Stripped> {
        let mut out = Stripped {
            digits: [0; CAPACITY],
            len: digits.len(),
            carrier: None,
        };
        out.digits.get_mut(..digits.len())?.copy_from_slice(digits);
        Some(out)
    }

    /// The national number (ASCII digits).
    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

fn apply(base: &[u8; SLOTS], saves: u8, at: usize) -> [u8; SLOTS] {
    let mut out = *base;
    for (s, slot) in out.iter_mut().enumerate() {
        if saves & (1 << s) != 0 {
            *slot = at as u8;
        }
    }
    out
}

/// Where libphonenumber's `re.match` of matcher `index` ends on `digits` (ASCII), without
/// its groups: the states alone decide the end, so no registers are set up (the
/// international prefix is tried on every nationally written number).
pub(crate) fn match_len(index: u16, digits: &[u8]) -> Option<usize> {
    let m = PREFIX_MATCHERS.get(usize::from(index))?;
    let mut state = MATCHER_STATES.get(usize::from(m.start))?;
    let mut end = None;
    for (i, &digit) in digits.iter().enumerate() {
        if state.matched != NONE {
            end = Some(i);
        }
        let next = state
            .next
            .get(usize::from(digit.wrapping_sub(b'0')))
            .and_then(|&e| MATCHER_EDGES.get(usize::from(e)))
            .and_then(|edge| MATCHER_STATES.get(usize::from(edge.target)));
        match next {
            Some(next) => state = next,
            None => return end,
        }
    }
    if state.end != NONE {
        end = Some(digits.len());
    }
    end
}

/// Runs matcher `index` on `digits` (ASCII): libphonenumber's `re.match`. Inlined into
/// its one caller, where most numbers leave early.
#[inline(always)]
pub(crate) fn match_prefix(index: u16, digits: &[u8]) -> Option<PrefixMatch> {
    let m = PREFIX_MATCHERS.get(usize::from(index))?;
    if digits.len() >= usize::from(UNSET) {
        return None;
    }
    // Most numbers do not start with the prefix, or (for `([2-578]\d{6})$`-like rules)
    // are not the whole pattern: the states alone answer that, before any register is
    // set up.
    match_len(index, digits)?;
    // The registers of each thread, for this position and the next (no copying back).
    let mut caps = [[[UNSET; SLOTS]; MAX_THREADS]; 2];
    let mut now = 0;
    for (c, &saves) in caps[now].iter_mut().zip(m.initial) {
        *c = apply(&[UNSET; SLOTS], saves, 0);
    }
    let mut state = usize::from(m.start);
    let mut best: Option<(usize, [u8; SLOTS])> = None;
    for i in 0..=digits.len() {
        let st = MATCHER_STATES.get(state)?;
        if i == digits.len() {
            if st.end != NONE {
                best = Some((i, apply(&caps[now][usize::from(st.end)], st.end_saves, i)));
            }
            break;
        }
        if st.matched != NONE {
            best = Some((i, caps[now][usize::from(st.matched)]));
        }
        let d = usize::from(digits[i].wrapping_sub(b'0'));
        let Some(edge) = st
            .next
            .get(d)
            .and_then(|&e| MATCHER_EDGES.get(usize::from(e)))
        else {
            break;
        };
        let [a, b] = &mut caps;
        let (from, to) = if now == 0 { (a, b) } else { (b, a) };
        for (slot, &(parent, saves)) in to.iter_mut().zip(edge.threads) {
            *slot = apply(&from[usize::from(parent)], saves, i + 1);
        }
        now ^= 1;
        state = usize::from(edge.target);
    }
    let (end, regs) = best?;
    let mut groups = [None; 4];
    for (g, span) in groups.iter_mut().enumerate().take(usize::from(m.groups)) {
        let (a, b) = (regs[2 * g], regs[2 * g + 1]);
        if a != UNSET && b != UNSET {
            *span = Some((usize::from(a), usize::from(b)));
        }
    }
    Some(PrefixMatch {
        end,
        groups,
        group_count: usize::from(m.groups),
    })
}

impl Territory {
    /// Whether the general description matches all of `national` (libphonenumber's
    /// `_match_national_number` on `general_desc`: pattern only, no length check).
    pub(crate) fn matches_general(&self, national: &[u8]) -> bool {
        self.general != NOTHING && AUTOMATA.full(self.general, national) != 0
    }

    /// The national prefix for parsing, matched at the start of `national`.
    pub(crate) fn national_prefix_match(&self, national: &[u8]) -> Option<PrefixMatch> {
        if self.national_prefix_for_parsing == u16::MAX || national.is_empty() {
            return None;
        }
        match_prefix(self.national_prefix_for_parsing, national)
    }

    /// libphonenumber's `maybe_strip_national_prefix_and_carrier_code`: the number with
    /// its national prefix (and carrier code) stripped, or transformed by the region's
    /// rule (`0 11 15 …` → `9 11 …` in Argentina, `1 268 …` for Antigua's 7-digit
    /// numbers); `None` when nothing is stripped.
    pub(crate) fn strip_national_prefix(&self, national: &[u8]) -> Option<Stripped> {
        let m = self.national_prefix_match(national)?;
        let viable = self.matches_general(national);
        let mut out = Stripped {
            digits: [0; CAPACITY],
            len: 0,
            carrier: None,
        };
        let last_group = m.group_count.checked_sub(1).and_then(|g| m.groups[g]);
        let push = |out: &mut Stripped, digits: &[u8]| -> Option<()> {
            let end = out.len + digits.len();
            out.digits.get_mut(out.len..end)?.copy_from_slice(digits);
            out.len = end;
            Some(())
        };
        if self.national_prefix_transform.is_empty() || last_group.is_none() {
            push(&mut out, national.get(m.end..)?)?;
            if viable && !self.matches_general(out.digits()) {
                return None;
            }
            if m.group_count > 0 {
                out.carrier = m.groups[0];
            }
        } else {
            let rule = self.national_prefix_transform.as_bytes();
            let mut i = 0;
            while i < rule.len() {
                if rule[i] == b'\\' && rule.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    let g = usize::from(rule[i + 1]).checked_sub(usize::from(b'1'));
                    if let Some(Some((a, b))) = g.and_then(|g| m.groups.get(g)) {
                        push(&mut out, &national[*a..*b])?;
                    }
                    i += 2;
                } else {
                    push(&mut out, &rule[i..=i])?;
                    i += 1;
                }
            }
            push(&mut out, national.get(m.end..)?)?;
            if viable && !self.matches_general(out.digits()) {
                return None;
            }
            if m.group_count > 1 {
                out.carrier = m.groups[0];
            }
        }
        Some(out)
    }
}
