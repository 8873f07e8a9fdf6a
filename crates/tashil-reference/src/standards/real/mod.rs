//! The fixed head of the demo catalogue: well-known real standards.
//!
//! Numbers, years and titles of the ISO, IEC, Codex, TCVN and QCVN entries are real.
//! Iranian entries: the numbers and subjects are real (INSO 389 Portland cement, 3132
//! reinforcing bars, 1053 and 1011 drinking water) but their years, editions and
//! mandatory dates are illustrative. Editions of international standards, the dates
//! from which the QCVN apply, and all clause limits are best-effort demo data.
//! Persian titles of foreign standards and Vietnamese titles of non-Vietnamese ones are
//! our translations.
//!
//! A withdrawn entry always comes after the entry that replaced it, so any prefix of the
//! catalogue resolves its `replaced_by`.

mod clauses;

use super::clause::clause;
use super::requirements::{self as r, Req};
use super::topics;
use super::{DemoBody, DemoStandard, DemoStatus, designation_of};
use clauses::*;

/// Where a real standard's clauses come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Clauses {
    /// Numbered automatically from `section` ("5.1", "5.2" …).
    Auto(u8, &'static [Req]),
    /// Numbered as given.
    Numbered(&'static [(&'static str, Req)]),
}

/// A real standard.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Real {
    pub body: DemoBody,
    pub number: &'static str,
    pub year: u16,
    pub edition: u8,
    pub status: DemoStatus,
    /// Number and year of the replacing standard (same body).
    pub replaced_by: Option<(&'static str, u16)>,
    /// Set exactly when the standard is mandatory.
    pub mandatory_from: Option<(i32, u32, u32)>,
    pub title_en: &'static str,
    pub title_fa: &'static str,
    pub title_vi: &'static str,
    pub scope_en: &'static str,
    pub scope_fa: &'static str,
    pub scope_vi: &'static str,
    pub ics: &'static [&'static str],
    pub products: &'static [&'static str],
    pub clauses: Clauses,
}

#[allow(clippy::too_many_arguments)]
const fn real(
    body: DemoBody,
    number: &'static str,
    year: u16,
    edition: u8,
    status: DemoStatus,
    replaced_by: Option<(&'static str, u16)>,
    mandatory_from: Option<(i32, u32, u32)>,
    titles: [&'static str; 3],
    scopes: [&'static str; 3],
    ics: &'static [&'static str],
    products: &'static [&'static str],
    clauses: Clauses,
) -> Real {
    Real {
        body,
        number,
        year,
        edition,
        status,
        replaced_by,
        mandatory_from,
        title_en: titles[0],
        title_fa: titles[1],
        title_vi: titles[2],
        scope_en: scopes[0],
        scope_fa: scopes[1],
        scope_vi: scopes[2],
        ics,
        products,
        clauses,
    }
}

use Clauses::{Auto, Numbered};
use DemoBody::{Codex, Iec, Inso, Iso, Qcvn, Tcvn};
use DemoStatus::{Amended, Published, Withdrawn};

const QMS: [&str; 3] = [
    "Quality management systems — Requirements",
    "سیستم‌های مدیریت کیفیت - الزامات",
    "Hệ thống quản lý chất lượng – Các yêu cầu",
];
const QMS_SCOPE: [&str; 3] = [
    "This standard specifies requirements for a quality management system when an organization needs to demonstrate its ability to consistently provide products and services that meet customer and applicable statutory and regulatory requirements.",
    "این استاندارد الزامات سیستم مدیریت کیفیت را برای سازمانی مشخص می‌کند که باید توانایی خود را در ارائه پیوسته محصولات و خدماتِ منطبق با الزامات مشتری و الزامات قانونی و مقرراتی نشان دهد.",
    "Tiêu chuẩn này quy định các yêu cầu đối với hệ thống quản lý chất lượng khi tổ chức cần chứng tỏ khả năng cung cấp một cách ổn định sản phẩm và dịch vụ đáp ứng yêu cầu của khách hàng cũng như yêu cầu luật định và chế định.",
];
const EMS: [&str; 3] = [
    "Environmental management systems — Requirements with guidance for use",
    "سیستم‌های مدیریت محیط زیست - الزامات همراه با راهنمای استفاده",
    "Hệ thống quản lý môi trường – Các yêu cầu và hướng dẫn sử dụng",
];
const EMS_SCOPE: [&str; 3] = [
    "This standard specifies the requirements for an environmental management system that an organization can use to enhance its environmental performance.",
    "این استاندارد الزامات سیستم مدیریت محیط زیستی را مشخص می‌کند که سازمان می‌تواند برای بهبود عملکرد محیط زیستی خود به کار گیرد.",
    "Tiêu chuẩn này quy định các yêu cầu đối với hệ thống quản lý môi trường mà tổ chức có thể sử dụng để nâng cao kết quả thực hiện về môi trường.",
];
const FSMS: [&str; 3] = [
    "Food safety management systems — Requirements for any organization in the food chain",
    "سیستم‌های مدیریت ایمنی مواد غذایی - الزامات برای هر سازمان در زنجیره غذایی",
    "Hệ thống quản lý an toàn thực phẩm – Yêu cầu đối với các tổ chức trong chuỗi thực phẩm",
];
const FSMS_SCOPE: [&str; 3] = [
    "This standard specifies requirements for a food safety management system that enables an organization in the food chain to provide products that are safe for consumers.",
    "این استاندارد الزامات سیستم مدیریت ایمنی مواد غذایی را مشخص می‌کند تا هر سازمان در زنجیره غذایی بتواند محصولاتی ایمن برای مصرف‌کنندگان ارائه کند.",
    "Tiêu chuẩn này quy định các yêu cầu đối với hệ thống quản lý an toàn thực phẩm giúp tổ chức trong chuỗi thực phẩm cung cấp sản phẩm an toàn cho người tiêu dùng.",
];
const LAB: [&str; 3] = [
    "General requirements for the competence of testing and calibration laboratories",
    "الزامات عمومی برای صلاحیت آزمایشگاه‌های آزمون و کالیبراسیون",
    "Yêu cầu chung về năng lực của phòng thử nghiệm và hiệu chuẩn",
];
const LAB_SCOPE: [&str; 3] = [
    "This standard specifies the general requirements for the competence, impartiality and consistent operation of laboratories.",
    "این استاندارد الزامات عمومی صلاحیت، بی‌طرفی و عملکرد یکنواخت آزمایشگاه‌ها را مشخص می‌کند.",
    "Tiêu chuẩn này quy định các yêu cầu chung về năng lực, tính khách quan và tính nhất quán trong hoạt động của phòng thí nghiệm.",
];
const APPLIANCES: [&str; 3] = [
    "Household and similar electrical appliances — Safety — Part 1: General requirements",
    "وسایل برقی خانگی و مشابه - ایمنی - قسمت ۱: الزامات عمومی",
    "Thiết bị điện gia dụng và thiết bị điện tương tự – An toàn – Phần 1: Yêu cầu chung",
];
const APPLIANCES_SCOPE: [&str; 3] = [
    "This standard deals with the safety of electrical appliances for household and similar purposes, their rated voltage being not more than 250 V for single-phase appliances.",
    "این استاندارد به ایمنی وسایل برقی خانگی و مشابه با ولتاژ اسمی حداکثر ۲۵۰ ولت برای وسایل تک‌فاز می‌پردازد.",
    "Tiêu chuẩn này đề cập đến an toàn của thiết bị điện gia dụng và các mục đích tương tự, có điện áp danh định không lớn hơn 250 V đối với thiết bị một pha.",
];
const PC: [&str; 3] = [
    "Portland cement — Specifications",
    "سیمان پرتلند - ویژگی‌ها",
    "Xi măng poóc lăng – Yêu cầu kỹ thuật",
];
const PC_SCOPE: [&str; 3] = [
    "This standard specifies the technical requirements for Portland cement.",
    "هدف از تدوین این استاندارد، تعیین ویژگی‌های فنی سیمان پرتلند است.",
    "Tiêu chuẩn này quy định các yêu cầu kỹ thuật đối với xi măng poóc lăng.",
];
const RIBBED: [&str; 3] = [
    "Steel for the reinforcement of concrete — Part 2: Ribbed bars",
    "فولاد برای مسلح‌کردن بتن - قسمت ۲: میلگردهای آجدار",
    "Thép cốt bê tông – Phần 2: Thép thanh vằn",
];
const RIBBED_SCOPE: [&str; 3] = [
    "This standard specifies technical requirements for ribbed bars to be used as reinforcement in concrete.",
    "هدف از تدوین این استاندارد، تعیین الزامات فنی میلگردهای آجدار برای مسلح‌کردن بتن است.",
    "Tiêu chuẩn này quy định yêu cầu kỹ thuật cho thép thanh vằn dùng làm cốt trong kết cấu bê tông.",
];
const DRINKING_WATER_QCVN: [&str; 3] = [
    "National technical regulation on drinking water quality",
    "مقررات فنی ملی کیفیت آب آشامیدنی",
    "Quy chuẩn kỹ thuật quốc gia về chất lượng nước ăn uống",
];
const TAP_WATER_QCVN: [&str; 3] = [
    "National technical regulation on the quality of clean water for domestic use",
    "مقررات فنی ملی کیفیت آب سالم برای مصارف خانگی",
    "Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch sử dụng cho mục đích sinh hoạt",
];
const WATER_QCVN_SCOPE: [&str; 3] = [
    "This regulation sets the limits of the quality parameters of water supplied for drinking and domestic use.",
    "این مقررات حدود ویژگی‌های کیفی آب تأمین‌شده برای آشامیدن و مصارف خانگی را تعیین می‌کند.",
    "Quy chuẩn này quy định mức giới hạn các thông số chất lượng đối với nước dùng cho ăn uống và sinh hoạt.",
];
const BUILDING_QCVN: [&str; 3] = [
    "National technical regulation on construction material products and goods",
    "مقررات فنی ملی محصولات و کالاهای مصالح ساختمانی",
    "Quy chuẩn kỹ thuật quốc gia về sản phẩm, hàng hóa vật liệu xây dựng",
];
const BUILDING_QCVN_SCOPE: [&str; 3] = [
    "This regulation sets the technical requirements and the conformity assessment of construction materials that are produced, imported or traded in Viet Nam.",
    "این مقررات الزامات فنی و ارزیابی انطباق مصالح ساختمانی تولیدی، وارداتی یا عرضه‌شده در ویتنام را تعیین می‌کند.",
    "Quy chuẩn này quy định yêu cầu kỹ thuật và đánh giá sự phù hợp đối với vật liệu xây dựng sản xuất, nhập khẩu, kinh doanh tại Việt Nam.",
];
const BUILDING_PRODUCTS: &[&str] = &[
    "portland-cement",
    "porcelain-floor-tiles",
    "ceramic-wall-tiles",
    "clay-bricks",
    "gypsum-board",
    "float-glass",
    "sanitary-ware",
];
const APPLIANCE_PRODUCTS: &[&str] = &[
    "refrigerators",
    "washing-machines",
    "rice-cookers",
    "split-air-conditioners",
];

/// The real standards, replacing entries before the ones they replace.
#[rustfmt::skip]
pub(crate) static REAL: &[Real] = &[
    // --- ISO (ISO/IEC joint standards are filed under ISO) ---
    real(Iso, "9001", 2015, 5, Amended, None, None, QMS, QMS_SCOPE, &["03.120.10", "03.100.70"], &[], Numbered(HARMONIZED)),
    real(Iso, "9001", 2008, 4, Withdrawn, Some(("9001", 2015)), None, QMS, QMS_SCOPE, &["03.120.10"], &[], Numbered(HARMONIZED)),
    real(Iso, "14001", 2015, 3, Amended, None, None, EMS, EMS_SCOPE, &["13.020.10", "03.100.70"], &[], Numbered(HARMONIZED)),
    real(Iso, "14001", 2004, 2, Withdrawn, Some(("14001", 2015)), None, EMS, EMS_SCOPE, &["13.020.10"], &[], Numbered(HARMONIZED)),
    real(Iso, "22000", 2018, 2, Amended, None, None, FSMS, FSMS_SCOPE, &["67.020", "03.100.70"], &[], Numbered(HARMONIZED)),
    real(Iso, "22000", 2005, 1, Withdrawn, Some(("22000", 2018)), None, FSMS, FSMS_SCOPE, &["67.020"], &[], Numbered(HARMONIZED)),
    real(Iso, "45001", 2018, 1, Amended, None, None,
        ["Occupational health and safety management systems — Requirements with guidance for use", "سیستم‌های مدیریت ایمنی و بهداشت شغلی - الزامات همراه با راهنمای استفاده", "Hệ thống quản lý an toàn và sức khỏe nghề nghiệp – Các yêu cầu và hướng dẫn sử dụng"],
        ["This standard specifies requirements for an occupational health and safety management system to enable organizations to provide safe and healthy workplaces.",
         "این استاندارد الزامات سیستم مدیریت ایمنی و بهداشت شغلی را مشخص می‌کند تا سازمان‌ها بتوانند محیط کار ایمن و سالم فراهم کنند.",
         "Tiêu chuẩn này quy định các yêu cầu đối với hệ thống quản lý an toàn và sức khỏe nghề nghiệp giúp tổ chức tạo ra nơi làm việc an toàn và lành mạnh."],
        &["03.100.70", "13.100"], &[], Numbered(HARMONIZED)),
    real(Iso, "50001", 2018, 2, Amended, None, None,
        ["Energy management systems — Requirements with guidance for use", "سیستم‌های مدیریت انرژی - الزامات همراه با راهنمای استفاده", "Hệ thống quản lý năng lượng – Các yêu cầu và hướng dẫn sử dụng"],
        ["This standard specifies requirements for establishing, implementing, maintaining and improving an energy management system.",
         "این استاندارد الزامات استقرار، اجرا، نگهداری و بهبود سیستم مدیریت انرژی را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu để thiết lập, áp dụng, duy trì và cải tiến hệ thống quản lý năng lượng."],
        &["03.100.70", "27.015"], &[], Numbered(HARMONIZED)),
    real(Iso, "27001", 2022, 3, Amended, None, None,
        ["Information security, cybersecurity and privacy protection — Information security management systems — Requirements", "امنیت اطلاعات، امنیت سایبری و حفاظت از حریم خصوصی - سیستم‌های مدیریت امنیت اطلاعات - الزامات", "An toàn thông tin, an ninh mạng và bảo vệ quyền riêng tư – Hệ thống quản lý an toàn thông tin – Các yêu cầu"],
        ["This standard specifies the requirements for establishing, implementing, maintaining and continually improving an information security management system.",
         "این استاندارد الزامات استقرار، اجرا، نگهداری و بهبود مستمر سیستم مدیریت امنیت اطلاعات را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu để thiết lập, áp dụng, duy trì và cải tiến liên tục hệ thống quản lý an toàn thông tin."],
        &["03.100.70", "35.030"], &[], Numbered(HARMONIZED)),
    real(Iso, "9000", 2015, 4, Published, None, None,
        ["Quality management systems — Fundamentals and vocabulary", "سیستم‌های مدیریت کیفیت - مبانی و واژگان", "Hệ thống quản lý chất lượng – Cơ sở và từ vựng"],
        ["This standard describes the fundamental concepts and principles of quality management and defines the terms used in quality management system standards.",
         "این استاندارد مفاهیم و اصول بنیادین مدیریت کیفیت را شرح می‌دهد و اصطلاحات به‌کاررفته در استانداردهای سیستم مدیریت کیفیت را تعریف می‌کند.",
         "Tiêu chuẩn này mô tả các khái niệm và nguyên tắc cơ bản của quản lý chất lượng và định nghĩa các thuật ngữ dùng trong các tiêu chuẩn về hệ thống quản lý chất lượng."],
        &["03.120.10", "01.040"], &[], Numbered(PRINCIPLES)),
    real(Iso, "17025", 2017, 3, Published, None, None, LAB, LAB_SCOPE, &["03.120.20", "19.020"], &[], Numbered(LABORATORY)),
    real(Iso, "17025", 2005, 2, Withdrawn, Some(("17025", 2017)), None, LAB, LAB_SCOPE, &["03.120.20"], &[], Numbered(LABORATORY)),
    real(Iso, "17065", 2012, 1, Published, None, None,
        ["Conformity assessment — Requirements for bodies certifying products, processes and services", "ارزیابی انطباق - الزامات نهادهای گواهی‌دهنده محصولات، فرایندها و خدمات", "Đánh giá sự phù hợp – Yêu cầu đối với tổ chức chứng nhận sản phẩm, quá trình và dịch vụ"],
        ["This standard contains requirements for the competence, consistent operation and impartiality of product, process and service certification bodies.",
         "این استاندارد الزامات صلاحیت، عملکرد یکنواخت و بی‌طرفی نهادهای گواهی‌دهی محصول، فرایند و خدمت را در بر دارد.",
         "Tiêu chuẩn này quy định các yêu cầu về năng lực, tính nhất quán trong hoạt động và tính khách quan của tổ chức chứng nhận sản phẩm, quá trình và dịch vụ."],
        &["03.120.20"], &[], Numbered(PRODUCT_CERTIFICATION)),
    real(Iso, "17020", 2012, 2, Published, None, None,
        ["Conformity assessment — Requirements for the operation of various types of bodies performing inspection", "ارزیابی انطباق - الزامات عملکرد انواع نهادهای انجام‌دهنده بازرسی", "Đánh giá sự phù hợp – Yêu cầu đối với hoạt động của các loại tổ chức tiến hành giám định"],
        ["This standard specifies requirements for the competence of bodies performing inspection and for the impartiality and consistency of their activities.",
         "این استاندارد الزامات صلاحیت نهادهای بازرسی و بی‌طرفی و یکنواختی فعالیت‌های آن‌ها را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu về năng lực của tổ chức giám định và tính khách quan, nhất quán trong hoạt động giám định."],
        &["03.120.20"], &[], Numbered(INSPECTION)),
    real(Iso, "17021-1", 2015, 1, Published, None, None,
        ["Conformity assessment — Requirements for bodies providing audit and certification of management systems — Part 1: Requirements", "ارزیابی انطباق - الزامات نهادهای ممیزی و گواهی‌دهی سیستم‌های مدیریت - قسمت ۱: الزامات", "Đánh giá sự phù hợp – Yêu cầu đối với tổ chức đánh giá và chứng nhận hệ thống quản lý – Phần 1: Các yêu cầu"],
        ["This standard contains principles and requirements for the competence, consistency and impartiality of bodies providing audit and certification of all types of management systems.",
         "این استاندارد اصول و الزامات صلاحیت، یکنواختی و بی‌طرفی نهادهای ممیزی و گواهی‌دهی انواع سیستم‌های مدیریت را در بر دارد.",
         "Tiêu chuẩn này quy định các nguyên tắc và yêu cầu về năng lực, tính nhất quán và tính khách quan của tổ chức đánh giá và chứng nhận các loại hệ thống quản lý."],
        &["03.120.20", "03.100.70"], &[], Numbered(SYSTEM_CERTIFICATION)),
    real(Iso, "6892-1", 2019, 3, Published, None, None,
        ["Metallic materials — Tensile testing — Part 1: Method of test at room temperature", "مواد فلزی - آزمون کشش - قسمت ۱: روش آزمون در دمای اتاق", "Vật liệu kim loại – Thử kéo – Phần 1: Phương pháp thử ở nhiệt độ phòng"],
        ["This standard specifies the method for tensile testing of metallic materials and defines the mechanical properties which can be determined at room temperature.",
         "این استاندارد روش آزمون کشش مواد فلزی را مشخص و ویژگی‌های مکانیکی قابل اندازه‌گیری در دمای اتاق را تعریف می‌کند.",
         "Tiêu chuẩn này quy định phương pháp thử kéo vật liệu kim loại và định nghĩa các tính chất cơ học có thể xác định ở nhiệt độ phòng."],
        &["77.040.10"], &["steel-rebar", "galvanised-steel-sheet", "welded-steel-pipes", "aluminium-profiles"], Auto(6, r::METHOD_MECHANICAL)),
    real(Iso, "6935-2", 2019, 4, Published, None, None, RIBBED, RIBBED_SCOPE, &["77.140.15"], &["steel-rebar"], Auto(7, r::REBAR)),
    real(Iso, "679", 2009, 3, Published, None, None,
        ["Cement — Test methods — Determination of strength", "سیمان - روش‌های آزمون - تعیین مقاومت", "Xi măng – Phương pháp thử – Xác định cường độ"],
        ["This standard describes a method for the determination of the compressive and, optionally, the flexural strength of cement mortar.",
         "این استاندارد روشی برای تعیین مقاومت فشاری و در صورت نیاز مقاومت خمشی ملات سیمان شرح می‌دهد.",
         "Tiêu chuẩn này mô tả phương pháp xác định cường độ nén và, nếu cần, cường độ uốn của vữa xi măng."],
        &["91.100.10"], &["portland-cement"], Auto(4, CEMENT_STRENGTH_METHOD)),
    real(Iso, "13006", 2018, 3, Published, None, None,
        ["Ceramic tiles — Definitions, classification, characteristics and marking", "کاشی‌های سرامیکی - تعاریف، طبقه‌بندی، ویژگی‌ها و نشانه‌گذاری", "Gạch gốm ốp lát – Định nghĩa, phân loại, đặc tính kỹ thuật và ghi nhãn"],
        ["This standard defines terms and establishes classifications, characteristics and marking requirements for ceramic tiles of the best commercial quality.",
         "این استاندارد اصطلاحات را تعریف و طبقه‌بندی، ویژگی‌ها و الزامات نشانه‌گذاری کاشی‌های سرامیکی را تعیین می‌کند.",
         "Tiêu chuẩn này định nghĩa các thuật ngữ và quy định phân loại, đặc tính kỹ thuật và yêu cầu ghi nhãn đối với gạch gốm ốp lát."],
        &["91.100.23"], &["porcelain-floor-tiles", "ceramic-wall-tiles"], Auto(6, r::PORCELAIN_TILE)),
    real(Iso, "3632-1", 2011, 2, Published, None, None,
        ["Spices — Saffron (Crocus sativus L.) — Part 1: Specification", "ادویه‌ها - زعفران (Crocus sativus L.) - قسمت ۱: ویژگی‌ها", "Gia vị – Nghệ tây (Crocus sativus L.) – Phần 1: Yêu cầu kỹ thuật"],
        ["This standard establishes specifications for dried saffron obtained from the pistils of Crocus sativus L., in filaments, cut filaments and powder.",
         "این استاندارد ویژگی‌های زعفران خشک به‌دست‌آمده از کلاله‌های Crocus sativus L. را به شکل رشته، رشته بریده و پودر تعیین می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu đối với nghệ tây khô thu từ nhụy hoa Crocus sativus L. ở dạng sợi, sợi cắt và dạng bột."],
        &["67.220.10"], &["saffron"], Auto(4, r::SAFFRON)),
    real(Iso, "3720", 2011, 3, Published, None, None,
        ["Black tea — Definition and basic requirements", "چای سیاه - تعریف و الزامات پایه", "Chè đen – Định nghĩa và các yêu cầu cơ bản"],
        ["This standard specifies the chemical requirements for black tea made from leaves, buds and tender stems of Camellia sinensis.",
         "این استاندارد الزامات شیمیایی چای سیاه تهیه‌شده از برگ، جوانه و ساقه‌های نرم Camellia sinensis را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu hóa học đối với chè đen được chế biến từ lá, búp và cọng non của cây chè Camellia sinensis."],
        &["67.140.10"], &["black-tea"], Auto(4, r::BLACK_TEA)),
    real(Iso, "11287", 2011, 1, Published, None, None,
        ["Green tea — Definition and basic requirements", "چای سبز - تعریف و الزامات پایه", "Chè xanh – Định nghĩa và các yêu cầu cơ bản"],
        ["This standard specifies the chemical requirements for green tea made from leaves, buds and tender stems of Camellia sinensis.",
         "این استاندارد الزامات شیمیایی چای سبز تهیه‌شده از برگ، جوانه و ساقه‌های نرم Camellia sinensis را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu hóa học đối với chè xanh được chế biến từ lá, búp và cọng non của cây chè Camellia sinensis."],
        &["67.140.10"], &["green-tea"], Auto(4, r::GREEN_TEA)),
    real(Iso, "1452-2", 2009, 1, Published, None, None,
        ["Plastics piping systems for water supply and for buried and above-ground drainage and sewerage under pressure — Unplasticized poly(vinyl chloride) (PVC-U) — Part 2: Pipes", "سامانه‌های لوله‌گذاری پلاستیکی برای آب‌رسانی و زهکشی و فاضلاب تحت فشار مدفون و روی زمین - پلی(وینیل کلرید) سخت (PVC-U) - قسمت ۲: لوله‌ها", "Hệ thống ống bằng chất dẻo dùng cho cấp nước, thoát nước và nước thải chôn ngầm và nổi trên mặt đất trong điều kiện có áp suất – Poly(vinyl clorua) không hóa dẻo (PVC-U) – Phần 2: Ống"],
        ["This standard specifies the characteristics of solid-wall PVC-U pipes for piping systems intended for water supply and for drainage and sewerage under pressure.",
         "این استاندارد ویژگی‌های لوله‌های PVC-U با دیواره توپر را برای سامانه‌های آب‌رسانی و زهکشی و فاضلاب تحت فشار مشخص می‌کند.",
         "Tiêu chuẩn này quy định các đặc tính của ống PVC-U thành đặc dùng cho hệ thống cấp nước, thoát nước và nước thải có áp suất."],
        &["23.040.20", "91.140.60"], &["pvc-pipes"], Auto(7, r::PVC_PIPE)),
    real(Iso, "4427-2", 2019, 2, Published, None, None,
        ["Plastics piping systems for water supply and for drainage and sewerage under pressure — Polyethylene (PE) — Part 2: Pipes", "سامانه‌های لوله‌گذاری پلاستیکی برای آب‌رسانی و زهکشی و فاضلاب تحت فشار - پلی‌اتیلن (PE) - قسمت ۲: لوله‌ها", "Hệ thống ống bằng chất dẻo dùng cho cấp nước, thoát nước và nước thải có áp suất – Polyetylen (PE) – Phần 2: Ống"],
        ["This standard specifies the characteristics of solid-wall polyethylene pipes intended for water supply and for drainage and sewerage under pressure.",
         "این استاندارد ویژگی‌های لوله‌های پلی‌اتیلن با دیواره توپر را برای آب‌رسانی و زهکشی و فاضلاب تحت فشار مشخص می‌کند.",
         "Tiêu chuẩn này quy định các đặc tính của ống polyetylen thành đặc dùng cho cấp nước, thoát nước và nước thải có áp suất."],
        &["23.040.20"], &["polyethylene-pipes"], Auto(7, r::PE_PIPE)),
    real(Iso, "8124-1", 2022, 4, Published, None, None,
        ["Safety of toys — Part 1: Safety aspects related to mechanical and physical properties", "ایمنی اسباب‌بازی‌ها - قسمت ۱: جنبه‌های ایمنی مرتبط با ویژگی‌های مکانیکی و فیزیکی", "An toàn đồ chơi trẻ em – Phần 1: Các khía cạnh an toàn liên quan đến tính chất cơ lý"],
        ["This standard specifies requirements and test methods for toys intended for use by children under 14 years of age.",
         "این استاندارد الزامات و روش‌های آزمون اسباب‌بازی‌های مخصوص کودکان زیر ۱۴ سال را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu và phương pháp thử đối với đồ chơi dành cho trẻ em dưới 14 tuổi."],
        &["97.200.50"], &["plastic-toys"], Auto(4, TOY_MECHANICAL)),
    real(Iso, "22716", 2007, 1, Published, None, None,
        ["Cosmetics — Good Manufacturing Practices (GMP) — Guidelines on Good Manufacturing Practices", "فرآورده‌های آرایشی - اصول تولید خوب (GMP) - رهنمودهای اصول تولید خوب", "Mỹ phẩm – Thực hành tốt sản xuất (GMP) – Hướng dẫn thực hành tốt sản xuất"],
        ["This standard gives guidelines for the production, control, storage and shipment of cosmetic products.",
         "این استاندارد رهنمودهایی برای تولید، کنترل، انبارش و ارسال فرآورده‌های آرایشی ارائه می‌دهد.",
         "Tiêu chuẩn này đưa ra hướng dẫn về sản xuất, kiểm soát, bảo quản và vận chuyển sản phẩm mỹ phẩm."],
        &["71.100.70"], &["shampoo", "toothpaste", "liquid-hand-wash", "toilet-soap"], Numbered(COSMETICS_GMP)),
    real(Iso, "6579-1", 2017, 1, Amended, None, None,
        ["Microbiology of the food chain — Horizontal method for the detection, enumeration and serotyping of Salmonella — Part 1: Detection of Salmonella spp.", "میکروبیولوژی زنجیره غذایی - روش جامع برای آشکارسازی، شمارش و سروتیپ‌بندی سالمونلا - قسمت ۱: آشکارسازی سالمونلا", "Vi sinh vật trong chuỗi thực phẩm – Phương pháp phát hiện, định lượng và xác định typ huyết thanh của Salmonella – Phần 1: Phát hiện Salmonella spp."],
        ["This standard specifies a horizontal method for the detection of Salmonella in products intended for human consumption and animal feeding and in environmental samples.",
         "این استاندارد روشی جامع برای آشکارسازی سالمونلا در فرآورده‌های مصرفی انسان و دام و در نمونه‌های محیطی مشخص می‌کند.",
         "Tiêu chuẩn này quy định phương pháp phát hiện Salmonella trong sản phẩm dùng cho người, thức ăn chăn nuôi và mẫu môi trường."],
        &["07.100.30"], &[], Auto(9, SALMONELLA_METHOD)),

    // --- IEC ---
    real(Iec, "60335-1", 2020, 6, Published, None, None, APPLIANCES, APPLIANCES_SCOPE, &["13.120", "97.030"], APPLIANCE_PRODUCTS, Numbered(APPLIANCE_SAFETY)),
    real(Iec, "60335-1", 2010, 5, Withdrawn, Some(("60335-1", 2020)), None, APPLIANCES, APPLIANCES_SCOPE, &["13.120", "97.030"], APPLIANCE_PRODUCTS, Numbered(APPLIANCE_SAFETY)),
    real(Iec, "60335-2-24", 2010, 7, Amended, None, None,
        ["Household and similar electrical appliances — Safety — Part 2-24: Particular requirements for refrigerating appliances, ice-cream appliances and ice makers", "وسایل برقی خانگی و مشابه - ایمنی - قسمت ۲-۲۴: الزامات ویژه وسایل سردکننده، بستنی‌سازها و یخ‌سازها", "Thiết bị điện gia dụng và thiết bị điện tương tự – An toàn – Phần 2-24: Yêu cầu cụ thể đối với thiết bị làm lạnh, thiết bị làm kem và thiết bị làm nước đá"],
        ["This standard deals with the safety of electric refrigerating appliances for household and similar purposes, ice-cream appliances and ice makers.",
         "این استاندارد به ایمنی وسایل سردکننده برقی خانگی و مشابه، بستنی‌سازها و یخ‌سازها می‌پردازد.",
         "Tiêu chuẩn này đề cập đến an toàn của thiết bị làm lạnh dùng điện trong gia đình và các mục đích tương tự, thiết bị làm kem và thiết bị làm nước đá."],
        &["97.040.30", "13.120"], &["refrigerators"], Numbered(APPLIANCE_SAFETY)),
    real(Iec, "60335-2-40", 2022, 7, Published, None, None,
        ["Household and similar electrical appliances — Safety — Part 2-40: Particular requirements for electrical heat pumps, air-conditioners and dehumidifiers", "وسایل برقی خانگی و مشابه - ایمنی - قسمت ۲-۴۰: الزامات ویژه پمپ‌های حرارتی برقی، دستگاه‌های تهویه مطبوع و رطوبت‌گیرها", "Thiết bị điện gia dụng và thiết bị điện tương tự – An toàn – Phần 2-40: Yêu cầu cụ thể đối với bơm nhiệt, máy điều hòa không khí và máy hút ẩm"],
        ["This standard deals with the safety of electric heat pumps, air-conditioners and dehumidifiers incorporating motor-compressors.",
         "این استاندارد به ایمنی پمپ‌های حرارتی، دستگاه‌های تهویه مطبوع و رطوبت‌گیرهای برقی دارای موتورکمپرسور می‌پردازد.",
         "Tiêu chuẩn này đề cập đến an toàn của bơm nhiệt, máy điều hòa không khí và máy hút ẩm dùng điện có lắp máy nén có động cơ."],
        &["23.120", "27.080", "13.120"], &["split-air-conditioners"], Numbered(APPLIANCE_SAFETY)),
    real(Iec, "60227-3", 1993, 2, Amended, None, None,
        ["Polyvinyl chloride insulated cables of rated voltages up to and including 450/750 V — Part 3: Non-sheathed cables for fixed wiring", "کابل‌های با عایق پلی‌وینیل کلرید با ولتاژ اسمی تا ۴۵۰/۷۵۰ ولت - قسمت ۳: کابل‌های بدون غلاف برای سیم‌کشی ثابت", "Cáp cách điện bằng polyvinyl clorua có điện áp danh định đến và bằng 450/750 V – Phần 3: Cáp không có vỏ bọc dùng để lắp đặt cố định"],
        ["This standard details the particular specifications for PVC-insulated non-sheathed single-core cables for fixed wiring.",
         "این استاندارد ویژگی‌های خاص کابل‌های تک‌رشته بدون غلاف با عایق پی‌وی‌سی برای سیم‌کشی ثابت را بیان می‌کند.",
         "Tiêu chuẩn này quy định chi tiết các yêu cầu riêng đối với cáp một lõi cách điện PVC không có vỏ bọc dùng để lắp đặt cố định."],
        &["29.060.20"], &["building-wire"], Auto(5, r::BUILDING_WIRE)),
    real(Iec, "60228", 2004, 3, Published, None, None,
        ["Conductors of insulated cables", "هادی‌های کابل‌های عایق‌دار", "Ruột dẫn của cáp cách điện"],
        ["This standard specifies the nominal cross-sectional areas, numbers and sizes of wires and resistance values of conductors in electric cables and cords.",
         "این استاندارد سطح مقطع اسمی، تعداد و اندازه رشته‌ها و مقاومت الکتریکی هادی‌های کابل‌ها و بندهای برق را مشخص می‌کند.",
         "Tiêu chuẩn này quy định mặt cắt danh nghĩa, số lượng và kích thước sợi và giá trị điện trở của ruột dẫn trong cáp và dây dẫn điện."],
        &["29.060.20"], &["building-wire"], Auto(5, CONDUCTORS)),
    real(Iec, "60076-1", 2011, 3, Published, None, None,
        ["Power transformers — Part 1: General", "ترانسفورماتورهای قدرت - قسمت ۱: کلیات", "Máy biến áp điện lực – Phần 1: Quy định chung"],
        ["This standard applies to three-phase and single-phase power transformers, including auto-transformers.",
         "این استاندارد برای ترانسفورماتورهای قدرت سه‌فاز و تک‌فاز، از جمله اتوترانسفورماتورها، کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho máy biến áp điện lực ba pha và một pha, kể cả máy biến áp tự ngẫu."],
        &["29.180"], &["distribution-transformers"], Auto(5, r::TRANSFORMER)),
    real(Iec, "60095-1", 2018, 8, Published, None, None,
        ["Lead-acid starter batteries — Part 1: General requirements and methods of test", "باتری‌های سرب-اسیدی استارت - قسمت ۱: الزامات عمومی و روش‌های آزمون", "Ắc quy chì khởi động – Phần 1: Yêu cầu chung và phương pháp thử"],
        ["This standard applies to lead-acid batteries with a nominal voltage of 12 V used primarily for starting, lighting and ignition of vehicles.",
         "این استاندارد برای باتری‌های سرب-اسیدی با ولتاژ اسمی ۱۲ ولت که عمدتاً برای استارت، روشنایی و جرقه خودروها به کار می‌روند کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho ắc quy chì axit có điện áp danh định 12 V dùng chủ yếu để khởi động, chiếu sáng và đánh lửa cho xe."],
        &["29.220.20"], &["car-batteries"], Auto(9, r::BATTERY)),
    real(Iec, "62560", 2011, 1, Amended, None, None,
        ["Self-ballasted LED-lamps for general lighting services by voltage > 50 V — Safety specifications", "لامپ‌های ال‌ای‌دی با بالاست سرخود برای روشنایی عمومی با ولتاژ بیش از ۵۰ ولت - ویژگی‌های ایمنی", "Bóng đèn LED có balát lắp liền dùng cho chiếu sáng thông dụng làm việc ở điện áp lớn hơn 50 V – Yêu cầu về an toàn"],
        ["This standard specifies the safety and interchangeability requirements of self-ballasted LED lamps for domestic and similar general lighting purposes.",
         "این استاندارد الزامات ایمنی و تعویض‌پذیری لامپ‌های ال‌ای‌دی با بالاست سرخود برای روشنایی عمومی خانگی و مشابه را مشخص می‌کند.",
         "Tiêu chuẩn này quy định các yêu cầu về an toàn và lắp lẫn của bóng đèn LED có balát lắp liền dùng cho chiếu sáng thông dụng trong gia đình và các mục đích tương tự."],
        &["29.140.99"], &["led-lamps"], Auto(8, LED_SAFETY)),

    // --- Codex Alimentarius (CXS numbers bare, codes of practice "CXC n") ---
    real(Codex, "CXC 1", 1969, 5, Amended, None, None,
        ["General Principles of Food Hygiene", "اصول عمومی بهداشت مواد غذایی", "Nguyên tắc chung về vệ sinh thực phẩm"],
        ["This code sets out the general principles for the hygienic production of food from primary production to consumption, including the HACCP system.",
         "این آیین کار اصول عمومی تولید بهداشتی مواد غذایی از تولید اولیه تا مصرف، از جمله سامانه HACCP، را بیان می‌کند.",
         "Quy phạm này đưa ra các nguyên tắc chung để sản xuất thực phẩm bảo đảm vệ sinh từ khâu sản xuất ban đầu đến tiêu dùng, bao gồm hệ thống HACCP."],
        &["67.020"], &[], Numbered(HACCP)),
    real(Codex, "192", 1995, 1, Amended, None, None,
        ["General Standard for Food Additives", "استاندارد عمومی افزودنی‌های خوراکی", "Tiêu chuẩn chung về phụ gia thực phẩm"],
        ["This standard sets out the conditions under which food additives may be used in all foods, and the maximum use levels per food category.",
         "این استاندارد شرایط استفاده از افزودنی‌ها در مواد غذایی و بیشینه مقدار مصرف آن‌ها را در هر رده غذایی تعیین می‌کند.",
         "Tiêu chuẩn này quy định điều kiện sử dụng phụ gia trong thực phẩm và mức sử dụng tối đa theo từng nhóm thực phẩm."],
        &["67.220.20"], &[], Numbered(FOOD_ADDITIVES)),
    real(Codex, "1", 1985, 1, Amended, None, None,
        ["General Standard for the Labelling of Prepackaged Foods", "استاندارد عمومی برچسب‌گذاری مواد غذایی از پیش بسته‌بندی‌شده", "Tiêu chuẩn chung về ghi nhãn thực phẩm bao gói sẵn"],
        ["This standard applies to the labelling of all prepackaged foods to be offered to the consumer or for catering purposes.",
         "این استاندارد برای برچسب‌گذاری همه مواد غذایی از پیش بسته‌بندی‌شده عرضه‌شده به مصرف‌کننده یا برای پذیرایی جمعی کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho việc ghi nhãn mọi thực phẩm bao gói sẵn cung cấp cho người tiêu dùng hoặc dùng trong dịch vụ ăn uống."],
        &["67.040", "67.230"], &[], Numbered(LABELLING)),
    real(Codex, "193", 1995, 1, Amended, None, None,
        ["General Standard for Contaminants and Toxins in Food and Feed", "استاندارد عمومی آلاینده‌ها و سموم در مواد غذایی و خوراک دام", "Tiêu chuẩn chung về chất ô nhiễm và độc tố trong thực phẩm và thức ăn chăn nuôi"],
        ["This standard contains the maximum levels of contaminants and natural toxicants in food and feed recommended by the Codex Alimentarius Commission.",
         "این استاندارد بیشینه رواداری آلاینده‌ها و سموم طبیعی در مواد غذایی و خوراک دام را که کمیسیون کدکس توصیه کرده است در بر دارد.",
         "Tiêu chuẩn này nêu mức giới hạn tối đa các chất ô nhiễm và độc tố tự nhiên trong thực phẩm và thức ăn chăn nuôi do Ủy ban Codex khuyến nghị."],
        &["67.040", "65.120"], &[], Auto(3, CODEX_CONTAMINANTS)),
    real(Codex, "72", 1981, 1, Amended, None, None,
        ["Standard for Infant Formula and Formulas for Special Medical Purposes Intended for Infants", "استاندارد شیر خشک نوزاد و فرمول‌های ویژه پزشکی برای نوزادان", "Tiêu chuẩn đối với sữa công thức cho trẻ sơ sinh và sữa công thức dùng cho mục đích y tế đặc biệt dành cho trẻ sơ sinh"],
        ["This standard applies to infant formula in liquid or powdered form intended for use as a substitute for human milk in meeting the normal nutritional requirements of infants.",
         "این استاندارد برای شیر خشک نوزاد مایع یا پودری که به‌عنوان جایگزین شیر مادر برای تأمین نیازهای عادی تغذیه‌ای نوزادان به کار می‌رود کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho sữa công thức dạng lỏng hoặc dạng bột dùng thay thế sữa mẹ để đáp ứng nhu cầu dinh dưỡng bình thường của trẻ sơ sinh."],
        &["67.100.10", "67.230"], &["infant-formula"], Auto(3, r::INFANT_FORMULA)),
    real(Codex, "210", 1999, 1, Amended, None, None,
        ["Standard for Named Vegetable Oils", "استاندارد روغن‌های گیاهی نام‌دار", "Tiêu chuẩn đối với dầu thực vật được đặt tên"],
        ["This standard applies to the vegetable oils described in it that are presented in a state for human consumption.",
         "این استاندارد برای روغن‌های گیاهی توصیف‌شده در آن که به شکل قابل مصرف انسان عرضه می‌شوند کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho các loại dầu thực vật được mô tả trong tiêu chuẩn ở dạng dùng làm thực phẩm cho người."],
        &["67.200.10"], &["refined-soybean-oil"], Auto(3, r::VEGETABLE_OIL)),
    real(Codex, "243", 2003, 1, Amended, None, None,
        ["Standard for Fermented Milks", "استاندارد شیرهای تخمیری", "Tiêu chuẩn đối với sữa lên men"],
        ["This standard applies to fermented milks, including heat-treated fermented milks and flavoured fermented milks, for direct consumption or further processing.",
         "این استاندارد برای شیرهای تخمیری، از جمله شیرهای تخمیری حرارت‌دیده و طعم‌دار، برای مصرف مستقیم یا فراوری بیشتر کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho sữa lên men, kể cả sữa lên men đã xử lý nhiệt và sữa lên men có hương vị, dùng trực tiếp hoặc để chế biến tiếp."],
        &["67.100.10"], &["yoghurt", "doogh"], Auto(3, r::YOGHURT)),
    real(Codex, "152", 1985, 1, Amended, None, None,
        ["Standard for Wheat Flour", "استاندارد آرد گندم", "Tiêu chuẩn đối với bột mì"],
        ["This standard applies to wheat flour for direct human consumption prepared from common wheat or club wheat.",
         "این استاندارد برای آرد گندم تهیه‌شده از گندم معمولی یا گندم کلاب برای مصرف مستقیم انسان کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho bột mì dùng trực tiếp làm thực phẩm được chế biến từ lúa mì thông thường hoặc lúa mì club."],
        &["67.060"], &["wheat-flour"], Auto(3, CODEX_FLOUR)),
    real(Codex, "212", 1999, 1, Amended, None, None,
        ["Standard for Sugars", "استاندارد قندها", "Tiêu chuẩn đối với đường"],
        ["This standard applies to the sugars described in it intended for human consumption without further processing.",
         "این استاندارد برای قندهای توصیف‌شده در آن که بدون فراوری بیشتر به مصرف انسان می‌رسند کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho các loại đường được mô tả trong tiêu chuẩn, dùng làm thực phẩm cho người mà không cần chế biến thêm."],
        &["67.180.10"], &["white-sugar"], Auto(3, CODEX_SUGAR)),
    real(Codex, "87", 1981, 1, Amended, None, None,
        ["Standard for Chocolate and Chocolate Products", "استاندارد شکلات و فرآورده‌های شکلاتی", "Tiêu chuẩn đối với sô cô la và sản phẩm sô cô la"],
        ["This standard applies to chocolate and chocolate products intended for human consumption.",
         "این استاندارد برای شکلات و فرآورده‌های شکلاتی برای مصرف انسان کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho sô cô la và sản phẩm sô cô la dùng làm thực phẩm cho người."],
        &["67.190"], &["chocolate-bars"], Auto(3, r::CHOCOLATE)),
    real(Codex, "108", 1981, 1, Amended, None, None,
        ["Standard for Natural Mineral Waters", "استاندارد آب‌های معدنی طبیعی", "Tiêu chuẩn đối với nước khoáng thiên nhiên"],
        ["This standard applies to all packaged natural mineral waters offered for sale as food.",
         "این استاندارد برای همه آب‌های معدنی طبیعی بسته‌بندی‌شده که به‌عنوان ماده غذایی عرضه می‌شوند کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho mọi loại nước khoáng thiên nhiên đóng gói bán như thực phẩm."],
        &["67.160.20", "13.060.20"], &["bottled-water"], Auto(3, MINERAL_WATER)),
    real(Codex, "247", 2005, 1, Published, None, None,
        ["General Standard for Fruit Juices and Nectars", "استاندارد عمومی آب‌میوه‌ها و نکتارها", "Tiêu chuẩn chung đối với nước quả và nectar quả"],
        ["This standard applies to fruit juices and fruit nectars offered for direct consumption.",
         "این استاندارد برای آب‌میوه‌ها و نکتارهای میوه عرضه‌شده برای مصرف مستقیم کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho nước quả và nectar quả dùng trực tiếp."],
        &["67.160.20", "67.080.10"], &["orange-juice"], Auto(3, r::JUICE)),
    real(Codex, "57", 1981, 1, Amended, None, None,
        ["Standard for Processed Tomato Concentrates", "استاندارد کنسانتره‌های فراوری‌شده گوجه‌فرنگی", "Tiêu chuẩn đối với cà chua cô đặc chế biến"],
        ["This standard applies to processed tomato concentrates, tomato purée and tomato paste, offered for direct consumption or for further processing.",
         "این استاندارد برای کنسانتره‌های گوجه‌فرنگی، پوره و رب گوجه‌فرنگی عرضه‌شده برای مصرف مستقیم یا فراوری بیشتر کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho cà chua cô đặc chế biến, cà chua nghiền và tương cà chua cô đặc dùng trực tiếp hoặc để chế biến tiếp."],
        &["67.080.20"], &["tomato-paste"], Auto(3, TOMATO_CONCENTRATE)),
    real(Codex, "70", 1981, 1, Amended, None, None,
        ["Standard for Canned Tuna and Bonito", "استاندارد کنسرو ماهی تن و بونیتو", "Tiêu chuẩn đối với cá ngừ và cá ngừ vằn đóng hộp"],
        ["This standard applies to canned tuna and bonito packed in a liquid medium.",
         "این استاندارد برای کنسرو ماهی تن و بونیتو در محیط مایع کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho cá ngừ và cá ngừ vằn đóng hộp trong môi trường lỏng."],
        &["67.120.30"], &["canned-tuna"], Auto(3, r::CANNED_FISH)),
    real(Codex, "302", 2011, 1, Published, None, None,
        ["Standard for Fish Sauce", "استاندارد سس ماهی", "Tiêu chuẩn đối với nước mắm"],
        ["This standard applies to fish sauce produced by fermentation of fish and salt, intended for direct consumption as a seasoning or condiment.",
         "این استاندارد برای سس ماهی تولیدشده از تخمیر ماهی و نمک که به‌عنوان چاشنی مصرف می‌شود کاربرد دارد.",
         "Tiêu chuẩn này áp dụng cho nước mắm được sản xuất bằng cách lên men cá và muối, dùng trực tiếp làm gia vị hoặc nước chấm."],
        &["67.120.30", "67.220.10"], &["fish-sauce"], Auto(3, r::FISH_SAUCE)),

    // --- TCVN ---
    real(Tcvn, "ISO 9001", 2015, 3, Published, None, None, QMS, QMS_SCOPE, &["03.120.10"], &[], Numbered(HARMONIZED)),
    real(Tcvn, "ISO 9001", 2008, 2, Withdrawn, Some(("ISO 9001", 2015)), None, QMS, QMS_SCOPE, &["03.120.10"], &[], Numbered(HARMONIZED)),
    real(Tcvn, "ISO 14001", 2015, 3, Published, None, None, EMS, EMS_SCOPE, &["13.020.10"], &[], Numbered(HARMONIZED)),
    real(Tcvn, "ISO 22000", 2018, 2, Published, None, None, FSMS, FSMS_SCOPE, &["67.020"], &[], Numbered(HARMONIZED)),
    real(Tcvn, "ISO/IEC 17025", 2017, 2, Published, None, None, LAB, LAB_SCOPE, &["03.120.20"], &[], Numbered(LABORATORY)),
    real(Tcvn, "5699-1", 2010, 3, Published, None, None, APPLIANCES, APPLIANCES_SCOPE, &["13.120", "97.030"], APPLIANCE_PRODUCTS, Numbered(APPLIANCE_SAFETY)),
    real(Tcvn, "2682", 2020, 4, Published, None, None, PC, PC_SCOPE, &["91.100.10"], &["portland-cement"], Auto(5, PC40)),
    real(Tcvn, "2682", 2009, 3, Withdrawn, Some(("2682", 2020)), None, PC, PC_SCOPE, &["91.100.10"], &["portland-cement"], Auto(5, PC40)),
    real(Tcvn, "6260", 2020, 3, Published, None, None,
        ["Portland blended cement — Specifications", "سیمان پرتلند آمیخته - ویژگی‌ها", "Xi măng poóc lăng hỗn hợp – Yêu cầu kỹ thuật"],
        ["This standard specifies the technical requirements for Portland blended cement.",
         "هدف از تدوین این استاندارد، تعیین ویژگی‌های فنی سیمان پرتلند آمیخته است.",
         "Tiêu chuẩn này quy định các yêu cầu kỹ thuật đối với xi măng poóc lăng hỗn hợp."],
        &["91.100.10"], &["portland-cement"], Auto(5, PCB40)),
    real(Tcvn, "6016", 2011, 2, Published, None, None,
        ["Cement — Test methods — Determination of strength", "سیمان - روش‌های آزمون - تعیین مقاومت", "Xi măng – Phương pháp thử – Xác định cường độ"],
        ["This standard, identical to ISO 679:2009, describes a method for the determination of the compressive and flexural strength of cement mortar.",
         "این استاندارد که با ISO 679:2009 یکسان است، روش تعیین مقاومت فشاری و خمشی ملات سیمان را شرح می‌دهد.",
         "Tiêu chuẩn này hoàn toàn tương đương ISO 679:2009, mô tả phương pháp xác định cường độ nén và cường độ uốn của vữa xi măng."],
        &["91.100.10"], &["portland-cement"], Auto(4, CEMENT_STRENGTH_METHOD)),
    real(Tcvn, "1651-2", 2018, 3, Published, None, None, RIBBED, RIBBED_SCOPE, &["77.140.15"], &["steel-rebar"], Auto(6, CB400V)),
    real(Tcvn, "1651-2", 2008, 2, Withdrawn, Some(("1651-2", 2018)), None, RIBBED, RIBBED_SCOPE, &["77.140.15"], &["steel-rebar"], Auto(6, CB400V)),
    real(Tcvn, "7745", 2007, 1, Published, None, None,
        ["Dry-pressed ceramic tiles — Specifications", "کاشی‌های سرامیکی پرس خشک - ویژگی‌ها", "Gạch gốm ốp lát ép bán khô – Yêu cầu kỹ thuật"],
        ["This standard specifies the technical requirements for dry-pressed ceramic floor and wall tiles.",
         "هدف از تدوین این استاندارد، تعیین ویژگی‌های فنی کاشی‌های سرامیکی کف و دیوار پرس خشک است.",
         "Tiêu chuẩn này quy định các yêu cầu kỹ thuật đối với gạch gốm ốp lát ép bán khô."],
        &["91.100.23"], &["porcelain-floor-tiles", "ceramic-wall-tiles"], Auto(5, r::PORCELAIN_TILE)),

    // --- QCVN (mandatory; the number carries the year and the issuing ministry) ---
    real(Qcvn, "01-1:2018/BYT", 2018, 1, Published, None, Some((2019, 6, 15)), TAP_WATER_QCVN, WATER_QCVN_SCOPE, &["13.060.20"], &[], Auto(2, TAP_WATER)),
    real(Qcvn, "01:2009/BYT", 2009, 1, Withdrawn, Some(("01-1:2018/BYT", 2018)), Some((2009, 12, 1)), DRINKING_WATER_QCVN, WATER_QCVN_SCOPE, &["13.060.20"], &[], Auto(2, TAP_WATER)),
    real(Qcvn, "16:2023/BXD", 2023, 1, Published, None, Some((2024, 1, 1)), BUILDING_QCVN, BUILDING_QCVN_SCOPE, &["91.100"], BUILDING_PRODUCTS, Numbered(CONSTRUCTION_PRODUCTS)),
    real(Qcvn, "16:2019/BXD", 2019, 1, Withdrawn, Some(("16:2023/BXD", 2023)), Some((2020, 7, 1)), BUILDING_QCVN, BUILDING_QCVN_SCOPE, &["91.100"], BUILDING_PRODUCTS, Numbered(CONSTRUCTION_PRODUCTS)),
    real(Qcvn, "4:2009/BKHCN", 2009, 1, Amended, None, Some((2009, 12, 15)),
        ["National technical regulation on safety of electrical and electronic equipment", "مقررات فنی ملی ایمنی تجهیزات برقی و الکترونیکی", "Quy chuẩn kỹ thuật quốc gia về an toàn đối với thiết bị điện và điện tử"],
        ["This regulation sets the safety requirements for household and similar electrical and electronic equipment and their management.",
         "این مقررات الزامات ایمنی تجهیزات برقی و الکترونیکی خانگی و مشابه و نحوه مدیریت آن‌ها را تعیین می‌کند.",
         "Quy chuẩn này quy định các yêu cầu an toàn và yêu cầu quản lý đối với thiết bị điện và điện tử gia dụng và các mục đích tương tự."],
        &["13.120", "97.030"], &["rice-cookers"], Numbered(APPLIANCE_REGULATION)),
    real(Qcvn, "9:2012/BKHCN", 2012, 1, Published, None, Some((2013, 6, 1)),
        ["National technical regulation on electromagnetic compatibility of household and similar electrical and electronic equipment", "مقررات فنی ملی سازگاری الکترومغناطیسی تجهیزات برقی و الکترونیکی خانگی و مشابه", "Quy chuẩn kỹ thuật quốc gia về tương thích điện từ đối với thiết bị điện và điện tử gia dụng và các mục đích tương tự"],
        ["This regulation sets the limits of electromagnetic disturbance and the management requirements for household and similar electrical and electronic equipment.",
         "این مقررات حدود اختلال الکترومغناطیسی و الزامات مدیریتی تجهیزات برقی و الکترونیکی خانگی و مشابه را تعیین می‌کند.",
         "Quy chuẩn này quy định giới hạn nhiễu điện từ và các yêu cầu quản lý đối với thiết bị điện và điện tử gia dụng và các mục đích tương tự."],
        &["33.100.10", "97.030"], &["rice-cookers"], Auto(2, r::EMC)),
    real(Qcvn, "3:2019/BKHCN", 2019, 1, Published, None, Some((2020, 7, 1)),
        ["National technical regulation on safety of toys", "مقررات فنی ملی ایمنی اسباب‌بازی‌ها", "Quy chuẩn kỹ thuật quốc gia về an toàn đồ chơi trẻ em"],
        ["This regulation sets the safety requirements and the management requirements for toys for children under 16 years of age.",
         "این مقررات الزامات ایمنی و مدیریتی اسباب‌بازی‌های کودکان زیر ۱۶ سال را تعیین می‌کند.",
         "Quy chuẩn này quy định các yêu cầu an toàn và yêu cầu quản lý đối với đồ chơi trẻ em dưới 16 tuổi."],
        &["97.200.50"], &["plastic-toys"], Auto(2, r::TOY)),
    real(Qcvn, "6-1:2010/BYT", 2010, 1, Published, None, Some((2011, 1, 1)),
        ["National technical regulation on natural mineral waters and bottled drinking waters", "مقررات فنی ملی آب‌های معدنی طبیعی و آب‌های آشامیدنی بطری‌شده", "Quy chuẩn kỹ thuật quốc gia đối với nước khoáng thiên nhiên và nước uống đóng chai"],
        ["This regulation sets the food safety limits and the management requirements for natural mineral waters and bottled drinking waters.",
         "این مقررات حدود ایمنی و الزامات مدیریتی آب‌های معدنی طبیعی و آب‌های آشامیدنی بطری‌شده را تعیین می‌کند.",
         "Quy chuẩn này quy định các chỉ tiêu an toàn thực phẩm và yêu cầu quản lý đối với nước khoáng thiên nhiên và nước uống đóng chai."],
        &["67.160.20", "13.060.20"], &["bottled-water"], Auto(2, r::BOTTLED_WATER)),
    real(Qcvn, "6-2:2010/BYT", 2010, 1, Published, None, Some((2011, 1, 1)),
        ["National technical regulation on non-alcoholic beverages", "مقررات فنی ملی نوشیدنی‌های بدون الکل", "Quy chuẩn kỹ thuật quốc gia đối với các sản phẩm đồ uống không cồn"],
        ["This regulation sets the food safety limits and the management requirements for non-alcoholic beverages.",
         "این مقررات حدود ایمنی و الزامات مدیریتی نوشیدنی‌های بدون الکل را تعیین می‌کند.",
         "Quy chuẩn này quy định các chỉ tiêu an toàn thực phẩm và yêu cầu quản lý đối với các sản phẩm đồ uống không cồn."],
        &["67.160.20"], &["carbonated-soft-drink", "orange-juice"], Auto(2, r::SOFT_DRINK)),
    real(Qcvn, "5-1:2010/BYT", 2010, 1, Published, None, Some((2011, 1, 1)),
        ["National technical regulation on liquid milk products", "مقررات فنی ملی فرآورده‌های شیر مایع", "Quy chuẩn kỹ thuật quốc gia đối với các sản phẩm sữa dạng lỏng"],
        ["This regulation sets the food safety limits and the management requirements for liquid milk products.",
         "این مقررات حدود ایمنی و الزامات مدیریتی فرآورده‌های شیر مایع را تعیین می‌کند.",
         "Quy chuẩn này quy định các chỉ tiêu an toàn thực phẩm và yêu cầu quản lý đối với các sản phẩm sữa dạng lỏng."],
        &["67.100.10"], &["pasteurised-milk"], Auto(2, r::MILK)),
    real(Qcvn, "7:2019/BKHCN", 2019, 1, Published, None, Some((2020, 11, 1)),
        ["National technical regulation on steel for the reinforcement of concrete", "مقررات فنی ملی فولاد برای مسلح‌کردن بتن", "Quy chuẩn kỹ thuật quốc gia về thép làm cốt bê tông"],
        ["This regulation sets the technical requirements and the management requirements for steel bars for the reinforcement of concrete.",
         "این مقررات الزامات فنی و مدیریتی میلگردهای فولادی مسلح‌کننده بتن را تعیین می‌کند.",
         "Quy chuẩn này quy định các yêu cầu kỹ thuật và yêu cầu quản lý đối với thép làm cốt bê tông."],
        &["77.140.15"], &["steel-rebar"], Numbered(REBAR_REGULATION)),
    real(Qcvn, "40:2011/BTNMT", 2011, 1, Published, None, Some((2012, 2, 15)),
        ["National technical regulation on industrial wastewater", "مقررات فنی ملی پساب صنعتی", "Quy chuẩn kỹ thuật quốc gia về nước thải công nghiệp"],
        ["This regulation sets the maximum values of pollutants in industrial wastewater discharged into receiving waters.",
         "این مقررات بیشینه مقادیر آلاینده‌ها در پساب صنعتی تخلیه‌شده به منابع پذیرنده را تعیین می‌کند.",
         "Quy chuẩn này quy định giá trị tối đa của các thông số ô nhiễm trong nước thải công nghiệp khi xả ra nguồn tiếp nhận."],
        &["13.060.30"], &[], Auto(2, topics::WASTEWATER)),

    // --- INSO (years, editions and dates illustrative) ---
    real(Inso, "389", 2019, 6, Published, None, Some((2020, 3, 20)), PC, PC_SCOPE, &["91.100.10"], &["portland-cement"], Auto(5, r::CEMENT)),
    real(Inso, "3132", 2013, 3, Published, None, Some((2014, 6, 22)),
        ["Steel — Hot-rolled bars for the reinforcement of concrete — Specifications", "فولاد - میلگردهای گرم‌نوردیده برای مسلح‌کردن بتن - ویژگی‌ها", "Thép – Thép thanh cán nóng dùng làm cốt bê tông – Yêu cầu kỹ thuật"],
        ["This standard specifies the requirements and test methods for hot-rolled plain and ribbed steel bars for the reinforcement of concrete.",
         "هدف از تدوین این استاندارد، تعیین ویژگی‌ها و روش‌های آزمون میلگردهای فولادی ساده و آجدار گرم‌نوردیده برای مسلح‌کردن بتن است.",
         "Tiêu chuẩn này quy định yêu cầu kỹ thuật và phương pháp thử đối với thép thanh tròn trơn và thép thanh vằn cán nóng dùng làm cốt bê tông."],
        &["77.140.15"], &["steel-rebar"], Auto(5, r::REBAR)),
    real(Inso, "1053", 2020, 6, Published, None, Some((2020, 12, 21)),
        ["Drinking water — Physical and chemical specifications", "آب آشامیدنی - ویژگی‌های فیزیکی و شیمیایی", "Nước uống – Yêu cầu lý hóa"],
        ["This standard specifies the maximum permissible limits of the physical and chemical parameters of drinking water.",
         "هدف از تدوین این استاندارد، تعیین حد مجاز ویژگی‌های فیزیکی و شیمیایی آب آشامیدنی است.",
         "Tiêu chuẩn này quy định giới hạn cho phép của các chỉ tiêu lý hóa trong nước uống."],
        &["13.060.20"], &[], Auto(5, topics::DRINKING_WATER)),
    real(Inso, "1011", 2013, 5, Published, None, Some((2014, 3, 21)),
        ["Drinking water — Microbiological specifications", "آب آشامیدنی - ویژگی‌های میکروبیولوژیکی", "Nước uống – Chỉ tiêu vi sinh vật"],
        ["This standard specifies the microbiological requirements of drinking water.",
         "هدف از تدوین این استاندارد، تعیین ویژگی‌های میکروبیولوژیکی آب آشامیدنی است.",
         "Tiêu chuẩn này quy định các chỉ tiêu vi sinh vật của nước uống."],
        &["13.060.20", "13.060.70"], &[], Auto(5, WATER_MICROBIOLOGY)),
];

/// Builds a real standard; `so_far` holds the entries before it (its replacement among
/// them).
pub(super) fn build_real(r: &Real, so_far: &[DemoStandard]) -> DemoStandard {
    let designation = designation_of(r.body, r.number, r.year);
    let clauses = match r.clauses {
        Clauses::Auto(section, list) => list
            .iter()
            .enumerate()
            .map(|(i, req)| {
                clause(
                    format!("{section}.{}", i + 1),
                    req,
                    r.body,
                    &designation,
                    true,
                )
            })
            .collect(),
        Clauses::Numbered(list) => list
            .iter()
            .map(|(n, req)| clause((*n).to_owned(), req, r.body, &designation, true))
            .collect(),
    };
    let replaced_by = r.replaced_by.map(|(number, year)| {
        so_far
            .iter()
            .position(|s| s.body == r.body && s.number == number && s.year == year)
            .expect("a replacement comes before the standard it replaces")
    });
    let mut hs_prefixes: Vec<&'static str> = Vec::new();
    for code in r.products {
        let p = crate::products::product(code).expect("real standards name demo products");
        if !hs_prefixes.contains(&p.hs_heading()) {
            hs_prefixes.push(p.hs_heading());
        }
    }
    DemoStandard {
        body: r.body,
        number: r.number.to_owned(),
        year: r.year,
        edition: r.edition,
        title_fa: r.title_fa.to_owned(),
        title_en: r.title_en.to_owned(),
        title_vi: r.title_vi.to_owned(),
        scope_fa: r.scope_fa.to_owned(),
        scope_en: r.scope_en.to_owned(),
        scope_vi: r.scope_vi.to_owned(),
        ics: r.ics.to_vec(),
        status: r.status,
        replaced_by,
        mandatory: r.mandatory_from.is_some(),
        mandatory_from: r.mandatory_from,
        products: r.products.to_vec(),
        hs_prefixes,
        clauses,
    }
}
