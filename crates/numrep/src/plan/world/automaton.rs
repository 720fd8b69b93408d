//! Walking the compiled automata (`numrep-gen` builds them from libphonenumber's
//! patterns; see `crates/numrep-gen/src/world/encode.rs`).
//!
//! Encoding, all in static byte arrays:
//!
//! * A *target code* (LEB128, or in segment form a fixed width) says where a transition
//!   goes: 0 = nowhere (dead), even = tail
//!   `code / 2 - 1`, odd = the node `code / 2` bytes after the current node. An
//!   automaton's *start code* is the same, except that an odd start is an absolute
//!   offset into the node bytes, and [`NOTHING`] means the automaton accepts nothing.
//! * A node starts with a header byte; `0x10` = accepting (the accept-set index byte
//!   follows the header and, in segment form, the mask byte); `0x20` = fall-through: the
//!   first run (segment) has no target code, it leads to the node encoded right after
//!   this one. Three forms:
//!   - literal (`0x80 | d`): one run of the single digit `d`, then its target code;
//!   - runs (low nibble = number of runs): per run one byte `lo << 4 | hi` and the
//!     target code; runs are sorted, digits outside every run lead nowhere;
//!   - segments (`0x40`): digits 0–9 cut into stretches of one target; the low nibble
//!     and the next byte's bits 0–4 hold bits 1–9 of the mask of stretch starts (digit
//!     0 always starts one), that byte's bits 5–6 the code width minus one (1–4 bytes);
//!     then one little-endian target code per stretch, 0 for a dead one: a stretch's
//!     code is found by multiplying, not by decoding the codes before it.
//! * A tail is a state from which every digit leads on alike ("any digits"): one count
//!   byte, then pairs (remaining digits, accept-set index), sorted by remaining digits.
//!
//! A walk touches one node per digit until it reaches a tail, then answers by the
//! number of digits left: no allocation, no start-up work, no regex.

/// Start code of an automaton that accepts nothing.
pub(crate) const NOTHING: u32 = u32::MAX;

/// The byte pools one family of automata is encoded in.
#[derive(Debug)]
pub(crate) struct Automata {
    /// Node bytes.
    pub nodes: &'static [u8],
    /// Tail bytes.
    pub tail_bytes: &'static [u8],
    /// Start of each tail in `tail_bytes`.
    pub tail_starts: &'static [u16],
    /// Accept sets (bit masks) that nodes and tails refer to by index.
    pub accept_sets: &'static [u16],
}

/// Header bit: the node accepts (an accept-set index byte follows).
const ACCEPT: u8 = 0x10;
/// Header bit: the first run leads to the node encoded right after this one.
const FALLTHROUGH: u8 = 0x20;
/// Header bit: a node of one single-digit run; the low nibble is the digit.
const LITERAL: u8 = 0x80;
/// Header bit: a node in segment form.
const SEGMENTS: u8 = 0x40;

/// Where a walk stands.
enum At {
    Node(usize),
    Tail(usize),
}

impl Automata {
    fn start(&self, code: u32) -> Option<At> {
        if code == NOTHING {
            None
        } else if code & 1 == 1 {
            Some(At::Node((code >> 1) as usize))
        } else {
            ((code >> 1) as usize).checked_sub(1).map(At::Tail)
        }
    }

    fn set(&self, index: u8) -> u16 {
        self.accept_sets
            .get(usize::from(index))
            .copied()
            .unwrap_or(0)
    }

    /// The accept set of a node.
    #[inline]
    fn node_accept(&self, at: usize) -> u16 {
        match self.nodes.get(at) {
            Some(&header) if header & ACCEPT != 0 => {
                let index = at + 1 + usize::from(header & (SEGMENTS | LITERAL) == SEGMENTS);
                self.set(self.nodes.get(index).copied().unwrap_or(0))
            }
            _ => 0,
        }
    }

    /// Reads a LEB128 target code at `*pos`.
    #[inline]
    fn code(&self, pos: &mut usize) -> Option<u32> {
        let mut code = 0u32;
        let mut shift = 0;
        loop {
            let byte = *self.nodes.get(*pos)?;
            *pos += 1;
            // More than five bytes is no code of the pool: none, rather than overflow.
            code |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(code);
            }
            shift += 7;
        }
    }

    /// The little-endian code of `width` (1–4) bytes at `pos`.
    #[inline]
    fn fixed_code(&self, pos: usize, width: usize) -> Option<u32> {
        let bytes = self.nodes.get(pos..pos + width)?;
        // One four-byte load where the pool has the bytes (no copy of a variable length).
        let word = match self.nodes.get(pos..pos + 4) {
            Some(word) => u32::from_le_bytes(word.try_into().ok()?),
            None => bytes.iter().rev().fold(0, |c, &b| c << 8 | u32::from(b)),
        };
        Some(word & u32::MAX >> (32 - 8 * width.clamp(1, 4)))
    }

    /// Follows digit `d` (0–9) out of the node at `at`.
    #[inline(always)]
    fn step(&self, at: usize, d: u8) -> Option<At> {
        let header = *self.nodes.get(at)?;
        let fall = header & FALLTHROUGH != 0;
        let target = |code: u32| {
            if code & 1 == 1 {
                Some(At::Node(at + (code >> 1) as usize))
            } else {
                ((code >> 1) as usize).checked_sub(1).map(At::Tail)
            }
        };
        if header & LITERAL != 0 {
            let mut pos = at + 1 + usize::from(header & ACCEPT != 0);
            if d != header & 0x0f {
                return None;
            }
            return if fall {
                Some(At::Node(pos))
            } else {
                target(self.code(&mut pos)?)
            };
        }
        if header & SEGMENTS != 0 {
            if d > 9 {
                return None;
            }
            let second = *self.nodes.get(at + 1)?;
            let mask = (u16::from(header & 0x0f) | u16::from(second & 0x1f) << 4) << 1 | 1;
            let width = usize::from(second >> 5) + 1;
            let segment = (mask & ((2u16 << d) - 1)).count_ones() as usize - 1;
            let codes = at + 2 + usize::from(header & ACCEPT != 0);
            if segment == 0 && fall {
                // The next node starts after this node's codes.
                return Some(At::Node(codes + (mask.count_ones() as usize - 1) * width));
            }
            return target(self.fixed_code(codes + (segment - usize::from(fall)) * width, width)?);
        }
        let mut pos = at + 1 + usize::from(header & ACCEPT != 0);
        let mut found = false;
        for k in 0..header & 0x0f {
            let range = *self.nodes.get(pos)?;
            pos += 1;
            let hit = (range >> 4) <= d && d <= (range & 0x0f);
            if k == 0 && fall {
                found = hit;
                continue;
            }
            let code = self.code(&mut pos)?;
            if hit {
                return target(code);
            }
        }
        // Only the fall-through run can still be pending: it leads to the node after
        // this one, which starts where this node's runs end.
        found.then_some(At::Node(pos))
    }

    /// The (remaining digits, accept set) pairs of a tail.
    fn tail(&self, id: usize) -> impl Iterator<Item = (usize, u16)> + '_ {
        let start = self
            .tail_starts
            .get(id)
            .map_or(usize::MAX, |&s| usize::from(s));
        let count = self.tail_bytes.get(start).copied().unwrap_or(0);
        let pairs = self
            .tail_bytes
            .get(start + 1..start + 1 + 2 * usize::from(count))
            .unwrap_or_default();
        pairs
            .chunks_exact(2)
            .map(|p| (usize::from(p[0]), self.set(p[1])))
    }

    /// The accept set for the whole of `digits` (ASCII `0`–`9`); 0 = no pattern matches.
    pub fn full(&self, start: u32, digits: &[u8]) -> u16 {
        let mut at = self.start(start);
        for (i, &b) in digits.iter().enumerate() {
            match at {
                Some(At::Node(n)) => at = self.step(n, b.wrapping_sub(b'0')),
                Some(At::Tail(t)) => {
                    let left = digits.len() - i;
                    return self.tail(t).find(|&(r, _)| r == left).map_or(0, |(_, s)| s);
                }
                None => return 0,
            }
        }
        match at {
            Some(At::Node(n)) => self.node_accept(n),
            Some(At::Tail(t)) => self.tail(t).find(|&(r, _)| r == 0).map_or(0, |(_, s)| s),
            None => 0,
        }
    }

    /// The union of the accept sets of every prefix of `digits` (`re.match` semantics:
    /// a pattern's bit is set when some prefix, possibly all, of the input matches it).
    pub fn prefixes(&self, start: u32, digits: &[u8]) -> u16 {
        let mut union = 0;
        let mut at = self.start(start);
        let mut i = 0;
        loop {
            match at {
                Some(At::Node(n)) => {
                    union |= self.node_accept(n);
                    let Some(&b) = digits.get(i) else {
                        return union;
                    };
                    at = self.step(n, b.wrapping_sub(b'0'));
                    i += 1;
                }
                Some(At::Tail(t)) => {
                    let left = digits.len() - i;
                    return self
                        .tail(t)
                        .take_while(|&(r, _)| r <= left)
                        .fold(union, |u, (_, s)| u | s);
                }
                None => return union,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::AUTOMATA;
    use super::Automata;
    use proptest::prelude::*;

    /// A run of continuation bytes is no code (a shift past 32 bits would overflow):
    /// none, not a panic. Property tests found this in the pool once.
    #[test]
    fn continuation_bytes_without_end_are_no_code() {
        let pool = Automata {
            nodes: &[0xff; 8],
            tail_bytes: &[],
            tail_starts: &[],
            accept_sets: &[],
        };
        let mut pos = 0;
        assert_eq!(pool.code(&mut pos), None);
    }

    proptest! {
        /// A fixed-width code is its bytes read little-endian, or none past the pool.
        #[test]
        fn fixed_codes_read_little_endian(pos in 0..AUTOMATA.nodes.len() + 8, width in 1usize..=4) {
            let want = AUTOMATA
                .nodes
                .get(pos..pos + width)
                .map(|b| b.iter().rev().fold(0u32, |c, &x| c << 8 | u32::from(x)));
            prop_assert_eq!(AUTOMATA.fixed_code(pos, width), want);
        }

        /// A step from any byte of the pool (a node or not) answers without panicking.
        #[test]
        fn a_step_from_anywhere_never_panics(at in 0..AUTOMATA.nodes.len() + 8, d in 0u8..=255) {
            let _ = AUTOMATA.step(at, d);
        }
    }
}
