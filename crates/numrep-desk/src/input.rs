//! A complaint as a client sends it, and the checks that turn it into a
//! [`NewComplaint`] — or into a specific error, with nothing stored.

use numrep::{parse, Checker, Region};
use serde::Deserialize;

use crate::category::Category;
use crate::keys::Keys;
use crate::privacy::CustomerHasher;
use crate::store::NewComplaint;
use crate::time::{day_of, Millis, DAY};

/// Longest `claimed_company` and `customer_ref`, in characters.
const MAX_SHORT_TEXT: usize = 200;

/// Longest `note`, in characters.
const MAX_NOTE: usize = 4000;

/// Longest `Idempotency-Key`, in bytes.
const MAX_IDEMPOTENCY_KEY: usize = 255;

/// The body of `POST /api/v1/complaints` (and one line of an import).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintInput {
    /// The number in any written form numrep parses.
    pub number: String,
    /// Region (ISO 3166) for a number written in national form; default: the desk's.
    #[serde(default)]
    pub region: Option<String>,
    /// One of [`Category`]'s wire names.
    pub category: String,
    /// Who the caller claimed to be.
    #[serde(default)]
    pub claimed_company: Option<String>,
    /// The customer's id in the ticket system (stored only as a keyed hash).
    #[serde(default)]
    pub customer_ref: Option<String>,
    /// The agent's note.
    #[serde(default)]
    pub note: Option<String>,
    /// When the call was made (epoch ms).
    #[serde(default)]
    pub call_time: Option<Millis>,
}

/// Bad input: an HTTP status class, a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct InputError {
    /// 400 (malformed), 413 (too large) or 422 (well-formed but invalid).
    pub status: u16,
    /// Stable machine-readable code (a number's parse error keeps the parser's code).
    pub code: &'static str,
    /// What is wrong, without echoing numbers or customer refs.
    pub message: String,
}

impl InputError {
    /// A 422 with `code`.
    pub fn invalid(code: &'static str, message: impl Into<String>) -> InputError {
        InputError {
            status: 422,
            code,
            message: message.into(),
        }
    }

    /// A 400 with `code`.
    pub fn malformed(code: &'static str, message: impl Into<String>) -> InputError {
        InputError {
            status: 400,
            code,
            message: message.into(),
        }
    }
}

/// Validates complaints: parses numbers, finds their vendor, hashes customer refs.
#[derive(Debug, Clone)]
pub struct Intake {
    checker: Checker,
    hasher: CustomerHasher,
}

impl Intake {
    /// An intake over the tables and lists of `checker`.
    pub fn new(checker: Checker, hasher: CustomerHasher) -> Intake {
        Intake { checker, hasher }
    }

    /// The checker (tables and our lists).
    pub fn checker(&self) -> &Checker {
        &self.checker
    }

    /// The customer-ref hasher.
    pub fn hasher(&self) -> &CustomerHasher {
        &self.hasher
    }

    /// Reads a JSON body: syntax errors are 400, wrong or unknown fields 422.
    pub fn parse_json(body: &[u8]) -> Result<ComplaintInput, InputError> {
        serde_json::from_slice(body).map_err(|e| json_error(&e))
    }

    /// The keys of a number as the desk counts it, read for `region` (default:
    /// the checker's) on the day `at` falls on.
    pub fn keys(&self, number: &str, region: Option<&str>, at: Millis) -> Result<Keys, InputError> {
        let region = match region.map(str::trim).filter(|r| !r.is_empty()) {
            Some(code) => Region::from_code(code)
                .map_err(|e| InputError::invalid("unknown_region", e.to_string()))?,
            None => self.checker.options().home_region(),
        };
        let parsed =
            parse(number, region).map_err(|e| InputError::invalid(e.code(), e.to_string()))?;
        let Some(e164) = parsed.e164() else {
            return Err(InputError::invalid(
                "short_code",
                "a short code (such as 110) has no E.164 form and is not counted; \
                 a call showing one is caller-ID spoofing: report it to the police",
            ));
        };
        let report = self.checker.check(&e164, day_of(at));
        let vendor = report
            .own_number()
            .filter(|own| own.in_window)
            .map(|own| own.vendor.clone());
        Ok(Keys::new(&e164, vendor))
    }

    /// Validates `input`, received at `received_at`, retried under `idempotency_key`.
    pub fn validate(
        &self,
        input: ComplaintInput,
        received_at: Millis,
        idempotency_key: Option<&str>,
    ) -> Result<NewComplaint, InputError> {
        let category = Category::parse(input.category.trim()).ok_or_else(|| {
            InputError::invalid(
                "unknown_category",
                format!("category must be one of: {}", Category::names()),
            )
        })?;
        let keys = self.keys(&input.number, input.region.as_deref(), received_at)?;
        let region = optional(input.region, "region", 2)?.map(|r| r.to_ascii_uppercase());
        let claimed_company = optional(input.claimed_company, "claimed_company", MAX_SHORT_TEXT)?;
        let customer_ref = optional(input.customer_ref, "customer_ref", MAX_SHORT_TEXT)?;
        let note = optional(input.note, "note", MAX_NOTE)?;
        if let Some(t) = input.call_time {
            if t < 0 || t > received_at.saturating_add(DAY) {
                return Err(InputError::invalid(
                    "invalid_call_time",
                    "call_time must be epoch milliseconds, not in the future",
                ));
            }
        }
        let idempotency_key = idempotency_key.map(check_idempotency_key).transpose()?;
        Ok(NewComplaint {
            keys,
            category,
            region,
            claimed_company,
            customer_hash: customer_ref.map(|r| self.hasher.hash(&r)),
            note,
            call_time: input.call_time,
            received_at,
            idempotency_key,
        })
    }
}

/// A trimmed optional text: blank is absent; longer than `max` characters is an error.
fn optional(
    text: Option<String>,
    field: &'static str,
    max: usize,
) -> Result<Option<String>, InputError> {
    let Some(text) = text else { return Ok(None) };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(InputError::invalid(
            "field_too_long",
            format!("{field} has {chars} characters; at most {max} are accepted"),
        ));
    }
    Ok(Some(trimmed.to_string()))
}

/// An `Idempotency-Key`: 1 to 255 visible ASCII characters.
fn check_idempotency_key(key: &str) -> Result<String, InputError> {
    if key.is_empty()
        || key.len() > MAX_IDEMPOTENCY_KEY
        || !key.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(InputError::malformed(
            "invalid_idempotency_key",
            "Idempotency-Key must be 1 to 255 visible ASCII characters",
        ));
    }
    Ok(key.to_string())
}

/// Sorts serde's complaint into the desk's codes.
fn json_error(e: &serde_json::Error) -> InputError {
    use serde_json::error::Category as Kind;
    let text = e.to_string();
    match e.classify() {
        Kind::Syntax | Kind::Eof | Kind::Io => InputError::malformed(
            "malformed_json",
            format!("the body is not valid JSON: {text}"),
        ),
        Kind::Data if text.starts_with("unknown field") => {
            InputError::invalid("unknown_field", text)
        }
        Kind::Data if text.starts_with("missing field") => {
            InputError::invalid("missing_field", text)
        }
        Kind::Data => InputError::invalid("invalid_field", text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use numrep::lists::{load_own_numbers, ListFormat, LoadOptions};
    use numrep::Options;
    use proptest::prelude::*;

    const NOW: Millis = 1_795_000_000_000; // 2026-11-18

    fn intake() -> Intake {
        let csv = "pattern,vendor,campaign,valid_from,valid_to\n\
                   +49 40 5555 01##,Callcenter Nord GmbH,Winter,2026-10-01,2026-12-31\n\
                   +49 221 5550 77##,Rheinland Dialog AG,Alt,2025-03-01,2025-09-30\n";
        let own =
            load_own_numbers(csv, "own.csv", ListFormat::Csv, &LoadOptions::default()).unwrap();
        let checker = Checker::new(Options::default()).with_own_numbers(own.list);
        Intake::new(checker, CustomerHasher::new(&[7; 32], "S").unwrap())
    }

    fn input(number: &str, category: &str) -> ComplaintInput {
        ComplaintInput {
            number: number.into(),
            category: category.into(),
            ..ComplaintInput::default()
        }
    }

    #[test]
    fn any_written_form_gives_the_same_keys_and_the_vendor() {
        let i = intake();
        for form in [
            "040 5555 0123",
            "+49 40 55550123",
            "0049-40-5555-0123",
            "tel:+49-40-5555-0123",
        ] {
            let c = i.validate(input(form, "cold_call"), NOW, None).expect(form);
            assert_eq!(c.keys.number, "+494055550123");
            assert_eq!(c.keys.range, "+4940555501xx");
            assert_eq!(c.keys.vendor.as_deref(), Some("Callcenter Nord GmbH"));
            assert_eq!(c.category, Category::ColdCall);
        }
        // A registration whose window has ended names no vendor.
        let c = i
            .validate(input("0221 5550 7712", "fraud"), NOW, None)
            .unwrap();
        assert_eq!(c.keys.vendor, None);
        // Another region reads national forms differently.
        let mut other = input("01 23 45 67 89", "survey");
        other.region = Some("fr".into());
        let c = i.validate(other, NOW, None).unwrap();
        assert_eq!(c.keys.number, "+33123456789");
        assert_eq!(c.region.as_deref(), Some("FR"));
    }

    #[test]
    fn errors_carry_specific_codes() {
        let i = intake();
        let code = |r: Result<NewComplaint, InputError>| r.unwrap_err().code;
        assert_eq!(
            code(i.validate(input("030 12a4567", "fraud"), NOW, None)),
            "invalid_character"
        );
        assert_eq!(code(i.validate(input("", "fraud"), NOW, None)), "empty");
        assert_eq!(
            code(i.validate(input("110", "fraud"), NOW, None)),
            "short_code"
        );
        assert_eq!(
            code(i.validate(input("030 1234567", "spam"), NOW, None)),
            "unknown_category"
        );
        let mut long = input("030 1234567", "other");
        long.note = Some("x".repeat(4001));
        assert_eq!(code(i.validate(long, NOW, None)), "field_too_long");
        let mut future = input("030 1234567", "other");
        future.call_time = Some(NOW + 2 * DAY);
        assert_eq!(code(i.validate(future, NOW, None)), "invalid_call_time");
        let mut region = input("030 1234567", "other");
        region.region = Some("XX".into());
        assert_eq!(code(i.validate(region, NOW, None)), "unknown_region");
        let bad_key = i.validate(input("030 1234567", "other"), NOW, Some("a b"));
        assert_eq!(bad_key.unwrap_err().status, 400);
    }

    #[test]
    fn customer_refs_are_hashed_and_blank_fields_dropped() {
        let i = intake();
        let mut with_ref = input("030 1234567", "adult");
        with_ref.customer_ref = Some(" K-4711 ".into());
        with_ref.note = Some("   ".into());
        let c = i.validate(with_ref, NOW, Some("retry-1")).unwrap();
        assert_eq!(c.customer_hash, Some(i.hasher().hash("K-4711")));
        assert_eq!(c.note, None);
        assert_eq!(c.idempotency_key.as_deref(), Some("retry-1"));
    }

    #[test]
    fn json_errors_are_sorted_into_400_and_422() {
        let e = Intake::parse_json(b"{\"number\": ").unwrap_err();
        assert_eq!((e.status, e.code), (400, "malformed_json"));
        let e = Intake::parse_json(b"[1,2]").unwrap_err();
        assert_eq!((e.status, e.code), (422, "invalid_field"));
        let e = Intake::parse_json(br#"{"number":"1","category":"x","colour":"red"}"#).unwrap_err();
        assert_eq!((e.status, e.code), (422, "unknown_field"));
        let e = Intake::parse_json(br#"{"category":"x"}"#).unwrap_err();
        assert_eq!((e.status, e.code), (422, "missing_field"));
        let e = Intake::parse_json(br#"{"number":5,"category":"x"}"#).unwrap_err();
        assert_eq!((e.status, e.code), (422, "invalid_field"));
        let ok = Intake::parse_json(br#"{"number":"030 1234567","category":"fraud","note":null}"#);
        assert_eq!(ok.unwrap().number, "030 1234567");
    }

    #[test]
    fn request_hash_ignores_arrival_time_only() {
        let i = intake();
        let a = i
            .validate(input("030 1234567", "fraud"), NOW, Some("k"))
            .unwrap();
        let b = i
            .validate(input("+49 30 1234567", "fraud"), NOW + 5000, Some("k"))
            .unwrap();
        assert_eq!(a.request_hash(), b.request_hash());
        let c = i
            .validate(input("030 1234567", "adult"), NOW, Some("k"))
            .unwrap();
        assert_ne!(a.request_hash(), c.request_hash());
    }

    proptest! {
        #[test]
        fn any_body_gives_an_answer_never_a_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
            let i = intake();
            if let Ok(parsed) = Intake::parse_json(&body) {
                let _ = i.validate(parsed, NOW, None);
            }
        }

        #[test]
        fn any_number_text_validates_or_errs(number in "\\PC{0,40}", key in "\\PC{0,10}") {
            let i = intake();
            let _ = i.validate(input(&number, "other"), NOW, Some(&key));
        }
    }
}
