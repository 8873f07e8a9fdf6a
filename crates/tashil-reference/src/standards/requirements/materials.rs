//! Building materials, metals, wood, paper, textiles and household chemicals.

use super::{Req, band, cat, hi, lo};

// --- building materials ---

#[rustfmt::skip]
pub(crate) static CEMENT: &[Req] = &[
    lo("Compressive strength at 2 days", "مقاومت فشاری ۲ روزه", "Cường độ nén tuổi 2 ngày", "ISO 679", "MPA", 10.0),
    band("Compressive strength at 28 days", "مقاومت فشاری ۲۸ روزه", "Cường độ nén tuổi 28 ngày", "ISO 679", "MPA", 42.5, 62.5),
    lo("Initial setting time", "زمان گیرش اولیه", "Thời gian bắt đầu đông kết", "EN 196-3", "MIN", 60.0),
    hi("Soundness (Le Chatelier expansion)", "انبساط (روش لوشاتلیه)", "Độ ổn định thể tích (phương pháp Le Chatelier)", "EN 196-3", "MMT", 10.0),
    hi("Sulfate content (as SO3)", "مقدار سولفات (برحسب SO3)", "Hàm lượng sulfat (tính theo SO3)", "EN 196-2", "P1", 3.5),
    hi("Magnesium oxide (MgO)", "اکسید منیزیم (MgO)", "Hàm lượng magie oxit (MgO)", "EN 196-2", "P1", 5.0),
    hi("Loss on ignition", "افت سرخ‌شدن", "Hàm lượng mất khi nung", "EN 196-2", "P1", 5.0),
    hi("Insoluble residue", "باقیمانده نامحلول", "Hàm lượng cặn không tan", "EN 196-2", "P1", 5.0),
];

#[rustfmt::skip]
pub(crate) static GYPSUM_BOARD: &[Req] = &[
    lo("Breaking load, longitudinal", "بار گسیختگی در جهت طولی", "Tải trọng uốn gãy theo chiều dọc", "EN 520", "NEW", 550.0),
    lo("Breaking load, transverse", "بار گسیختگی در جهت عرضی", "Tải trọng uốn gãy theo chiều ngang", "EN 520", "NEW", 210.0),
    band("Thickness (nominal 12.5 mm)", "ضخامت (اسمی ۱۲٫۵ میلی‌متر)", "Chiều dày (danh nghĩa 12,5 mm)", "EN 520", "MMT", 12.0, 13.0),
    hi("Surface water absorption (moisture-resistant boards)", "جذب آب سطحی (صفحه‌های مقاوم در برابر رطوبت)", "Độ hút nước bề mặt (tấm chịu ẩm)", "EN 520", "GM", 180.0),
    hi("Total water absorption (moisture-resistant boards)", "جذب آب کل (صفحه‌های مقاوم در برابر رطوبت)", "Độ hút nước toàn phần (tấm chịu ẩm)", "EN 520", "P1", 10.0),
];

#[rustfmt::skip]
pub(crate) static PORCELAIN_TILE: &[Req] = &[
    hi("Water absorption", "جذب آب", "Độ hút nước", "ISO 10545-3", "P1", 0.5),
    lo("Modulus of rupture", "مدول گسیختگی", "Độ bền uốn", "ISO 10545-4", "MPA", 35.0),
    lo("Breaking strength (thickness ≥ 7.5 mm)", "نیروی شکست (ضخامت ۷٫۵ میلی‌متر و بیشتر)", "Lực uốn gãy (chiều dày ≥ 7,5 mm)", "ISO 10545-4", "NEW", 1300.0),
    band("Deviation of length and width from work size", "انحراف طول و عرض از اندازه کاری", "Sai lệch chiều dài và chiều rộng so với kích thước sản xuất", "ISO 10545-2", "P1", -0.6, 0.6),
    cat("Crazing resistance (glazed tiles)", "مقاومت در برابر ترک‌خوردگی لعاب", "Độ bền rạn men", "ISO 10545-11", &["no crazing"]),
    cat("Resistance to household chemicals", "مقاومت در برابر مواد شیمیایی خانگی", "Độ bền hóa học với hóa chất gia dụng", "ISO 10545-13", &["GA", "GB"]),
];

#[rustfmt::skip]
pub(crate) static WALL_TILE: &[Req] = &[
    lo("Water absorption", "جذب آب", "Độ hút nước", "ISO 10545-3", "P1", 10.0),
    lo("Modulus of rupture", "مدول گسیختگی", "Độ bền uốn", "ISO 10545-4", "MPA", 15.0),
    lo("Breaking strength (thickness ≥ 7.5 mm)", "نیروی شکست (ضخامت ۷٫۵ میلی‌متر و بیشتر)", "Lực uốn gãy (chiều dày ≥ 7,5 mm)", "ISO 10545-4", "NEW", 600.0),
    band("Deviation of length and width from work size", "انحراف طول و عرض از اندازه کاری", "Sai lệch chiều dài và chiều rộng so với kích thước sản xuất", "ISO 10545-2", "P1", -0.5, 0.5),
    cat("Crazing resistance", "مقاومت در برابر ترک‌خوردگی لعاب", "Độ bền rạn men", "ISO 10545-11", &["no crazing"]),
];

#[rustfmt::skip]
pub(crate) static CLAY_BRICK: &[Req] = &[
    lo("Compressive strength", "مقاومت فشاری", "Cường độ nén", "EN 772-1", "MPA", 7.5),
    hi("Water absorption (24 h cold)", "جذب آب (۲۴ ساعت در آب سرد)", "Độ hút nước (ngâm nước lạnh 24 h)", "ASTM C67", "P1", 16.0),
    cat("Efflorescence", "شوره‌زدگی", "Mức độ thoát muối", "ASTM C67", &["none", "slight"]),
    band("Deviation of length", "انحراف طول", "Sai lệch chiều dài", "EN 772-16", "MMT", -4.0, 4.0),
    cat("Lime inclusions", "آهک‌زدگی", "Vôi nổ", "", &["none"]),
];

#[rustfmt::skip]
pub(crate) static SANITARY_WARE: &[Req] = &[
    hi("Water absorption", "جذب آب", "Độ hút nước", "", "P1", 0.5),
    hi("Flush volume (full flush)", "حجم آب شست‌وشو (تخلیه کامل)", "Lượng nước xả (xả đầy)", "EN 997", "LTR", 6.0),
    lo("Static load resistance", "مقاومت در برابر بار ایستا", "Khả năng chịu tải tĩnh", "EN 997", "B47", 4.0),
    cat("Flushing performance (surface wash)", "عملکرد شست‌وشو (شست‌وشوی سطح)", "Hiệu quả xả (rửa bề mặt)", "EN 997", &["pass"]),
    cat("Crazing resistance", "مقاومت در برابر ترک‌خوردگی لعاب", "Độ bền rạn men", "", &["no crazing"]),
];

#[rustfmt::skip]
pub(crate) static TABLEWARE: &[Req] = &[
    hi("Lead release (small hollowware)", "آزادسازی سرب (ظروف گود کوچک)", "Thôi nhiễm chì (đồ đựng sâu lòng cỡ nhỏ)", "ISO 6486-1", "M1", 2.0),
    hi("Cadmium release (small hollowware)", "آزادسازی کادمیم (ظروف گود کوچک)", "Thôi nhiễm cadimi (đồ đựng sâu lòng cỡ nhỏ)", "ISO 6486-1", "M1", 0.5),
    hi("Lead release (large hollowware)", "آزادسازی سرب (ظروف گود بزرگ)", "Thôi nhiễm chì (đồ đựng sâu lòng cỡ lớn)", "ISO 6486-1", "M1", 1.0),
    hi("Cadmium release (large hollowware)", "آزادسازی کادمیم (ظروف گود بزرگ)", "Thôi nhiễm cadimi (đồ đựng sâu lòng cỡ lớn)", "ISO 6486-1", "M1", 0.25),
    hi("Water absorption", "جذب آب", "Độ hút nước", "", "P1", 0.5),
    cat("Thermal shock resistance", "مقاومت در برابر شوک حرارتی", "Độ bền sốc nhiệt", "", &["no cracks"]),
];

#[rustfmt::skip]
pub(crate) static FLOAT_GLASS: &[Req] = &[
    band("Thickness deviation (nominal 4 mm)", "انحراف ضخامت (اسمی ۴ میلی‌متر)", "Sai lệch chiều dày (danh nghĩa 4 mm)", "EN 572-2", "MMT", -0.2, 0.2),
    lo("Light transmittance", "ضریب عبور نور مرئی", "Hệ số truyền sáng", "ISO 9050", "P1", 88.0),
    lo("Optical distortion (zebra angle)", "اعوجاج نوری (زاویه زبرا)", "Độ méo quang học (góc zebra)", "", "DD", 45.0),
    hi("Bow", "انحنا", "Độ cong vênh", "", "P1", 0.3),
    hi("Spot faults (largest dimension)", "عیوب نقطه‌ای (بزرگ‌ترین بعد)", "Khuyết tật dạng điểm (kích thước lớn nhất)", "EN 572-2", "MMT", 1.0),
];

#[rustfmt::skip]
pub(crate) static SAFETY_GLASS: &[Req] = &[
    lo("Regular light transmittance", "ضریب عبور منظم نور", "Hệ số truyền sáng thông thường", "UN R43", "P1", 70.0),
    hi("Optical distortion (zone A)", "اعوجاج نوری (ناحیه A)", "Độ méo quang học (vùng A)", "UN R43", "D61", 2.0),
    cat("Headform test", "آزمون ضربه سر انسان", "Thử va đập dạng đầu người", "UN R43", &["pass"]),
    cat("227 g ball test", "آزمون ضربه گوی ۲۲۷ گرمی", "Thử va đập bi 227 g", "UN R43", &["pass"]),
    cat("Resistance to high temperature", "مقاومت در برابر دمای بالا", "Độ bền ở nhiệt độ cao", "UN R43", &["no bubbles or defects"]),
];

// --- metals ---

#[rustfmt::skip]
pub(crate) static REBAR: &[Req] = &[
    lo("Yield strength (ReH)", "تنش تسلیم (ReH)", "Giới hạn chảy (ReH)", "ISO 6892-1", "MPA", 400.0),
    lo("Tensile strength (Rm)", "استحکام کششی (Rm)", "Giới hạn bền kéo (Rm)", "ISO 6892-1", "MPA", 500.0),
    lo("Ratio Rm/ReH", "نسبت Rm/ReH", "Tỷ số Rm/ReH", "ISO 6892-1", "C62", 1.08),
    lo("Elongation after fracture (A5)", "ازدیاد طول پس از شکست (A5)", "Độ giãn dài sau khi đứt (A5)", "ISO 6892-1", "P1", 14.0),
    lo("Total elongation at maximum force (Agt)", "ازدیاد طول کل در نیروی بیشینه (Agt)", "Độ giãn dài tổng ở lực lớn nhất (Agt)", "ISO 15630-1", "P1", 5.0),
    band("Deviation from nominal mass per metre", "انحراف از جرم اسمی در هر متر", "Sai lệch khối lượng trên mét dài", "ISO 15630-1", "P1", -4.5, 4.5),
    cat("Bend test", "آزمون خمش", "Thử uốn", "ISO 15630-1", &["no cracks"]),
    hi("Carbon equivalent (Ceq)", "کربن معادل (Ceq)", "Đương lượng cacbon (Ceq)", "ISO 15350", "P1", 0.5),
];

#[rustfmt::skip]
pub(crate) static GALVANISED_SHEET: &[Req] = &[
    lo("Zinc coating mass (triple spot, both sides)", "جرم پوشش روی (سه‌نقطه‌ای، دو طرف)", "Khối lượng lớp mạ kẽm (thử ba điểm, hai mặt)", "ISO 1460", "GM", 275.0),
    band("Tensile strength", "استحکام کششی", "Giới hạn bền kéo", "ISO 6892-1", "MPA", 270.0, 500.0),
    lo("Elongation after fracture", "ازدیاد طول پس از شکست", "Độ giãn dài sau khi đứt", "ISO 6892-1", "P1", 22.0),
    band("Thickness deviation", "انحراف ضخامت", "Sai lệch chiều dày", "", "MMT", -0.06, 0.06),
    cat("Coating adhesion (bend test)", "چسبندگی پوشش (آزمون خمش)", "Độ bám dính lớp mạ (thử uốn)", "", &["no flaking"]),
];

#[rustfmt::skip]
pub(crate) static STEEL_PIPE: &[Req] = &[
    lo("Hydrostatic test pressure", "فشار آزمون هیدرواستاتیک", "Áp suất thử thủy tĩnh", "", "BAR", 50.0),
    lo("Yield strength", "تنش تسلیم", "Giới hạn chảy", "ISO 6892-1", "MPA", 235.0),
    band("Tensile strength", "استحکام کششی", "Giới hạn bền kéo", "ISO 6892-1", "MPA", 360.0, 510.0),
    band("Wall thickness deviation", "انحراف ضخامت دیواره", "Sai lệch chiều dày thành ống", "", "P1", -10.0, 10.0),
    cat("Flattening test", "آزمون پهن‌کردن", "Thử nén bẹp", "ISO 8492", &["no cracks"]),
];

#[rustfmt::skip]
pub(crate) static ALUMINIUM_PROFILE: &[Req] = &[
    lo("Tensile strength (Rm)", "استحکام کششی (Rm)", "Giới hạn bền kéo (Rm)", "ISO 6892-1", "MPA", 215.0),
    lo("0.2 % proof strength (Rp0.2)", "استحکام تسلیم ۰٫۲ درصد (Rp0.2)", "Giới hạn chảy quy ước 0,2 % (Rp0,2)", "ISO 6892-1", "MPA", 170.0),
    lo("Elongation (A50 mm)", "ازدیاد طول (A50 mm)", "Độ giãn dài (A50 mm)", "ISO 6892-1", "P1", 8.0),
    lo("Anodic oxide coating thickness", "ضخامت پوشش آندایز", "Chiều dày lớp anot hóa", "ISO 2360", "4H", 15.0),
    lo("Webster hardness", "سختی وبستر", "Độ cứng Webster", "", "C62", 12.0),
];

#[rustfmt::skip]
pub(crate) static RADIATOR: &[Req] = &[
    lo("Leak-tightness test pressure", "فشار آزمون آب‌بندی", "Áp suất thử kín", "EN 442-2", "BAR", 13.0),
    lo("Maximum operating pressure", "بیشینه فشار کاری", "Áp suất làm việc lớn nhất", "", "BAR", 10.0),
    lo("Heat output at ΔT 50 K (type 22, 600 mm × 1000 mm)", "توان حرارتی در اختلاف دمای ۵۰ کلوین (نوع ۲۲، ۶۰۰ × ۱۰۰۰ میلی‌متر)", "Công suất tỏa nhiệt ở ΔT 50 K (kiểu 22, 600 mm × 1000 mm)", "EN 442-2", "WTT", 1500.0),
    lo("Steel sheet thickness", "ضخامت ورق فولادی", "Chiều dày tấm thép", "", "MMT", 1.1),
    lo("Paint coating thickness", "ضخامت پوشش رنگ", "Chiều dày lớp sơn phủ", "ISO 2808", "4H", 60.0),
];

#[rustfmt::skip]
pub(crate) static LPG_CYLINDER: &[Req] = &[
    lo("Hydraulic test pressure", "فشار آزمون هیدرولیک", "Áp suất thử thủy lực", "EN 1442", "BAR", 30.0),
    lo("Burst pressure", "فشار ترکیدن", "Áp suất nổ", "EN 1442", "BAR", 67.5),
    hi("Permanent volumetric expansion", "انبساط حجمی ماندگار", "Độ giãn nở thể tích dư", "EN 1442", "P1", 10.0),
    lo("Minimum wall thickness", "کمینه ضخامت دیواره", "Chiều dày thành bình nhỏ nhất", "EN 1442", "MMT", 2.4),
    cat("Valve leak-tightness", "نشت‌بندی شیر", "Độ kín của van", "", &["no leakage"]),
];

#[rustfmt::skip]
pub(crate) static COOKWARE: &[Req] = &[
    lo("Base thickness", "ضخامت کف ظرف", "Chiều dày đáy", "EN 12983-1", "MMT", 0.5),
    lo("Handle fixing strength", "استحکام اتصال دسته", "Độ bền liên kết tay cầm", "EN 12983-1", "NEW", 100.0),
    hi("Nickel release", "آزادسازی نیکل", "Thôi nhiễm niken", "", "NA", 0.14),
    hi("Chromium release", "آزادسازی کروم", "Thôi nhiễm crom", "", "NA", 0.25),
    cat("Corrosion resistance (neutral salt spray)", "مقاومت در برابر خوردگی (مه نمکی خنثی)", "Độ bền ăn mòn (phun muối trung tính)", "ISO 9227", &["no corrosion"]),
];

// --- wood and paper ---

#[rustfmt::skip]
pub(crate) static WOOD_PANEL: &[Req] = &[
    band("Density", "چگالی", "Khối lượng riêng", "EN 323", "KMQ", 650.0, 800.0),
    lo("Modulus of rupture (bending strength)", "مدول گسیختگی (مقاومت خمشی)", "Độ bền uốn tĩnh", "EN 310", "MPA", 20.0),
    lo("Modulus of elasticity in bending", "مدول الاستیسیته خمشی", "Mô đun đàn hồi khi uốn", "EN 310", "MPA", 2200.0),
    lo("Internal bond", "چسبندگی داخلی", "Độ bền kéo vuông góc với mặt ván", "EN 319", "MPA", 0.55),
    hi("Thickness swelling after 24 h in water", "واکشیدگی ضخامت پس از ۲۴ ساعت غوطه‌وری", "Độ trương nở chiều dày sau 24 h ngâm nước", "EN 317", "P1", 12.0),
    hi("Formaldehyde content (perforator method)", "مقدار فرمالدهید (روش پرفوراتور)", "Hàm lượng formaldehyt (phương pháp chiết perforator)", "ISO 12460-5", "NA", 80.0),
];

#[rustfmt::skip]
pub(crate) static FURNITURE: &[Req] = &[
    cat("Stability under vertical load", "پایداری زیر بار قائم", "Độ ổn định dưới tải trọng thẳng đứng", "", &["no overturning"]),
    lo("Seat static load", "بار ایستای نشیمن", "Tải trọng tĩnh lên mặt ngồi", "ISO 7173", "NEW", 1300.0),
    lo("Seat durability (cycles)", "دوام نشیمن (تعداد چرخه)", "Độ bền mỏi mặt ngồi (số chu kỳ)", "ISO 7173", "C62", 50000.0),
    hi("Formaldehyde emission (chamber)", "انتشار فرمالدهید (روش محفظه)", "Lượng formaldehyt phát tán (phương pháp buồng thử)", "EN 717-1", "GP", 0.124),
    band("Moisture content of timber", "رطوبت چوب", "Độ ẩm của gỗ", "", "P1", 8.0, 12.0),
    hi("Lead in surface coatings", "سرب در پوشش سطحی", "Chì trong lớp phủ bề mặt", "", "NA", 90.0),
];

#[rustfmt::skip]
pub(crate) static CORRUGATED: &[Req] = &[
    lo("Bursting strength", "مقاومت در برابر ترکیدن", "Độ bục", "ISO 2759", "KPA", 1000.0),
    lo("Edge crush resistance", "مقاومت فشاری لبه", "Độ bền nén cạnh", "ISO 3037", "F47", 5.0),
    lo("Box compression strength", "مقاومت فشاری جعبه", "Độ bền nén thùng", "ISO 12048", "NEW", 3000.0),
    lo("Grammage", "گراماژ", "Định lượng", "ISO 536", "GM", 500.0),
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 287", "P1", 10.0),
];

#[rustfmt::skip]
pub(crate) static TISSUE: &[Req] = &[
    band("Grammage per ply", "گراماژ هر لایه", "Định lượng mỗi lớp", "ISO 12625-6", "GM", 14.0, 20.0),
    lo("Tensile strength, dry (machine direction)", "استحکام کششی خشک (جهت ماشین)", "Độ bền kéo khô (chiều dọc)", "ISO 12625-4", "4P", 60.0),
    hi("Water absorption time", "زمان جذب آب", "Thời gian hút nước", "ISO 12625-8", "SEC", 10.0),
    lo("ISO brightness", "درجه روشنی ایزو", "Độ trắng ISO", "ISO 2470-1", "P1", 80.0),
    cat("Fluorescent whitening agents", "سفیدکننده‌های نوری", "Chất tăng trắng huỳnh quang", "", &["none"]),
    hi("Moisture", "رطوبت", "Độ ẩm", "ISO 287", "P1", 10.0),
];

// --- textiles and footwear ---

#[rustfmt::skip]
pub(crate) static YARN: &[Req] = &[
    band("Deviation of linear density from nominal", "انحراف چگالی خطی از مقدار اسمی", "Sai lệch độ mảnh so với danh nghĩa", "ISO 2060", "P1", -3.0, 3.0),
    lo("Breaking force of single yarn", "نیروی پارگی تک‌نخ", "Lực kéo đứt sợi đơn", "ISO 2062", "NEW", 2.5),
    hi("Coefficient of variation of breaking force", "ضریب تغییرات نیروی پارگی", "Hệ số biến sai lực kéo đứt", "ISO 2062", "P1", 10.0),
    hi("Mass irregularity (CVm)", "نایکنواختی جرمی (CVm)", "Độ không đều khối lượng (CVm)", "ISO 16549", "P1", 14.0),
    hi("Moisture regain", "بازیافت رطوبت", "Độ hồi ẩm", "", "P1", 8.5),
];

#[rustfmt::skip]
pub(crate) static FABRIC: &[Req] = &[
    band("Deviation of mass per unit area from nominal", "انحراف جرم واحد سطح از مقدار اسمی", "Sai lệch khối lượng trên đơn vị diện tích so với danh nghĩa", "ISO 3801", "P1", -5.0, 5.0),
    lo("Breaking force, warp", "نیروی پارگی در جهت تار", "Lực kéo đứt theo chiều dọc", "ISO 13934-1", "NEW", 300.0),
    lo("Breaking force, weft", "نیروی پارگی در جهت پود", "Lực kéo đứt theo chiều ngang", "ISO 13934-1", "NEW", 250.0),
    band("Dimensional change after washing", "تغییر ابعاد پس از شست‌وشو", "Độ thay đổi kích thước sau giặt", "ISO 5077", "P1", -3.0, 3.0),
    lo("Colour fastness to washing, staining (grade)", "ثبات رنگ در برابر شست‌وشو، لکه‌گذاری (درجه)", "Độ bền màu với giặt, dây màu (cấp)", "ISO 105-C06", "C62", 4.0),
    lo("Colour fastness to rubbing, dry (grade)", "ثبات رنگ در برابر سایش خشک (درجه)", "Độ bền màu với ma sát khô (cấp)", "ISO 105-X12", "C62", 4.0),
];

#[rustfmt::skip]
pub(crate) static CARPET: &[Req] = &[
    lo("Pile mass per unit area above the substrate", "جرم پرز در واحد سطح", "Khối lượng lớp vòng sợi trên đơn vị diện tích", "ISO 8543", "GM", 1200.0),
    lo("Pile thickness above the substrate", "ضخامت پرز", "Chiều dày lớp vòng sợi", "ISO 1766", "MMT", 7.0),
    lo("Tuft withdrawal force", "نیروی بیرون‌کشیدن گره", "Lực rút sợi vòng", "ISO 4919", "NEW", 5.0),
    lo("Colour fastness to light (blue wool scale)", "ثبات رنگ در برابر نور (مقیاس آبی)", "Độ bền màu với ánh sáng (thang len xanh)", "ISO 105-B02", "C62", 5.0),
    cat("Methenamine tablet test", "آزمون قرص متنامین", "Thử viên methenamine", "ISO 6925", &["pass"]),
    band("Dimensional change in water and heat", "تغییر ابعاد در اثر آب و گرما", "Độ thay đổi kích thước khi ngâm nước và sấy", "ISO 2551", "P1", -0.5, 0.5),
];

#[rustfmt::skip]
pub(crate) static GARMENT: &[Req] = &[
    hi("Formaldehyde (free and hydrolysed)", "فرمالدهید (آزاد و هیدرولیزشده)", "Formaldehyt (tự do và thủy phân)", "ISO 14184-1", "NA", 75.0),
    band("pH of aqueous extract", "pH عصاره آبی", "pH của dịch chiết nước", "ISO 3071", "C62", 4.0, 7.5),
    hi("Aromatic amines from azo colourants", "آمین‌های آروماتیک حاصل از رنگ‌های آزو", "Amin thơm từ thuốc nhuộm azo", "ISO 14362-1", "NA", 30.0),
    band("Dimensional change after washing", "تغییر ابعاد پس از شست‌وشو", "Độ thay đổi kích thước sau giặt", "ISO 5077", "P1", -3.0, 3.0),
    lo("Colour fastness to washing, change in colour (grade)", "ثبات رنگ در برابر شست‌وشو، تغییر رنگ (درجه)", "Độ bền màu với giặt, thay đổi màu (cấp)", "ISO 105-C06", "C62", 3.0),
    lo("Seam slippage resistance", "مقاومت در برابر لغزش درز", "Độ bền trượt đường may", "ISO 13936-2", "NEW", 80.0),
];

#[rustfmt::skip]
pub(crate) static BABY_GARMENT: &[Req] = &[
    hi("Formaldehyde (free and hydrolysed)", "فرمالدهید (آزاد و هیدرولیزشده)", "Formaldehyt (tự do và thủy phân)", "ISO 14184-1", "NA", 30.0),
    band("pH of aqueous extract", "pH عصاره آبی", "pH của dịch chiết nước", "ISO 3071", "C62", 4.0, 7.5),
    hi("Aromatic amines from azo colourants", "آمین‌های آروماتیک حاصل از رنگ‌های آزو", "Amin thơm từ thuốc nhuộm azo", "ISO 14362-1", "NA", 30.0),
    lo("Colour fastness to perspiration, staining (grade)", "ثبات رنگ در برابر عرق، لکه‌گذاری (درجه)", "Độ bền màu với mồ hôi, dây màu (cấp)", "ISO 105-E04", "C62", 4.0),
    lo("Button attachment strength", "استحکام اتصال دکمه", "Độ bền gắn cúc", "", "NEW", 90.0),
    cat("Drawstrings at neck and hood", "بند در ناحیه گردن و کلاه", "Dây rút ở cổ và mũ", "", &["none"]),
];

#[rustfmt::skip]
pub(crate) static FOOTWEAR: &[Req] = &[
    hi("Outsole abrasion resistance (relative volume loss)", "مقاومت زیره در برابر سایش (افت حجم نسبی)", "Độ bền mài mòn đế ngoài (tổn hao thể tích tương đối)", "ISO 20871", "MMQ", 250.0),
    lo("Upper–sole adhesion", "استحکام چسبندگی رویه به زیره", "Độ bền bám dính mũ giày – đế", "ISO 17708", "F47", 4.0),
    hi("Outsole flex resistance (cut growth after 30 000 flexes)", "مقاومت زیره در برابر خمش (رشد برش پس از ۳۰۰۰۰ خمش)", "Độ bền uốn gập đế (độ phát triển vết cắt sau 30 000 lần uốn)", "ISO 17707", "MMT", 4.0),
    hi("Chromium(VI) in leather", "کروم شش‌ظرفیتی در چرم", "Crom(VI) trong da", "ISO 17075-1", "NA", 3.0),
    hi("Heel attachment failure rate", "نرخ جداشدن پاشنه", "Tỷ lệ bong gót", "", "P1", 1.0),
];

// --- household chemicals and cosmetics ---

#[rustfmt::skip]
pub(crate) static PAINT: &[Req] = &[
    lo("Non-volatile matter", "مواد غیرفرار", "Hàm lượng chất không bay hơi", "ISO 3251", "P1", 45.0),
    band("Density", "چگالی", "Khối lượng riêng", "ISO 2811-1", "KMQ", 1300.0, 1600.0),
    hi("Volatile organic compounds (VOC)", "ترکیبات آلی فرار (VOC)", "Hợp chất hữu cơ dễ bay hơi (VOC)", "ISO 11890-2", "GL", 30.0),
    hi("Surface-dry time", "زمان خشک‌شدن سطحی", "Thời gian khô bề mặt", "ISO 9117-3", "HUR", 1.0),
    lo("Hiding power (contrast ratio)", "قدرت پوشانندگی (نسبت کنتراست)", "Độ phủ (tỷ số tương phản)", "ISO 6504-3", "P1", 95.0),
    cat("Wet-scrub resistance", "مقاومت در برابر سایش مرطوب", "Độ bền chà rửa ướt", "ISO 11998", &["class 1", "class 2"]),
    hi("Total lead", "سرب کل", "Chì tổng số", "ISO 6503", "NA", 90.0),
];

#[rustfmt::skip]
pub(crate) static DETERGENT: &[Req] = &[
    lo("Anionic active matter", "مواد فعال سطحی آنیونی", "Hàm lượng chất hoạt động bề mặt anion", "ISO 2271", "P1", 14.0),
    band("pH of 1 % solution", "pH محلول ۱ درصد", "pH của dung dịch 1 %", "ISO 4316", "C62", 9.5, 11.0),
    hi("Free alkalinity (as NaOH)", "قلیائیت آزاد (برحسب NaOH)", "Độ kiềm tự do (tính theo NaOH)", "", "P1", 1.0),
    hi("Moisture and volatile matter", "رطوبت و مواد فرار", "Độ ẩm và chất bay hơi", "", "P1", 10.0),
    hi("Matter insoluble in water", "مواد نامحلول در آب", "Chất không tan trong nước", "", "P1", 3.0),
    lo("Ultimate biodegradability of surfactants", "زیست‌تخریب‌پذیری نهایی مواد فعال سطحی", "Khả năng phân hủy sinh học hoàn toàn của chất hoạt động bề mặt", "OECD 301B", "P1", 60.0),
];

#[rustfmt::skip]
pub(crate) static SOAP: &[Req] = &[
    lo("Total fatty matter", "کل مواد چرب", "Tổng chất béo", "ISO 685", "P1", 76.0),
    hi("Free caustic alkali (as NaOH)", "قلیای سوزآور آزاد (برحسب NaOH)", "Kiềm tự do (tính theo NaOH)", "ISO 684", "P1", 0.05),
    hi("Moisture and volatile matter", "رطوبت و مواد فرار", "Độ ẩm và chất bay hơi", "ISO 672", "P1", 15.0),
    hi("Chloride (as NaCl)", "کلرید (برحسب NaCl)", "Clorua (tính theo NaCl)", "", "P1", 1.0),
    hi("Unsaponifiable matter", "مواد صابونی‌نشدنی", "Chất không xà phòng hóa", "", "P1", 0.5),
];

#[rustfmt::skip]
pub(crate) static LIQUID_CLEANSER: &[Req] = &[
    lo("Total active matter", "کل مواد فعال سطحی", "Tổng chất hoạt động bề mặt", "ISO 2271", "P1", 10.0),
    band("pH (10 % solution)", "pH (محلول ۱۰ درصد)", "pH (dung dịch 10 %)", "ISO 4316", "C62", 4.5, 7.5),
    band("Viscosity at 25 °C", "گرانروی در ۲۵ درجه سلسیوس", "Độ nhớt ở 25 °C", "", "C24", 2000.0, 8000.0),
    hi("Total aerobic mesophilic count (cfu/g)", "شمارش کلی میکروارگانیسم‌های هوازی مزوفیل (cfu/g)", "Tổng số vi sinh vật hiếu khí ưa ấm (CFU/g)", "ISO 21149", "C62", 1000.0),
    cat("Pseudomonas aeruginosa", "سودوموناس آئروژینوزا", "Pseudomonas aeruginosa", "ISO 22717", &["not detected in 1 g"]),
    cat("Staphylococcus aureus", "استافیلوکوکوس اورئوس", "Staphylococcus aureus", "ISO 22718", &["not detected in 1 g"]),
];

#[rustfmt::skip]
pub(crate) static TOOTHPASTE: &[Req] = &[
    hi("Total fluoride", "فلوئورید کل", "Florua tổng số", "ISO 11609", "59", 1500.0),
    band("pH", "pH", "pH", "ISO 11609", "C62", 5.5, 10.5),
    hi("Abrasivity (RDA)", "سایندگی (RDA)", "Độ mài mòn (RDA)", "ISO 11609", "C62", 250.0),
    hi("Heavy metals (as lead)", "فلزات سنگین (برحسب سرب)", "Kim loại nặng (tính theo chì)", "", "NA", 20.0),
    cat("Diethylene glycol", "دی‌اتیلن گلیکول", "Dietylen glycol", "", &["not detected"]),
    hi("Total aerobic mesophilic count (cfu/g)", "شمارش کلی میکروارگانیسم‌های هوازی مزوفیل (cfu/g)", "Tổng số vi sinh vật hiếu khí ưa ấm (CFU/g)", "ISO 21149", "C62", 1000.0),
];

#[cfg(test)]
pub(super) static LISTS: &[&[Req]] = &[
    CEMENT,
    GYPSUM_BOARD,
    PORCELAIN_TILE,
    WALL_TILE,
    CLAY_BRICK,
    SANITARY_WARE,
    TABLEWARE,
    FLOAT_GLASS,
    SAFETY_GLASS,
    REBAR,
    GALVANISED_SHEET,
    STEEL_PIPE,
    ALUMINIUM_PROFILE,
    RADIATOR,
    LPG_CYLINDER,
    COOKWARE,
    WOOD_PANEL,
    FURNITURE,
    CORRUGATED,
    TISSUE,
    YARN,
    FABRIC,
    CARPET,
    GARMENT,
    BABY_GARMENT,
    FOOTWEAR,
    PAINT,
    DETERGENT,
    SOAP,
    LIQUID_CLEANSER,
    TOOTHPASTE,
];
