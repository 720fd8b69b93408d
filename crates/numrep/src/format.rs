//! Writing a number for people: `+49 30 123456`, `030 123456`.

use crate::classify::Classification;
use crate::number::PhoneNumber;

/// International format with the area code or service prefix set apart.
pub fn international(number: &PhoneNumber, class: &Classification) -> String {
    if number.is_short_code() {
        return number.national_number().to_string();
    }
    let (group, rest) = split(number, class);
    if rest.is_empty() {
        format!("+{} {group}", number.country_code())
    } else {
        format!("+{} {group} {rest}", number.country_code())
    }
}

/// National format (trunk prefix + groups), for numbers of the region's own country.
pub fn national(number: &PhoneNumber, class: &Classification, trunk: &str) -> String {
    if number.is_short_code() {
        return number.national_number().to_string();
    }
    let (group, rest) = split(number, class);
    if rest.is_empty() {
        format!("{trunk}{group}")
    } else {
        format!("{trunk}{group} {rest}")
    }
}

fn split<'a>(number: &'a PhoneNumber, class: &Classification) -> (&'a str, &'a str) {
    let national = number.national_number();
    let group = class.group_len().min(national.len());
    if group == 0 {
        (national, "")
    } else {
        national.split_at(group)
    }
}
