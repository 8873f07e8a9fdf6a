//! Locale-aware number formatting by ICU4X (CLDR symbols and digits): fa
//! «۱٬۲۳۴٬۵۶۷», vi «1.234.567», en «1,234,567» (`docs/domain.md`, "Scripts, digits
//! and spreadsheets").

use std::sync::LazyLock;

use fixed_decimal::{SignedRoundingMode, UnsignedRoundingMode};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::locale::locale;

use crate::lang::Lang;

/// One formatter per language, built once (loading symbols costs far more than
/// formatting, and these run for every figure on a page).
static FORMATTERS: LazyLock<[DecimalFormatter; 3]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        let loc = match lang {
            Lang::Fa => locale!("fa"),
            Lang::Vi => locale!("vi"),
            Lang::En => locale!("en"),
        };
        DecimalFormatter::try_new(loc.into(), Default::default())
            .expect("compiled ICU4X data includes fa, vi and en number symbols")
    })
});

fn formatter(lang: Lang) -> &'static DecimalFormatter {
    let i = match lang {
        Lang::Fa => 0,
        Lang::Vi => 1,
        Lang::En => 2,
    };
    &FORMATTERS[i]
}

/// An integer with the grouping and digits of `lang`:
/// `1234567` → fa «۱٬۲۳۴٬۵۶۷», vi «1.234.567», en «1,234,567».
pub fn format_integer(n: i64, lang: Lang) -> String {
    formatter(lang).format_to_string(&Decimal::from(n))
}

/// A decimal number rounded to at most `max_fraction_digits` digits after the
/// point (half away from zero, as people round by hand: 2.675 → 2.68; the
/// shortest decimal that reads back as the same `f64` is rounded, not its
/// binary expansion), trailing zeros dropped: `1234.5` with 2 → fa «۱٬۲۳۴٫۵»,
/// vi «1.234,5», en «1,234.5».
///
/// NaN and infinities have no locale form; they come back as Rust prints them
/// ("NaN", "inf", "-inf") so a bug upstream stays visible instead of panicking.
pub fn format_decimal(x: f64, max_fraction_digits: u8, lang: Lang) -> String {
    // Rust prints an f64 as the shortest decimal that reads back as the same
    // value, never in exponent form, which is what `Decimal` parses.
    let shortest = x.to_string();
    let Ok(mut d) = Decimal::try_from_str(&shortest) else {
        return shortest;
    };
    let position = -i16::from(max_fraction_digits);
    d.round_with_mode(
        position,
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand),
    );
    d.absolute.trim_end();
    if d.absolute.is_zero() {
        d = Decimal::from(0);
    }
    formatter(lang).format_to_string(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_per_language() {
        assert_eq!(format_integer(1_234_567, Lang::Fa), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format_integer(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(format_integer(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_integer(0, Lang::Fa), "۰");
        assert_eq!(format_integer(999, Lang::En), "999");
        assert_eq!(
            crate::parse_i64(&format_integer(-4000, Lang::Fa)),
            Some(-4000)
        );
        assert_eq!(
            crate::parse_i64(&format_integer(i64::MIN, Lang::En)),
            Some(i64::MIN)
        );
    }

    #[test]
    fn decimals_per_language() {
        assert_eq!(format_decimal(1234.5, 2, Lang::Fa), "۱٬۲۳۴٫۵");
        assert_eq!(format_decimal(1234.5, 2, Lang::Vi), "1.234,5");
        assert_eq!(format_decimal(1234.5, 2, Lang::En), "1,234.5");
        assert_eq!(format_decimal(2.675, 2, Lang::En), "2.68");
        assert_eq!(format_decimal(-2.5, 0, Lang::En), "-3");
        assert_eq!(format_decimal(0.125, 2, Lang::En), "0.13");
        assert_eq!(format_decimal(3.0, 2, Lang::En), "3");
        assert_eq!(format_decimal(-0.001, 2, Lang::En), "0");
        assert_eq!(format_decimal(90.0, 1, Lang::Fa), "۹۰");
        assert_eq!(format_decimal(f64::NAN, 2, Lang::Fa), "NaN");
        assert_eq!(
            crate::parse_decimal(&format_decimal(-1234.25, 2, Lang::Fa)),
            Some(-1234.25)
        );
    }
}
