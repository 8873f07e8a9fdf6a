//! Food products.

use super::{Req, band, cat, hi, lo};

const NOT_25G: &[&str] = &["not detected in 25 g"];

#[rustfmt::skip]
pub(crate) static POULTRY: &[Req] = &[
    hi("Core temperature", "دمای مرکز محصول", "Nhiệt độ tâm sản phẩm", "", "CEL", -18.0),
    hi("Thaw loss", "افت آب پس از یخ‌زدایی", "Hao hụt sau rã đông", "", "P1", 5.0),
    hi("Total volatile basic nitrogen (TVB-N)", "ازت فرار کل (TVB-N)", "Nitơ bazơ bay hơi tổng số (TVB-N)", "", "NA", 200.0),
    hi("Tetracycline residues", "باقیمانده تتراسایکلین‌ها", "Dư lượng tetracyclin", "", "J33", 100.0),
    cat("Salmonella", "سالمونلا", "Salmonella", "ISO 6579-1", NOT_25G),
];

#[rustfmt::skip]
pub(crate) static SAUSAGE: &[Req] = &[
    lo("Meat content", "مقدار گوشت", "Hàm lượng thịt", "", "P1", 55.0),
    lo("Protein", "پروتئین", "Hàm lượng protein", "ISO 937", "P1", 12.0),
    hi("Total fat", "چربی کل", "Hàm lượng chất béo tổng số", "ISO 1443", "P1", 25.0),
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 1442", "P1", 65.0),
    hi("Starch", "نشاسته", "Hàm lượng tinh bột", "ISO 13965", "P1", 5.0),
    hi("Nitrite (as sodium nitrite)", "نیتریت (برحسب نیتریت سدیم)", "Nitrit (tính theo natri nitrit)", "ISO 2918", "NA", 120.0),
    cat("Salmonella", "سالمونلا", "Salmonella", "ISO 6579-1", NOT_25G),
];

#[rustfmt::skip]
pub(crate) static CANNED_FISH: &[Req] = &[
    hi("Histamine", "هیستامین", "Histamin", "ISO 19343", "NA", 100.0),
    hi("Mercury", "جیوه", "Thủy ngân", "EN 13806", "NA", 1.0),
    lo("Drained weight (of declared net content)", "وزن آبکش‌شده (از وزن خالص اعلام‌شده)", "Khối lượng cái (so với khối lượng tịnh công bố)", "", "P1", 70.0),
    hi("Tin (canned products)", "قلع", "Thiếc", "", "NA", 250.0),
    hi("Salt (as sodium chloride)", "نمک (برحسب کلرید سدیم)", "Hàm lượng muối (tính theo natri clorua)", "", "P1", 2.5),
    cat("Commercial sterility", "استریلیتی تجاری", "Độ vô trùng thương mại", "", &["commercially sterile"]),
];

#[rustfmt::skip]
pub(crate) static FROZEN_SEAFOOD: &[Req] = &[
    hi("Core temperature", "دمای مرکز محصول", "Nhiệt độ tâm sản phẩm", "", "CEL", -18.0),
    hi("Glaze content", "مقدار لایه یخ", "Tỷ lệ mạ băng", "", "P1", 20.0),
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 1442", "P1", 83.0),
    hi("Sulfite (as sulfur dioxide)", "سولفیت (برحسب دی‌اکسید گوگرد)", "Sulfit (tính theo lưu huỳnh đioxit)", "", "NA", 100.0),
    cat("Chloramphenicol", "کلرامفنیکل", "Cloramphenicol", "", &["not detected"]),
    hi("Total aerobic count (cfu/g)", "شمارش کلی میکروارگانیسم‌ها (cfu/g)", "Tổng số vi sinh vật hiếu khí (CFU/g)", "ISO 4833-1", "C62", 1_000_000.0),
];

#[rustfmt::skip]
pub(crate) static FISH_SAUCE: &[Req] = &[
    lo("Total nitrogen", "ازت کل", "Hàm lượng nitơ tổng số", "ISO 937", "GL", 10.0),
    lo("Amino acid nitrogen (of total nitrogen)", "ازت آمینی (از ازت کل)", "Nitơ axit amin (so với nitơ tổng số)", "", "P1", 40.0),
    hi("Ammonia nitrogen (of total nitrogen)", "ازت آمونیاکی (از ازت کل)", "Nitơ amoniac (so với nitơ tổng số)", "", "P1", 30.0),
    lo("Salt (as sodium chloride)", "نمک (برحسب کلرید سدیم)", "Hàm lượng muối (tính theo natri clorua)", "", "GL", 200.0),
    hi("Histamine", "هیستامین", "Histamin", "ISO 19343", "NA", 400.0),
    band("pH", "pH", "pH", "ISO 1842", "C62", 5.0, 6.5),
];

#[rustfmt::skip]
pub(crate) static TOMATO_PASTE: &[Req] = &[
    lo("Total soluble solids (refractometric, salt-free)", "مواد جامد محلول (شکست‌سنجی، بدون نمک)", "Chất khô hòa tan (khúc xạ kế, không kể muối)", "ISO 2173", "P1", 25.0),
    hi("pH", "pH", "pH", "ISO 1842", "C62", 4.4),
    hi("Mould count (Howard, positive fields)", "شمارش کپک (روش هوارد، میدان‌های مثبت)", "Nấm mốc (phương pháp Howard, tỷ lệ vi trường dương tính)", "", "P1", 50.0),
    hi("Added salt", "نمک افزوده", "Muối bổ sung", "", "P1", 1.5),
    lo("Colour ratio (Hunter a/b)", "نسبت رنگ (a/b هانتر)", "Tỷ số màu (a/b Hunter)", "", "C62", 2.0),
    hi("Lead", "سرب", "Chì", "EN 14083", "NA", 0.05),
];

#[rustfmt::skip]
pub(crate) static JUICE: &[Req] = &[
    lo("Soluble solids (°Brix)", "مواد جامد محلول (بریکس)", "Chất khô hòa tan (°Brix)", "ISO 2173", "P1", 11.2),
    band("Titratable acidity (as citric acid)", "اسیدیته قابل تیتر (برحسب اسید سیتریک)", "Độ axit chuẩn độ (tính theo axit citric)", "ISO 750", "GL", 5.0, 15.0),
    lo("Ascorbic acid (vitamin C)", "اسید آسکوربیک (ویتامین ث)", "Axit ascorbic (vitamin C)", "ISO 6557-2", "M1", 200.0),
    hi("Pulp content", "مقدار تفاله", "Hàm lượng thịt quả", "", "P1", 12.0),
    hi("Yeasts and moulds (cfu/ml)", "کپک و مخمر (cfu/ml)", "Nấm men và nấm mốc (CFU/ml)", "ISO 21527-1", "C62", 50.0),
    cat("Added sugars", "قند افزوده", "Đường bổ sung", "", &["none"]),
];

#[rustfmt::skip]
pub(crate) static NUTS: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 665", "P1", 5.0),
    hi("Aflatoxin B1", "آفلاتوکسین B1", "Aflatoxin B1", "ISO 16050", "J33", 8.0),
    hi("Total aflatoxins (B1, B2, G1, G2)", "آفلاتوکسین کل (B1، B2، G1، G2)", "Aflatoxin tổng số (B1, B2, G1, G2)", "ISO 16050", "J33", 10.0),
    hi("Broken kernels", "مغز شکسته", "Nhân vỡ", "", "P1", 5.0),
    hi("Kernels damaged by insects", "مغز آفت‌زده", "Nhân bị côn trùng hại", "", "P1", 1.0),
    hi("Foreign matter", "مواد خارجی", "Tạp chất lạ", "", "P1", 0.1),
];

#[rustfmt::skip]
pub(crate) static VEGETABLE_OIL: &[Req] = &[
    hi("Acid value (mg KOH/g)", "عدد اسیدی (میلی‌گرم KOH بر گرم)", "Chỉ số axit (mg KOH/g)", "ISO 660", "C62", 0.6),
    hi("Peroxide value (meq active oxygen/kg)", "عدد پراکسید (میلی‌اکی‌والان اکسیژن فعال بر کیلوگرم)", "Chỉ số peroxit (mili đương lượng oxy hoạt tính/kg)", "ISO 3960", "C62", 10.0),
    band("Iodine value (Wijs)", "عدد یدی (ویس)", "Chỉ số iốt (Wijs)", "ISO 3961", "C62", 124.0, 139.0),
    hi("Moisture and volatile matter", "رطوبت و مواد فرار", "Độ ẩm và chất bay hơi", "ISO 662", "P1", 0.1),
    hi("Trans fatty acids (of total fatty acids)", "اسیدهای چرب ترانس (از کل اسیدهای چرب)", "Axit béo dạng trans (so với tổng axit béo)", "ISO 12966-2", "P1", 2.0),
    hi("Soap content", "مقدار صابون", "Hàm lượng xà phòng", "", "NA", 50.0),
];

#[rustfmt::skip]
pub(crate) static SOLID_FAT: &[Req] = &[
    band("Slip melting point", "نقطه ذوب لغزشی", "Điểm nóng chảy trượt", "ISO 6321", "CEL", 34.0, 40.0),
    hi("Trans fatty acids (of total fatty acids)", "اسیدهای چرب ترانس (از کل اسیدهای چرب)", "Axit béo dạng trans (so với tổng axit béo)", "ISO 12966-2", "P1", 10.0),
    hi("Acid value (mg KOH/g)", "عدد اسیدی (میلی‌گرم KOH بر گرم)", "Chỉ số axit (mg KOH/g)", "ISO 660", "C62", 0.6),
    hi("Peroxide value (meq active oxygen/kg)", "عدد پراکسید (میلی‌اکی‌والان اکسیژن فعال بر کیلوگرم)", "Chỉ số peroxit (mili đương lượng oxy hoạt tính/kg)", "ISO 3960", "C62", 2.0),
    hi("Nickel", "نیکل", "Niken", "", "NA", 0.2),
];

#[rustfmt::skip]
pub(crate) static OLIVE_OIL: &[Req] = &[
    hi("Free acidity (as oleic acid)", "اسیدیته آزاد (برحسب اسید اولئیک)", "Độ axit tự do (tính theo axit oleic)", "ISO 660", "P1", 0.8),
    hi("Peroxide value (meq active oxygen/kg)", "عدد پراکسید (میلی‌اکی‌والان اکسیژن فعال بر کیلوگرم)", "Chỉ số peroxit (mili đương lượng oxy hoạt tính/kg)", "ISO 3960", "C62", 20.0),
    hi("Absorbance K232", "جذب فرابنفش K232", "Độ hấp thụ K232", "ISO 3656", "C62", 2.5),
    hi("Absorbance K270", "جذب فرابنفش K270", "Độ hấp thụ K270", "ISO 3656", "C62", 0.22),
    cat("Sensory: median of defects", "ارزیابی حسی: میانه عیوب", "Cảm quan: trung vị khuyết tật", "", &["0"]),
];

#[rustfmt::skip]
pub(crate) static MILK: &[Req] = &[
    lo("Fat", "چربی", "Hàm lượng chất béo", "ISO 1211", "P1", 1.5),
    lo("Solids-not-fat", "مواد جامد بدون چربی", "Chất khô không béo", "ISO 6731", "P1", 8.0),
    lo("Protein (N × 6.38)", "پروتئین (N × ۶٫۳۸)", "Protein (N × 6,38)", "ISO 8968-1", "P1", 2.8),
    band("Titratable acidity (as lactic acid)", "اسیدیته (برحسب اسید لاکتیک)", "Độ axit chuẩn độ (tính theo axit lactic)", "", "P1", 0.13, 0.16),
    band("Density at 20 °C", "چگالی در ۲۰ درجه سلسیوس", "Khối lượng riêng ở 20 °C", "", "23", 1.028, 1.034),
    cat("Alkaline phosphatase", "آلکالین فسفاتاز", "Phosphatase kiềm", "ISO 11816-1", &["negative"]),
    hi("Aflatoxin M1", "آفلاتوکسین M1", "Aflatoxin M1", "ISO 14501", "J33", 0.5),
];

#[rustfmt::skip]
pub(crate) static YOGHURT: &[Req] = &[
    lo("Fat", "چربی", "Hàm lượng chất béo", "ISO 1211", "P1", 1.5),
    lo("Milk protein", "پروتئین شیر", "Protein sữa", "ISO 8968-1", "P1", 2.7),
    lo("Solids-not-fat", "مواد جامد بدون چربی", "Chất khô không béo", "ISO 6731", "P1", 8.2),
    lo("Titratable acidity (as lactic acid)", "اسیدیته (برحسب اسید لاکتیک)", "Độ axit chuẩn độ (tính theo axit lactic)", "ISO/TS 11869", "P1", 0.6),
    lo("Characteristic microorganisms (cfu/g)", "میکروارگانیسم‌های اختصاصی (cfu/g)", "Vi sinh vật đặc trưng (CFU/g)", "ISO 7889", "C62", 10_000_000.0),
    hi("Coliforms (cfu/g)", "کلی‌فرم‌ها (cfu/g)", "Coliform (CFU/g)", "ISO 4832", "C62", 10.0),
];

#[rustfmt::skip]
pub(crate) static DOOGH: &[Req] = &[
    band("Fat", "چربی", "Hàm lượng chất béo", "ISO 1211", "P1", 0.5, 2.0),
    lo("Total solids", "مواد جامد کل", "Tổng chất khô", "ISO 6731", "P1", 3.0),
    hi("Salt (as sodium chloride)", "نمک (برحسب کلرید سدیم)", "Hàm lượng muối (tính theo natri clorua)", "", "P1", 1.0),
    band("pH", "pH", "pH", "", "C62", 3.6, 4.5),
    hi("Yeasts and moulds (cfu/ml)", "کپک و مخمر (cfu/ml)", "Nấm men và nấm mốc (CFU/ml)", "ISO 21527-1", "C62", 100.0),
];

#[rustfmt::skip]
pub(crate) static CHEESE: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 5534", "P1", 60.0),
    lo("Fat in dry matter", "چربی در ماده خشک", "Chất béo trong chất khô", "ISO 1735", "P1", 40.0),
    hi("Salt (as sodium chloride)", "نمک (برحسب کلرید سدیم)", "Hàm lượng muối (tính theo natri clorua)", "", "P1", 5.0),
    band("pH", "pH", "pH", "", "C62", 4.4, 5.0),
    hi("Coliforms (cfu/g)", "کلی‌فرم‌ها (cfu/g)", "Coliform (CFU/g)", "ISO 4832", "C62", 100.0),
    cat("Listeria monocytogenes", "لیستریا مونوسیتوژنز", "Listeria monocytogenes", "ISO 11290-1", NOT_25G),
];

#[rustfmt::skip]
pub(crate) static ICE_CREAM: &[Req] = &[
    lo("Milk fat", "چربی شیر", "Chất béo sữa", "ISO 7328", "P1", 5.0),
    lo("Total solids", "مواد جامد کل", "Tổng chất khô", "ISO 3728", "P1", 30.0),
    lo("Protein", "پروتئین", "Hàm lượng protein", "ISO 8968-1", "P1", 2.5),
    hi("Overrun", "افزایش حجم", "Độ nở", "", "P1", 120.0),
    hi("Coliforms (cfu/g)", "کلی‌فرم‌ها (cfu/g)", "Coliform (CFU/g)", "ISO 4832", "C62", 10.0),
    hi("Total aerobic count (cfu/g)", "شمارش کلی میکروارگانیسم‌ها (cfu/g)", "Tổng số vi sinh vật hiếu khí (CFU/g)", "ISO 4833-1", "C62", 100_000.0),
];

#[rustfmt::skip]
pub(crate) static FLOUR: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 712", "P1", 14.5),
    band("Ash (dry basis)", "خاکستر (برحسب ماده خشک)", "Tro (tính theo chất khô)", "ISO 2171", "P1", 0.55, 0.9),
    lo("Protein (N × 5.7, dry basis)", "پروتئین (N × ۵٫۷، برحسب ماده خشک)", "Protein (N × 5,7, tính theo chất khô)", "ISO 20483", "P1", 10.5),
    lo("Wet gluten", "گلوتن مرطوب", "Gluten ướt", "ISO 21415-2", "P1", 24.0),
    lo("Falling number", "عدد فالینگ", "Chỉ số rơi", "ISO 3093", "SEC", 250.0),
    hi("Acid-insoluble ash", "خاکستر نامحلول در اسید", "Tro không tan trong axit", "", "P1", 0.05),
];

#[rustfmt::skip]
pub(crate) static RICE: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 712", "P1", 14.0),
    hi("Broken kernels", "دانه شکسته", "Tấm", "ISO 7301", "P1", 5.0),
    hi("Chalky kernels", "دانه گچی", "Hạt bạc phấn", "ISO 7301", "P1", 6.0),
    hi("Red and red-streaked kernels", "دانه قرمز و رگه‌دار", "Hạt đỏ và hạt sọc đỏ", "ISO 7301", "P1", 2.0),
    hi("Foreign matter", "مواد خارجی", "Tạp chất lạ", "", "P1", 0.1),
    hi("Cadmium", "کادمیم", "Cadimi", "EN 14083", "NA", 0.4),
    hi("Inorganic arsenic", "آرسنیک معدنی", "Asen vô cơ", "EN 16802", "NA", 0.2),
];

#[rustfmt::skip]
pub(crate) static BISCUIT: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "", "P1", 5.0),
    hi("Acid-insoluble ash (dry basis)", "خاکستر نامحلول در اسید (برحسب ماده خشک)", "Tro không tan trong axit (tính theo chất khô)", "", "P1", 0.1),
    hi("Acid value of extracted fat (mg KOH/g)", "عدد اسیدی چربی استخراج‌شده (میلی‌گرم KOH بر گرم)", "Chỉ số axit của chất béo chiết (mg KOH/g)", "ISO 660", "C62", 1.0),
    hi("Peroxide value of extracted fat (meq/kg)", "عدد پراکسید چربی استخراج‌شده (میلی‌اکی‌والان بر کیلوگرم)", "Chỉ số peroxit của chất béo chiết (mili đương lượng/kg)", "ISO 3960", "C62", 5.0),
    hi("Acrylamide", "آکریل‌آمید", "Acrylamid", "EN 16618", "J33", 350.0),
];

#[rustfmt::skip]
pub(crate) static SUGAR: &[Req] = &[
    lo("Polarisation (°Z)", "پلاریزاسیون (درجه Z)", "Độ Pol (°Z)", "", "C62", 99.7),
    hi("Colour (ICUMSA units)", "رنگ (واحد ایکومسا)", "Độ màu (đơn vị ICUMSA)", "", "C62", 45.0),
    hi("Loss on drying", "افت وزن در اثر خشک‌کردن", "Hao hụt khối lượng khi sấy", "", "P1", 0.06),
    hi("Conductivity ash", "خاکستر هدایت‌سنجی", "Tro dẫn điện", "", "P1", 0.04),
    hi("Invert sugar", "قند اینورت", "Đường khử", "", "P1", 0.04),
    hi("Sulfur dioxide", "دی‌اکسید گوگرد", "Lưu huỳnh đioxit", "", "NA", 15.0),
];

#[rustfmt::skip]
pub(crate) static CHOCOLATE: &[Req] = &[
    lo("Total cocoa solids (dry matter)", "مواد جامد کل کاکائو (ماده خشک)", "Tổng chất khô ca cao", "", "P1", 35.0),
    lo("Cocoa butter", "کره کاکائو", "Bơ ca cao", "", "P1", 18.0),
    lo("Fat-free cocoa solids", "مواد جامد کاکائوی بدون چربی", "Chất khô ca cao không béo", "", "P1", 14.0),
    hi("Moisture", "رطوبت", "Độ ẩm", "", "P1", 1.5),
    hi("Cadmium", "کادمیم", "Cadimi", "EN 14083", "NA", 0.3),
];

#[rustfmt::skip]
pub(crate) static PASTA: &[Req] = &[
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 712", "P1", 12.5),
    lo("Protein (dry basis)", "پروتئین (برحسب ماده خشک)", "Protein (tính theo chất khô)", "ISO 20483", "P1", 10.5),
    hi("Ash (dry basis)", "خاکستر (برحسب ماده خشک)", "Tro (tính theo chất khô)", "ISO 2171", "P1", 0.9),
    hi("Cooking loss", "افت پخت", "Tổn thất khi nấu", "", "P1", 8.0),
    cat("Artificial colours", "رنگ‌های مصنوعی", "Phẩm màu tổng hợp", "", &["none"]),
];

#[rustfmt::skip]
pub(crate) static NOODLES: &[Req] = &[
    hi("Moisture (fried noodles)", "رطوبت (رشته سرخ‌شده)", "Độ ẩm (mì chiên)", "", "P1", 10.0),
    hi("Acid value of extracted oil (mg KOH/g)", "عدد اسیدی روغن استخراج‌شده (میلی‌گرم KOH بر گرم)", "Chỉ số axit của dầu chiết (mg KOH/g)", "ISO 660", "C62", 2.0),
    hi("Fat", "چربی", "Hàm lượng chất béo", "", "P1", 24.0),
    hi("Sodium (in seasoning)", "سدیم (در چاشنی)", "Natri (trong gói gia vị)", "", "NA", 2000.0),
    hi("Total aerobic count (cfu/g)", "شمارش کلی میکروارگانیسم‌ها (cfu/g)", "Tổng số vi sinh vật hiếu khí (CFU/g)", "ISO 4833-1", "C62", 10_000.0),
];

#[rustfmt::skip]
pub(crate) static INFANT_FORMULA: &[Req] = &[
    band("Energy (kcal/100 ml, ready to feed)", "انرژی (کیلوکالری در ۱۰۰ میلی‌لیتر آماده مصرف)", "Năng lượng (kcal/100 ml sản phẩm pha sẵn)", "", "C62", 60.0, 70.0),
    band("Protein (g/100 kcal)", "پروتئین (گرم در ۱۰۰ کیلوکالری)", "Protein (g/100 kcal)", "ISO 8968-1", "C62", 1.8, 3.0),
    band("Fat (g/100 kcal)", "چربی (گرم در ۱۰۰ کیلوکالری)", "Chất béo (g/100 kcal)", "", "C62", 4.4, 6.0),
    hi("Moisture (powder)", "رطوبت (پودر)", "Độ ẩm (dạng bột)", "", "P1", 5.0),
    hi("Melamine", "ملامین", "Melamin", "ISO/TS 15495", "NA", 1.0),
    hi("Aflatoxin M1", "آفلاتوکسین M1", "Aflatoxin M1", "ISO 14501", "J33", 0.025),
    cat("Cronobacter spp.", "کرونوباکتر", "Cronobacter spp.", "ISO 22964", &["not detected in 10 g"]),
    cat("Salmonella", "سالمونلا", "Salmonella", "ISO 6579-1", NOT_25G),
];

#[rustfmt::skip]
pub(crate) static BLACK_TEA: &[Req] = &[
    lo("Water extract", "عصاره آبی", "Chất chiết trong nước", "ISO 9768", "P1", 32.0),
    band("Total ash", "خاکستر کل", "Tro tổng số", "ISO 1575", "P1", 4.0, 8.0),
    lo("Water-soluble ash (of total ash)", "خاکستر محلول در آب (از خاکستر کل)", "Tro tan trong nước (so với tro tổng số)", "ISO 1576", "P1", 45.0),
    hi("Acid-insoluble ash", "خاکستر نامحلول در اسید", "Tro không tan trong axit", "ISO 1577", "P1", 1.0),
    hi("Crude fibre", "الیاف خام", "Xơ thô", "ISO 15598", "P1", 16.5),
    hi("Loss in mass at 103 °C", "افت وزن در ۱۰۳ درجه سلسیوس", "Hao hụt khối lượng ở 103 °C", "ISO 1573", "P1", 8.0),
];

#[rustfmt::skip]
pub(crate) static GREEN_TEA: &[Req] = &[
    lo("Water extract", "عصاره آبی", "Chất chiết trong nước", "ISO 9768", "P1", 32.0),
    band("Total ash", "خاکستر کل", "Tro tổng số", "ISO 1575", "P1", 4.0, 8.0),
    hi("Acid-insoluble ash", "خاکستر نامحلول در اسید", "Tro không tan trong axit", "ISO 1577", "P1", 1.0),
    hi("Crude fibre", "الیاف خام", "Xơ thô", "ISO 15598", "P1", 16.5),
    lo("Total polyphenols", "پلی‌فنول کل", "Polyphenol tổng số", "ISO 14502-1", "P1", 11.0),
    lo("Total catechins", "کاتچین کل", "Catechin tổng số", "ISO 14502-2", "P1", 7.0),
];

#[rustfmt::skip]
pub(crate) static COFFEE: &[Req] = &[
    hi("Loss in mass at 70 °C under reduced pressure", "افت وزن در ۷۰ درجه سلسیوس در فشار کاهش‌یافته", "Hao hụt khối lượng ở 70 °C dưới áp suất giảm", "ISO 3726", "P1", 5.0),
    lo("Caffeine (dry basis)", "کافئین (برحسب ماده خشک)", "Cafein (tính theo chất khô)", "ISO 20481", "P1", 2.5),
    band("Total ash (dry basis)", "خاکستر کل (برحسب ماده خشک)", "Tro tổng số (tính theo chất khô)", "", "P1", 6.0, 14.0),
    hi("Ochratoxin A", "اکراتوکسین A", "Ochratoxin A", "", "J33", 10.0),
    cat("Solubility in hot water", "حلالیت در آب داغ", "Độ hòa tan trong nước nóng", "", &["completely soluble"]),
];

#[rustfmt::skip]
pub(crate) static SAFFRON: &[Req] = &[
    hi("Moisture and volatile matter (filaments)", "رطوبت و مواد فرار (کلاله)", "Độ ẩm và chất bay hơi (dạng sợi)", "ISO 3632-2", "P1", 12.0),
    lo("Crocin, absorbance A1%1cm at 440 nm", "کروسین، جذب A1%1cm در ۴۴۰ نانومتر", "Crocin, độ hấp thụ A1%1cm ở 440 nm", "ISO 3632-2", "C62", 200.0),
    lo("Picrocrocin, absorbance A1%1cm at 257 nm", "پیکروکروسین، جذب A1%1cm در ۲۵۷ نانومتر", "Picrocrocin, độ hấp thụ A1%1cm ở 257 nm", "ISO 3632-2", "C62", 70.0),
    band("Safranal, absorbance A1%1cm at 330 nm", "سافرانال، جذب A1%1cm در ۳۳۰ نانومتر", "Safranal, độ hấp thụ A1%1cm ở 330 nm", "ISO 3632-2", "C62", 20.0, 50.0),
    hi("Floral waste", "ضایعات گل", "Phế phẩm hoa", "ISO 3632-2", "P1", 0.5),
    hi("Foreign matter", "مواد خارجی", "Tạp chất lạ", "ISO 3632-2", "P1", 0.1),
    hi("Total ash (dry basis)", "خاکستر کل (برحسب ماده خشک)", "Tro tổng số (tính theo chất khô)", "ISO 3632-2", "P1", 8.0),
];

#[rustfmt::skip]
pub(crate) static SOFT_DRINK: &[Req] = &[
    band("Soluble solids (°Brix)", "مواد جامد محلول (بریکس)", "Chất khô hòa tan (°Brix)", "ISO 2173", "P1", 8.0, 12.0),
    band("pH", "pH", "pH", "ISO 1842", "C62", 2.5, 4.0),
    lo("Carbon dioxide (volumes)", "دی‌اکسید کربن (حجم)", "Cacbon đioxit (thể tích)", "", "C62", 2.5),
    hi("Caffeine", "کافئین", "Cafein", "", "M1", 150.0),
    hi("Benzoic acid", "اسید بنزوئیک", "Axit benzoic", "", "M1", 250.0),
    hi("Yeasts and moulds (cfu/ml)", "کپک و مخمر (cfu/ml)", "Nấm men và nấm mốc (CFU/ml)", "ISO 21527-1", "C62", 10.0),
];

#[rustfmt::skip]
pub(crate) static BOTTLED_WATER: &[Req] = &[
    band("pH", "pH", "pH", "ISO 10523", "C62", 6.5, 8.5),
    hi("Nitrate", "نیترات", "Nitrat", "ISO 10304-1", "M1", 50.0),
    hi("Nitrite", "نیتریت", "Nitrit", "ISO 6777", "M1", 0.1),
    hi("Fluoride", "فلوئورید", "Florua", "ISO 10304-1", "M1", 1.5),
    hi("Arsenic", "آرسنیک", "Asen", "ISO 17294-2", "M1", 0.01),
    cat("Escherichia coli", "اشریشیا کلی", "Escherichia coli", "ISO 9308-1", &["not detected in 250 ml"]),
    cat("Pseudomonas aeruginosa", "سودوموناس آئروژینوزا", "Pseudomonas aeruginosa", "ISO 16266", &["not detected in 250 ml"]),
];

#[rustfmt::skip]
pub(crate) static MALT_BEVERAGE: &[Req] = &[
    hi("Alcohol", "الکل", "Hàm lượng etanol", "", "VP", 0.5),
    lo("Original extract", "عصاره اولیه", "Chất chiết ban đầu", "", "P1", 6.0),
    band("pH", "pH", "pH", "", "C62", 3.5, 4.5),
    lo("Carbon dioxide (volumes)", "دی‌اکسید کربن (حجم)", "Cacbon đioxit (thể tích)", "", "C62", 2.0),
    hi("Total aerobic count (cfu/ml)", "شمارش کلی میکروارگانیسم‌ها (cfu/ml)", "Tổng số vi sinh vật hiếu khí (CFU/ml)", "ISO 4833-1", "C62", 100.0),
];

#[rustfmt::skip]
pub(crate) static BEER: &[Req] = &[
    band("Alcohol", "الکل", "Hàm lượng etanol", "", "VP", 3.5, 6.0),
    lo("Original extract", "عصاره اولیه", "Chất chiết ban đầu", "", "P1", 10.0),
    band("Carbon dioxide", "دی‌اکسید کربن", "Cacbon đioxit", "", "GL", 4.5, 5.5),
    hi("Diacetyl", "دی‌استیل", "Diacetyl", "", "M1", 0.1),
    band("pH", "pH", "pH", "", "C62", 3.8, 4.8),
];

#[cfg(test)]
pub(super) static LISTS: &[&[Req]] = &[
    POULTRY,
    SAUSAGE,
    CANNED_FISH,
    FROZEN_SEAFOOD,
    FISH_SAUCE,
    TOMATO_PASTE,
    JUICE,
    NUTS,
    VEGETABLE_OIL,
    SOLID_FAT,
    OLIVE_OIL,
    MILK,
    YOGHURT,
    DOOGH,
    CHEESE,
    ICE_CREAM,
    FLOUR,
    RICE,
    BISCUIT,
    SUGAR,
    CHOCOLATE,
    PASTA,
    NOODLES,
    INFANT_FORMULA,
    BLACK_TEA,
    GREEN_TEA,
    COFFEE,
    SAFFRON,
    SOFT_DRINK,
    BOTTLED_WATER,
    MALT_BEVERAGE,
    BEER,
];
