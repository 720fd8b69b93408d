//! The two corpora of the parse + classify comparison, built deterministically (the same
//! inputs in every run), each input with its default region already converted for every
//! library, so the timed loops compare parsing and classifying only.

mod german;
mod world;

/// Inputs per corpus; one criterion iteration processes the whole corpus.
pub const N: usize = 1000;

/// One input and its default region in each library's own type.
pub struct Case {
    /// The text as written.
    pub text: String,
    /// numrep's region.
    pub numrep: numrep::Region,
    /// The `phonenumber` crate's region.
    pub phonenumber: phonenumber::country::Id,
    /// `rlibphonenumber`'s region.
    pub rlib: rlibphonenumber::Region,
}

impl Case {
    /// The input with region `code`, or `None` when one of the libraries lacks the region.
    pub fn new(text: String, code: &str) -> Option<Case> {
        Some(Case {
            numrep: numrep::Region::from_code(code).ok()?,
            phonenumber: code.parse().ok()?,
            rlib: code.parse().ok()?,
            text,
        })
    }
}

/// numrep: parse, then classify (type and validity); the timed unit of the comparison
/// (and of `examples/corpus_loop.rs`, which counts its instructions).
pub fn numrep_one(case: &Case) -> u32 {
    match numrep::parse(std::hint::black_box(&case.text), case.numrep) {
        Ok(n) => {
            let c = numrep::classify(&n);
            c.category() as u32 + u32::from(c.is_valid())
        }
        Err(_) => 0,
    }
}

/// numrep's full report (`lookup`: parse, classify, assess) with the input's region;
/// the unit of the `german_heavy_reports` bench and of `corpus_loop --lookup`.
pub fn numrep_report(case: &Case) -> u32 {
    let options = numrep::Options::new().region(case.numrep);
    let report = numrep::lookup(std::hint::black_box(&case.text), &options);
    report.reasons().len() as u32 + u32::from(report.is_valid())
}

/// The full report written as the CLI's JSON line (`Report::write_json`): the unit of
/// `corpus_loop --json` (the bench's own loop reuses one buffer).
#[allow(dead_code)]
pub fn numrep_json_line(case: &Case) -> u32 {
    let options = numrep::Options::new().region(case.numrep);
    let mut line = Vec::new();
    numrep::lookup(std::hint::black_box(&case.text), &options).write_json(&mut line);
    line.len() as u32
}

/// German-heavy: what a German hotline sees (landlines, mobiles, service numbers,
/// short codes, some foreign numbers and junk), region DE.
pub fn german() -> Vec<Case> {
    german::corpus()
        .into_iter()
        .map(|text| Case::new(text, "DE").expect("every library knows DE"))
        .collect()
}

/// Worldwide: an even sample of the conformance fixture (every region's numbers in every
/// written form, mutations and short numbers), each with the fixture's default region.
pub fn world() -> Vec<Case> {
    world::corpus()
}

/// A small deterministic generator (64-bit LCG), so every run sees the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }
    /// Fisher–Yates, so branch predictors cannot learn the order.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() as usize) % (i + 1);
            items.swap(i, j);
        }
    }
}
