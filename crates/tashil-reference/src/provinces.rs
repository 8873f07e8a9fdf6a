//! Provinces (first-level administrative units) of Iran and Vietnam.
//!
//! # Iran
//!
//! The 31 provinces (استان), coded with their ISO 3166-2:IR codes `IR-00` … `IR-30`
//! (e.g. `IR-23` Tehran, `IR-26` Qazvin, `IR-03` East Azerbaijan, `IR-30` Alborz).
//! Persian names use the Persian letters ی and ک.
//!
//! # Vietnam
//!
//! The 34 provincial-level units in force since 1 July 2025 (Resolution 202/2025/QH15 of
//! the National Assembly): 6 centrally-run cities and 28 provinces. The 63 units they
//! replaced are in [`crate::vn_legacy`].
//!
//! ISO 3166-2:VN has no codes for the merged units yet, so Tashil uses its own stable
//! codes, `VN-` followed by:
//!
//! - for the six centrally-run cities, two or three letters — the ISO 3166-2 letters of
//!   the city at the core of the unit where there is one: `VN-HN` Hà Nội, `VN-HP` Hải
//!   Phòng, `VN-DN` Đà Nẵng, `VN-SG` Hồ Chí Minh City, `VN-CT` Cần Thơ, and `VN-HUE` Huế;
//! - for the 28 provinces, three letters from the Vietnamese name: the first letter of
//!   each of its two syllables and one more letter of the second (`VN-NBI` Ninh Bình,
//!   `VN-THO` Thanh Hóa, `VN-DLK` Đắk Lắk …).
//!
//! These codes are part of Tashil's data model: never change one once issued.
//! Vietnamese names are stored in NFC with the tone-mark placement of official documents
//! (`Hòa`, `Hóa`, `Thủy`);
//! English names are the usual spellings without diacritics; Persian names are
//! transliterations.

use crate::country::Country;
use crate::lang::pick;

/// A province of Iran or a provincial-level unit of Vietnam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Province {
    /// `IR-nn` (ISO 3166-2) or `VN-xxx` (Tashil's code, see the module documentation).
    pub code: &'static str,
    pub country: Country,
    pub name_fa: &'static str,
    pub name_en: &'static str,
    pub name_vi: &'static str,
}

impl Province {
    /// Name in `lang_code` (`"fa"`, `"vi"`, `"en"`, with or without a region; anything
    /// else gives English).
    pub fn name(&self, lang_code: &str) -> &'static str {
        pick(lang_code, self.name_fa, self.name_en, self.name_vi)
    }
}

const fn ir(
    code: &'static str,
    name_fa: &'static str,
    name_en: &'static str,
    name_vi: &'static str,
) -> Province {
    Province {
        code,
        country: Country::Ir,
        name_fa,
        name_en,
        name_vi,
    }
}

const fn vn(
    code: &'static str,
    name_fa: &'static str,
    name_en: &'static str,
    name_vi: &'static str,
) -> Province {
    Province {
        code,
        country: Country::Vn,
        name_fa,
        name_en,
        name_vi,
    }
}

/// Every province: Iran's 31 (in ISO code order), then Vietnam's 34.
#[rustfmt::skip]
pub static PROVINCES: &[Province] = &[
    ir("IR-00", "مرکزی", "Markazi", "Markazi"),
    ir("IR-01", "گیلان", "Gilan", "Gilan"),
    ir("IR-02", "مازندران", "Mazandaran", "Mazandaran"),
    ir("IR-03", "آذربایجان شرقی", "East Azerbaijan", "Đông Azerbaijan"),
    ir("IR-04", "آذربایجان غربی", "West Azerbaijan", "Tây Azerbaijan"),
    ir("IR-05", "کرمانشاه", "Kermanshah", "Kermanshah"),
    ir("IR-06", "خوزستان", "Khuzestan", "Khuzestan"),
    ir("IR-07", "فارس", "Fars", "Fars"),
    ir("IR-08", "کرمان", "Kerman", "Kerman"),
    ir("IR-09", "خراسان رضوی", "Razavi Khorasan", "Razavi Khorasan"),
    ir("IR-10", "اصفهان", "Isfahan", "Isfahan"),
    ir("IR-11", "سیستان و بلوچستان", "Sistan and Baluchestan", "Sistan và Baluchestan"),
    ir("IR-12", "کردستان", "Kurdistan", "Kurdistan"),
    ir("IR-13", "همدان", "Hamadan", "Hamadan"),
    ir("IR-14", "چهارمحال و بختیاری", "Chaharmahal and Bakhtiari", "Chaharmahal và Bakhtiari"),
    ir("IR-15", "لرستان", "Lorestan", "Lorestan"),
    ir("IR-16", "ایلام", "Ilam", "Ilam"),
    ir("IR-17", "کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad", "Kohgiluyeh và Boyer-Ahmad"),
    ir("IR-18", "بوشهر", "Bushehr", "Bushehr"),
    ir("IR-19", "زنجان", "Zanjan", "Zanjan"),
    ir("IR-20", "سمنان", "Semnan", "Semnan"),
    ir("IR-21", "یزد", "Yazd", "Yazd"),
    ir("IR-22", "هرمزگان", "Hormozgan", "Hormozgan"),
    ir("IR-23", "تهران", "Tehran", "Tehran"),
    ir("IR-24", "اردبیل", "Ardabil", "Ardabil"),
    ir("IR-25", "قم", "Qom", "Qom"),
    ir("IR-26", "قزوین", "Qazvin", "Qazvin"),
    ir("IR-27", "گلستان", "Golestan", "Golestan"),
    ir("IR-28", "خراسان شمالی", "North Khorasan", "Bắc Khorasan"),
    ir("IR-29", "خراسان جنوبی", "South Khorasan", "Nam Khorasan"),
    ir("IR-30", "البرز", "Alborz", "Alborz"),
    // Vietnam — the 11 units left unchanged in 2025.
    vn("VN-HN", "هانوی", "Hanoi", "Hà Nội"),
    vn("VN-HUE", "هوئه", "Hue", "Huế"),
    vn("VN-LCH", "لای چائو", "Lai Chau", "Lai Châu"),
    vn("VN-DBI", "دین بین", "Dien Bien", "Điện Biên"),
    vn("VN-SLA", "سون لا", "Son La", "Sơn La"),
    vn("VN-LSO", "لانگ سون", "Lang Son", "Lạng Sơn"),
    vn("VN-QNI", "کوانگ نین", "Quang Ninh", "Quảng Ninh"),
    vn("VN-THO", "تان هوا", "Thanh Hoa", "Thanh Hóa"),
    vn("VN-NAN", "نگه آن", "Nghe An", "Nghệ An"),
    vn("VN-HTI", "ها تین", "Ha Tinh", "Hà Tĩnh"),
    vn("VN-CBA", "کائو بانگ", "Cao Bang", "Cao Bằng"),
    // Vietnam — the 23 units formed by merger, in the order of Resolution 202/2025/QH15.
    vn("VN-TQU", "توین کوانگ", "Tuyen Quang", "Tuyên Quang"),
    vn("VN-LCA", "لائو کای", "Lao Cai", "Lào Cai"),
    vn("VN-TNG", "تای نگوین", "Thai Nguyen", "Thái Nguyên"),
    vn("VN-PTH", "فو تو", "Phu Tho", "Phú Thọ"),
    vn("VN-BNI", "باک نین", "Bac Ninh", "Bắc Ninh"),
    vn("VN-HYE", "هونگ ین", "Hung Yen", "Hưng Yên"),
    vn("VN-HP", "هایفونگ", "Hai Phong", "Hải Phòng"),
    vn("VN-NBI", "نین بین", "Ninh Binh", "Ninh Bình"),
    vn("VN-QTR", "کوانگ تری", "Quang Tri", "Quảng Trị"),
    vn("VN-DN", "دانانگ", "Da Nang", "Đà Nẵng"),
    vn("VN-QNG", "کوانگ نگای", "Quang Ngai", "Quảng Ngãi"),
    vn("VN-GLA", "گیا لای", "Gia Lai", "Gia Lai"),
    vn("VN-KHO", "خان هوا", "Khanh Hoa", "Khánh Hòa"),
    vn("VN-LDO", "لام دونگ", "Lam Dong", "Lâm Đồng"),
    vn("VN-DLK", "داک لاک", "Dak Lak", "Đắk Lắk"),
    vn("VN-SG", "شهر هوشی‌مین", "Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
    vn("VN-DNA", "دونگ نای", "Dong Nai", "Đồng Nai"),
    vn("VN-TNI", "تای نین", "Tay Ninh", "Tây Ninh"),
    vn("VN-CT", "کان تو", "Can Tho", "Cần Thơ"),
    vn("VN-VLO", "وین لونگ", "Vinh Long", "Vĩnh Long"),
    vn("VN-DTH", "دونگ تاپ", "Dong Thap", "Đồng Tháp"),
    vn("VN-CMA", "کا مائو", "Ca Mau", "Cà Mau"),
    vn("VN-AGI", "آن گیانگ", "An Giang", "An Giang"),
];

/// The province with this code (`"IR-26"`, `"VN-NBI"`; case-insensitive).
pub fn province(code: &str) -> Option<&'static Province> {
    let code = code.trim();
    PROVINCES.iter().find(|p| p.code.eq_ignore_ascii_case(code))
}

/// The provinces of `country`, in table order.
pub fn provinces_of(country: Country) -> impl Iterator<Item = &'static Province> {
    PROVINCES.iter().filter(move |p| p.country == country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_compact;
    use std::collections::HashSet;

    #[test]
    fn counts() {
        assert_eq!(provinces_of(Country::Ir).count(), 31);
        assert_eq!(provinces_of(Country::Vn).count(), 34);
        assert_eq!(PROVINCES.len(), 65);
    }

    #[test]
    fn codes_are_unique_and_shaped() {
        let codes: HashSet<_> = PROVINCES.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), PROVINCES.len());
        for (i, p) in provinces_of(Country::Ir).enumerate() {
            assert_eq!(p.code, format!("IR-{i:02}"));
        }
        for p in provinces_of(Country::Vn) {
            let tail = p.code.strip_prefix("VN-").expect(p.code);
            assert!((2..=3).contains(&tail.len()), "{}", p.code);
            assert!(tail.bytes().all(|b| b.is_ascii_uppercase()), "{}", p.code);
        }
    }

    #[test]
    fn names_are_unique_per_language() {
        for lang in ["fa", "en", "vi"] {
            let names: HashSet<_> = PROVINCES
                .iter()
                .map(|p| fold_compact(p.name(lang)))
                .collect();
            assert_eq!(names.len(), PROVINCES.len(), "duplicate {lang} name");
        }
    }

    #[test]
    fn known_codes() {
        assert_eq!(province("IR-26").unwrap().name_en, "Qazvin");
        assert_eq!(province("IR-30").unwrap().name_en, "Alborz");
        assert_eq!(province("IR-23").unwrap().name_fa, "تهران");
        assert_eq!(province("ir-03").unwrap().name("fa"), "آذربایجان شرقی");
        assert_eq!(province("VN-NBI").unwrap().name("vi-VN"), "Ninh Bình");
        assert_eq!(province("VN-HN").unwrap().name("fa"), "هانوی");
        assert!(province("IR-31").is_none());
    }
}
