//! The whole answer for one input, as the CLI's JSON, CSV and text and the widget show it.
//!
//! A [`Report`] keeps what was computed (the number, its classification, the assessment,
//! what our lists and sources said), not sentences: texts come from the catalogue when
//! the report is written ([`Serialize`](serde::Serialize), or the accessors' `Display` values), in the
//! language of the [`Options`] it was made with.

mod json;
mod serialize;

use crate::assess::{assess, Advice, Assessment, Reason, Risk};
use crate::checker::{ListInfo, OwnNumberInfo, RegisterCheck};
use crate::classify::{classify, Classification, Cost, NumberRange, Tariff, Validity};
use crate::error::ParseError;
use crate::evidence::SourceEvidence;
use crate::format::{Formatted, Mode};
use crate::lang::Lang;
use crate::number::PhoneNumber;
use crate::parse::parse;
use crate::plan::{CallerIdRule, Category, DATA_FINGERPRINT};
use crate::region::Region;

/// How to read and describe numbers: the region for national forms and the language
/// of texts. Built with [`Options::new`] and its setters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    region: Region,
    lang: Lang,
}

impl Options {
    /// Germany, English.
    #[must_use]
    pub fn new() -> Options {
        Options::default()
    }

    /// Numbers written in national form are read as numbers of `region`.
    #[must_use]
    pub fn region(mut self, region: Region) -> Options {
        self.region = region;
        self
    }

    /// Texts are written in `lang`.
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> Options {
        self.lang = lang;
        self
    }

    /// The region for national forms.
    pub fn home_region(&self) -> Region {
        self.region
    }

    /// The language of texts.
    pub fn language(&self) -> Lang {
        self.lang
    }
}

/// Why an input was not read as a number.
#[derive(Debug, Clone)]
enum Rejection {
    /// The parser said why.
    Parse(ParseError),
    /// The caller's own reason (a line that is not UTF-8 …).
    Other { code: &'static str, message: String },
}

/// The error of a report whose input did not parse ([`Report::error`]).
#[derive(Debug, Clone, Copy)]
pub struct ReportError<'a> {
    rejection: &'a Rejection,
    lang: Lang,
}

impl ReportError<'_> {
    /// Stable code, e.g. `invalid_character`.
    pub fn code(&self) -> &'static str {
        match self.rejection {
            Rejection::Parse(e) => e.code(),
            Rejection::Other { code, .. } => code,
        }
    }

    /// The parse error, when the parser rejected the input.
    pub fn parse_error(&self) -> Option<&ParseError> {
        match self.rejection {
            Rejection::Parse(e) => Some(e),
            Rejection::Other { .. } => None,
        }
    }
}

impl std::fmt::Display for ReportError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.rejection {
            Rejection::Parse(e) => e.message(self.lang).fmt(f),
            Rejection::Other { message, .. } => f.write_str(message),
        }
    }
}

/// What is known about a number that parsed.
#[derive(Debug, Clone)]
struct Found {
    number: PhoneNumber,
    class: Classification,
    assessment: Assessment,
    register: RegisterCheck,
    own_number: Option<Box<OwnNumberInfo>>,
    list: Option<Box<ListInfo>>,
    sources: Vec<SourceEvidence>,
}

#[derive(Debug, Clone)]
enum Outcome {
    Rejected(Rejection),
    Found(Found),
}

/// Everything numrep knows about one input. Its [`Serialize`](serde::Serialize) output is the JSON
/// contract of the CLI and the widget; the accessors give the same facts to Rust code.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Report {
    input: String,
    options: Options,
    outcome: Outcome,
}

/// Parses, classifies and assesses one input (tables only; see [`Checker`](crate::Checker)
/// for own numbers and block/allow lists).
pub fn lookup(input: &str, options: &Options) -> Report {
    match parse(input, options.region) {
        Ok(number) => {
            let class = classify(&number);
            let assessment = assess(&number, &class, options.region);
            Report::found(input, *options, number, class, assessment)
        }
        Err(e) => Report::failed(input, e, options),
    }
}

impl Report {
    /// The report for a parsed number with its assessment (no lists consulted).
    pub(crate) fn found(
        input: &str,
        options: Options,
        number: PhoneNumber,
        class: Classification,
        assessment: Assessment,
    ) -> Report {
        Report {
            input: input.to_string(),
            options,
            outcome: Outcome::Found(Found {
                number,
                class,
                assessment,
                register: RegisterCheck::NotConfigured,
                own_number: None,
                list: None,
                sources: Vec::new(),
            }),
        }
    }

    /// Adds what our lists and the sources said (the [`Checker`](crate::Checker)).
    pub(crate) fn with_lists(
        mut self,
        register: RegisterCheck,
        own_number: Option<OwnNumberInfo>,
        list: Option<ListInfo>,
        sources: Vec<SourceEvidence>,
    ) -> Report {
        if let Outcome::Found(found) = &mut self.outcome {
            found.register = register;
            found.own_number = own_number.map(Box::new);
            found.list = list.map(Box::new);
            found.sources = sources;
        }
        self
    }

    /// The report for an input that did not parse.
    pub fn failed(input: &str, error: ParseError, options: &Options) -> Report {
        Report {
            input: input.to_string(),
            options: *options,
            outcome: Outcome::Rejected(Rejection::Parse(error)),
        }
    }

    /// The report for an input rejected before parsing (e.g. a line that is not UTF-8),
    /// with the caller's own error code and message.
    pub fn rejected(input: &str, code: &'static str, message: String, options: &Options) -> Report {
        Report {
            input: input.to_string(),
            options: *options,
            outcome: Outcome::Rejected(Rejection::Other { code, message }),
        }
    }

    fn found_ref(&self) -> Option<&Found> {
        match &self.outcome {
            Outcome::Found(found) => Some(found),
            Outcome::Rejected(_) => None,
        }
    }

    /// The text as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The language of the report's texts.
    pub fn lang(&self) -> Lang {
        self.options.lang
    }

    /// True when the input parsed.
    pub fn is_ok(&self) -> bool {
        self.found_ref().is_some()
    }

    /// Why the input did not parse.
    pub fn error(&self) -> Option<ReportError<'_>> {
        match &self.outcome {
            Outcome::Rejected(rejection) => Some(ReportError {
                rejection,
                lang: self.options.lang,
            }),
            Outcome::Found(_) => None,
        }
    }

    /// The parsed number.
    pub fn number(&self) -> Option<&PhoneNumber> {
        self.found_ref().map(|f| &f.number)
    }

    /// What the tables say about it.
    pub fn classification(&self) -> Option<&Classification> {
        self.found_ref().map(|f| &f.class)
    }

    /// The rules' verdict.
    pub fn assessment(&self) -> Option<&Assessment> {
        self.found_ref().map(|f| &f.assessment)
    }

    /// The number written in `mode` (grouped as the tables say).
    pub fn formatted(&self, mode: Mode) -> Option<Formatted> {
        self.found_ref()
            .map(|f| Formatted::new(&f.number, &f.class, mode))
    }

    /// The national format, for numbers of the home region's calling code only (a
    /// national form is what someone there dials).
    pub fn national_format(&self) -> Option<Formatted> {
        let found = self.found_ref()?;
        let home = self.options.region.country_code();
        (found.number.country_code() == home).then(|| self.formatted(Mode::National))?
    }

    /// The region the number belongs to (`+1 416 …` → CA); `None` for international
    /// networks and numbers no region claims.
    pub fn region(&self) -> Option<Region> {
        self.found_ref()?.class.region()
    }

    /// Country or network name, in the report's language.
    pub fn country(&self) -> Option<&'static str> {
        self.found_ref()?.class.country_name(self.options.lang)
    }

    /// Kind of line.
    pub fn category(&self) -> Option<Category> {
        self.found_ref().map(|f| f.class.category())
    }

    /// Whether the number can exist, and if not, why.
    pub fn validity(&self) -> Option<Validity> {
        self.found_ref().map(|f| f.class.validity())
    }

    /// True when the number is complete and in an assigned range.
    pub fn is_valid(&self) -> bool {
        self.validity() == Some(Validity::Valid)
    }

    /// Place of a landline.
    pub fn place(&self) -> Option<&'static str> {
        self.found_ref()?.class.place()
    }

    /// Original operator of a mobile block.
    pub fn operator(&self) -> Option<&'static str> {
        self.found_ref()?.class.operator()
    }

    /// Tariff of a German service number.
    pub fn tariff(&self) -> Option<Tariff> {
        self.found_ref()?.class.tariff()
    }

    /// What a call to a short number costs.
    pub fn cost(&self) -> Option<Cost> {
        self.found_ref()?.class.cost()
    }

    /// The German range row behind the answer: its name and source.
    pub fn range(&self) -> Option<NumberRange> {
        self.found_ref()?.class.range()
    }

    /// Whether the number can be a real caller's number; `None` when the input did
    /// not parse.
    pub fn caller_id(&self) -> Option<CallerIdRule> {
        self.found_ref().map(|f| f.assessment.caller_id())
    }

    /// Shorthand for `caller_id() == Some(CallerIdRule::Allowed)`; `None` when the
    /// input did not parse.
    pub fn caller_id_allowed(&self) -> Option<bool> {
        self.caller_id().map(|c| c == CallerIdRule::Allowed)
    }

    /// What our own-number register said.
    pub fn register(&self) -> Option<RegisterCheck> {
        self.found_ref().map(|f| f.register)
    }

    /// The own-number registry entry that matched.
    pub fn own_number(&self) -> Option<&OwnNumberInfo> {
        self.found_ref()?.own_number.as_deref()
    }

    /// The block/allow decision, when a list entry matched.
    pub fn list(&self) -> Option<&ListInfo> {
        self.found_ref()?.list.as_deref()
    }

    /// What each online source said (empty unless sources were asked).
    pub fn sources(&self) -> &[SourceEvidence] {
        self.found_ref().map_or(&[], |f| &f.sources)
    }

    /// Risk level; `None` when the input did not parse.
    pub fn risk(&self) -> Option<Risk> {
        self.found_ref().map(|f| f.assessment.risk())
    }

    /// Reasons, most severe first.
    pub fn reasons(&self) -> &[Reason] {
        self.found_ref().map_or(&[], |f| f.assessment.reasons())
    }

    /// What to do next.
    pub fn advice(&self) -> Option<Advice> {
        self.found_ref().map(|f| f.assessment.advice())
    }

    /// Fingerprint of the tables used.
    pub fn data_version(&self) -> &'static str {
        DATA_FINGERPRINT
    }
}
