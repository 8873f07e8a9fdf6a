//! Generated cases for the normalisation: `canonical` and `search_key` on arbitrary
//! text (any Unicode, with bidi controls, ZWNJ runs, Arabic letter forms and combining
//! marks made likely), and on phrases of the corpus's words respelled at random the
//! ways users respell them.

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use proptest::prelude::*;
use proptest::sample::select;
use tashil_text::variants::{
    arabic_letters, double_zwnj, insert_zwnj, new_style_tones, strip_diacritics,
};
use tashil_text::{as_written, canonical, search_key, search_tokens};

const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const ZWNJ: char = '\u{200C}';
const DOUBLE_ZWNJ: &str = "\u{200C}\u{200C}";
/// What `canonical` never leaves: Arabic letter forms, tatweel, bidi marks, BOM.
const REMOVED: [char; 7] = [
    'ي', 'ى', 'ك', '\u{0640}', '\u{200E}', '\u{200F}', '\u{FEFF}',
];

const FA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/corpus/fa.txt"
));
const VI: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/corpus/vi.txt"
));

/// Characters that the rules single out, so that random text meets them often.
const NOTABLE: &[char] = &[
    ' ', '\t', '\n', '\u{00A0}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
    '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{061C}', '\u{2060}', '\u{FEFF}', '\u{0640}',
    'ي', 'ى', 'ك', 'ی', 'ک', 'ه', 'ة', 'ء', 'ا', 'آ', 'ئ', '\u{0654}', '\u{0653}', '\u{064E}',
    '\u{0670}', '۱', '٢', '3', '.', '-', 'a', 'o', 'u', 'y', 'A', 'đ', 'Đ', 'ơ', 'ư', '\u{0300}',
    '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}', '\u{0302}', '\u{031B}', '=', '\u{0338}', 'ﻙ',
    'ﷲ', '¨', 'İ',
];

/// A base, then something the rules drop or keep, then combining marks: where removing
/// a character can let a base and a mark compose («=» ZWNJ U+0338 → «≠»).
fn cluster() -> impl Strategy<Value = String> {
    let bases = select(&['=', '<', 'a', 'o', 'y', 'ي', 'ا', 'ه', ' ', '1'][..]);
    let gaps = select(
        &[
            "",
            "\u{200C}",
            "\u{200C}\u{200C}",
            "\u{200F}",
            "\u{0640}",
            " ",
        ][..],
    );
    let marks = proptest::collection::vec(
        select(
            &[
                '\u{0338}', '\u{0301}', '\u{0323}', '\u{0654}', '\u{0653}', '\u{031B}',
            ][..],
        ),
        0..3,
    );
    (bases, gaps, marks).prop_map(|(b, g, m)| {
        let mut s = String::from(b);
        s.push_str(g);
        s.extend(m);
        s
    })
}

fn noisy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        1 => any::<char>().prop_map(String::from),
        3 => select(NOTABLE).prop_map(String::from),
        2 => cluster(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// The words of the corpus, punctuation trimmed.
fn corpus_words() -> Vec<&'static str> {
    let words: Vec<&str> = FA
        .lines()
        .chain(VI.lines())
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    assert!(
        words.len() > 1000,
        "corpus truncated: {} words",
        words.len()
    );
    words
}

fn phrase() -> impl Strategy<Value = String> {
    let words = proptest::collection::vec(select(corpus_words()), 1..7);
    (words, proptest::option::of(0u32..100_000)).prop_map(|(words, number)| {
        let mut p = words.join(" ");
        if let Some(n) = number {
            p.push_str(&format!(" {n}"));
        }
        p
    })
}

/// Respellings that keep the stored form: `canonical` must undo them.
#[derive(Debug, Clone, Copy)]
struct Noise {
    arabic_letters: bool,
    double_zwnj: bool,
    decomposed: bool,
    new_style_tones: bool,
    tatweel: bool,
    bidi_marks: bool,
    /// 0: plain spaces; 1: doubled; 2: NBSP; 3: tab.
    spaces: u8,
}

fn noise() -> impl Strategy<Value = Noise> {
    (any::<[bool; 6]>(), 0u8..4).prop_map(|(b, spaces)| Noise {
        arabic_letters: b[0],
        double_zwnj: b[1],
        decomposed: b[2],
        new_style_tones: b[3],
        tatweel: b[4],
        bidi_marks: b[5],
        spaces,
    })
}

fn apply_noise(s: &str, n: Noise) -> String {
    let mut v = s.to_owned();
    if n.new_style_tones {
        v = new_style_tones(&v);
    }
    if n.arabic_letters {
        v = arabic_letters(&v);
    }
    if n.double_zwnj {
        v = double_zwnj(&v);
    }
    if n.tatweel {
        // Keshida after every Persian letter that joins to the next one (ب, س, ک, م…).
        v = v
            .chars()
            .flat_map(|c| {
                let joins = matches!(c, 'ب' | 'ت' | 'س' | 'ش' | 'ک' | 'گ' | 'م' | 'ن' | 'ل');
                std::iter::once(c).chain(joins.then_some('\u{0640}'))
            })
            .collect();
    }
    v = v.replace(
        ' ',
        ["  ", " ", "\u{00A0}", "\t"][usize::from(n.spaces % 4)],
    );
    if n.bidi_marks {
        v = format!("\u{200F} {v}\u{200E}\u{FEFF}");
    }
    if n.decomposed {
        v = NFD.normalize(&v).into_owned();
    }
    v
}

/// Each digit in the script of `scripts[i % len]` (ASCII, Persian, Arabic-Indic).
fn mix_digits(s: &str, scripts: &[u8]) -> String {
    let mut i = 0;
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d)
                if c.is_ascii_digit() || ('۰'..='۹').contains(&c) || ('٠'..='٩').contains(&c) =>
            {
                let zero = ['0', '۰', '٠'][usize::from(scripts[i % scripts.len()] % 3)];
                i += 1;
                char::from_u32(zero as u32 + d).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn canonical_is_idempotent_and_clean_on_any_text(s in noisy_text()) {
        let c = canonical(&s);
        prop_assert_eq!(&canonical(&c), &c);
        prop_assert!(NFC.is_normalized(&c), "not NFC: {:?}", c);
        prop_assert!(!c.starts_with(' ') && !c.ends_with(' ') && !c.contains("  "));
        prop_assert!(!c.contains(REMOVED), "{:?}", c);
        prop_assert!(!c.contains(DOUBLE_ZWNJ) && !c.starts_with(ZWNJ) && !c.ends_with(ZWNJ), "{:?}", c);
    }

    #[test]
    fn as_written_is_clean_and_differs_from_canonical_only_in_tone_placement(s in noisy_text()) {
        let w = as_written(&s);
        prop_assert_eq!(&as_written(&w), &w);
        prop_assert!(NFC.is_normalized(&w), "not NFC: {:?}", w);
        prop_assert_eq!(canonical(&w), canonical(&s));
        prop_assert_eq!(search_key(&w), search_key(&s));
    }

    #[test]
    fn search_key_is_blind_to_canonical_and_idempotent(s in noisy_text()) {
        let key = search_key(&s);
        prop_assert_eq!(&search_key(&canonical(&s)), &key);
        prop_assert_eq!(&search_key(&key), &key);
        prop_assert!(!key.starts_with(' ') && !key.ends_with(' ') && !key.contains("  "));
        for t in search_tokens(&s) {
            prop_assert!(!t.is_empty() && !t.contains(char::is_whitespace), "{:?}", t);
        }
    }

    #[test]
    fn respelling_keeps_the_stored_form_and_the_search_key(p in phrase(), n in noise()) {
        let v = apply_noise(&p, n);
        prop_assert_eq!(canonical(&v), canonical(&p), "{:?} from {:?}", v, p);
        prop_assert_eq!(search_key(&v), search_key(&p), "{:?} from {:?}", v, p);
    }

    #[test]
    fn every_typed_variant_folds_alike(
        p in phrase(),
        n in noise(),
        zwnj in 0u8..3,
        digits in proptest::collection::vec(0u8..3, 1..4),
        no_diacritics: bool,
        upper: bool,
    ) {
        let mut v = match zwnj {
            0 => p.clone(),
            1 => insert_zwnj(&p),
            _ => p.replace(ZWNJ, ""),
        };
        v = mix_digits(&apply_noise(&v, n), &digits);
        if no_diacritics {
            v = strip_diacritics(&v);
        }
        if upper {
            v = v.to_uppercase();
        }
        prop_assert_eq!(search_key(&v), search_key(&p), "{:?} from {:?}", v, p);
        prop_assert_eq!(search_tokens(&v), search_tokens(&p));
    }

    /// A ZWNJ typed as a space splits a word; the search index joins known affixes back
    /// (tashil-search), the key alone only loses the word boundary.
    #[test]
    fn zwnj_as_space_only_moves_word_boundaries(p in phrase()) {
        let spaced = insert_zwnj(&p).replace(ZWNJ, " ");
        let joined = |s: &str| search_key(s).replace(' ', "");
        prop_assert_eq!(joined(&spaced), joined(&p));
    }
}
