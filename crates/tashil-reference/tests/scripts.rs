//! Script hygiene of every string in the crate: Persian strings use Persian letters,
//! Vietnamese strings are NFC, English strings are plain.

use tashil_reference::names::all_lists;
use tashil_reference::{
    CITIES, Country, LEGACY_PROVINCES, PRODUCTS, PROVINCES, fold_key,
    isic::{CLASSES, DIVISIONS, SECTIONS},
};

fn fa_strings() -> Vec<&'static str> {
    let mut v = Vec::new();
    v.extend(PROVINCES.iter().map(|p| p.name_fa));
    v.extend(LEGACY_PROVINCES.iter().map(|l| l.name_fa));
    v.extend(CITIES.iter().map(|c| c.name_fa));
    v.extend(SECTIONS.iter().map(|s| s.name_fa));
    v.extend(DIVISIONS.iter().map(|d| d.name_fa));
    v.extend(CLASSES.iter().filter_map(|c| c.name_fa));
    v.extend(PRODUCTS.iter().map(|p| p.name_fa));
    v.extend(Country::ALL.iter().map(|c| c.name("fa")));
    for (_, country, list) in all_lists() {
        if country == Country::Ir {
            v.extend(list.iter().map(|(fa, _)| *fa));
        }
    }
    v
}

fn vi_strings() -> Vec<&'static str> {
    let mut v = Vec::new();
    v.extend(PROVINCES.iter().map(|p| p.name_vi));
    v.extend(LEGACY_PROVINCES.iter().map(|l| l.name_vi));
    v.extend(CITIES.iter().map(|c| c.name_vi));
    v.extend(SECTIONS.iter().map(|s| s.name_vi));
    v.extend(DIVISIONS.iter().map(|d| d.name_vi));
    v.extend(CLASSES.iter().filter_map(|c| c.name_vi));
    v.extend(PRODUCTS.iter().map(|p| p.name_vi));
    v.extend(Country::ALL.iter().map(|c| c.name("vi")));
    for (_, country, list) in all_lists() {
        if country == Country::Vn {
            v.extend(list.iter().map(|(vi, _)| *vi));
        }
    }
    v
}

fn en_strings() -> Vec<&'static str> {
    let mut v = Vec::new();
    v.extend(PROVINCES.iter().map(|p| p.name_en));
    v.extend(LEGACY_PROVINCES.iter().map(|l| l.name_en));
    v.extend(CITIES.iter().map(|c| c.name_en));
    v.extend(SECTIONS.iter().map(|s| s.name_en));
    v.extend(DIVISIONS.iter().map(|d| d.name_en));
    v.extend(CLASSES.iter().map(|c| c.name_en));
    v.extend(PRODUCTS.iter().map(|p| p.name_en));
    for (_, _, list) in all_lists() {
        v.extend(list.iter().map(|(_, en)| *en));
    }
    v
}

fn assert_tidy(s: &str) {
    assert_eq!(s.trim(), s, "leading/trailing space in {s:?}");
    assert!(!s.contains("  "), "double space in {s:?}");
    assert!(!s.is_empty());
}

#[test]
fn persian_uses_persian_letters() {
    let strings = fa_strings();
    assert!(strings.len() > 500);
    for s in strings {
        assert_tidy(s);
        for bad in ['\u{064A}', '\u{0643}', '\u{0649}'] {
            assert!(
                !s.contains(bad),
                "Arabic letter {bad:?} (U+{:04X}) in {s:?}",
                bad as u32
            );
        }
        assert!(
            s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "no Persian letter in {s:?}"
        );
        // ZWNJ joins two letters: never next to a space or at either end.
        assert!(
            !s.contains(" \u{200C}") && !s.contains("\u{200C} "),
            "stray ZWNJ in {s:?}"
        );
        assert!(
            !s.starts_with('\u{200C}') && !s.ends_with('\u{200C}'),
            "stray ZWNJ in {s:?}"
        );
        assert!(
            !s.contains('\u{200D}') && !s.contains('\u{0640}'),
            "ZWJ/tatweel in {s:?}"
        );
    }
}

#[test]
fn persian_plural_suffixes_are_joined_with_zwnj() {
    // «فعالیت ها» or «فعالیتها» instead of «فعالیت‌ها».
    for s in fa_strings() {
        for word in s.split([' ', '،', '؛', '(', ')']) {
            for bad in ["تها", "تهای", "هها", "ههای"] {
                assert!(!word.ends_with(bad), "missing ZWNJ in {word:?} of {s:?}");
            }
        }
        for bad in [" ها ", " های ", " هایی "] {
            assert!(!s.contains(bad), "detached suffix in {s:?}");
        }
    }
}

#[test]
fn vietnamese_is_nfc() {
    let strings = vi_strings();
    assert!(strings.len() > 400);
    for s in strings {
        assert_tidy(s);
        // Every Vietnamese letter has a precomposed form, so NFC text has no combining
        // mark.
        assert!(
            !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
            "combining mark (not NFC) in {s:?}"
        );
        assert!(
            fold_key(s).is_ascii(),
            "fold_key leaves non-ASCII in {s:?}: {:?}",
            fold_key(s)
        );
    }
}

#[test]
fn vietnamese_tone_marks_use_one_placement() {
    // Official style: «Hòa», «Thanh Hóa», «thủy»; not «Hoà», «Thanh Hoá», «thuỷ».
    let new_style = [
        "oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ",
    ];
    for s in vi_strings() {
        for word in s.split(|c: char| !c.is_alphabetic()) {
            let lower = word.to_lowercase();
            for bad in new_style {
                // In «quý», «quả» the u belongs to the consonant «qu».
                let misplaced = lower.ends_with(bad) && !lower.ends_with(&format!("q{bad}"));
                assert!(!misplaced, "tone mark placement {word:?} in {s:?}");
            }
        }
    }
}

#[test]
fn english_is_plain() {
    for s in en_strings() {
        assert_tidy(s);
        assert!(
            !s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "Persian in English {s:?}"
        );
        assert!(
            !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
            "combining mark in {s:?}"
        );
    }
}
