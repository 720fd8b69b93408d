//! A finite pattern's strings in the order a backtracking matcher tries them.
//!
//! `re.match(p, s)` (leftmost-first, as libphonenumber's engines match) returns the first
//! path through `p`, in backtracking order, whose string is a prefix of `s`. For a small
//! finite language that order can be listed at generation time, so the run time only
//! compares literal prefixes: the first listed string that starts the input wins.

use super::regex::Node;

/// Largest language listed; bigger ones are an error.
pub const MAX_STRINGS: usize = 512;

/// The strings of `node` in backtracking order, each once (first occurrence kept).
pub fn in_priority_order(node: &Node) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for s in strings(node)? {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

fn product(a: Vec<String>, b: &[String]) -> Result<Vec<String>, String> {
    if a.len() * b.len() > MAX_STRINGS * 8 {
        return Err(format!("more than {MAX_STRINGS} strings"));
    }
    Ok(a.iter()
        .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
        .collect())
}

fn strings(node: &Node) -> Result<Vec<String>, String> {
    let out = match node {
        Node::Set(set) => (0..10u8)
            .filter(|d| set & (1 << d) != 0)
            .map(|d| char::from(b'0' + d).to_string())
            .collect(),
        Node::Concat(parts) => {
            let mut acc = vec![String::new()];
            for part in parts {
                acc = product(acc, &strings(part)?)?;
            }
            acc
        }
        Node::Alt(alternatives) => {
            let mut acc = Vec::new();
            for alternative in alternatives {
                acc.extend(strings(alternative)?);
            }
            acc
        }
        Node::Repeat(inner, min, max) => repeat(&strings(inner)?, *min, *max)?,
        Node::Group(inner, _) => strings(inner)?,
        Node::End => return Err("`$` cannot be listed as literal prefixes".into()),
    };
    if out.len() > MAX_STRINGS * 8 {
        return Err(format!("more than {MAX_STRINGS} strings"));
    }
    Ok(out)
}

/// Greedy `{min,max}`: one more repetition is tried before stopping.
fn repeat(one: &[String], min: u32, max: u32) -> Result<Vec<String>, String> {
    if max == 0 {
        return Ok(vec![String::new()]);
    }
    let more = product(one.to_vec(), &repeat(one, min.saturating_sub(1), max - 1)?)?;
    if min > 0 {
        Ok(more)
    } else {
        Ok(more.into_iter().chain([String::new()]).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::regex::parse;
    use super::*;

    #[test]
    fn backtracking_order() {
        let p = parse(r"00(?:1\d)?|0").unwrap();
        let list = in_priority_order(&p).unwrap();
        assert_eq!(list[0], "0010");
        assert_eq!(list[10], "00");
        assert_eq!(list[11], "0");
        let q = parse(r"0|00").unwrap();
        assert_eq!(in_priority_order(&q).unwrap(), ["0", "00"]);
    }
}
