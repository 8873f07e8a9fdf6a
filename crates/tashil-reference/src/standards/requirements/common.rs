//! Requirement sets shared across product families: safety sets per product class and
//! the conditions laid down by method, sampling, labelling and practice standards.

use super::{Req, band, cat, hi, lo};

/// Safety of household electrical appliances, after IEC 60335-1.
#[rustfmt::skip]
pub(crate) static ELECTRICAL_SAFETY: &[Req] = &[
    cat("Protection against access to live parts", "حفاظت در برابر دسترسی به قسمت‌های برق‌دار", "Bảo vệ chống chạm vào bộ phận mang điện", "IEC 60335-1", &["no contact with test probe B"]),
    hi("Leakage current at operating temperature (class I, stationary)", "جریان نشتی در دمای کار (رده I، ثابت)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, đặt tĩnh tại)", "IEC 60335-1", "4K", 3.5),
    cat("Electric strength, basic insulation (1250 V, 1 min)", "استقامت الکتریکی، عایق پایه (۱۲۵۰ ولت، ۱ دقیقه)", "Độ bền điện, cách điện chính (1250 V, 1 min)", "IEC 60335-1", &["no breakdown"]),
    hi("Earthing resistance", "مقاومت اتصال زمین", "Điện trở nối đất", "IEC 60335-1", "OHM", 0.1),
    hi("Temperature rise of PVC supply cord insulation", "افزایش دمای عایق پی‌وی‌سی سیم تغذیه", "Độ tăng nhiệt của cách điện PVC dây nguồn", "IEC 60335-1", "KEL", 50.0),
    cat("Abnormal operation", "کارکرد غیرعادی", "Hoạt động không bình thường", "IEC 60335-1", &["no fire, no molten metal"]),
];

/// Safety of gas-burning appliances.
#[rustfmt::skip]
pub(crate) static GAS_SAFETY: &[Req] = &[
    hi("External gas leak rate", "نرخ نشت بیرونی گاز", "Tốc độ rò rỉ khí ra ngoài", "", "E32", 0.06),
    hi("Flame supervision device closing time", "زمان بسته‌شدن ابزار نظارت بر شعله", "Thời gian đóng của thiết bị giám sát ngọn lửa", "", "SEC", 60.0),
    hi("CO in dry, air-free combustion products", "CO در محصولات احتراق خشک و بدون هوا", "CO trong sản phẩm cháy khô, không có không khí", "", "P1", 0.1),
    hi("Temperature rise of control knobs (metal)", "افزایش دمای دستگیره‌های کنترل (فلزی)", "Độ tăng nhiệt độ của núm điều khiển (kim loại)", "", "KEL", 35.0),
    cat("Flame stability (no lifting, no light-back)", "پایداری شعله (بدون جداشدن و پس‌زدن)", "Độ ổn định ngọn lửa (không tách lửa, không cháy ngược)", "", &["stable"]),
];

/// Harmful substances in textiles.
#[rustfmt::skip]
pub(crate) static TEXTILE_SAFETY: &[Req] = &[
    hi("Formaldehyde (free and hydrolysed)", "فرمالدهید (آزاد و هیدرولیزشده)", "Formaldehyt (tự do và thủy phân)", "ISO 14184-1", "NA", 75.0),
    band("pH of aqueous extract", "pH عصاره آبی", "pH của dịch chiết nước", "ISO 3071", "C62", 4.0, 7.5),
    hi("Aromatic amines from azo colourants", "آمین‌های آروماتیک حاصل از رنگ‌های آزو", "Amin thơm từ thuốc nhuộm azo", "ISO 14362-1", "NA", 30.0),
    lo("Colour fastness to perspiration, staining (grade)", "ثبات رنگ در برابر عرق، لکه‌گذاری (درجه)", "Độ bền màu với mồ hôi, dây màu (cấp)", "ISO 105-E04", "C62", 3.0),
];

/// Impurities and microbiological safety of cosmetics and household chemicals.
#[rustfmt::skip]
pub(crate) static CHEMICAL_SAFETY: &[Req] = &[
    hi("Lead", "سرب", "Chì", "", "NA", 10.0),
    hi("Arsenic", "آرسنیک", "Asen", "", "NA", 3.0),
    hi("Mercury", "جیوه", "Thủy ngân", "", "NA", 1.0),
    hi("Total aerobic mesophilic count (cfu/g)", "شمارش کلی میکروارگانیسم‌های هوازی مزوفیل (cfu/g)", "Tổng số vi sinh vật hiếu khí ưa ấm (CFU/g)", "ISO 21149", "C62", 1000.0),
    cat("Skin irritation (in vitro)", "تحریک پوستی (برون‌تنی)", "Kích ứng da (in vitro)", "OECD 439", &["non-irritant"]),
];

/// Contaminants in food.
#[rustfmt::skip]
pub(crate) static FOOD_CONTAMINANTS: &[Req] = &[
    hi("Lead", "سرب", "Chì", "EN 14083", "NA", 0.1),
    hi("Cadmium", "کادمیم", "Cadimi", "EN 14083", "NA", 0.1),
    hi("Mercury", "جیوه", "Thủy ngân", "EN 13806", "NA", 0.05),
    hi("Inorganic arsenic", "آرسنیک معدنی", "Asen vô cơ", "EN 16802", "NA", 0.1),
    hi("Aflatoxin B1", "آفلاتوکسین B1", "Aflatoxin B1", "ISO 16050", "J33", 5.0),
    cat("Pesticide residues", "باقیمانده آفت‌کش‌ها", "Dư lượng thuốc bảo vệ thực vật", "EN 15662", &["within maximum residue limits"]),
];

/// Microbiological criteria for food.
#[rustfmt::skip]
pub(crate) static FOOD_MICRO: &[Req] = &[
    hi("Total aerobic count (cfu/g)", "شمارش کلی میکروارگانیسم‌ها (cfu/g)", "Tổng số vi sinh vật hiếu khí (CFU/g)", "ISO 4833-1", "C62", 100_000.0),
    hi("Escherichia coli (cfu/g)", "اشریشیا کلی (cfu/g)", "Escherichia coli (CFU/g)", "ISO 16649-2", "C62", 10.0),
    hi("Coagulase-positive staphylococci (cfu/g)", "استافیلوکوک‌های کوآگولاز مثبت (cfu/g)", "Staphylococci dương tính coagulase (CFU/g)", "ISO 6888-1", "C62", 100.0),
    hi("Yeasts and moulds (cfu/g)", "کپک و مخمر (cfu/g)", "Nấm men và nấm mốc (CFU/g)", "ISO 21527-1", "C62", 100.0),
    cat("Salmonella", "سالمونلا", "Salmonella", "ISO 6579-1", &["not detected in 25 g"]),
    cat("Listeria monocytogenes", "لیستریا مونوسیتوژنز", "Listeria monocytogenes", "ISO 11290-1", &["not detected in 25 g"]),
];

/// Conditions of a moisture determination (oven method).
#[rustfmt::skip]
pub(crate) static METHOD_MOISTURE: &[Req] = &[
    band("Oven temperature", "دمای آون", "Nhiệt độ tủ sấy", "", "CEL", 101.0, 105.0),
    lo("Drying period", "مدت خشک‌کردن", "Thời gian sấy", "", "HUR", 2.0),
    band("Test portion mass", "جرم آزمونه", "Khối lượng phần mẫu thử", "", "GRM", 2.0, 5.0),
    hi("Difference between successive weighings (constant mass)", "اختلاف توزین‌های متوالی (جرم ثابت)", "Chênh lệch giữa các lần cân liên tiếp (khối lượng không đổi)", "", "MGM", 1.0),
    hi("Repeatability limit (absolute)", "حد تکرارپذیری (مطلق)", "Giới hạn lặp lại (tuyệt đối)", "", "P1", 0.15),
];

/// Conditions of a total ash determination.
#[rustfmt::skip]
pub(crate) static METHOD_ASH: &[Req] = &[
    band("Incineration temperature", "دمای سوزاندن", "Nhiệt độ nung", "", "CEL", 525.0, 575.0),
    lo("Incineration period", "مدت سوزاندن", "Thời gian nung", "", "HUR", 3.0),
    band("Test portion mass", "جرم آزمونه", "Khối lượng phần mẫu thử", "", "GRM", 2.0, 5.0),
    hi("Repeatability limit (absolute)", "حد تکرارپذیری (مطلق)", "Giới hạn lặp lại (tuyệt đối)", "", "P1", 0.02),
];

/// Performance of a lead and cadmium determination.
#[rustfmt::skip]
pub(crate) static METHOD_METALS: &[Req] = &[
    cat("Sample digestion", "هضم نمونه", "Phân hủy mẫu", "EN 13805", &["microwave-assisted acid digestion"]),
    hi("Limit of quantification, lead", "حد کمی‌سازی سرب", "Giới hạn định lượng chì", "EN 15763", "NA", 0.01),
    hi("Limit of quantification, cadmium", "حد کمی‌سازی کادمیم", "Giới hạn định lượng cadimi", "EN 15763", "NA", 0.005),
    band("Recovery", "بازیابی", "Độ thu hồi", "EN 15763", "P1", 80.0, 110.0),
    hi("Repeatability (relative standard deviation)", "تکرارپذیری (انحراف معیار نسبی)", "Độ lặp lại (độ lệch chuẩn tương đối)", "EN 15763", "P1", 10.0),
];

/// Conditions of dimensional measurements.
#[rustfmt::skip]
pub(crate) static METHOD_DIMENSIONS: &[Req] = &[
    lo("Number of test specimens", "تعداد آزمونه‌ها", "Số lượng mẫu thử", "", "C62", 5.0),
    band("Conditioning temperature", "دمای آماده‌سازی", "Nhiệt độ điều hòa mẫu", "", "CEL", 21.0, 25.0),
    lo("Conditioning period", "مدت آماده‌سازی", "Thời gian điều hòa mẫu", "", "HUR", 24.0),
    hi("Resolution of thickness gauge", "تفکیک‌پذیری ضخامت‌سنج", "Độ phân giải của dụng cụ đo chiều dày", "", "MMT", 0.01),
    lo("Measuring points per specimen", "تعداد نقاط اندازه‌گیری در هر آزمونه", "Số điểm đo trên mỗi mẫu thử", "", "C62", 4.0),
];

/// Conditions of mechanical tests.
#[rustfmt::skip]
pub(crate) static METHOD_MECHANICAL: &[Req] = &[
    band("Test temperature", "دمای آزمون", "Nhiệt độ thử", "ISO 6892-1", "CEL", 10.0, 35.0),
    lo("Number of test pieces", "تعداد آزمونه‌ها", "Số lượng mẫu thử", "", "C62", 3.0),
    cat("Force-measuring system of the testing machine", "سامانه اندازه‌گیری نیروی دستگاه آزمون", "Hệ thống đo lực của máy thử", "ISO 7500-1", &["class 1"]),
    hi("Crosshead separation rate", "سرعت جداشدن فک‌ها", "Tốc độ tách ngàm", "", "C16", 0.5),
];

/// Sampling for conformity assessment.
#[rustfmt::skip]
pub(crate) static SAMPLING: &[Req] = &[
    cat("Inspection level", "سطح بازرسی", "Bậc kiểm tra", "ISO 2859-1", &["general inspection level II"]),
    hi("Acceptance quality limit (AQL)", "حد کیفیت قابل پذیرش (AQL)", "Giới hạn chất lượng chấp nhận (AQL)", "ISO 2859-1", "P1", 2.5),
    lo("Number of increments per lot", "تعداد نمونه‌های اولیه در هر بهر", "Số mẫu ban đầu trong mỗi lô", "", "C62", 10.0),
    lo("Laboratory sample mass", "جرم نمونه آزمایشگاهی", "Khối lượng mẫu phòng thử nghiệm", "", "KGM", 1.0),
    hi("Time from sampling to testing", "فاصله زمانی نمونه‌برداری تا آزمون", "Thời gian từ khi lấy mẫu đến khi thử", "", "DAY", 7.0),
];

/// Packaging and labelling.
#[rustfmt::skip]
pub(crate) static PACKAGING_LABELLING: &[Req] = &[
    hi("Tolerable negative error of net quantity (300 g to 500 g)", "خطای منفی مجاز مقدار خالص (۳۰۰ تا ۵۰۰ گرم)", "Sai số âm cho phép của lượng tịnh (300 g đến 500 g)", "OIML R 87", "P1", 3.0),
    lo("Height of figures of the net quantity (over 1 kg)", "ارتفاع ارقام مقدار خالص (بیش از ۱ کیلوگرم)", "Chiều cao chữ số ghi lượng tịnh (trên 1 kg)", "", "MMT", 6.0),
    cat("Date of manufacture and, where applicable, expiry date", "تاریخ تولید و در صورت لزوم تاریخ انقضا", "Ngày sản xuất và hạn sử dụng (nếu có)", "", &["declared"]),
    cat("Lot identification", "شناسه بهر تولید", "Mã số lô", "", &["declared"]),
    cat("Name and address of the manufacturer", "نام و نشانی تولیدکننده", "Tên và địa chỉ nhà sản xuất", "", &["declared"]),
    cat("Vertical drop test (0.8 m)", "آزمون سقوط قائم (۰٫۸ متر)", "Thử rơi thẳng đứng (0,8 m)", "ISO 2248", &["no damage"]),
];

/// Hygienic practice in food production.
#[rustfmt::skip]
pub(crate) static HYGIENIC_PRACTICE: &[Req] = &[
    hi("Chilled storage temperature", "دمای نگهداری سرد", "Nhiệt độ bảo quản lạnh", "", "CEL", 5.0),
    hi("Frozen storage temperature", "دمای نگهداری منجمد", "Nhiệt độ bảo quản đông lạnh", "", "CEL", -18.0),
    lo("Hot holding temperature", "دمای نگهداری گرم", "Nhiệt độ giữ nóng", "", "CEL", 63.0),
    hi("Relative humidity of dry stores", "رطوبت نسبی انبار خشک", "Độ ẩm tương đối của kho khô", "", "P1", 65.0),
    cat("Water used in production", "آب مصرفی در تولید", "Nước dùng trong sản xuất", "", &["potable"]),
    cat("Hazard analysis and critical control points", "تحلیل خطر و نقاط کنترل بحرانی", "Phân tích mối nguy và điểm kiểm soát tới hạn", "", &["implemented"]),
];

/// Storage and transport of non-food goods.
#[rustfmt::skip]
pub(crate) static STORAGE_TRANSPORT: &[Req] = &[
    band("Storage temperature", "دمای انبارش", "Nhiệt độ bảo quản", "", "CEL", 5.0, 35.0),
    hi("Relative humidity", "رطوبت نسبی", "Độ ẩm tương đối", "", "P1", 70.0),
    hi("Stacking height", "ارتفاع چیدمان", "Chiều cao xếp chồng", "", "MTR", 1.8),
    hi("Storage period in original packaging", "مدت انبارش در بسته‌بندی اصلی", "Thời gian bảo quản trong bao bì gốc", "", "MON", 24.0),
    cat("Protection from direct sunlight and rain", "حفاظت از تابش مستقیم آفتاب و باران", "Che chắn ánh nắng trực tiếp và mưa", "", &["required"]),
];

/// Energy efficiency of electrical appliances.
#[rustfmt::skip]
pub(crate) static ENERGY_ELECTRICAL: &[Req] = &[
    hi("Power in standby mode", "توان در حالت آماده‌به‌کار", "Công suất ở chế độ chờ", "", "WTT", 0.5),
    hi("Power in off mode", "توان در حالت خاموش", "Công suất ở chế độ tắt", "", "WTT", 0.5),
    hi("Deviation of measured energy consumption from declared", "انحراف مصرف انرژی اندازه‌گیری‌شده از مقدار اعلام‌شده", "Sai lệch điện năng tiêu thụ đo được so với công bố", "", "P1", 10.0),
    cat("Energy efficiency class", "رده انرژی", "Cấp hiệu suất năng lượng", "", &["A", "B", "C"]),
    cat("Energy label", "برچسب انرژی", "Nhãn năng lượng", "", &["displayed"]),
];

/// Energy efficiency of gas appliances.
#[rustfmt::skip]
pub(crate) static ENERGY_GAS: &[Req] = &[
    lo("Useful efficiency at nominal heat input", "بازده مفید در توان حرارتی اسمی", "Hiệu suất hữu ích ở công suất nhiệt danh định", "", "P1", 84.0),
    lo("Useful efficiency at part load (30 %)", "بازده مفید در بار جزئی (۳۰ درصد)", "Hiệu suất hữu ích ở tải một phần (30 %)", "", "P1", 80.0),
    hi("Pilot flame heat input", "توان حرارتی شعله پیلوت", "Công suất nhiệt của ngọn lửa mồi", "", "WTT", 150.0),
    cat("Energy efficiency class", "رده انرژی", "Cấp hiệu suất năng lượng", "", &["A", "B", "C"]),
];

/// Electromagnetic compatibility of household appliances.
#[rustfmt::skip]
pub(crate) static EMC: &[Req] = &[
    hi("Conducted disturbance at mains terminals, 0.5 MHz to 5 MHz (dBµV, quasi-peak)", "اختلال هدایتی در پایانه‌های برق، ۰٫۵ تا ۵ مگاهرتز (dBµV، شبه‌پیک)", "Nhiễu dẫn tại đầu nối nguồn, 0,5 MHz đến 5 MHz (dBµV, tựa đỉnh)", "CISPR 14-1", "2N", 56.0),
    hi("Third harmonic current (class A)", "جریان هارمونیک سوم (رده A)", "Dòng hài bậc ba (cấp A)", "IEC 61000-3-2", "AMP", 2.3),
    hi("Short-term flicker severity (Pst)", "شدت فلیکر کوتاه‌مدت (Pst)", "Mức độ nhấp nháy ngắn hạn (Pst)", "IEC 61000-3-3", "C62", 1.0),
    lo("Electrostatic discharge immunity (contact)", "مصونیت در برابر تخلیه الکترواستاتیکی (تماسی)", "Miễn nhiễm phóng tĩnh điện (tiếp xúc)", "IEC 61000-4-2", "KVT", 4.0),
];

/// Installation of gas appliances.
#[rustfmt::skip]
pub(crate) static GAS_INSTALLATION: &[Req] = &[
    lo("Clearance to combustible surfaces", "فاصله تا سطوح سوختنی", "Khoảng cách đến bề mặt dễ cháy", "", "MMT", 150.0),
    lo("Room volume per kW of heat input (flueless appliances)", "حجم اتاق به ازای هر کیلووات توان حرارتی (وسایل بدون دودکش)", "Thể tích phòng trên mỗi kW công suất nhiệt (thiết bị không ống khói)", "", "MTQ", 10.0),
    band("Flue draught", "مکش دودکش", "Sức hút ống khói", "", "PAL", 3.0, 20.0),
    hi("Gas supply pressure drop at full load", "افت فشار گاز در بار کامل", "Độ sụt áp suất khí ở toàn tải", "", "PAL", 100.0),
    hi("Service interval", "فاصله زمانی سرویس", "Chu kỳ bảo dưỡng", "", "MON", 12.0),
];

/// The closing clause of a Vietnamese technical regulation.
#[rustfmt::skip]
pub(crate) static CONFORMITY_CERTIFICATION: &[Req] = &[
    cat("Certification of conformity (hợp quy)", "گواهی انطباق با مقررات", "Chứng nhận hợp quy", "", &["certified"]),
];

#[cfg(test)]
pub(super) static LISTS: &[&[Req]] = &[
    ELECTRICAL_SAFETY,
    GAS_SAFETY,
    TEXTILE_SAFETY,
    CHEMICAL_SAFETY,
    FOOD_CONTAMINANTS,
    FOOD_MICRO,
    METHOD_MOISTURE,
    METHOD_ASH,
    METHOD_METALS,
    METHOD_DIMENSIONS,
    METHOD_MECHANICAL,
    SAMPLING,
    PACKAGING_LABELLING,
    HYGIENIC_PRACTICE,
    STORAGE_TRANSPORT,
    ENERGY_ELECTRICAL,
    ENERGY_GAS,
    EMC,
    GAS_INSTALLATION,
    CONFORMITY_CERTIFICATION,
];
