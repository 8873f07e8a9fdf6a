//! Hostile input (issue 17, drill 4): whatever a form, a spreadsheet cell or an API field
//! holds, the normaliser, the identifier parsers, the number parsers and the calendars answer
//! (a value or an error) and never panic. Strings are drawn from everything Unicode allows
//! and, more often, from the characters that real input mixes: ZWNJ and its look-alikes,
//! bidi controls, Arabic and Persian letter forms and digits, Vietnamese combining marks,
//! dashes, spaces of every width.

use chrono::NaiveDate;
use proptest::prelude::*;
use tashil_text::workdays::WorkCalendar;
use tashil_text::{
    IranLegalId, IranPersonalCode, Lang, VietnamEnterpriseCode, as_written, canonical,
    digits_only_id, excel_serial_to_date, format_date, format_date_short, format_decimal,
    from_solar_hijri, localize_digits, parse_date, parse_decimal, parse_i64, search_key,
    search_tokens, strip_invisible, to_solar_hijri,
};

const TRICKY: &[char] = &[
    '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
    '\u{feff}', '\u{00a0}', '\u{2009}', '\u{3000}', '\u{064a}', '\u{0643}', '\u{06cc}', '\u{06a9}',
    '\u{0629}', '\u{0647}', '\u{0623}', '\u{0640}', '\u{064b}', '\u{0670}', '\u{06f0}', '\u{06f9}',
    '\u{0660}', '\u{0669}', '\u{0301}', '\u{0300}', '\u{0303}', '\u{0309}', '\u{0323}', 'ơ', 'ư',
    'Đ', '-', '\u{2010}', '\u{2212}', '\u{fe63}', '\u{ff0d}', '\'', '0', '1', '9', '.', ',', '٫',
    '٬', ' ', '\t', '\n', 'a', 'Z',
];

fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(TRICKY), 0..40)
            .prop_map(|cs| cs.into_iter().collect()),
        "[0-9\u{06f0}-\u{06f9}\u{0660}-\u{0669} \u{200c}-]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn text_functions_answer_anything(s in tricky_string()) {
        let _ = canonical(&s);
        let _ = as_written(&s);
        let _ = search_key(&s);
        let _ = search_tokens(&s);
        let _ = strip_invisible(&s);
        let _ = digits_only_id(&s);
        for lang in [Lang::Fa, Lang::Vi, Lang::En] {
            let _ = localize_digits(&s, lang);
        }
    }

    #[test]
    fn identifier_and_number_parsers_answer_anything(s in tricky_string()) {
        let _ = IranLegalId::parse(&s);
        let _ = IranPersonalCode::parse(&s);
        let _ = VietnamEnterpriseCode::parse(&s);
        let _ = parse_i64(&s);
        let _ = parse_date(&s);
        if let Some(x) = parse_decimal(&s) {
            for lang in [Lang::Fa, Lang::Vi, Lang::En] {
                let _ = format_decimal(x, 3, lang);
            }
        }
    }

    #[test]
    fn excel_serials_answer_any_number(x in any::<f64>(), date1904 in any::<bool>()) {
        let _ = excel_serial_to_date(x, date1904);
    }

    #[test]
    fn solar_hijri_conversion_answers_any_triple(y in any::<i32>(), m in any::<u8>(), d in any::<u8>()) {
        if let Some(date) = from_solar_hijri(y, m, d) {
            prop_assert_eq!(to_solar_hijri(date), (y, m, d));
        }
    }

    #[test]
    fn dates_far_in_either_direction_format_and_count(days in -200_000i64..200_000, n in any::<u32>()) {
        // Two centuries either way, and the ends of chrono's range.
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(days);
        let _ = to_solar_hijri(date);
        for lang in [Lang::Fa, Lang::Vi, Lang::En] {
            let _ = format_date(date, lang);
            let _ = format_date_short(date, lang);
        }
        for cal in [WorkCalendar::iran(), WorkCalendar::vietnam()] {
            let _ = cal.checked_add_working_days(date, n % 3_000);
            let _ = cal.working_days_between(date, date + chrono::Duration::days(days.abs() % 4000));
        }
    }
}
