//! Reading and checking `data/world/libphonenumber/*.csv`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::csvread::{read_rows, GenError, Row};

/// One number description: pattern and lengths.
#[derive(Debug, Clone)]
pub struct Desc {
    /// libphonenumber pattern for the whole national number.
    pub pattern: String,
    /// Possible lengths (empty = any).
    pub lengths: Vec<u8>,
    /// Lengths only diallable locally.
    pub local_only: Vec<u8>,
    /// Where it came from (for errors).
    pub origin: String,
}

/// One format rule.
#[derive(Debug, Clone)]
pub struct FormatRow {
    /// Pattern of the whole national number, one capturing group per printed group.
    pub pattern: String,
    /// Template (`\1 \2`).
    pub format: String,
    /// Leading-digits patterns (libphonenumber uses the last).
    pub leading_digits: Vec<String>,
    /// National-prefix formatting rule (`0\1`), may be empty.
    pub national_prefix_rule: String,
    /// Whether the national prefix may be left out.
    pub national_prefix_optional: bool,
    /// Carrier-code formatting rule (`$CC \1`), may be empty.
    pub carrier_rule: String,
    /// Where it came from (for errors).
    pub origin: String,
}

/// Everything about one territory (a region, or `001` with a non-geographic code).
#[derive(Debug, Clone, Default)]
pub struct Territory {
    /// ISO 3166 alpha-2 or `001`.
    pub region: String,
    /// Calling code.
    pub code: u16,
    /// Main country for its calling code.
    pub main: bool,
    /// Leading digits that claim numbers of a shared code for this region.
    pub leading_digits: String,
    /// International prefix pattern.
    pub international_prefix: String,
    /// Preferred international prefix (may contain `~`).
    pub preferred_international_prefix: String,
    /// National (trunk) prefix.
    pub national_prefix: String,
    /// National prefix for parsing (pattern).
    pub national_prefix_for_parsing: String,
    /// Its transform rule.
    pub national_prefix_transform_rule: String,
    /// Fixed-line and mobile share one pattern.
    pub same_mobile_and_fixed_line_pattern: bool,
    /// Number types by name (`general`, `fixed_line`, …).
    pub types: BTreeMap<String, Desc>,
    /// National format list, in metadata order.
    pub national_formats: Vec<FormatRow>,
    /// International format list (empty = use the national list).
    pub international_formats: Vec<FormatRow>,
    /// Short-number descriptions by type (regions only).
    pub short: BTreeMap<String, Desc>,
    /// Where the territory row came from (for errors).
    pub origin: String,
}

/// All territories, sorted by (region, code), plus the metadata version and the
/// order in which libphonenumber tries the regions of each calling code.
#[derive(Debug)]
pub struct WorldData {
    /// Metadata version (`9.0.43`).
    pub version: String,
    /// Territories sorted by (region, code).
    pub territories: Vec<Territory>,
    /// Calling code → regions, main first, in libphonenumber's order.
    pub code_regions: BTreeMap<u16, Vec<String>>,
}

fn lengths(row: &Row, column: &str) -> Result<Vec<u8>, GenError> {
    row.get(column)?
        .split_whitespace()
        .map(|n| {
            n.parse::<u8>()
                .ok()
                .filter(|&n| (1..=17).contains(&n))
                .ok_or_else(|| row.error(format!("{column}: `{n}` is not a length 1..17")))
        })
        .collect()
}

fn flag(row: &Row, column: &str) -> Result<bool, GenError> {
    match row.get(column)? {
        "yes" => Ok(true),
        "no" | "" => Ok(false),
        other => Err(row.error(format!("{column}: `{other}` is not yes/no"))),
    }
}

fn origin(row: &Row, file: &str) -> String {
    format!("world/libphonenumber/{file}:{}", row.line)
}

impl WorldData {
    /// Loads and checks the tables.
    pub fn load(data: &Path) -> Result<WorldData, GenError> {
        let dir = data.join("world/libphonenumber");
        let version_rows = read_rows(&dir.join("version.csv"))?;
        let version = match version_rows.as_slice() {
            [row] => row.required("version")?.to_string(),
            _ => {
                return Err(GenError {
                    file: dir.join("version.csv"),
                    line: 0,
                    message: "expected exactly one version row".into(),
                })
            }
        };
        let mut territories: BTreeMap<(String, u16), Territory> = BTreeMap::new();
        for row in read_rows(&dir.join("territories.csv"))? {
            let t = Territory {
                region: row.required("region")?.to_string(),
                code: row.parsed("code")?,
                main: flag(&row, "main_country_for_code")?,
                leading_digits: row.get("leading_digits")?.to_string(),
                international_prefix: row.get("international_prefix")?.to_string(),
                preferred_international_prefix: row
                    .get("preferred_international_prefix")?
                    .to_string(),
                national_prefix: row.get("national_prefix")?.to_string(),
                national_prefix_for_parsing: row.get("national_prefix_for_parsing")?.to_string(),
                national_prefix_transform_rule: row
                    .get("national_prefix_transform_rule")?
                    .to_string(),
                same_mobile_and_fixed_line_pattern: flag(
                    &row,
                    "same_mobile_and_fixed_line_pattern",
                )?,
                origin: origin(&row, "territories.csv"),
                ..Territory::default()
            };
            let key = (t.region.clone(), t.code);
            if territories.insert(key, t).is_some() {
                return Err(row.error("territory appears twice".into()));
            }
        }
        let find = |row: &Row| -> Result<(String, u16), GenError> {
            let key = (row.required("region")?.to_string(), row.parsed("code")?);
            if territories.contains_key(&key) {
                Ok(key)
            } else {
                Err(row.error("no such territory in territories.csv".into()))
            }
        };
        let mut descs = Vec::new();
        for row in read_rows(&dir.join("number_types.csv"))? {
            let key = find(&row)?;
            let desc = Desc {
                pattern: row.required("pattern")?.to_string(),
                lengths: lengths(&row, "possible_lengths")?,
                local_only: lengths(&row, "local_only_lengths")?,
                origin: origin(&row, "number_types.csv"),
            };
            descs.push((key, row.required("type")?.to_string(), desc, row));
        }
        let mut formats = Vec::new();
        for row in read_rows(&dir.join("formats.csv"))? {
            let key = find(&row)?;
            let format = FormatRow {
                pattern: row.required("pattern")?.to_string(),
                format: row.required("format")?.to_string(),
                leading_digits: row
                    .get("leading_digits")?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                national_prefix_rule: row.get("national_prefix_formatting_rule")?.to_string(),
                national_prefix_optional: flag(&row, "national_prefix_optional_when_formatting")?,
                carrier_rule: row
                    .get("domestic_carrier_code_formatting_rule")?
                    .to_string(),
                origin: origin(&row, "formats.csv"),
            };
            let index: usize = row.parsed("index")?;
            formats.push((key, row.required("list")?.to_string(), index, format, row));
        }
        for (key, name, desc, row) in descs {
            let t = territories.get_mut(&key).expect("checked above");
            if name != "general"
                && name != "no_international_dialling"
                && !super::bits::NUMBER_TYPES.iter().any(|c| c.as_str() == name)
            {
                return Err(row.error(format!("unknown number type `{name}`")));
            }
            if t.types.insert(name, desc).is_some() {
                return Err(row.error("number type appears twice".into()));
            }
        }
        for (key, list, index, format, row) in formats {
            let t = territories.get_mut(&key).expect("checked above");
            let target = match list.as_str() {
                "national" => &mut t.national_formats,
                "international" => &mut t.international_formats,
                other => return Err(row.error(format!("unknown format list `{other}`"))),
            };
            if index != target.len() {
                return Err(row.error(format!("format index {index} out of order")));
            }
            target.push(format);
        }
        for row in read_rows(&dir.join("short_numbers.csv"))? {
            let region = row.required("region")?;
            let name = row.required("type")?;
            if !super::bits::SHORT_TYPES.contains(&name) {
                return Err(row.error(format!("unknown short-number type `{name}`")));
            }
            let mut matching = territories.values_mut().filter(|t| t.region == region);
            let (Some(t), None) = (matching.next(), matching.next()) else {
                return Err(row.error(format!("`{region}` is not one region of territories.csv")));
            };
            let desc = Desc {
                pattern: row.required("pattern")?.to_string(),
                lengths: lengths(&row, "possible_lengths")?,
                local_only: Vec::new(),
                origin: origin(&row, "short_numbers.csv"),
            };
            if t.short.insert(name.to_string(), desc).is_some() {
                return Err(row.error("short-number type appears twice".into()));
            }
        }
        let mut code_regions = BTreeMap::new();
        for row in read_rows(&data.join("world/country_codes.csv"))? {
            let regions: Vec<String> = row
                .get("regions")?
                .split_whitespace()
                .map(str::to_string)
                .collect();
            for r in &regions {
                if !territories.contains_key(&(r.clone(), row.parsed("code")?)) {
                    return Err(row.error(format!("region `{r}` has no territory row")));
                }
            }
            code_regions.insert(row.parsed("code")?, regions);
        }
        Ok(WorldData {
            version,
            territories: territories.into_values().collect(),
            code_regions,
        })
    }
}
