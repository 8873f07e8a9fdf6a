//! The spellings a user may type for a text, to test that search treats them alike
//! (`docs/domain.md`, "Scripts, digits and spreadsheets": lost or added ZWNJ, Arabic letter
//! forms, three digit scripts, Vietnamese without diacritics or decomposed).
//!
//! Each variant applies one kind of change to the whole text ([`VariantKind::Mixed`]
//! combines the Persian ones). Variants equal to the input or to an earlier variant
//! are left out. The single changes are public too ([`insert_zwnj`], [`double_zwnj`],
//! [`arabic_letters`], [`map_digits`], [`strip_diacritics`], [`new_style_tones`]), so
//! property tests can combine them at random.

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
const ZWNJ: char = '\u{200C}';

/// What a variant changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VariantKind {
    /// «برنامه‌های» → «برنامههای» (copied text).
    ZwnjRemoved,
    /// «برنامه‌های» → «برنامه های» (keyboards without ZWNJ).
    ZwnjAsSpace,
    /// «برنامههای» → «برنامه‌های»: a ZWNJ before ها/های/هایی/تر/ترین and after
    /// می/نمی, where standard spelling puts one.
    ZwnjInserted,
    /// ی → ي, ک → ك (Arabic keyboards and sources).
    ArabicLetters,
    /// Digits as Persian digits (۰–۹).
    PersianDigits,
    /// Digits as Arabic-Indic digits (٠–٩).
    ArabicIndicDigits,
    /// Digits as ASCII digits.
    AsciiDigits,
    /// Latin diacritics stripped and đ → d: «tiêu chuẩn» → «tieu chuan».
    NoDiacritics,
    /// Canonical decomposition (NFD), as some keyboards and file systems produce.
    Decomposed,
    /// ZWNJ removed, Arabic letters and Arabic-Indic digits at once.
    Mixed,
}

/// The variants of `text` a user might type (see the module documentation).
pub fn variants(text: &str) -> Vec<(VariantKind, String)> {
    let mut out: Vec<(VariantKind, String)> = vec![];
    let mut add = |kind: VariantKind, v: String| {
        if v != text && !out.iter().any(|(_, x)| *x == v) {
            out.push((kind, v));
        }
    };
    if text.contains(ZWNJ) {
        add(VariantKind::ZwnjRemoved, text.replace(ZWNJ, ""));
        add(VariantKind::ZwnjAsSpace, text.replace(ZWNJ, " "));
    }
    add(VariantKind::ZwnjInserted, insert_zwnj(text));
    add(VariantKind::ArabicLetters, arabic_letters(text));
    if text.chars().any(|c| digit_value(c).is_some()) {
        add(VariantKind::PersianDigits, map_digits(text, '\u{06F0}'));
        add(VariantKind::ArabicIndicDigits, map_digits(text, '\u{0660}'));
        add(VariantKind::AsciiDigits, map_digits(text, '0'));
    }
    add(VariantKind::NoDiacritics, strip_diacritics(text));
    add(VariantKind::Decomposed, NFD.normalize(text).into_owned());
    let mixed = map_digits(&arabic_letters(&text.replace(ZWNJ, "")), '\u{0660}');
    if mixed != arabic_letters(text) {
        add(VariantKind::Mixed, mixed);
    }
    out
}

/// Suffixes that take a ZWNJ before them, longest first.
const ZWNJ_SUFFIXES: &[&str] = &["هایی", "های", "ها", "ترین", "تر"];
const ZWNJ_PREFIXES: &[&str] = &["نمی", "می"];

/// Inserts a ZWNJ at the standard places of every Persian word that lacks one there.
/// Mechanical: «تنها» becomes «تن‌ها»; search treats the two alike all the same.
pub fn insert_zwnj(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_arabic_letter(c) || c == ZWNJ {
            word.push(c);
            continue;
        }
        out.push_str(&zwnj_word(&word));
        word.clear();
        out.push(c);
    }
    out.pop();
    out
}

fn zwnj_word(word: &str) -> String {
    if word.contains(ZWNJ) {
        return word.to_owned();
    }
    let letters = |s: &str| s.chars().count();
    let mut head = word;
    let mut tail = String::new();
    if let Some(sfx) = ZWNJ_SUFFIXES
        .iter()
        .find(|s| word.ends_with(*s) && letters(word) - letters(s) >= 2)
    {
        head = &word[..word.len() - sfx.len()];
        tail = format!("{ZWNJ}{sfx}");
    }
    match ZWNJ_PREFIXES
        .iter()
        .find(|p| head.starts_with(*p) && letters(head) - letters(p) >= 2)
    {
        Some(p) => format!("{p}{ZWNJ}{}{tail}", &head[p.len()..]),
        None => format!("{head}{tail}"),
    }
}

/// Every ZWNJ written twice, as a key pressed twice leaves it.
pub fn double_zwnj(text: &str) -> String {
    text.replace(ZWNJ, "\u{200C}\u{200C}")
}

/// The tone mark of open `oa`, `oe`, `uy` syllables moved from the first vowel to the
/// second ("kiểu mới"): «hòa» → «hoà», «khỏe» → «khoẻ», «thủy» → «thuỷ». The result
/// is NFC; other words are left as they are.
pub fn new_style_tones(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if crate::vietnamese::is_latin_word_char(c) {
            word.push(c);
            continue;
        }
        match new_style_word(&word) {
            Some(moved) => out.push_str(&moved),
            None => out.push_str(&word),
        }
        word.clear();
        out.push(c);
    }
    out.pop();
    out
}

fn new_style_word(word: &str) -> Option<String> {
    let d: Vec<char> = NFD.normalize(word).chars().collect();
    let [.., v1, tone, v2] = d[..] else {
        return None;
    };
    let before = d.len().checked_sub(4).map(|i| d[i].to_ascii_lowercase());
    let pair = (v1.to_ascii_lowercase(), v2.to_ascii_lowercase());
    let open_pair = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    let is_tone = matches!(
        tone,
        '\u{0300}' | '\u{0301}' | '\u{0309}' | '\u{0303}' | '\u{0323}'
    );
    // «quý» already carries its tone on y (qu is the onset); a vowel or a mark before
    // the pair means a longer nucleus whose placement differs.
    let onset_ok = before.is_none_or(|b| b.is_ascii_alphabetic() && !"aeiouy".contains(b))
        && !(pair.0 == 'u' && before == Some('q'));
    if !(open_pair && is_tone && onset_ok) {
        return None;
    }
    let mut moved: String = d[..d.len() - 3].iter().collect();
    moved.extend([v1, v2, tone]);
    Some(NFC.normalize(&moved).into_owned())
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}') && c.is_alphabetic()
}

/// ی → ي, ک → ك, as Arabic keyboards type them.
pub fn arabic_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ی' => 'ي',
            'ک' => 'ك',
            _ => c,
        })
        .collect()
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Every digit (ASCII, Persian, Arabic-Indic) written in the script whose zero is `zero`.
pub fn map_digits(text: &str, zero: char) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_u32(zero as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Latin diacritics stripped and đ → d: «tiêu chuẩn» → «tieu chuan».
pub fn strip_diacritics(text: &str) -> String {
    let stripped: String = NFD
        .normalize(text)
        .chars()
        .filter(|c| !matches!(c, '\u{0300}'..='\u{036F}'))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            _ => c,
        })
        .collect();
    NFC.normalize(&stripped).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(text: &str, kind: VariantKind) -> Option<String> {
        variants(text)
            .into_iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| v)
    }

    #[test]
    fn persian_zwnj_forms() {
        let t = "برنامه‌های";
        assert_eq!(get(t, VariantKind::ZwnjRemoved).unwrap(), "برنامههای");
        assert_eq!(get(t, VariantKind::ZwnjAsSpace).unwrap(), "برنامه های");
        assert_eq!(get("برنامههای", VariantKind::ZwnjInserted).unwrap(), t);
        assert_eq!(insert_zwnj("میشود"), "می‌شود");
        assert_eq!(insert_zwnj("نمیتوان"), "نمی‌توان");
        assert_eq!(insert_zwnj("بزرگترین کتابها"), "بزرگ‌ترین کتاب‌ها");
        assert_eq!(insert_zwnj("میخواهند"), "می‌خواهند");
        // Too short to hold an affix, or already spelled with one.
        assert_eq!(insert_zwnj("میز ها"), "میز ها");
        assert_eq!(insert_zwnj("دانش‌بنیان"), "دانش‌بنیان");
        assert_eq!(insert_zwnj("ISO 9001"), "ISO 9001");
    }

    #[test]
    fn letters_and_digits() {
        assert_eq!(get("کیفیت", VariantKind::ArabicLetters).unwrap(), "كيفيت");
        let t = "استاندارد ۱۲۳۴";
        assert_eq!(get(t, VariantKind::AsciiDigits).unwrap(), "استاندارد 1234");
        assert_eq!(
            get(t, VariantKind::ArabicIndicDigits).unwrap(),
            "استاندارد ١٢٣٤"
        );
        assert_eq!(
            get(t, VariantKind::PersianDigits),
            None,
            "same as the input"
        );
        assert_eq!(
            get("ISO 9001", VariantKind::PersianDigits).unwrap(),
            "ISO ۹۰۰۱"
        );
        assert_eq!(get("می‌شود", VariantKind::Mixed).unwrap(), "ميشود");
    }

    #[test]
    fn vietnamese() {
        let t = "Tiêu chuẩn Đà Nẵng";
        assert_eq!(
            get(t, VariantKind::NoDiacritics).unwrap(),
            "Tieu chuan Da Nang"
        );
        let nfd = get(t, VariantKind::Decomposed).unwrap();
        assert_ne!(nfd, t);
        assert_eq!(NFC.normalize(&nfd), t);
        assert!(variants("plain ascii").is_empty());
    }

    #[test]
    fn new_style_tones_moves_open_syllables_only() {
        assert_eq!(
            new_style_tones("Thanh Hóa, khỏe, thủy sản"),
            "Thanh Hoá, khoẻ, thuỷ sản"
        );
        assert_eq!(new_style_tones("Ho\u{0301}a"), "Hoá");
        for same in ["hoàng", "quý", "ngoài", "Hoá", "مسئول", "café"] {
            assert_eq!(new_style_tones(same), same);
        }
        assert_eq!(double_zwnj("دانش‌بنیان"), "دانش‌‌بنیان");
    }
}
