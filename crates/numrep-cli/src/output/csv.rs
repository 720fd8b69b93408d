//! CSV: a header and one flat row per report, quoted by the `csv` crate.
//!
//! Two dialects ([`Dialect`]): plain RFC 4180 CSV with stable snake_case column names
//! for scripts, and the one German Excel opens in columns (UTF-8 byte-order mark, `;`
//! separator, column titles in the report's language, numbers kept as text). In both,
//! free-text cells (the input echo, vendor, campaign, list notes, source labels and
//! messages) are neutralised against formula injection ([`for_spreadsheet`]), and
//! reasons and advice are written as texts, not only as codes.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io;

use numrep::{Label, Lang, Mode, Report};

use super::clean::for_spreadsheet;
use super::Encoder;

/// Which CSV to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,`-separated, snake_case header: for scripts and databases.
    Plain,
    /// What German Excel opens in columns: BOM, `;`, localised header, numbers as text.
    Excel,
}

/// The columns, in order: their stable name and, where there is one, the label an
/// agent reads in the Excel dialect.
pub const COLUMNS: [(&str, Option<Label>); 34] = [
    ("input", Some(Label::Input)),
    ("ok", None),
    ("error_code", None),
    ("error_message", Some(Label::Error)),
    ("e164", None),
    ("country_code", None),
    ("region", None),
    ("country", Some(Label::Country)),
    ("national_format", Some(Label::National)),
    ("international_format", Some(Label::Number)),
    ("category", None),
    ("category_text", Some(Label::Kind)),
    ("valid", None),
    ("validity", None),
    ("validity_text", Some(Label::Validity)),
    ("place", Some(Label::Place)),
    ("operator", Some(Label::Operator)),
    ("tariff_id", None),
    ("tariff", Some(Label::Tariff)),
    ("caller_id", None),
    ("caller_id_allowed", None),
    ("caller_id_text", Some(Label::CallerId)),
    ("risk", None),
    ("risk_text", Some(Label::Risk)),
    ("reason_codes", None),
    ("reasons", Some(Label::Reasons)),
    ("advice_code", None),
    ("advice", Some(Label::Advice)),
    ("register", Some(Label::Register)),
    ("own_vendor", Some(Label::Vendor)),
    ("own_campaign", Some(Label::Campaign)),
    ("list_decision", None),
    ("list", Some(Label::List)),
    ("sources", Some(Label::Sources)),
];

/// The CSV writer's destination: a byte buffer the encoder can empty while the
/// writer keeps owning it (`csv::Writer` hands out only a shared reference).
#[derive(Default)]
struct Produced(RefCell<Vec<u8>>);

impl io::Write for Produced {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.get_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A header and one flat row per report.
pub struct CsvEncoder {
    writer: csv::Writer<Produced>,
    dialect: Dialect,
    lang: Lang,
    cells: Vec<String>,
}

impl CsvEncoder {
    /// A fresh encoder; `lang` is the language of the Excel dialect's header.
    pub fn new(dialect: Dialect, lang: Lang) -> Self {
        let delimiter = match dialect {
            Dialect::Plain => b',',
            Dialect::Excel => b';',
        };
        CsvEncoder {
            writer: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .buffer_capacity(4096)
                .from_writer(Produced::default()),
            dialect,
            lang,
            cells: vec![String::new(); COLUMNS.len()],
        }
    }

    /// Moves what the CSV writer produced into `out`.
    fn drain(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        self.writer.flush()?;
        let mut produced = self.writer.get_ref().0.borrow_mut();
        out.extend_from_slice(&produced);
        produced.clear();
        Ok(())
    }

    /// Fills `self.cells` for one report, in [`COLUMNS`] order.
    fn fill(&mut self, r: &Report) {
        let lang = r.lang();
        let excel = self.dialect == Dialect::Excel;
        for cell in &mut self.cells {
            cell.clear();
        }
        let c = &mut self.cells;
        // Writing into a String cannot fail.
        let mut set = |i: usize, value: &dyn std::fmt::Display| {
            let _ = write!(c[i], "{value}");
        };
        set(0, &for_spreadsheet(r.input()));
        set(1, &r.is_ok());
        if let Some(error) = r.error() {
            set(2, &error.code());
            set(3, &for_spreadsheet(&error.to_string()));
        }
        if let Some(e164) = r.formatted(Mode::E164) {
            set(4, &AsText(e164, excel));
        }
        if let Some(number) = r.number() {
            set(5, &number.country_code());
        }
        set(6, &r.region().map_or("", numrep::Region::code));
        set(7, &r.country().unwrap_or(""));
        if let Some(national) = r.national_format() {
            set(8, &AsText(national, excel));
        }
        if let Some(intl) = r.formatted(Mode::International) {
            set(9, &AsText(intl, excel));
        }
        if let Some(category) = r.category() {
            set(10, &category.as_str());
            set(11, &category.text(lang));
        }
        set(12, &r.is_valid());
        if let Some(validity) = r.validity() {
            set(13, &validity.as_str());
            set(14, &validity.text(lang));
        }
        set(15, &r.place().unwrap_or(""));
        set(16, &r.operator().unwrap_or(""));
        if let Some(tariff) = r.tariff() {
            set(17, &tariff.id());
            set(18, &tariff.description(lang));
        }
        if let Some(caller_id) = r.caller_id() {
            set(19, &caller_id.as_str());
            set(20, &(caller_id == numrep::CallerIdRule::Allowed));
            set(21, &caller_id.text(lang));
        }
        if let Some(risk) = r.risk() {
            set(22, &risk.as_str());
            set(23, &risk.text(lang));
        }
        let reasons = r.reasons();
        set(24, &Joined(reasons.iter().map(|x| x.code()), ";"));
        let texts: Vec<String> = reasons
            .iter()
            .map(|x| x.message(lang).to_string())
            .collect();
        set(25, &for_spreadsheet(&texts.join(" | ")));
        if let Some(advice) = r.advice() {
            set(26, &advice.code());
            set(27, &advice.text(lang));
        }
        if let Some(register) = r.register() {
            set(28, &register.text(lang));
        }
        if let Some(own) = r.own_number() {
            set(29, &for_spreadsheet(&own.vendor));
            set(30, &for_spreadsheet(own.campaign.as_deref().unwrap_or("")));
        }
        if let Some(list) = r.list() {
            set(31, &list.decision.as_str());
            set(32, &for_spreadsheet(&list.text(lang).to_string()));
        }
        let sources: Vec<String> = r
            .sources()
            .iter()
            .map(|s| {
                let verdict = s.verdict.map_or("", |v| v.as_str());
                format!("{}: {} {verdict}", s.name, s.status_text(lang))
                    .trim_end()
                    .to_string()
            })
            .collect();
        set(33, &for_spreadsheet(&sources.join(" | ")));
    }
}

/// A number cell; in the Excel dialect written as `="+4930…"`, which Excel shows as
/// the text it is instead of turning it into a number (`4,93E+10`).
struct AsText<T>(T, bool);

impl<T: std::fmt::Display> std::fmt::Display for AsText<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.1 {
            write!(f, "=\"{}\"", self.0)
        } else {
            self.0.fmt(f)
        }
    }
}

/// Items joined with a separator.
struct Joined<I>(I, &'static str);

impl<I: Iterator<Item = &'static str> + Clone> std::fmt::Display for Joined<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, item) in self.0.clone().enumerate() {
            if i > 0 {
                f.write_str(self.1)?;
            }
            f.write_str(item)?;
        }
        Ok(())
    }
}

impl Encoder for CsvEncoder {
    fn header(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        match self.dialect {
            Dialect::Plain => self.writer.write_record(COLUMNS.map(|(name, _)| name))?,
            Dialect::Excel => {
                out.extend_from_slice("\u{FEFF}".as_bytes());
                let lang = self.lang;
                self.writer.write_record(
                    COLUMNS.map(|(name, label)| label.map_or(name, |l| l.text(lang))),
                )?;
            }
        }
        self.drain(out)
    }

    fn row(&mut self, r: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        self.fill(r);
        self.writer.write_record(&self.cells)?;
        self.drain(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(inputs: &[&str], dialect: Dialect, lang: Lang) -> String {
        super::super::render_for_test(&mut CsvEncoder::new(dialect, lang), inputs, lang)
    }

    fn column(name: &str) -> usize {
        COLUMNS
            .iter()
            .position(|(n, _)| *n == name)
            .expect("column")
    }

    fn rows(text: &str, delimiter: u8) -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("row"))
            .collect()
    }

    #[test]
    fn header_even_without_rows() {
        let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            render(&[], Dialect::Plain, Lang::En).trim_end(),
            names.join(",")
        );
    }

    #[test]
    fn premium_row_with_texts_and_quoting() {
        let text = render(&["+49 900 5123456", "030,123"], Dialect::Plain, Lang::De);
        let rows = rows(&text, b',');
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][column("input")], "'+49 900 5123456");
        assert_eq!(&rows[0][column("e164")], "+499005123456");
        assert_eq!(&rows[0][column("category")], "premium_rate");
        assert_eq!(&rows[0][column("category_text")], "Premium-Dienst");
        assert_eq!(&rows[0][column("caller_id_allowed")], "false");
        assert_eq!(&rows[0][column("risk")], "high");
        assert_eq!(&rows[0][column("risk_text")], "hoch");
        assert!(rows[0][column("reasons")].contains("TKG § 120"));
        assert!(rows[0][column("advice")].starts_with("Dem Kunden sagen"));
        assert_eq!(&rows[1][column("input")], "030,123");
        assert!(text.contains("\"030,123\""));
    }

    #[test]
    fn formula_cells_are_neutralised() {
        let text = render(
            &["=HYPERLINK(\"http://x\")", "@SUM(1)", "-2+3"],
            Dialect::Plain,
            Lang::En,
        );
        for row in rows(&text, b',') {
            assert!(row[0].starts_with('\''), "{:?}", &row[0]);
            assert!(!row[column("error_message")].starts_with(['=', '+', '-', '@']));
        }
    }

    #[test]
    fn excel_dialect_has_bom_semicolons_german_titles_and_text_numbers() {
        let text = render(&["030 1234567"], Dialect::Excel, Lang::De);
        assert!(text.starts_with('\u{FEFF}'));
        let body = &text['\u{FEFF}'.len_utf8()..];
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        let header = reader.headers().expect("header").clone();
        assert_eq!(&header[0], "Eingabe");
        assert_eq!(&header[column("risk_text")], "Risiko");
        let row = reader.records().next().expect("row").expect("row");
        assert_eq!(&row[column("e164")], "=\"+49301234567\"");
        assert_eq!(&row[column("national_format")], "=\"030 1234567\"");
    }
}
