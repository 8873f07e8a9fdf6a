//! The stored normal form of names and the folding used for search.
//!
//! `docs/domain.md` ("Scripts, digits and spreadsheets"): copied Persian text
//! loses its ZWNJ («برنامههای») or uses Arabic letter forms (ي ك); Vietnamese
//! arrives decomposed or with the other tone-mark placement; users type without
//! diacritics. Two functions answer this:
//!
//! - [`canonical`] keeps what the user meant to write and removes only noise: the
//!   form to store and show.
//! - [`as_written`] is [`canonical`] without the tone-mark placement: for a legal name,
//!   whose spelling is the registrant's («Thuỷ sản» stays «Thuỷ sản»).
//! - [`search_key`] forgets every difference a searcher should not have to type:
//!   the form to compare. It is not for display.
//!
//! The ICU normalisers are built with `const` constructors over compiled data, so
//! neither function allocates ICU objects per call (they run on 100k-row imports).

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu::properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu::properties::{CodePointMapData, CodePointMapDataBorrowed};

use crate::clean::is_invisible;
use crate::digits::ascii_digit;
use crate::vietnamese::{is_latin_word_char, place_tone};

const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const NFKD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfkd();
const GC: CodePointMapDataBorrowed<'static, GeneralCategory> =
    CodePointMapData::<GeneralCategory>::new();

const ZWNJ: char = '\u{200C}';
const TATWEEL: char = '\u{0640}';

/// Letters and combining marks: what a ZWNJ may sit between, and what a search
/// token is made of (with numbers).
fn is_letter_or_mark(c: char) -> bool {
    let gc = GC.get(c);
    GeneralCategoryGroup::Letter.contains(gc) || GeneralCategoryGroup::Mark.contains(gc)
}

/// Arabic letter forms that Persian writes differently: Arabic yeh ي (U+064A)
/// and alef maksura ى (U+0649) → Persian yeh ی (U+06CC); Arabic kaf ك (U+0643)
/// → keheh ک (U+06A9). Tashil's Arabic-script text is Persian (Iran market),
/// so these are always mapped.
fn persian_letter(c: char) -> char {
    match c {
        '\u{064A}' | '\u{0649}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        _ => c,
    }
}

/// The one stored form of a name typed by a user or imported from a file.
///
/// Steps, in order (each is idempotent, so `canonical(canonical(x)) ==
/// canonical(x)`):
/// 1. invisible marks (bidi controls, BOM, zero-width space) and tatweel ـ
///    removed; every whitespace character (NBSP, tab, newline) becomes a space;
/// 2. NFC, so decomposed input (macOS file names, some Vietnamese keyboards)
///    equals precomposed input;
/// 3. ي ى → ی and ك → ک (after NFC, so a decomposed ئ is not split into ی+hamza);
/// 4. runs of spaces collapse to one, ends trimmed; a ZWNJ is kept only between
///    two letters (repeats collapse to one, ones at word edges or next to a
///    space or punctuation are dropped);
/// 5. Vietnamese tone marks moved to the traditional placement: Thanh Hoá →
///    Thanh Hóa, thuỷ → thủy (the rule is in the private `vietnamese` module).
///
/// The result is NFC.
pub fn canonical(s: &str) -> String {
    let mut out = place_vietnamese_tones(as_written(s));
    // A tone moved off a vowel can leave a mark that now composes with it (a mark of
    // another script between them, aá◌َ◌́ → áa◌َ◌́, whose ◌́ NFC then puts on the second a):
    // go round again until the text is NFC, so that canonical stays idempotent. Real
    // names never take a second round; the bound only guards against a cycle.
    for _ in 0..8 {
        if NFC.is_normalized(&out) {
            break;
        }
        out = place_vietnamese_tones(as_written(&out));
    }
    out
}

/// Steps 1–4 of [`canonical`]: noise removed, NFC, Persian letter forms, spaces and ZWNJ,
/// but each Vietnamese tone mark left on the vowel the writer put it on (hoà and hòa both
/// stay as typed, decomposed input is composed). A legal name is stored this way: it is
/// the registrant's spelling, and [`search_key`] finds it under either placement.
pub fn as_written(s: &str) -> String {
    let mut pre = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) || c == TATWEEL {
            continue;
        }
        pre.push(if c.is_whitespace() { ' ' } else { c });
    }
    let mut out = letters_spaces_zwnj(&NFC.normalize(&pre));
    // Dropping a ZWNJ can put a base next to a mark it composes with («=», ZWNJ, U+0338
    // → «≠»), and the composed base may in turn make another ZWNJ stray: repeat until
    // the text is NFC (each round shortens it, so this ends; plain text takes none).
    while !NFC.is_normalized(&out) {
        out = letters_spaces_zwnj(&NFC.normalize(&out));
    }
    out
}

/// Steps 3 and 4 of [`canonical`] on NFC text.
fn letters_spaces_zwnj(nfc: &str) -> String {
    let chars: Vec<char> = nfc.chars().map(persian_letter).collect();
    let mut out = String::with_capacity(nfc.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            ' ' if out.is_empty() || out.ends_with(' ') => {}
            ZWNJ => {
                let prev = out.chars().next_back();
                let next = chars[i + 1..].iter().copied().find(|&n| n != ZWNJ);
                if prev.is_some_and(is_letter_or_mark) && next.is_some_and(is_letter_or_mark) {
                    out.push(ZWNJ);
                }
            }
            _ => out.push(c),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Applies [`place_tone`] to every Latin word; returns `s` untouched (no copy)
/// when nothing moves, which is the case for all Persian and ASCII text.
fn place_vietnamese_tones(s: String) -> String {
    if s.is_ascii() {
        return s;
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut rest = s.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !is_latin_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = rest.peek() {
            if !is_latin_word_char(n) {
                break;
            }
            end = i + n.len_utf8();
            rest.next();
        }
        if let Some(placed) = place_tone(&s[start..end]) {
            let buf = out.get_or_insert_with(|| String::with_capacity(s.len() + 8));
            buf.push_str(&s[copied..start]);
            buf.push_str(&placed);
            copied = end;
        }
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&s[copied..]);
            buf
        }
        None => s,
    }
}

/// Combining marks dropped by [`search_key`]: Latin-script diacritics
/// (U+0300–U+036F and the extended blocks) and Arabic harakat, hamza and madda
/// above/below, superscript alef and Quranic annotation signs.
const fn is_folded_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
    )
}

/// The folding of one already lower-cased, decomposed character, `None` to drop it.
fn fold_char(c: char) -> Option<char> {
    if is_folded_mark(c) || is_invisible(c) {
        return None;
    }
    Some(match c {
        ZWNJ | '\u{200D}' | TATWEEL | '\u{0621}' => return None,
        '\u{064A}' | '\u{0649}' | '\u{06CC}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        '\u{0629}' | '\u{06D5}' => '\u{0647}',
        '\u{0671}' => '\u{0627}',
        'đ' => 'd',
        _ => ascii_digit(c).unwrap_or(c),
    })
}

/// The search folding of a text: two texts a searcher should not have to tell
/// apart get the same key (`docs/domain.md`, "Scripts, digits and
/// spreadsheets"; ADR 0003).
///
/// NFKD (compatibility: Arabic presentation forms, ligatures, fullwidth) then,
/// per character: lowercase; combining marks dropped (Vietnamese and other
/// Latin diacritics; Arabic short vowels U+064B–U+065F, U+0670, and hamza/madda,
/// so أ إ آ → ا, ؤ → و, ئ → ی); standalone hamza ء, tatweel, ZWNJ, ZWJ and
/// bidi marks removed («برنامه‌های» = «برنامههای»); ي ى → ی, ك → ک, ة ە → ه,
/// ٱ → ا; đ → d; Persian and Arabic-Indic digits → ASCII; whitespace runs →
/// one space, trimmed. Punctuation is kept; [`search_tokens`] splits on it.
///
/// The key stays in decomposed form (no final recomposition, to keep it cheap),
/// so only compare keys with keys, and never show one.
pub fn search_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in NFKD.normalize_iter(s.chars()) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(folded) = fold_char(lower) {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(folded);
            }
        }
    }
    out
}

/// The words of [`search_key`]: maximal runs of letters, marks and numbers
/// (`[\p{L}\p{M}\p{N}]+`, the same pattern as the index tokenizer's), for
/// word-prefix matching. «ISO 9001:2015» → `["iso", "9001", "2015"]`.
pub fn search_tokens(s: &str) -> Vec<String> {
    let key = search_key(s);
    key.split(|c: char| {
        let gc = GC.get(c);
        !(is_letter_or_mark(c) || GeneralCategoryGroup::Number.contains(gc))
    })
    .filter(|t| !t.is_empty())
    .map(str::to_owned)
    .collect()
}

#[cfg(test)]
mod tests;
