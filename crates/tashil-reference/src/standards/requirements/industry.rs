//! Plastics pipes, tyres, vehicles and parts, electrical equipment, gas appliances and
//! toys.

use super::{Req, band, cat, hi, lo};

#[rustfmt::skip]
pub(crate) static PVC_PIPE: &[Req] = &[
    cat("Hydrostatic pressure (20 °C, 1 h, hoop stress 42 MPa)", "فشار هیدرواستاتیک (۲۰ درجه سلسیوس، ۱ ساعت، تنش حلقوی ۴۲ مگاپاسکال)", "Áp suất thủy tĩnh (20 °C, 1 h, ứng suất vòng 42 MPa)", "ISO 1167-1", &["no failure"]),
    hi("Longitudinal reversion", "برگشت طولی", "Độ co chiều dọc", "ISO 2505", "P1", 5.0),
    lo("Vicat softening temperature", "دمای نرم‌شدن ویکات", "Nhiệt độ hóa mềm Vicat", "ISO 2507-1", "CEL", 80.0),
    hi("Resistance to external blows (true impact rate)", "مقاومت در برابر ضربه خارجی (نرخ ضربه واقعی)", "Độ bền va đập bên ngoài (tỷ lệ va đập thực)", "ISO 3127", "P1", 10.0),
    band("Wall thickness deviation", "انحراف ضخامت دیواره", "Sai lệch chiều dày thành ống", "ISO 3126", "MMT", 0.0, 0.5),
    cat("Resistance to dichloromethane", "مقاومت در برابر دی‌کلرومتان", "Độ bền với diclometan", "ISO 9852", &["no attack"]),
];

#[rustfmt::skip]
pub(crate) static PE_PIPE: &[Req] = &[
    cat("Hydrostatic strength (20 °C, 100 h, 12.4 MPa)", "استحکام هیدرواستاتیک (۲۰ درجه سلسیوس، ۱۰۰ ساعت، ۱۲٫۴ مگاپاسکال)", "Độ bền thủy tĩnh (20 °C, 100 h, 12,4 MPa)", "ISO 1167-1", &["no failure"]),
    lo("Oxidation induction time (200 °C)", "زمان القای اکسایش (۲۰۰ درجه سلسیوس)", "Thời gian cảm ứng oxy hóa (200 °C)", "ISO 11357-6", "MIN", 20.0),
    band("Carbon black content", "مقدار دوده", "Hàm lượng muội than", "ISO 6964", "P1", 2.0, 2.5),
    lo("Elongation at break", "ازدیاد طول تا پارگی", "Độ giãn dài khi đứt", "ISO 6259-3", "P1", 350.0),
    band("Change of melt mass-flow rate by processing", "تغییر شاخص جریان مذاب در اثر فراوری", "Thay đổi chỉ số chảy do gia công", "ISO 1133-1", "P1", -20.0, 20.0),
    hi("Longitudinal reversion (110 °C)", "برگشت طولی (۱۱۰ درجه سلسیوس)", "Độ co chiều dọc (110 °C)", "ISO 2505", "P1", 3.0),
];

#[rustfmt::skip]
pub(crate) static CAR_TYRE: &[Req] = &[
    cat("Load/speed endurance test", "آزمون دوام بار و سرعت", "Thử độ bền tải trọng/tốc độ", "UN R30", &["no visible damage"]),
    hi("Rolling resistance coefficient (N/kN)", "ضریب مقاومت غلتشی (نیوتن بر کیلونیوتن)", "Hệ số cản lăn (N/kN)", "ISO 28580", "C62", 10.5),
    lo("Wet grip index", "شاخص چسبندگی روی سطح خیس", "Chỉ số bám đường ướt", "UN R117", "C62", 1.1),
    hi("Rolling sound emission", "صدای غلتش", "Tiếng ồn lăn", "UN R117", "2N", 72.0),
    lo("Tread wear indicator height", "ارتفاع نشانگر سایش آج", "Chiều cao chỉ báo mòn gai lốp", "UN R30", "MMT", 1.6),
    cat("Sidewall markings (size, load index, speed symbol, date)", "نشانه‌گذاری دیواره (اندازه، شاخص بار، نماد سرعت، تاریخ)", "Ghi nhãn thành lốp (cỡ lốp, chỉ số tải, ký hiệu tốc độ, ngày sản xuất)", "UN R30", &["present"]),
];

#[rustfmt::skip]
pub(crate) static MOTORCYCLE_TYRE: &[Req] = &[
    cat("Load/speed endurance test", "آزمون دوام بار و سرعت", "Thử độ bền tải trọng/tốc độ", "UN R75", &["no visible damage"]),
    lo("Tread wear indicator height", "ارتفاع نشانگر سایش آج", "Chiều cao chỉ báo mòn gai lốp", "UN R75", "MMT", 0.8),
    band("Section width deviation from design", "انحراف پهنای مقطع از اندازه طراحی", "Sai lệch chiều rộng mặt cắt so với thiết kế", "UN R75", "P1", -4.0, 4.0),
    lo("Tread pattern depth (new tyre)", "عمق آج (تایر نو)", "Chiều sâu hoa lốp (lốp mới)", "", "MMT", 2.0),
    cat("Sidewall markings (size, load index, speed symbol, date)", "نشانه‌گذاری دیواره (اندازه، شاخص بار، نماد سرعت، تاریخ)", "Ghi nhãn thành lốp (cỡ lốp, chỉ số tải, ký hiệu tốc độ, ngày sản xuất)", "UN R75", &["present"]),
];

#[rustfmt::skip]
pub(crate) static CAR: &[Req] = &[
    hi("Exterior noise (pass-by)", "نوفه بیرونی (عبوری)", "Tiếng ồn bên ngoài (khi chạy qua)", "UN R51", "2N", 72.0),
    hi("CO emission, type I test (g/km)", "انتشار CO، آزمون نوع I (گرم بر کیلومتر)", "Phát thải CO, phép thử loại I (g/km)", "UN R83", "C62", 1.0),
    hi("NOx emission, type I test (g/km)", "انتشار NOx، آزمون نوع I (گرم بر کیلومتر)", "Phát thải NOx, phép thử loại I (g/km)", "UN R83", "C62", 0.06),
    hi("Service braking stopping distance from 100 km/h", "مسافت توقف ترمز اصلی از سرعت ۱۰۰ کیلومتر بر ساعت", "Quãng đường phanh chính từ 100 km/h", "UN R13-H", "MTR", 86.9),
    lo("Mean fully developed deceleration", "میانگین شتاب کاهشی کاملاً توسعه‌یافته", "Gia tốc phanh trung bình ổn định", "UN R13-H", "MSK", 6.43),
    cat("Frontal impact occupant protection", "حفاظت از سرنشین در برخورد از جلو", "Bảo vệ người ngồi trong va chạm trực diện", "UN R94", &["pass"]),
];

#[rustfmt::skip]
pub(crate) static MOTORCYCLE: &[Req] = &[
    hi("Exterior noise (pass-by)", "نوفه بیرونی (عبوری)", "Tiếng ồn bên ngoài (khi chạy qua)", "UN R41", "2N", 80.0),
    hi("CO emission (g/km)", "انتشار CO (گرم بر کیلومتر)", "Phát thải CO (g/km)", "", "C62", 1.14),
    hi("Stopping distance from 60 km/h (both brakes)", "مسافت توقف از سرعت ۶۰ کیلومتر بر ساعت (هر دو ترمز)", "Quãng đường phanh từ 60 km/h (cả hai phanh)", "UN R78", "MTR", 26.0),
    lo("Headlamp illuminance at 25 m (low beam)", "شدت روشنایی چراغ جلو در ۲۵ متری (نور پایین)", "Độ rọi đèn chiếu sáng phía trước ở 25 m (chùm gần)", "", "LUX", 2.0),
    cat("Evaporative emission", "انتشار تبخیری", "Phát thải bay hơi", "", &["pass"]),
];

#[rustfmt::skip]
pub(crate) static BRAKE_PAD: &[Req] = &[
    band("Coefficient of friction (normal)", "ضریب اصطکاک (عادی)", "Hệ số ma sát (thông thường)", "SAE J661", "C62", 0.35, 0.45),
    lo("Shear strength of lining to backplate", "استحکام برشی اتصال لنت به پشت‌بند", "Độ bền cắt liên kết má phanh với tấm đỡ", "ISO 6312", "MPA", 2.5),
    hi("Compressibility (cold)", "تراکم‌پذیری (سرد)", "Độ nén (nguội)", "ISO 6310", "4H", 300.0),
    band("Performance relative to original equipment", "عملکرد نسبت به قطعه اصلی", "Hiệu năng so với phụ tùng nguyên bản", "UN R90", "P1", -15.0, 15.0),
    hi("Copper content", "مقدار مس", "Hàm lượng đồng", "", "P1", 5.0),
    cat("Asbestos", "آزبست", "Amiăng", "", &["not detected"]),
];

#[rustfmt::skip]
pub(crate) static SHOCK_ABSORBER: &[Req] = &[
    band("Rebound damping force at 0.52 m/s", "نیروی میرایی برگشت در سرعت ۰٫۵۲ متر بر ثانیه", "Lực giảm chấn hành trình trả ở 0,52 m/s", "", "NEW", 800.0, 1200.0),
    band("Damping force deviation from nominal", "انحراف نیروی میرایی از مقدار اسمی", "Sai lệch lực giảm chấn so với danh nghĩa", "", "P1", -15.0, 15.0),
    lo("Durability (cycles without failure)", "دوام (تعداد چرخه بدون خرابی)", "Độ bền (số chu kỳ không hư hỏng)", "", "C62", 500_000.0),
    hi("Damping force change after heating to 80 °C", "تغییر نیروی میرایی پس از گرم‌شدن تا ۸۰ درجه سلسیوس", "Thay đổi lực giảm chấn sau khi gia nhiệt đến 80 °C", "", "P1", 15.0),
    cat("Oil leakage", "نشت روغن", "Rò rỉ dầu", "", &["no leakage"]),
];

#[rustfmt::skip]
pub(crate) static TRANSFORMER: &[Req] = &[
    hi("No-load losses (250 kVA)", "تلفات بی‌باری (۲۵۰ کیلوولت آمپر)", "Tổn hao không tải (250 kVA)", "IEC 60076-1", "WTT", 425.0),
    hi("Load losses at 75 °C (250 kVA)", "تلفات بارداری در ۷۵ درجه سلسیوس (۲۵۰ کیلوولت آمپر)", "Tổn hao có tải ở 75 °C (250 kVA)", "IEC 60076-1", "WTT", 2750.0),
    band("Short-circuit impedance", "امپدانس اتصال کوتاه", "Điện áp ngắn mạch", "IEC 60076-1", "P1", 3.6, 4.4),
    hi("Top-oil temperature rise", "افزایش دمای روغن بالایی", "Độ tăng nhiệt độ lớp dầu trên cùng", "IEC 60076-2", "KEL", 60.0),
    hi("Average winding temperature rise", "افزایش دمای متوسط سیم‌پیچ", "Độ tăng nhiệt độ trung bình cuộn dây", "IEC 60076-2", "KEL", 65.0),
    lo("Lightning impulse withstand voltage (Um 24 kV)", "ولتاژ تحمل ضربه صاعقه (Um ۲۴ کیلوولت)", "Điện áp chịu xung sét (Um 24 kV)", "IEC 60076-3", "KVT", 125.0),
];

#[rustfmt::skip]
pub(crate) static BATTERY: &[Req] = &[
    lo("20-hour capacity (60 Ah type)", "ظرفیت ۲۰ ساعته (نوع ۶۰ آمپر ساعت)", "Dung lượng 20 giờ (loại 60 Ah)", "IEC 60095-1", "AMH", 60.0),
    lo("Cold cranking current at −18 °C", "جریان استارت سرد در ۱۸- درجه سلسیوس", "Dòng khởi động lạnh ở −18 °C", "IEC 60095-1", "AMP", 540.0),
    lo("Charge retention after 21 days", "حفظ شارژ پس از ۲۱ روز", "Khả năng giữ điện tích sau 21 ngày", "IEC 60095-1", "P1", 80.0),
    cat("Vibration resistance", "مقاومت در برابر ارتعاش", "Độ bền rung", "IEC 60095-1", &["pass"]),
    cat("Electrolyte retention", "نگهداری الکترولیت", "Khả năng giữ chất điện phân", "IEC 60095-1", &["no leakage"]),
];

#[rustfmt::skip]
pub(crate) static BUILDING_WIRE: &[Req] = &[
    hi("Conductor resistance at 20 °C (2.5 mm², class 1)", "مقاومت الکتریکی هادی در ۲۰ درجه سلسیوس (۲٫۵ میلی‌متر مربع، رده ۱)", "Điện trở ruột dẫn ở 20 °C (2,5 mm², cấp 1)", "IEC 60228", "F56", 7.41),
    lo("Mean insulation thickness (2.5 mm²)", "میانگین ضخامت عایق (۲٫۵ میلی‌متر مربع)", "Chiều dày cách điện trung bình (2,5 mm²)", "IEC 60811-201", "MMT", 0.8),
    lo("Tensile strength of insulation", "استحکام کششی عایق", "Độ bền kéo của cách điện", "IEC 60811-501", "MPA", 12.5),
    lo("Elongation at break of insulation", "ازدیاد طول تا پارگی عایق", "Độ giãn dài khi đứt của cách điện", "IEC 60811-501", "P1", 125.0),
    cat("Voltage test (2.5 kV, 5 min)", "آزمون ولتاژ (۲٫۵ کیلوولت، ۵ دقیقه)", "Thử điện áp (2,5 kV, 5 min)", "IEC 60227-2", &["no breakdown"]),
    cat("Flame propagation (single cable)", "گسترش شعله (تک‌کابل)", "Khả năng cháy lan (cáp đơn)", "IEC 60332-1-2", &["pass"]),
];

#[rustfmt::skip]
pub(crate) static WINDING_WIRE: &[Req] = &[
    band("Conductor diameter deviation (nominal 0.50 mm)", "انحراف قطر هادی (اسمی ۰٫۵۰ میلی‌متر)", "Sai lệch đường kính ruột dẫn (danh nghĩa 0,50 mm)", "IEC 60851-2", "MMT", -0.005, 0.005),
    lo("Elongation", "ازدیاد طول", "Độ giãn dài", "IEC 60851-3", "P1", 25.0),
    lo("Breakdown voltage (grade 1)", "ولتاژ شکست (درجه ۱)", "Điện áp đánh thủng (cấp 1)", "IEC 60851-5", "VLT", 2700.0),
    hi("Continuity of insulation (faults per 30 m)", "پیوستگی عایق (عیب در هر ۳۰ متر)", "Độ liên tục của cách điện (số khuyết tật trên 30 m)", "IEC 60851-5", "C62", 5.0),
    cat("Heat shock", "شوک حرارتی", "Sốc nhiệt", "IEC 60851-6", &["no cracks"]),
    cat("Thermal class", "رده حرارتی", "Cấp chịu nhiệt", "", &["155", "180"]),
];

#[rustfmt::skip]
pub(crate) static LED_LAMP: &[Req] = &[
    lo("Luminous efficacy", "بازده نوری", "Hiệu suất sáng", "IEC 62612", "B61", 90.0),
    lo("Power factor", "ضریب توان", "Hệ số công suất", "IEC 62612", "C62", 0.5),
    lo("Colour rendering index (Ra)", "شاخص نمود رنگ (Ra)", "Chỉ số hoàn màu (Ra)", "CIE 13.3", "C62", 80.0),
    lo("Rated life", "عمر اسمی", "Tuổi thọ danh định", "IEC 62612", "HUR", 15000.0),
    lo("Lumen maintenance at 6000 h", "حفظ شار نوری در ۶۰۰۰ ساعت", "Duy trì quang thông ở 6000 h", "IEC 62612", "P1", 80.0),
    band("Rated power deviation", "انحراف توان اسمی", "Sai lệch công suất danh định", "IEC 62612", "P1", -10.0, 10.0),
];

#[rustfmt::skip]
pub(crate) static REFRIGERATOR: &[Req] = &[
    hi("Annual energy consumption (400 l class, kWh/year)", "مصرف انرژی سالانه (رده ۴۰۰ لیتری، کیلووات ساعت در سال)", "Điện năng tiêu thụ hằng năm (loại 400 l, kWh/năm)", "IEC 62552-3", "KWH", 300.0),
    hi("Fresh-food compartment temperature", "دمای محفظه مواد غذایی تازه", "Nhiệt độ ngăn thực phẩm tươi", "IEC 62552-2", "CEL", 4.0),
    hi("Freezer compartment temperature", "دمای محفظه فریزر", "Nhiệt độ ngăn đông", "IEC 62552-2", "CEL", -18.0),
    hi("Airborne acoustical noise", "نوفه هوابرد", "Tiếng ồn lan truyền trong không khí", "IEC 60704-1", "2N", 42.0),
    cat("Refrigerant circuit leak-tightness", "نشت‌بندی مدار مبرد", "Độ kín mạch môi chất lạnh", "", &["no leakage"]),
];

#[rustfmt::skip]
pub(crate) static WASHING_MACHINE: &[Req] = &[
    hi("Water consumption per standard cycle (7 kg)", "مصرف آب در هر چرخه استاندارد (۷ کیلوگرم)", "Lượng nước tiêu thụ mỗi chu trình chuẩn (7 kg)", "IEC 60456", "LTR", 60.0),
    hi("Energy consumption per standard cycle", "مصرف انرژی در هر چرخه استاندارد", "Điện năng tiêu thụ mỗi chu trình chuẩn", "IEC 60456", "KWH", 1.0),
    hi("Remaining moisture content after spin", "رطوبت باقیمانده پس از آبگیری", "Độ ẩm còn lại sau khi vắt", "IEC 60456", "P1", 53.0),
    lo("Washing performance index", "شاخص عملکرد شست‌وشو", "Chỉ số hiệu quả giặt", "IEC 60456", "C62", 1.03),
    hi("Airborne acoustical noise (spin)", "نوفه هوابرد (آبگیری)", "Tiếng ồn lan truyền trong không khí (khi vắt)", "IEC 60704-1", "2N", 76.0),
];

#[rustfmt::skip]
pub(crate) static RICE_COOKER: &[Req] = &[
    band("Power input deviation from rated", "انحراف توان ورودی از مقدار اسمی", "Sai lệch công suất vào so với danh định", "IEC 60335-1", "P1", -10.0, 5.0),
    band("Keep-warm temperature", "دمای گرم نگه‌داشتن", "Nhiệt độ giữ ấm", "", "CEL", 60.0, 75.0),
    hi("Leakage current at operating temperature (class I)", "جریان نشتی در دمای کار (رده I)", "Dòng điện rò ở nhiệt độ làm việc (cấp I)", "IEC 60335-1", "4K", 0.75),
    hi("Earthing resistance", "مقاومت اتصال زمین", "Điện trở nối đất", "IEC 60335-1", "OHM", 0.1),
    cat("Inner pot coating: PFOA", "پوشش دیگ داخلی: PFOA", "Lớp phủ nồi trong: PFOA", "", &["not detected"]),
];

#[rustfmt::skip]
pub(crate) static GAS_WATER_HEATER: &[Req] = &[
    lo("Useful efficiency at nominal heat input", "بازده مفید در توان حرارتی اسمی", "Hiệu suất hữu ích ở công suất nhiệt danh định", "EN 89", "P1", 84.0),
    hi("CO in dry, air-free combustion products", "CO در محصولات احتراق خشک و بدون هوا", "CO trong sản phẩm cháy khô, không có không khí", "EN 89", "P1", 0.1),
    hi("External gas leak rate", "نرخ نشت بیرونی گاز", "Tốc độ rò rỉ khí ra ngoài", "EN 89", "E32", 0.06),
    hi("Flame supervision device closing time", "زمان بسته‌شدن ابزار نظارت بر شعله", "Thời gian đóng của thiết bị giám sát ngọn lửa", "EN 89", "SEC", 60.0),
    hi("Water temperature limiter cut-off", "دمای قطع محدودکننده دمای آب", "Nhiệt độ ngắt của bộ giới hạn nhiệt độ nước", "EN 89", "CEL", 95.0),
];

#[rustfmt::skip]
pub(crate) static GAS_COOKER: &[Req] = &[
    band("Burner nominal heat input deviation", "انحراف توان حرارتی اسمی مشعل", "Sai lệch công suất nhiệt danh định của đầu đốt", "EN 30-1-1", "P1", -5.0, 5.0),
    hi("CO in dry, air-free combustion products (oven)", "CO در محصولات احتراق خشک و بدون هوا (فر)", "CO trong sản phẩm cháy khô, không có không khí (lò nướng)", "EN 30-1-1", "P1", 0.1),
    hi("External gas leak rate", "نرخ نشت بیرونی گاز", "Tốc độ rò rỉ khí ra ngoài", "EN 30-1-1", "E32", 0.06),
    hi("Flame supervision device closing time", "زمان بسته‌شدن ابزار نظارت بر شعله", "Thời gian đóng của thiết bị giám sát ngọn lửa", "EN 30-1-1", "SEC", 60.0),
    hi("Temperature rise of control knobs (metal)", "افزایش دمای دستگیره‌های کنترل (فلزی)", "Độ tăng nhiệt độ của núm điều khiển (kim loại)", "EN 30-1-1", "KEL", 35.0),
];

#[rustfmt::skip]
pub(crate) static GAS_HEATER: &[Req] = &[
    lo("Oxygen level at atmosphere-sensing device shut-off", "غلظت اکسیژن در لحظه قطع ابزار پایش جو", "Nồng độ oxy khi thiết bị cảm biến không khí ngắt", "", "P1", 18.0),
    hi("CO in dry, air-free combustion products", "CO در محصولات احتراق خشک و بدون هوا", "CO trong sản phẩm cháy khô, không có không khí", "", "P1", 0.1),
    hi("External gas leak rate", "نرخ نشت بیرونی گاز", "Tốc độ rò rỉ khí ra ngoài", "", "E32", 0.06),
    hi("Flame supervision device closing time", "زمان بسته‌شدن ابزار نظارت بر شعله", "Thời gian đóng của thiết bị giám sát ngọn lửa", "", "SEC", 60.0),
    lo("Useful efficiency", "بازده مفید", "Hiệu suất hữu ích", "", "P1", 80.0),
];

#[rustfmt::skip]
pub(crate) static AIR_CONDITIONER: &[Req] = &[
    lo("Measured cooling capacity (of rated)", "ظرفیت سرمایشی اندازه‌گیری‌شده (از مقدار اسمی)", "Năng suất lạnh đo được (so với danh định)", "ISO 5151", "P1", 95.0),
    lo("Energy efficiency ratio (EER, W/W)", "نسبت بازده انرژی (EER، وات بر وات)", "Hệ số hiệu quả năng lượng (EER, W/W)", "ISO 5151", "C62", 3.2),
    lo("Cooling seasonal performance factor (CSPF)", "ضریب عملکرد فصلی سرمایش (CSPF)", "Hệ số hiệu quả năng lượng theo mùa (CSPF)", "ISO 16358-1", "C62", 3.5),
    hi("Indoor unit sound power level", "تراز توان صوتی واحد داخلی", "Mức công suất âm của dàn lạnh", "", "2N", 55.0),
    cat("Refrigerant circuit leak-tightness", "نشت‌بندی مدار مبرد", "Độ kín mạch môi chất lạnh", "IEC 60335-2-40", &["no leakage"]),
];

#[rustfmt::skip]
pub(crate) static TOY: &[Req] = &[
    hi("Soluble lead", "سرب محلول", "Chì hòa tan", "ISO 8124-3", "NA", 90.0),
    hi("Soluble cadmium", "کادمیم محلول", "Cadimi hòa tan", "ISO 8124-3", "NA", 75.0),
    hi("Soluble chromium", "کروم محلول", "Crom hòa tan", "ISO 8124-3", "NA", 60.0),
    hi("Soluble mercury", "جیوه محلول", "Thủy ngân hòa tan", "ISO 8124-3", "NA", 60.0),
    hi("Phthalates (DEHP, DBP, BBP in total)", "فتالات‌ها (مجموع DEHP، DBP و BBP)", "Phthalat (tổng DEHP, DBP, BBP)", "ISO 8124-6", "P1", 0.1),
    cat("Small parts (toys for children under 36 months)", "قطعات کوچک (اسباب‌بازی کودکان زیر ۳۶ ماه)", "Chi tiết nhỏ (đồ chơi cho trẻ dưới 36 tháng)", "ISO 8124-1", &["no small parts"]),
    cat("Accessible sharp edges and points", "لبه‌ها و نوک‌های تیز در دسترس", "Cạnh sắc và đầu nhọn tiếp cận được", "ISO 8124-1", &["none"]),
    hi("Burning rate of soft-filled toys", "سرعت سوختن اسباب‌بازی‌های پرشده نرم", "Tốc độ cháy của đồ chơi nhồi mềm", "ISO 8124-2", "C16", 30.0),
];

#[cfg(test)]
pub(super) static LISTS: &[&[Req]] = &[
    PVC_PIPE,
    PE_PIPE,
    CAR_TYRE,
    MOTORCYCLE_TYRE,
    CAR,
    MOTORCYCLE,
    BRAKE_PAD,
    SHOCK_ABSORBER,
    TRANSFORMER,
    BATTERY,
    BUILDING_WIRE,
    WINDING_WIRE,
    LED_LAMP,
    REFRIGERATOR,
    WASHING_MACHINE,
    RICE_COOKER,
    GAS_WATER_HEATER,
    GAS_COOKER,
    GAS_HEATER,
    AIR_CONDITIONER,
    TOY,
];
