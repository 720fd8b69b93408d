//! How list files are found and read for a region: the same in every frontend.

use numrep::lists::{CountryCode, LoadOptions, PatternOptions};
use numrep::Region;

/// The list files a configuration can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListFile {
    /// `own_numbers`: our call centers' registered numbers.
    OwnNumbers = 0,
    /// `blocklist`.
    Blocklist = 1,
    /// `allowlist`.
    Allowlist = 2,
}

impl ListFile {
    /// Every list, in loading order.
    pub const ALL: [ListFile; 3] = [
        ListFile::OwnNumbers,
        ListFile::Blocklist,
        ListFile::Allowlist,
    ];

    /// The configuration key.
    pub fn key(self) -> &'static str {
        match self {
            ListFile::OwnNumbers => "own_numbers",
            ListFile::Blocklist => "blocklist",
            ListFile::Allowlist => "allowlist",
        }
    }
}

/// Loading options for lists read with `region` as the home region: numbers written
/// in national form (`030 123456`) belong to the region's calling code.
pub fn list_options(region: Region) -> LoadOptions {
    LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(region.info().code).ok(),
        },
        ..LoadOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_forms_follow_the_region() {
        let de = list_options(Region::default());
        assert_eq!(de.pattern.default_country_code.map(|c| c.value()), Some(49));
        let at = list_options(Region::from_code("AT").expect("AT"));
        assert_eq!(at.pattern.default_country_code.map(|c| c.value()), Some(43));
        let us = list_options(Region::from_code("US").expect("US"));
        assert_eq!(us.pattern.default_country_code.map(|c| c.value()), Some(1));
    }
}
