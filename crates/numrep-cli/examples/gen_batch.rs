//! Writes a deterministic, mixed batch of phone numbers for the CLI benchmark:
//! German landlines, mobiles and service numbers in many written forms, short
//! codes, foreign numbers and junk.
//!
//! `cargo run --release -p numrep-cli --example gen_batch -- 1000000 > /tmp/batch.txt`

use std::io::{self, BufWriter, Write};

/// xorshift64*: enough randomness for a test corpus, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const AREAS: [&str; 12] = [
    "30", "40", "89", "221", "69", "711", "261", "2161", "351", "3581", "7731", "33203",
];
const MOBILE: [&str; 8] = ["151", "160", "170", "171", "176", "1520", "1579", "1590"];
const SERVICE: [&str; 9] = [
    "800", "900", "1805", "137", "180", "700", "32", "190", "118",
];
const SHORT: [&str; 6] = ["110", "112", "115", "116116", "11833", "116117"];
const FOREIGN: [&str; 8] = [
    "+43 1 5123456",
    "+41 44 668 18 00",
    "+1 212 555 0199",
    "+44 20 7946 0958",
    "00261 20 22 123 45",
    "+216 71 123 456",
    "+882 1234 5678",
    "+7 495 123-45-67",
];
const JUNK: [&str; 6] = [
    "",
    "hello",
    "+",
    "0",
    "030 12#34",
    "999999999999999999999999",
];

fn line(rng: &mut Rng) -> String {
    let national = |rng: &mut Rng| -> (String, String) {
        match rng.below(3) {
            0 => {
                let area = AREAS[rng.below(AREAS.len() as u64) as usize];
                (area.to_string(), rng.digits(8 - area.len().min(4)))
            }
            1 => {
                let block = MOBILE[rng.below(MOBILE.len() as u64) as usize];
                (block.to_string(), rng.digits(7))
            }
            _ => {
                let range = SERVICE[rng.below(SERVICE.len() as u64) as usize];
                (range.to_string(), rng.digits(7))
            }
        }
    };
    match rng.below(20) {
        0 => SHORT[rng.below(SHORT.len() as u64) as usize].to_string(),
        1 | 2 => FOREIGN[rng.below(FOREIGN.len() as u64) as usize].to_string(),
        3 => JUNK[rng.below(JUNK.len() as u64) as usize].to_string(),
        form => {
            let (prefix, rest) = national(rng);
            match form % 6 {
                0 => format!("+49{prefix}{rest}"),
                1 => format!("0{prefix} {rest}"),
                2 => format!("+49 (0){prefix} {rest}"),
                3 => format!("0049-{prefix}-{rest}"),
                4 => format!("0{prefix}/{rest}"),
                _ => format!("tel:+49-{prefix}-{rest}"),
            }
        }
    }
}

fn main() -> io::Result<()> {
    let count: u64 = match std::env::args().nth(1) {
        Some(arg) => arg.parse().map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("count {arg:?}: {e}"))
        })?,
        None => 1_000_000,
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for _ in 0..count {
        writeln!(out, "{}", line(&mut rng))?;
    }
    out.flush()
}
