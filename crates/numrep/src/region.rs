//! Regions: where a number is dialled (the default region for national forms) and where
//! it belongs.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ParseError;
use crate::lang::Lang;
use crate::plan::world::{self, Territory};
use crate::plan::{RegionInfo, REGIONS};

/// A region known to the tables: an ISO 3166 alpha-2 code (plus `AC` Ascension, `TA`
/// Tristan da Cunha and `XK` Kosovo, as libphonenumber uses them).
///
/// Every region has a constant (`Region::DE`, `Region::US`, `Region::GB`, …; generated
/// from `data/world/regions.csv`), and [`Region::from_code`] reads a code at run time.
/// The default is Germany. A `Region` is one byte; its facts are looked up in the
/// compiled tables.
///
/// ```
/// use numrep::{Lang, Region};
///
/// let region: Region = "gb".parse().unwrap();
/// assert_eq!(region, Region::GB);
/// assert_eq!(region.country_code(), 44);
/// assert_eq!(region.name(Lang::De), "Vereinigtes Königreich");
/// assert_eq!(Region::AU.national_prefix(), "0");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region(u8);

impl Region {
    /// The region at `index` of the region table (the generated constants use it).
    pub(crate) const fn at(index: usize) -> Region {
        Region(index as u8)
    }

    /// Looks up a region code, case-insensitively (`"de"`, `"DE"`, `" gb "`).
    pub fn from_code(code: &str) -> Result<Region, ParseError> {
        let trimmed = code.trim();
        let upper = match trimmed.as_bytes() {
            &[a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
            _ => [0, 0],
        };
        world::region_by_code(&upper)
            .map(Region::at)
            .ok_or_else(|| ParseError::UnknownRegion {
                region: code.chars().take(16).collect(),
            })
    }

    /// Every region, sorted by code.
    pub fn all() -> impl Iterator<Item = Region> {
        (0..world::region_count()).map(Region::at)
    }

    /// The ISO code (`"DE"`).
    pub fn code(self) -> &'static str {
        self.territory().map_or("", |t| t.region)
    }

    /// The country calling code (49 for Germany, 1 for the United States and Canada).
    pub fn country_code(self) -> u16 {
        self.territory().map_or(0, |t| t.code)
    }

    /// The region's name in `lang` (`Deutschland`, `Germany`).
    pub fn name(self, lang: Lang) -> &'static str {
        let info = self.info();
        lang.pick(info.name_de, info.name_en)
    }

    /// The trunk prefix dialled before national numbers (`"0"` in Germany, `"1"` in the
    /// United States, `""` in Italy).
    pub fn national_prefix(self) -> &'static str {
        self.territory().map_or("", |t| t.national_prefix)
    }

    fn info(self) -> &'static RegionInfo {
        // Regions are only made from indexes into the table.
        &REGIONS[usize::from(self.0).min(REGIONS.len() - 1)]
    }

    /// The region's territory in the world tables.
    pub(crate) fn territory(self) -> Option<&'static Territory> {
        world::region_territory(usize::from(self.0))
    }

    /// The region of a territory; `None` for the non-geographic ones (`+800`, `+881`, …).
    pub(crate) fn of_territory(territory: &Territory) -> Option<Region> {
        world::region_index(territory).map(Region::at)
    }
}

impl Default for Region {
    /// Germany.
    fn default() -> Self {
        Region::DE
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.code())
    }
}

impl fmt::Display for Region {
    /// The ISO code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Region {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::from_code(s)
    }
}

impl Serialize for Region {
    /// As the ISO code (`"DE"`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    /// From an ISO code, any case.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Region::from_code(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_its_territory() {
        for region in Region::all() {
            let territory = region.territory().expect("territory");
            assert_eq!(territory.region, region.code());
            assert_eq!(territory.code, region.country_code());
            assert_eq!(Region::of_territory(territory), Some(region));
            assert_eq!(Region::from_code(&region.code().to_lowercase()), Ok(region));
        }
        assert_eq!(Region::all().count(), 245);
    }

    #[test]
    fn codes_read_in_any_case_and_reject_the_rest() {
        assert_eq!(Region::from_code(" de "), Ok(Region::DE));
        assert_eq!("us".parse(), Ok(Region::US));
        for bad in ["", "D", "DEU", "001", "ZZ", "dé"] {
            assert!(Region::from_code(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&Region::GG).expect("serializes");
        assert_eq!(json, "\"GG\"");
        assert_eq!(
            serde_json::from_str::<Region>("\"gg\"").ok(),
            Some(Region::GG)
        );
        assert!(serde_json::from_str::<Region>("\"XX\"").is_err());
    }
}
