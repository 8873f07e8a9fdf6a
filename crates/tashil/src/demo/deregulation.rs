//! Demo data of the deregulation register: in each province with a board's secretariat, rules
//! reported by a unit or the office at every stage, from just reported to published, made
//! through the register's own use cases.

use sea_orm::DatabaseConnection;

use super::people::actor_by_email;
use crate::deregulation::{self as dereg, DecisionDraft, RegulationDraft};

/// (province, the board's secretariat, who reports besides it)
const REGISTERS: &[(&str, &str, Option<&str>)] = &[
    (
        "IR-26",
        "qazvin@demo.tashil.ir",
        Some("unit@demo.tashil.ir"),
    ),
    ("IR-30", "alborz@demo.tashil.ir", None),
    ("VN-NBI", "ninhbinh@demo.tashil.vn", None),
];

/// A text in Persian and Vietnamese.
type FaVi = [&'static str; 2];

/// Rules units and offices reported as redundant or costly (fa, vi): title, source, agency,
/// why, yearly cost.
const RULES: &[(FaVi, FaVi, FaVi, FaVi, i64)] = &[
    (
        [
            "تمدید سالانهٔ گواهی ایمنی آتش‌نشانی",
            "Gia hạn hằng năm giấy chứng nhận PCCC",
        ],
        [
            "آیین‌نامهٔ ایمنی کارگاه‌ها، مادهٔ ۱۲",
            "Nghị định 136/2020/NĐ-CP, Điều 12",
        ],
        ["سازمان آتش‌نشانی", "Cảnh sát PCCC"],
        [
            "بازدید هر سال تکرار می‌شود، حتی بی‌تغییر در ساختمان.",
            "Kiểm tra lặp lại hằng năm dù nhà xưởng không thay đổi.",
        ],
        120_000_000,
    ),
    (
        [
            "استعلام دوباره از محیط زیست برای تمدید پروانه",
            "Xin lại ý kiến môi trường khi gia hạn giấy phép",
        ],
        [
            "دستورالعمل صدور پروانهٔ بهره‌برداری، بند ۷",
            "Thông tư 02/2022/TT-BTNMT, Điều 7",
        ],
        ["ادارهٔ کل حفاظت محیط زیست", "Sở Tài nguyên và Môi trường"],
        [
            "همان استعلام صدور پروانه دوباره خواسته می‌شود.",
            "Hồ sơ giống hệt lần cấp đầu bị yêu cầu lại.",
        ],
        80_000_000,
    ),
    (
        [
            "ارائهٔ اصل اسناد برای هر بار ترخیص",
            "Nộp bản gốc chứng từ mỗi lần thông quan",
        ],
        ["بخشنامهٔ گمرکی ۱۴۰۲/۳۴", "Công văn 1234/TCHQ"],
        ["گمرک", "Cục Hải quan"],
        [
            "اسناد در سامانهٔ جامع تجارت ثبت شده‌اند.",
            "Chứng từ đã có trên Cổng một cửa quốc gia.",
        ],
        45_000_000,
    ),
    (
        [
            "گواهی عدم بدهی جداگانه برای هر قرارداد",
            "Giấy xác nhận không nợ thuế cho từng hợp đồng",
        ],
        ["دستورالعمل مالیاتی ۲۰۰/۱۴۰۱", "Thông tư 80/2021/TT-BTC"],
        ["ادارهٔ کل امور مالیاتی", "Cục Thuế"],
        ["یک استعلام برخط کافی است.", "Tra cứu trực tuyến là đủ."],
        30_000_000,
    ),
];

/// A register per province with reports at every stage.
pub async fn create(db: &DatabaseConnection) -> anyhow::Result<()> {
    let err = |e: dereg::DeregulationError| anyhow::anyhow!("{e:?}");
    let now = chrono::Utc::now();
    for (province, officer_email, reporter_email) in REGISTERS {
        let Some(officer) = actor_by_email(db, officer_email).await? else {
            continue;
        };
        let reporter = match reporter_email {
            Some(e) => actor_by_email(db, e).await?,
            None => None,
        };
        let reporter = reporter.as_ref().unwrap_or(&officer);
        let vn = province.starts_with("VN");
        let l = usize::from(vn);
        for (i, (title, source, agency, why, cost)) in RULES.iter().enumerate() {
            let r = dereg::report(
                db,
                if i % 2 == 0 { reporter } else { &officer },
                &RegulationDraft {
                    rule_title: title[l].into(),
                    source: source[l].into(),
                    issuing_agency: agency[l].into(),
                    description: why[l].into(),
                    annual_cost: cost.to_string(),
                    hours_lost: (40 + 10 * i).to_string(),
                },
                now,
            )
            .await
            .map_err(err)?;
            if i >= 1 {
                dereg::review(db, &officer, r.id, now).await.map_err(err)?;
            }
            if i >= 2 {
                let decision = if i == 2 { "amend" } else { "remove" };
                let text = if vn {
                    "Hội đồng quyết định đơn giản hóa thủ tục."
                } else {
                    "هیئت مقررات‌زدایی حذف یا ساده‌سازی این الزام را تصویب کرد."
                };
                dereg::decide(
                    db,
                    &officer,
                    r.id,
                    &DecisionDraft {
                        decision: decision.into(),
                        decision_text: text.into(),
                    },
                    now,
                )
                .await
                .map_err(err)?;
            }
            if i >= 3 {
                dereg::publish(db, &officer, r.id, now).await.map_err(err)?;
            }
        }
    }
    Ok(())
}
