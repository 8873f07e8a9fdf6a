//! What a synthetic standard covers about its subject: the end of its title («— Safety
//! requirements»), its scope sentence, where its clauses come from and which product
//! classes it suits.
//!
//! Scope templates carry `{p}`, replaced by the subject's name (lower-cased at the
//! start in English and Vietnamese).

use super::profiles::Class;
use super::requirements::{self as r, Req};

/// Where the clauses of a standard come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    /// The subject's own requirement template, limits included.
    Spec,
    /// The subject's requirement template without limits (a methods standard).
    Methods,
    /// The safety set of the subject's class (or the subject's own template where the
    /// class has none, as for toys and vehicles).
    Safety,
    /// Energy efficiency: the electrical or gas set.
    Energy,
    /// A fixed set.
    Fixed(&'static [Req]),
}

/// An aspect.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Aspect {
    pub en: &'static str,
    pub fa: &'static str,
    pub vi: &'static str,
    pub scope_en: &'static str,
    pub scope_fa: &'static str,
    pub scope_vi: &'static str,
    pub source: Source,
    /// Classes it applies to, as a bit set of [`Class::bit`].
    pub classes: u32,
    /// An ICS code added to the subject's.
    pub extra_ics: Option<&'static str>,
    /// Clause number of the first requirement section (`5` gives "5.1", "5.2" …).
    pub section: u8,
    /// Whether a mandatory Iranian standard may be of this kind.
    pub may_be_mandatory: bool,
}

use Class::*;

const fn set(classes: &[Class]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < classes.len() {
        bits |= classes[i].bit();
        i += 1;
    }
    bits
}

const ALL: u32 = u32::MAX;
const PRODUCTS: u32 = set(&[
    Food, Building, Metal, Wood, Paper, Textile, Chemical, Plastic, Vehicle, Electrical, Gas, Toy,
]);
const GOODS: u32 = PRODUCTS | set(&[Fuel, Protective, Metrology]);
const NON_FOOD: u32 = GOODS & !Food.bit();
const SAFETY: u32 = set(&[Electrical, Gas, Toy, Vehicle, Textile, Chemical, Protective]);
const HARD: u32 = set(&[Building, Metal, Plastic, Wood, Vehicle, Protective]);

#[allow(clippy::too_many_arguments)]
const fn a(
    en: &'static str,
    fa: &'static str,
    vi: &'static str,
    scope_en: &'static str,
    scope_fa: &'static str,
    scope_vi: &'static str,
    source: Source,
    classes: u32,
    extra_ics: Option<&'static str>,
    section: u8,
    may_be_mandatory: bool,
) -> Aspect {
    Aspect {
        en,
        fa,
        vi,
        scope_en,
        scope_fa,
        scope_vi,
        source,
        classes,
        extra_ics,
        section,
        may_be_mandatory,
    }
}

/// The aspect of the core standards that cover each product: specifications and test
/// methods.
pub(crate) const SPEC_AND_METHODS: usize = 0;

/// All aspects; the first is [`SPEC_AND_METHODS`].
#[rustfmt::skip]
pub(crate) static ASPECTS: &[Aspect] = &[
    a("Specifications and test methods", "ویژگی‌ها و روش‌های آزمون", "Yêu cầu kỹ thuật và phương pháp thử",
      "This standard specifies the requirements and test methods for {p}.",
      "هدف از تدوین این استاندارد، تعیین ویژگی‌ها و روش‌های آزمون {p} است.",
      "Tiêu chuẩn này quy định các yêu cầu kỹ thuật và phương pháp thử đối với {p}.",
      Source::Spec, ALL, None, 5, true),
    a("Specifications", "ویژگی‌ها", "Yêu cầu kỹ thuật",
      "This standard specifies the quality requirements for {p}.",
      "هدف از تدوین این استاندارد، تعیین ویژگی‌های کیفی {p} است.",
      "Tiêu chuẩn này quy định các yêu cầu kỹ thuật đối với {p}.",
      Source::Spec, ALL, None, 5, true),
    a("Test methods", "روش‌های آزمون", "Phương pháp thử",
      "This standard specifies the methods for testing {p}.",
      "هدف از تدوین این استاندارد، تعیین روش‌های آزمون {p} است.",
      "Tiêu chuẩn này quy định các phương pháp thử đối với {p}.",
      Source::Methods, ALL, None, 6, false),
    a("Safety requirements", "الزامات ایمنی", "Yêu cầu an toàn",
      "This standard specifies the safety requirements for {p} and the tests that verify them.",
      "هدف از تدوین این استاندارد، تعیین الزامات ایمنی {p} و آزمون‌های تصدیق آن‌ها است.",
      "Tiêu chuẩn này quy định các yêu cầu an toàn đối với {p} và các phép thử để kiểm tra xác nhận.",
      Source::Safety, SAFETY, None, 5, true),
    a("Maximum levels of contaminants", "بیشینه رواداری آلاینده‌ها", "Giới hạn tối đa chất ô nhiễm",
      "This standard sets the maximum levels of contaminants and toxins in {p}.",
      "هدف از تدوین این استاندارد، تعیین بیشینه رواداری آلاینده‌ها و سموم در {p} است.",
      "Tiêu chuẩn này quy định giới hạn tối đa các chất ô nhiễm và độc tố trong {p}.",
      Source::Fixed(r::FOOD_CONTAMINANTS), set(&[Food]), None, 5, true),
    a("Microbiological specifications", "ویژگی‌های میکروبی", "Chỉ tiêu vi sinh vật",
      "This standard specifies the microbiological criteria for {p}.",
      "هدف از تدوین این استاندارد، تعیین ویژگی‌های میکروبی {p} است.",
      "Tiêu chuẩn này quy định các chỉ tiêu vi sinh vật đối với {p}.",
      Source::Fixed(r::FOOD_MICRO), set(&[Food]), Some("07.100.30"), 5, true),
    a("Determination of moisture content", "اندازه‌گیری رطوبت", "Xác định độ ẩm",
      "This standard specifies a method for the determination of the moisture content of {p}.",
      "هدف از تدوین این استاندارد، تعیین روش اندازه‌گیری رطوبت {p} است.",
      "Tiêu chuẩn này quy định phương pháp xác định độ ẩm của {p}.",
      Source::Fixed(r::METHOD_MOISTURE), set(&[Food, Wood, Paper, Chemical]), None, 6, false),
    a("Determination of total ash", "اندازه‌گیری خاکستر کل", "Xác định hàm lượng tro tổng số",
      "This standard specifies a method for the determination of the total ash of {p}.",
      "هدف از تدوین این استاندارد، تعیین روش اندازه‌گیری خاکستر کل {p} است.",
      "Tiêu chuẩn này quy định phương pháp xác định hàm lượng tro tổng số của {p}.",
      Source::Fixed(r::METHOD_ASH), set(&[Food]), Some("67.050"), 6, false),
    a("Determination of lead and cadmium", "اندازه‌گیری سرب و کادمیم", "Xác định hàm lượng chì và cadimi",
      "This standard specifies a method for the determination of lead and cadmium in {p}.",
      "هدف از تدوین این استاندارد، تعیین روش اندازه‌گیری سرب و کادمیم در {p} است.",
      "Tiêu chuẩn này quy định phương pháp xác định hàm lượng chì và cadimi trong {p}.",
      Source::Fixed(r::METHOD_METALS), set(&[Food, Toy, Chemical, Environment]), None, 6, false),
    a("Sampling", "نمونه‌برداری", "Lấy mẫu",
      "This standard specifies the procedures for sampling {p} for conformity assessment.",
      "هدف از تدوین این استاندارد، تعیین روش نمونه‌برداری از {p} برای ارزیابی انطباق است.",
      "Tiêu chuẩn này quy định cách lấy mẫu {p} để đánh giá sự phù hợp.",
      Source::Fixed(r::SAMPLING), ALL, Some("03.120.30"), 4, false),
    a("Packaging and labelling", "بسته‌بندی و نشانه‌گذاری", "Bao gói và ghi nhãn",
      "This standard specifies the requirements for packaging and labelling of {p}.",
      "هدف از تدوین این استاندارد، تعیین الزامات بسته‌بندی و نشانه‌گذاری {p} است.",
      "Tiêu chuẩn này quy định các yêu cầu về bao gói và ghi nhãn đối với {p}.",
      Source::Fixed(r::PACKAGING_LABELLING), GOODS, Some("55.020"), 8, true),
    a("Code of hygienic practice for production", "آیین کار بهداشتی تولید", "Quy phạm thực hành vệ sinh trong sản xuất",
      "This standard gives the hygiene requirements for the production, storage and distribution of {p}.",
      "هدف از تدوین این استاندارد، تعیین الزامات بهداشتی تولید، نگهداری و توزیع {p} است.",
      "Tiêu chuẩn này quy định các yêu cầu vệ sinh trong sản xuất, bảo quản và phân phối {p}.",
      Source::Fixed(r::HYGIENIC_PRACTICE), set(&[Food]), Some("67.020"), 5, false),
    a("Storage and transport", "انبارش و حمل‌ونقل", "Bảo quản và vận chuyển",
      "This standard specifies the conditions for storage and transport of {p}.",
      "هدف از تدوین این استاندارد، تعیین شرایط انبارش و حمل‌ونقل {p} است.",
      "Tiêu chuẩn này quy định điều kiện bảo quản và vận chuyển {p}.",
      Source::Fixed(r::STORAGE_TRANSPORT), NON_FOOD, None, 5, false),
    a("Energy efficiency requirements and energy labelling", "معیار مصرف انرژی و دستورالعمل برچسب انرژی", "Hiệu suất năng lượng và dán nhãn năng lượng",
      "This standard specifies the energy efficiency requirements for {p} and the content of the energy label.",
      "هدف از تدوین این استاندارد، تعیین معیار مصرف انرژی {p} و محتوای برچسب انرژی است.",
      "Tiêu chuẩn này quy định yêu cầu hiệu suất năng lượng đối với {p} và nội dung nhãn năng lượng.",
      Source::Energy, set(&[Electrical, Gas]), Some("27.015"), 5, true),
    a("Electromagnetic compatibility requirements", "الزامات سازگاری الکترومغناطیسی", "Yêu cầu tương thích điện từ",
      "This standard specifies the limits of electromagnetic disturbance from {p} and its immunity requirements.",
      "هدف از تدوین این استاندارد، تعیین حدود اختلال الکترومغناطیسی و الزامات مصونیت {p} است.",
      "Tiêu chuẩn này quy định giới hạn nhiễu điện từ và yêu cầu miễn nhiễm đối với {p}.",
      Source::Fixed(r::EMC), set(&[Electrical]), Some("33.100.10"), 5, false),
    a("Determination of dimensions", "تعیین ابعاد", "Xác định kích thước",
      "This standard specifies methods for measuring the dimensions of {p}.",
      "هدف از تدوین این استاندارد، تعیین روش‌های اندازه‌گیری ابعاد {p} است.",
      "Tiêu chuẩn này quy định các phương pháp đo kích thước của {p}.",
      Source::Fixed(r::METHOD_DIMENSIONS), HARD, Some("17.040"), 6, false),
    a("Determination of mechanical properties", "تعیین ویژگی‌های مکانیکی", "Xác định tính chất cơ học",
      "This standard specifies methods for determining the mechanical properties of {p}.",
      "هدف از تدوین این استاندارد، تعیین روش‌های اندازه‌گیری ویژگی‌های مکانیکی {p} است.",
      "Tiêu chuẩn này quy định các phương pháp xác định tính chất cơ học của {p}.",
      Source::Fixed(r::METHOD_MECHANICAL), set(&[Building, Metal, Plastic, Wood, Textile]), Some("19.060"), 6, false),
    a("Performance requirements and test methods", "الزامات عملکردی و روش‌های آزمون", "Yêu cầu tính năng và phương pháp thử",
      "This standard specifies the performance requirements for {p} and the methods for measuring them.",
      "هدف از تدوین این استاندارد، تعیین الزامات عملکردی {p} و روش‌های اندازه‌گیری آن‌ها است.",
      "Tiêu chuẩn này quy định các yêu cầu tính năng đối với {p} và phương pháp đo.",
      Source::Spec, set(&[Electrical, Gas, Vehicle, Plastic, Protective, Metrology]), None, 5, false),
    a("Installation and maintenance requirements", "الزامات نصب و نگهداری", "Yêu cầu lắp đặt và bảo dưỡng",
      "This standard specifies the requirements for installing and maintaining {p}.",
      "هدف از تدوین این استاندارد، تعیین الزامات نصب و نگهداری {p} است.",
      "Tiêu chuẩn này quy định các yêu cầu lắp đặt và bảo dưỡng {p}.",
      Source::Fixed(r::GAS_INSTALLATION), set(&[Gas]), None, 5, false),
];

/// The safety set of a class, if it has its own.
pub(crate) fn class_safety(class: Class) -> Option<&'static [Req]> {
    match class {
        Electrical => Some(r::ELECTRICAL_SAFETY),
        Gas => Some(r::GAS_SAFETY),
        Textile => Some(r::TEXTILE_SAFETY),
        Chemical => Some(r::CHEMICAL_SAFETY),
        _ => None,
    }
}

/// The energy set of a class.
pub(crate) fn class_energy(class: Class) -> &'static [Req] {
    match class {
        Gas => r::ENERGY_GAS,
        _ => r::ENERGY_ELECTRICAL,
    }
}

/// Second scope sentences, by kind of document.
pub(crate) struct Applies {
    pub en: &'static str,
    pub fa: &'static str,
    pub vi: &'static str,
}

/// National standards (INSO, TCVN).
pub(crate) static APPLIES_NATIONAL: Applies = Applies {
    en: "It applies to domestically produced and imported {p}.",
    fa: "این استاندارد برای {p} تولید داخل و وارداتی کاربرد دارد.",
    vi: "Tiêu chuẩn này áp dụng cho {p} sản xuất trong nước và nhập khẩu.",
};

/// International standards (ISO, IEC).
pub(crate) static APPLIES_INTERNATIONAL: Applies = Applies {
    en: "It is intended for manufacturers, testing laboratories and certification bodies.",
    fa: "این استاندارد برای استفاده تولیدکنندگان، آزمایشگاه‌ها و نهادهای گواهی‌دهی در نظر گرفته شده است.",
    vi: "Tiêu chuẩn này dùng cho nhà sản xuất, phòng thử nghiệm và tổ chức chứng nhận.",
};

/// Vietnamese technical regulations: first and second sentences.
pub(crate) static QCVN_SCOPE: Applies = Applies {
    en: "This regulation sets the limits of technical parameters and the management requirements for {p}.",
    fa: "این مقررات فنی حدود ویژگی‌های فنی و الزامات مدیریتی {p} را تعیین می‌کند.",
    vi: "Quy chuẩn này quy định mức giới hạn các chỉ tiêu kỹ thuật và các yêu cầu quản lý đối với {p}.",
};
pub(crate) static QCVN_APPLIES: Applies = Applies {
    en: "It applies to organizations and individuals that produce, import or trade {p} in Viet Nam.",
    fa: "این مقررات برای اشخاص حقیقی و حقوقی که {p} را در ویتنام تولید، وارد یا عرضه می‌کنند کاربرد دارد.",
    vi: "Quy chuẩn này áp dụng đối với tổ chức, cá nhân sản xuất, nhập khẩu, kinh doanh {p} tại Việt Nam.",
};

/// Codex standards («Standard for …») and codes of practice.
pub(crate) static CODEX_STANDARD_SCOPE: Applies = Applies {
    en: "This standard applies to {p} offered for direct consumption, including for catering purposes.",
    fa: "این استاندارد برای {p} عرضه‌شده برای مصرف مستقیم، از جمله مصرف در پذیرایی جمعی، کاربرد دارد.",
    vi: "Tiêu chuẩn này áp dụng cho {p} dùng trực tiếp, kể cả dùng trong dịch vụ ăn uống.",
};
pub(crate) static CODEX_PRACTICE_SCOPE: Applies = Applies {
    en: "This code of practice gives guidance on the hygienic production, handling and distribution of {p}.",
    fa: "این آیین کار راهنمای تولید، جابه‌جایی و توزیع بهداشتی {p} را ارائه می‌دهد.",
    vi: "Quy phạm này hướng dẫn sản xuất, xử lý và phân phối {p} bảo đảm vệ sinh.",
};
