//! The 21 sections (A–U) of ISIC Rev.4.
//!
//! English: UNSD ISIC Rev.4 titles. Vietnamese: the level-1 titles of VSIC 2018
//! (Decision 27/2018/QĐ-TTg), which follows ISIC Rev.4. Persian: our translation in the
//! style of the Statistical Centre of Iran.

use super::IsicSection;

const fn s(
    letter: char,
    name_en: &'static str,
    name_fa: &'static str,
    name_vi: &'static str,
) -> IsicSection {
    IsicSection {
        letter,
        name_en,
        name_fa,
        name_vi,
    }
}

/// All sections, in code order.
#[rustfmt::skip]
pub static SECTIONS: &[IsicSection] = &[
    s('A', "Agriculture, forestry and fishing", "کشاورزی، جنگلداری و ماهیگیری", "Nông nghiệp, lâm nghiệp và thủy sản"),
    s('B', "Mining and quarrying", "معدن و استخراج", "Khai khoáng"),
    s('C', "Manufacturing", "صنعت (ساخت)", "Công nghiệp chế biến, chế tạo"),
    s('D', "Electricity, gas, steam and air conditioning supply", "تأمین برق، گاز، بخار و تهویه هوا", "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí"),
    s('E', "Water supply; sewerage, waste management and remediation activities", "آبرسانی؛ مدیریت فاضلاب و پسماند و فعالیت‌های پاک‌سازی", "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải"),
    s('F', "Construction", "ساختمان", "Xây dựng"),
    s('G', "Wholesale and retail trade; repair of motor vehicles and motorcycles", "عمده‌فروشی و خرده‌فروشی؛ تعمیر وسایل نقلیه موتوری و موتورسیکلت", "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác"),
    s('H', "Transportation and storage", "حمل و نقل و انبارداری", "Vận tải kho bãi"),
    s('I', "Accommodation and food service activities", "فعالیت‌های خدماتی مربوط به تأمین جا و غذا", "Dịch vụ lưu trú và ăn uống"),
    s('J', "Information and communication", "اطلاعات و ارتباطات", "Thông tin và truyền thông"),
    s('K', "Financial and insurance activities", "فعالیت‌های مالی و بیمه", "Hoạt động tài chính, ngân hàng và bảo hiểm"),
    s('L', "Real estate activities", "فعالیت‌های املاک و مستغلات", "Hoạt động kinh doanh bất động sản"),
    s('M', "Professional, scientific and technical activities", "فعالیت‌های حرفه‌ای، علمی و فنی", "Hoạt động chuyên môn, khoa học và công nghệ"),
    s('N', "Administrative and support service activities", "فعالیت‌های اداری و خدمات پشتیبانی", "Hoạt động hành chính và dịch vụ hỗ trợ"),
    s('O', "Public administration and defence; compulsory social security", "اداره امور عمومی و دفاع؛ تأمین اجتماعی اجباری", "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc"),
    s('P', "Education", "آموزش", "Giáo dục và đào tạo"),
    s('Q', "Human health and social work activities", "فعالیت‌های مربوط به سلامت انسان و مددکاری اجتماعی", "Y tế và hoạt động trợ giúp xã hội"),
    s('R', "Arts, entertainment and recreation", "هنر، سرگرمی و تفریح", "Nghệ thuật, vui chơi và giải trí"),
    s('S', "Other service activities", "سایر فعالیت‌های خدماتی", "Hoạt động dịch vụ khác"),
    s('T', "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use", "فعالیت‌های خانوارها به‌عنوان کارفرما؛ فعالیت‌های تفکیک‌نشده خانوارها در تولید کالا و خدمات برای مصرف خود", "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình"),
    s('U', "Activities of extraterritorial organizations and bodies", "فعالیت‌های سازمان‌ها و هیئت‌های برون‌مرزی", "Hoạt động của các tổ chức và cơ quan quốc tế"),
];
