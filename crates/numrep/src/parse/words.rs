//! The words people paste around a number, in one place. All comparisons ignore case
//! (`TEL`, `Tel`, `tel`; `BÜRO`, `Büro`).

use crate::case::lower_latin1;

/// Words that say which line a number is (`Fax`, `Zentrale`, `Büro`, `privat`): they
/// are labels before the number (`Fax: 030 …`) and notes after it (`030 … Fax`).
const LINE_WORDS: &[&str] = &[
    // German
    "tel",
    "telefon",
    "telefax",
    "fax",
    "mobil",
    "handy",
    "festnetz",
    "zentrale",
    "büro",
    "buero",
    "privat",
    "geschäftlich",
    "dienstlich",
    "direkt",
    // English
    "mobile",
    "cell",
    "office",
    "direct",
    "main",
    "work",
    "home",
];

/// Words that only introduce a number (`Tel.-Nr.: `, `Rufnummer `, `Phone: `, `T: `).
const LABEL_WORDS: &[&str] = &[
    // German
    "telefonnr",
    "telefonnummer",
    "telnr",
    "rufnummer",
    "rufnr",
    "nummer",
    "nr",
    "mobilnr",
    "mobilnummer",
    "mobiltelefon",
    "mob",
    "handynr",
    "handynummer",
    "faxnr",
    "faxnummer",
    "fon",
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
    "cellphone",
    "number",
    "no",
    // Single letters of e-mail signatures (`T: +49 …`, `M +49 …`, `F: …`, `P: …`)
    "t",
    "m",
    "f",
    "p",
];

/// Words that only end a number as a note (`030 1234567 Sekretariat`).
const NOTE_WORDS: &[&str] = &["sekretariat", "empfang", "vermittlung"];

/// Words that join two numbers (`0171 1234567 oder 030 1234567`).
const CONJUNCTIONS: &[&str] = &["oder", "or", "und", "and", "bzw", "sowie", "alternativ"];

/// What phones and call logs show when the caller's number did not come through
/// (withheld, or not sent by the network): `Unbekannt`, `Rufnummer unterdrückt`,
/// `Anonymous`, `No Caller ID`. Lower case, words joined by one space.
const NO_NUMBER_SHOWN: &[&str] = &[
    // German
    "unbekannt",
    "unbekannter anrufer",
    "anrufer unbekannt",
    "unbekannte nummer",
    "unbekannte rufnummer",
    "rufnummer unbekannt",
    "nummer unbekannt",
    "anonym",
    "anonymer anruf",
    "anonymer anrufer",
    "privat",
    "private nummer",
    "privatnummer",
    "unterdrückt",
    "unterdrueckt",
    "rufnummer unterdrückt",
    "rufnummer unterdrueckt",
    "nummer unterdrückt",
    "nummer unterdrueckt",
    "unterdrückte rufnummer",
    "unterdrückte nummer",
    "keine rufnummer",
    "keine nummer",
    "keine anruferkennung",
    "ohne rufnummer",
    "rufnummer nicht verfügbar",
    "nicht verfügbar",
    // English
    "unknown",
    "unknown caller",
    "unknown number",
    "caller unknown",
    "anonymous",
    "anonymous caller",
    "private",
    "private number",
    "private caller",
    "withheld",
    "number withheld",
    "withheld number",
    "caller id withheld",
    "no caller id",
    "caller id unavailable",
    "unavailable",
    "number unavailable",
    "not available",
    "restricted",
    "restricted number",
    "blocked",
    "blocked number",
    "no number",
    "out of area",
];

/// Longest text [`is_no_number_shown`] compares, in bytes after joining its words.
const MAX_NO_NUMBER_BYTES: usize = 32;

/// True when `text` is what a display shows for a call without a number
/// ([`NO_NUMBER_SHOWN`], in any case, with any punctuation or quotes around and between
/// the words: `„Unbekannt“`, `<anonymous>`, `Rufnummer: unterdrückt`). Never for a text
/// holding a digit.
pub fn is_no_number_shown(text: &str) -> bool {
    let mut joined = [0u8; MAX_NO_NUMBER_BYTES];
    let mut len = 0;
    let mut gap = false;
    for c in text.chars() {
        if !c.is_alphabetic() {
            if c.is_numeric() {
                return false;
            }
            gap = true;
            continue;
        }
        if gap && len > 0 {
            let Some(space) = joined.get_mut(len) else {
                return false;
            };
            *space = b' ';
            len += 1;
        }
        gap = false;
        let c = lower_latin1(c);
        let Some(to) = joined.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(to);
        len += c.len_utf8();
    }
    // Most texts (`abc`, `hello`) have a length no phrase has: one bit test.
    if NO_NUMBER_LENGTHS & (1 << len) == 0 {
        return false;
    }
    // Compared as text: only text without a digit comes here, and the length test has
    // turned most of it away (integer keys of the phrases measured slower).
    let joined = &joined[..len];
    NO_NUMBER_SHOWN.iter().any(|p| p.as_bytes() == joined)
}

/// Bit `n` set when a phrase of [`NO_NUMBER_SHOWN`] is `n` bytes long.
const NO_NUMBER_LENGTHS: u64 = {
    let mut mask = 0;
    let mut i = 0;
    while i < NO_NUMBER_SHOWN.len() {
        mask |= 1 << NO_NUMBER_SHOWN[i].len();
        i += 1;
    }
    mask
};

/// A label word (a label is one or more of them joined by `.`, `-`, `/` or blanks:
/// `Tel.-Nr.:`, `Tel./Fax:`, `Phone no.`). Single letters count only when
/// `single_letters` (they are labels at the start of the text, but inside a number a
/// lone letter is a typo, not a second label).
pub fn is_label(word: &str, single_letters: bool) -> bool {
    (single_letters || word.chars().nth(1).is_some())
        && key_of(word).is_some_and(|k| LINE_KEYS.contains(&k) || LABEL_KEYS.contains(&k))
}

/// A note word (`Zentrale`, `Fax`), never read as vanity letters.
pub fn is_note(word: &str) -> bool {
    key_of(word).is_some_and(|k| LINE_KEYS.contains(&k) || NOTE_KEYS.contains(&k))
}

/// A word that joins two numbers (`oder`, `or`, `bzw`).
pub fn is_conjunction(word: &str) -> bool {
    key_of(word).is_some_and(|k| CONJUNCTION_KEYS.contains(&k))
}

/// Longest word of the lists, in bytes.
const MAX_WORD_BYTES: usize = 16;

/// The lists as keys ([`key`]), built at compile time.
const LINE_KEYS: [u128; LINE_WORDS.len()] = keys(LINE_WORDS);
const LABEL_KEYS: [u128; LABEL_WORDS.len()] = keys(LABEL_WORDS);
const NOTE_KEYS: [u128; NOTE_WORDS.len()] = keys(NOTE_WORDS);
const CONJUNCTION_KEYS: [u128; CONJUNCTIONS.len()] = keys(CONJUNCTIONS);

/// A word of at most [`MAX_WORD_BYTES`] bytes as one integer (its bytes, zero-padded):
/// a list is searched by integer comparisons, not a string comparison per word. No
/// listed word holds a zero byte, so equal keys are equal words.
const fn key(word: &[u8]) -> u128 {
    let mut bytes = [0u8; MAX_WORD_BYTES];
    let mut i = 0;
    while i < word.len() && i < MAX_WORD_BYTES {
        bytes[i] = word[i];
        i += 1;
    }
    u128::from_le_bytes(bytes)
}

/// [`key`] of every word of `words` (`N` = its length).
const fn keys<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = key(words[i].as_bytes());
        i += 1;
    }
    out
}

/// The [`key`] of `word` in lower case; `None` when it is longer than any listed word.
fn key_of(word: &str) -> Option<u128> {
    let mut buffer = [0u8; MAX_WORD_BYTES];
    if word.is_ascii() {
        let lower = buffer.get_mut(..word.len())?;
        for (to, from) in lower.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
    } else {
        let mut len = 0;
        for c in word.chars().map(lower_latin1) {
            let end = len + c.len_utf8();
            c.encode_utf8(buffer.get_mut(len..end)?);
            len = end;
        }
    }
    Some(key(&buffer))
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
    fn lists_are_short_lower_case_words_without_repeats() {
        let lists = [LINE_WORDS, LABEL_WORDS, NOTE_WORDS, CONJUNCTIONS];
        for word in lists.concat() {
            assert!(word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()));
            assert!(word.len() <= MAX_WORD_BYTES, "{word}");
            assert_eq!(
                lists.concat().iter().filter(|w| **w == word).count(),
                1,
                "{word}"
            );
        }
    }

    #[test]
    fn words_match_in_any_case() {
        assert!(is_label("TEL", false));
        assert!(is_note("BÜRO"));
        assert!(is_note("Büro"));
        assert!(is_label("GESCHÄFTLICH", false));
        assert!(is_note("Sekretariat") && !is_label("Sekretariat", true));
        assert!(is_label("Rufnummer", true) && !is_note("Rufnummer"));
        assert!(is_conjunction("ODER"));
        assert!(!is_label("Telex", true));
        assert!(!is_label("Telefonnummernverzeichnis", true));
        assert!(!is_label("ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", true));
        assert!(is_label("T", true));
        assert!(!is_label("T", false));
    }

    #[test]
    fn displays_without_a_number_are_recognised() {
        for shown in [
            "Unbekannt",
            "UNBEKANNT",
            "„Unbekannt“",
            "<anonymous>",
            "Rufnummer unterdrückt",
            "Rufnummer: UNTERDRÜCKT",
            "No Caller ID",
            "No caller-ID",
            "Private Number",
            "number withheld.",
            "(Anonym)",
        ] {
            assert!(is_no_number_shown(shown), "{shown:?}");
        }
        for other in [
            "",
            "Unbekannt 030 1234567",
            "Anonym1",
            "Tel.",
            "Unbekanntes Wort",
            "unknown unknown unknown unknown unknown",
            "call me",
        ] {
            assert!(!is_no_number_shown(other), "{other:?}");
        }
    }

    #[test]
    fn no_number_phrases_fit_and_are_lower_case_words() {
        for phrase in NO_NUMBER_SHOWN {
            assert!(phrase.len() <= MAX_NO_NUMBER_BYTES, "{phrase}");
            assert!(
                phrase
                    .split(' ')
                    .all(|w| !w.is_empty()
                        && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())),
                "{phrase}"
            );
            assert!(is_no_number_shown(phrase), "{phrase}");
        }
    }

    #[test]
    fn words_at_the_edges() {
        assert_eq!(leading_word("Büro: 030"), "Büro");
        assert_eq!(trailing_word("030 1 Zentrale"), "Zentrale");
        assert_eq!(trailing_word("030 1"), "");
        assert_eq!(excerpt(&"a".repeat(40)).chars().count(), 33);
    }
}
