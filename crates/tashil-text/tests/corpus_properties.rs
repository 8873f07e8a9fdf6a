//! Properties over every line of the project's test corpus (`testdata/corpus`, Persian
//! and Vietnamese typed as users type): every spelling variant users produce gets the
//! same search key as the line, and `canonical` is stable.
//!
//! The corpus is included at compile time, so a missing file fails the build, and
//! its size is checked, so a truncated one fails the test.

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use tashil_text::variants::{
    arabic_letters, double_zwnj, insert_zwnj, map_digits, new_style_tones, strip_diacritics,
    variants,
};
use tashil_text::{canonical, search_key, search_tokens};

const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const ZWNJ: char = '\u{200C}';

const FA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/corpus/fa.txt"
));
const VI: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/corpus/vi.txt"
));

fn lines(text: &str, at_least: usize) -> Vec<&str> {
    let out: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        out.len() >= at_least,
        "corpus truncated: {} lines",
        out.len()
    );
    out
}

fn sentences() -> Vec<&'static str> {
    let mut all = lines(FA, 60);
    all.extend(lines(VI, 30));
    all
}

#[test]
fn search_key_ignores_every_user_variant() {
    let mut vietnamese = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for s in sentences() {
        let key = search_key(s);
        let mut respelled = vec![
            ("zwnj inserted", insert_zwnj(s)),
            ("zwnj doubled", double_zwnj(&insert_zwnj(s))),
            ("zwnj removed", s.replace(ZWNJ, "")),
            ("arabic yeh/kaf", arabic_letters(s)),
            ("zwnj + arabic letters", arabic_letters(&insert_zwnj(s))),
            ("persian digits", map_digits(s, '۰')),
            ("arabic-indic digits", map_digits(s, '٠')),
            ("ascii digits", map_digits(s, '0')),
            ("nfd", NFD.normalize(s).into_owned()),
            ("nfc", NFC.normalize(s).into_owned()),
            ("no diacritics", strip_diacritics(s)),
            ("new-style tones", new_style_tones(s)),
            ("upper case", s.to_uppercase()),
            ("canonical", canonical(s)),
            ("bidi marks", format!("\u{200F}{s}\u{200E} ")),
        ];
        // The shared generator too, except the ZWNJ typed as a space: that splits a
        // word, which only the search index's affix rule joins back (tashil-search).
        respelled.extend(
            variants(s)
                .into_iter()
                .filter(|(k, _)| !matches!(k, tashil_text::variants::VariantKind::ZwnjAsSpace))
                .map(|(k, v)| {
                    kinds.insert(format!("{k:?}"));
                    ("generated", v)
                }),
        );
        for (name, v) in respelled {
            assert_eq!(search_key(&v), key, "{name} variant of {s:?}");
        }
        if s.chars().any(|c| ('\u{1EA0}'..='\u{1EF9}').contains(&c)) {
            vietnamese += 1;
        }
        assert!(!key.contains(ZWNJ) && !key.contains('ي') && !key.contains('ك'));
        assert!(!key.chars().any(|c| ('\u{06F0}'..='\u{06F9}').contains(&c)));
    }
    assert!(
        vietnamese > 20,
        "the Vietnamese lines take part ({vietnamese})"
    );
    assert!(kinds.len() >= 9, "variant kinds exercised: {kinds:?}");
}

#[test]
fn canonical_is_stable_on_the_corpus() {
    for s in sentences() {
        let c = canonical(s);
        assert_eq!(canonical(&c), c, "idempotent on {s:?}");
        assert!(NFC.is_normalized(&c));
        assert_eq!(canonical(&NFD.normalize(s)), c, "NFD input of {s:?}");
        assert_eq!(canonical(&arabic_letters(s)), c, "Arabic letters in {s:?}");
        assert_eq!(canonical(&new_style_tones(s)), c, "tone placement of {s:?}");
        assert_eq!(canonical(&double_zwnj(s)), c, "doubled ZWNJ in {s:?}");
        assert_eq!(
            canonical(&format!(" \u{200F}{s}\u{00A0}\u{FEFF}")),
            c,
            "marks around {s:?}"
        );
        assert!(!c.contains('ي') && !c.contains('ك') && !c.contains("  "));
        assert!(!c.contains("\u{200C}\u{200C}") && !c.contains("\u{200C} "));
    }
}

#[test]
fn typed_vocabulary_matches_the_corpus() {
    let all = sentences().join(" ");
    let tokens = search_tokens(&all);
    for typed in [
        "برنامه‌های",
        "كنترل كيفيت",
        "شرکت‌های دانش‌بنیان",
        "واحدهای",
        "۱۴۰۳",
        "tieu chuan",
        "do luong",
        "chat luong",
        "Nam Dinh",
        "Thanh Hóa",
        "thủy sản",
    ] {
        for t in search_tokens(typed) {
            assert!(
                tokens.contains(&t),
                "{t:?} from {typed:?} not in the corpus"
            );
        }
    }
}
