//! Walking the compiled automata (`numrep-gen` builds them from libphonenumber's
//! patterns; see `crates/numrep-gen/src/world/encode.rs`).
//!
//! Encoding, all in static byte arrays:
//!
//! * A *target code* says where a transition goes: even = tail `code / 2`; odd = the
//!   node `code / 2` bytes after the current node. An automaton's *start code* is the
//!   same, except that an odd start is an absolute offset into the node bytes, and
//!   [`NOTHING`] means the automaton accepts nothing.
//! * A node: one header byte (low nibble = number of digit runs, `0x10` = accepting),
//!   the accept-set index if accepting, then per run one byte `lo << 4 | hi` and the
//!   target code as LEB128. Runs are sorted; digits outside every run lead nowhere.
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
            Some(At::Tail((code >> 1) as usize))
        }
    }

    fn set(&self, index: u8) -> u16 {
        self.accept_sets
            .get(usize::from(index))
            .copied()
            .unwrap_or(0)
    }

    /// The accept set of a node, and where its runs start.
    #[inline]
    fn node_accept(&self, at: usize) -> (u16, usize, u8) {
        let header = self.nodes.get(at).copied().unwrap_or(0);
        if header & 0x10 != 0 {
            let index = self.nodes.get(at + 1).copied().unwrap_or(0);
            (self.set(index), at + 2, header & 0x0f)
        } else {
            (0, at + 1, header & 0x0f)
        }
    }

    /// Follows digit `d` (0–9) out of the node at `at`.
    #[inline]
    fn step(&self, at: usize, d: u8) -> Option<At> {
        let (_, mut pos, runs) = self.node_accept(at);
        for _ in 0..runs {
            let range = *self.nodes.get(pos)?;
            pos += 1;
            let (lo, hi) = (range >> 4, range & 0x0f);
            if d < lo {
                return None;
            }
            if d <= hi {
                let mut code = 0u32;
                let mut shift = 0;
                loop {
                    let byte = *self.nodes.get(pos)?;
                    pos += 1;
                    code |= u32::from(byte & 0x7f) << shift;
                    if byte & 0x80 == 0 {
                        break;
                    }
                    shift += 7;
                }
                return Some(if code & 1 == 1 {
                    At::Node(at + (code >> 1) as usize)
                } else {
                    At::Tail((code >> 1) as usize)
                });
            }
            // Skip this run's target code.
            while *self.nodes.get(pos)? & 0x80 != 0 {
                pos += 1;
            }
            pos += 1;
        }
        None
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
            Some(At::Node(n)) => self.node_accept(n).0,
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
                    union |= self.node_accept(n).0;
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
