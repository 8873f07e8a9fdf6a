//! Property tests over the five seed texts (`shared/seeds/*.txt`, four Persian,
//! one Vietnamese): every spelling variant DOMAIN.md says users produce must get
//! the same search key as the original, and `canonical` must be stable.
//!
//! The seeds must exist: a missing directory fails the test rather than
//! silently testing nothing.

use std::path::PathBuf;

use icu::normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use tashil_text::{canonical, search_key, search_tokens};

const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();
const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const ZWNJ: char = '\u{200C}';

/// Non-empty lines of every seed file, each at most ~400 characters (long
/// paragraphs are split at sentence ends to keep failure messages readable).
fn sentences() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seed directory {} must exist: {e}", dir.display()))
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the five seed texts in {}",
        dir.display()
    );
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("seed is UTF-8");
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.extend(
                line.split_inclusive(['.', '؛', '!', '؟'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    assert!(
        out.len() > 100,
        "seeds look truncated: {} sentences",
        out.len()
    );
    out
}

fn is_persian_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// ZWNJ after every second Persian letter followed by another Persian letter.
fn insert_zwnj(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let next = chars.get(i + 1).copied();
        if i % 2 == 0 && is_persian_letter(c) && next.is_some_and(is_persian_letter) {
            out.push(ZWNJ);
        }
    }
    out
}

fn arabic_letters(s: &str) -> String {
    s.replace('ی', "ي").replace('ک', "ك")
}

fn map_digits(s: &str, zero: char) -> String {
    s.chars()
        .map(
            |c| match tashil_text::to_ascii_digits(&c.to_string()).chars().next() {
                Some(d @ '0'..='9') if c != '.' => {
                    char::from_u32(zero as u32 + (d as u32 - '0' as u32)).unwrap_or(c)
                }
                _ => c,
            },
        )
        .collect()
}

/// What a user typing without diacritics produces: "tieu chuan".
fn strip_diacritics(s: &str) -> String {
    NFD.normalize(s)
        .chars()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            _ => c,
        })
        .collect()
}

#[test]
fn search_key_ignores_every_user_variant() {
    let all = sentences();
    let mut vietnamese = 0;
    for s in &all {
        let key = search_key(s);
        let variants = [
            ("zwnj inserted", insert_zwnj(s)),
            ("zwnj removed", s.replace(ZWNJ, "")),
            ("arabic yeh/kaf", arabic_letters(s)),
            ("zwnj + arabic letters", arabic_letters(&insert_zwnj(s))),
            ("persian digits", map_digits(s, '۰')),
            ("arabic-indic digits", map_digits(s, '٠')),
            ("ascii digits", map_digits(s, '0')),
            ("nfd", NFD.normalize(s).into_owned()),
            ("nfc", NFC.normalize(s).into_owned()),
            ("no diacritics", strip_diacritics(s)),
            ("upper case", s.to_uppercase()),
            ("canonical", canonical(s)),
            ("bidi marks", format!("\u{200F}{s}\u{200E} ")),
        ];
        for (name, v) in variants {
            assert_eq!(search_key(&v), key, "{name} variant of {s:?}");
        }
        if s.chars().any(|c| ('\u{1EA0}'..='\u{1EF9}').contains(&c)) {
            vietnamese += 1;
        }
        assert!(!key.contains(ZWNJ) && !key.contains('ي') && !key.contains('ك'));
        assert!(!key.chars().any(|c| ('\u{06F0}'..='\u{06F9}').contains(&c)));
    }
    assert!(
        vietnamese > 10,
        "the Vietnamese seed must take part ({vietnamese})"
    );
}

#[test]
fn canonical_is_stable_on_seeds() {
    for s in sentences() {
        let c = canonical(&s);
        assert_eq!(canonical(&c), c, "idempotent on {s:?}");
        assert!(NFC.is_normalized(&c));
        assert_eq!(canonical(&NFD.normalize(&s)), c, "NFD input of {s:?}");
        assert_eq!(canonical(&arabic_letters(&s)), c, "Arabic letters in {s:?}");
        assert_eq!(
            canonical(&format!(" \u{200F}{s}\u{00A0}\u{FEFF}")),
            c,
            "marks around {s:?}"
        );
        assert!(!c.contains('ي') && !c.contains('ك') && !c.contains("  "));
    }
}

#[test]
fn tokens_match_on_seed_vocabulary() {
    let all = sentences().join(" ");
    let tokens = search_tokens(&all);
    // DOMAIN.md vocabulary, typed the way users type it.
    for typed in [
        "برنامه‌های",
        "كنترل كيفيت",
        "tieu chuan",
        "do luong",
        "chat luong",
        "Nam Dinh",
    ] {
        for t in search_tokens(typed) {
            assert!(
                tokens.contains(&t),
                "{t:?} from {typed:?} not found in seeds"
            );
        }
    }
}
