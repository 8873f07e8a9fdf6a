//! Building blocks for a deterministic demo name generator.
//!
//! Every entry is a pair `(native, English)`: Persian or Vietnamese first, its English
//! rendering second, so a generated unit gets a native name and an English name that
//! correspond. The app supplies the randomness: the helpers take a `pick` closure that
//! returns an index below the bound it is given (any RNG, or a counter, will do), so the
//! same choices always give the same names.
//!
//! Company names are built from a pattern with the placeholders `{sector}`, `{brand}`
//! and `{city}`. Sector words depend on the ISIC division, so that a food factory is not
//! called «سیمان»; divisions without their own list get generic words.

use crate::cities::City;
use crate::country::Country;

/// `(native, English)`.
pub type Pair = (&'static str, &'static str);

mod fa;
mod vi;

use fa::FA_GENERIC;
use vi::VI_GENERIC;

pub use fa::{
    FA_BRANDS, FA_COMPANY_PATTERNS, FA_FAMILY, FA_GIVEN_FEMALE, FA_GIVEN_MALE, fa_sector_words,
};
pub use vi::{
    VI_BRANDS, VI_COMPANY_PATTERNS, VI_FAMILY, VI_GIVEN_FEMALE, VI_GIVEN_MALE, VI_MIDDLE_FEMALE,
    VI_MIDDLE_MALE, vi_sector_words,
};

/// Company-name patterns for `country`.
pub fn company_patterns(country: Country) -> &'static [Pair] {
    match country {
        Country::Ir => FA_COMPANY_PATTERNS,
        Country::Vn => VI_COMPANY_PATTERNS,
    }
}

/// Brand words for `country`.
pub fn brands(country: Country) -> &'static [Pair] {
    match country {
        Country::Ir => FA_BRANDS,
        Country::Vn => VI_BRANDS,
    }
}

/// Sector words for an ISIC division (`"10"`, or a class such as `"1050"`, whose first
/// two digits are used) in `country`'s language.
pub fn sector_words(country: Country, division: &str) -> &'static [Pair] {
    let division = division.trim();
    let division = division.get(..2).unwrap_or(division);
    match country {
        Country::Ir => fa_sector_words(division),
        Country::Vn => vi_sector_words(division),
    }
}

/// Whether `division` has sector words of its own (rather than the generic ones).
pub fn has_sector_words(country: Country, division: &str) -> bool {
    let generic = match country {
        Country::Ir => FA_GENERIC,
        Country::Vn => VI_GENERIC,
    };
    sector_words(country, division) != generic
}

/// Replaces `{sector}`, `{brand}` and `{city}` in `pattern`, and tidies the spaces.
pub fn fill(pattern: &str, sector: &str, brand: &str, city: &str) -> String {
    let filled = pattern
        .replace("{sector}", sector)
        .replace("{brand}", brand)
        .replace("{city}", city);
    filled.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Picks one entry of `list` with the app's chooser (`pick(n)` returns an index below
/// `n`; larger values wrap).
fn choose<T: Copy>(list: &[T], pick: &mut impl FnMut(usize) -> usize) -> T {
    list[pick(list.len()) % list.len()]
}

/// A company name for a production unit of ISIC `division` in `city`, as
/// `(native, English)`: Persian for Iran, Vietnamese for Vietnam.
///
/// `pick(n)` must return an index below `n`; it is called three times (pattern,
/// sector word, brand), so equal choices give equal names.
pub fn company_name(
    country: Country,
    division: &str,
    city: &City,
    mut pick: impl FnMut(usize) -> usize,
) -> (String, String) {
    let (pattern_native, pattern_en) = choose(company_patterns(country), &mut pick);
    let (sector_native, sector_en) = choose(sector_words(country, division), &mut pick);
    let (brand_native, brand_en) = choose(brands(country), &mut pick);
    let city_native = match country {
        Country::Ir => city.name_fa,
        Country::Vn => city.name_vi,
    };
    (
        fill(pattern_native, sector_native, brand_native, city_native),
        fill(pattern_en, sector_en, brand_en, city.name_en),
    )
}

/// A person's full name, as `(native, English)`: "given family" in Iran, "family middle
/// given" in Vietnam (English keeps the Vietnamese order, without diacritics).
///
/// `pick(n)` must return an index below `n`.
pub fn person_name(
    country: Country,
    female: bool,
    mut pick: impl FnMut(usize) -> usize,
) -> (String, String) {
    match country {
        Country::Ir => {
            let given = choose(
                if female {
                    FA_GIVEN_FEMALE
                } else {
                    FA_GIVEN_MALE
                },
                &mut pick,
            );
            let family = choose(FA_FAMILY, &mut pick);
            (
                format!("{} {}", given.0, family.0),
                format!("{} {}", given.1, family.1),
            )
        }
        Country::Vn => {
            let family = choose(VI_FAMILY, &mut pick);
            let middle = choose(
                if female {
                    VI_MIDDLE_FEMALE
                } else {
                    VI_MIDDLE_MALE
                },
                &mut pick,
            );
            let given = choose(
                if female {
                    VI_GIVEN_FEMALE
                } else {
                    VI_GIVEN_MALE
                },
                &mut pick,
            );
            (
                format!("{} {} {}", family.0, middle.0, given.0),
                format!("{} {} {}", family.1, middle.1, given.1),
            )
        }
    }
}

/// Every list of pairs in this module, with a label (for checks and tests).
pub fn all_lists() -> Vec<(&'static str, Country, &'static [Pair])> {
    let mut lists = vec![
        ("FA_COMPANY_PATTERNS", Country::Ir, FA_COMPANY_PATTERNS),
        ("FA_BRANDS", Country::Ir, FA_BRANDS),
        ("FA_GIVEN_MALE", Country::Ir, FA_GIVEN_MALE),
        ("FA_GIVEN_FEMALE", Country::Ir, FA_GIVEN_FEMALE),
        ("FA_FAMILY", Country::Ir, FA_FAMILY),
        ("VI_COMPANY_PATTERNS", Country::Vn, VI_COMPANY_PATTERNS),
        ("VI_BRANDS", Country::Vn, VI_BRANDS),
        ("VI_FAMILY", Country::Vn, VI_FAMILY),
        ("VI_MIDDLE_MALE", Country::Vn, VI_MIDDLE_MALE),
        ("VI_MIDDLE_FEMALE", Country::Vn, VI_MIDDLE_FEMALE),
        ("VI_GIVEN_MALE", Country::Vn, VI_GIVEN_MALE),
        ("VI_GIVEN_FEMALE", Country::Vn, VI_GIVEN_FEMALE),
    ];
    for d in crate::isic::DIVISIONS {
        lists.push(("fa_sector_words", Country::Ir, fa_sector_words(d.code)));
        lists.push(("vi_sector_words", Country::Vn, vi_sector_words(d.code)));
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cities::cities_of;
    use crate::products::PRODUCTS;

    /// A chooser that walks through a fixed sequence.
    fn seq(values: &[usize]) -> impl FnMut(usize) -> usize + '_ {
        let mut i = 0;
        move |_| {
            let v = values[i % values.len()];
            i += 1;
            v
        }
    }

    #[test]
    fn every_product_division_has_its_own_sector_words() {
        for p in PRODUCTS {
            for country in Country::ALL {
                assert!(
                    has_sector_words(country, p.isic),
                    "{} {:?}",
                    p.code,
                    country
                );
            }
        }
        assert!(!has_sector_words(Country::Ir, "85"));
        assert_eq!(sector_words(Country::Vn, "1020"), vi_sector_words("10"));
    }

    #[test]
    fn food_factories_are_not_called_cement() {
        for (fa, en) in fa_sector_words("10") {
            assert!(!fa.contains("سیمان") && !en.contains("Cement"));
        }
    }

    #[test]
    fn patterns_have_matching_placeholders() {
        for (label, _, list) in [
            ("fa", Country::Ir, FA_COMPANY_PATTERNS),
            ("vi", Country::Vn, VI_COMPANY_PATTERNS),
        ] {
            for (native, en) in list {
                for ph in ["{sector}", "{brand}", "{city}"] {
                    assert_eq!(native.contains(ph), en.contains(ph), "{label}: {native}");
                }
                assert!(
                    native.contains("{brand}") || native.contains("{city}"),
                    "{native}"
                );
            }
        }
    }

    #[test]
    fn generated_names_correspond() {
        let qazvin = &cities_of("IR-26")[0];
        let (fa, en) = company_name(Country::Ir, "23", qazvin, seq(&[2, 0, 0]));
        assert_eq!(fa, "شرکت سیمان آریا قزوین");
        assert_eq!(en, "Arya Qazvin Cement Co.");
        let nam_dinh = cities_of("VN-NBI")
            .iter()
            .find(|c| c.name_en == "Nam Dinh")
            .unwrap();
        let (vi, en) = company_name(Country::Vn, "10", nam_dinh, seq(&[0, 2, 6]));
        assert_eq!(vi, "Công ty TNHH Nước mắm Sao Mai");
        assert_eq!(en, "Sao Mai Fish Sauce Co., Ltd.");
        // Same choices, same names; out-of-range picks wrap.
        let a = company_name(Country::Vn, "23", nam_dinh, seq(&[3, 1, 4]));
        let b = company_name(Country::Vn, "23", nam_dinh, seq(&[3, 1, 4]));
        assert_eq!(a, b);
        let _ = company_name(Country::Ir, "99", qazvin, seq(&[1000, 1000, 1000]));
    }

    #[test]
    fn person_names() {
        let (fa, en) = person_name(Country::Ir, true, seq(&[1, 3]));
        assert_eq!((fa.as_str(), en.as_str()), ("زهرا رضایی", "Zahra Rezaei"));
        let (vi, en) = person_name(Country::Vn, false, seq(&[0, 0, 0]));
        assert_eq!(
            (vi.as_str(), en.as_str()),
            ("Nguyễn Văn Hùng", "Nguyen Van Hung")
        );
        let (vi, _) = person_name(Country::Vn, true, seq(&[1, 0, 2]));
        assert_eq!(vi, "Trần Thị Hương");
    }

    #[test]
    fn fill_tidies_spaces() {
        assert_eq!(
            fill("{brand}  {sector} Co.", "Steel", "Pars", ""),
            "Pars Steel Co."
        );
        assert_eq!(fill("{city} {sector}", "Thép", "", ""), "Thép");
    }
}
