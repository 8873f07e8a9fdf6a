//! Removal of the invisible characters that copy-paste, right-to-left editors and
//! spreadsheets put around names, numbers and IDs: spaces, NBSP, invisible bidi
//! marks (`docs/domain.md`, "Identifiers").

use crate::digits::ascii_digit;

/// True for the characters that never carry meaning in Tashil's data and are
/// removed everywhere: bidi controls (LRM U+200E, RLM U+200F, embeddings and
/// overrides U+202A–U+202E, isolates U+2066–U+2069, Arabic letter mark U+061C),
/// the byte-order mark U+FEFF, zero-width space U+200B and word joiner U+2060.
///
/// The zero-width non-joiner U+200C is *not* in this set: it is part of Persian
/// spelling («برنامه‌های») and each caller decides what to do with it.
pub(crate) const fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// True for the dash look-alikes users type or paste in IDs: hyphen, non-breaking
/// hyphen, figure dash, en and em dashes, minus sign, small and fullwidth
/// hyphen-minus.
pub(crate) const fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Removes bidi controls, BOM, zero-width space and word joiner anywhere in the
/// text, then trims whitespace at both ends (Unicode White_Space, so NBSP
/// U+00A0 and narrow NBSP U+202F too). Inner spaces and ZWNJ are kept: this is
/// a cleaning step, not a normal form (see [`crate::canonical`] for that).
pub fn strip_invisible(s: &str) -> String {
    let cleaned: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    let trimmed = cleaned.trim();
    if trimmed.len() == cleaned.len() {
        cleaned
    } else {
        trimmed.to_owned()
    }
}

/// Normalises a typed or imported identifier before it is checked: removes
/// invisible marks and every whitespace character (spaces, NBSP, tabs), drops
/// Excel's leading text-marker apostrophe (`'0012345678`), turns Persian and
/// Arabic-Indic digits into ASCII and every dash look-alike into `-`.
///
/// Dashes are kept, not removed: only the identifier type knows whether a dash
/// carries meaning (a Vietnamese branch suffix `-001`) or is mere grouping (an
/// Iranian code printed as `001-234567-8`); see [`crate::ids`]. Any other
/// character is kept so that the ID parser can refuse it as not a digit.
pub fn digits_only_id(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) || c.is_whitespace() || c == '\u{200C}' {
            continue;
        }
        if c == '\'' && out.is_empty() {
            continue;
        }
        if let Some(d) = ascii_digit(c) {
            out.push(d);
        } else if is_dash(c) {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_invisible_removes_marks_and_trims_nbsp() {
        assert_eq!(strip_invisible("\u{FEFF}\u{200F}  abc\u{00A0}"), "abc");
        assert_eq!(strip_invisible("a\u{200E}b\u{2067}c\u{2069}"), "abc");
        assert_eq!(strip_invisible("\u{202B}سلام\u{202C}"), "سلام");
        // Inner spaces and ZWNJ are content.
        assert_eq!(strip_invisible(" می\u{200C}روم  تو "), "می\u{200C}روم  تو");
        assert_eq!(strip_invisible("\u{00A0}\u{202F}\t"), "");
    }

    #[test]
    fn digits_only_id_normalises_scripts_spaces_and_dashes() {
        assert_eq!(digits_only_id("\u{200F}۰۰۱ ۲۳۴\u{00A0}۵۶۷۸"), "0012345678");
        assert_eq!(digits_only_id("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(digits_only_id("'0012345678"), "0012345678");
        assert_eq!(digits_only_id("0101243150\u{2013}001"), "0101243150-001");
        assert_eq!(digits_only_id("12a4"), "12a4");
        assert_eq!(digits_only_id("  "), "");
    }
}
