//! Leftmost-first matching with capture groups, determinised at generation time.
//!
//! `national_prefix_for_parsing` (and `international_prefix`, which needs only where the
//! match ends) is used the way libphonenumber uses it: `re.match`
//! from the start of the number, the first match in backtracking order wins, and its
//! capture groups feed the transform rule (`9\1`, `\2`) and the carrier code. A Pike VM
//! computes exactly that match with threads in priority order; here its thread lists
//! become the states of a DFA, and each transition records, for every thread of the
//! next state, which thread it continues and which group boundaries it passes. At run
//! time the walk only copies a few capture registers per digit: no regex, no search.

use std::collections::HashMap;

use super::regex::{capture_count, DigitSet, Node};

/// Most threads a state may hold (run-time register arrays are this big).
pub const MAX_THREADS: usize = 32;
/// Most capture groups (two register slots each).
pub const MAX_GROUPS: u32 = 4;
/// "None" in the state tables.
pub const NONE: u8 = u8::MAX;

#[derive(Debug, Clone, Copy)]
enum Inst {
    Char(DigitSet, usize),
    Split(usize, usize),
    Save(u8, usize),
    End(usize),
    Match,
}

/// Compiles `node` followed by `next`; returns the entry instruction.
fn emit(prog: &mut Vec<Inst>, node: &Node, next: usize) -> usize {
    let mut push = |i: Inst| {
        prog.push(i);
        prog.len() - 1
    };
    match node {
        Node::Set(s) => push(Inst::Char(*s, next)),
        Node::Concat(parts) => parts.iter().rev().fold(next, |n, p| emit(prog, p, n)),
        Node::Alt(alternatives) => {
            let entries: Vec<usize> = alternatives.iter().map(|a| emit(prog, a, next)).collect();
            let mut entry = *entries.last().unwrap_or(&next);
            for &e in entries.iter().rev().skip(1) {
                prog.push(Inst::Split(e, entry));
                entry = prog.len() - 1;
            }
            entry
        }
        Node::Repeat(inner, min, max) => {
            // Greedy optional copies, innermost first: (x(x)?)? …
            let mut optional = next;
            for _ in *min..*max {
                let body = emit(prog, inner, optional);
                prog.push(Inst::Split(body, next));
                optional = prog.len() - 1;
            }
            (0..*min).fold(optional, |n, _| emit(prog, inner, n))
        }
        Node::Group(inner, None) => emit(prog, inner, next),
        Node::Group(inner, Some(n)) => {
            let close = push(Inst::Save((2 * (n - 1) + 1) as u8, next));
            let body = emit(prog, inner, close);
            prog.push(Inst::Save((2 * (n - 1)) as u8, body));
            prog.len() - 1
        }
        Node::End => push(Inst::End(next)),
    }
}

/// Threads reached from `pc` without consuming a digit, in priority order, each with
/// the slots it saved on the way; `at_end` lets threads pass `$`.
fn closure(prog: &[Inst], pc: usize, saves: u8, at_end: bool, out: &mut Vec<(usize, u8)>) {
    match prog[pc] {
        Inst::Split(a, b) => {
            closure(prog, a, saves, at_end, out);
            closure(prog, b, saves, at_end, out);
        }
        Inst::Save(slot, n) => closure(prog, n, saves | 1 << slot, at_end, out),
        Inst::End(n) if at_end => closure(prog, n, saves, at_end, out),
        Inst::Char(..) | Inst::End(_) | Inst::Match => {
            if !out.iter().any(|&(p, _)| p == pc) {
                out.push((pc, saves));
            }
        }
    }
}

/// Cuts a thread list after its first `Match` (lower-priority threads can never win).
fn cut(prog: &[Inst], threads: &mut Vec<(usize, u8)>) {
    if let Some(k) = threads
        .iter()
        .position(|&(pc, _)| matches!(prog[pc], Inst::Match))
    {
        threads.truncate(k + 1);
    }
}

/// A transition: the next state and, per thread of it, (thread continued, slots saved).
pub type Edge = (u32, Vec<(u8, u8)>);

/// A state of the determinised matcher.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct State {
    /// Thread that has matched here (the match so far ends at this position), or NONE.
    pub matched: u8,
    /// At the end of the input: the thread whose match wins and the slots it saves
    /// there, or NONE.
    pub end: (u8, u8),
    /// Per digit: the next state and, per thread of it, (thread continued, slots saved).
    pub next: [Option<Edge>; 10],
}

/// A determinised `re.match` matcher with captures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Matcher {
    /// Capture groups.
    pub groups: u8,
    /// States; the first is the start.
    pub states: Vec<State>,
    /// Slots each start thread saves at position 0.
    pub initial: Vec<u8>,
}

/// Determinises `node` (leftmost-first, prefix match, captures).
pub fn determinise(node: &Node) -> Result<Matcher, String> {
    let groups = capture_count(node);
    if groups > MAX_GROUPS {
        return Err(format!("{groups} capture groups, at most {MAX_GROUPS}"));
    }
    let mut prog = vec![Inst::Match];
    let start = emit(&mut prog, node, 0);
    let mut first = Vec::new();
    closure(&prog, start, 0, false, &mut first);
    cut(&prog, &mut first);
    let key = |threads: &[(usize, u8)]| threads.iter().map(|&(pc, _)| pc).collect::<Vec<_>>();
    let mut ids: HashMap<Vec<usize>, u32> = HashMap::from([(key(&first), 0)]);
    let mut lists = vec![key(&first)];
    let mut states = Vec::new();
    let mut i = 0;
    while i < lists.len() {
        let threads = lists[i].clone();
        if threads.len() > MAX_THREADS {
            return Err(format!("{} threads, at most {MAX_THREADS}", threads.len()));
        }
        let matched = threads
            .iter()
            .position(|&pc| matches!(prog[pc], Inst::Match))
            .map_or(NONE, |k| k as u8);
        let mut end = (NONE, 0);
        for (k, &pc) in threads.iter().enumerate() {
            let mut reach = Vec::new();
            closure(&prog, pc, 0, true, &mut reach);
            if let Some(&(_, saves)) = reach.iter().find(|&&(p, _)| matches!(prog[p], Inst::Match))
            {
                end = (k as u8, saves);
                break;
            }
        }
        let mut next: [Option<Edge>; 10] = Default::default();
        for (d, slot) in next.iter_mut().enumerate() {
            let mut out: Vec<(usize, u8)> = Vec::new();
            let mut parents = Vec::new();
            for (k, &pc) in threads.iter().enumerate() {
                if let Inst::Char(set, n) = prog[pc] {
                    if set & (1 << d) != 0 {
                        let before = out.len();
                        closure(&prog, n, 0, false, &mut out);
                        parents.extend(std::iter::repeat_n(k as u8, out.len() - before));
                    }
                }
            }
            cut(&prog, &mut out);
            parents.truncate(out.len());
            if out.is_empty() {
                continue;
            }
            let k = key(&out);
            let id = match ids.get(&k) {
                Some(&id) => id,
                None => {
                    let id = lists.len() as u32;
                    ids.insert(k.clone(), id);
                    lists.push(k);
                    id
                }
            };
            *slot = Some((
                id,
                parents
                    .into_iter()
                    .zip(out.iter().map(|&(_, s)| s))
                    .collect(),
            ));
        }
        states.push(State { matched, end, next });
        i += 1;
    }
    Ok(Matcher {
        groups: groups as u8,
        states,
        initial: first.iter().map(|&(_, s)| s).collect(),
    })
}

/// A match: where it ends and the span of each group (None = did not take part).
#[cfg(test)]
pub type Found = (usize, Vec<Option<(usize, usize)>>);

/// Reference run of a matcher (for tests).
#[cfg(test)]
pub fn run(m: &Matcher, digits: &[u8]) -> Option<Found> {
    const UNSET: usize = usize::MAX;
    let slots = 2 * usize::from(m.groups);
    let apply = |base: &[usize], saves: u8, at: usize| -> Vec<usize> {
        (0..slots)
            .map(|s| if saves & (1 << s) != 0 { at } else { base[s] })
            .collect()
    };
    let mut caps: Vec<Vec<usize>> = m
        .initial
        .iter()
        .map(|&s| apply(&vec![UNSET; slots], s, 0))
        .collect();
    let mut state = 0usize;
    let mut best = None;
    let spans = |c: &[usize]| {
        (0..usize::from(m.groups))
            .map(|g| (c[2 * g] != UNSET && c[2 * g + 1] != UNSET).then(|| (c[2 * g], c[2 * g + 1])))
            .collect::<Vec<_>>()
    };
    for i in 0..=digits.len() {
        let st = &m.states[state];
        if i == digits.len() {
            if st.end.0 != NONE {
                best = Some((i, spans(&apply(&caps[usize::from(st.end.0)], st.end.1, i))));
            }
            break;
        }
        if st.matched != NONE {
            best = Some((i, spans(&caps[usize::from(st.matched)])));
        }
        let Some((target, threads)) = &st.next[usize::from(digits[i] - b'0')] else {
            break;
        };
        caps = threads
            .iter()
            .map(|&(p, s)| apply(&caps[usize::from(p)], s, i + 1))
            .collect();
        state = *target as usize;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::regex::parse;
    use super::*;

    fn check(pattern: &str, input: &str, want: Option<Found>) {
        let m = determinise(&parse(pattern).unwrap()).unwrap();
        assert_eq!(run(&m, input.as_bytes()), want, "{pattern} on {input}");
    }

    #[test]
    fn leftmost_first_with_groups() {
        check(r"([2-9]\d{6})$|1", "2345678", Some((7, vec![Some((0, 7))])));
        check(r"([2-9]\d{6})$|1", "12345678", Some((1, vec![None])));
        check(r"([2-9]\d{6})$|1", "23456789", None);
        check(r"0|00", "001", Some((1, vec![])));
        check(r"0(1\d)?", "0123", Some((3, vec![Some((1, 3))])));
        check(r"0(1\d)?", "0234", Some((1, vec![None])));
        check(
            r"(?:0|90)(?:(1[245])(\d{10,11}))?",
            "0151234567890",
            Some((13, vec![Some((1, 3)), Some((3, 13))])),
        );
        check(
            r"0?(?:(11|2(?:2(?:02?|[13])))?15)?",
            "011151234",
            Some((5, vec![Some((1, 3))])),
        );
        check(
            r"0?(?:(11|2(?:2(?:02?|[13])))?15)?",
            "0111234",
            Some((1, vec![None])),
        );
        check(r"0?(?:(11)?15)?", "4", Some((0, vec![None])));
    }
}
