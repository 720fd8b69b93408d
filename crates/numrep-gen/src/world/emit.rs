//! Compiles every territory's patterns and writes `tables.rs` (data-shaped: static
//! arrays and struct literals, no code).

use std::collections::HashMap;
use std::fmt::Write;

use super::automaton::{compile, Mode};
use super::bits::{NUMBER_TYPES, SHORT_CODE, SHORT_GENERAL, SHORT_TYPES};
use super::claims;
use super::encode::{Encoded, Handle, Pools, NOTHING};
use super::load::{Desc, FormatRow, Territory, WorldData};
use super::pike::{determinise, Matcher};
use super::regex::{self, Node};
use crate::csvread::GenError;

fn fail(origin: &str, message: impl std::fmt::Display) -> GenError {
    GenError {
        file: origin.into(),
        line: 0,
        message: message.to_string(),
    }
}

fn parse(pattern: &str, origin: &str) -> Result<Node, GenError> {
    regex::parse(pattern).map_err(|e| fail(origin, e))
}

/// Bit mask of lengths; no lengths = any length.
fn length_mask(lengths: &[u8]) -> u32 {
    if lengths.is_empty() {
        return u32::MAX;
    }
    lengths.iter().fold(0, |m, &n| m | 1 << n)
}

/// A possible-lengths mask for the territory table: 0 when the description is missing.
fn desc_mask(d: Option<&Desc>, local: bool) -> u32 {
    d.map_or(0, |d| {
        let lengths = if local { &d.local_only } else { &d.lengths };
        if lengths.is_empty() {
            0
        } else {
            length_mask(lengths)
        }
    })
}

/// One compiled format rule (deduplicated across territories).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Rule {
    pattern: u16,
    leading: Option<Handle>,
    national: u16,
    international: u16,
}

/// What a territory's table row holds, with automata as handles until encoding.
struct Row {
    types: Handle,
    general: Option<Handle>,
    national_prefix_for_parsing: Option<u16>,
    type_lengths: [u32; 10],
    short: Option<Handle>,
    short_lengths: [u32; 8],
    leading: Option<Handle>,
    international_prefix: Option<u16>,
    national: Vec<u16>,
    international: Vec<u16>,
}

#[derive(Default)]
struct Builder {
    pools: Pools,
    rules: Vec<Rule>,
    rule_ids: HashMap<Rule, u16>,
    patterns: Vec<(Handle, Vec<u8>)>,
    pattern_ids: HashMap<String, u16>,
    templates: Vec<String>,
    template_ids: HashMap<String, u16>,
    matchers: Vec<Matcher>,
    matcher_ids: HashMap<String, u16>,
}

/// `format` with its first `\N` replaced by `rule`, whose `\1` stands for that `\N`
/// (what libphonenumber does with national-prefix and carrier-code rules).
fn apply_first_group_rule(format: &str, rule: &str) -> String {
    let Some(at) = format
        .as_bytes()
        .windows(2)
        .position(|w| w[0] == b'\\' && w[1].is_ascii_digit())
    else {
        return format.to_string();
    };
    let token = &format[at..at + 2];
    format!(
        "{}{}{}",
        &format[..at],
        rule.replace("\\1", token),
        &format[at + 2..]
    )
}

impl Builder {
    fn template(&mut self, text: &str) -> u16 {
        if let Some(&i) = self.template_ids.get(text) {
            return i;
        }
        let i = self.templates.len() as u16;
        self.templates.push(text.to_string());
        self.template_ids.insert(text.to_string(), i);
        i
    }

    fn automaton(
        &mut self,
        patterns: &[(u8, Node)],
        mode: Mode,
        accept_map: impl Fn(u16) -> u16,
        origin: &str,
    ) -> Result<Handle, GenError> {
        let refs: Vec<(u8, &Node)> = patterns.iter().map(|(b, n)| (*b, n)).collect();
        let dfa = compile(&refs, mode, accept_map).map_err(|e| fail(origin, e))?;
        Ok(self.pools.add(dfa))
    }

    fn prefix_automaton(&mut self, pattern: &str, origin: &str) -> Result<Handle, GenError> {
        let node = parse(pattern, origin)?;
        self.automaton(&[(0, node)], Mode::Prefix, |s| s, origin)
    }

    /// A format pattern: its automaton and the (min, max) length of each group.
    fn format_pattern(&mut self, pattern: &str, origin: &str) -> Result<u16, GenError> {
        if let Some(&i) = self.pattern_ids.get(pattern) {
            return Ok(i);
        }
        let node = parse(pattern, origin)?;
        let parts = match &node {
            Node::Concat(parts) => parts.clone(),
            other => vec![other.clone()],
        };
        let mut groups = Vec::new();
        let mut variable = 0;
        for (i, part) in parts.iter().enumerate() {
            match part {
                Node::Group(_, Some(n)) if *n == i as u32 + 1 => {
                    let (lo, hi) = regex::length_range(part);
                    variable += usize::from(lo != hi);
                    groups.extend([lo as u8, hi as u8]);
                }
                _ => {
                    return Err(fail(
                        origin,
                        format!("format pattern `{pattern}` is not a sequence of capturing groups"),
                    ))
                }
            }
        }
        if variable > 1 || groups.len() > 18 {
            return Err(fail(
                origin,
                format!("format pattern `{pattern}`: more than one group of variable length, or more than 9 groups"),
            ));
        }
        let handle = self.automaton(&[(0, node)], Mode::Full, |s| s, origin)?;
        let i = self.patterns.len() as u16;
        self.patterns.push((handle, groups));
        self.pattern_ids.insert(pattern.to_string(), i);
        Ok(i)
    }

    fn rule(&mut self, f: &FormatRow) -> Result<u16, GenError> {
        let leading = match f.leading_digits.last() {
            Some(p) => Some(self.prefix_automaton(p, &f.origin)?),
            None => None,
        };
        let national = if f.national_prefix_rule.is_empty() {
            f.format.clone()
        } else {
            apply_first_group_rule(&f.format, &f.national_prefix_rule)
        };
        let rule = Rule {
            pattern: self.format_pattern(&f.pattern, &f.origin)?,
            leading,
            national: self.template(&national),
            international: self.template(&f.format),
        };
        if let Some(&i) = self.rule_ids.get(&rule) {
            return Ok(i);
        }
        let i = self.rules.len() as u16;
        self.rules.push(rule.clone());
        self.rule_ids.insert(rule, i);
        Ok(i)
    }

    /// The type automaton (bit `i` = `NUMBER_TYPES[i]`, only where the general
    /// description matches too) and the length mask of each type (∩ general lengths).
    fn types(&mut self, t: &Territory) -> Result<(Handle, [u32; 10]), GenError> {
        let general = t.types.get("general");
        let mut nodes = Vec::new();
        if let Some(g) = general {
            nodes.push((0u8, parse(&g.pattern, &g.origin)?));
        }
        let general_mask = general.map_or(0, |g| length_mask(&g.lengths));
        let mut masks = [0u32; 10];
        for (i, category) in NUMBER_TYPES.iter().enumerate() {
            if let Some(d) = t.types.get(category.as_str()) {
                nodes.push((i as u8 + 1, parse(&d.pattern, &d.origin)?));
                masks[i] = length_mask(&d.lengths) & general_mask;
            }
        }
        let masked = |s: u16| if s & 1 != 0 { s >> 1 } else { 0 };
        Ok((
            self.automaton(&nodes, Mode::Full, masked, &t.origin)?,
            masks,
        ))
    }

    /// The short-number automaton (bit `i` = `SHORT_TYPES[i]`; the general description
    /// is folded into `short_code`, as validity needs both) and the length masks
    /// (`general` = possible lengths; `short_code` ∩ general).
    fn short(&mut self, t: &Territory) -> Result<(Option<Handle>, [u32; 8]), GenError> {
        let mut masks = [0u32; 8];
        let mut nodes = Vec::new();
        for (i, name) in SHORT_TYPES.iter().enumerate() {
            if let Some(d) = t.short.get(*name) {
                nodes.push((i as u8, parse(&d.pattern, &d.origin)?));
                masks[i] = length_mask(&d.lengths);
            }
        }
        if nodes.is_empty() {
            return Ok((None, masks));
        }
        let (general, short_code) = (1 << SHORT_GENERAL, 1 << SHORT_CODE);
        masks[SHORT_CODE] &= masks[SHORT_GENERAL];
        let fold = move |s: u16| {
            let s = if s & general == 0 { s & !short_code } else { s };
            s & !general
        };
        Ok((
            Some(self.automaton(&nodes, Mode::Full, fold, &t.origin)?),
            masks,
        ))
    }

    fn matcher(&mut self, pattern: &str, origin: &str) -> Result<u16, GenError> {
        if let Some(&i) = self.matcher_ids.get(pattern) {
            return Ok(i);
        }
        let m = determinise(&parse(pattern, origin)?).map_err(|e| fail(origin, e))?;
        let i = self.matchers.len() as u16;
        self.matchers.push(m);
        self.matcher_ids.insert(pattern.to_string(), i);
        Ok(i)
    }

    fn row(&mut self, t: &Territory) -> Result<Row, GenError> {
        let (types, type_lengths) = self.types(t)?;
        let general = match t.types.get("general") {
            Some(g) => Some(self.automaton(
                &[(0, parse(&g.pattern, &g.origin)?)],
                Mode::Full,
                |s| s,
                &g.origin,
            )?),
            None => None,
        };
        let national_prefix_for_parsing = if t.national_prefix_for_parsing.is_empty() {
            None
        } else {
            Some(self.matcher(&t.national_prefix_for_parsing, &t.origin)?)
        };
        let (short, short_lengths) = self.short(t)?;
        let leading = if t.leading_digits.is_empty() {
            None
        } else {
            Some(self.prefix_automaton(&t.leading_digits, &t.origin)?)
        };
        // libphonenumber reads the international prefix with `re.match`, as it reads
        // the national prefix for parsing: the same matchers serve both.
        let international_prefix = if t.international_prefix.is_empty() {
            None
        } else {
            Some(self.matcher(&t.international_prefix, &t.origin)?)
        };
        let national = t
            .national_formats
            .iter()
            .map(|f| self.rule(f))
            .collect::<Result<_, _>>()?;
        let international = t
            .international_formats
            .iter()
            .map(|f| self.rule(f))
            .collect::<Result<_, _>>()?;
        Ok(Row {
            types,
            general,
            national_prefix_for_parsing,
            type_lengths,
            short,
            short_lengths,
            leading,
            international_prefix,
            national,
            international,
        })
    }
}

fn list(o: &mut String, name: &str, doc: &str, ty: &str, items: &[String]) {
    let _ = writeln!(o, "/// {doc}\nstatic {name}: [{ty}; {}] = [", items.len());
    let mut line = String::from("   ");
    for item in items {
        if line.len() + item.len() > 96 {
            let _ = writeln!(o, "{line}");
            line = String::from("   ");
        }
        let _ = write!(line, " {item},");
    }
    let _ = writeln!(o, "{line}\n];\n");
}

fn numbers<T: ToString>(values: &[T]) -> Vec<String> {
    values.iter().map(ToString::to_string).collect()
}

fn start(encoded: &Encoded, handle: Option<Handle>) -> u32 {
    handle.map_or(NOTHING, |h| encoded.start(h))
}

fn territory_literal(t: &Territory, row: &Row, e: &Encoded) -> String {
    let general = t.types.get("general");
    format!(
        "    Territory {{ region: {:?}, code: {}, types: {}, general: {}, possible: {}, local_only: {}, \
         type_lengths: {:?}, same_fixed_mobile: {}, leading_digits: {}, national_prefix: {:?}, \
         national_prefix_for_parsing: {}, national_prefix_transform: {:?}, \
         international_prefix: {}, \
         national_formats: &{:?}, international_formats: {}, short: {}, short_lengths: {:?} }},\n",
        t.region,
        t.code,
        e.start(row.types),
        start(e, row.general),
        desc_mask(general, false),
        desc_mask(general, true),
        row.type_lengths,
        t.same_mobile_and_fixed_line_pattern,
        start(e, row.leading),
        t.national_prefix,
        row.national_prefix_for_parsing.unwrap_or(u16::MAX),
        t.national_prefix_transform_rule,
        row.international_prefix.unwrap_or(u16::MAX),
        row.national,
        if row.international.is_empty() {
            "None".to_string()
        } else {
            format!("Some(&{:?})", row.international)
        },
        start(e, row.short),
        row.short_lengths,
    )
}

/// Renders `tables.rs`.
pub fn render(data: &WorldData) -> Result<String, GenError> {
    let mut b = Builder::default();
    let rows: Vec<Row> = data
        .territories
        .iter()
        .map(|t| b.row(t))
        .collect::<Result<_, _>>()?;
    let Builder {
        pools,
        rules,
        patterns,
        templates,
        matchers,
        ..
    } = b;
    let e = pools.finish().map_err(|m| fail("world", m))?;

    let index: HashMap<(&str, u16), usize> = data
        .territories
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.region.as_str(), t.code), i))
        .collect();
    let mut by_code = Vec::new();
    // Calling code → its row in CODE_TERRITORIES, so a lookup is one load, not a search.
    let mut slots = vec![u8::MAX; 1000];
    for (&code, regions) in &data.code_regions {
        let slot = slots.get_mut(usize::from(code)).ok_or_else(|| {
            fail(
                "country codes",
                format!("calling code {code} has over 3 digits"),
            )
        })?;
        *slot = u8::try_from(by_code.len())
            .ok()
            .filter(|&slot| slot < u8::MAX)
            .ok_or_else(|| fail("country codes", "more than 254 calling codes"))?;
        let ids: Vec<usize> = if regions.is_empty() {
            vec![index[&("001", code)]]
        } else {
            regions.iter().map(|r| index[&(r.as_str(), code)]).collect()
        };
        let claims = if ids.len() > 1 {
            let leading: Vec<&str> = ids
                .iter()
                .map(|&i| data.territories[i].leading_digits.as_str())
                .collect();
            claims::claims(&leading).map_err(|m| fail("country codes", format!("+{code}: {m}")))?
        } else {
            Vec::new()
        };
        by_code.push(format!(
            "CodeRow {{ code: {code}, territories: &{ids:?}, claims: &{claims:?} }}"
        ));
    }

    let mut o = String::with_capacity(1 << 20);
    o.push_str(
        "// @generated by `cargo run -p numrep-gen` from data/world/libphonenumber/.\n\
         // Do not edit: change data/ and regenerate (crates/numrep-gen/tests/fresh.rs checks this).\n\
         #![allow(clippy::unreadable_literal)]\n\n\
         use super::automaton::Automata;\n\
         use super::types::{CodeRow, FormatPattern, FormatRule, MatcherEdge, MatcherState, PrefixMatcher, Territory};\n\n",
    );
    let _ = writeln!(
        o,
        "/// The libphonenumber release whose metadata these tables were compiled from.\n\
         pub(crate) const METADATA_VERSION: &str = {:?};\n",
        data.version
    );
    o.push_str(
        "/// Every automaton of the world tables (number types, short numbers, format\n\
         /// patterns, leading digits).\n\
         pub(crate) static AUTOMATA: Automata = Automata {\n    nodes: &NODES,\n    \
         tail_bytes: &TAIL_BYTES,\n    tail_starts: &TAIL_STARTS,\n    accept_sets: &ACCEPT_SETS,\n};\n\n",
    );
    list(
        &mut o,
        "NODES",
        "Automaton nodes.",
        "u8",
        &numbers(&e.nodes),
    );
    list(
        &mut o,
        "TAIL_BYTES",
        "Automaton tails.",
        "u8",
        &numbers(&e.tail_bytes),
    );
    list(
        &mut o,
        "TAIL_STARTS",
        "Start of each tail.",
        "u16",
        &numbers(&e.tail_starts),
    );
    list(
        &mut o,
        "ACCEPT_SETS",
        "Accept sets.",
        "u16",
        &numbers(&e.accept_sets),
    );
    let territories: String = data
        .territories
        .iter()
        .zip(&rows)
        .map(|(t, row)| territory_literal(t, row, &e))
        .collect();
    let _ = writeln!(
        o,
        "/// Every territory, sorted by (region, code); `001` = non-geographic.\n\
         pub(crate) static TERRITORIES: [Territory; {}] = [\n{territories}];\n",
        data.territories.len()
    );
    let _ =
        writeln!(
        o,
        "/// Non-geographic territories (`001`), which sort before every region: region `i` of\n\
         /// `data/world/regions.csv` is `TERRITORIES[NON_GEOGRAPHIC + i]`.\n\
         pub(crate) const NON_GEOGRAPHIC: usize = {};\n",
        data.territories.iter().filter(|t| t.region == "001").count()
    );
    let _ = writeln!(
        o,
        "/// Every calling code with its territories.\n\
         pub(crate) static CODE_TERRITORIES: [CodeRow; {}] = [\n    {}\n];\n",
        by_code.len(),
        by_code.join(",\n    ")
    );
    let _ = writeln!(
        o,
        "/// Calling code → its row in `CODE_TERRITORIES` (255 = none).\n\
         pub(crate) static CODE_SLOTS: [u8; 1000] = [\n{}];\n",
        slots
            .chunks(25)
            .map(|row| format!("    {},\n", numbers(row).join(", ")))
            .collect::<String>()
    );
    let rules: Vec<String> =
        rules
            .iter()
            .map(|r| {
                format!(
                "FormatRule {{ pattern: {}, leading_digits: {}, national: {}, international: {} }}",
                r.pattern, start(&e, r.leading), r.national, r.international
            )
            })
            .collect();
    let _ = writeln!(
        o,
        "/// Format rules (deduplicated); territories list them by index.\n\
         pub(crate) static FORMAT_RULES: [FormatRule; {}] = [\n    {}\n];\n",
        rules.len(),
        rules.join(",\n    ")
    );
    let patterns: Vec<String> = patterns
        .iter()
        .map(|(h, groups)| {
            format!(
                "FormatPattern {{ full: {}, groups: &{groups:?} }}",
                e.start(*h)
            )
        })
        .collect();
    let _ = writeln!(
        o,
        "/// Format patterns: automaton and (min, max) length of each group.\n\
         pub(crate) static FORMAT_PATTERNS: [FormatPattern; {}] = [\n    {}\n];\n",
        patterns.len(),
        patterns.join(",\n    ")
    );
    render_matchers(&mut o, &matchers);
    let templates: Vec<String> = templates.iter().map(|t| format!("{t:?}")).collect();
    let _ = writeln!(
        o,
        "/// Format templates (`\\\\1 \\\\2`).\n\
         pub(crate) static TEMPLATES: [&str; {}] = [\n    {}\n];",
        templates.len(),
        templates.join(",\n    ")
    );
    Ok(o)
}

/// The determinised prefix-for-parsing matchers: states of all matchers in one array,
/// transitions (with their thread maps) deduplicated.
fn render_matchers(o: &mut String, matchers: &[Matcher]) {
    let mut states = Vec::new();
    let mut edges: Vec<String> = Vec::new();
    let mut edge_ids: HashMap<String, usize> = HashMap::new();
    let mut heads = Vec::new();
    for m in matchers {
        let base = states.len();
        heads.push(format!(
            "PrefixMatcher {{ groups: {}, start: {base}, initial: &{:?} }}",
            m.groups, m.initial
        ));
        for s in &m.states {
            let next: Vec<String> = s
                .next
                .iter()
                .map(|n| match n {
                    None => "NO_EDGE".to_string(),
                    Some((target, threads)) => {
                        let text = format!(
                            "MatcherEdge {{ target: {}, threads: &{threads:?} }}",
                            base + *target as usize
                        );
                        let id = *edge_ids.entry(text.clone()).or_insert_with(|| {
                            edges.push(text);
                            edges.len() - 1
                        });
                        id.to_string()
                    }
                })
                .collect();
            states.push(format!(
                "MatcherState {{ matched: {}, end: {}, end_saves: {}, next: [{}] }}",
                s.matched,
                s.end.0,
                s.end.1,
                next.join(", ")
            ));
        }
    }
    let _ = writeln!(
        o,
        "/// No transition in a `MatcherState`.\nconst NO_EDGE: u16 = u16::MAX;\n\n\
         /// Prefix-for-parsing matchers (leftmost-first with captures), by index.\n\
         pub(crate) static PREFIX_MATCHERS: [PrefixMatcher; {}] = [\n    {}\n];\n\n\
         /// Their states.\npub(crate) static MATCHER_STATES: [MatcherState; {}] = [\n    {}\n];\n\n\
         /// Their transitions: next state and, per thread there, (thread continued, slots saved).\n\
         pub(crate) static MATCHER_EDGES: [MatcherEdge; {}] = [\n    {}\n];\n",
        heads.len(),
        heads.join(",\n    "),
        states.len(),
        states.join(",\n    "),
        edges.len(),
        edges.join(",\n    ")
    );
}
