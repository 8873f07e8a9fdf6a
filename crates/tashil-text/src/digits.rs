//! Digits in three scripts and tolerant number parsing.
//!
//! Persian users type Persian digits (۰–۹, U+06F0…), text copied from Arabic
//! sources brings Arabic-Indic digits (٠–٩, U+0660…), spreadsheets bring ASCII
//! (`docs/domain.md`, "Scripts, digits and spreadsheets"). Storage and computation use
//! ASCII; Persian pages show Persian digits.

use crate::clean::is_invisible;
use crate::lang::Lang;

/// Arabic decimal separator «٫» (U+066B).
const ARABIC_DECIMAL: char = '\u{066B}';
/// Arabic thousands separator «٬» (U+066C), what ICU prints for `fa`.
const ARABIC_THOUSANDS: char = '\u{066C}';

/// The ASCII digit for an ASCII, Persian or Arabic-Indic digit.
pub(crate) fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        _ => None,
    }
}

/// Replaces Persian and Arabic-Indic digits with ASCII ones and the Arabic
/// decimal separator «٫» with `.`; everything else is kept. Thousands
/// separators are left alone here: removing them is only safe while parsing a
/// number (see [`parse_i64`]), not in free text.
pub fn to_ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ARABIC_DECIMAL => '.',
            _ => ascii_digit(c).unwrap_or(c),
        })
        .collect()
}

/// Replaces ASCII and Arabic-Indic digits with Persian digits (۰–۹). Only digits
/// change: `.` and `,` also occur in plain text, so formatting a number with
/// Persian separators is [`crate::format_integer`]'s job.
pub fn to_persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match ascii_digit(c) {
            Some(d) => char::from_u32(0x06F0 + (d as u32 - '0' as u32)).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Shows the digits of `s` the way readers of `lang` expect: Persian digits for
/// `fa`, ASCII digits for `vi` and `en`.
pub fn localize_digits(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Fa => to_persian_digits(s),
        Lang::Vi | Lang::En => to_ascii_digits(s),
    }
}

/// A number split into its parts, in ASCII.
struct ParsedNumber {
    negative: bool,
    integer: String,
    fraction: Option<String>,
}

/// Reads a number typed in any digit script. Accepted: invisible bidi marks
/// anywhere, whitespace (NBSP included) around it, a leading `-`, `+` or `−`
/// (U+2212, what ICU prints), thousands separators `,` or `٬` when the grouping
/// is valid (one kind, groups of three after a first group of one to three
/// digits), a decimal point `.` or `٫`. Anything else is refused rather than
/// guessed: `1.234.567` (Vietnamese grouping) or `1,23` are not numbers here.
fn parse_number(s: &str) -> Option<ParsedNumber> {
    let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    let mut rest = visible.trim();
    let mut negative = false;
    if let Some(c) = rest.chars().next()
        && matches!(c, '-' | '+' | '\u{2212}')
    {
        negative = c != '+';
        rest = &rest[c.len_utf8()..];
    }
    let (int_part, fraction) = match rest.split_once(['.', ARABIC_DECIMAL]) {
        Some((i, f)) => (i, Some(ascii_only_digits(f).filter(|f| !f.is_empty())?)),
        None => (rest, None),
    };
    let integer = ungroup(int_part)?;
    if integer.is_empty() && fraction.is_none() {
        return None;
    }
    Some(ParsedNumber {
        negative,
        integer,
        fraction,
    })
}

/// The ASCII form of a run that must be digits only.
fn ascii_only_digits(s: &str) -> Option<String> {
    s.chars().map(ascii_digit).collect()
}

/// Removes valid thousands grouping from an integer part; `None` if the
/// grouping is not the regular 1–3 then 3-by-3 pattern.
fn ungroup(s: &str) -> Option<String> {
    let Some(sep) = s.chars().find(|&c| c == ',' || c == ARABIC_THOUSANDS) else {
        return ascii_only_digits(s);
    };
    let mut out = String::with_capacity(s.len());
    for (i, group) in s.split(sep).enumerate() {
        let len = group.chars().count();
        let ok = if i == 0 {
            (1..=3).contains(&len)
        } else {
            len == 3
        };
        if !ok {
            return None;
        }
        out.push_str(&ascii_only_digits(group)?);
    }
    Some(out)
}

/// Parses an integer written in any digit script (see the accepted forms on
/// [`parse_decimal`]); `None` for fractions, bad grouping or overflow.
pub fn parse_i64(s: &str) -> Option<i64> {
    let n = parse_number(s)?;
    if n.fraction.is_some() || n.integer.is_empty() {
        return None;
    }
    let sign = if n.negative { "-" } else { "" };
    format!("{sign}{}", n.integer).parse().ok()
}

/// Parses a decimal number written in any digit script.
///
/// Accepted: bidi marks anywhere, surrounding whitespace and NBSP, a leading
/// `-`, `+` or `−`, thousands separators `,` / `٬` in valid groups of three,
/// decimal point `.` or `٫`, a bare fraction `.5`. Refused (`None`): exponents,
/// `inf`/`NaN`, a trailing point `5.`, irregular grouping such as `1,23` or the
/// Vietnamese `1.234,5`: a figure that could be misread is never guessed.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let n = parse_number(s)?;
    let sign = if n.negative { "-" } else { "" };
    let int = if n.integer.is_empty() {
        "0"
    } else {
        &n.integer
    };
    let text = match n.fraction {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    };
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_between_scripts() {
        assert_eq!(to_ascii_digits("۱۴۰۲/۰۶/۲۸"), "1402/06/28");
        assert_eq!(to_ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(to_ascii_digits("۳٫۵ kg"), "3.5 kg");
        assert_eq!(to_persian_digits("ISO 9001 / ٢٠١٥"), "ISO ۹۰۰۱ / ۲۰۱۵");
        assert_eq!(localize_digits("12", Lang::Fa), "۱۲");
        assert_eq!(localize_digits("۱۲", Lang::Vi), "12");
        assert_eq!(localize_digits("۱۲", Lang::En), "12");
    }

    #[test]
    fn parses_integers_in_any_script() {
        assert_eq!(parse_i64("۱۲۳"), Some(123));
        assert_eq!(parse_i64("٤٥"), Some(45));
        assert_eq!(parse_i64("\u{200E}−۱۲\u{00A0}"), Some(-12));
        assert_eq!(parse_i64(" +7 "), Some(7));
        assert_eq!(parse_i64("۱٬۲۳۴٬۵۶۷"), Some(1_234_567));
        assert_eq!(parse_i64("1,234,567"), Some(1_234_567));
        assert_eq!(parse_i64("\u{FEFF}1234"), Some(1234));
        assert_eq!(parse_i64("-9223372036854775808"), Some(i64::MIN));
    }

    #[test]
    fn refuses_what_could_be_misread() {
        for bad in [
            "",
            " ",
            "-",
            "1,23",
            "12,3456",
            ",123",
            "1,,234",
            "1.5",
            "1 234",
            "12a",
            "9223372036854775808",
            "1,234٬567",
        ] {
            assert_eq!(parse_i64(bad), None, "{bad:?}");
        }
        for bad in ["5.", "1.234,5", "1.234.567", "1e3", "inf", "NaN", "."] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parses_decimals_in_any_script() {
        assert_eq!(parse_decimal("۳٫۵"), Some(3.5));
        assert_eq!(parse_decimal("3.25"), Some(3.25));
        assert_eq!(parse_decimal("۱٬۲۳۴٫۵"), Some(1234.5));
        assert_eq!(parse_decimal("1,234.5"), Some(1234.5));
        assert_eq!(parse_decimal("-.5"), Some(-0.5));
        assert_eq!(parse_decimal("\u{200F}٤٢"), Some(42.0));
    }
}
