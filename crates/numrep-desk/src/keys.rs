//! The three things complaints are counted by: the number, its range (the number
//! without its last two digits) and, for our registered numbers, the vendor.

use serde::{Deserialize, Serialize};

/// What complaints are grouped by (rules' `group_by`, stats' `--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// The E.164 number.
    Number,
    /// The number without its last two digits (`+4940555501xx`).
    Range,
    /// The vendor (contracted call center) the number is registered to.
    Vendor,
}

impl GroupBy {
    /// Every grouping, in storage order.
    pub const ALL: [GroupBy; 3] = [GroupBy::Number, GroupBy::Range, GroupBy::Vendor];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Number => "number",
            GroupBy::Range => "range",
            GroupBy::Vendor => "vendor",
        }
    }

    /// The grouping with this wire name.
    pub fn parse(name: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str() == name)
    }

    /// The small integer stored in the aggregate tables.
    pub fn code(self) -> i16 {
        self as i16
    }

    /// The grouping stored as `code`.
    pub fn from_code(code: i16) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// One counted key: a grouping and its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyRef {
    /// What is counted.
    pub group_by: GroupBy,
    /// The number, range or vendor name.
    pub key: String,
}

impl KeyRef {
    /// A key of `group_by`.
    pub fn new(group_by: GroupBy, key: impl Into<String>) -> KeyRef {
        KeyRef {
            group_by,
            key: key.into(),
        }
    }
}

/// The keys one number is counted under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// E.164 (`+4940555501 23` → `+494055550123`).
    pub number: String,
    /// The range ([`range_key`]).
    pub range: String,
    /// The vendor, when the number is registered to one on that day.
    pub vendor: Option<String>,
}

impl Keys {
    /// The keys of an E.164 number and its vendor.
    pub fn new(e164: &str, vendor: Option<String>) -> Keys {
        Keys {
            number: e164.to_string(),
            range: range_key(e164),
            vendor,
        }
    }

    /// The keys as [`KeyRef`]s (two or three).
    pub fn refs(&self) -> Vec<KeyRef> {
        let mut refs = vec![
            KeyRef::new(GroupBy::Number, &self.number),
            KeyRef::new(GroupBy::Range, &self.range),
        ];
        if let Some(vendor) = &self.vendor {
            refs.push(KeyRef::new(GroupBy::Vendor, vendor));
        }
        refs
    }

    /// The key of one grouping.
    pub fn get(&self, group_by: GroupBy) -> Option<&str> {
        match group_by {
            GroupBy::Number => Some(&self.number),
            GroupBy::Range => Some(&self.range),
            GroupBy::Vendor => self.vendor.as_deref(),
        }
    }
}

/// The range of an E.164 number: the number without its last two digits, written
/// with `xx` (`+494055550123` → `+4940555501xx`).
pub fn range_key(e164: &str) -> String {
    let cut = e164.len().saturating_sub(2).max(1).min(e164.len());
    format!("{}xx", &e164[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_drops_the_last_two_digits() {
        assert_eq!(range_key("+494055550123"), "+4940555501xx");
        assert_eq!(range_key("+4930"), "+49xx");
        assert_eq!(range_key("+1"), "+xx");
    }

    #[test]
    fn keys_without_vendor_have_two_refs() {
        let keys = Keys::new("+494055550123", None);
        assert_eq!(keys.refs().len(), 2);
        assert_eq!(keys.get(GroupBy::Vendor), None);
        let keys = Keys::new("+494055550123", Some("Nord".into()));
        assert_eq!(keys.refs()[2], KeyRef::new(GroupBy::Vendor, "Nord"));
    }

    #[test]
    fn group_codes_round_trip() {
        for g in GroupBy::ALL {
            assert_eq!(GroupBy::from_code(g.code()), Some(g));
            assert_eq!(GroupBy::parse(g.as_str()), Some(g));
        }
    }
}
