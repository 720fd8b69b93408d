//! The default region for numbers written in national form.

use std::fmt;

use crate::error::ParseError;
use crate::plan::{region_info, RegionInfo};

/// A region known to the tables (ISO 3166 alpha-2), with its dialling facts.
#[derive(Clone, Copy)]
pub struct Region(&'static RegionInfo);

impl Region {
    /// Looks up a region code, case-insensitively (`"de"`, `"DE"`).
    pub fn from_code(code: &str) -> Result<Region, ParseError> {
        let upper = code.trim().to_ascii_uppercase();
        region_info(&upper)
            .map(Region)
            .ok_or(ParseError::UnknownRegion {
                region: code.chars().take(16).collect(),
            })
    }

    /// Germany, the default.
    pub fn germany() -> Region {
        Region::from_code("DE").unwrap_or_else(|_| Region(&crate::plan::REGIONS[0]))
    }

    /// The ISO code.
    pub fn code(&self) -> &'static str {
        self.0.region
    }

    /// Dialling facts.
    pub fn info(&self) -> &'static RegionInfo {
        self.0
    }
}

impl Default for Region {
    fn default() -> Self {
        Region::germany()
    }
}

impl PartialEq for Region {
    fn eq(&self, other: &Self) -> bool {
        self.0.region == other.0.region
    }
}

impl Eq for Region {}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.0.region)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.region)
    }
}

impl std::str::FromStr for Region {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::from_code(s)
    }
}
