//! Vietnam's 63 provincial-level units before 1 July 2025, and the unit each was merged
//! into.
//!
//! Resolution 202/2025/QH15 of the National Assembly (12 June 2025, in force 1 July
//! 2025) reorganised the 63 units into 34. Eleven were left unchanged; the other 52
//! were merged whole — no old unit was split — into 23 new units that each took the
//! name of one of their members (Nam Định, Hà Nam and Ninh Bình became Ninh Bình).
//! Thừa Thiên Huế had already become the centrally-run city of Huế on 1 January 2025.
//!
//! Old names keep arriving in documents and spreadsheets; [`current_unit_for_legacy`]
//! maps them to the current unit. `iso_code` is the unit's former ISO 3166-2:VN code.

use crate::lang::pick;
use crate::lookup::name_key_of;
use crate::provinces::{Province, province};

/// A provincial-level unit of Vietnam as it was before 1 July 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LegacyProvince {
    /// ISO 3166-2:VN code it had (`"VN-67"` Nam Định, `"VN-HN"` Hà Nội).
    pub iso_code: &'static str,
    /// Vietnamese name (NFC), without "tỉnh" / "thành phố".
    pub name_vi: &'static str,
    /// Usual English spelling, without diacritics.
    pub name_en: &'static str,
    /// Persian transliteration.
    pub name_fa: &'static str,
    /// Code of the current unit it is part of (a [`Province::code`], `"VN-NBI"`).
    pub current: &'static str,
}

impl LegacyProvince {
    /// Name in `lang_code` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang_code: &str) -> &'static str {
        pick(lang_code, self.name_fa, self.name_en, self.name_vi)
    }

    /// The current unit it is part of.
    pub fn current_unit(&self) -> &'static Province {
        province(self.current).expect("every legacy unit maps to a current unit (tested)")
    }

    /// Whether the current unit is this old unit under the same name, unchanged.
    pub fn unchanged(&self) -> bool {
        LEGACY_PROVINCES
            .iter()
            .filter(|l| l.current == self.current)
            .count()
            == 1
    }
}

const fn l(
    iso_code: &'static str,
    name_vi: &'static str,
    name_en: &'static str,
    name_fa: &'static str,
    current: &'static str,
) -> LegacyProvince {
    LegacyProvince {
        iso_code,
        name_vi,
        name_en,
        name_fa,
        current,
    }
}

/// The 63 former units, in ISO code order.
#[rustfmt::skip]
pub static LEGACY_PROVINCES: &[LegacyProvince] = &[
    l("VN-01", "Lai Châu", "Lai Chau", "لای چائو", "VN-LCH"),
    l("VN-02", "Lào Cai", "Lao Cai", "لائو کای", "VN-LCA"),
    l("VN-03", "Hà Giang", "Ha Giang", "ها گیانگ", "VN-TQU"),
    l("VN-04", "Cao Bằng", "Cao Bang", "کائو بانگ", "VN-CBA"),
    l("VN-05", "Sơn La", "Son La", "سون لا", "VN-SLA"),
    l("VN-06", "Yên Bái", "Yen Bai", "ین بای", "VN-LCA"),
    l("VN-07", "Tuyên Quang", "Tuyen Quang", "توین کوانگ", "VN-TQU"),
    l("VN-09", "Lạng Sơn", "Lang Son", "لانگ سون", "VN-LSO"),
    l("VN-13", "Quảng Ninh", "Quang Ninh", "کوانگ نین", "VN-QNI"),
    l("VN-14", "Hòa Bình", "Hoa Binh", "هوا بین", "VN-PTH"),
    l("VN-18", "Ninh Bình", "Ninh Binh", "نین بین", "VN-NBI"),
    l("VN-20", "Thái Bình", "Thai Binh", "تای بین", "VN-HYE"),
    l("VN-21", "Thanh Hóa", "Thanh Hoa", "تان هوا", "VN-THO"),
    l("VN-22", "Nghệ An", "Nghe An", "نگه آن", "VN-NAN"),
    l("VN-23", "Hà Tĩnh", "Ha Tinh", "ها تین", "VN-HTI"),
    l("VN-24", "Quảng Bình", "Quang Binh", "کوانگ بین", "VN-QTR"),
    l("VN-25", "Quảng Trị", "Quang Tri", "کوانگ تری", "VN-QTR"),
    l("VN-26", "Thừa Thiên Huế", "Thua Thien Hue", "توا تین هوئه", "VN-HUE"),
    l("VN-27", "Quảng Nam", "Quang Nam", "کوانگ نام", "VN-DN"),
    l("VN-28", "Kon Tum", "Kon Tum", "کن توم", "VN-QNG"),
    l("VN-29", "Quảng Ngãi", "Quang Ngai", "کوانگ نگای", "VN-QNG"),
    l("VN-30", "Gia Lai", "Gia Lai", "گیا لای", "VN-GLA"),
    l("VN-31", "Bình Định", "Binh Dinh", "بین دین", "VN-GLA"),
    l("VN-32", "Phú Yên", "Phu Yen", "فو ین", "VN-DLK"),
    l("VN-33", "Đắk Lắk", "Dak Lak", "داک لاک", "VN-DLK"),
    l("VN-34", "Khánh Hòa", "Khanh Hoa", "خان هوا", "VN-KHO"),
    l("VN-35", "Lâm Đồng", "Lam Dong", "لام دونگ", "VN-LDO"),
    l("VN-36", "Ninh Thuận", "Ninh Thuan", "نین توان", "VN-KHO"),
    l("VN-37", "Tây Ninh", "Tay Ninh", "تای نین", "VN-TNI"),
    l("VN-39", "Đồng Nai", "Dong Nai", "دونگ نای", "VN-DNA"),
    l("VN-40", "Bình Thuận", "Binh Thuan", "بین توان", "VN-LDO"),
    l("VN-41", "Long An", "Long An", "لونگ آن", "VN-TNI"),
    l("VN-43", "Bà Rịa – Vũng Tàu", "Ba Ria–Vung Tau", "با ریا - وونگ تاو", "VN-SG"),
    l("VN-44", "An Giang", "An Giang", "آن گیانگ", "VN-AGI"),
    l("VN-45", "Đồng Tháp", "Dong Thap", "دونگ تاپ", "VN-DTH"),
    l("VN-46", "Tiền Giang", "Tien Giang", "تین گیانگ", "VN-DTH"),
    l("VN-47", "Kiên Giang", "Kien Giang", "کین گیانگ", "VN-AGI"),
    l("VN-49", "Vĩnh Long", "Vinh Long", "وین لونگ", "VN-VLO"),
    l("VN-50", "Bến Tre", "Ben Tre", "بن تره", "VN-VLO"),
    l("VN-51", "Trà Vinh", "Tra Vinh", "ترا وین", "VN-VLO"),
    l("VN-52", "Sóc Trăng", "Soc Trang", "سوک ترانگ", "VN-CT"),
    l("VN-53", "Bắc Kạn", "Bac Kan", "باک کان", "VN-TNG"),
    l("VN-54", "Bắc Giang", "Bac Giang", "باک گیانگ", "VN-BNI"),
    l("VN-55", "Bạc Liêu", "Bac Lieu", "باک لیو", "VN-CMA"),
    l("VN-56", "Bắc Ninh", "Bac Ninh", "باک نین", "VN-BNI"),
    l("VN-57", "Bình Dương", "Binh Duong", "بین دوئونگ", "VN-SG"),
    l("VN-58", "Bình Phước", "Binh Phuoc", "بین فوک", "VN-DNA"),
    l("VN-59", "Cà Mau", "Ca Mau", "کا مائو", "VN-CMA"),
    l("VN-61", "Hải Dương", "Hai Duong", "های دوئونگ", "VN-HP"),
    l("VN-63", "Hà Nam", "Ha Nam", "ها نام", "VN-NBI"),
    l("VN-66", "Hưng Yên", "Hung Yen", "هونگ ین", "VN-HYE"),
    l("VN-67", "Nam Định", "Nam Dinh", "نام دین", "VN-NBI"),
    l("VN-68", "Phú Thọ", "Phu Tho", "فو تو", "VN-PTH"),
    l("VN-69", "Thái Nguyên", "Thai Nguyen", "تای نگوین", "VN-TNG"),
    l("VN-70", "Vĩnh Phúc", "Vinh Phuc", "وین فوک", "VN-PTH"),
    l("VN-71", "Điện Biên", "Dien Bien", "دین بین", "VN-DBI"),
    l("VN-72", "Đắk Nông", "Dak Nong", "داک نونگ", "VN-LDO"),
    l("VN-73", "Hậu Giang", "Hau Giang", "هائو گیانگ", "VN-CT"),
    l("VN-CT", "Cần Thơ", "Can Tho", "کان تو", "VN-CT"),
    l("VN-DN", "Đà Nẵng", "Da Nang", "دانانگ", "VN-DN"),
    l("VN-HN", "Hà Nội", "Hanoi", "هانوی", "VN-HN"),
    l("VN-HP", "Hải Phòng", "Hai Phong", "هایفونگ", "VN-HP"),
    l("VN-SG", "Hồ Chí Minh", "Ho Chi Minh City", "هوشی‌مین", "VN-SG"),
];

/// Other spellings met in documents, as `(alias, iso_code)`.
const ALIASES: &[(&str, &str)] = &[
    ("Thành phố Hồ Chí Minh", "VN-SG"),
    ("TP Hồ Chí Minh", "VN-SG"),
    ("TP HCM", "VN-SG"),
    ("HCMC", "VN-SG"),
    ("Sài Gòn", "VN-SG"),
    ("Thừa Thiên-Huế", "VN-26"),
    ("Bà Rịa Vũng Tàu", "VN-43"),
    ("Bắc Cạn", "VN-53"),
    ("Đắc Lắc", "VN-33"),
    ("Đắk Lăk", "VN-33"),
    ("Daklak", "VN-33"),
    ("Đắc Nông", "VN-72"),
];

/// The former unit with this ISO 3166-2:VN code (`"VN-67"`).
pub fn legacy_by_iso(iso_code: &str) -> Option<&'static LegacyProvince> {
    let iso_code = iso_code.trim();
    LEGACY_PROVINCES
        .iter()
        .find(|l| l.iso_code.eq_ignore_ascii_case(iso_code))
}

/// The former units merged into the current unit `code` (`"VN-NBI"` gives Ninh Bình,
/// Hà Nam and Nam Định).
pub fn legacy_members(code: &str) -> impl Iterator<Item = &'static LegacyProvince> + use<'_> {
    let code = code.trim();
    LEGACY_PROVINCES
        .iter()
        .filter(move |l| l.current.eq_ignore_ascii_case(code))
}

/// Finds a former unit by name and returns it with the current unit it is part of.
///
/// `name_key` is best given folded with [`crate::fold_key`] (lowercase, no diacritics,
/// `đ` → `d`, spaces collapsed), but any spelling works: the key is folded again here
/// and compared with spaces removed, so `"Nam Định"`, `"nam dinh"`, `"NAMDINH"` and
/// `"tỉnh Nam Định"` all find Nam Định. Vietnamese, English and Persian names are tried,
/// and a few common variants (`"Sài Gòn"`, `"TP HCM"`, `"Đắc Lắc"`).
pub fn current_unit_for_legacy(
    name_key: &str,
) -> Option<(&'static LegacyProvince, &'static Province)> {
    let key = name_key_of(name_key);
    if key.is_empty() {
        return None;
    }
    let by_name = LEGACY_PROVINCES.iter().find(|l| {
        [l.name_vi, l.name_en, l.name_fa]
            .iter()
            .any(|n| name_key_of(n) == key)
    });
    let found = by_name.or_else(|| {
        ALIASES
            .iter()
            .find(|(alias, _)| name_key_of(alias) == key)
            .and_then(|(_, iso)| legacy_by_iso(iso))
    })?;
    Some((found, found.current_unit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::Country;
    use crate::provinces::provinces_of;
    use std::collections::HashSet;

    #[test]
    fn sixty_three_units_into_thirty_four() {
        assert_eq!(LEGACY_PROVINCES.len(), 63);
        let isos: HashSet<_> = LEGACY_PROVINCES.iter().map(|l| l.iso_code).collect();
        assert_eq!(isos.len(), 63);
        let targets: HashSet<_> = LEGACY_PROVINCES.iter().map(|l| l.current).collect();
        assert_eq!(targets.len(), 34);
        for p in provinces_of(Country::Vn) {
            let members: Vec<_> = legacy_members(p.code).collect();
            assert!(!members.is_empty(), "{} has no former unit", p.code);
            // Every current unit took the name of one of its members (Huế excepted,
            // whose former name was Thừa Thiên Huế).
            if p.code != "VN-HUE" {
                let key = name_key_of(p.name_vi);
                assert!(
                    members.iter().any(|l| name_key_of(l.name_vi) == key),
                    "{}",
                    p.code
                );
            }
        }
        let unchanged = LEGACY_PROVINCES.iter().filter(|l| l.unchanged()).count();
        assert_eq!(unchanged, 11);
        let sizes: Vec<usize> = provinces_of(Country::Vn)
            .map(|p| legacy_members(p.code).count())
            .collect();
        assert_eq!(sizes.iter().filter(|n| **n == 3).count(), 6);
        assert_eq!(sizes.iter().filter(|n| **n == 2).count(), 17);
    }

    #[test]
    fn resolution_202_mergers() {
        let cases = [
            ("Nam Định", "VN-NBI"),
            ("Hà Nam", "VN-NBI"),
            ("Ha Giang", "VN-TQU"),
            ("yen bai", "VN-LCA"),
            ("Bắc Kạn", "VN-TNG"),
            ("Vĩnh Phúc", "VN-PTH"),
            ("Hòa Bình", "VN-PTH"),
            ("Bắc Giang", "VN-BNI"),
            ("Thái Bình", "VN-HYE"),
            ("Hải Dương", "VN-HP"),
            ("Quảng Bình", "VN-QTR"),
            ("Quảng Nam", "VN-DN"),
            ("Kon Tum", "VN-QNG"),
            ("Bình Định", "VN-GLA"),
            ("Ninh Thuận", "VN-KHO"),
            ("Đắk Nông", "VN-LDO"),
            ("Bình Thuận", "VN-LDO"),
            ("Phú Yên", "VN-DLK"),
            ("Bình Dương", "VN-SG"),
            ("Bà Rịa - Vũng Tàu", "VN-SG"),
            ("Bình Phước", "VN-DNA"),
            ("Long An", "VN-TNI"),
            ("Sóc Trăng", "VN-CT"),
            ("Hậu Giang", "VN-CT"),
            ("Bến Tre", "VN-VLO"),
            ("Trà Vinh", "VN-VLO"),
            ("Tiền Giang", "VN-DTH"),
            ("Bạc Liêu", "VN-CMA"),
            ("Kiên Giang", "VN-AGI"),
            ("Thừa Thiên Huế", "VN-HUE"),
        ];
        for (name, code) in cases {
            let (_, now) = current_unit_for_legacy(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(now.code, code, "{name}");
        }
    }

    #[test]
    fn spellings() {
        let key = crate::fold::fold_key("Nam Định");
        assert_eq!(
            current_unit_for_legacy(&key).unwrap().1.name_vi,
            "Ninh Bình"
        );
        assert_eq!(
            current_unit_for_legacy("NAM DINH").unwrap().0.iso_code,
            "VN-67"
        );
        assert_eq!(
            current_unit_for_legacy("tỉnh Nam Định").unwrap().0.iso_code,
            "VN-67"
        );
        assert_eq!(
            current_unit_for_legacy("نام دین").unwrap().0.iso_code,
            "VN-67"
        );
        assert_eq!(current_unit_for_legacy("sai gon").unwrap().1.code, "VN-SG");
        assert_eq!(current_unit_for_legacy("Daklak").unwrap().1.code, "VN-DLK");
        assert_eq!(
            current_unit_for_legacy("Thanh Hoá").unwrap().1.code,
            "VN-THO"
        );
        assert!(current_unit_for_legacy("Atlantis").is_none());
        assert!(current_unit_for_legacy("  ").is_none());
    }
}
