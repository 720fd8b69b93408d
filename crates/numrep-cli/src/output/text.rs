//! Readable text: a labelled block for one number, one aligned line per number
//! for many. Every word comes from the core's message catalogue in the report's
//! language. Colour marks the risk level but never carries it alone: the word
//! (`HIGH`, `HOCH`) is always printed. Values from inputs, lists and services are
//! escaped ([`for_terminal`]) and table cells are capped, so one long or hostile input
//! cannot widen or reorder every row.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, Write};

use numrep::{Label, Lang, Mode, Report, Risk};
use unicode_width::UnicodeWidthStr;

use super::clean::{elide, for_terminal};
use super::{Color, Encoder};

/// The widest an input or vendor cell of the table gets, in terminal columns.
const MAX_CELL: usize = 32;

/// Column widths of the one-line-per-number table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widths {
    input: usize,
    e164: usize,
    category: usize,
    validity: usize,
    /// 0 when no own-number register is loaded (no vendor column).
    vendor: usize,
}

impl Widths {
    /// Fixed widths for streamed input, where the rows are not known in advance;
    /// `vendor` adds the column of our own numbers' vendors.
    pub fn streamed(vendor: bool) -> Self {
        Widths {
            input: 20,
            e164: 16,
            category: 20,
            validity: 16,
            vendor: if vendor { 20 } else { 0 },
        }
    }

    /// Widths that fit every one of `reports` (and the header), cells capped at
    /// [`MAX_CELL`] columns.
    pub fn fit<'a>(reports: impl IntoIterator<Item = &'a Report> + Clone, vendor: bool) -> Self {
        let lang = reports
            .clone()
            .into_iter()
            .next()
            .map_or(Lang::En, Report::lang);
        let heads = Headers::new(lang);
        let mut w = Widths {
            input: width(&heads.input),
            e164: width(&heads.e164),
            category: width(&heads.category),
            validity: width(&heads.validity),
            vendor: if vendor { width(&heads.vendor) } else { 0 },
        };
        for r in reports {
            let row = Row::of(r);
            w.input = w.input.max(width(&row.input));
            w.e164 = w.e164.max(width(&row.e164));
            w.category = w.category.max(width(row.category));
            w.validity = w.validity.max(width(row.validity));
            if vendor {
                w.vendor = w.vendor.max(width(&row.vendor));
            }
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
    lang: Lang,
    blocks: u64,
}

impl TextEncoder {
    /// An encoder with the given colour, layout and language (of the header).
    pub fn new(color: Color, layout: Layout, lang: Lang) -> Self {
        TextEncoder {
            color,
            layout,
            lang,
            blocks: 0,
        }
    }

    fn line(&self, r: &Report, w: Widths, out: &mut Vec<u8>) -> io::Result<()> {
        let row = Row::of(r);
        write_padded(out, &row.input, w.input)?;
        out.extend_from_slice(b"  ");
        write_padded(out, &row.e164, w.e164)?;
        out.extend_from_slice(b"  ");
        write_padded(out, row.category, w.category)?;
        out.extend_from_slice(b"  ");
        write_padded(out, row.validity, w.validity)?;
        out.extend_from_slice(b"  ");
        if w.vendor > 0 {
            write_padded(out, &row.vendor, w.vendor)?;
            out.extend_from_slice(b"  ");
        }
        let risk_width = risk_width(r.lang());
        if row.reason.is_empty() {
            self.write_risk(out, r.risk(), r.lang(), 0)?;
        } else {
            self.write_risk(out, r.risk(), r.lang(), risk_width)?;
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
        let mut b = Block {
            out,
            lang: r.lang(),
            width: label_width(r.lang()),
        };
        if let Some(error) = r.error() {
            b.line(Label::Input, for_terminal(r.input()))?;
            b.line(
                Label::Error,
                format_args!("{} [{}]", for_terminal(&error.to_string()), error.code()),
            )?;
            return Ok(());
        }
        let lang = r.lang();
        if let (Some(intl), Some(e164)) =
            (r.formatted(Mode::International), r.formatted(Mode::E164))
        {
            let (intl, e164) = (intl.to_string(), e164.to_string());
            if intl == e164 {
                b.line(Label::Number, intl)?;
            } else {
                b.line(Label::Number, format_args!("{intl}  ({e164})"))?;
            }
        }
        if let Some(national) = r.national_format() {
            b.line(Label::National, national)?;
        }
        if let Some(ext) = r.number().and_then(|n| n.extension()) {
            b.line(Label::Extension, ext)?;
        }
        if let Some(country) = r.country() {
            match r.region() {
                Some(region) => b.line(Label::Country, format_args!("{country} ({region})"))?,
                None => b.line(Label::Country, country)?,
            }
        }
        if let (Some(category), Some(validity)) = (r.category(), r.validity()) {
            b.line(
                Label::Kind,
                format_args!(
                    "{} [{}], {}",
                    category.text(lang),
                    category.as_str(),
                    validity.text(lang)
                ),
            )?;
        }
        if let Some(t) = r.tariff() {
            b.line(Label::Tariff, t.description(lang))?;
        }
        if let Some(place) = r.place() {
            b.line(Label::Place, place)?;
        }
        if let Some(operator) = r.operator() {
            b.line(Label::Operator, operator)?;
        }
        if let Some(caller_id) = r.caller_id() {
            b.line(Label::CallerId, caller_id.text(lang))?;
        }
        if let Some(register) = r.register() {
            b.line(Label::Register, register.text(lang))?;
        }
        if let Some(own) = r.own_number() {
            let campaign = own
                .campaign
                .as_deref()
                .map_or(String::new(), |c| format!(", {c}"));
            b.line(
                Label::OwnNumber,
                for_terminal(&format!("{}{campaign} ({})", own.vendor, own.pattern)),
            )?;
        }
        if let Some(list) = r.list() {
            b.line(Label::List, for_terminal(&list.text(lang).to_string()))?;
        }
        for (i, source) in r.sources().iter().enumerate() {
            let mut text = format!("{}: {}", source.name, source.status_text(lang));
            if let Some(verdict) = source.verdict {
                text.push_str(&format!(", {}", verdict.as_str()));
            }
            if let Some(summary) = &source.summary {
                text.push_str(&format!(" — {summary}"));
            }
            if let Some(error) = source.error_message(lang) {
                text.push_str(&format!(" — {error}"));
            }
            let label = if i == 0 { Some(Label::Sources) } else { None };
            b.labelled(label, for_terminal(&text))?;
        }
        b.label(Some(Label::Risk))?;
        self.write_risk(b.out, r.risk(), lang, 0)?;
        b.out.push(b'\n');
        for reason in r.reasons() {
            let message = reason.message(lang).to_string();
            b.labelled(
                None,
                format_args!(
                    "• {} ({})",
                    for_terminal(&message),
                    reason.severity().text(lang)
                ),
            )?;
        }
        if let Some(advice) = r.advice() {
            b.line(Label::Advice, advice.text(lang))?;
        }
        if let Some(range) = r.range() {
            b.line(
                Label::Source,
                format_args!("{}: {}", range.name(lang), range.source()),
            )?;
        }
        Ok(())
    }

    /// The risk level as an upper-case word, padded to `width`, coloured when asked.
    fn write_risk(
        &self,
        out: &mut Vec<u8>,
        risk: Option<Risk>,
        lang: Lang,
        width: usize,
    ) -> io::Result<()> {
        let code = match risk {
            Some(Risk::Low) => "32",
            Some(Risk::Medium) => "33",
            Some(Risk::High) => "1;31",
            // A level added later is printed uncoloured: the word carries it anyway.
            Some(_) | None => "",
        };
        let word = risk.map_or_else(|| "-".to_string(), |r| r.text(lang).to_uppercase());
        if self.color == Color::On && !code.is_empty() {
            write!(out, "\x1b[{code}m{word}\x1b[0m")?;
        } else {
            out.extend_from_slice(word.as_bytes());
        }
        out.extend(std::iter::repeat_n(
            b' ',
            width.saturating_sub(width_of(&word)),
        ));
        Ok(())
    }
}

impl Encoder for TextEncoder {
    fn header(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        if let Layout::Table(w) = self.layout {
            let h = Headers::new(self.lang);
            write_padded(out, &h.input, w.input)?;
            out.extend_from_slice(b"  ");
            write_padded(out, &h.e164, w.e164)?;
            out.extend_from_slice(b"  ");
            write_padded(out, &h.category, w.category)?;
            out.extend_from_slice(b"  ");
            write_padded(out, &h.validity, w.validity)?;
            out.extend_from_slice(b"  ");
            if w.vendor > 0 {
                write_padded(out, &h.vendor, w.vendor)?;
                out.extend_from_slice(b"  ");
            }
            write_padded(out, &h.risk, risk_width(self.lang))?;
            writeln!(out, "  {}", h.reason)?;
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

/// The table's column titles in a language.
struct Headers {
    input: String,
    e164: String,
    category: String,
    validity: String,
    vendor: String,
    risk: String,
    reason: String,
}

impl Headers {
    fn new(lang: Lang) -> Self {
        let up = |l: Label| l.text(lang).to_uppercase();
        Headers {
            input: up(Label::Input),
            e164: "E164".to_string(),
            category: up(Label::Category),
            validity: up(Label::Validity),
            vendor: up(Label::Vendor),
            risk: up(Label::Risk),
            reason: up(Label::Reason),
        }
    }
}

/// Columns the risk word takes in the table: the longest level word or the header.
fn risk_width(lang: Lang) -> usize {
    [Risk::Low, Risk::Medium, Risk::High]
        .iter()
        .map(|r| width_of(r.text(lang)))
        .chain([width_of(Label::Risk.text(lang))])
        .max()
        .unwrap_or(6)
}

/// The label column of a block: the longest label in the language plus two spaces.
fn label_width(lang: Lang) -> usize {
    Label::ALL
        .iter()
        .map(|l| width_of(l.text(lang)))
        .max()
        .unwrap_or(10)
        + 2
}

/// The table cells of one report.
struct Row<'a> {
    input: Cow<'a, str>,
    e164: Cow<'a, str>,
    category: &'static str,
    validity: &'static str,
    vendor: Cow<'a, str>,
    reason: String,
}

impl<'a> Row<'a> {
    fn of(r: &'a Report) -> Self {
        let lang = r.lang();
        let input = cell(r.input());
        match r.error() {
            Some(error) => Row {
                input,
                e164: Cow::Borrowed("-"),
                category: "-",
                validity: error.code(),
                vendor: Cow::Borrowed("-"),
                reason: for_terminal(&error.to_string()).into_owned(),
            },
            None => Row {
                input,
                e164: r
                    .formatted(Mode::E164)
                    .map_or(Cow::Borrowed("-"), |e| Cow::Owned(e.to_string())),
                category: r.category().map_or("-", |c| c.text(lang)),
                validity: r.validity().map_or("-", |v| v.text(lang)),
                vendor: r
                    .own_number()
                    .map_or(Cow::Borrowed("-"), |o| cell(&o.vendor)),
                reason: r.reasons().first().map_or(String::new(), |x| {
                    for_terminal(&x.message(lang).to_string()).into_owned()
                }),
            },
        }
    }
}

/// A table cell: escaped and capped.
fn cell(s: &str) -> Cow<'_, str> {
    match for_terminal(s) {
        Cow::Borrowed(s) => elide(s, MAX_CELL),
        Cow::Owned(s) => Cow::Owned(elide(&s, MAX_CELL).into_owned()),
    }
}

/// Writes `Label   value` lines of a block.
struct Block<'a> {
    out: &'a mut Vec<u8>,
    lang: Lang,
    width: usize,
}

impl Block<'_> {
    fn label(&mut self, label: Option<Label>) -> io::Result<()> {
        let text = label.map_or("", |l| l.text(self.lang));
        self.out.extend_from_slice(text.as_bytes());
        self.out.extend(std::iter::repeat_n(
            b' ',
            self.width.saturating_sub(width_of(text)),
        ));
        Ok(())
    }

    fn labelled(&mut self, label: Option<Label>, value: impl Display) -> io::Result<()> {
        self.label(label)?;
        writeln!(self.out, "{value}")
    }

    fn line(&mut self, label: Label, value: impl Display) -> io::Result<()> {
        self.labelled(Some(label), value)
    }
}

/// Display width in terminal columns.
fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn width_of(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        width(s)
    }
}

/// `s` followed by spaces up to `columns` terminal columns.
fn write_padded(out: &mut Vec<u8>, s: &str, columns: usize) -> io::Result<()> {
    out.extend_from_slice(s.as_bytes());
    out.extend(std::iter::repeat_n(
        b' ',
        columns.saturating_sub(width_of(s)),
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use numrep::{lookup, Options};

    fn render(inputs: &[&str], color: Color, layout: Layout, lang: Lang) -> String {
        super::super::render_for_test(&mut TextEncoder::new(color, layout, lang), inputs, lang)
    }

    #[test]
    fn one_number_is_a_block_with_labels() {
        let text = render(&["+49 900 5123456"], Color::Off, Layout::Block, Lang::En);
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
            "Register",
            "no register",
        ] {
            assert!(text.contains(word), "{word:?} missing in\n{text}");
        }
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn german_block_has_no_english_words() {
        let text = render(
            &["+49 900 5123456", "+49 30 12345"],
            Color::Off,
            Layout::Block,
            Lang::De,
        );
        for word in [
            "Nummer",
            "Art",
            "Premium-Dienst",
            "gültig",
            "Tarif",
            "Anruferkennung",
            "VERBOTEN",
            "Risiko",
            "HOCH",
            "Gefahr",
            "Empfehlung",
            "Register",
            "Beleg",
            "Ort",
        ] {
            assert!(text.contains(word), "{word:?} missing in\n{text}");
        }
        for english in [
            "Number", "Kind", "Caller", "Risk", "Advice", "valid", "danger", "HIGH",
        ] {
            assert!(
                !text.contains(english),
                "{english:?} in German output\n{text}"
            );
        }
    }

    /// `inputs` as a table fitted to them, in English.
    fn fitted_table(inputs: &[&str]) -> String {
        let reports: Vec<_> = inputs
            .iter()
            .map(|i| lookup(i, &Options::default()))
            .collect();
        render(
            inputs,
            Color::Off,
            Layout::Table(Widths::fit(&reports, false)),
            Lang::En,
        )
    }

    #[test]
    fn many_numbers_are_aligned_lines() {
        let inputs = ["+49 900 5123456", "030 1234567", "110", "junk"];
        let text = fitted_table(&inputs);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + inputs.len());
        assert!(lines[0].starts_with("INPUT"));
        let risk_col = lines[0].find("RISK").expect("header has RISK");
        assert_eq!(&lines[1][risk_col..risk_col + 4], "HIGH");
        assert_eq!(&lines[2][risk_col..risk_col + 3], "LOW");
        assert!(lines[4].contains("no_digits"));
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn streamed_rows_use_fixed_widths() {
        let text = render(
            &["110", "+49 30 1234567"],
            Color::Off,
            Layout::Table(Widths::streamed(false)),
            Lang::En,
        );
        let lines: Vec<&str> = text.lines().collect();
        let risk_col = lines[0].find("RISK").expect("header has RISK");
        assert_eq!(&lines[1][risk_col..risk_col + 4], "HIGH");
        assert_eq!(&lines[2][risk_col..risk_col + 3], "LOW");
    }

    #[test]
    fn one_long_input_does_not_widen_every_row() {
        let long = format!("{} 030 1234567", "x".repeat(200));
        let text = fitted_table(&[long.as_str(), "030 1234567"]);
        // The input cell is capped, so the columns after it stay where the header has them.
        let lines: Vec<&str> = text.lines().collect();
        let e164_col = lines[0].find("E164").expect("header");
        assert!(
            e164_col <= MAX_CELL + 2,
            "input column not capped: {}",
            lines[0]
        );
        assert!(lines[1].contains('…'), "{}", lines[1]);
        assert_eq!(lines[2].find("+49301234567"), Some(e164_col), "{text}");
    }

    #[test]
    fn colour_wraps_the_word_but_keeps_it() {
        let text = render(&["110"], Color::On, Layout::Block, Lang::En);
        assert!(text.contains("\x1b[1;31mHIGH\x1b[0m"));
        let text = render(
            &["110"],
            Color::On,
            Layout::Table(Widths::streamed(false)),
            Lang::En,
        );
        assert!(text.contains("\x1b[1;31mHIGH\x1b[0m"));
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        let text = render(
            &["\x1b[2J110", "\u{202E}call me"],
            Color::Off,
            Layout::Block,
            Lang::En,
        );
        assert!(!text.contains('\x1b') && !text.contains('\u{202E}'));
        assert!(text.contains("\\u{1b}") && text.contains("\\u{202e}"));
    }

    #[test]
    fn wide_characters_are_padded_by_columns() {
        let mut out = Vec::new();
        write_padded(&mut out, "０３０", 8).expect("Vec");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), "０３０  ");
    }
}
