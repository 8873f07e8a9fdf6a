//! Demo products typical of Iranian and Vietnamese manufacturing, of the kinds that fall
//! under mandatory standards (Iran) or technical regulations (Vietnam, QCVN).
//!
//! Each product has a six-digit HS 2022 subheading (every code checked against the HS
//! 2022 nomenclature as published by UN Comtrade) and the ISIC Rev.4 class of the
//! activity that makes it. Judgement calls: fish sauce is under 1020 (fish processing),
//! as VSIC places it, rather than 1079; T-shirts and baby garments cut and sewn from
//! knitted fabric are under 1410, not 1430 (knitted directly to shape).
//!
//! `mandatory_in_ir` is plausible demo data in the spirit of Iran's list of products
//! under mandatory national standards (cement, rebar, tiles, detergents, dairy, tyres,
//! gas appliances, cables, auto parts …); it is not a copy of the official list.

use crate::country::Country;
use crate::lang::pick;

/// A demo product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Product {
    /// Stable ASCII key (`"portland-cement"`).
    pub code: &'static str,
    pub name_fa: &'static str,
    pub name_en: &'static str,
    pub name_vi: &'static str,
    /// HS 2022 subheading, six digits without dots (`"252329"`).
    pub hs: &'static str,
    /// ISIC Rev.4 class of the activity that makes it (`"2394"`).
    pub isic: &'static str,
    /// Whether a mandatory national standard plausibly applies in Iran.
    pub mandatory_in_ir: bool,
    /// Where such a product is typically made: Iran, Vietnam or both.
    pub typical_in: &'static [Country],
}

impl Product {
    /// Name in `lang_code` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang_code: &str) -> &'static str {
        pick(lang_code, self.name_fa, self.name_en, self.name_vi)
    }

    /// The HS code written with a dot, as on customs documents (`"2523.29"`).
    pub fn hs_dotted(&self) -> String {
        format!("{}.{}", &self.hs[..4], &self.hs[4..])
    }

    /// The four-digit HS heading (`"2523"`).
    pub fn hs_heading(&self) -> &'static str {
        &self.hs[..4]
    }

    /// The ISIC division of the activity that makes it (`"23"`).
    pub fn isic_division(&self) -> &'static str {
        &self.isic[..2]
    }

    /// Whether it is typically made in `country`.
    pub fn typical_of(&self, country: Country) -> bool {
        self.typical_in.contains(&country)
    }
}

const IR: &[Country] = &[Country::Ir];
const VN: &[Country] = &[Country::Vn];
const BOTH: &[Country] = &[Country::Ir, Country::Vn];

#[allow(clippy::too_many_arguments)]
const fn p(
    code: &'static str,
    hs: &'static str,
    isic: &'static str,
    mandatory_in_ir: bool,
    typical_in: &'static [Country],
    name_en: &'static str,
    name_fa: &'static str,
    name_vi: &'static str,
) -> Product {
    Product {
        code,
        name_fa,
        name_en,
        name_vi,
        hs,
        isic,
        mandatory_in_ir,
        typical_in,
    }
}

/// All demo products, grouped by ISIC class.
#[rustfmt::skip]
pub static PRODUCTS: &[Product] = &[
    // code, HS 2022, ISIC, mandatory in Iran, typical in, en, fa, vi
    p("frozen-chicken-cuts", "020714", "1010", true, BOTH, "Frozen chicken cuts", "قطعات منجمد مرغ", "Thịt gà cắt miếng đông lạnh"),
    p("sausages", "160100", "1010", true, BOTH, "Sausages", "سوسیس", "Xúc xích"),
    p("canned-tuna", "160414", "1020", true, IR, "Canned tuna", "کنسرو ماهی تن", "Cá ngừ đóng hộp"),
    p("frozen-shrimp", "030617", "1020", false, VN, "Frozen shrimp", "میگوی منجمد", "Tôm đông lạnh"),
    p("frozen-pangasius-fillets", "030462", "1020", false, VN, "Frozen pangasius fillets", "فیله منجمد ماهی پنگاسیوس", "Cá tra phi lê đông lạnh"),
    p("fish-sauce", "210390", "1020", false, VN, "Fish sauce", "سس ماهی", "Nước mắm"),
    p("tomato-paste", "200290", "1030", true, IR, "Tomato paste", "رب گوجه‌فرنگی", "Tương cà chua cô đặc"),
    p("orange-juice", "200912", "1030", true, BOTH, "Orange juice", "آب پرتقال", "Nước cam ép"),
    p("roasted-pistachios", "200819", "1030", false, IR, "Roasted salted pistachios", "پسته بوداده و نمکی", "Hạt dẻ cười rang muối"),
    p("cashew-kernels", "080132", "1030", false, VN, "Shelled cashew kernels", "مغز بادام هندی", "Nhân hạt điều"),
    p("refined-soybean-oil", "150790", "1040", true, IR, "Refined soybean cooking oil", "روغن مایع سویا تصفیه‌شده", "Dầu đậu nành tinh luyện"),
    p("hydrogenated-fat", "151620", "1040", true, IR, "Hydrogenated vegetable fat", "روغن نباتی جامد", "Mỡ thực vật hydro hóa"),
    p("extra-virgin-olive-oil", "150920", "1040", true, IR, "Extra virgin olive oil", "روغن زیتون فرابکر", "Dầu ô liu nguyên chất"),
    p("pasteurised-milk", "040120", "1050", true, BOTH, "Pasteurised milk", "شیر پاستوریزه", "Sữa tươi thanh trùng"),
    p("yoghurt", "040320", "1050", true, BOTH, "Yoghurt", "ماست", "Sữa chua"),
    p("doogh", "040390", "1050", true, IR, "Doogh (yoghurt drink)", "دوغ", "Đồ uống sữa chua lên men"),
    p("white-cheese", "040690", "1050", true, IR, "White brined cheese", "پنیر سفید", "Phô mai trắng ngâm muối"),
    p("ice-cream", "210500", "1050", true, BOTH, "Ice cream", "بستنی", "Kem"),
    p("wheat-flour", "110100", "1061", true, IR, "Wheat flour", "آرد گندم", "Bột mì"),
    p("milled-rice", "100630", "1061", false, VN, "Milled white rice", "برنج سفید", "Gạo trắng xay xát"),
    p("sweet-biscuits", "190531", "1071", true, BOTH, "Sweet biscuits", "بیسکویت شیرین", "Bánh quy ngọt"),
    p("white-sugar", "170199", "1072", true, IR, "Refined white sugar", "شکر سفید", "Đường trắng tinh luyện"),
    p("chocolate-bars", "180632", "1073", true, IR, "Chocolate bars", "شکلات تخته‌ای", "Sô-cô-la thanh"),
    p("pasta", "190219", "1074", true, IR, "Pasta (macaroni)", "ماکارونی", "Mì ống"),
    p("instant-noodles", "190230", "1074", false, VN, "Instant noodles", "رشته فوری", "Mì ăn liền"),
    p("infant-formula", "190110", "1079", true, BOTH, "Infant formula", "شیر خشک نوزاد", "Sữa công thức cho trẻ sơ sinh"),
    p("black-tea", "090230", "1079", true, IR, "Packaged black tea", "چای سیاه بسته‌بندی", "Chè đen đóng gói"),
    p("green-tea", "090210", "1079", false, VN, "Packaged green tea", "چای سبز بسته‌بندی", "Chè xanh đóng gói"),
    p("instant-coffee", "210111", "1079", false, VN, "Instant coffee", "قهوه فوری", "Cà phê hòa tan"),
    p("saffron", "091020", "1079", true, IR, "Packaged saffron", "زعفران بسته‌بندی", "Nghệ tây (saffron) đóng gói"),
    p("non-alcoholic-malt-beverage", "220291", "1103", true, IR, "Non-alcoholic malt beverage", "ماءالشعیر", "Bia không cồn"),
    p("beer", "220300", "1103", false, VN, "Beer", "آبجو", "Bia"),
    p("bottled-water", "220110", "1104", true, BOTH, "Bottled mineral water", "آب معدنی بطری", "Nước khoáng đóng chai"),
    p("carbonated-soft-drink", "220210", "1104", true, BOTH, "Carbonated soft drink", "نوشابه گازدار", "Nước ngọt có ga"),
    p("cotton-yarn", "520512", "1311", false, BOTH, "Cotton yarn", "نخ پنبه‌ای", "Sợi bông"),
    p("polyester-woven-fabric", "540752", "1312", false, BOTH, "Dyed polyester woven fabric", "پارچه پلی‌استر رنگرزی‌شده", "Vải dệt thoi polyester nhuộm"),
    p("machine-made-carpet", "570242", "1393", true, IR, "Machine-made carpet", "فرش ماشینی", "Thảm dệt máy"),
    p("hand-knotted-carpet", "570110", "1393", false, IR, "Hand-knotted wool carpet", "فرش دستباف پشمی", "Thảm len dệt tay"),
    p("mens-cotton-shirts", "620520", "1410", false, VN, "Men's cotton shirts", "پیراهن مردانه نخی", "Áo sơ mi nam cotton"),
    p("cotton-t-shirts", "610910", "1410", false, VN, "Cotton T-shirts", "تی‌شرت نخی", "Áo phông cotton"),
    p("baby-garments", "611120", "1410", true, BOTH, "Babies' cotton garments", "لباس نوزاد نخی", "Quần áo trẻ sơ sinh cotton"),
    p("leather-shoes", "640399", "1520", false, IR, "Leather shoes", "کفش چرمی", "Giày da"),
    p("sports-shoes", "640411", "1520", false, VN, "Sports shoes", "کفش ورزشی", "Giày thể thao"),
    p("plastic-sandals", "640299", "1520", false, BOTH, "Plastic sandals", "دمپایی پلاستیکی", "Dép nhựa"),
    p("mdf-board", "441114", "1621", true, IR, "MDF board", "تخته MDF", "Ván MDF"),
    p("corrugated-boxes", "481910", "1702", false, BOTH, "Corrugated cardboard boxes", "کارتن موج‌دار", "Thùng carton sóng"),
    p("toilet-paper", "481810", "1709", true, BOTH, "Toilet paper", "دستمال توالت", "Giấy vệ sinh"),
    p("emulsion-paint", "320910", "2022", true, BOTH, "Water-based emulsion paint", "رنگ پلاستیک ساختمانی", "Sơn nước gốc acrylic"),
    p("laundry-powder", "340250", "2023", true, BOTH, "Laundry detergent powder", "پودر لباسشویی", "Bột giặt"),
    p("toilet-soap", "340111", "2023", true, BOTH, "Toilet soap", "صابون", "Xà phòng thơm"),
    p("liquid-hand-wash", "340130", "2023", true, IR, "Liquid hand wash", "مایع دستشویی", "Nước rửa tay"),
    p("shampoo", "330510", "2023", true, BOTH, "Shampoo", "شامپو", "Dầu gội đầu"),
    p("toothpaste", "330610", "2023", true, BOTH, "Toothpaste", "خمیردندان", "Kem đánh răng"),
    p("passenger-car-tyres", "401110", "2211", true, IR, "Passenger car tyres", "تایر سواری", "Lốp xe du lịch"),
    p("motorcycle-tyres", "401140", "2211", true, VN, "Motorcycle tyres", "تایر موتورسیکلت", "Lốp xe máy"),
    p("pvc-pipes", "391723", "2220", true, BOTH, "Rigid PVC pipes", "لوله پی‌وی‌سی", "Ống nhựa PVC cứng"),
    p("polyethylene-pipes", "391721", "2220", true, BOTH, "Polyethylene pipes", "لوله پلی‌اتیلن", "Ống nhựa HDPE"),
    p("float-glass", "700529", "2310", true, IR, "Float glass", "شیشه فلوت", "Kính nổi"),
    p("laminated-windscreens", "700721", "2310", true, IR, "Laminated vehicle windscreens", "شیشه ایمنی لمینیت خودرو", "Kính an toàn nhiều lớp cho ô tô"),
    p("porcelain-floor-tiles", "690721", "2392", true, BOTH, "Porcelain floor tiles", "کاشی کف پرسلانی", "Gạch lát nền porcelain"),
    p("ceramic-wall-tiles", "690723", "2392", true, BOTH, "Ceramic wall tiles", "کاشی دیواری سرامیکی", "Gạch ốp tường ceramic"),
    p("clay-bricks", "690410", "2392", true, BOTH, "Clay building bricks", "آجر رسی", "Gạch đất sét nung"),
    p("sanitary-ware", "691010", "2393", true, BOTH, "Porcelain sanitary ware", "چینی بهداشتی", "Sứ vệ sinh"),
    p("porcelain-tableware", "691110", "2393", true, BOTH, "Porcelain tableware", "ظروف چینی", "Bát đĩa sứ"),
    p("portland-cement", "252329", "2394", true, BOTH, "Portland cement", "سیمان پرتلند", "Xi măng poóc lăng"),
    p("gypsum-board", "680911", "2395", true, BOTH, "Gypsum plasterboard", "صفحه روکش‌دار گچی", "Tấm thạch cao"),
    p("steel-rebar", "721420", "2410", true, BOTH, "Ribbed steel reinforcing bar", "میلگرد آجدار", "Thép thanh vằn"),
    p("galvanised-steel-sheet", "721049", "2410", true, BOTH, "Galvanised steel sheet", "ورق فولادی گالوانیزه", "Tôn mạ kẽm"),
    p("welded-steel-pipes", "730630", "2410", true, BOTH, "Welded steel pipes", "لوله فولادی جوشی", "Ống thép hàn"),
    p("aluminium-profiles", "760421", "2420", true, IR, "Aluminium hollow profiles", "پروفیل آلومینیوم", "Thanh nhôm định hình"),
    p("steel-panel-radiators", "732219", "2512", true, IR, "Steel panel radiators", "رادیاتور پنلی فولادی", "Bộ tản nhiệt sưởi bằng thép"),
    p("lpg-cylinders", "731100", "2512", true, BOTH, "LPG cylinders", "سیلندر گاز مایع", "Bình gas LPG"),
    p("stainless-cookware", "732393", "2599", true, BOTH, "Stainless steel cookware", "ظروف آشپزخانه فولاد زنگ‌نزن", "Nồi chảo inox"),
    p("distribution-transformers", "850421", "2710", true, IR, "Oil-immersed distribution transformers", "ترانسفورماتور توزیع روغنی", "Máy biến áp phân phối ngâm dầu"),
    p("car-batteries", "850710", "2720", true, BOTH, "Lead-acid car batteries", "باتری سرب-اسیدی خودرو", "Ắc quy chì axit ô tô"),
    p("building-wire", "854449", "2732", true, BOTH, "PVC-insulated building wire", "سیم ساختمانی با عایق پی‌وی‌سی", "Dây điện dân dụng bọc PVC"),
    p("winding-wire", "854411", "2732", true, IR, "Enamelled copper winding wire", "سیم لاکی مسی", "Dây đồng emay"),
    p("led-lamps", "853952", "2740", true, BOTH, "LED lamps", "لامپ ال‌ای‌دی", "Bóng đèn LED"),
    p("refrigerators", "841810", "2750", true, IR, "Household refrigerator-freezers", "یخچال‌فریزر خانگی", "Tủ lạnh gia dụng"),
    p("washing-machines", "845011", "2750", true, IR, "Household washing machines", "ماشین لباسشویی خانگی", "Máy giặt gia dụng"),
    p("gas-water-heaters", "841919", "2750", true, IR, "Gas storage water heaters", "آبگرمکن گازی مخزنی", "Bình nước nóng dùng gas"),
    p("gas-cookers", "732111", "2750", true, IR, "Gas cookers", "اجاق گاز", "Bếp gas"),
    p("gas-space-heaters", "732181", "2750", true, IR, "Gas space heaters", "بخاری گازی", "Lò sưởi dùng gas"),
    p("rice-cookers", "851660", "2750", false, VN, "Electric rice cookers", "پلوپز برقی", "Nồi cơm điện"),
    p("split-air-conditioners", "841510", "2819", true, BOTH, "Split air conditioners", "کولر گازی اسپلیت", "Máy điều hòa không khí hai cục"),
    p("passenger-cars", "870322", "2910", true, IR, "Passenger cars (1.0–1.5 l)", "خودروی سواری", "Ô tô con"),
    p("brake-pads", "870830", "2930", true, BOTH, "Brake pads and brake parts", "لنت ترمز", "Má phanh"),
    p("shock-absorbers", "870880", "2930", true, IR, "Shock absorbers", "کمک‌فنر", "Giảm xóc"),
    p("motorcycles", "871120", "3091", true, BOTH, "Motorcycles (50–250 cc)", "موتورسیکلت", "Xe máy"),
    p("wooden-furniture", "940360", "3100", false, VN, "Wooden living-room furniture", "مبلمان چوبی", "Đồ gỗ nội thất phòng khách"),
    p("plastic-toys", "950300", "3240", true, BOTH, "Toys", "اسباب‌بازی", "Đồ chơi trẻ em"),
];

/// The product with this code (`"portland-cement"`).
pub fn product(code: &str) -> Option<&'static Product> {
    let code = code.trim();
    PRODUCTS.iter().find(|p| p.code.eq_ignore_ascii_case(code))
}

/// Products made by the activity of ISIC class `isic` (`"2394"`).
pub fn products_of_class(isic: &str) -> impl Iterator<Item = &'static Product> + use<'_> {
    let isic = isic.trim();
    PRODUCTS.iter().filter(move |p| p.isic == isic)
}

/// Products made by an activity of ISIC division `division` (`"23"`).
pub fn products_of_division(division: &str) -> impl Iterator<Item = &'static Product> + use<'_> {
    let division = division.trim();
    PRODUCTS
        .iter()
        .filter(move |p| p.isic_division() == division)
}

/// Products typically made in `country`.
pub fn products_typical_in(country: Country) -> impl Iterator<Item = &'static Product> {
    PRODUCTS.iter().filter(move |p| p.typical_of(country))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::isic;
    use std::collections::HashSet;

    #[test]
    fn about_eighty_to_a_hundred_products() {
        assert!((80..=100).contains(&PRODUCTS.len()), "{}", PRODUCTS.len());
        assert!(products_typical_in(Country::Ir).count() >= 50);
        assert!(products_typical_in(Country::Vn).count() >= 50);
        let mandatory = PRODUCTS.iter().filter(|p| p.mandatory_in_ir).count();
        assert!(mandatory > PRODUCTS.len() / 2 && mandatory < PRODUCTS.len());
    }

    #[test]
    fn codes_unique_and_well_formed() {
        let codes: HashSet<_> = PRODUCTS.iter().map(|p| p.code).collect();
        assert_eq!(codes.len(), PRODUCTS.len());
        let names: HashSet<_> = PRODUCTS.iter().map(|p| p.name_en).collect();
        assert_eq!(names.len(), PRODUCTS.len());
        for p in PRODUCTS {
            assert!(
                p.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert_eq!(p.hs.len(), 6, "{}", p.code);
            assert!(p.hs.bytes().all(|b| b.is_ascii_digit()), "{}", p.code);
            assert!(!p.typical_in.is_empty(), "{}", p.code);
        }
    }

    #[test]
    fn isic_classes_exist_and_are_manufacturing() {
        for p in PRODUCTS {
            let class = isic::class(p.isic).unwrap_or_else(|| panic!("{}: {}", p.code, p.isic));
            assert_eq!(class.section().letter, 'C', "{}", p.code);
        }
        for w in PRODUCTS.windows(2) {
            assert!(
                w[0].isic <= w[1].isic,
                "products not grouped by class at {}",
                w[1].code
            );
        }
    }

    #[test]
    fn lookups() {
        let cement = product("portland-cement").unwrap();
        assert_eq!(cement.hs_dotted(), "2523.29");
        assert_eq!(cement.hs_heading(), "2523");
        assert!(cement.mandatory_in_ir);
        assert_eq!(cement.name("vi"), "Xi măng poóc lăng");
        assert!(products_of_class("2394").any(|p| p.code == "portland-cement"));
        assert!(products_of_division("10").count() >= 15);
        assert_eq!(product("fish-sauce").unwrap().name("vi"), "Nước mắm");
    }
}
