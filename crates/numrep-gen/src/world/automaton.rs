//! Patterns → one minimal deterministic automaton over the digits 0–9.
//!
//! Several patterns, each with its own bit, compile into one DFA whose accepting states
//! carry the set of patterns that accept there. Patterns are finite languages (bounded
//! repetition only), so the DFA is acyclic; minimisation merges states bottom-up by
//! their signature (accept set, ten successors).

use std::collections::HashMap;

use super::regex::{DigitSet, Node};

/// No transition.
pub const DEAD: u32 = u32::MAX;

/// A Thompson NFA over digits.
#[derive(Default)]
struct Nfa {
    eps: Vec<Vec<u32>>,
    edges: Vec<Vec<(DigitSet, u32)>>,
    accept: Vec<u16>,
}

impl Nfa {
    fn state(&mut self) -> u32 {
        self.eps.push(Vec::new());
        self.edges.push(Vec::new());
        self.accept.push(0);
        (self.eps.len() - 1) as u32
    }

    /// Adds `node` starting at `from`; returns the state reached at its end.
    fn add(&mut self, node: &Node, from: u32) -> Result<u32, String> {
        Ok(match node {
            Node::Set(set) => {
                let to = self.state();
                self.edges[from as usize].push((*set, to));
                to
            }
            Node::Concat(parts) => {
                let mut at = from;
                for part in parts {
                    at = self.add(part, at)?;
                }
                at
            }
            Node::Alt(alternatives) => {
                let end = self.state();
                for alternative in alternatives {
                    let at = self.add(alternative, from)?;
                    self.eps[at as usize].push(end);
                }
                end
            }
            Node::Repeat(inner, min, max) => {
                let mut at = from;
                for _ in 0..*min {
                    at = self.add(inner, at)?;
                }
                let end = self.state();
                self.eps[at as usize].push(end);
                for _ in *min..*max {
                    at = self.add(inner, at)?;
                    self.eps[at as usize].push(end);
                }
                end
            }
            Node::Group(inner, _) => self.add(inner, from)?,
            Node::End => return Err("`$` is only supported in prefix-for-parsing rules".into()),
        })
    }

    fn closure(&self, states: &mut Vec<u32>) {
        let mut stack = states.clone();
        while let Some(s) = stack.pop() {
            for &t in &self.eps[s as usize] {
                if !states.contains(&t) {
                    states.push(t);
                    stack.push(t);
                }
            }
        }
        states.sort_unstable();
    }
}

/// A minimal acyclic DFA. States are numbered children first; `start` may be [`DEAD`]
/// (nothing matches).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dfa {
    /// Accept set of each state.
    pub accept: Vec<u16>,
    /// Successor for each digit, [`DEAD`] for none.
    pub next: Vec<[u32; 10]>,
    /// The start state.
    pub start: u32,
}

/// How accepting states behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The whole input must match.
    Full,
    /// A prefix of the input must match (`re.match`): accepting states need no successors.
    Prefix,
}

/// Compiles `(bit, pattern)` pairs into one minimal DFA. `accept_map` rewrites each
/// accept set before minimisation (e.g. to drop bits the general pattern does not allow).
pub fn compile(
    patterns: &[(u8, &Node)],
    mode: Mode,
    accept_map: impl Fn(u16) -> u16,
) -> Result<Dfa, String> {
    let mut nfa = Nfa::default();
    let start = nfa.state();
    for &(bit, node) in patterns {
        let entry = nfa.state();
        nfa.eps[start as usize].push(entry);
        let end = nfa.add(node, entry)?;
        nfa.accept[end as usize] |= 1 << bit;
    }
    // Subset construction.
    let mut first = vec![start];
    nfa.closure(&mut first);
    let mut ids: HashMap<Vec<u32>, u32> = HashMap::from([(first.clone(), 0)]);
    let mut sets = vec![first];
    let mut accept = Vec::new();
    let mut next = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        let set = sets[i].clone();
        let acc = accept_map(set.iter().fold(0, |a, &s| a | nfa.accept[s as usize]));
        let mut row = [DEAD; 10];
        if !(mode == Mode::Prefix && acc != 0) {
            for (d, slot) in row.iter_mut().enumerate() {
                let mut to: Vec<u32> = Vec::new();
                for &s in &set {
                    for &(digits, t) in &nfa.edges[s as usize] {
                        if digits & (1 << d) != 0 && !to.contains(&t) {
                            to.push(t);
                        }
                    }
                }
                if to.is_empty() {
                    continue;
                }
                nfa.closure(&mut to);
                let id = match ids.get(&to) {
                    Some(&id) => id,
                    None => {
                        let id = sets.len() as u32;
                        ids.insert(to.clone(), id);
                        sets.push(to);
                        id
                    }
                };
                *slot = id;
            }
        }
        accept.push(acc);
        next.push(row);
        i += 1;
    }
    minimize(&accept, &next)
}

/// Merges equivalent states bottom-up; drops states that cannot reach an accept.
fn minimize(accept: &[u16], next: &[[u32; 10]]) -> Result<Dfa, String> {
    const UNSEEN: u32 = u32::MAX - 1;
    const OPEN: u32 = u32::MAX - 2;
    let mut canon = vec![UNSEEN; accept.len()];
    let mut by_signature: HashMap<(u16, [u32; 10]), u32> = HashMap::new();
    let mut out = Dfa {
        accept: Vec::new(),
        next: Vec::new(),
        start: DEAD,
    };
    // Iterative post-order DFS: (state, next digit to visit).
    let mut stack = vec![(0usize, 0usize)];
    canon[0] = OPEN;
    while let Some(top) = stack.last_mut() {
        let (s, d) = *top;
        if d < 10 {
            top.1 += 1;
            let t = next[s][d];
            if t != DEAD {
                match canon[t as usize] {
                    UNSEEN => {
                        canon[t as usize] = OPEN;
                        stack.push((t as usize, 0));
                    }
                    OPEN => return Err("pattern set is cyclic (unbounded)".into()),
                    _ => {}
                }
            }
            continue;
        }
        stack.pop();
        let row = next[s].map(|t| if t == DEAD { DEAD } else { canon[t as usize] });
        canon[s] = if accept[s] == 0 && row.iter().all(|&t| t == DEAD) {
            DEAD
        } else {
            *by_signature.entry((accept[s], row)).or_insert_with(|| {
                out.accept.push(accept[s]);
                out.next.push(row);
                (out.accept.len() - 1) as u32
            })
        };
    }
    out.start = canon[0];
    Ok(out)
}

/// A state whose every continuation is "any digits": for each number of remaining
/// digits, the accept set there (sorted, non-empty sets only).
pub type TailProfile = Vec<(u8, u16)>;

/// For each state, its tail profile if it is a tail (every digit leads to the same
/// tail, or no digit leads anywhere).
pub fn tail_profiles(dfa: &Dfa) -> Vec<Option<TailProfile>> {
    let mut out: Vec<Option<TailProfile>> = Vec::with_capacity(dfa.accept.len());
    // Children come first, so each successor's profile is known.
    for (s, row) in dfa.next.iter().enumerate() {
        let own = (dfa.accept[s] != 0).then_some((0u8, dfa.accept[s]));
        let profile = if row.iter().all(|&t| t == DEAD) {
            Some(own.into_iter().collect())
        } else if row.iter().all(|&t| t == row[0]) {
            out[row[0] as usize].as_ref().map(|below| {
                own.into_iter()
                    .chain(below.iter().map(|&(r, a)| (r + 1, a)))
                    .collect()
            })
        } else {
            None
        };
        out.push(profile);
    }
    out
}

/// Reference semantics for tests: the accept set after reading all of `digits`.
#[cfg(test)]
pub fn run(dfa: &Dfa, digits: &[u8]) -> u16 {
    let mut s = dfa.start;
    for &d in digits {
        if s == DEAD {
            return 0;
        }
        s = dfa.next[s as usize][usize::from(d - b'0')];
    }
    if s == DEAD {
        0
    } else {
        dfa.accept[s as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::super::regex::parse;
    use super::*;

    #[test]
    fn union_carries_the_bits_of_every_pattern() {
        let a = parse(r"1\d{2}").unwrap();
        let b = parse(r"12\d|3").unwrap();
        let dfa = compile(&[(0, &a), (1, &b)], Mode::Full, |x| x).unwrap();
        assert_eq!(run(&dfa, b"123"), 0b11);
        assert_eq!(run(&dfa, b"133"), 0b01);
        assert_eq!(run(&dfa, b"3"), 0b10);
        assert_eq!(run(&dfa, b"12"), 0);
        assert_eq!(run(&dfa, b"1234"), 0);
    }

    #[test]
    fn minimal_and_tails() {
        let a = parse(r"[1-9]\d{3,4}").unwrap();
        let dfa = compile(&[(0, &a)], Mode::Full, |x| x).unwrap();
        // start, then "3 or 4 more digits": 5 states in a chain.
        assert_eq!(dfa.accept.len(), 6);
        let tails = tail_profiles(&dfa);
        let after_first = dfa.next[dfa.start as usize][1];
        assert_eq!(tails[after_first as usize], Some(vec![(3, 1), (4, 1)]));
        assert_eq!(tails[dfa.start as usize], None);
    }

    #[test]
    fn prefix_mode_stops_at_the_first_accept() {
        let a = parse(r"1[2-4]|5").unwrap();
        let dfa = compile(&[(0, &a)], Mode::Prefix, |x| x).unwrap();
        let s = dfa.next[dfa.start as usize][5];
        assert_eq!(dfa.accept[s as usize], 1);
        assert!(dfa.next[s as usize].iter().all(|&t| t == DEAD));
    }
}
