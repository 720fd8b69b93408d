//! The worldwide corpus, sampled from the libphonenumber conformance fixture.

#[path = "../../tests/support/csv_rows.rs"]
mod csv_rows;

use super::{Case, Lcg, N};

/// `N` fixture rows spread evenly over the file (which is sorted by region), shuffled.
pub fn corpus() -> Vec<Case> {
    let rows = csv_rows::read_csv("tests/golden/conformance_numbers.csv");
    let step = rows.len() / N;
    let mut out: Vec<Case> = rows
        .iter()
        .step_by(step)
        .filter_map(|row| {
            // "001" (international networks) has no region; those inputs are written
            // with their + and parse the same under any default region.
            let region = match row["default_region"].as_str() {
                "001" => "US",
                code => code,
            };
            Case::new(row["input"].clone(), region)
        })
        .take(N)
        .collect();
    assert_eq!(
        out.len(),
        N,
        "the fixture has enough rows every library reads"
    );
    Lcg(0x0077_0e1d).shuffle(&mut out);
    out
}
