//! Persian word lists (Iran).

use super::Pair;

/// Persian company-name patterns with their English counterparts.
pub static FA_COMPANY_PATTERNS: &[Pair] = &[
    ("شرکت {sector} {brand}", "{brand} {sector} Co."),
    ("کارخانه {sector} {brand}", "{brand} {sector} Factory"),
    (
        "شرکت {sector} {brand} {city}",
        "{brand} {city} {sector} Co.",
    ),
    ("تولیدی {sector} {brand}", "{brand} {sector} Manufacturing"),
    (
        "مجتمع {sector} {brand} {city}",
        "{brand} {city} {sector} Complex",
    ),
    (
        "شرکت تعاونی {sector} {brand}",
        "{brand} {sector} Cooperative",
    ),
    (
        "گروه صنعتی {brand} {city}",
        "{brand} {city} Industrial Group",
    ),
];

/// Persian brand and family-style words used in company names.
pub static FA_BRANDS: &[Pair] = &[
    ("آریا", "Arya"),
    ("سپهر", "Sepehr"),
    ("البرز", "Alborz"),
    ("پارس", "Pars"),
    ("کوثر", "Kowsar"),
    ("نوین", "Novin"),
    ("زاگرس", "Zagros"),
    ("دماوند", "Damavand"),
    ("آفتاب", "Aftab"),
    ("ستاره", "Setareh"),
    ("پیشگامان", "Pishgaman"),
    ("مهر", "Mehr"),
    ("سبلان", "Sabalan"),
    ("تابان", "Taban"),
    ("آرمان", "Arman"),
    ("بهار", "Bahar"),
    ("کیان", "Kian"),
    ("پویا", "Pouya"),
    ("سحر", "Sahar"),
    ("نیکان", "Nikan"),
    ("رستاک", "Rastak"),
    ("آتیه", "Atiyeh"),
    ("ایده‌آل", "Ideal"),
    ("مروارید", "Morvarid"),
];

/// Generic Persian sector words, for divisions without their own list.
pub(super) static FA_GENERIC: &[Pair] = &[("صنایع", "Industries"), ("تولیدی", "Production")];

/// Persian sector words for an ISIC division.
pub fn fa_sector_words(division: &str) -> &'static [Pair] {
    match division.trim() {
        "10" => &[
            ("صنایع غذایی", "Food Industries"),
            ("لبنیات", "Dairy"),
            ("روغن نباتی", "Vegetable Oil"),
            ("آرد", "Flour Mills"),
            ("ماکارونی", "Pasta"),
            ("بیسکویت و شیرینی", "Biscuit & Confectionery"),
            ("کنسرو", "Cannery"),
            ("فرآورده‌های گوشتی", "Meat Products"),
        ],
        "11" => &[
            ("نوشابه‌سازی", "Soft Drinks"),
            ("آب معدنی", "Mineral Water"),
            ("آشامیدنی", "Beverages"),
        ],
        "13" => &[
            ("نساجی", "Textile"),
            ("فرش ماشینی", "Machine Carpet"),
            ("ریسندگی و بافندگی", "Spinning & Weaving"),
        ],
        "14" => &[("پوشاک", "Apparel"), ("پوشاک کودک", "Children's Wear")],
        "15" => &[("کفش", "Footwear"), ("چرم", "Leather")],
        "16" => &[
            ("صنایع چوب", "Wood Industries"),
            ("تخته فشرده", "Wood Panels"),
        ],
        "17" => &[("کاغذ", "Paper"), ("کارتن‌سازی", "Carton")],
        "20" => &[
            ("مواد شوینده", "Detergents"),
            ("رنگ و رزین", "Paint & Resin"),
            ("بهداشتی و آرایشی", "Hygiene & Cosmetics"),
            ("پتروشیمی", "Petrochemical"),
        ],
        "21" => &[("داروسازی", "Pharmaceutical")],
        "22" => &[
            ("لاستیک‌سازی", "Tyre"),
            ("پلاستیک", "Plastics"),
            ("لوله و اتصالات", "Pipe & Fittings"),
        ],
        "23" => &[
            ("سیمان", "Cement"),
            ("کاشی و سرامیک", "Tile & Ceramic"),
            ("شیشه", "Glass"),
            ("چینی", "Porcelain"),
            ("مصالح ساختمانی", "Building Materials"),
        ],
        "24" => &[
            ("فولاد", "Steel"),
            ("نورد", "Rolling Mill"),
            ("آلومینیوم", "Aluminium"),
        ],
        "25" => &[
            ("صنایع فلزی", "Metal Industries"),
            ("مخازن تحت فشار", "Pressure Vessels"),
            ("ظروف فلزی", "Metalware"),
        ],
        "26" => &[("الکترونیک", "Electronics")],
        "27" => &[
            ("سیم و کابل", "Wire & Cable"),
            ("لوازم خانگی", "Home Appliances"),
            ("ترانسفورماتور", "Transformer"),
            ("روشنایی", "Lighting"),
            ("آبگرمکن", "Water Heater"),
            ("باتری", "Battery"),
        ],
        "28" => &[
            ("ماشین‌سازی", "Machinery"),
            ("تهویه مطبوع", "Air Conditioning"),
        ],
        "29" => &[("قطعه‌سازی", "Auto Parts"), ("خودروسازی", "Automotive")],
        "30" => &[("موتورسیکلت", "Motorcycle")],
        "31" => &[("مبلمان", "Furniture")],
        "32" => &[
            ("اسباب‌بازی", "Toys"),
            ("تجهیزات پزشکی", "Medical Equipment"),
        ],
        _ => FA_GENERIC,
    }
}

/// Persian male given names.
pub static FA_GIVEN_MALE: &[Pair] = &[
    ("علی", "Ali"),
    ("محمد", "Mohammad"),
    ("حسین", "Hossein"),
    ("رضا", "Reza"),
    ("مهدی", "Mahdi"),
    ("امیر", "Amir"),
    ("مجید", "Majid"),
    ("سعید", "Saeed"),
    ("حمید", "Hamid"),
    ("مهران", "Mehran"),
    ("فرهاد", "Farhad"),
    ("بهروز", "Behrouz"),
    ("کامران", "Kamran"),
    ("یوسف", "Yousef"),
    ("جواد", "Javad"),
    ("مسعود", "Masoud"),
];

/// Persian female given names.
pub static FA_GIVEN_FEMALE: &[Pair] = &[
    ("فاطمه", "Fatemeh"),
    ("زهرا", "Zahra"),
    ("مریم", "Maryam"),
    ("سارا", "Sara"),
    ("نرگس", "Narges"),
    ("لیلا", "Leila"),
    ("الهام", "Elham"),
    ("سمیرا", "Samira"),
    ("شیما", "Shima"),
    ("مینا", "Mina"),
    ("نسرین", "Nasrin"),
    ("پریسا", "Parisa"),
    ("آزاده", "Azadeh"),
    ("مهسا", "Mahsa"),
];

/// Persian family names.
pub static FA_FAMILY: &[Pair] = &[
    ("احمدی", "Ahmadi"),
    ("محمدی", "Mohammadi"),
    ("حسینی", "Hosseini"),
    ("رضایی", "Rezaei"),
    ("کریمی", "Karimi"),
    ("موسوی", "Mousavi"),
    ("جعفری", "Jafari"),
    ("رحیمی", "Rahimi"),
    ("قاسمی", "Ghasemi"),
    ("صادقی", "Sadeghi"),
    ("نوری", "Nouri"),
    ("کاظمی", "Kazemi"),
    ("شریفی", "Sharifi"),
    ("طاهری", "Taheri"),
    ("یزدانی", "Yazdani"),
    ("تبریزی", "Tabrizi"),
    ("قزوینی", "Ghazvini"),
    ("عباسی", "Abbasi"),
    ("اکبری", "Akbari"),
    ("ملکی", "Maleki"),
    ("نجفی", "Najafi"),
    ("سلطانی", "Soltani"),
    ("بهرامی", "Bahrami"),
    ("زارعی", "Zarei"),
    ("هاشمی", "Hashemi"),
    ("کرمانی", "Kermani"),
];
