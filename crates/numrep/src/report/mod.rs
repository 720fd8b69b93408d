//! The whole answer for one input, as the CLI's JSON and the widget show it.

use serde::Serialize;

use crate::assess::{advice_code, advice_text, assess, category_name, Assessment, Risk};
use crate::checker::{ListInfo, OwnNumberInfo};
use crate::classify::{classify, Classification, Validity};
use crate::error::ParseError;
use crate::evidence::SourceEvidence;
use crate::format;
use crate::lang::Lang;
use crate::number::PhoneNumber;
use crate::parse::parse;
use crate::plan::{CallerIdRule, Category, Tariff, DATA_FINGERPRINT};
use crate::region::Region;

/// How to read and describe numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Region for numbers written in national form.
    pub region: Region,
    /// Language of messages.
    pub lang: Lang,
}

/// A code with a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    /// Stable machine-readable code.
    pub code: &'static str,
    /// Human-readable text in the requested language.
    pub message: String,
}

/// A reason behind the risk level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable code, e.g. `caller_id_forbidden`.
    pub code: &'static str,
    /// `info`, `warning` or `danger`.
    pub severity: &'static str,
    /// The sentence.
    pub message: String,
}

/// A tariff in euros.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TariffInfo {
    /// Stable id, e.g. `0900-5`.
    pub id: &'static str,
    /// Euros per minute.
    pub per_minute_eur: Option<f64>,
    /// Euros per call.
    pub per_call_eur: Option<f64>,
    /// Free seconds at the start.
    pub free_seconds: u16,
    /// Legal cap per minute.
    pub max_per_minute_eur: Option<f64>,
    /// Legal cap per call.
    pub max_per_call_eur: Option<f64>,
    /// In words.
    pub description: &'static str,
}

/// The range row behind the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RangeInfo {
    /// Official name.
    pub name: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// Everything numrep knows offline about one input. Field names are the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The text as given.
    pub input: String,
    /// True when the input parsed.
    pub ok: bool,
    /// Why it did not parse.
    pub error: Option<Message>,
    /// `+4930123456`; null for short codes.
    pub e164: Option<String>,
    /// Calling code.
    pub country_code: Option<u16>,
    /// ISO 3166 alpha-2; null for international networks.
    pub region: Option<&'static str>,
    /// Country or network name.
    pub country: Option<&'static str>,
    /// National significant number or short code.
    pub national_number: Option<String>,
    /// `+49 30 123456`.
    pub international_format: Option<String>,
    /// `030 123456` (only for numbers of the default region's country).
    pub national_format: Option<String>,
    /// Extension, if written.
    pub extension: Option<String>,
    /// True for short codes (110, 116116 …).
    pub short_code: bool,
    /// Kind of line.
    pub category: Option<Category>,
    /// Kind of line in words.
    pub category_text: Option<&'static str>,
    /// True when complete and in an assigned range.
    pub valid: bool,
    /// Why (not) valid.
    pub validity: Option<Validity>,
    /// Place of a geographic number.
    pub place: Option<&'static str>,
    /// Original operator of a mobile block.
    pub operator: Option<&'static str>,
    /// Tariff of a service number.
    pub tariff: Option<TariffInfo>,
    /// True when the number can legitimately be shown as caller ID.
    pub caller_id_allowed: bool,
    /// `allowed`, `forbidden` or `implausible`.
    pub caller_id: Option<CallerIdRule>,
    /// The range row behind the answer.
    pub range: Option<RangeInfo>,
    /// The own-number registry entry that matched, if any.
    pub own_number: Option<OwnNumberInfo>,
    /// The block/allow decision, when a list entry matched.
    pub list: Option<ListInfo>,
    /// What each online source said (empty unless sources were asked).
    pub sources: Vec<SourceEvidence>,
    /// `low`, `medium` or `high`; null when the input did not parse.
    pub risk: Option<Risk>,
    /// Reasons, most severe first.
    pub reasons: Vec<Reason>,
    /// What to do next.
    pub advice: Option<Message>,
    /// Fingerprint of the tables used.
    pub data_version: &'static str,
}

/// Parses, classifies and assesses one input (tables only; see [`Checker`](crate::Checker)
/// for own numbers and block/allow lists).
pub fn lookup(input: &str, options: &Options) -> Report {
    match parse(input, options.region) {
        Ok(number) => {
            let class = classify(&number);
            let assessment = assess(&number, &class, options.region);
            Report::new(input, &number, &class, &assessment, options)
        }
        Err(e) => Report::failed(input, &e, options.lang),
    }
}

impl Report {
    /// The report for a parsed number with its assessment.
    pub fn new(
        input: &str,
        number: &PhoneNumber,
        class: &Classification,
        assessment: &Assessment,
        options: &Options,
    ) -> Report {
        let lang = options.lang;
        let own_country = class
            .country
            .is_some_and(|c| c.code == options.region.info().code);
        Report {
            ok: true,
            e164: number.e164(),
            country_code: Some(number.country_code()),
            region: class.region,
            country: class.country.map(|c| lang.pick(c.name_de, c.name_en)),
            national_number: Some(number.national_number().to_string()),
            international_format: Some(format::international(number, class)),
            national_format: own_country
                .then(|| format::national(number, class, options.region.info().national_prefix)),
            extension: number.extension().map(str::to_string),
            short_code: number.is_short_code(),
            category: Some(class.category),
            category_text: Some(category_name(class.category, lang)),
            valid: class.is_valid(),
            validity: Some(class.validity),
            place: class.place(),
            operator: class.operator(),
            tariff: class.tariff().map(|t| tariff_info(t, lang)),
            caller_id_allowed: class.caller_id_allowed(),
            caller_id: Some(class.caller_id),
            range: class.range().map(|r| RangeInfo {
                name: lang.pick(r.de, r.en),
                source: r.source,
            }),
            ..Report::blank(input)
        }
        .with_assessment(assessment, lang)
    }

    /// Replaces risk, reasons and advice (after lists or sources added findings).
    pub fn with_assessment(mut self, assessment: &Assessment, lang: Lang) -> Report {
        self.risk = Some(assessment.risk);
        self.reasons = assessment
            .findings
            .iter()
            .map(|f| Reason {
                code: f.code(),
                severity: f.severity().as_str(),
                message: f.message(lang),
            })
            .collect();
        self.advice = Some(Message {
            code: advice_code(assessment.advice),
            message: advice_text(assessment.advice, lang).to_string(),
        });
        self
    }

    /// The report for an input that did not parse.
    pub fn failed(input: &str, error: &ParseError, lang: Lang) -> Report {
        Report::rejected(input, error.code(), error.message(lang))
    }

    /// The report for an input rejected before parsing (e.g. a line that is not UTF-8),
    /// with the caller's own error code and message.
    pub fn rejected(input: &str, code: &'static str, message: String) -> Report {
        Report {
            error: Some(Message { code, message }),
            ..Report::blank(input)
        }
    }

    /// The input with nothing known about it: the base both constructors fill in.
    fn blank(input: &str) -> Report {
        Report {
            input: input.to_string(),
            ok: false,
            error: None,
            e164: None,
            country_code: None,
            region: None,
            country: None,
            national_number: None,
            international_format: None,
            national_format: None,
            extension: None,
            short_code: false,
            category: None,
            category_text: None,
            valid: false,
            validity: None,
            place: None,
            operator: None,
            tariff: None,
            caller_id_allowed: false,
            caller_id: None,
            range: None,
            own_number: None,
            list: None,
            sources: Vec::new(),
            risk: None,
            reasons: Vec::new(),
            advice: None,
            data_version: DATA_FINGERPRINT,
        }
    }
}

fn tariff_info(t: &'static Tariff, lang: Lang) -> TariffInfo {
    let eur = |tenths: Option<u32>| tenths.map(|v| f64::from(v) / 1000.0);
    TariffInfo {
        id: t.id,
        per_minute_eur: eur(t.per_minute),
        per_call_eur: eur(t.per_call),
        free_seconds: t.free_seconds,
        max_per_minute_eur: eur(t.max_per_minute),
        max_per_call_eur: eur(t.max_per_call),
        description: lang.pick(t.description_de, t.description_en),
    }
}
