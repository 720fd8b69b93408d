//! The words people paste around a number, in one place. All comparisons ignore case
//! (`TEL`, `Tel`, `tel`; `BÜRO`, `Büro`).

/// Words that introduce a number (`Tel.: `, `Mobil `, `Phone: `, `T: `). A label is one or
/// more of these joined by `.`, `-`, `/` or blanks (`Tel.-Nr.:`, `Tel./Fax:`,
/// `Phone no.`), optionally ending in `:`. Any words followed by `:` are a label too
/// (`Kundenservice: 030 …`), so this list matters for labels written without a colon.
pub const LABELS: &[&str] = &[
    // German
    "tel",
    "telefon",
    "telefonnr",
    "telefonnummer",
    "telnr",
    "rufnummer",
    "rufnr",
    "nummer",
    "nr",
    "mobil",
    "mobilnr",
    "mobilnummer",
    "mobiltelefon",
    "mob",
    "handy",
    "handynr",
    "handynummer",
    "fax",
    "telefax",
    "faxnr",
    "faxnummer",
    "fon",
    "festnetz",
    "zentrale",
    "büro",
    "buero",
    "privat",
    "geschäftlich",
    "dienstlich",
    "direkt",
    "direktwahl",
    "hotline",
    "service",
    "kontakt",
    "rückruf",
    "rückrufnummer",
    // English
    "phone",
    "telephone",
    "ph",
    "mobile",
    "cell",
    "cellphone",
    "office",
    "direct",
    "main",
    "work",
    "home",
    "number",
    "no",
    // Single letters of e-mail signatures (`T: +49 …`, `M +49 …`, `F: …`, `P: …`)
    "t",
    "m",
    "f",
    "p",
];

/// Words that end a number as a note (`030 1234567 Fax`, `… Zentrale`). A note word is
/// never read as vanity letters.
pub const NOTES: &[&str] = &[
    "fax",
    "telefax",
    "zentrale",
    "büro",
    "buero",
    "privat",
    "geschäftlich",
    "dienstlich",
    "mobil",
    "handy",
    "festnetz",
    "tel",
    "telefon",
    "sekretariat",
    "empfang",
    "vermittlung",
    "direkt",
    "office",
    "mobile",
    "cell",
    "home",
    "work",
    "main",
    "direct",
];

/// Words that join two numbers (`0171 1234567 oder 030 1234567`).
pub const CONJUNCTIONS: &[&str] = &["oder", "or", "und", "and", "bzw", "sowie", "alternativ"];

/// Longest word of the lists, in bytes.
const MAX_WORD_BYTES: usize = 16;

/// Whether `word` is one of `list` (which is written in lower case), ignoring case.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    let mut buffer = [0u8; MAX_WORD_BYTES];
    lower_case(word, &mut buffer).is_some_and(|lower| list.iter().any(|k| k.as_bytes() == lower))
}

/// `word` in lower case in `buffer`; `None` when it is longer than any listed word.
fn lower_case<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD_BYTES]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        let lower = buffer.get_mut(..word.len())?;
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        return Some(lower);
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let end = len + c.len_utf8();
        c.encode_utf8(buffer.get_mut(len..end)?);
        len = end;
    }
    Some(&buffer[..len])
}

/// A label word: multi-letter words of [`LABELS`] always, single letters only when
/// `single_letters` (they are labels at the start of the text, but inside a number a
/// lone letter is a typo, not a second label).
pub fn is_label(word: &str, single_letters: bool) -> bool {
    (single_letters || word.chars().nth(1).is_some()) && is_one_of(word, LABELS)
}

/// The run of letters at the start of `text` (empty when it starts with no letter).
pub fn leading_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The run of letters at the end of `text` (empty when it ends with no letter).
pub fn trailing_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// Longest excerpt of pasted text an error message repeats.
const MAX_EXCERPT_CHARS: usize = 32;

/// `text` for an error message: at most 32 characters, elided with `…`.
pub fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(MAX_EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_short_lower_case_words() {
        for word in LABELS.iter().chain(NOTES).chain(CONJUNCTIONS) {
            assert!(word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()));
            assert!(word.len() <= MAX_WORD_BYTES, "{word}");
        }
    }

    #[test]
    fn words_match_in_any_case() {
        assert!(is_one_of("TEL", LABELS));
        assert!(is_one_of("BÜRO", NOTES));
        assert!(is_one_of("Büro", NOTES));
        assert!(is_one_of("GESCHÄFTLICH", LABELS));
        assert!(!is_one_of("Telex", LABELS));
        assert!(!is_one_of("Telefonnummernverzeichnis", LABELS));
        assert!(!is_one_of("ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", LABELS));
        assert!(is_label("T", true));
        assert!(!is_label("T", false));
    }

    #[test]
    fn words_at_the_edges() {
        assert_eq!(leading_word("Büro: 030"), "Büro");
        assert_eq!(trailing_word("030 1 Zentrale"), "Zentrale");
        assert_eq!(trailing_word("030 1"), "");
        assert_eq!(excerpt(&"a".repeat(40)).chars().count(), 33);
    }
}
