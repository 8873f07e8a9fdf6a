//! One tone-mark placement for Vietnamese syllables.
//!
//! Vietnamese has two spellings for open syllables whose vowel is `oa`, `oe` or
//! `uy`: the traditional placement on the first vowel (hóa, khỏe, thủy) and the
//! placement on the second vowel (hoá, khoẻ, thuỷ), called "kiểu mới" in
//! Vietnam. Both arrive in documents and spreadsheets (Thanh Hoá / Thanh Hóa), and
//! one normal form is stored (`docs/domain.md`, "Scripts, digits and spreadsheets").
//!
//! Tashil stores the traditional placement (`Hóa`, `Thủy`, `Khỏe`): it is what
//! province and ministry sites print ("Thanh Hóa", "Khánh Hòa", the seed text's
//! "hàng hóa"), what common keyboards produce by default, and the spelling the
//! project brief asked for. The rule used, from the syllable's vowel nucleus:
//!
//! 1. a vowel with a quality mark (ă â ê ô ơ ư) takes the tone; of two (ươ),
//!    the second;
//! 2. otherwise, with a final consonant (c ch m n ng nh p t), the last vowel
//!    (hoàng, huỳnh);
//! 3. otherwise the middle of three vowels (ngoài, khuỷu), the first of two
//!    (hóa, thủy, mùa), the only one.
//!
//! `qu` and `gi` (before another vowel) count as consonants (quý, già).
//! Syllables that do not fit Vietnamese structure (café, país) are left alone.

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();

/// Grave, acute, hook above, tilde, dot below.
const fn is_tone(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0309}' | '\u{0303}' | '\u{0323}'
    )
}

/// Circumflex, breve, horn.
const fn is_quality(c: char) -> bool {
    matches!(c, '\u{0302}' | '\u{0306}' | '\u{031B}')
}

/// True for characters that belong to a Latin word for this module's purpose:
/// Latin letters and the combining marks that may follow them.
pub(crate) fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{0300}'..='\u{036F}')
            && c != '\u{00D7}'
            && c != '\u{00F7}')
}

struct Letter {
    base: char,
    quality: Option<char>,
    tone: Option<char>,
}

impl Letter {
    fn lower(&self) -> char {
        self.base.to_ascii_lowercase()
    }
    fn is_vowel(&self) -> bool {
        matches!(self.lower(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    }
}

/// Splits an NFD word into letters; `None` if it holds anything that is not a
/// Vietnamese letter with Vietnamese marks.
fn letters(word: &str) -> Option<Vec<Letter>> {
    let mut out: Vec<Letter> = Vec::with_capacity(word.len());
    for c in NFD.normalize_iter(word.chars()) {
        if c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ') {
            out.push(Letter {
                base: c,
                quality: None,
                tone: None,
            });
            continue;
        }
        let last = out.last_mut()?;
        let slot = if is_tone(c) {
            &mut last.tone
        } else if is_quality(c) {
            &mut last.quality
        } else {
            return None;
        };
        if slot.replace(c).is_some() {
            return None;
        }
    }
    Some(out)
}

/// Index (into `letters`) of the vowel that must carry the tone, or `None`
/// when the word is not a Vietnamese syllable.
fn tone_position(letters: &[Letter]) -> Option<usize> {
    let mut start = letters.iter().position(Letter::is_vowel)?;
    let onset: String = letters[..start].iter().map(Letter::lower).collect();
    let next_is_vowel = |i: usize| letters.get(i).is_some_and(Letter::is_vowel);
    let plain = |i: usize, v: char| letters[i].lower() == v && letters[i].quality.is_none();
    if (onset == "q" && plain(start, 'u') || onset == "g" && plain(start, 'i'))
        && next_is_vowel(start + 1)
    {
        start += 1;
    }
    let end = (start..letters.len())
        .find(|&i| !letters[i].is_vowel())
        .unwrap_or(letters.len());
    let coda: String = letters[end..].iter().map(Letter::lower).collect();
    if end - start > 3
        || !matches!(
            coda.as_str(),
            "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t"
        )
    {
        return None;
    }
    let nucleus = start..end;
    if let Some(marked) = nucleus
        .clone()
        .rev()
        .find(|&i| letters[i].quality.is_some())
    {
        return Some(marked);
    }
    Some(match (nucleus.len(), coda.is_empty()) {
        (_, false) => end - 1,
        (3, true) => start + 1,
        _ => start,
    })
}

/// The word with its tone mark on the vowel chosen by the module's rule, or
/// `None` when nothing changes (no tone, already placed, not Vietnamese).
/// The result is NFC.
pub(crate) fn place_tone(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut letters = letters(word)?;
    let mut toned = letters.iter().enumerate().filter(|(_, l)| l.tone.is_some());
    let (current, _) = toned.next()?;
    if toned.next().is_some() {
        return None;
    }
    let target = tone_position(&letters)?;
    if target == current {
        return None;
    }
    letters[target].tone = letters[current].tone.take();
    let mut decomposed = String::with_capacity(word.len() + 4);
    for l in &letters {
        decomposed.push(l.base);
        decomposed.extend(l.quality);
        decomposed.extend(l.tone);
    }
    Some(NFC.normalize(&decomposed).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(w: &str) -> String {
        place_tone(w).unwrap_or_else(|| w.to_owned())
    }

    #[test]
    fn moves_new_style_to_traditional() {
        assert_eq!(placed("Hoá"), "Hóa");
        assert_eq!(placed("HOÁ"), "HÓA");
        assert_eq!(placed("thuỷ"), "thủy");
        assert_eq!(placed("khoẻ"), "khỏe");
        assert_eq!(placed("hoà"), "hòa");
        assert_eq!(placed("Hòang"), "Hoàng");
    }

    #[test]
    fn keeps_correct_syllables() {
        for w in [
            "Hóa", "hoàng", "huỳnh", "người", "quý", "quốc", "già", "gì", "giữ", "ngoài", "khuỷu",
            "cứu", "tiếng", "Việt", "chuẩn", "lường", "Đà", "Nẵng", "mùa", "quả", "café", "país",
        ] {
            assert_eq!(placed(w), w, "{w}");
        }
        assert_eq!(place_tone("Hoa"), None);
    }

    #[test]
    fn decomposed_input_gives_composed_output() {
        assert_eq!(placed("Hoa\u{0301}"), "Hóa");
        assert_eq!(placed("thuy\u{0309}"), "thủy");
    }
}
