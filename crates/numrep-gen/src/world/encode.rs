//! Minimal DFAs → the compact byte encoding the core walks at run time.
//!
//! The layout is documented (and decoded) in `crates/numrep/src/plan/world/automaton.rs`:
//!
//! * A *target code* names where a transition goes: even = tail `code / 2`, odd = the
//!   node `code / 2` bytes after the current node (or, for a start code, at that
//!   absolute offset in the node bytes).
//! * A node: header byte (low nibble = number of digit runs, `0x10` = accepting), then
//!   the accept-set index byte if accepting, then per run one byte `lo << 4 | hi` and the
//!   target code as LEB128.
//! * A tail (every continuation is "any digits"): one byte count, then `count` pairs
//!   (remaining digits, accept-set index). Tails are pooled across all automata.

use std::collections::HashMap;

use super::automaton::{tail_profiles, Dfa, TailProfile, DEAD};

/// The shared byte pools every automaton is encoded into.
#[derive(Default)]
pub struct Pools {
    /// Node bytes of all automata.
    pub nodes: Vec<u8>,
    /// Tail bytes.
    pub tail_bytes: Vec<u8>,
    /// Start offset of each tail in `tail_bytes`.
    pub tail_starts: Vec<u32>,
    tails: HashMap<TailProfile, u32>,
    /// Distinct accept sets; a node or tail stores an index into this.
    pub accept_sets: Vec<u16>,
    accept_index: HashMap<u16, u8>,
}

/// Start code of an automaton that accepts nothing.
pub const NOTHING: u32 = u32::MAX;

fn leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn leb128_len(value: u32) -> usize {
    match value {
        0..=0x7f => 1,
        0x80..=0x3fff => 2,
        0x4000..=0x1f_ffff => 3,
        _ => 4,
    }
}

/// Digit runs of a row: (lo, hi, target) for maximal equal, non-dead stretches.
fn runs(row: &[u32; 10]) -> Vec<(u8, u8, u32)> {
    let mut out: Vec<(u8, u8, u32)> = Vec::new();
    for (d, &t) in row.iter().enumerate() {
        if t == DEAD {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.2 == t && usize::from(last.1) + 1 == d => last.1 = d as u8,
            _ => out.push((d as u8, d as u8, t)),
        }
    }
    out
}

impl Pools {
    fn accept(&mut self, set: u16) -> Result<u8, String> {
        if let Some(&i) = self.accept_index.get(&set) {
            return Ok(i);
        }
        let i = u8::try_from(self.accept_sets.len()).map_err(|_| "more than 256 accept sets")?;
        self.accept_sets.push(set);
        self.accept_index.insert(set, i);
        Ok(i)
    }

    fn tail(&mut self, profile: &TailProfile) -> Result<u32, String> {
        if let Some(&id) = self.tails.get(profile) {
            return Ok(id);
        }
        let id = self.tail_starts.len() as u32;
        self.tail_starts.push(self.tail_bytes.len() as u32);
        let count = u8::try_from(profile.len()).map_err(|_| "tail too long")?;
        self.tail_bytes.push(count);
        for &(remaining, set) in profile {
            let index = self.accept(set)?;
            self.tail_bytes.extend([remaining, index]);
        }
        self.tails.insert(profile.clone(), id);
        Ok(id)
    }

    /// Appends `dfa` and returns its start code ([`NOTHING`] if it accepts nothing).
    pub fn add(&mut self, dfa: &Dfa) -> Result<u32, String> {
        if dfa.start == DEAD {
            return Ok(NOTHING);
        }
        let profiles = tail_profiles(dfa);
        let mut tail_ids = HashMap::new();
        for (s, p) in profiles.iter().enumerate() {
            if let Some(p) = p {
                tail_ids.insert(s as u32, self.tail(p)?);
            }
        }
        if let Some(&id) = tail_ids.get(&dfa.start) {
            return Ok(id * 2);
        }
        // Nodes in topological order (parents first): reverse post-order from the start.
        let mut order = Vec::new();
        let mut seen = vec![false; dfa.accept.len()];
        let mut stack = vec![(dfa.start, 0usize)];
        seen[dfa.start as usize] = true;
        while let Some(top) = stack.last_mut() {
            let (s, d) = *top;
            if d < 10 {
                top.1 += 1;
                // Visit high digits first so that the lowest digit's child follows its parent.
                let t = dfa.next[s as usize][9 - d];
                if t != DEAD && !tail_ids.contains_key(&t) && !seen[t as usize] {
                    seen[t as usize] = true;
                    stack.push((t, 0));
                }
                continue;
            }
            stack.pop();
            order.push(s);
        }
        order.reverse();
        // Offsets depend on the LEB128 widths of the deltas: grow until stable.
        let mut offset: HashMap<u32, usize> = order.iter().map(|&s| (s, 0)).collect();
        loop {
            let mut at = 0usize;
            let mut next_offset = HashMap::new();
            for &s in &order {
                next_offset.insert(s, at);
                at += 1 + usize::from(dfa.accept[s as usize] != 0);
                for (_, _, t) in runs(&dfa.next[s as usize]) {
                    let code = match tail_ids.get(&t) {
                        Some(&id) => id * 2,
                        None => ((offset[&t].saturating_sub(next_offset[&s])) * 2 + 1) as u32,
                    };
                    at += 1 + leb128_len(code);
                }
            }
            if next_offset == offset {
                break;
            }
            offset = next_offset;
        }
        let base = self.nodes.len();
        for &s in &order {
            debug_assert_eq!(self.nodes.len() - base, offset[&s]);
            let row = &dfa.next[s as usize];
            let rs = runs(row);
            let set = dfa.accept[s as usize];
            self.nodes
                .push(rs.len() as u8 | if set != 0 { 0x10 } else { 0 });
            if set != 0 {
                let index = self.accept(set)?;
                self.nodes.push(index);
            }
            for (lo, hi, t) in rs {
                self.nodes.push(lo << 4 | hi);
                let code = match tail_ids.get(&t) {
                    Some(&id) => id * 2,
                    None => {
                        let delta = offset[&t] - offset[&s];
                        assert!(delta > 0, "nodes are laid out parents first");
                        (delta * 2 + 1) as u32
                    }
                };
                leb128(&mut self.nodes, code);
            }
        }
        Ok(((base + offset[&dfa.start]) * 2 + 1) as u32)
    }
}
