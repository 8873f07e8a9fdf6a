//! Vietnamese word lists (Vietnam).

use super::Pair;

/// Vietnamese company-name patterns with their English counterparts.
pub static VI_COMPANY_PATTERNS: &[Pair] = &[
    (
        "Công ty TNHH {sector} {brand}",
        "{brand} {sector} Co., Ltd.",
    ),
    (
        "Công ty Cổ phần {sector} {brand}",
        "{brand} {sector} Joint Stock Company",
    ),
    (
        "Công ty TNHH MTV {sector} {brand} {city}",
        "{brand} {city} {sector} One Member Co., Ltd.",
    ),
    (
        "Công ty Cổ phần {sector} {city}",
        "{city} {sector} Joint Stock Company",
    ),
    (
        "Hợp tác xã {sector} {brand}",
        "{brand} {sector} Cooperative",
    ),
    (
        "Doanh nghiệp tư nhân {sector} {brand}",
        "{brand} {sector} Private Enterprise",
    ),
    (
        "Cơ sở sản xuất {sector} {brand}",
        "{brand} {sector} Production Facility",
    ),
];

/// Vietnamese brand words used in company names.
pub static VI_BRANDS: &[Pair] = &[
    ("Phú Thịnh", "Phu Thinh"),
    ("An Phát", "An Phat"),
    ("Hưng Thịnh", "Hung Thinh"),
    ("Tân Phát", "Tan Phat"),
    ("Đại Nam", "Dai Nam"),
    ("Hoàng Gia", "Hoang Gia"),
    ("Sao Mai", "Sao Mai"),
    ("Bình An", "Binh An"),
    ("Phúc Lộc", "Phuc Loc"),
    ("Trường Sơn", "Truong Son"),
    ("Hồng Hà", "Hong Ha"),
    ("Nam Việt", "Nam Viet"),
    ("Kim Ngân", "Kim Ngan"),
    ("Thịnh Vượng", "Thinh Vuong"),
    ("Ánh Dương", "Anh Duong"),
    ("Quang Minh", "Quang Minh"),
    ("Đông Á", "Dong A"),
    ("Thành Đạt", "Thanh Dat"),
    ("Vạn Xuân", "Van Xuan"),
    ("Tiến Phong", "Tien Phong"),
];

/// Generic Vietnamese sector words, for divisions without their own list.
pub(super) static VI_GENERIC: &[Pair] =
    &[("Sản xuất", "Manufacturing"), ("Công nghiệp", "Industrial")];

/// Vietnamese sector words for an ISIC division.
pub fn vi_sector_words(division: &str) -> &'static [Pair] {
    match division.trim() {
        "10" => &[
            ("Thực phẩm", "Food"),
            ("Chế biến Thủy sản", "Seafood Processing"),
            ("Nước mắm", "Fish Sauce"),
            ("Sữa", "Dairy"),
            ("Bánh kẹo", "Confectionery"),
            ("Lương thực", "Food Grain"),
            ("Nông sản", "Agricultural Products"),
        ],
        "11" => &[("Đồ uống", "Beverage"), ("Nước giải khát", "Soft Drinks")],
        "13" => &[
            ("Dệt", "Textile"),
            ("Sợi", "Yarn"),
            ("Dệt may", "Textile & Garment"),
        ],
        "14" => &[("May mặc", "Garment"), ("May", "Garment")],
        "15" => &[("Giày da", "Footwear & Leather"), ("Giày dép", "Footwear")],
        "16" => &[("Chế biến Gỗ", "Wood Processing"), ("Gỗ", "Timber")],
        "17" => &[("Giấy", "Paper"), ("Bao bì", "Packaging")],
        "20" => &[
            ("Hóa chất", "Chemicals"),
            ("Sơn", "Paint"),
            ("Mỹ phẩm", "Cosmetics"),
            ("Bột giặt", "Detergent"),
            ("Phân bón", "Fertilizer"),
        ],
        "21" => &[("Dược phẩm", "Pharmaceutical")],
        "22" => &[("Nhựa", "Plastics"), ("Cao su", "Rubber")],
        "23" => &[
            ("Xi măng", "Cement"),
            ("Gạch men", "Ceramic Tiles"),
            ("Gốm sứ", "Ceramics"),
            ("Vật liệu Xây dựng", "Building Materials"),
            ("Kính", "Glass"),
        ],
        "24" => &[
            ("Thép", "Steel"),
            ("Luyện kim", "Metallurgy"),
            ("Nhôm", "Aluminium"),
        ],
        "25" => &[
            ("Cơ khí", "Mechanical Engineering"),
            ("Kết cấu Thép", "Steel Structure"),
        ],
        "26" => &[("Điện tử", "Electronics")],
        "27" => &[
            ("Dây cáp điện", "Electric Cable"),
            ("Thiết bị Điện", "Electrical Equipment"),
            ("Điện gia dụng", "Home Appliances"),
            ("Chiếu sáng", "Lighting"),
        ],
        "28" => &[("Chế tạo Máy", "Machinery"), ("Điện lạnh", "Refrigeration")],
        "29" => &[("Phụ tùng Ô tô", "Auto Parts"), ("Ô tô", "Automotive")],
        "30" => &[("Xe máy", "Motorcycle"), ("Đóng tàu", "Shipbuilding")],
        "31" => &[("Nội thất", "Furniture"), ("Đồ gỗ", "Woodwork")],
        "32" => &[("Đồ chơi", "Toys"), ("Thiết bị Y tế", "Medical Equipment")],
        _ => VI_GENERIC,
    }
}

/// Vietnamese family names.
pub static VI_FAMILY: &[Pair] = &[
    ("Nguyễn", "Nguyen"),
    ("Trần", "Tran"),
    ("Lê", "Le"),
    ("Phạm", "Pham"),
    ("Hoàng", "Hoang"),
    ("Huỳnh", "Huynh"),
    ("Phan", "Phan"),
    ("Vũ", "Vu"),
    ("Võ", "Vo"),
    ("Đặng", "Dang"),
    ("Bùi", "Bui"),
    ("Đỗ", "Do"),
    ("Hồ", "Ho"),
    ("Ngô", "Ngo"),
    ("Dương", "Duong"),
    ("Lý", "Ly"),
];

/// Vietnamese middle names for men.
pub static VI_MIDDLE_MALE: &[Pair] = &[
    ("Văn", "Van"),
    ("Hữu", "Huu"),
    ("Đức", "Duc"),
    ("Minh", "Minh"),
    ("Quốc", "Quoc"),
    ("Xuân", "Xuan"),
    ("Thanh", "Thanh"),
];

/// Vietnamese middle names for women.
pub static VI_MIDDLE_FEMALE: &[Pair] = &[
    ("Thị", "Thi"),
    ("Ngọc", "Ngoc"),
    ("Thu", "Thu"),
    ("Minh", "Minh"),
    ("Thanh", "Thanh"),
    ("Kim", "Kim"),
];

/// Vietnamese given names for men.
pub static VI_GIVEN_MALE: &[Pair] = &[
    ("Hùng", "Hung"),
    ("Dũng", "Dung"),
    ("Tuấn", "Tuan"),
    ("Nam", "Nam"),
    ("Hải", "Hai"),
    ("Long", "Long"),
    ("Phong", "Phong"),
    ("Quang", "Quang"),
    ("Sơn", "Son"),
    ("Thắng", "Thang"),
    ("Cường", "Cuong"),
    ("Hiếu", "Hieu"),
];

/// Vietnamese given names for women.
pub static VI_GIVEN_FEMALE: &[Pair] = &[
    ("Hoa", "Hoa"),
    ("Lan", "Lan"),
    ("Hương", "Huong"),
    ("Mai", "Mai"),
    ("Linh", "Linh"),
    ("Trang", "Trang"),
    ("Hà", "Ha"),
    ("Thảo", "Thao"),
    ("Yến", "Yen"),
    ("Nhung", "Nhung"),
    ("Phương", "Phuong"),
];
