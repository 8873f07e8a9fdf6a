//! Names for demo units and QC managers: Persian names with their English form for Iran,
//! Vietnamese names with their English form for Vietnam, built from a product and a city so
//! that a dairy is not called a cement works.

use tashil_reference::{City, Country, products::Product};

use super::rng::Rng;

pub struct UnitNames {
    pub fa: String,
    pub en: String,
    pub vi: String,
}

/// Brand-like words used in Iranian company names, with their usual English spelling.
const FA_BRANDS: &[(&str, &str)] = &[
    ("آریا", "Arya"),
    ("سپهر", "Sepehr"),
    ("کیان", "Kian"),
    ("پارس", "Pars"),
    ("البرز", "Alborz"),
    ("مهرگان", "Mehregan"),
    ("نوین", "Novin"),
    ("زاگرس", "Zagros"),
    ("دماوند", "Damavand"),
    ("کیمیا", "Kimia"),
    ("آفتاب", "Aftab"),
    ("سهند", "Sahand"),
    ("ارغوان", "Arghavan"),
    ("پگاه", "Pegah"),
    ("تابان", "Taban"),
    ("رویش", "Rooyesh"),
    ("بهاران", "Baharan"),
    ("نگین", "Negin"),
    ("آرمان", "Arman"),
    ("سینا", "Sina"),
    ("فرتاک", "Fartak"),
    ("پیشگامان", "Pishgaman"),
    ("اطلس", "Atlas"),
    ("ستاره", "Setareh"),
    ("افق", "Ofogh"),
];

/// Company forms: (Persian prefix, English suffix).
const FA_FORMS: &[(&str, &str)] = &[
    ("شرکت", "Co."),
    ("شرکت تولیدی", "Manufacturing Co."),
    ("کارخانه", "Factory"),
    ("شرکت صنایع", "Industries Co."),
    ("گروه صنعتی", "Industrial Group"),
];

const VI_BRANDS: &[(&str, &str)] = &[
    ("Hưng Thịnh", "Hung Thinh"),
    ("Phú Cường", "Phu Cuong"),
    ("Thành Công", "Thanh Cong"),
    ("An Phát", "An Phat"),
    ("Minh Long", "Minh Long"),
    ("Hoàng Gia", "Hoang Gia"),
    ("Việt Tiến", "Viet Tien"),
    ("Đại Nam", "Dai Nam"),
    ("Sông Hồng", "Song Hong"),
    ("Thiên Phúc", "Thien Phuc"),
    ("Nam Phong", "Nam Phong"),
    ("Tân Tiến", "Tan Tien"),
];

const VI_FORMS: &[(&str, &str)] = &[
    ("Công ty TNHH", "Co., Ltd."),
    ("Công ty Cổ phần", "JSC"),
    ("Hợp tác xã", "Cooperative"),
];

const FA_GIVEN: &[&str] = &[
    "محمد",
    "علی",
    "زهرا",
    "فاطمه",
    "حسین",
    "مریم",
    "رضا",
    "نرگس",
    "مهدی",
    "سمیه",
    "امیر",
    "لیلا",
];
const FA_FAMILY: &[&str] = &[
    "احمدی",
    "رضایی",
    "کریمی",
    "موسوی",
    "حسینی",
    "قاسمی",
    "نوری",
    "جعفری",
    "صادقی",
    "کاظمی",
    "یزدانی",
    "فرهادی",
];
const VI_FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const VI_MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Minh", "Thu", "Quang"];
const VI_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dung", "Hà", "Hải", "Lan", "Long", "Nam", "Trang",
];

pub fn unit_name(rng: &mut Rng, country: Country, product: &Product, city: &City) -> UnitNames {
    match country {
        Country::Ir => {
            let (form_fa, form_en) = rng.pick(FA_FORMS);
            let (brand_fa, brand_en) = rng.pick(FA_BRANDS);
            UnitNames {
                fa: format!("{form_fa} {} {brand_fa} {}", product.name_fa, city.name_fa),
                en: format!("{brand_en} {} {} {form_en}", city.name_en, product.name_en),
                vi: String::new(),
            }
        }
        Country::Vn => {
            let (form_vi, form_en) = rng.pick(VI_FORMS);
            let (brand_vi, brand_en) = rng.pick(VI_BRANDS);
            UnitNames {
                fa: String::new(),
                en: format!("{brand_en} {} {form_en}", product.name_en),
                vi: format!("{form_vi} {} {brand_vi}", product.name_vi),
            }
        }
    }
}

/// A QC manager with a valid personal code (Iran) or a 12-digit citizen ID (Vietnam).
pub fn qc_manager(rng: &mut Rng, country: Country, seq: u64) -> (String, String) {
    match country {
        Country::Ir => {
            let name = format!("{} {}", rng.pick(FA_GIVEN), rng.pick(FA_FAMILY));
            let code = (0..)
                .find_map(|k| {
                    tashil_text::ids::IranPersonalCode::from_prefix(
                        2_000_000 + (seq * 37 + k) % 900_000_000,
                    )
                })
                .map(|c| c.as_str().to_string())
                .unwrap_or_default();
            (name, code)
        }
        Country::Vn => {
            let name = format!(
                "{} {} {}",
                rng.pick(VI_FAMILY),
                rng.pick(VI_MIDDLE),
                rng.pick(VI_GIVEN)
            );
            (name, format!("036{:09}", 100_000 + seq))
        }
    }
}
