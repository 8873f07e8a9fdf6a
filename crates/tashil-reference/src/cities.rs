//! Cities of the demo provinces: Qazvin, Alborz, East Azerbaijan and Tehran in Iran,
//! and Ninh Bình in Vietnam.
//!
//! Iran: each entry is a city that is the seat of a county (شهرستان) of the province,
//! or a large industrial town in it (Alvand, Mohammadiyeh, Kamalshahr, Sahand).
//!
//! Vietnam: Vietnam abolished its district level on 1 July 2025, so the entries for
//! Ninh Bình are the former district-level cities and districts, which is how addresses
//! in documents still name places. Each records the province it belonged to before the
//! 2025 merger ([`City::former_province`]): Ninh Bình itself, Nam Định or Hà Nam.

use crate::lang::pick;

/// A city (Iran) or former district-level unit (Vietnam) of a demo province.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct City {
    /// Stable key: the province code, a dash, and an ASCII slug (`"IR-26-takestan"`).
    pub code: &'static str,
    /// Code of the current province ([`crate::Province::code`]).
    pub province: &'static str,
    pub name_fa: &'static str,
    pub name_en: &'static str,
    pub name_vi: &'static str,
    /// Vietnam: ISO 3166-2 code of the province it was part of before 1 July 2025
    /// (`"VN-67"` Nam Định). `None` in Iran.
    pub former_province: Option<&'static str>,
}

impl City {
    /// Name in `lang_code` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang_code: &str) -> &'static str {
        pick(lang_code, self.name_fa, self.name_en, self.name_vi)
    }
}

/// An Iranian city: Vietnamese uses the English transliteration.
const fn ir(
    code: &'static str,
    province: &'static str,
    name_fa: &'static str,
    name_en: &'static str,
) -> City {
    City {
        code,
        province,
        name_fa,
        name_en,
        name_vi: name_en,
        former_province: None,
    }
}

/// A former district-level unit of today's Ninh Bình.
const fn nb(
    code: &'static str,
    former: &'static str,
    name_vi: &'static str,
    name_en: &'static str,
    name_fa: &'static str,
) -> City {
    City {
        code,
        province: "VN-NBI",
        name_fa,
        name_en,
        name_vi,
        former_province: Some(former),
    }
}

/// All demo cities, grouped by province.
#[rustfmt::skip]
pub static CITIES: &[City] = &[
    // Qazvin
    ir("IR-26-qazvin", "IR-26", "قزوین", "Qazvin"),
    ir("IR-26-takestan", "IR-26", "تاکستان", "Takestan"),
    ir("IR-26-abyek", "IR-26", "آبیک", "Abyek"),
    ir("IR-26-buin-zahra", "IR-26", "بوئین‌زهرا", "Buin Zahra"),
    ir("IR-26-alvand", "IR-26", "الوند", "Alvand"),
    ir("IR-26-mohammadiyeh", "IR-26", "محمدیه", "Mohammadiyeh"),
    ir("IR-26-avaj", "IR-26", "آوج", "Avaj"),
    ir("IR-26-eqbaliyeh", "IR-26", "اقبالیه", "Eqbaliyeh"),
    // Alborz
    ir("IR-30-karaj", "IR-30", "کرج", "Karaj"),
    ir("IR-30-fardis", "IR-30", "فردیس", "Fardis"),
    ir("IR-30-nazarabad", "IR-30", "نظرآباد", "Nazarabad"),
    ir("IR-30-hashtgerd", "IR-30", "هشتگرد", "Hashtgerd"),
    ir("IR-30-eshtehard", "IR-30", "اشتهارد", "Eshtehard"),
    ir("IR-30-taleqan", "IR-30", "طالقان", "Taleqan"),
    ir("IR-30-mohammadshahr", "IR-30", "محمدشهر", "Mohammadshahr"),
    ir("IR-30-kamalshahr", "IR-30", "کمال‌شهر", "Kamalshahr"),
    // East Azerbaijan
    ir("IR-03-tabriz", "IR-03", "تبریز", "Tabriz"),
    ir("IR-03-maragheh", "IR-03", "مراغه", "Maragheh"),
    ir("IR-03-marand", "IR-03", "مرند", "Marand"),
    ir("IR-03-mianeh", "IR-03", "میانه", "Mianeh"),
    ir("IR-03-ahar", "IR-03", "اهر", "Ahar"),
    ir("IR-03-bonab", "IR-03", "بناب", "Bonab"),
    ir("IR-03-sahand", "IR-03", "سهند", "Sahand"),
    ir("IR-03-shabestar", "IR-03", "شبستر", "Shabestar"),
    ir("IR-03-azarshahr", "IR-03", "آذرشهر", "Azarshahr"),
    ir("IR-03-sarab", "IR-03", "سراب", "Sarab"),
    // Tehran
    ir("IR-23-tehran", "IR-23", "تهران", "Tehran"),
    ir("IR-23-eslamshahr", "IR-23", "اسلام‌شهر", "Eslamshahr"),
    ir("IR-23-shahriar", "IR-23", "شهریار", "Shahriar"),
    ir("IR-23-varamin", "IR-23", "ورامین", "Varamin"),
    ir("IR-23-rey", "IR-23", "ری", "Rey"),
    ir("IR-23-pakdasht", "IR-23", "پاکدشت", "Pakdasht"),
    ir("IR-23-robat-karim", "IR-23", "رباط‌کریم", "Robat Karim"),
    ir("IR-23-qods", "IR-23", "قدس", "Qods"),
    ir("IR-23-damavand", "IR-23", "دماوند", "Damavand"),
    ir("IR-23-malard", "IR-23", "ملارد", "Malard"),
    // Ninh Bình — from the former Ninh Bình province (VN-18)
    nb("VN-NBI-hoa-lu", "VN-18", "Hoa Lư", "Hoa Lu", "هوا لو"),
    nb("VN-NBI-tam-diep", "VN-18", "Tam Điệp", "Tam Diep", "تام دیپ"),
    nb("VN-NBI-gia-vien", "VN-18", "Gia Viễn", "Gia Vien", "گیا وین"),
    nb("VN-NBI-nho-quan", "VN-18", "Nho Quan", "Nho Quan", "نیو کوان"),
    nb("VN-NBI-kim-son", "VN-18", "Kim Sơn", "Kim Son", "کیم سون"),
    // … from the former Nam Định province (VN-67)
    nb("VN-NBI-nam-dinh", "VN-67", "Nam Định", "Nam Dinh", "نام دین"),
    nb("VN-NBI-hai-hau", "VN-67", "Hải Hậu", "Hai Hau", "های هائو"),
    nb("VN-NBI-giao-thuy", "VN-67", "Giao Thủy", "Giao Thuy", "گیائو توی"),
    nb("VN-NBI-nghia-hung", "VN-67", "Nghĩa Hưng", "Nghia Hung", "نگیا هونگ"),
    nb("VN-NBI-y-yen", "VN-67", "Ý Yên", "Y Yen", "ای ین"),
    nb("VN-NBI-xuan-truong", "VN-67", "Xuân Trường", "Xuan Truong", "سوان ترونگ"),
    nb("VN-NBI-truc-ninh", "VN-67", "Trực Ninh", "Truc Ninh", "ترک نین"),
    nb("VN-NBI-vu-ban", "VN-67", "Vụ Bản", "Vu Ban", "وو بان"),
    // … from the former Hà Nam province (VN-63)
    nb("VN-NBI-phu-ly", "VN-63", "Phủ Lý", "Phu Ly", "فو لی"),
    nb("VN-NBI-duy-tien", "VN-63", "Duy Tiên", "Duy Tien", "دوی تین"),
];

/// The demo cities of a province (`"IR-26"`, `"VN-NBI"`); empty for other provinces.
pub fn cities_of(province_code: &str) -> &'static [City] {
    let code = province_code.trim();
    let start = CITIES
        .iter()
        .position(|c| c.province.eq_ignore_ascii_case(code));
    match start {
        Some(start) => {
            let len = CITIES[start..]
                .iter()
                .take_while(|c| c.province.eq_ignore_ascii_case(code))
                .count();
            &CITIES[start..start + len]
        }
        None => &[],
    }
}

/// The city with this code (`"IR-26-takestan"`).
pub fn city(code: &str) -> Option<&'static City> {
    let code = code.trim();
    CITIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provinces::province;
    use crate::vn_legacy::legacy_by_iso;
    use std::collections::HashSet;

    #[test]
    fn demo_provinces_have_six_to_fifteen_cities() {
        for code in ["IR-26", "IR-30", "IR-03", "IR-23", "VN-NBI"] {
            let n = cities_of(code).len();
            assert!((6..=15).contains(&n), "{code}: {n}");
        }
        assert!(cities_of("IR-10").is_empty());
        let total: usize = ["IR-26", "IR-30", "IR-03", "IR-23", "VN-NBI"]
            .iter()
            .map(|c| cities_of(c).len())
            .sum();
        assert_eq!(
            total,
            CITIES.len(),
            "a province's cities must be contiguous"
        );
    }

    #[test]
    fn codes_unique_and_consistent() {
        let codes: HashSet<_> = CITIES.iter().map(|c| c.code).collect();
        assert_eq!(codes.len(), CITIES.len());
        for c in CITIES {
            assert!(province(c.province).is_some(), "{}", c.code);
            assert!(
                c.code.starts_with(&format!("{}-", c.province)),
                "{}",
                c.code
            );
            match c.former_province {
                Some(iso) => {
                    let was = legacy_by_iso(iso).expect(iso);
                    assert_eq!(was.current, c.province, "{}", c.code);
                }
                None => assert!(c.province.starts_with("IR-"), "{}", c.code),
            }
        }
    }

    #[test]
    fn ninh_binh_includes_former_nam_dinh() {
        let nam_dinh = cities_of("VN-NBI")
            .iter()
            .filter(|c| c.former_province == Some("VN-67"))
            .count();
        assert!(nam_dinh >= 5);
        assert_eq!(city("IR-26-takestan").unwrap().name("fa"), "تاکستان");
    }
}
