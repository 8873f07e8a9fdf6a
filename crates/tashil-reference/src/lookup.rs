//! Finding a province from a name as users and spreadsheets write it.

use crate::fold::fold_key;
use crate::provinces::{PROVINCES, Province, province};
use crate::vn_legacy::{LegacyProvince, current_unit_for_legacy, legacy_by_iso};

/// What [`find_province`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvinceMatch {
    /// A current province, by one of its names (or its code).
    Current(&'static Province),
    /// A Vietnamese unit abolished on 1 July 2025: `was` is now part of `now`, so the
    /// app can say "Nam Định is now part of Ninh Bình".
    Legacy {
        was: &'static LegacyProvince,
        now: &'static Province,
    },
}

impl ProvinceMatch {
    /// The current province, whichever way it was found.
    pub fn province(&self) -> &'static Province {
        match self {
            ProvinceMatch::Current(p) => p,
            ProvinceMatch::Legacy { now, .. } => now,
        }
    }

    /// The former unit, when the name was that of one.
    pub fn legacy(&self) -> Option<&'static LegacyProvince> {
        match self {
            ProvinceMatch::Current(_) => None,
            ProvinceMatch::Legacy { was, .. } => Some(was),
        }
    }
}

/// Other spellings of current provinces met in documents, as `(alias, code)`.
const ALIASES: &[(&str, &str)] = &[
    ("Azarbaijan-e Sharqi", "IR-03"),
    ("East Azarbaijan", "IR-03"),
    ("Azerbaijan Sharghi", "IR-03"),
    ("Azarbaijan-e Gharbi", "IR-04"),
    ("West Azarbaijan", "IR-04"),
    ("Khorasan Razavi", "IR-09"),
    ("Khorasan-e Razavi", "IR-09"),
    ("Esfahan", "IR-10"),
    ("Sistan-Baluchestan", "IR-11"),
    ("Kordestan", "IR-12"),
    ("Chaharmahal-Bakhtiari", "IR-14"),
    ("Kohkiluyeh and Boyer-Ahmad", "IR-17"),
    ("Kohgiluyeh va Boyer-Ahmad", "IR-17"),
    ("Boushehr", "IR-18"),
    ("Teheran", "IR-23"),
    ("Ardebil", "IR-24"),
    ("Ghom", "IR-25"),
    ("Ghazvin", "IR-26"),
    ("Khorasan-e Shomali", "IR-28"),
    ("Khorasan-e Jonubi", "IR-29"),
    ("کهکیلویه و بویراحمد", "IR-17"),
    ("Thành phố Hồ Chí Minh", "VN-SG"),
    ("Hồ Chí Minh", "VN-SG"),
    ("TP HCM", "VN-SG"),
    ("TPHCM", "VN-SG"),
    ("HCMC", "VN-SG"),
    ("Saigon", "VN-SG"),
    ("Sài Gòn", "VN-SG"),
    ("Đắc Lắc", "VN-DLK"),
    ("Daklak", "VN-DLK"),
];

/// Words that name the kind of unit rather than the unit, as folded by
/// [`fold_key`]: "tỉnh Nam Định", "Thành phố Hà Nội", "TP. Huế", «استان قزوین»,
/// "Qazvin Province".
const PREFIXES: &[&str] = &[
    "tinh ",
    "thanh pho ",
    "tp ",
    "t p ",
    "province of ",
    "city of ",
    "استان ",
    "شهر ",
];
const SUFFIXES: &[&str] = &[" province", " city", " municipality", " ostan"];

/// Removes a leading and a trailing unit word from a folded key.
fn strip_unit_words(folded: &str) -> &str {
    let mut s = folded;
    if let Some(rest) = PREFIXES.iter().find_map(|p| s.strip_prefix(p)) {
        s = rest;
    }
    if let Some(rest) = SUFFIXES.iter().find_map(|x| s.strip_suffix(x)) {
        s = rest;
    }
    s
}

/// The key names are compared by: folded ([`fold_key`]), unit words removed, spaces
/// removed.
pub(crate) fn name_key_of(name: &str) -> String {
    let folded = fold_key(name);
    strip_unit_words(&folded).replace(' ', "")
}

/// Finds a province by name, in Persian, English or Vietnamese, or by code.
///
/// The comparison ignores case, Vietnamese diacritics (with or without, precomposed or
/// decomposed), Arabic letter forms (`ي` `ك`), ZWNJ, spaces, punctuation and unit words
/// ("tỉnh", "thành phố", "TP", «استان», "Province"). A few common variants are known
/// ("Esfahan", "Ghazvin", "TP HCM", "Sài Gòn").
///
/// Names of Vietnamese units abolished in 2025 give [`ProvinceMatch::Legacy`] with the
/// unit they are now part of — except where the current unit carries the same name
/// ("Ninh Bình" is the current Ninh Bình, "Nam Định" is a former unit now in Ninh Bình).
pub fn find_province(name: &str) -> Option<ProvinceMatch> {
    let trimmed = name.trim();
    if let Some(p) = province(trimmed) {
        return Some(ProvinceMatch::Current(p));
    }
    if let Some(was) = legacy_by_iso(trimmed) {
        return Some(ProvinceMatch::Legacy {
            was,
            now: was.current_unit(),
        });
    }
    let key = name_key_of(trimmed);
    if key.is_empty() {
        return None;
    }
    let current = PROVINCES
        .iter()
        .find(|p| {
            [p.name_fa, p.name_en, p.name_vi]
                .iter()
                .any(|n| name_key_of(n) == key)
        })
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| name_key_of(alias) == key)
                .and_then(|(_, code)| province(code))
        });
    if let Some(p) = current {
        return Some(ProvinceMatch::Current(p));
    }
    current_unit_for_legacy(trimmed).map(|(was, now)| ProvinceMatch::Legacy { was, now })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(name: &str) -> &'static str {
        find_province(name)
            .unwrap_or_else(|| panic!("{name} not found"))
            .province()
            .code
    }

    #[test]
    fn every_name_finds_its_province() {
        for p in PROVINCES {
            for lang in ["fa", "en", "vi"] {
                assert_eq!(
                    find_province(p.name(lang)),
                    Some(ProvinceMatch::Current(p)),
                    "{lang} name of {}",
                    p.code
                );
            }
            assert_eq!(find_province(p.code), Some(ProvinceMatch::Current(p)));
        }
    }

    #[test]
    fn persian_variants() {
        assert_eq!(code_of("آذربايجان شرقي"), "IR-03");
        assert_eq!(code_of("استان قزوین"), "IR-26");
        assert_eq!(code_of("كرمانشاه"), "IR-05");
        assert_eq!(code_of("سیستان وبلوچستان"), "IR-11");
        assert_eq!(code_of("هوشی مین"), "VN-SG");
    }

    #[test]
    fn latin_variants() {
        assert_eq!(code_of("qazvin province"), "IR-26");
        assert_eq!(code_of("Ghazvin"), "IR-26");
        assert_eq!(code_of("EAST AZERBAIJAN"), "IR-03");
        assert_eq!(code_of("Tỉnh Ninh Bình"), "VN-NBI");
        assert_eq!(code_of("ninh binh"), "VN-NBI");
        assert_eq!(code_of("Ha Noi"), "VN-HN");
        assert_eq!(code_of("Thành phố Hà Nội"), "VN-HN");
        assert_eq!(code_of("TP. Hồ Chí Minh"), "VN-SG");
        assert_eq!(code_of("Danang"), "VN-DN");
        assert_eq!(code_of("Thanh Hoá"), "VN-THO");
        assert_eq!(find_province("Xanadu"), None);
        assert_eq!(find_province(""), None);
    }

    #[test]
    fn legacy_names_say_where_they_went() {
        let m = find_province("Nam Định").unwrap();
        assert_eq!(m.legacy().unwrap().name_vi, "Nam Định");
        assert_eq!(m.province().name_vi, "Ninh Bình");
        let m = find_province("nam dinh").unwrap();
        assert!(matches!(m, ProvinceMatch::Legacy { now, .. } if now.code == "VN-NBI"));
        assert!(find_province("Hà Nam").unwrap().legacy().is_some());
        assert!(find_province("Ninh Bình").unwrap().legacy().is_none());
        assert!(find_province("Hồ Chí Minh").unwrap().legacy().is_none());
        assert_eq!(find_province("VN-67").unwrap().province().code, "VN-NBI");
        let hue = find_province("Thừa Thiên Huế").unwrap();
        assert_eq!(hue.province().code, "VN-HUE");
        assert_eq!(hue.legacy().unwrap().iso_code, "VN-26");
        // The unchanged units are current ones.
        for name in ["Lai Châu", "Cao Bằng", "Hà Tĩnh", "Quảng Ninh"] {
            assert!(find_province(name).unwrap().legacy().is_none(), "{name}");
        }
    }
}
