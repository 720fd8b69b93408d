//! What a complaint is about. Mandatory: counts without a subject help nobody
//! (the FTC's data once held 2,111 complaints about one number, all "No Subject Provided").

use serde::{Deserialize, Serialize};

/// The kind of call a customer complains about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The caller claimed to be us or one of our partners.
    Impersonation,
    /// Unsolicited sales call.
    ColdCall,
    /// Adult content or a sex line.
    Adult,
    /// One ring to lure a call-back to an expensive number (Wangiri).
    PingCall,
    /// Fraud: phishing, fake prizes, fake support.
    Fraud,
    /// Debt collection.
    DebtCollection,
    /// Poll or survey.
    Survey,
    /// Anything else (the note says what).
    Other,
}

impl Category {
    /// Every category, in the order of the storage columns.
    pub const ALL: [Category; 8] = [
        Category::Impersonation,
        Category::ColdCall,
        Category::Adult,
        Category::PingCall,
        Category::Fraud,
        Category::DebtCollection,
        Category::Survey,
        Category::Other,
    ];

    /// The wire name (`cold_call`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Impersonation => "impersonation",
            Category::ColdCall => "cold_call",
            Category::Adult => "adult",
            Category::PingCall => "ping_call",
            Category::Fraud => "fraud",
            Category::DebtCollection => "debt_collection",
            Category::Survey => "survey",
            Category::Other => "other",
        }
    }

    /// The category with this wire name.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Position in [`Category::ALL`] (and in per-category count arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    /// All wire names, comma-separated, for error messages.
    pub fn names() -> String {
        Category::ALL.map(Category::as_str).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(Category::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
        assert_eq!(Category::parse("Cold_Call"), None);
        assert_eq!(Category::parse(""), None);
    }
}
