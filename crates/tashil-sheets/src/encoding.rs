//! Turning CSV bytes into text without ever guessing silently.
//!
//! A file is decoded only when its encoding is known: a BOM, a declared label, or valid
//! UTF-8. Anything else is refused with [`SheetError::NotUtf8`] naming the likely encoding,
//! so the user can declare it and see the result, instead of getting mojibake committed.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::SheetError;

/// Decodes `bytes` by BOM, then by the declared `label`, then as strict UTF-8.
pub(crate) fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<Cow<'a, str>, SheetError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return strict(UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(UTF_16BE, rest);
    }
    match label {
        Some(label) => {
            let encoding =
                Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
                    SheetError::UnknownEncoding {
                        label: label.to_string(),
                    }
                })?;
            if encoding == UTF_8 {
                utf8(bytes)
            } else {
                strict(encoding, bytes)
            }
        }
        None => utf8(bytes),
    }
}

fn strict<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Result<Cow<'a, str>, SheetError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| SheetError::Undecodable {
            encoding: encoding.name().to_lowercase(),
        })
}

/// Strict UTF-8. UTF-16 without a BOM is mostly valid UTF-8 (ASCII plus NULs), so NUL
/// patterns are refused here too.
fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, SheetError> {
    if let Some(utf16) = utf16_without_bom(bytes) {
        return Err(SheetError::NotUtf8 {
            likely_encoding: utf16.to_string(),
        });
    }
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| SheetError::NotUtf8 {
            likely_encoding: likely_encoding(bytes).to_string(),
        })
}

/// UTF-16 text that is mostly Latin has a NUL in every other byte: NULs on a quarter of
/// the odd (even) positions mean little- (big-) endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let quarter = sample.len() / 8;
    if odd > quarter && odd >= even {
        Some("utf-16le")
    } else if even > quarter {
        Some("utf-16be")
    } else {
        None
    }
}

/// The legacy code page that most likely produced non-UTF-8 CSV bytes.
///
/// The heuristic looks at words: maximal runs of ASCII letters and bytes ≥ 0x80.
/// - Windows-1256 puts every Arabic-script letter at 0x80–0xFF (most at 0xC0–0xFF), so a
///   Persian word is a run of high bytes with no ASCII letter in it. Vietnamese (1258) and
///   Western (1252) words are ASCII letters carrying an occasional accented high byte.
///   More all-high words (two bytes or more) than mixed words means windows-1256.
/// - Among mixed words, Windows-1258 marks tones with combining bytes (0xCC grave, 0xEC
///   acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below) after a vowel, and has ă/ơ/ư/đ at
///   0xC3/E3, 0xD5/F5, 0xDD/FD, 0xD0/F0. When at least a third of the mixed words show
///   one of these, windows-1258; otherwise windows-1252.
pub(crate) fn likely_encoding(bytes: &[u8]) -> &'static str {
    let (mut arabic, mut mixed, mut vietnamese) = (0usize, 0usize, 0usize);
    for word in bytes.split(|b| !(b.is_ascii_alphabetic() || *b >= 0x80)) {
        let high = word.iter().filter(|b| **b >= 0x80).count();
        if high == 0 {
            continue;
        }
        if high == word.len() && high >= 2 {
            arabic += 1;
        } else if high < word.len() {
            mixed += 1;
            if looks_vietnamese(word) {
                vietnamese += 1;
            }
        }
    }
    if arabic > mixed {
        "windows-1256"
    } else if vietnamese > 0 && vietnamese * 3 >= mixed {
        "windows-1258"
    } else {
        "windows-1252"
    }
}

/// A 1258 tone mark right after a vowel, or a letter only Vietnamese uses.
fn looks_vietnamese(word: &[u8]) -> bool {
    const TONES: &[u8] = &[0xCC, 0xEC, 0xD2, 0xDE, 0xF2];
    const LETTERS: &[u8] = &[0xC3, 0xE3, 0xD5, 0xF5, 0xDD, 0xFD, 0xD0, 0xF0];
    const HIGH_VOWELS: &[u8] = &[
        0xC2, 0xC3, 0xCA, 0xD4, 0xD5, 0xDD, 0xE2, 0xE3, 0xEA, 0xF4, 0xF5, 0xFD,
    ];
    let vowel = |b: u8| b"aeiouyAEIOUY".contains(&b) || HIGH_VOWELS.contains(&b);
    word.windows(2)
        .any(|pair| vowel(pair[0]) && TONES.contains(&pair[1]))
        || word.iter().any(|b| LETTERS.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1256, WINDOWS_1258};

    #[test]
    fn persian_with_latin_header_and_emails_is_1256() {
        let (bytes, _, _) =
            WINDOWS_1256.encode("id,name,email\r\n1,علي رضايي,ali@example.com\r\n2,و,x@y.z\r\n");
        assert_eq!(likely_encoding(&bytes), "windows-1256");
    }

    #[test]
    fn vietnamese_with_vowel_only_words_is_1258() {
        let text =
            "Đi\u{EA}\u{300}u, \u{1A1}\u{309} Ha\u{300} N\u{F4}\u{323}i, Vi\u{EA}\u{323}t Nam";
        let (bytes, _, unmappable) = WINDOWS_1258.encode(text);
        assert!(!unmappable);
        assert_eq!(likely_encoding(&bytes), "windows-1258");
    }

    #[test]
    fn utf16_without_bom_is_named_by_endianness() {
        let be: Vec<u8> = "a,b\r\n1,2"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let err = decode(&be, None).unwrap_err();
        assert_eq!(
            err,
            SheetError::NotUtf8 {
                likely_encoding: "utf-16be".into()
            }
        );
    }
}
