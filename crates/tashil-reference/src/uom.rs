//! Units of measure for product requirements, by their UN/ECE Recommendation 20 common
//! codes (`"KGM"` kilogram, `"MPA"` megapascal, `"P1"` percent, `"C62"` one).
//!
//! Only the units that quality requirements and test reports use are here, not the
//! whole of Rec 20 (about 2,000 codes). Every code and English name was checked against
//! a machine-readable copy of the Rec 20 code list; note the traps: newton is `"NEW"`,
//! kilometre `"KMT"`, milligram per kilogram `"NA"`, milligram per litre `"M1"`, part
//! per million `"59"`. Dimensionless values (pH, indices, ratios, grades, colony
//! counts) use `"C62"` (one).
//!
//! Symbols follow SI usage; Persian and Vietnamese names are our translations.
//!
//! [`convert`] turns a value from one unit into another of the same quantity (`scale.rs`
//! holds each unit's quantity and factor).

mod scale;

pub use scale::{Quantity, convert, convert_interval, convertible, quantity, round_significant};

use crate::lang::pick;

/// A unit of measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Uom {
    /// Rec 20 common code (`"MPA"`).
    pub code: &'static str,
    /// Symbol (`"MPa"`).
    pub symbol: &'static str,
    pub name_fa: &'static str,
    /// The Rec 20 name (`"megapascal"`).
    pub name_en: &'static str,
    pub name_vi: &'static str,
}

impl Uom {
    /// Name in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fa, self.name_en, self.name_vi)
    }
}

const fn u(
    code: &'static str,
    symbol: &'static str,
    name_en: &'static str,
    name_fa: &'static str,
    name_vi: &'static str,
) -> Uom {
    Uom {
        code,
        symbol,
        name_fa,
        name_en,
        name_vi,
    }
}

/// All units, grouped by quantity.
#[rustfmt::skip]
pub static UOMS: &[Uom] = &[
    // code, symbol, en (Rec 20), fa, vi
    // length, area, volume
    u("KMT", "km", "kilometre", "کیلومتر", "kilômét"),
    u("MTR", "m", "metre", "متر", "mét"),
    u("CMT", "cm", "centimetre", "سانتی‌متر", "xentimét"),
    u("MMT", "mm", "millimetre", "میلی‌متر", "milimét"),
    u("4H", "µm", "micrometre (micron)", "میکرومتر", "micromét"),
    u("MTK", "m²", "square metre", "متر مربع", "mét vuông"),
    u("MMK", "mm²", "square millimetre", "میلی‌متر مربع", "milimét vuông"),
    u("MTQ", "m³", "cubic metre", "متر مکعب", "mét khối"),
    u("CMQ", "cm³", "cubic centimetre", "سانتی‌متر مکعب", "xentimét khối"),
    u("MMQ", "mm³", "cubic millimetre", "میلی‌متر مکعب", "milimét khối"),
    u("LTR", "l", "litre", "لیتر", "lít"),
    u("MLT", "ml", "millilitre", "میلی‌لیتر", "mililít"),
    // mass
    u("TNE", "t", "tonne (metric ton)", "تن", "tấn"),
    u("KGM", "kg", "kilogram", "کیلوگرم", "kilôgam"),
    u("GRM", "g", "gram", "گرم", "gam"),
    u("MGM", "mg", "milligram", "میلی‌گرم", "miligam"),
    u("MC", "µg", "microgram", "میکروگرم", "microgam"),
    // time
    u("SEC", "s", "second [unit of time]", "ثانیه", "giây"),
    u("MIN", "min", "minute [unit of time]", "دقیقه", "phút"),
    u("HUR", "h", "hour", "ساعت", "giờ"),
    u("DAY", "d", "day", "روز", "ngày"),
    u("MON", "mo", "month", "ماه", "tháng"),
    u("ANN", "a", "year", "سال", "năm"),
    // temperature, angle
    u("CEL", "°C", "degree Celsius", "درجه سلسیوس", "độ Celsius"),
    u("KEL", "K", "kelvin", "کلوین", "kelvin"),
    u("FAH", "°F", "degree Fahrenheit", "درجه فارنهایت", "độ Fahrenheit"),
    u("DD", "°", "degree [unit of angle]", "درجه (زاویه)", "độ (góc)"),
    u("D61", "′", "minute [unit of angle]", "دقیقه (زاویه)", "phút (góc)"),
    // ratios and counts
    u("P1", "%", "percent", "درصد", "phần trăm"),
    u("VP", "% vol", "percent volume", "درصد حجمی", "phần trăm thể tích"),
    u("60", "% (m/m)", "percent weight", "درصد وزنی", "phần trăm khối lượng"),
    u("59", "ppm", "part per million", "قسمت در میلیون", "phần triệu"),
    u("C62", "1", "one", "یک (بدون بعد)", "một (không thứ nguyên)"),
    u("H87", "pce", "piece", "عدد", "chiếc"),
    // concentration and density
    u("NA", "mg/kg", "milligram per kilogram", "میلی‌گرم بر کیلوگرم", "miligam trên kilôgam"),
    u("J33", "µg/kg", "microgram per kilogram", "میکروگرم بر کیلوگرم", "microgam trên kilôgam"),
    u("M1", "mg/l", "milligram per litre", "میلی‌گرم بر لیتر", "miligam trên lít"),
    u("H29", "µg/l", "microgram per litre", "میکروگرم بر لیتر", "microgam trên lít"),
    u("GL", "g/l", "gram per litre", "گرم بر لیتر", "gam trên lít"),
    u("GP", "mg/m³", "milligram per cubic metre", "میلی‌گرم بر متر مکعب", "miligam trên mét khối"),
    u("KMQ", "kg/m³", "kilogram per cubic metre", "کیلوگرم بر متر مکعب", "kilôgam trên mét khối"),
    u("23", "g/cm³", "gram per cubic centimetre", "گرم بر سانتی‌متر مکعب", "gam trên xentimét khối"),
    u("GM", "g/m²", "gram per square metre", "گرم بر متر مربع", "gam trên mét vuông"),
    u("28", "kg/m²", "kilogram per square metre", "کیلوگرم بر متر مربع", "kilôgam trên mét vuông"),
    u("D34", "tex", "tex", "تکس", "tex"),
    // force, pressure, mechanics
    u("NEW", "N", "newton", "نیوتن", "niutơn"),
    u("B47", "kN", "kilonewton", "کیلونیوتن", "kilôniutơn"),
    u("F47", "N/mm", "newton per millimetre", "نیوتن بر میلی‌متر", "niutơn trên milimét"),
    u("4P", "N/m", "newton per metre", "نیوتن بر متر", "niutơn trên mét"),
    u("PAL", "Pa", "pascal", "پاسکال", "pascal"),
    u("KPA", "kPa", "kilopascal", "کیلوپاسکال", "kilôpascal"),
    u("MPA", "MPa", "megapascal", "مگاپاسکال", "mêgapascal"),
    u("BAR", "bar", "bar [unit of pressure]", "بار", "bar"),
    u("C24", "mPa·s", "millipascal second", "میلی‌پاسکال ثانیه", "milipascal giây"),
    u("JOU", "J", "joule", "ژول", "jun"),
    u("MSK", "m/s²", "metre per second squared", "متر بر مجذور ثانیه", "mét trên giây bình phương"),
    u("MTS", "m/s", "metre per second", "متر بر ثانیه", "mét trên giây"),
    u("C16", "mm/s", "millimetre per second", "میلی‌متر بر ثانیه", "milimét trên giây"),
    u("KMH", "km/h", "kilometre per hour", "کیلومتر بر ساعت", "kilômét trên giờ"),
    u("L2", "l/min", "litre per minute", "لیتر بر دقیقه", "lít trên phút"),
    u("E32", "l/h", "litre per hour", "لیتر بر ساعت", "lít trên giờ"),
    // electricity, energy, light, sound
    u("VLT", "V", "volt", "ولت", "vôn"),
    u("KVT", "kV", "kilovolt", "کیلوولت", "kilôvôn"),
    u("AMP", "A", "ampere", "آمپر", "ampe"),
    u("4K", "mA", "milliampere", "میلی‌آمپر", "miliampe"),
    u("AMH", "Ah", "ampere hour", "آمپر ساعت", "ampe giờ"),
    u("OHM", "Ω", "ohm", "اهم", "ôm"),
    u("B49", "kΩ", "kiloohm", "کیلواهم", "kilôôm"),
    u("B75", "MΩ", "megaohm", "مگااهم", "mêgaôm"),
    u("F56", "Ω/km", "ohm per kilometre", "اهم بر کیلومتر", "ôm trên kilômét"),
    u("WTT", "W", "watt", "وات", "oát"),
    u("KWT", "kW", "kilowatt", "کیلووات", "kilôoát"),
    u("KWH", "kWh", "kilowatt hour", "کیلووات ساعت", "kilôoát giờ"),
    u("KVA", "kVA", "kilovolt - ampere", "کیلوولت آمپر", "kilôvôn ampe"),
    u("HTZ", "Hz", "hertz", "هرتز", "héc"),
    u("D54", "W/m²", "watt per square metre", "وات بر متر مربع", "oát trên mét vuông"),
    u("LUM", "lm", "lumen", "لومن", "lumen"),
    u("B61", "lm/W", "lumen per watt", "لومن بر وات", "lumen trên oát"),
    u("LUX", "lx", "lux", "لوکس", "lux"),
    u("CDL", "cd", "candela", "کاندلا", "candela"),
    u("2N", "dB", "decibel", "دسی‌بل", "đêxiben"),
];

/// The unit with this Rec 20 code (`"MPA"`; case and surrounding spaces are ignored).
pub fn uom(code: &str) -> Option<&'static Uom> {
    let code = code.trim();
    UOMS.iter().find(|u| u.code.eq_ignore_ascii_case(code))
}

/// All units.
pub fn all_uoms() -> &'static [Uom] {
    UOMS
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn enough_units_unique_codes_and_symbols() {
        assert!(UOMS.len() >= 40, "{}", UOMS.len());
        let codes: HashSet<_> = UOMS.iter().map(|u| u.code).collect();
        assert_eq!(codes.len(), UOMS.len());
        let symbols: HashSet<_> = UOMS.iter().map(|u| u.symbol).collect();
        assert_eq!(symbols.len(), UOMS.len());
        for u in UOMS {
            assert!(
                (2..=3).contains(&u.code.len())
                    && u.code
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{}",
                u.code
            );
            assert!(!u.symbol.is_empty() && !u.name_fa.is_empty() && !u.name_vi.is_empty());
        }
    }

    #[test]
    fn scripts() {
        use crate::standards::tests::{check_en, check_fa, check_vi};
        for u in UOMS {
            check_fa(u.name_fa);
            check_vi(u.name_vi);
            check_en(u.name_en);
        }
    }

    #[test]
    fn the_codes_that_are_easy_to_get_wrong() {
        assert_eq!(uom("NEW").unwrap().symbol, "N");
        assert!(uom("NEU").is_none());
        assert_eq!(uom("KMT").unwrap().symbol, "km");
        assert_eq!(uom("NA").unwrap().symbol, "mg/kg");
        assert_eq!(uom("M1").unwrap().symbol, "mg/l");
        assert_eq!(uom("59").unwrap().symbol, "ppm");
        assert_eq!(uom("P1").unwrap().symbol, "%");
        assert_eq!(uom("C62").unwrap().name("en"), "one");
        assert_eq!(uom(" mpa ").unwrap().name("en"), "megapascal");
        assert_eq!(uom("F56").unwrap().symbol, "Ω/km");
        assert_eq!(uom("MPA").unwrap().name("fa"), "مگاپاسکال");
        assert!(uom("XYZ").is_none());
        assert_eq!(all_uoms().len(), UOMS.len());
    }
}
