//! The 40 fields (two digits) of the ICS, 7th edition.

use super::IcsEntry;
use super::e;

/// All 40 fields, in code order.
#[rustfmt::skip]
pub static FIELDS: &[IcsEntry] = &[
    // code, en, fa, vi
    e("01", "Generalities. Terminology. Standardization. Documentation", "کلیات. اصطلاحات. استانداردسازی. مستندسازی", "Vấn đề chung. Thuật ngữ. Tiêu chuẩn hóa. Tư liệu"),
    e("03", "Services. Company organization, management and quality. Administration. Transport. Sociology", "خدمات. سازمان، مدیریت و کیفیت شرکت‌ها. اداره امور. حمل‌ونقل. جامعه‌شناسی", "Dịch vụ. Tổ chức, quản lý và chất lượng doanh nghiệp. Hành chính. Vận tải. Xã hội học"),
    e("07", "Natural and applied sciences", "علوم طبیعی و کاربردی", "Khoa học tự nhiên và khoa học ứng dụng"),
    e("11", "Health care technology", "فناوری مراقبت‌های بهداشتی", "Công nghệ chăm sóc sức khỏe"),
    e("13", "Environment. Health protection. Safety", "محیط زیست. حفاظت از سلامت. ایمنی", "Môi trường. Bảo vệ sức khỏe. An toàn"),
    e("17", "Metrology and measurement. Physical phenomena", "اندازه‌شناسی و اندازه‌گیری. پدیده‌های فیزیکی", "Đo lường. Hiện tượng vật lý"),
    e("19", "Testing", "آزمون", "Thử nghiệm"),
    e("21", "Mechanical systems and components for general use", "سامانه‌ها و اجزای مکانیکی با کاربرد عمومی", "Hệ thống và kết cấu cơ khí công dụng chung"),
    e("23", "Fluid systems and components for general use", "سامانه‌ها و اجزای سیالاتی با کاربرد عمومی", "Hệ thống và kết cấu dẫn chất lỏng công dụng chung"),
    e("25", "Manufacturing engineering", "مهندسی ساخت و تولید", "Chế tạo"),
    e("27", "Energy and heat transfer engineering", "مهندسی انرژی و انتقال حرارت", "Năng lượng và kỹ thuật truyền nhiệt"),
    e("29", "Electrical engineering", "مهندسی برق", "Kỹ thuật điện"),
    e("31", "Electronics", "الکترونیک", "Điện tử"),
    e("33", "Telecommunications. Audio and video engineering", "مخابرات. مهندسی صوت و تصویر", "Viễn thông. Kỹ thuật âm thanh và hình ảnh"),
    e("35", "Information technology", "فناوری اطلاعات", "Công nghệ thông tin"),
    e("37", "Image technology", "فناوری تصویر", "Công nghệ hình ảnh"),
    e("39", "Precision mechanics. Jewellery", "مکانیک دقیق. جواهرسازی", "Cơ khí chính xác. Kim hoàn"),
    e("43", "Road vehicles engineering", "مهندسی خودروهای جاده‌ای", "Phương tiện giao thông đường bộ"),
    e("45", "Railway engineering", "مهندسی راه‌آهن", "Kỹ thuật đường sắt"),
    e("47", "Shipbuilding and marine structures", "کشتی‌سازی و سازه‌های دریایی", "Đóng tàu và công trình biển"),
    e("49", "Aircraft and space vehicle engineering", "مهندسی هواپیما و فضاپیما", "Kỹ thuật máy bay và phương tiện vũ trụ"),
    e("53", "Materials handling equipment", "تجهیزات جابه‌جایی مواد", "Thiết bị vận chuyển vật liệu"),
    e("55", "Packaging and distribution of goods", "بسته‌بندی و توزیع کالا", "Bao gói và phân phối hàng hóa"),
    e("59", "Textile and leather technology", "فناوری نساجی و چرم", "Công nghệ dệt và da"),
    e("61", "Clothing industry", "صنعت پوشاک", "Công nghiệp may mặc"),
    e("65", "Agriculture", "کشاورزی", "Nông nghiệp"),
    e("67", "Food technology", "فناوری مواد غذایی", "Công nghệ thực phẩm"),
    e("71", "Chemical technology", "فناوری شیمیایی", "Công nghệ hóa học"),
    e("73", "Mining and minerals", "معدن و مواد معدنی", "Khai thác mỏ và khoáng sản"),
    e("75", "Petroleum and related technologies", "نفت و فناوری‌های وابسته", "Dầu mỏ và các công nghệ liên quan"),
    e("77", "Metallurgy", "متالورژی", "Luyện kim"),
    e("79", "Wood technology", "فناوری چوب", "Công nghệ gỗ"),
    e("81", "Glass and ceramics industries", "صنایع شیشه و سرامیک", "Công nghiệp thủy tinh và gốm sứ"),
    e("83", "Rubber and plastic industries", "صنایع لاستیک و پلاستیک", "Công nghiệp cao su và chất dẻo"),
    e("85", "Paper technology", "فناوری کاغذ", "Công nghệ giấy"),
    e("87", "Paint and colour industries", "صنایع رنگ", "Công nghiệp sơn và chất màu"),
    e("91", "Construction materials and building", "مصالح ساختمانی و ساختمان", "Vật liệu xây dựng và nhà"),
    e("93", "Civil engineering", "مهندسی عمران", "Kỹ thuật xây dựng dân dụng"),
    e("95", "Military affairs. Military engineering. Weapons", "امور نظامی. مهندسی نظامی. جنگ‌افزارها", "Quân sự. Kỹ thuật quân sự. Vũ khí"),
    e("97", "Domestic and commercial equipment. Entertainment. Sports", "تجهیزات خانگی و تجاری. سرگرمی. ورزش", "Thiết bị gia dụng và thương mại. Giải trí. Thể thao"),
];
