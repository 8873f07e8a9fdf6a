//! Subjects of demo standards that are not demo products: water and wastewater, fuels,
//! protective equipment, measuring instruments, concrete, food-contact packaging and
//! household electrical equipment. Standards on them carry no product codes.

use super::profiles::Class::{self, *};
use super::requirements::{self as r, Req, band, cat, hi, lo};

/// A subject of standards that is not a demo product.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Topic {
    pub en: &'static str,
    pub fa: &'static str,
    pub vi: &'static str,
    pub class: Class,
    pub ics: &'static [&'static str],
    pub spec: &'static [Req],
    /// Issuing ministry of a QCVN (before the 2025 reorganisation).
    pub ministry: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn t(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    class: Class,
    ics: &'static [&'static str],
    spec: &'static [Req],
    ministry: &'static str,
) -> Topic {
    Topic {
        en,
        fa,
        vi,
        class,
        ics,
        spec,
        ministry,
    }
}

#[rustfmt::skip]
pub(crate) static DRINKING_WATER: &[Req] = &[
    band("pH", "pH", "pH", "ISO 10523", "C62", 6.5, 8.5),
    hi("Turbidity (NTU)", "کدورت (NTU)", "Độ đục (NTU)", "ISO 7027-1", "C62", 2.0),
    hi("Nitrate", "نیترات", "Nitrat", "ISO 10304-1", "M1", 50.0),
    hi("Arsenic", "آرسنیک", "Asen", "ISO 17294-2", "M1", 0.01),
    hi("Fluoride", "فلوئورید", "Florua", "ISO 10304-1", "M1", 1.5),
    band("Free chlorine", "کلر آزاد باقیمانده", "Clo dư tự do", "ISO 7393-2", "M1", 0.2, 1.0),
    cat("Escherichia coli", "اشریشیا کلی", "Escherichia coli", "ISO 9308-1", &["not detected in 100 ml"]),
];

#[rustfmt::skip]
pub(crate) static WASTEWATER: &[Req] = &[
    band("pH", "pH", "pH", "ISO 10523", "C62", 6.0, 9.0),
    hi("Chemical oxygen demand (COD)", "اکسیژن خواهی شیمیایی (COD)", "Nhu cầu oxy hóa học (COD)", "ISO 15705", "M1", 75.0),
    hi("Biochemical oxygen demand (BOD5)", "اکسیژن خواهی بیوشیمیایی (BOD5)", "Nhu cầu oxy sinh hóa (BOD5)", "ISO 5815-1", "M1", 30.0),
    hi("Total suspended solids", "کل مواد جامد معلق", "Tổng chất rắn lơ lửng", "ISO 11923", "M1", 50.0),
    hi("Ammonium (as N)", "آمونیوم (برحسب N)", "Amoni (tính theo N)", "", "M1", 5.0),
    hi("Total coliforms (MPN/100 ml)", "کل کلی‌فرم‌ها (MPN در ۱۰۰ میلی‌لیتر)", "Tổng coliform (MPN/100 ml)", "ISO 9308-2", "C62", 3000.0),
];

#[rustfmt::skip]
static NOISE: &[Req] = &[
    hi("Daily noise exposure level (LEX,8h)", "تراز مواجهه روزانه با نوفه (LEX,8h)", "Mức tiếp xúc tiếng ồn hằng ngày (LEX,8h)", "ISO 9612", "2N", 85.0),
    hi("Peak sound pressure level (C-weighted)", "تراز فشار صوتی اوج (وزن‌دهی C)", "Mức áp suất âm đỉnh (trọng số C)", "ISO 9612", "2N", 140.0),
    hi("Interval between audiometric tests", "فاصله زمانی آزمون‌های شنوایی‌سنجی", "Chu kỳ đo thính lực", "", "MON", 12.0),
];

#[rustfmt::skip]
static GASOLINE: &[Req] = &[
    lo("Research octane number", "عدد اکتان پژوهشی", "Trị số octan nghiên cứu", "ISO 5164", "C62", 92.0),
    hi("Sulfur", "گوگرد", "Hàm lượng lưu huỳnh", "ISO 20846", "NA", 10.0),
    hi("Benzene", "بنزن", "Hàm lượng benzen", "EN 238", "VP", 1.0),
    band("Vapour pressure (DVPE)", "فشار بخار (DVPE)", "Áp suất hơi (DVPE)", "EN 13016-1", "KPA", 45.0, 60.0),
    hi("Lead", "سرب", "Hàm lượng chì", "EN 237", "M1", 5.0),
    hi("Olefins", "الفین‌ها", "Hàm lượng olefin", "", "VP", 18.0),
];

#[rustfmt::skip]
static DIESEL: &[Req] = &[
    lo("Cetane number", "عدد ستان", "Trị số xêtan", "ISO 5165", "C62", 51.0),
    hi("Sulfur", "گوگرد", "Hàm lượng lưu huỳnh", "ISO 20846", "NA", 10.0),
    band("Density at 15 °C", "چگالی در ۱۵ درجه سلسیوس", "Khối lượng riêng ở 15 °C", "ISO 12185", "KMQ", 820.0, 845.0),
    lo("Flash point (Pensky-Martens)", "نقطه اشتعال (پنسکی-مارتنز)", "Điểm chớp cháy (cốc kín Pensky-Martens)", "ISO 2719", "CEL", 55.0),
    hi("Polycyclic aromatic hydrocarbons", "هیدروکربن‌های آروماتیک چندحلقه‌ای", "Hydrocacbon thơm đa vòng", "EN 12916", "60", 8.0),
    hi("Water", "آب", "Hàm lượng nước", "ISO 12937", "NA", 200.0),
];

#[rustfmt::skip]
static LPG: &[Req] = &[
    hi("Vapour pressure at 40 °C (gauge)", "فشار بخار در ۴۰ درجه سلسیوس (نسبی)", "Áp suất hơi ở 40 °C (áp suất dư)", "ISO 4256", "KPA", 1550.0),
    hi("Total sulfur (after odorization)", "گوگرد کل (پس از بودارکردن)", "Lưu huỳnh tổng số (sau khi tạo mùi)", "", "NA", 50.0),
    hi("Evaporation residue", "باقیمانده تبخیر", "Cặn sau bay hơi", "", "NA", 60.0),
    cat("Copper strip corrosion (1 h, 40 °C)", "خوردگی تیغه مسی (۱ ساعت، ۴۰ درجه سلسیوس)", "Ăn mòn mảnh đồng (1 h, 40 °C)", "ISO 6251", &["class 1"]),
    cat("Free water", "آب آزاد", "Nước tự do", "", &["none"]),
];

#[rustfmt::skip]
static SAFETY_HELMET: &[Req] = &[
    hi("Transmitted force (shock absorption)", "نیروی انتقالی (جذب ضربه)", "Lực truyền (hấp thụ xung động)", "EN 397", "B47", 5.0),
    cat("Resistance to penetration", "مقاومت در برابر نفوذ", "Khả năng chống đâm xuyên", "EN 397", &["no contact with headform"]),
    hi("Afterflame time", "زمان شعله‌وری پس از حذف شعله", "Thời gian cháy còn lại", "EN 397", "SEC", 5.0),
    band("Chin strap anchorage release force", "نیروی رهاسازی اتصال بند چانه", "Lực tuột của điểm neo quai cài", "EN 397", "NEW", 150.0, 250.0),
    hi("Mass of helmet", "جرم کلاه", "Khối lượng mũ", "", "GRM", 400.0),
];

#[rustfmt::skip]
static MOTORCYCLE_HELMET: &[Req] = &[
    hi("Peak acceleration (shock absorption)", "شتاب بیشینه (جذب ضربه)", "Gia tốc cực đại (hấp thụ xung động)", "UN R22", "MSK", 2700.0),
    hi("Head injury criterion (HIC)", "معیار آسیب سر (HIC)", "Chỉ số chấn thương đầu (HIC)", "UN R22", "C62", 2400.0),
    hi("Dynamic displacement of the retention system", "جابه‌جایی پویای سامانه نگهدارنده", "Độ dịch chuyển động của hệ thống quai đeo", "UN R22", "MMT", 35.0),
    lo("Visor luminous transmittance", "ضریب عبور نور شیلد", "Hệ số truyền sáng của kính chắn", "UN R22", "P1", 80.0),
    hi("Mass of helmet", "جرم کلاه", "Khối lượng mũ", "", "GRM", 1500.0),
];

#[rustfmt::skip]
static FIRE_EXTINGUISHER: &[Req] = &[
    lo("Effective discharge time (6 kg powder)", "زمان تخلیه مؤثر (پودر ۶ کیلوگرمی)", "Thời gian phun hiệu quả (bột 6 kg)", "EN 3-7", "SEC", 9.0),
    hi("Residual charge after discharge", "شارژ باقیمانده پس از تخلیه", "Lượng chất chữa cháy còn lại sau khi phun", "EN 3-7", "P1", 10.0),
    lo("Body test pressure", "فشار آزمون بدنه", "Áp suất thử thân bình", "EN 3-8", "BAR", 25.0),
    hi("Lowest operating temperature", "کمینه دمای کارکرد", "Nhiệt độ làm việc thấp nhất", "EN 3-7", "CEL", -20.0),
    cat("Class A fire rating", "رده آتش A", "Khả năng dập đám cháy loại A", "EN 3-7", &["13A", "21A", "27A"]),
];

#[rustfmt::skip]
static CONCRETE: &[Req] = &[
    lo("Characteristic compressive strength (cube, C25/30)", "مقاومت فشاری مشخصه (مکعبی، C25/30)", "Cường độ chịu nén đặc trưng (mẫu lập phương, C25/30)", "EN 12390-3", "MPA", 30.0),
    band("Slump", "اسلامپ", "Độ sụt", "EN 12350-2", "MMT", 50.0, 150.0),
    hi("Chloride content (of cement mass)", "مقدار کلرید (نسبت به جرم سیمان)", "Hàm lượng clorua (so với khối lượng xi măng)", "", "P1", 0.4),
    hi("Air content", "مقدار هوا", "Hàm lượng bọt khí", "EN 12350-7", "P1", 6.0),
    band("Temperature of fresh concrete", "دمای بتن تازه", "Nhiệt độ hỗn hợp bê tông", "", "CEL", 5.0, 35.0),
];

#[rustfmt::skip]
static AGGREGATE: &[Req] = &[
    hi("Fines content (passing 0.063 mm, coarse aggregate)", "مقدار ریزدانه (عبوری از الک ۰٫۰۶۳ میلی‌متر، درشت‌دانه)", "Hàm lượng hạt mịn (lọt sàng 0,063 mm, cốt liệu lớn)", "EN 933-1", "P1", 1.5),
    hi("Los Angeles coefficient", "ضریب لس‌آنجلس", "Hệ số Los Angeles", "EN 1097-2", "C62", 40.0),
    hi("Water absorption", "جذب آب", "Độ hút nước", "EN 1097-6", "P1", 2.5),
    hi("Acid-soluble sulfate (as SO3)", "سولفات محلول در اسید (برحسب SO3)", "Sulfat tan trong axit (tính theo SO3)", "EN 1744-1", "P1", 0.8),
    cat("Alkali–silica reactivity", "واکنش‌زایی قلیایی–سیلیسی", "Khả năng phản ứng kiềm – silic", "", &["non-reactive"]),
];

#[rustfmt::skip]
static KETTLE: &[Req] = &[
    band("Power input deviation from rated", "انحراف توان ورودی از مقدار اسمی", "Sai lệch công suất vào so với danh định", "IEC 60335-1", "P1", -10.0, 5.0),
    hi("Leakage current at operating temperature (class I, portable)", "جریان نشتی در دمای کار (رده I، قابل حمل)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, di động)", "IEC 60335-1", "4K", 0.75),
    hi("Earthing resistance", "مقاومت اتصال زمین", "Điện trở nối đất", "IEC 60335-1", "OHM", 0.1),
    cat("Operation without water (boil-dry)", "کارکرد بدون آب (جوشیدن خشک)", "Hoạt động khi không có nước (cạn nước)", "IEC 60335-2-15", &["protective device operates"]),
];

#[rustfmt::skip]
static IRON: &[Req] = &[
    hi("Soleplate temperature at maximum setting", "دمای کف اتو در بیشینه تنظیم", "Nhiệt độ đế bàn là ở mức đặt lớn nhất", "", "CEL", 230.0),
    band("Power input deviation from rated", "انحراف توان ورودی از مقدار اسمی", "Sai lệch công suất vào so với danh định", "IEC 60335-1", "P1", -10.0, 5.0),
    hi("Leakage current at operating temperature (class I, portable)", "جریان نشتی در دمای کار (رده I، قابل حمل)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, di động)", "IEC 60335-1", "4K", 0.75),
    cat("Abnormal operation", "کارکرد غیرعادی", "Hoạt động không bình thường", "IEC 60335-1", &["no fire, no molten metal"]),
];

#[rustfmt::skip]
static FAN: &[Req] = &[
    hi("Leakage current at operating temperature (class II)", "جریان نشتی در دمای کار (رده II)", "Dòng điện rò ở nhiệt độ làm việc (cấp II)", "IEC 60335-1", "4K", 0.25),
    cat("Accessibility of blades through the guard", "دسترسی به پره‌ها از میان محافظ", "Khả năng chạm vào cánh quạt qua lồng bảo vệ", "IEC 60335-2-80", &["not accessible with test probe B"]),
    hi("Sound power level at maximum speed", "تراز توان صوتی در بیشینه سرعت", "Mức công suất âm ở tốc độ lớn nhất", "", "2N", 60.0),
    hi("Power in standby mode", "توان در حالت آماده‌به‌کار", "Công suất ở chế độ chờ", "", "WTT", 0.5),
];

#[rustfmt::skip]
static MICROWAVE: &[Req] = &[
    hi("Microwave leakage at 5 cm", "نشت امواج مایکروویو در فاصله ۵ سانتی‌متری", "Rò rỉ vi sóng ở khoảng cách 5 cm", "IEC 60335-2-25", "D54", 50.0),
    cat("Door interlock", "قفل ایمنی در", "Khóa liên động cửa", "IEC 60335-2-25", &["operates"]),
    hi("Leakage current at operating temperature (class I, stationary)", "جریان نشتی در دمای کار (رده I، ثابت)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, đặt tĩnh tại)", "IEC 60335-1", "4K", 3.5),
    hi("Earthing resistance", "مقاومت اتصال زمین", "Điện trở nối đất", "IEC 60335-1", "OHM", 0.1),
];

#[rustfmt::skip]
static STORAGE_HEATER: &[Req] = &[
    hi("Standing heat loss (kWh per 24 h, 80 l)", "تلفات حرارتی ماندگار (کیلووات ساعت در ۲۴ ساعت، ۸۰ لیتر)", "Tổn thất nhiệt khi giữ nhiệt (kWh/24 h, 80 l)", "IEC 60379", "KWH", 1.5),
    lo("Tank pressure test (twice rated pressure)", "آزمون فشار مخزن (دو برابر فشار اسمی)", "Thử áp suất bình chứa (hai lần áp suất danh định)", "IEC 60335-2-21", "BAR", 16.0),
    hi("Thermal cut-out operating temperature", "دمای عملکرد قطع‌کننده حرارتی", "Nhiệt độ tác động của bộ cắt nhiệt", "IEC 60335-2-21", "CEL", 99.0),
    hi("Leakage current at operating temperature (class I, stationary)", "جریان نشتی در دمای کار (رده I، ثابت)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, đặt tĩnh tại)", "IEC 60335-1", "4K", 3.5),
];

#[rustfmt::skip]
static SOCKET: &[Req] = &[
    hi("Temperature rise of terminals", "افزایش دمای ترمینال‌ها", "Độ tăng nhiệt của đầu nối", "IEC 60884-1", "KEL", 45.0),
    lo("Insulation resistance", "مقاومت عایقی", "Điện trở cách điện", "IEC 60884-1", "B75", 5.0),
    lo("Mechanical endurance (operations)", "دوام مکانیکی (تعداد عملکرد)", "Độ bền cơ (số lần thao tác)", "IEC 60884-1", "C62", 5000.0),
    cat("Glow-wire test (750 °C)", "آزمون سیم ملتهب (۷۵۰ درجه سلسیوس)", "Thử sợi dây nóng đỏ (750 °C)", "IEC 60695-2-11", &["pass"]),
];

#[rustfmt::skip]
static MCB: &[Req] = &[
    cat("Conventional non-tripping current (1.13 In)", "جریان قراردادی عدم قطع (۱٫۱۳ In)", "Dòng điện không tác động quy ước (1,13 In)", "IEC 60898-1", &["no tripping within 1 h"]),
    cat("Conventional tripping current (1.45 In)", "جریان قراردادی قطع (۱٫۴۵ In)", "Dòng điện tác động quy ước (1,45 In)", "IEC 60898-1", &["tripping within 1 h"]),
    lo("Rated short-circuit capacity", "ظرفیت اتصال کوتاه اسمی", "Khả năng cắt ngắn mạch danh định", "IEC 60898-1", "AMP", 6000.0),
    hi("Temperature rise of terminals", "افزایش دمای ترمینال‌ها", "Độ tăng nhiệt của đầu nối", "IEC 60898-1", "KEL", 60.0),
];

#[rustfmt::skip]
static RCD: &[Req] = &[
    hi("Rated residual operating current", "جریان تفاضلی عملکرد اسمی", "Dòng điện dư tác động danh định", "IEC 61008-1", "4K", 30.0),
    hi("Break time at rated residual current", "زمان قطع در جریان تفاضلی اسمی", "Thời gian cắt ở dòng điện dư danh định", "IEC 61008-1", "SEC", 0.3),
    hi("Break time at five times rated residual current", "زمان قطع در پنج برابر جریان تفاضلی اسمی", "Thời gian cắt ở năm lần dòng điện dư danh định", "IEC 61008-1", "SEC", 0.04),
    cat("Residual non-operating current (0.5 IΔn)", "جریان تفاضلی عدم عملکرد (۰٫۵ IΔn)", "Dòng điện dư không tác động (0,5 IΔn)", "IEC 61008-1", &["no tripping"]),
];

#[rustfmt::skip]
static PV_MODULE: &[Req] = &[
    lo("Maximum power at STC (of rated)", "بیشینه توان در شرایط استاندارد آزمون (از مقدار اسمی)", "Công suất cực đại ở điều kiện thử tiêu chuẩn (so với danh định)", "IEC 61215-2", "P1", 97.0),
    lo("Module efficiency", "بازده ماژول", "Hiệu suất mô-đun", "IEC 61215-2", "P1", 19.0),
    hi("Power degradation after damp heat (1000 h)", "افت توان پس از آزمون گرمای مرطوب (۱۰۰۰ ساعت)", "Suy giảm công suất sau thử nóng ẩm (1000 h)", "IEC 61215-2", "P1", 5.0),
    lo("Insulation resistance (MΩ·m²)", "مقاومت عایقی (مگااهم متر مربع)", "Điện trở cách điện (MΩ·m²)", "IEC 61215-2", "B75", 40.0),
    cat("Hail test (25 mm ice ball at 23 m/s)", "آزمون تگرگ (گوی یخی ۲۵ میلی‌متری با سرعت ۲۳ متر بر ثانیه)", "Thử mưa đá (viên đá 25 mm, 23 m/s)", "IEC 61215-2", &["pass"]),
];

#[rustfmt::skip]
static ENERGY_METER: &[Req] = &[
    cat("Accuracy class", "رده دقت", "Cấp chính xác", "IEC 62053-21", &["1", "2"]),
    band("Percentage error at Ib, power factor 1 (class 1)", "درصد خطا در Ib، ضریب توان ۱ (رده ۱)", "Sai số phần trăm ở Ib, hệ số công suất 1 (cấp 1)", "IEC 62053-21", "P1", -1.0, 1.0),
    hi("Starting current (of Ib)", "جریان راه‌اندازی (از Ib)", "Dòng khởi động (so với Ib)", "IEC 62053-21", "P1", 0.4),
    hi("Power consumption of the voltage circuit", "توان مصرفی مدار ولتاژ", "Công suất tiêu thụ của mạch điện áp", "IEC 62053-21", "WTT", 2.0),
];

#[rustfmt::skip]
static FOOD_CONTACT_PLASTIC: &[Req] = &[
    hi("Overall migration (10 % ethanol)", "مهاجرت کلی (اتانول ۱۰ درصد)", "Thôi nhiễm tổng số (etanol 10 %)", "EN 1186", "NA", 60.0),
    hi("Primary aromatic amines (specific migration)", "آمین‌های آروماتیک نوع اول (مهاجرت ویژه)", "Amin thơm bậc một (thôi nhiễm riêng)", "", "NA", 0.01),
    hi("Heavy metals (as Pb, 4 % acetic acid)", "فلزات سنگین (برحسب سرب، اسید استیک ۴ درصد)", "Kim loại nặng (tính theo Pb, axit axetic 4 %)", "", "NA", 1.0),
    hi("Potassium permanganate consumption", "مصرف پرمنگنات پتاسیم", "Lượng KMnO4 sử dụng", "", "NA", 10.0),
    cat("Colour migration", "مهاجرت رنگ", "Thôi nhiễm màu", "", &["none"]),
];

#[rustfmt::skip]
static PET_BOTTLE: &[Req] = &[
    lo("Top-load strength", "مقاومت در برابر بار عمودی", "Độ bền nén dọc trục", "", "NEW", 200.0),
    lo("Burst pressure (carbonated beverages)", "فشار ترکیدن (نوشابه‌های گازدار)", "Áp suất nổ (đồ uống có ga)", "", "BAR", 10.0),
    hi("Acetaldehyde in preform", "استالدهید در پریفرم", "Axetaldehyt trong phôi chai", "", "59", 3.0),
    hi("Antimony (specific migration)", "آنتیموان (مهاجرت ویژه)", "Antimon (thôi nhiễm riêng)", "", "NA", 0.04),
    band("Brimful capacity deviation", "انحراف ظرفیت لب‌به‌لب", "Sai lệch dung tích đầy miệng", "", "P1", -1.0, 1.0),
];

#[rustfmt::skip]
static WEIGHING: &[Req] = &[
    cat("Accuracy class", "رده دقت", "Cấp chính xác", "OIML R 76-1", &["I", "II", "III", "IIII"]),
    hi("Maximum permissible error on initial verification, 0 < m ≤ 500 e (in e)", "بیشینه خطای مجاز در تصدیق اولیه، ۰ < m ≤ ۵۰۰ e (برحسب e)", "Sai số lớn nhất cho phép khi kiểm định ban đầu, 0 < m ≤ 500 e (theo e)", "OIML R 76-1", "C62", 0.5),
    band("Operating temperature range", "گستره دمای کارکرد", "Phạm vi nhiệt độ làm việc", "OIML R 76-1", "CEL", -10.0, 40.0),
    hi("Warm-up time", "زمان گرم‌شدن", "Thời gian khởi động", "", "MIN", 30.0),
];

#[rustfmt::skip]
static FUEL_DISPENSER: &[Req] = &[
    band("Maximum permissible error (accuracy class 0.5)", "بیشینه خطای مجاز (رده دقت ۰٫۵)", "Sai số lớn nhất cho phép (cấp chính xác 0,5)", "OIML R 117-1", "P1", -0.5, 0.5),
    band("Flow rate range", "گستره آهنگ جریان", "Phạm vi lưu lượng", "OIML R 117-1", "L2", 5.0, 50.0),
    hi("Minimum measured quantity", "کمینه مقدار اندازه‌گیری‌شده", "Lượng đo nhỏ nhất", "OIML R 117-1", "LTR", 2.0),
    cat("Price computation", "محاسبه بها", "Tính giá tiền", "OIML R 117-1", &["correct"]),
];

/// All topics.
#[rustfmt::skip]
pub(crate) static TOPICS: &[Topic] = &[
    t("Drinking water", "آب آشامیدنی", "Nước sạch sinh hoạt", Environment, &["13.060.20"], DRINKING_WATER, "BYT"),
    t("Industrial wastewater", "پساب صنعتی", "Nước thải công nghiệp", Environment, &["13.060.30"], WASTEWATER, "BTNMT"),
    t("Occupational noise", "نوفه محیط کار", "Tiếng ồn nơi làm việc", Environment, &["13.140", "13.100"], NOISE, "BYT"),
    t("Motor gasoline", "بنزین موتور", "Xăng động cơ", Fuel, &["75.160.20"], GASOLINE, "BKHCN"),
    t("Automotive diesel fuel", "سوخت دیزل خودرو", "Nhiên liệu điêzen", Fuel, &["75.160.20"], DIESEL, "BKHCN"),
    t("Liquefied petroleum gas", "گاز مایع", "Khí dầu mỏ hóa lỏng", Fuel, &["75.160.30"], LPG, "BKHCN"),
    t("Industrial safety helmets", "کلاه ایمنی صنعتی", "Mũ an toàn công nghiệp", Protective, &["13.340.20"], SAFETY_HELMET, "BLĐTBXH"),
    t("Protective helmets for motorcycle riders", "کلاه ایمنی موتورسواران", "Mũ bảo hiểm cho người đi mô tô, xe máy", Protective, &["13.340.20", "43.140"], MOTORCYCLE_HELMET, "BKHCN"),
    t("Portable fire extinguishers", "خاموش‌کننده‌های دستی آتش", "Bình chữa cháy xách tay", Protective, &["13.220.10"], FIRE_EXTINGUISHER, "BCA"),
    t("Ready-mixed concrete", "بتن آماده", "Bê tông trộn sẵn", Building, &["91.100.30"], CONCRETE, "BXD"),
    t("Aggregates for concrete", "سنگدانه‌های بتن", "Cốt liệu cho bê tông", Building, &["91.100.15"], AGGREGATE, "BXD"),
    t("Electric kettles", "کتری‌های برقی", "Ấm đun nước điện", Electrical, &["97.040.50"], KETTLE, "BKHCN"),
    t("Electric irons", "اتوهای برقی", "Bàn là điện", Electrical, &["97.060"], IRON, "BKHCN"),
    t("Electric fans", "پنکه‌های برقی", "Quạt điện", Electrical, &["23.120"], FAN, "BKHCN"),
    t("Microwave ovens", "اجاق‌های مایکروویو", "Lò vi sóng", Electrical, &["97.040.20"], MICROWAVE, "BKHCN"),
    t("Electric storage water heaters", "آبگرمکن‌های برقی مخزنی", "Bình đun nước nóng có dự trữ", Electrical, &["91.140.65"], STORAGE_HEATER, "BKHCN"),
    t("Vacuum cleaners", "جاروبرقی‌ها", "Máy hút bụi", Electrical, &["97.080"], r::ELECTRICAL_SAFETY, "BKHCN"),
    t("Hair dryers", "سشوارها", "Máy sấy tóc", Electrical, &["97.170"], r::ELECTRICAL_SAFETY, "BKHCN"),
    t("Plugs and socket-outlets for household use", "دوشاخه‌ها و پریزهای خانگی", "Phích cắm và ổ cắm dùng trong gia đình", Electrical, &["29.120.30"], SOCKET, "BKHCN"),
    t("Miniature circuit-breakers", "کلیدهای مینیاتوری", "Áptômát loại nhỏ", Electrical, &["29.120.50"], MCB, "BKHCN"),
    t("Residual current operated circuit-breakers", "کلیدهای جریان تفاضلی", "Áptômát tác động bằng dòng điện dư", Electrical, &["29.120.50"], RCD, "BKHCN"),
    t("Photovoltaic modules", "ماژول‌های فتوولتائیک", "Mô-đun quang điện", Electrical, &["27.160"], PV_MODULE, "BCT"),
    t("Electricity meters", "کنتورهای برق", "Công tơ điện", Electrical, &["17.220.20"], ENERGY_METER, "BKHCN"),
    t("Plastic packaging in contact with food", "بسته‌بندی پلاستیکی در تماس با مواد غذایی", "Bao bì chất dẻo tiếp xúc với thực phẩm", Plastic, &["67.250", "55.040"], FOOD_CONTACT_PLASTIC, "BYT"),
    t("PET bottles for beverages", "بطری‌های پت نوشیدنی", "Chai PET đựng đồ uống", Plastic, &["55.100", "67.250"], PET_BOTTLE, "BYT"),
    t("Non-automatic weighing instruments", "ترازوهای غیرخودکار", "Cân không tự động", Metrology, &["17.100"], WEIGHING, "BKHCN"),
    t("Fuel dispensers", "تلمبه‌های سوخت", "Cột đo nhiên liệu", Metrology, &["75.200", "17.060"], FUEL_DISPENSER, "BKHCN"),
];

#[cfg(test)]
pub(crate) fn all_lists() -> impl Iterator<Item = &'static [Req]> {
    TOPICS.iter().map(|t| t.spec)
}
