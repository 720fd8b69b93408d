//! Helpers to read JSON from sloppy service bodies: find the outermost JSON
//! object inside surrounding text, and read numbers/strings that services
//! send in varying shapes.

use crate::error::BadAnswer;
use crate::redact::Redactor;
use serde_json::Value;

/// Finds and parses the outermost JSON object in `body`, ignoring any text
/// before the first `{` and after its matching `}` (strings and escapes are
/// respected while matching braces). Invalid UTF-8 is replaced, not fatal.
/// Every string in the result has passed `redactor`; a body without JSON gives
/// [`BadAnswer::NoJson`] with a safe excerpt.
pub fn outermost_object(body: &[u8], redactor: &Redactor) -> Result<Value, BadAnswer> {
    let text = String::from_utf8_lossy(body);
    let start = text.find('{').ok_or_else(|| no_json(body, redactor))?;
    let end = matching_brace(&text[start..]).ok_or(BadAnswer::Unclosed)?;
    let slice = &text[start..start + end + 1];
    let mut value = serde_json::from_str::<Value>(slice).map_err(|e| malformed(&e))?;
    redactor.value(&mut value);
    Ok(value)
}

/// Parses `body` as one JSON document (nothing around it); strings redacted as in
/// [`outermost_object`].
pub fn whole_json(body: &[u8], redactor: &Redactor) -> Result<Value, BadAnswer> {
    let mut value = serde_json::from_slice::<Value>(body).map_err(|e| {
        if body.iter().any(|b| *b == b'{' || *b == b'[') {
            malformed(&e)
        } else {
            no_json(body, redactor)
        }
    })?;
    redactor.value(&mut value);
    Ok(value)
}

fn no_json(body: &[u8], redactor: &Redactor) -> BadAnswer {
    BadAnswer::NoJson {
        excerpt: redactor.excerpt(body),
    }
}

fn malformed(err: &serde_json::Error) -> BadAnswer {
    BadAnswer::Malformed {
        line: err.line(),
        column: err.column(),
    }
}

/// Byte index of the `}` closing the object that starts at `text[0]` (`{`).
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A number given as JSON number or numeric string (`8`, `8.5`, `"8"`, `" 8 "`).
pub fn loose_f64(value: &Value) -> Option<f64> {
    let number = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
        _ => None,
    }?;
    number.is_finite().then_some(number)
}

/// A non-negative count given as JSON number or numeric string.
pub fn loose_u64(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && *f >= 0.0)
                .map(|f| f as u64)
        }),
        Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    }
}

/// A string given as JSON string or number (numbers are formatted).
pub fn loose_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(body: &[u8]) -> Result<Value, BadAnswer> {
        outermost_object(body, &Redactor::none())
    }

    #[test]
    fn finds_object_between_warnings() {
        let body = b"Partner Data not correct\n{\"a\":{\"b\":\"}{\"}}\ntrailing {";
        assert_eq!(object(body), Ok(json!({"a": {"b": "}{"}})));
    }

    #[test]
    fn handles_escaped_quotes() {
        let body = br#"{"a":"x\"}"} junk"#;
        assert_eq!(object(body), Ok(json!({"a": "x\"}"})));
    }

    #[test]
    fn errors() {
        assert_eq!(
            object(b"no json"),
            Err(BadAnswer::NoJson {
                excerpt: Some("no json".into())
            })
        );
        assert_eq!(object(b"{\"a\":"), Err(BadAnswer::Unclosed));
        assert_eq!(
            object(b"{\"a\" 1}"),
            Err(BadAnswer::Malformed { line: 1, column: 6 })
        );
        assert_eq!(
            whole_json(b"<html>", &Redactor::none()),
            Err(BadAnswer::NoJson {
                excerpt: Some("<html>".into())
            })
        );
        assert!(matches!(
            whole_json(b"[1,", &Redactor::none()),
            Err(BadAnswer::Malformed { .. })
        ));
    }

    #[test]
    fn loose_values() {
        assert_eq!(loose_f64(&json!("8")), Some(8.0));
        assert_eq!(loose_f64(&json!(" 7,5 ")), Some(7.5));
        assert_eq!(loose_f64(&json!(true)), None);
        assert_eq!(loose_u64(&json!("12")), Some(12));
        assert_eq!(loose_u64(&json!(-3)), None);
        assert_eq!(loose_string(&json!(5)).as_deref(), Some("5"));
    }
}
