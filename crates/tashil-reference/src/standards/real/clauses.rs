//! Clause lists of the real standards (those not taken from the product templates).

use super::super::requirements::{self as r, Req, band, cat, hi, lo};

pub(super) const CONFORMING: &[&str] = &["conforming"];

/// Clauses common to management-system standards with the harmonized structure.
#[rustfmt::skip]
pub(super) static HARMONIZED: &[(&str, Req)] = &[
    ("4.1", cat("Understanding the organization and its context", "درک سازمان و بستر آن", "Hiểu bối cảnh của tổ chức", "ISO 19011", CONFORMING)),
    ("5.2", cat("Policy", "خط‌مشی", "Chính sách", "ISO 19011", CONFORMING)),
    ("6.1", cat("Actions to address risks and opportunities", "اقدامات برای پرداختن به ریسک‌ها و فرصت‌ها", "Hành động giải quyết rủi ro và cơ hội", "ISO 19011", CONFORMING)),
    ("7.5", cat("Documented information", "اطلاعات مدون", "Thông tin dạng văn bản", "ISO 19011", CONFORMING)),
    ("9.2", cat("Internal audit", "ممیزی داخلی", "Đánh giá nội bộ", "ISO 19011", CONFORMING)),
    ("9.3", cat("Management review", "بازنگری مدیریت", "Xem xét của lãnh đạo", "ISO 19011", CONFORMING)),
];

/// The seven quality management principles of ISO 9000:2015, 2.3.
#[rustfmt::skip]
pub(super) static PRINCIPLES: &[(&str, Req)] = &[
    ("2.3.1", cat("Customer focus", "مشتری‌مداری", "Hướng vào khách hàng", "", &["applied"])),
    ("2.3.2", cat("Leadership", "رهبری", "Sự lãnh đạo", "", &["applied"])),
    ("2.3.3", cat("Engagement of people", "مشارکت کارکنان", "Sự tham gia của mọi người", "", &["applied"])),
    ("2.3.4", cat("Process approach", "رویکرد فرایندی", "Tiếp cận theo quá trình", "", &["applied"])),
    ("2.3.5", cat("Improvement", "بهبود", "Cải tiến", "", &["applied"])),
    ("2.3.6", cat("Evidence-based decision making", "تصمیم‌گیری مبتنی بر شواهد", "Quyết định dựa trên bằng chứng", "", &["applied"])),
    ("2.3.7", cat("Relationship management", "مدیریت روابط", "Quản lý mối quan hệ", "", &["applied"])),
];

#[rustfmt::skip]
pub(super) static LABORATORY: &[(&str, Req)] = &[
    ("4.1", cat("Impartiality", "بی‌طرفی", "Tính khách quan", "ISO/IEC 17011", CONFORMING)),
    ("6.2", cat("Personnel", "کارکنان", "Nhân sự", "ISO/IEC 17011", CONFORMING)),
    ("6.4", cat("Equipment", "تجهیزات", "Thiết bị", "ISO/IEC 17011", CONFORMING)),
    ("6.5", cat("Metrological traceability", "قابلیت ردیابی اندازه‌شناختی", "Liên kết chuẩn đo lường", "ISO/IEC 17011", CONFORMING)),
    ("7.2", cat("Selection, verification and validation of methods", "انتخاب، تصدیق و صحه‌گذاری روش‌ها", "Lựa chọn, kiểm tra xác nhận và xác nhận giá trị sử dụng của phương pháp", "ISO/IEC 17011", CONFORMING)),
    ("7.7", cat("Ensuring the validity of results", "اطمینان از اعتبار نتایج", "Đảm bảo giá trị sử dụng của kết quả", "ISO/IEC 17011", CONFORMING)),
    ("8.8", cat("Internal audits", "ممیزی‌های داخلی", "Đánh giá nội bộ", "ISO/IEC 17011", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static PRODUCT_CERTIFICATION: &[(&str, Req)] = &[
    ("4.2", cat("Management of impartiality", "مدیریت بی‌طرفی", "Quản lý tính khách quan", "ISO/IEC 17011", CONFORMING)),
    ("6.1", cat("Certification body personnel", "کارکنان نهاد گواهی‌دهی", "Nhân sự của tổ chức chứng nhận", "ISO/IEC 17011", CONFORMING)),
    ("7.4", cat("Evaluation", "ارزشیابی", "Xem xét đánh giá", "ISO/IEC 17011", CONFORMING)),
    ("7.6", cat("Certification decision", "تصمیم‌گیری در مورد گواهی‌دهی", "Quyết định chứng nhận", "ISO/IEC 17011", CONFORMING)),
    ("7.13", cat("Complaints and appeals", "شکایات و درخواست‌های تجدیدنظر", "Khiếu nại và yêu cầu xem xét lại", "ISO/IEC 17011", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static INSPECTION: &[(&str, Req)] = &[
    ("4.1", cat("Impartiality and independence", "بی‌طرفی و استقلال", "Tính khách quan và độc lập", "ISO/IEC 17011", CONFORMING)),
    ("6.1", cat("Personnel", "کارکنان", "Nhân sự", "ISO/IEC 17011", CONFORMING)),
    ("7.1", cat("Inspection methods and procedures", "روش‌ها و رویه‌های بازرسی", "Phương pháp và thủ tục giám định", "ISO/IEC 17011", CONFORMING)),
    ("7.4", cat("Inspection reports and inspection certificates", "گزارش‌ها و گواهی‌نامه‌های بازرسی", "Báo cáo giám định và chứng thư giám định", "ISO/IEC 17011", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static SYSTEM_CERTIFICATION: &[(&str, Req)] = &[
    ("5.2", cat("Management of impartiality", "مدیریت بی‌طرفی", "Quản lý tính khách quan", "ISO/IEC 17011", CONFORMING)),
    ("7.1", cat("Competence of personnel", "صلاحیت کارکنان", "Năng lực của nhân sự", "ISO/IEC 17011", CONFORMING)),
    ("9.4", cat("Conducting audits", "انجام ممیزی‌ها", "Tiến hành đánh giá", "ISO/IEC 17011", CONFORMING)),
    ("9.5", cat("Certification decision", "تصمیم‌گیری در مورد گواهی‌دهی", "Quyết định chứng nhận", "ISO/IEC 17011", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static CEMENT_STRENGTH_METHOD: &[Req] = &[
    band("Laboratory temperature", "دمای آزمایشگاه", "Nhiệt độ phòng thí nghiệm", "", "CEL", 18.0, 22.0),
    lo("Relative humidity of the moist-air cabinet", "رطوبت نسبی گنجه مرطوب", "Độ ẩm tương đối của tủ dưỡng ẩm", "", "P1", 90.0),
    band("Curing water temperature", "دمای آب عمل‌آوری", "Nhiệt độ nước bảo dưỡng", "", "CEL", 19.0, 21.0),
    band("Water/cement ratio", "نسبت آب به سیمان", "Tỷ lệ nước/xi măng", "", "C62", 0.5, 0.5),
    band("Prism cross-section side", "ضلع مقطع منشور", "Cạnh tiết diện mẫu lăng trụ", "", "MMT", 39.8, 40.2),
];

#[rustfmt::skip]
pub(super) static SALMONELLA_METHOD: &[Req] = &[
    lo("Test portion", "مقدار آزمونه", "Phần mẫu thử", "", "GRM", 25.0),
    band("Pre-enrichment temperature (buffered peptone water)", "دمای پیش‌غنی‌سازی (آب پپتون بافری)", "Nhiệt độ tiền tăng sinh (nước pepton đệm)", "", "CEL", 34.0, 38.0),
    band("Pre-enrichment time", "مدت پیش‌غنی‌سازی", "Thời gian tiền tăng sinh", "", "HUR", 16.0, 20.0),
    band("Selective enrichment temperature (RVS broth)", "دمای غنی‌سازی انتخابی (محیط RVS)", "Nhiệt độ tăng sinh chọn lọc (canh thang RVS)", "", "CEL", 40.5, 42.5),
    band("Selective enrichment temperature (MKTTn broth)", "دمای غنی‌سازی انتخابی (محیط MKTTn)", "Nhiệt độ tăng sinh chọn lọc (canh thang MKTTn)", "", "CEL", 36.0, 38.0),
];

#[rustfmt::skip]
pub(super) static TOY_MECHANICAL: &[Req] = &[
    cat("Small parts (toys for children under 36 months)", "قطعات کوچک (اسباب‌بازی کودکان زیر ۳۶ ماه)", "Chi tiết nhỏ (đồ chơi cho trẻ dưới 36 tháng)", "", &["no small parts"]),
    cat("Accessible sharp edges and points", "لبه‌ها و نوک‌های تیز در دسترس", "Cạnh sắc và đầu nhọn tiếp cận được", "", &["none"]),
    lo("Drop test height (toys for children under 18 months)", "ارتفاع آزمون سقوط (اسباب‌بازی کودکان زیر ۱۸ ماه)", "Chiều cao thử rơi (đồ chơi cho trẻ dưới 18 tháng)", "", "MTR", 0.85),
    lo("Tension test force for small components", "نیروی آزمون کشش اجزای کوچک", "Lực thử kéo các chi tiết nhỏ", "", "NEW", 90.0),
];

#[rustfmt::skip]
pub(super) static COSMETICS_GMP: &[(&str, Req)] = &[
    ("3", cat("Personnel", "کارکنان", "Nhân sự", "", CONFORMING)),
    ("4", cat("Premises", "محل‌های تولید", "Nhà xưởng", "", CONFORMING)),
    ("5", cat("Equipment", "تجهیزات", "Thiết bị", "", CONFORMING)),
    ("7", cat("Production", "تولید", "Sản xuất", "", CONFORMING)),
    ("9", cat("Quality control laboratory", "آزمایشگاه کنترل کیفیت", "Phòng thử nghiệm kiểm soát chất lượng", "", CONFORMING)),
    ("14", cat("Complaints and recalls", "شکایات و فراخوان‌ها", "Khiếu nại và thu hồi", "", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static APPLIANCE_SAFETY: &[(&str, Req)] = &[
    ("8.1", r::ELECTRICAL_SAFETY[0]),
    ("11.8", r::ELECTRICAL_SAFETY[4]),
    ("13.2", r::ELECTRICAL_SAFETY[1]),
    ("16.3", r::ELECTRICAL_SAFETY[2]),
    ("19.13", r::ELECTRICAL_SAFETY[5]),
    ("27.5", r::ELECTRICAL_SAFETY[3]),
];

#[rustfmt::skip]
pub(super) static CONDUCTORS: &[Req] = &[
    hi("Resistance of class 1 copper conductor at 20 °C, 1.5 mm²", "مقاومت هادی مسی رده ۱ در ۲۰ درجه سلسیوس، ۱٫۵ میلی‌متر مربع", "Điện trở ruột dẫn đồng cấp 1 ở 20 °C, 1,5 mm²", "IEC 60228", "F56", 12.1),
    hi("Resistance of class 1 copper conductor at 20 °C, 2.5 mm²", "مقاومت هادی مسی رده ۱ در ۲۰ درجه سلسیوس، ۲٫۵ میلی‌متر مربع", "Điện trở ruột dẫn đồng cấp 1 ở 20 °C, 2,5 mm²", "IEC 60228", "F56", 7.41),
    hi("Resistance of class 1 copper conductor at 20 °C, 4 mm²", "مقاومت هادی مسی رده ۱ در ۲۰ درجه سلسیوس، ۴ میلی‌متر مربع", "Điện trở ruột dẫn đồng cấp 1 ở 20 °C, 4 mm²", "IEC 60228", "F56", 4.61),
    hi("Resistance of class 1 copper conductor at 20 °C, 6 mm²", "مقاومت هادی مسی رده ۱ در ۲۰ درجه سلسیوس، ۶ میلی‌متر مربع", "Điện trở ruột dẫn đồng cấp 1 ở 20 °C, 6 mm²", "IEC 60228", "F56", 3.08),
];

#[rustfmt::skip]
pub(super) static LED_SAFETY: &[Req] = &[
    cat("Protection against accidental contact with live parts", "حفاظت در برابر تماس اتفاقی با قسمت‌های برق‌دار", "Bảo vệ chống chạm ngẫu nhiên vào bộ phận mang điện", "IEC 62560", &["pass"]),
    lo("Insulation resistance", "مقاومت عایقی", "Điện trở cách điện", "IEC 62560", "B75", 4.0),
    cat("Electric strength", "استقامت الکتریکی", "Độ bền điện", "IEC 62560", &["no breakdown"]),
    cat("Resistance to heat (ball pressure test)", "مقاومت در برابر حرارت (آزمون فشار ساچمه)", "Khả năng chịu nhiệt (thử ép viên bi)", "IEC 62560", &["impression diameter ≤ 2 mm"]),
    cat("Fault conditions", "شرایط خطا", "Điều kiện sự cố", "IEC 62560", &["no fire, no flaming"]),
];

#[rustfmt::skip]
pub(super) static HACCP: &[(&str, Req)] = &[
    ("Principle 1", cat("Conduct a hazard analysis and identify control measures", "انجام تحلیل خطر و شناسایی اقدامات کنترلی", "Tiến hành phân tích mối nguy và xác định biện pháp kiểm soát", "", &["implemented"])),
    ("Principle 2", cat("Determine the critical control points", "تعیین نقاط کنترل بحرانی", "Xác định các điểm kiểm soát tới hạn", "", &["implemented"])),
    ("Principle 3", cat("Establish validated critical limits", "تعیین حدود بحرانی صحه‌گذاری‌شده", "Thiết lập các giới hạn tới hạn đã được xác nhận", "", &["implemented"])),
    ("Principle 4", cat("Establish a system to monitor control of CCPs", "استقرار سامانه پایش کنترل نقاط کنترل بحرانی", "Thiết lập hệ thống giám sát việc kiểm soát CCP", "", &["implemented"])),
    ("Principle 5", cat("Establish corrective actions", "تعیین اقدامات اصلاحی", "Thiết lập hành động khắc phục", "", &["implemented"])),
    ("Principle 6", cat("Validate the HACCP plan and establish verification procedures", "صحه‌گذاری طرح HACCP و تعیین روش‌های تصدیق", "Xác nhận kế hoạch HACCP và thiết lập thủ tục kiểm tra xác nhận", "", &["implemented"])),
    ("Principle 7", cat("Establish documentation and record keeping", "مستندسازی و نگهداری سوابق", "Thiết lập hệ thống tài liệu và lưu giữ hồ sơ", "", &["implemented"])),
];

#[rustfmt::skip]
pub(super) static FOOD_ADDITIVES: &[(&str, Req)] = &[
    ("3.2", cat("Justification of the use of food additives", "توجیه استفاده از افزودنی‌های خوراکی", "Sự cần thiết sử dụng phụ gia thực phẩm", "", CONFORMING)),
    ("3.3", cat("Good manufacturing practice in the use of food additives", "رعایت اصول تولید خوب در استفاده از افزودنی‌ها", "Thực hành sản xuất tốt khi sử dụng phụ gia", "", CONFORMING)),
    ("4.1", cat("Carry-over of food additives into foods", "انتقال افزودنی‌ها به مواد غذایی", "Sự mang theo phụ gia vào thực phẩm", "", CONFORMING)),
    ("Table 1", cat("Additives permitted under specified conditions in certain food categories", "افزودنی‌های مجاز در شرایط معین در رده‌های غذایی", "Phụ gia được phép sử dụng có điều kiện trong các nhóm thực phẩm", "", CONFORMING)),
];

#[rustfmt::skip]
pub(super) static LABELLING: &[(&str, Req)] = &[
    ("4.1", cat("The name of the food", "نام ماده غذایی", "Tên thực phẩm", "", &["declared"])),
    ("4.2", cat("List of ingredients", "فهرست اجزا", "Danh mục thành phần", "", &["declared"])),
    ("4.3", cat("Net contents and drained weight", "مقدار خالص و وزن آبکش‌شده", "Định lượng tịnh và khối lượng cái", "", &["declared"])),
    ("4.4", cat("Name and address", "نام و نشانی", "Tên và địa chỉ", "", &["declared"])),
    ("4.5", cat("Country of origin", "کشور مبدأ", "Xuất xứ", "", &["declared"])),
    ("4.6", cat("Lot identification", "شناسه بهر تولید", "Nhận biết lô hàng", "", &["declared"])),
    ("4.7", cat("Date marking and storage instructions", "تاریخ‌گذاری و دستور نگهداری", "Ghi hạn sử dụng và hướng dẫn bảo quản", "", &["declared"])),
];

#[rustfmt::skip]
pub(super) static CODEX_CONTAMINANTS: &[Req] = &[
    hi("Lead in milk", "سرب در شیر", "Chì trong sữa", "EN 14083", "NA", 0.02),
    hi("Cadmium in polished rice", "کادمیم در برنج سفید", "Cadimi trong gạo xát", "EN 14083", "NA", 0.4),
    hi("Inorganic arsenic in polished rice", "آرسنیک معدنی در برنج سفید", "Asen vô cơ trong gạo xát", "EN 16802", "NA", 0.2),
    hi("Methylmercury in tuna", "متیل‌جیوه در ماهی تن", "Metyl thủy ngân trong cá ngừ", "", "NA", 1.2),
    hi("Total aflatoxins in ready-to-eat tree nuts", "آفلاتوکسین کل در مغزهای آماده مصرف", "Aflatoxin tổng số trong hạt cây ăn liền", "ISO 16050", "J33", 10.0),
    hi("Aflatoxin M1 in milk", "آفلاتوکسین M1 در شیر", "Aflatoxin M1 trong sữa", "ISO 14501", "J33", 0.5),
    hi("Tin in canned foods (other than beverages)", "قلع در کنسروها (به‌جز نوشیدنی‌ها)", "Thiếc trong thực phẩm đóng hộp (trừ đồ uống)", "", "NA", 250.0),
];

#[rustfmt::skip]
pub(super) static CODEX_FLOUR: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 712", "P1", 15.5),
    lo("Protein (N × 5.7, dry basis)", "پروتئین (N × ۵٫۷، برحسب ماده خشک)", "Protein (N × 5,7, tính theo chất khô)", "ISO 20483", "P1", 7.0),
    hi("Lead", "سرب", "Chì", "EN 14083", "NA", 0.2),
];

#[rustfmt::skip]
pub(super) static CODEX_SUGAR: &[Req] = &[
    lo("Polarisation (°Z)", "پلاریزاسیون (درجه Z)", "Độ Pol (°Z)", "", "C62", 99.7),
    hi("Invert sugar", "قند اینورت", "Đường khử", "", "P1", 0.04),
    hi("Conductivity ash", "خاکستر هدایت‌سنجی", "Tro dẫn điện", "", "P1", 0.04),
    hi("Loss on drying", "افت وزن در اثر خشک‌کردن", "Hao hụt khối lượng khi sấy", "", "P1", 0.1),
    hi("Colour (ICUMSA units)", "رنگ (واحد ایکومسا)", "Độ màu (đơn vị ICUMSA)", "", "C62", 60.0),
];

#[rustfmt::skip]
pub(super) static MINERAL_WATER: &[Req] = &[
    hi("Arsenic", "آرسنیک", "Asen", "ISO 17294-2", "M1", 0.01),
    hi("Lead", "سرب", "Chì", "ISO 17294-2", "M1", 0.01),
    hi("Cadmium", "کادمیم", "Cadimi", "ISO 17294-2", "M1", 0.003),
    hi("Mercury", "جیوه", "Thủy ngân", "ISO 17852", "M1", 0.001),
    hi("Nitrate", "نیترات", "Nitrat", "ISO 10304-1", "M1", 50.0),
    hi("Nitrite", "نیتریت", "Nitrit", "ISO 6777", "M1", 0.1),
];

#[rustfmt::skip]
pub(super) static TOMATO_CONCENTRATE: &[Req] = &[
    lo("Natural total soluble solids (tomato paste)", "مواد جامد محلول طبیعی (رب گوجه‌فرنگی)", "Chất khô hòa tan tự nhiên (cà chua cô đặc)", "ISO 2173", "P1", 24.0),
    hi("Mould count (Howard, positive fields)", "شمارش کپک (روش هوارد، میدان‌های مثبت)", "Nấm mốc (phương pháp Howard, tỷ lệ vi trường dương tính)", "", "P1", 70.0),
    cat("Colour", "رنگ", "Màu sắc", "", &["characteristic red"]),
];

#[rustfmt::skip]
pub(super) static PC40: &[Req] = &[
    lo("Compressive strength at 3 days", "مقاومت فشاری ۳ روزه", "Cường độ nén tuổi 3 ngày", "ISO 679", "MPA", 21.0),
    lo("Compressive strength at 28 days", "مقاومت فشاری ۲۸ روزه", "Cường độ nén tuổi 28 ngày", "ISO 679", "MPA", 40.0),
    lo("Initial setting time", "زمان گیرش اولیه", "Thời gian bắt đầu đông kết", "", "MIN", 45.0),
    hi("Final setting time", "زمان گیرش نهایی", "Thời gian kết thúc đông kết", "", "MIN", 375.0),
    hi("Soundness (Le Chatelier expansion)", "انبساط (روش لوشاتلیه)", "Độ ổn định thể tích (phương pháp Le Chatelier)", "", "MMT", 10.0),
    hi("Magnesium oxide (MgO)", "اکسید منیزیم (MgO)", "Hàm lượng magie oxit (MgO)", "", "P1", 5.0),
    hi("Sulfuric anhydride (SO3)", "انیدرید سولفوریک (SO3)", "Hàm lượng anhydrit sunfuric (SO3)", "", "P1", 3.5),
    hi("Loss on ignition", "افت سرخ‌شدن", "Hàm lượng mất khi nung", "", "P1", 3.0),
];

#[rustfmt::skip]
pub(super) static PCB40: &[Req] = &[
    lo("Compressive strength at 3 days", "مقاومت فشاری ۳ روزه", "Cường độ nén tuổi 3 ngày", "ISO 679", "MPA", 18.0),
    lo("Compressive strength at 28 days", "مقاومت فشاری ۲۸ روزه", "Cường độ nén tuổi 28 ngày", "ISO 679", "MPA", 40.0),
    lo("Initial setting time", "زمان گیرش اولیه", "Thời gian bắt đầu đông kết", "", "MIN", 45.0),
    hi("Final setting time", "زمان گیرش نهایی", "Thời gian kết thúc đông kết", "", "MIN", 420.0),
    hi("Soundness (Le Chatelier expansion)", "انبساط (روش لوشاتلیه)", "Độ ổn định thể tích (phương pháp Le Chatelier)", "", "MMT", 10.0),
    hi("Sulfuric anhydride (SO3)", "انیدرید سولفوریک (SO3)", "Hàm lượng anhydrit sunfuric (SO3)", "", "P1", 3.5),
];

#[rustfmt::skip]
pub(super) static CB400V: &[Req] = &[
    lo("Upper yield strength (ReH), grade CB400-V", "تنش تسلیم بالایی (ReH)، رده CB400-V", "Giới hạn chảy trên (ReH), mác CB400-V", "ISO 6892-1", "MPA", 400.0),
    lo("Tensile strength (Rm), grade CB400-V", "استحکام کششی (Rm)، رده CB400-V", "Giới hạn bền kéo (Rm), mác CB400-V", "ISO 6892-1", "MPA", 570.0),
    lo("Elongation after fracture (A5)", "ازدیاد طول پس از شکست (A5)", "Độ giãn dài sau khi đứt (A5)", "ISO 6892-1", "P1", 14.0),
    lo("Total elongation at maximum force (Agt)", "ازدیاد طول کل در نیروی بیشینه (Agt)", "Độ giãn dài tổng ở lực lớn nhất (Agt)", "ISO 15630-1", "P1", 8.0),
    cat("Bend test (180°)", "آزمون خمش (۱۸۰ درجه)", "Thử uốn (180°)", "ISO 15630-1", &["no cracks"]),
];

#[rustfmt::skip]
pub(super) static CONSTRUCTION_PRODUCTS: &[(&str, Req)] = &[
    ("2.1.1", lo("Portland cement: compressive strength at 28 days (PC40)", "سیمان پرتلند: مقاومت فشاری ۲۸ روزه (PC40)", "Xi măng poóc lăng: cường độ nén tuổi 28 ngày (PC40)", "TCVN 6016", "MPA", 40.0)),
    ("2.1.2", hi("Ceramic tiles: water absorption (porcelain)", "کاشی سرامیکی: جذب آب (پرسلانی)", "Gạch gốm ốp lát: độ hút nước (gạch porcelain)", "TCVN 6415-3", "P1", 0.5)),
    ("2.1.3", lo("Clay bricks: compressive strength", "آجر رسی: مقاومت فشاری", "Gạch đất sét nung: cường độ nén", "", "MPA", 7.5)),
    ("2.1.4", lo("Gypsum boards: breaking load, longitudinal", "صفحه گچی: بار گسیختگی در جهت طولی", "Tấm thạch cao: tải trọng uốn gãy theo chiều dọc", "", "NEW", 550.0)),
    ("2.1.5", lo("Float glass: light transmittance (4 mm)", "شیشه فلوت: ضریب عبور نور (۴ میلی‌متر)", "Kính nổi: hệ số truyền sáng (4 mm)", "", "P1", 88.0)),
    ("2.1.6", hi("Sanitary ware: water absorption", "چینی بهداشتی: جذب آب", "Sứ vệ sinh: độ hút nước", "", "P1", 0.5)),
    ("3.1", cat("Certification of conformity (hợp quy)", "گواهی انطباق با مقررات", "Chứng nhận hợp quy", "", &["certified"])),
];

#[rustfmt::skip]
pub(super) static APPLIANCE_REGULATION: &[(&str, Req)] = &[
    ("2.1", cat("Safety requirements of TCVN 5699-1 (IEC 60335-1)", "الزامات ایمنی TCVN 5699-1 (IEC 60335-1)", "Yêu cầu an toàn theo TCVN 5699-1 (IEC 60335-1)", "TCVN 5699-1", CONFORMING)),
    ("2.2", hi("Leakage current at operating temperature (class I, portable)", "جریان نشتی در دمای کار (رده I، قابل حمل)", "Dòng điện rò ở nhiệt độ làm việc (cấp I, di động)", "TCVN 5699-1", "4K", 0.75)),
    ("3.1", cat("Certification of conformity (hợp quy)", "گواهی انطباق با مقررات", "Chứng nhận hợp quy", "", &["certified"])),
    ("3.2", cat("Conformity mark (CR mark)", "نشان انطباق (نشان CR)", "Dấu hợp quy (dấu CR)", "", &["affixed"])),
];

#[rustfmt::skip]
pub(super) static REBAR_REGULATION: &[(&str, Req)] = &[
    ("2.1", cat("Technical requirements of TCVN 1651-2", "الزامات فنی TCVN 1651-2", "Yêu cầu kỹ thuật theo TCVN 1651-2", "TCVN 1651-2", CONFORMING)),
    ("2.2", lo("Upper yield strength (ReH), grade CB400-V", "تنش تسلیم بالایی (ReH)، رده CB400-V", "Giới hạn chảy trên (ReH), mác CB400-V", "TCVN 197-1", "MPA", 400.0)),
    ("2.3", cat("Marking on the bar (manufacturer, grade)", "نشانه‌گذاری روی میلگرد (تولیدکننده، رده)", "Ký hiệu trên thanh thép (nhà sản xuất, mác thép)", "", &["present"])),
    ("3.1", cat("Certification of conformity (hợp quy)", "گواهی انطباق با مقررات", "Chứng nhận hợp quy", "", &["certified"])),
];

#[rustfmt::skip]
pub(super) static TAP_WATER: &[Req] = &[
    band("pH", "pH", "pH", "ISO 10523", "C62", 6.0, 8.5),
    hi("Turbidity (NTU)", "کدورت (NTU)", "Độ đục (NTU)", "ISO 7027-1", "C62", 2.0),
    band("Free chlorine", "کلر آزاد باقیمانده", "Clo dư tự do", "ISO 7393-2", "M1", 0.2, 1.0),
    hi("Arsenic", "آرسنیک", "Asen", "ISO 17294-2", "M1", 0.01),
    hi("Ammonium (as N)", "آمونیوم (برحسب N)", "Amoni (tính theo N)", "", "M1", 0.3),
    hi("Permanganate index", "شاخص پرمنگنات", "Chỉ số pecmanganat", "ISO 8467", "M1", 2.0),
    cat("Escherichia coli", "اشریشیا کلی", "Escherichia coli", "ISO 9308-1", &["not detected in 100 ml"]),
];

#[rustfmt::skip]
pub(super) static WATER_MICROBIOLOGY: &[Req] = &[
    cat("Escherichia coli", "اشریشیا کلی", "Escherichia coli", "ISO 9308-1", &["not detected in 100 ml"]),
    cat("Coliform bacteria", "باکتری‌های کلی‌فرم", "Vi khuẩn coliform", "ISO 9308-1", &["not detected in 100 ml"]),
    cat("Intestinal enterococci", "انتروکوک‌های روده‌ای", "Khuẩn cầu đường ruột", "ISO 7899-2", &["not detected in 100 ml"]),
    cat("Pseudomonas aeruginosa", "سودوموناس آئروژینوزا", "Pseudomonas aeruginosa", "ISO 16266", &["not detected in 100 ml"]),
];
