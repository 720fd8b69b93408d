//! Minimal DFAs → the compact byte encoding the core walks at run time.
//!
//! The layout is documented (and decoded) in `crates/numrep/src/plan/world/automaton.rs`.
//! Encoding happens once all automata are known, so that the most used tails and
//! accept sets get the smallest ids (one LEB128 byte).

use std::collections::{BTreeMap, HashMap};

use super::automaton::{tail_profiles, Dfa, TailProfile, DEAD};

/// Start code of an automaton that accepts nothing.
pub const NOTHING: u32 = u32::MAX;

/// Header bit: the node accepts (an accept-set index byte follows the header).
const ACCEPT: u8 = 0x10;
/// Header bit: the first run leads to the node encoded right after this one.
const FALLTHROUGH: u8 = 0x20;
/// Header bit: a single-digit node; the low nibble is the digit.
const LITERAL: u8 = 0x80;
/// Header bit: a node in segment form (mask of segment starts, one fixed-width code per
/// segment; the mask byte's top bits hold the width).
const SEGMENTS: u8 = 0x40;

/// An automaton added to [`Pools`], encoded by [`Pools::finish`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Handle(usize);

/// Collects automata, then encodes them all into shared byte pools.
#[derive(Default)]
pub struct Pools {
    dfas: Vec<(Dfa, Vec<Option<TailProfile>>)>,
    known: HashMap<Dfa, Handle>,
}

/// The encoded pools.
pub struct Encoded {
    /// Node bytes of all automata.
    pub nodes: Vec<u8>,
    /// Tail bytes.
    pub tail_bytes: Vec<u8>,
    /// Start offset of each tail in `tail_bytes`.
    pub tail_starts: Vec<u16>,
    /// Distinct accept sets; nodes and tails store an index.
    pub accept_sets: Vec<u16>,
    starts: Vec<u32>,
}

impl Encoded {
    /// The start code of an added automaton.
    pub fn start(&self, handle: Handle) -> u32 {
        self.starts[handle.0]
    }
}

/// Bytes a fixed-width code needs (1–4).
fn byte_width(value: u32) -> usize {
    (4 - value.leading_zeros() as usize / 8).max(1)
}

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

/// Ids by descending use (ties in first-seen order), so frequent items get small ids.
fn by_use<K: Clone + Eq + std::hash::Hash>(uses: &[K]) -> HashMap<K, u32> {
    let mut count: HashMap<&K, (usize, usize)> = HashMap::new();
    for (i, k) in uses.iter().enumerate() {
        count.entry(k).or_insert((0, i)).0 += 1;
    }
    let mut keys: Vec<(&K, (usize, usize))> = count.into_iter().collect();
    keys.sort_by_key(|&(_, (n, first))| (std::cmp::Reverse(n), first));
    keys.into_iter()
        .enumerate()
        .map(|(id, (k, _))| (k.clone(), id as u32))
        .collect()
}

impl Pools {
    /// Adds an automaton (identical automata are stored once).
    pub fn add(&mut self, dfa: Dfa) -> Handle {
        if let Some(&h) = self.known.get(&dfa) {
            return h;
        }
        let h = Handle(self.dfas.len());
        let profiles = tail_profiles(&dfa);
        self.known.insert(dfa.clone(), h);
        self.dfas.push((dfa, profiles));
        h
    }

    /// Encodes every automaton.
    pub fn finish(self) -> Result<Encoded, String> {
        // Count how often each tail and accept set is referenced.
        let mut tail_uses = Vec::new();
        let mut set_uses = Vec::new();
        for (dfa, profiles) in &self.dfas {
            if dfa.start != DEAD && profiles[dfa.start as usize].is_some() {
                tail_uses.push(profiles[dfa.start as usize].clone().unwrap_or_default());
            }
            for (s, row) in dfa.next.iter().enumerate() {
                match &profiles[s] {
                    Some(p) => set_uses.extend(p.iter().map(|&(_, set)| set)),
                    None => {
                        if dfa.accept[s] != 0 {
                            set_uses.push(dfa.accept[s]);
                        }
                        for (_, _, t) in runs(row) {
                            if let Some(p) = &profiles[t as usize] {
                                tail_uses.push(p.clone());
                            }
                        }
                    }
                }
            }
        }
        let tail_ids = by_use(&tail_uses);
        let set_ids = by_use(&set_uses);
        if set_ids.len() > 256 {
            return Err(format!("{} accept sets, at most 256", set_ids.len()));
        }
        let mut out = Encoded {
            nodes: Vec::new(),
            tail_bytes: Vec::new(),
            tail_starts: vec![0; tail_ids.len()],
            accept_sets: vec![0; set_ids.len()],
            starts: Vec::new(),
        };
        for (&set, &id) in &set_ids {
            out.accept_sets[id as usize] = set;
        }
        let ordered: BTreeMap<u32, &TailProfile> =
            tail_ids.iter().map(|(p, &id)| (id, p)).collect();
        for (id, profile) in ordered {
            out.tail_starts[id as usize] =
                u16::try_from(out.tail_bytes.len()).map_err(|_| "tail bytes exceed u16 offsets")?;
            out.tail_bytes
                .push(u8::try_from(profile.len()).map_err(|_| "tail too long")?);
            for &(remaining, set) in profile {
                out.tail_bytes.extend([remaining, set_ids[&set] as u8]);
            }
        }
        for (dfa, profiles) in &self.dfas {
            let start = encode(&mut out.nodes, dfa, profiles, &tail_ids, &set_ids)?;
            out.starts.push(start);
        }
        Ok(out)
    }
}

/// Appends one automaton's nodes; returns its start code.
fn encode(
    nodes: &mut Vec<u8>,
    dfa: &Dfa,
    profiles: &[Option<TailProfile>],
    tail_ids: &HashMap<TailProfile, u32>,
    set_ids: &HashMap<u16, u32>,
) -> Result<u32, String> {
    if dfa.start == DEAD {
        return Ok(NOTHING);
    }
    let tail_of = |s: u32| profiles[s as usize].as_ref().map(|p| tail_ids[p]);
    if let Some(id) = tail_of(dfa.start) {
        return Ok((id + 1) * 2);
    }
    // Nodes parents first: reverse post-order, visiting high digits first so that the
    // lowest digit's child (the first run) tends to come right after its parent.
    let mut order = Vec::new();
    let mut seen = vec![false; dfa.accept.len()];
    let mut stack = vec![(dfa.start, 0usize)];
    seen[dfa.start as usize] = true;
    while let Some(top) = stack.last_mut() {
        let (s, d) = *top;
        if d < 10 {
            top.1 += 1;
            let t = dfa.next[s as usize][9 - d];
            if t != DEAD && tail_of(t).is_none() && !seen[t as usize] {
                seen[t as usize] = true;
                stack.push((t, 0));
            }
            continue;
        }
        stack.pop();
        order.push(s);
    }
    order.reverse();
    let position: HashMap<u32, usize> = order.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    // A node's bytes given the offsets of all nodes (deltas depend on them).
    let node_bytes = |s: u32, offset: &[usize]| -> Vec<u8> {
        let i = position[&s];
        let row = &dfa.next[s as usize];
        let rs = runs(row);
        let set = dfa.accept[s as usize];
        let code = |t: u32| match tail_of(t) {
            Some(id) => (id + 1) * 2,
            None => ((offset[position[&t]].saturating_sub(offset[i])) * 2 + 1) as u32,
        };
        let falls = |t: u32| t != DEAD && tail_of(t).is_none() && position[&t] == i + 1;
        let accept_bit = if set != 0 { ACCEPT } else { 0 };
        // Segments: maximal stretches of digits with one target, dead ones included.
        let starts: Vec<usize> = (0..10)
            .filter(|&d| d == 0 || row[d] != row[d - 1])
            .collect();
        let dead = starts.iter().filter(|&&d| row[d] == DEAD).count();
        let mut b = Vec::new();
        if rs.len() > 1 + dead {
            // Segment form: a mask of segment starts instead of one range byte per run.
            let mask = starts.iter().fold(0u16, |m, &d| m | 1 << d) >> 1;
            let fall = falls(row[0]);
            b.push(
                SEGMENTS | accept_bit | if fall { FALLTHROUGH } else { 0 } | (mask & 0x0f) as u8,
            );
            // One width for all codes of the node, so that the walk finds a segment's
            // code by multiplying instead of decoding the codes before it.
            let codes: Vec<u32> = starts
                .iter()
                .enumerate()
                .filter(|&(k, _)| !(k == 0 && fall))
                .map(|(_, &d)| if row[d] == DEAD { 0 } else { code(row[d]) })
                .collect();
            let width = codes.iter().map(|&c| byte_width(c)).max().unwrap_or(1);
            b.push((mask >> 4) as u8 | ((width - 1) as u8) << 5);
            if set != 0 {
                b.push(set_ids[&set] as u8);
            }
            for c in codes {
                b.extend_from_slice(&c.to_le_bytes()[..width]);
            }
            return b;
        }
        let (lo, hi, first) = rs[0];
        let fall = falls(first);
        if rs.len() == 1 && lo == hi {
            b.push(LITERAL | accept_bit | if fall { FALLTHROUGH } else { 0 } | lo);
        } else {
            b.push(rs.len() as u8 | accept_bit | if fall { FALLTHROUGH } else { 0 });
        }
        if set != 0 {
            b.push(set_ids[&set] as u8);
        }
        for (k, &(lo, hi, t)) in rs.iter().enumerate() {
            if !(rs.len() == 1 && lo == hi) {
                b.push(lo << 4 | hi);
            }
            if !(k == 0 && fall) {
                leb128(&mut b, code(t));
            }
        }
        b
    };
    // Offsets grow with the LEB128 widths of the deltas: iterate until stable.
    let mut offset = vec![0usize; order.len()];
    for round in 0.. {
        let mut next = Vec::with_capacity(order.len());
        let mut at = 0;
        for &s in &order {
            next.push(at);
            at += node_bytes(s, &offset).len();
        }
        if next == offset {
            break;
        }
        if round > 50 {
            return Err("node layout does not settle".into());
        }
        offset = next;
    }
    let base = nodes.len();
    for &s in &order {
        nodes.extend(node_bytes(s, &offset));
    }
    Ok(((base + offset[0]) * 2 + 1) as u32)
}
