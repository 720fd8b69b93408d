//! Helpers to read JSON from sloppy service bodies: find the outermost JSON
//! object inside surrounding text, and read numbers/strings that services
//! send in varying shapes.

use crate::error::ParseError;
use serde_json::Value;

/// Longest warning text kept in an error message.
const SNIPPET_CHARS: usize = 60;

/// Finds and parses the outermost JSON object in `body`, ignoring any text
/// before the first `{` and after its matching `}` (strings and escapes are
/// respected while matching braces). Invalid UTF-8 is replaced, not fatal.
pub fn outermost_object(body: &[u8]) -> Result<Value, ParseError> {
    let text = String::from_utf8_lossy(body);
    let start = text.find('{').ok_or(ParseError::NoJson)?;
    let end = matching_brace(&text[start..])
        .ok_or_else(|| ParseError::Malformed("JSON object is not closed".to_string()))?;
    let slice = &text[start..start + end + 1];
    serde_json::from_str::<Value>(slice).map_err(|e| ParseError::Malformed(e.to_string()))
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

/// A short, cleaned excerpt of a non-JSON body for an error message.
pub fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control())
        .take(SNIPPET_CHARS)
        .collect();
    clean.trim().to_string()
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

    #[test]
    fn finds_object_between_warnings() {
        let body = b"Partner Data not correct\n{\"a\":{\"b\":\"}{\"}}\ntrailing {";
        assert_eq!(outermost_object(body), Ok(json!({"a": {"b": "}{"}})));
    }

    #[test]
    fn handles_escaped_quotes() {
        let body = br#"{"a":"x\"}"} junk"#;
        assert_eq!(outermost_object(body), Ok(json!({"a": "x\"}"})));
    }

    #[test]
    fn errors() {
        assert_eq!(outermost_object(b"no json"), Err(ParseError::NoJson));
        assert!(matches!(
            outermost_object(b"{\"a\":"),
            Err(ParseError::Malformed(_))
        ));
        assert!(matches!(
            outermost_object(b"{\"a\" 1}"),
            Err(ParseError::Malformed(_))
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
