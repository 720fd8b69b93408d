//! Readable text: a labelled block for one number, one aligned line per number
//! for many. Colour marks the risk level but never carries it alone: the word
//! (`LOW`, `MEDIUM`, `HIGH`) is always printed.

use std::borrow::Cow;
use std::io::{self, Write};

use numrep::lists::Decision;
use numrep::{CallerIdRule, Report, Risk, SourceEvidence, SourceStatus};
use unicode_width::UnicodeWidthStr;

use super::{Color, Encoder};

/// Column widths of the one-line-per-number table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widths {
    input: usize,
    e164: usize,
    category: usize,
    validity: usize,
}

impl Default for Widths {
    /// Fixed widths for streamed input, where the rows are not known in advance;
    /// longer values push their own row out of line.
    fn default() -> Self {
        Widths {
            input: 20,
            e164: 16,
            category: 20,
            validity: 16,
        }
    }
}

impl Widths {
    /// Widths that fit every one of `reports` (and the header).
    pub fn fit<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        let mut w = Widths {
            input: "INPUT".len(),
            e164: "E164".len(),
            category: "CATEGORY".len(),
            validity: "VALIDITY".len(),
        };
        for r in reports {
            let row = Row::of(r);
            w.input = w.input.max(width(&row.input));
            w.e164 = w.e164.max(width(row.e164));
            w.category = w.category.max(width(row.category));
            w.validity = w.validity.max(width(row.validity));
        }
        w
    }
}

/// How to lay out reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A labelled block per report, blocks separated by a blank line.
    Block,
    /// A header and one aligned line per report.
    Table(Widths),
}

/// Writes reports as text.
pub struct TextEncoder {
    color: Color,
    layout: Layout,
    blocks: u64,
}

impl TextEncoder {
    /// An encoder with the given colour and layout.
    pub fn new(color: Color, layout: Layout) -> Self {
        TextEncoder {
            color,
            layout,
            blocks: 0,
        }
    }

    fn line(&self, r: &Report, w: Widths, out: &mut Vec<u8>) -> io::Result<()> {
        let row = Row::of(r);
        write_padded(out, &row.input, w.input)?;
        out.extend_from_slice(b"  ");
        write_padded(out, row.e164, w.e164)?;
        out.extend_from_slice(b"  ");
        write_padded(out, row.category, w.category)?;
        out.extend_from_slice(b"  ");
        write_padded(out, row.validity, w.validity)?;
        out.extend_from_slice(b"  ");
        if row.reason.is_empty() {
            self.write_risk(out, r.risk, 0)?;
        } else {
            self.write_risk(out, r.risk, 6)?;
            out.extend_from_slice(b"  ");
            out.extend_from_slice(row.reason.as_bytes());
        }
        out.push(b'\n');
        Ok(())
    }

    fn block(&mut self, r: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        if self.blocks > 0 {
            out.push(b'\n');
        }
        self.blocks += 1;
        if let Some(error) = &r.error {
            label(out, "Input", &clean(&r.input))?;
            label(
                out,
                "Error",
                &format!("{} [{}]", clean(&error.message), error.code),
            )?;
            return Ok(());
        }
        let number = match (&r.international_format, &r.e164) {
            (Some(intl), Some(e164)) if intl != e164 => format!("{intl}  ({e164})"),
            (Some(intl), _) => intl.clone(),
            (None, Some(e164)) => e164.clone(),
            (None, None) => clean(&r.input).into_owned(),
        };
        label(out, "Number", &number)?;
        if let Some(national) = &r.national_format {
            label(out, "National", national)?;
        }
        if let Some(ext) = &r.extension {
            label(out, "Extension", &clean(ext))?;
        }
        if let Some(country) = r.country {
            let country = match r.region {
                Some(region) => format!("{country} ({region})"),
                None => country.to_string(),
            };
            label(out, "Country", &country)?;
        }
        let mut kind = match (r.category_text, r.category) {
            (Some(text), Some(cat)) => format!("{text} [{}]", cat.as_str()),
            (None, Some(cat)) => cat.as_str().to_string(),
            _ => "unknown".to_string(),
        };
        if let Some(validity) = r.validity {
            kind.push_str(if r.valid { ", " } else { ", NOT VALID: " });
            kind.push_str(validity.as_str());
        }
        label(out, "Kind", &kind)?;
        if let Some(t) = &r.tariff {
            label(out, "Tariff", t.description)?;
        }
        if let Some(place) = r.place {
            label(out, "Place", place)?;
        }
        if let Some(operator) = r.operator {
            label(out, "Operator", operator)?;
        }
        let caller_id = match (r.caller_id, r.caller_id_allowed) {
            (Some(CallerIdRule::Allowed), _) | (None, true) => "allowed",
            (Some(CallerIdRule::Forbidden), _) => {
                "FORBIDDEN: cannot legitimately be shown as a caller's number"
            }
            (Some(CallerIdRule::Implausible), _) | (None, false) => {
                "IMPLAUSIBLE: never seen as a real caller's number"
            }
        };
        label(out, "Caller ID", caller_id)?;
        own_list_sources(r, out)?;
        write!(out, "{:<LABEL$}", "Risk")?;
        self.write_risk(out, r.risk, 0)?;
        out.push(b'\n');
        for reason in &r.reasons {
            writeln!(
                out,
                "{:LABEL$}• {} ({})",
                "",
                clean(&reason.message),
                reason.severity
            )?;
        }
        if let Some(advice) = &r.advice {
            label(out, "Advice", &advice.message)?;
        }
        if let Some(range) = &r.range {
            label(out, "Source", &format!("{}: {}", range.name, range.source))?;
        }
        Ok(())
    }

    /// The risk level as an upper-case word, padded to `width`, coloured when asked.
    fn write_risk(&self, out: &mut Vec<u8>, risk: Option<Risk>, width: usize) -> io::Result<()> {
        let (word, code) = match risk {
            Some(Risk::Low) => ("LOW", "32"),
            Some(Risk::Medium) => ("MEDIUM", "33"),
            Some(Risk::High) => ("HIGH", "1;31"),
            None => ("-", ""),
        };
        if self.color == Color::On && !code.is_empty() {
            write!(out, "\x1b[{code}m{word}\x1b[0m")?;
        } else {
            out.extend_from_slice(word.as_bytes());
        }
        out.extend(std::iter::repeat_n(b' ', width.saturating_sub(word.len())));
        Ok(())
    }
}

impl Encoder for TextEncoder {
    fn header(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        if let Layout::Table(w) = self.layout {
            write_padded(out, "INPUT", w.input)?;
            out.extend_from_slice(b"  ");
            write_padded(out, "E164", w.e164)?;
            out.extend_from_slice(b"  ");
            write_padded(out, "CATEGORY", w.category)?;
            out.extend_from_slice(b"  ");
            write_padded(out, "VALIDITY", w.validity)?;
            out.extend_from_slice(b"  RISK    REASON\n");
        }
        Ok(())
    }

    fn row(&mut self, report: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        match self.layout {
            Layout::Block => self.block(report, out),
            Layout::Table(w) => self.line(report, w, out),
        }
    }
}

/// The table cells of one report.
struct Row<'a> {
    input: Cow<'a, str>,
    e164: &'a str,
    category: &'a str,
    validity: &'a str,
    reason: Cow<'a, str>,
}

impl<'a> Row<'a> {
    fn of(r: &'a Report) -> Self {
        match &r.error {
            Some(error) => Row {
                input: clean(&r.input),
                e164: "-",
                category: "error",
                validity: error.code,
                reason: clean(&error.message),
            },
            None => Row {
                input: clean(&r.input),
                e164: r
                    .e164
                    .as_deref()
                    .or(r.national_number.as_deref())
                    .unwrap_or("-"),
                category: r.category.map_or("-", |c| c.as_str()),
                validity: r.validity.map_or("-", |v| v.as_str()),
                reason: r
                    .reasons
                    .first()
                    .map_or(Cow::Borrowed(""), |x| clean(&x.message)),
            },
        }
    }
}

/// Width of the label column of a block.
const LABEL: usize = 11;

/// One `Label      value` line of a block.
/// The lines for our lists and the online sources (values from files and services are
/// cleaned of control characters).
fn own_list_sources(r: &Report, out: &mut Vec<u8>) -> io::Result<()> {
    if let Some(own) = &r.own_number {
        let mut text = own.vendor.clone();
        if let Some(campaign) = &own.campaign {
            text.push_str(", ");
            text.push_str(campaign);
        }
        text.push_str(if own.in_window {
            " (registered)"
        } else {
            " (OUTSIDE its validity window)"
        });
        label(out, "Own number", &clean(&text))?;
    }
    if let Some(list) = &r.list {
        let decision = match list.decision {
            Decision::Allowed => "ALLOWED",
            Decision::Blocked => "BLOCKED",
            Decision::NotListed => "not listed",
        };
        let note = list
            .note
            .as_deref()
            .map_or(String::new(), |n| format!(": {n}"));
        label(
            out,
            "List",
            &clean(&format!(
                "{decision} by {} ({}){note}",
                list.pattern, list.source
            )),
        )?;
    }
    for (i, source) in r.sources.iter().enumerate() {
        let mut text = format!("{}: {}", source.name, status_word(source));
        if let Some(verdict) = source.verdict {
            text.push_str(&format!(", {}", verdict.as_str()));
        }
        if let Some(summary) = &source.summary {
            text.push_str(&format!(" — {summary}"));
        }
        if let Some(message) = source.error_message() {
            text.push_str(&format!(" — {message}"));
        }
        label(out, if i == 0 { "Sources" } else { "" }, &clean(&text))?;
    }
    Ok(())
}

fn status_word(source: &SourceEvidence) -> &'static str {
    match source.status {
        SourceStatus::Ok if source.cached => "ok (cached)",
        SourceStatus::Ok => "ok",
        SourceStatus::NotFound => "not found",
        SourceStatus::Timeout => "TIMEOUT",
        SourceStatus::Error => "ERROR",
        SourceStatus::ConfigError => "CONFIG ERROR",
        SourceStatus::Skipped => "skipped",
    }
}

fn label(out: &mut Vec<u8>, name: &str, value: &str) -> io::Result<()> {
    writeln!(out, "{name:<LABEL$}{value}")
}

/// Display width in terminal columns.
fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` followed by spaces up to `columns` terminal columns.
fn write_padded(out: &mut Vec<u8>, s: &str, columns: usize) -> io::Result<()> {
    out.extend_from_slice(s.as_bytes());
    let used = if s.is_ascii() { s.len() } else { width(s) };
    out.extend(std::iter::repeat_n(b' ', columns.saturating_sub(used)));
    Ok(())
}

/// Input text made safe for a terminal: control characters (escape sequences,
/// carriage returns, tabs) are shown escaped instead of being executed.
fn clean(s: &str) -> Cow<'_, str> {
    // Control characters are C0 (bytes below 0x20), DEL, and C1 (U+0080..U+009F,
    // encoded as 0xC2 0x80..0x9F): a byte scan rules them out cheaply.
    let maybe_control = s.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2);
    if !maybe_control || !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use numrep::{lookup, Options};

    fn render(inputs: &[&str], color: Color, layout: Layout) -> String {
        super::super::render_for_test(&mut TextEncoder::new(color, layout), inputs)
    }

    #[test]
    fn one_number_is_a_block_with_labels() {
        let text = render(&["+49 900 5123456"], Color::Off, Layout::Block);
        for word in [
            "Number",
            "Kind",
            "premium_rate",
            "Tariff",
            "Caller ID",
            "FORBIDDEN",
            "Risk",
            "HIGH",
            "•",
            "Advice",
        ] {
            assert!(text.contains(word), "{word:?} missing in\n{text}");
        }
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn many_numbers_are_aligned_lines() {
        let inputs = ["+49 900 5123456", "030 1234567", "110", "junk"];
        let reports: Vec<_> = inputs
            .iter()
            .map(|i| lookup(i, &Options::default()))
            .collect();
        let text = render(&inputs, Color::Off, Layout::Table(Widths::fit(&reports)));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + inputs.len());
        assert!(lines[0].starts_with("INPUT"));
        let risk_col = lines[0].find("RISK").expect("header has RISK");
        assert_eq!(&lines[1][risk_col..risk_col + 4], "HIGH");
        assert_eq!(&lines[2][risk_col..risk_col + 3], "LOW");
        assert!(lines[4].contains("error"));
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn streamed_rows_use_fixed_widths() {
        let text = render(
            &["110", "+49 30 1234567"],
            Color::Off,
            Layout::Table(Widths::default()),
        );
        let lines: Vec<&str> = text.lines().collect();
        let risk_col = lines[0].find("RISK").expect("header has RISK");
        assert_eq!(&lines[1][risk_col..risk_col + 4], "HIGH");
        assert_eq!(&lines[2][risk_col..risk_col + 3], "LOW");
    }

    #[test]
    fn colour_wraps_the_word_but_keeps_it() {
        let text = render(&["110"], Color::On, Layout::Block);
        assert!(text.contains("\x1b[1;31mHIGH\x1b[0m"));
        let text = render(&["110"], Color::On, Layout::Table(Widths::default()));
        assert!(text.contains("\x1b[1;31mHIGH\x1b[0m"));
    }

    #[test]
    fn control_characters_are_escaped() {
        let text = render(&["\x1b[2J110"], Color::Off, Layout::Block);
        assert!(!text.contains('\x1b'));
        assert!(text.contains("\\u{1b}"));
    }

    #[test]
    fn clean_finds_c0_c1_and_del() {
        assert!(matches!(clean("+49 30 123"), Cow::Borrowed(_)));
        assert!(matches!(clean("Zürich ü"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{9b}b"), "a\\u{9b}b");
        assert_eq!(clean("a\u{7f}b"), "a\\u{7f}b");
        assert_eq!(clean("a\tb"), "a\\tb");
    }

    #[test]
    fn wide_characters_are_padded_by_columns() {
        let mut out = Vec::new();
        write_padded(&mut out, "０３０", 8).expect("Vec");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), "０３０  ");
    }
}
