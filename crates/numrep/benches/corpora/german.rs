//! The German-heavy corpus: what a German hotline sees, in the forms people write.

use super::{Lcg, N};

/// Writes German national significant number `nsn` in one of the usual forms.
fn written(rng: &mut Lcg, group: &str, rest: &str) -> String {
    match rng.next() % 5 {
        0 => format!("+49{group}{rest}"),
        1 => format!("0{group} {rest}"),
        2 => format!("+49 {group} {rest}"),
        3 => format!("0049 {group}-{rest}"),
        _ => format!("(0{group}) {rest}"),
    }
}

/// The mixed corpus: 300 geographic, 250 mobile, 150 service, 50 short codes,
/// 150 foreign, 100 junk, shuffled deterministically.
pub fn corpus() -> Vec<String> {
    let mut rng = Lcg(0x5eed_2024);
    let mut out = Vec::with_capacity(N);
    let area = [
        "30", "40", "69", "89", "201", "221", "228", "511", "621", "711", "911", "2041", "2129",
        "6215", "7031", "33056", "38851",
    ];
    for _ in 0..300 {
        let group = rng.pick(&area);
        let len = if group.len() == 2 {
            8
        } else {
            11 - group.len()
        };
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let mobile = [
        "1511", "1512", "1520", "1521", "1573", "1577", "1590", "15019", "15678", "160", "162",
        "163", "170", "171", "172", "176", "177", "179",
    ];
    for _ in 0..250 {
        let group = rng.pick(&mobile);
        let len = if group.starts_with("15") { 11 } else { 10 } - group.len();
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let service = [
        ("800", 7),
        ("9005", 6),
        ("9001", 6),
        ("1805", 6),
        ("1371", 6),
        ("32", 9),
        ("700", 8),
        ("190", 6),
        ("1801", 6),
    ];
    for _ in 0..150 {
        let (group, len) = service[(rng.next() as usize) % service.len()];
        let rest = rng.digits(len);
        out.push(written(&mut rng, group, &rest));
    }
    let short = ["110", "112", "115", "116116", "116117", "11833", "19222"];
    for _ in 0..50 {
        out.push(rng.pick(&short).to_owned());
    }
    let foreign = [
        ("+1 212 ", 7),
        ("+1 416 ", 7),
        ("+44 20 ", 8),
        ("+44 7700 ", 6),
        ("+216 71 ", 6),
        ("+33 1 ", 8),
        ("+43 1 ", 7),
        ("00261 20 ", 7),
        ("+257 22 ", 6),
        ("+882 16 ", 8),
    ];
    for _ in 0..150 {
        let (prefix, len) = foreign[(rng.next() as usize) % foreign.len()];
        let rest = rng.digits(len);
        out.push(format!("{prefix}{rest}"));
    }
    let junk = [
        "",
        "   ",
        "abc",
        "call me",
        "030 12a",
        "++49 30",
        "+999 123456",
        "30123456",
        "0",
        "tel:",
        "0800 FLOWERS",
        "030 123456 ext. 12",
        "1234567890123456789012345678901234567890",
        "０３０ １２３４５６",
    ];
    for _ in 0..100 {
        out.push(rng.pick(&junk).to_owned());
    }
    rng.shuffle(&mut out);
    assert_eq!(out.len(), N);
    out
}
