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
    fn words_at_the_edges() {
        assert_eq!(leading_word("Büro: 030"), "Büro");
        assert_eq!(trailing_word("030 1 Zentrale"), "Zentrale");
        assert_eq!(trailing_word("030 1"), "");
        assert_eq!(excerpt(&"a".repeat(40)).chars().count(), 33);
    }
}
