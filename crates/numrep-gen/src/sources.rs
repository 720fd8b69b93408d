//! Loading and checking every table in `data/`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::plan::{CallerIdRule, Category, RangeRecord, RangeStatus, KEY_DIGITS};

use crate::csvread::{check_digits, read_rows, GenError, Row};
use crate::prefix_tree::{Interval, Layer, PrefixTree};

/// A range name row for `RANGE_NAMES`.
pub struct RangeName {
    pub de: String,
    pub en: String,
    pub source: String,
}

/// A tariff row (prices in tenths of a cent).
pub struct TariffRow {
    pub id: String,
    pub per_minute: Option<u32>,
    pub per_call: Option<u32>,
    pub free_seconds: u16,
    pub max_per_minute: Option<u32>,
    pub max_per_call: Option<u32>,
    pub description_de: String,
    pub description_en: String,
    pub source: String,
}

/// A country calling code row.
pub struct CountryRow {
    pub code: u16,
    pub len: u8,
    pub name_en: String,
    pub name_de: String,
    pub international: bool,
}

/// A region row.
pub struct RegionRow {
    pub region: String,
    pub code: u16,
    pub name_en: String,
    pub name_de: String,
}

/// A risky calling code row.
pub struct RiskyRow {
    pub code: u16,
    pub wangiri: bool,
    pub billing_ban: bool,
    pub price_announcement: bool,
    pub source: String,
}

/// Everything in `data/`, checked and indexed.
pub struct Tables {
    pub names: Vec<RangeName>,
    pub places: Vec<String>,
    pub operators: Vec<String>,
    pub tariffs: Vec<TariffRow>,
    pub records: Vec<RangeRecord>,
    pub de_national: Vec<Interval>,
    pub de_short: Vec<Interval>,
    /// Short codes also reachable behind an area code (`030 115`).
    pub de_area_suffixes: Vec<String>,
    pub countries: Vec<CountryRow>,
    pub regions: Vec<RegionRow>,
    pub risky: Vec<RiskyRow>,
    /// The state (ISO date) of the BNetzA lists the German tables were checked against.
    pub bnetza_snapshot: String,
    /// FNV-1a of every input file, in a fixed order.
    pub fingerprint: u64,
}

/// Files that enter the fingerprint, in order: every table of `data/` the core's tables
/// are compiled from (this crate's two outputs), so that `DATA_FINGERPRINT` changes with
/// any of them.
const FILES: [&str; 14] = [
    "de/ranges.csv",
    "de/area_codes.csv",
    "de/mobile_blocks.csv",
    "de/short_codes.csv",
    "de/tariffs.csv",
    "de/snapshot.csv",
    "world/country_codes.csv",
    "world/regions.csv",
    "world/risky_codes.csv",
    "world/libphonenumber/version.csv",
    "world/libphonenumber/territories.csv",
    "world/libphonenumber/number_types.csv",
    "world/libphonenumber/formats.csv",
    "world/libphonenumber/short_numbers.csv",
];

impl Tables {
    /// Loads and checks all of `data/`.
    pub fn load(dir: &Path) -> Result<Tables, GenError> {
        let mut fingerprint = 0xcbf2_9ce4_8422_2325u64;
        for file in FILES {
            let path = dir.join(file);
            let bytes = std::fs::read(&path).map_err(|e| GenError {
                file: path.clone(),
                line: 0,
                message: e.to_string(),
            })?;
            for b in bytes {
                fingerprint = (fingerprint ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        let mut t = Tables {
            names: Vec::new(),
            places: Vec::new(),
            operators: Vec::new(),
            tariffs: Vec::new(),
            records: Vec::new(),
            de_national: Vec::new(),
            de_short: Vec::new(),
            de_area_suffixes: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            risky: Vec::new(),
            bnetza_snapshot: String::new(),
            fingerprint,
        };
        t.bnetza_snapshot = snapshot(&dir.join("de/snapshot.csv"))?;
        let tariff_ids = t.load_tariffs(&dir.join("de/tariffs.csv"))?;
        let mut seen = HashMap::new();
        let national = t.german_national(dir, &tariff_ids)?;
        t.de_national = national.flatten(&mut t.records, &mut seen);
        let short = t.german_short(dir, &tariff_ids)?;
        t.de_short = short.flatten(&mut t.records, &mut seen);
        t.load_countries(dir)?;
        Ok(t)
    }

    fn load_tariffs(&mut self, path: &Path) -> Result<HashMap<String, u16>, GenError> {
        let mut ids = HashMap::new();
        for row in read_rows(path)? {
            let id = row.required("id")?.to_string();
            let tenths = |col: &str| -> Result<Option<u32>, GenError> {
                Ok(row
                    .optional::<f64>(col)?
                    .map(|ct| (ct * 10.0).round() as u32))
            };
            let tariff = TariffRow {
                per_minute: tenths("per_minute_ct")?,
                per_call: tenths("per_call_ct")?,
                free_seconds: row.optional("free_seconds")?.unwrap_or(0),
                max_per_minute: tenths("max_per_minute_ct")?,
                max_per_call: tenths("max_per_call_ct")?,
                description_de: row.required("description_de")?.to_string(),
                description_en: row.required("description_en")?.to_string(),
                source: row.required("source")?.to_string(),
                id: id.clone(),
            };
            if ids.insert(id.clone(), self.tariffs.len() as u16).is_some() {
                return Err(row.error(format!("tariff `{id}` appears twice")));
            }
            self.tariffs.push(tariff);
        }
        Ok(ids)
    }

    fn name(&mut self, de: &str, en: &str, source: &str) -> u16 {
        let found = self
            .names
            .iter()
            .position(|n| n.de == de && n.en == en && n.source == source);
        let index = found.unwrap_or_else(|| {
            self.names.push(RangeName {
                de: de.into(),
                en: en.into(),
                source: source.into(),
            });
            self.names.len() - 1
        });
        index as u16
    }

    /// A full layer from a ranges/short-codes row.
    fn range_layer(
        &mut self,
        row: &Row,
        tariffs: &HashMap<String, u16>,
    ) -> Result<Layer, GenError> {
        let category = row.required("category")?;
        let status = row.required("status")?;
        let caller_id = row.required("caller_id")?;
        let tariff = row.get("tariff")?;
        let min_len: u8 = row.parsed("min_len")?;
        let max_len: u8 = row.parsed("max_len")?;
        if min_len > max_len || max_len > 17 {
            return Err(row.error(format!(
                "lengths {min_len}..{max_len} are not a range within 1..17"
            )));
        }
        Ok(Layer {
            category: Some(
                Category::from_name(category)
                    .ok_or_else(|| row.error(format!("unknown category `{category}`")))?,
            ),
            status: Some(
                RangeStatus::from_name(status)
                    .ok_or_else(|| row.error(format!("unknown status `{status}`")))?,
            ),
            caller_id: Some(
                CallerIdRule::from_name(caller_id)
                    .ok_or_else(|| row.error(format!("unknown caller_id rule `{caller_id}`")))?,
            ),
            min_len: Some(min_len),
            max_len: Some(max_len),
            group_len: if row.has_column("group_len") {
                row.optional("group_len")?
            } else {
                None
            },
            range: Some(self.name(
                row.required("name_de")?,
                row.required("name_en")?,
                row.required("source")?,
            )),
            place: None,
            operator: None,
            tariff: if tariff.is_empty() {
                None
            } else {
                Some(
                    *tariffs
                        .get(tariff)
                        .ok_or_else(|| row.error(format!("unknown tariff `{tariff}`")))?,
                )
            },
        })
    }

    /// A tree of full range rows (`ranges.csv`, `short_codes.csv`): each prefix once;
    /// `extra` reads a file's own columns.
    fn range_rows(
        &mut self,
        path: &Path,
        tariffs: &HashMap<String, u16>,
        mut extra: impl FnMut(&Row, &str) -> Result<(), GenError>,
    ) -> Result<PrefixTree, GenError> {
        let mut tree = PrefixTree::default();
        let mut prefixes = BTreeMap::new();
        for row in read_rows(path)? {
            let prefix = row.required("prefix")?;
            check_digits(&row, prefix, KEY_DIGITS)?;
            if prefixes.insert(prefix.to_string(), row.line).is_some() {
                return Err(row.error(format!("prefix `{prefix}` appears twice")));
            }
            let layer = self.range_layer(&row, tariffs)?;
            tree.insert(prefix, layer);
            extra(&row, prefix)?;
        }
        Ok(tree)
    }

    fn german_national(
        &mut self,
        dir: &Path,
        tariffs: &HashMap<String, u16>,
    ) -> Result<PrefixTree, GenError> {
        let mut tree = self.range_rows(&dir.join("de/ranges.csv"), tariffs, |_, _| Ok(()))?;
        for row in read_rows(&dir.join("de/area_codes.csv"))? {
            let prefix = row.required("prefix")?;
            check_digits(&row, prefix, 5)?;
            let area_code = row.required("area_code")?;
            if area_code.len() < 2 || !prefix.starts_with(area_code) {
                return Err(row.error(format!(
                    "area code `{area_code}` is not a leading part (2+ digits) of prefix `{prefix}`"
                )));
            }
            let under = tree.effective(prefix);
            if under.category != Some(Category::FixedLine) || tree.layer_at(prefix).is_some() {
                return Err(row.error(format!(
                    "area code `{prefix}` collides with a non-geographic row in de/ranges.csv"
                )));
            }
            let place = self.places.len() as u16;
            self.places.push(row.required("place")?.to_string());
            let range = self.name(
                "Ortsnetzrufnummer",
                "Geographic number",
                row.required("source")?,
            );
            tree.insert(
                prefix,
                Layer {
                    status: Some(RangeStatus::Assigned),
                    group_len: Some(area_code.len() as u8),
                    range: Some(range),
                    place: Some(place),
                    ..Layer::default()
                },
            );
        }
        for row in read_rows(&dir.join("de/mobile_blocks.csv"))? {
            let prefix = row.required("prefix")?;
            check_digits(&row, prefix, KEY_DIGITS)?;
            if tree.effective(prefix).category != Some(Category::Mobile) {
                return Err(row.error(format!(
                    "mobile block `{prefix}` is not inside a mobile range"
                )));
            }
            let name = row.required("operator")?;
            let operator = match self.operators.iter().position(|o| o == name) {
                Some(i) => i,
                None => {
                    self.operators.push(name.to_string());
                    self.operators.len() - 1
                }
            } as u16;
            let range = self.name("Mobile Dienste", "Mobile", row.required("source")?);
            tree.insert(
                prefix,
                Layer {
                    status: Some(RangeStatus::Assigned),
                    range: Some(range),
                    operator: Some(operator),
                    ..Layer::default()
                },
            );
        }
        Ok(tree)
    }

    fn german_short(
        &mut self,
        dir: &Path,
        tariffs: &HashMap<String, u16>,
    ) -> Result<PrefixTree, GenError> {
        let mut suffixes = Vec::new();
        let tree = self.range_rows(&dir.join("de/short_codes.csv"), tariffs, |row, prefix| {
            match row.required("with_area_code")? {
                "yes" => suffixes.push(prefix.to_string()),
                "no" => {}
                other => return Err(row.error(format!("with_area_code: `{other}` is not yes/no"))),
            }
            Ok(())
        })?;
        self.de_area_suffixes = suffixes;
        Ok(tree)
    }

    fn load_countries(&mut self, dir: &Path) -> Result<(), GenError> {
        for row in read_rows(&dir.join("world/country_codes.csv"))? {
            let code = row.required("code")?;
            check_digits(&row, code, 3)?;
            let kind = row.required("kind")?;
            let international = match kind {
                "geographic" => false,
                "international_network" => true,
                other => return Err(row.error(format!("unknown kind `{other}`"))),
            };
            self.countries.push(CountryRow {
                code: row.parsed("code")?,
                len: code.len() as u8,
                name_en: row.required("name_en")?.to_string(),
                name_de: row.required("name_de")?.to_string(),
                international,
            });
        }
        self.countries.sort_by_key(|c| c.code);
        check_prefix_free(dir, &self.countries)?;
        for row in read_rows(&dir.join("world/regions.csv"))? {
            self.regions.push(RegionRow {
                region: row.required("region")?.to_string(),
                code: row.parsed("code")?,
                name_en: row.required("name_en")?.to_string(),
                name_de: row.required("name_de")?.to_string(),
            });
        }
        self.regions.sort_by(|a, b| a.region.cmp(&b.region));
        for row in read_rows(&dir.join("world/risky_codes.csv"))? {
            let flag = |col: &str| -> Result<bool, GenError> {
                match row.required(col)? {
                    "yes" => Ok(true),
                    "no" => Ok(false),
                    other => Err(row.error(format!("column `{col}`: `{other}` is not yes/no"))),
                }
            };
            self.risky.push(RiskyRow {
                code: row.parsed("code")?,
                wangiri: flag("wangiri")?,
                billing_ban: flag("billing_ban")?,
                price_announcement: flag("price_announcement")?,
                source: row.required("source")?.to_string(),
            });
        }
        self.risky.sort_by_key(|r| r.code);
        Ok(())
    }
}

/// The one row of `de/snapshot.csv`: the state of the BNetzA lists, as `YYYY-MM-DD`.
fn snapshot(path: &Path) -> Result<String, GenError> {
    let rows = read_rows(path)?;
    let [row] = rows.as_slice() else {
        return Err(GenError {
            file: path.to_path_buf(),
            line: 0,
            message: format!("needs exactly one row, has {}", rows.len()),
        });
    };
    let state = row.required("state")?;
    row.required("source")?;
    let b = state.as_bytes();
    let iso = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !iso {
        return Err(row.error(format!("state `{state}` is not a date YYYY-MM-DD")));
    }
    Ok(state.to_string())
}

/// Calling codes must be prefix-free (E.164), or parsing would be ambiguous.
fn check_prefix_free(dir: &Path, countries: &[CountryRow]) -> Result<(), GenError> {
    let text: Vec<String> = countries.iter().map(|c| c.code.to_string()).collect();
    for a in &text {
        for b in &text {
            if a != b && b.starts_with(a.as_str()) {
                return Err(GenError {
                    file: dir.join("world/country_codes.csv"),
                    line: 0,
                    message: format!("calling code {a} is a prefix of {b}"),
                });
            }
        }
    }
    Ok(())
}
