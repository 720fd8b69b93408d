//! Classification plus our own lists: own call-center numbers, block and allow lists.
//!
//! A [`Checker`] is built once (lists loaded) and then answers many numbers.

use serde::Serialize;

use crate::assess::{assess_with, Finding};
use crate::classify::classify;
use crate::evidence::SourceEvidence;
use crate::lang::Lang;
use crate::lists::{
    Date, Decision, ListKind, OwnNumberRegistry, PatternKind, RuleList, RuleSet, WindowPosition,
};
use crate::parse::parse;
use crate::report::{Options, Report};
use crate::text::Msg;

/// What the own-number register said about a number (JSON `register`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RegisterCheck {
    /// No register of our numbers was loaded: nothing was checked.
    NotConfigured,
    /// A register was checked and the number is not in it.
    NotListed {
        /// Entries in the loaded registers.
        entries: usize,
    },
    /// Registered to one of our vendors for the day of the call.
    Listed,
    /// Registered to one of our vendors, but not for the day of the call.
    ListedOutsideWindow,
}

impl RegisterCheck {
    /// `not_configured`, `not_listed`, `listed` or `listed_outside_window`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegisterCheck::NotConfigured => "not_configured",
            RegisterCheck::NotListed { .. } => "not_listed",
            RegisterCheck::Listed => "listed",
            RegisterCheck::ListedOutsideWindow => "listed_outside_window",
        }
    }

    /// Entries checked, when a register is loaded and the number is not in it.
    pub fn entries(self) -> Option<usize> {
        match self {
            RegisterCheck::NotListed { entries } => Some(entries),
            _ => None,
        }
    }

    /// What was checked, in words ("not in our register (12 entries)").
    pub fn text(self, lang: Lang) -> impl std::fmt::Display {
        struct Text(RegisterCheck, Lang);
        impl std::fmt::Display for Text {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let msg = match self.0 {
                    RegisterCheck::NotConfigured => Msg::RegisterNotConfigured,
                    RegisterCheck::NotListed { entries } => {
                        return Msg::RegisterNotListed
                            .with(self.1, &[("entries", &entries)])
                            .fmt(f)
                    }
                    RegisterCheck::Listed => Msg::RegisterListed,
                    RegisterCheck::ListedOutsideWindow => Msg::RegisterListedOutsideWindow,
                };
                f.write_str(msg.text(self.1))
            }
        }
        Text(self, lang)
    }
}

/// The own-number registry entry that matched (JSON `own_number`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OwnNumberInfo {
    /// Vendor (contracted call center).
    pub vendor: String,
    /// Campaign.
    pub campaign: Option<String>,
    /// Vendor-management contact.
    pub contact: Option<String>,
    /// Free text from the registry.
    pub note: Option<String>,
    /// The registered number or range as written in E.164 pattern form.
    pub pattern: String,
    /// `exact`, `range` (`#`) or `prefix` (`*`).
    pub match_kind: PatternKind,
    /// First valid day (ISO date).
    pub valid_from: Option<String>,
    /// Last valid day (ISO date).
    pub valid_to: Option<String>,
    /// True when the asked day lies inside the window.
    pub in_window: bool,
    /// The list file.
    pub source: String,
    /// Line in the list file.
    pub line: Option<u32>,
}

/// The block/allow decision (JSON `list`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ListInfo {
    /// `allowed` or `blocked`.
    pub decision: Decision,
    /// The deciding entry's pattern.
    pub pattern: String,
    /// Its category.
    pub category: Option<String>,
    /// Its note.
    pub note: Option<String>,
    /// Its file.
    pub source: String,
    /// Its line.
    pub line: Option<u32>,
    /// Block patterns an allow entry overruled.
    pub overruled: Vec<String>,
}

impl ListInfo {
    /// The decision with its entry, in words: `BLOCKED by +49900* (block.csv): note`.
    pub fn text(&self, lang: Lang) -> impl std::fmt::Display + '_ {
        struct Text<'a>(&'a ListInfo, Lang);
        impl std::fmt::Display for Text<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let list = self.0;
                Msg::ListedBy
                    .with(
                        self.1,
                        &[
                            ("decision", &list.decision.text(self.1)),
                            ("pattern", &list.pattern),
                            ("source", &list.source),
                            ("note", &crate::text::Opt(": ", list.note.as_deref(), "")),
                        ],
                    )
                    .fmt(f)
            }
        }
        Text(self, lang)
    }
}

/// Answers numbers against the tables and our lists.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    options: Options,
    own: Vec<OwnNumberRegistry>,
    rules: RuleSet,
}

impl Checker {
    /// A checker with no lists.
    pub fn new(options: Options) -> Checker {
        Checker {
            options,
            own: Vec::new(),
            rules: RuleSet::new(),
        }
    }

    /// Adds an own-number registry.
    pub fn with_own_numbers(mut self, registry: OwnNumberRegistry) -> Checker {
        self.own.push(registry);
        self
    }

    /// Adds a block or allow list.
    pub fn with_rules(mut self, list: RuleList) -> Checker {
        self.rules.add(list);
        self
    }

    /// The options numbers are read with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Checks one input; `today` decides whether registrations are in their window.
    pub fn check(&self, input: &str, today: Date) -> Report {
        self.check_with_sources(input, today, Vec::new())
    }

    /// Checks one input and weighs what online sources said about it.
    pub fn check_with_sources(
        &self,
        input: &str,
        today: Date,
        sources: Vec<SourceEvidence>,
    ) -> Report {
        let region = self.options.home_region();
        let number = match parse(input, region) {
            Ok(number) => number,
            Err(e) => return Report::failed(input, e, &self.options),
        };
        let class = classify(&number);
        let mut findings = Vec::new();
        let (mut own_number, mut list) = (None, None);
        if !number.is_short_code() {
            let digits = number.e164_digits();
            own_number = self.own_number(digits.as_str(), today, &mut findings);
            list = self.list_decision(digits.as_str(), &mut findings);
        }
        let register = match &own_number {
            _ if self.own.is_empty() => RegisterCheck::NotConfigured,
            None => RegisterCheck::NotListed {
                entries: self.own.iter().map(OwnNumberRegistry::len).sum(),
            },
            Some(own) if own.in_window => RegisterCheck::Listed,
            Some(_) => RegisterCheck::ListedOutsideWindow,
        };
        findings.extend(sources.iter().filter_map(SourceEvidence::finding));
        let assessment = assess_with(&number, &class, region, findings);
        Report::found(input, self.options, number, class, assessment)
            .with_lists(register, own_number, list, sources)
    }

    fn own_number(
        &self,
        digits: &str,
        today: Date,
        findings: &mut Vec<Finding>,
    ) -> Option<OwnNumberInfo> {
        let found = self.own.iter().find_map(|registry| {
            let lookup = registry.lookup(digits, today).ok()?;
            lookup.best().cloned().map(|m| {
                (
                    m.entry.clone(),
                    m.validity,
                    m.match_kind,
                    m.source.to_string(),
                )
            })
        });
        let (entry, validity, match_kind, source) = found?;
        let in_window = validity == WindowPosition::Inside;
        findings.push(if in_window {
            Finding::OwnNumber {
                vendor: entry.vendor.clone(),
                campaign: entry.campaign.clone(),
                contact: entry.contact.clone(),
            }
        } else {
            let day = |d: Option<Date>| d.map(|d| d.to_string());
            let expired = validity == WindowPosition::Expired;
            Finding::OwnNumberOutsideWindow {
                vendor: entry.vendor.clone(),
                campaign: entry.campaign.clone(),
                from: day(entry.valid_from).filter(|_| !expired),
                to: day(entry.valid_to).filter(|_| expired),
            }
        });
        Some(OwnNumberInfo {
            vendor: entry.vendor,
            campaign: entry.campaign,
            contact: entry.contact,
            note: entry.note,
            pattern: entry.pattern.to_string(),
            match_kind,
            valid_from: entry.valid_from.map(|d| d.to_string()),
            valid_to: entry.valid_to.map(|d| d.to_string()),
            in_window,
            source,
            line: entry.line,
        })
    }

    fn list_decision(&self, digits: &str, findings: &mut Vec<Finding>) -> Option<ListInfo> {
        let verdict = self.rules.evaluate(digits).ok()?;
        let deciding = verdict.deciding.as_ref()?;
        let entry = deciding.entry;
        let overruled: Vec<String> = verdict
            .overruled
            .iter()
            .map(|m| m.entry.pattern.to_string())
            .collect();
        findings.push(match deciding.list {
            ListKind::Block => Finding::Blocklisted {
                pattern: entry.pattern.to_string(),
                category: entry.category.clone(),
                note: entry.note.clone(),
            },
            ListKind::Allow => Finding::Allowlisted {
                pattern: entry.pattern.to_string(),
                note: entry.note.clone(),
                overruled: overruled.len(),
                law_stands: false,
            },
        });
        (verdict.decision != Decision::NotListed).then(|| ListInfo {
            decision: verdict.decision,
            pattern: entry.pattern.to_string(),
            category: entry.category.clone(),
            note: entry.note.clone(),
            source: deciding.source.to_string(),
            line: entry.line,
            overruled,
        })
    }
}
