//! Cases in the demo: obstacles as units describe them, reported by the demo unit, the
//! chamber for several of its members, or the office; the queue left after the meetings
//! triaged every way; dates spread so the public page shows realistic durations.

use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::{Desk, err, meetings, resolutions};
use crate::access::Actor;
use crate::db::settings::statement;
use crate::demo::rng::Rng;
use crate::facilitation::{self, CaseDraft, Category, Triage};

/// Obstacles as units describe them: category, subject and description (fa, vi).
const OBSTACLES: &[(Category, &str, &str, &str, &str)] = &[
    (
        Category::BankFinancing,
        "عدم پرداخت تسهیلات سرمایه در گردش مصوب",
        "بانک عامل با وجود مصوبهٔ کارگروه، تسهیلات سرمایه در گردش را به دلیل نبود وثیقهٔ ملکی پرداخت نمی‌کند.",
        "Ngân hàng chưa giải ngân vốn lưu động",
        "Ngân hàng chưa giải ngân khoản vay vốn lưu động đã được phê duyệt vì thiếu tài sản thế chấp.",
    ),
    (
        Category::Tax,
        "جریمهٔ دیرکرد مالیات بر ارزش افزوده",
        "به دلیل تأخیر در استرداد مالیات صادراتی، جریمهٔ دیرکرد برای واحد محاسبه شده است.",
        "Chậm hoàn thuế giá trị gia tăng",
        "Doanh nghiệp xuất khẩu chưa được hoàn thuế giá trị gia tăng đúng hạn.",
    ),
    (
        Category::SocialSecurity,
        "بدهی حق بیمهٔ معوق کارکنان",
        "واحد برای تقسیط بدهی حق بیمهٔ دورهٔ رکود درخواست داده و پاسخی نگرفته است.",
        "Nợ bảo hiểm xã hội",
        "Doanh nghiệp đề nghị giãn nợ bảo hiểm xã hội trong thời gian khó khăn.",
    ),
    (
        Category::Power,
        "قطع برق در ساعات اوج مصرف",
        "محدودیت برق صنعتی در تابستان خط تولید را روزانه چهار ساعت متوقف می‌کند.",
        "Cắt điện giờ cao điểm",
        "Việc cắt điện luân phiên làm dây chuyền dừng bốn giờ mỗi ngày.",
    ),
    (
        Category::Gas,
        "افزایش ظرفیت انشعاب گاز",
        "درخواست افزایش ظرفیت انشعاب گاز برای کورهٔ جدید شش ماه است بی‌پاسخ مانده است.",
        "Nâng công suất cấp khí",
        "Đề nghị tăng công suất cấp khí cho lò nung mới chưa được giải quyết.",
    ),
    (
        Category::Water,
        "کمبود آب شهرک صنعتی",
        "فشار آب شهرک صنعتی برای خطوط شست‌وشو کافی نیست.",
        "Thiếu nước khu công nghiệp",
        "Áp lực nước tại khu công nghiệp không đủ cho dây chuyền rửa.",
    ),
    (
        Category::Land,
        "سند زمین واحد در شهرک صنعتی",
        "صدور سند مالکیت زمین به دلیل اختلاف در نقشهٔ تفکیکی متوقف است.",
        "Giấy chứng nhận quyền sử dụng đất",
        "Việc cấp giấy chứng nhận quyền sử dụng đất bị chậm do sai lệch bản đồ.",
    ),
    (
        Category::Permits,
        "تمدید پروانهٔ بهره‌برداری",
        "تمدید پروانهٔ بهره‌برداری منوط به استعلام‌هایی است که بیش از سه ماه طول کشیده است.",
        "Gia hạn giấy phép hoạt động",
        "Gia hạn giấy phép phụ thuộc vào nhiều thủ tục kéo dài hơn ba tháng.",
    ),
    (
        Category::CustomsTrade,
        "ترخیص مواد اولیهٔ وارداتی",
        "محموله مواد اولیه به دلیل نبود کد تعرفهٔ مشخص در گمرک مانده است.",
        "Thông quan nguyên liệu nhập khẩu",
        "Lô nguyên liệu nhập khẩu bị giữ tại cửa khẩu do vướng mã HS.",
    ),
    (
        Category::RawMaterials,
        "تأمین ورق فولادی از بورس کالا",
        "سهمیهٔ خرید ورق فولادی از بورس کالا برای نیاز واحد کافی نیست.",
        "Nguồn cung thép tấm",
        "Hạn mức mua thép tấm không đủ cho nhu cầu sản xuất.",
    ),
    (
        Category::Labour,
        "کمبود نیروی کار ماهر",
        "واحد برای جذب تکنسین جوشکاری با کمبود نیروی آموزش‌دیده روبه‌روست.",
        "Thiếu lao động có tay nghề",
        "Doanh nghiệp thiếu thợ hàn có tay nghề.",
    ),
];

fn draft(rng: &mut Rng, vietnamese: bool) -> CaseDraft {
    let (cat, fa_t, fa_d, vi_t, vi_d) = *rng.pick(OBSTACLES);
    CaseDraft {
        category: cat.as_str().to_string(),
        title: if vietnamese { vi_t } else { fa_t }.to_string(),
        description: if vietnamese { vi_d } else { fa_d }.to_string(),
        amount_at_stake: (rng.below(50) * 1_000_000_000 + 500_000_000).to_string(),
        jobs_at_risk: (5 + rng.below(200)).to_string(),
        units: vec![],
    }
}

/// Reports `n` cases at `desk`; each with who reported it.
pub(super) async fn report(
    db: &DatabaseConnection,
    rng: &mut Rng,
    desk: &Desk,
    unit: Option<&Actor>,
    n: usize,
) -> anyhow::Result<Vec<(i64, Actor)>> {
    // Reporters: the demo unit reports some of Qazvin's cases; the chamber of commerce (or the
    // business association) reports every tenth for several of its members; the office
    // records the rest.
    let members = unit_ids_of(db, desk.province).await?;
    let chamber = desk
        .members
        .iter()
        .find(|(_, private)| *private)
        .map(|(a, _)| a);
    let mut reported = vec![];
    for i in 0..n {
        let mut d = draft(rng, desk.vn);
        let reporter = match (unit, chamber) {
            (Some(u), _) if desk.province == "IR-26" && i % 4 == 0 => u,
            (_, Some(c)) if i % 10 == 3 && members.len() >= 4 => {
                let from = (i * 7) % (members.len() - 3);
                d.units = members[from..from + 2 + i % 3].to_vec();
                c
            }
            _ => &desk.officer,
        };
        let c = facilitation::report(db, reporter, &d, desk.now)
            .await
            .map_err(err)?;
        reported.push((c.id, reporter.clone()));
    }
    Ok(reported)
}

/// The cases no past meeting took up, triaged every way the committee can (some put on the
/// agenda of the `upcoming` meeting, some left waiting).
pub(super) async fn triage_queue(
    db: &DatabaseConnection,
    desk: &Desk,
    upcoming: i64,
    queue: &[(i64, Actor)],
) -> anyhow::Result<()> {
    let (officer, vn) = (&desk.officer, desk.vn);
    let agencies = desk.agencies();
    for (i, (cid, _)) in queue.iter().enumerate() {
        let t = match i % 8 {
            0 => Some(Triage::RequestInfo {
                note: if vn {
                    "Đề nghị gửi hồ sơ vay vốn."
                } else {
                    "لطفاً مدارک درخواست تسهیلات را بفرستید."
                }
                .into(),
            }),
            1 => Some(Triage::Escalate {
                note: if vn {
                    "Cần quyết định của trung ương."
                } else {
                    "نیاز به تصمیم ستاد ملی دارد."
                }
                .into(),
            }),
            2 => Some(Triage::Route {
                resolution: resolutions::draft(*cid, agencies[i % agencies.len()], 10, vn),
            }),
            3 | 4 => {
                meetings::on_agenda(db, officer, upcoming, *cid, desk.now).await?;
                None
            }
            // A duplicate of a case that is still waiting in the queue (i - 7 ≡ 7 mod 8).
            6 if i >= 7 => Some(Triage::Merge {
                into: queue[i - 7].0,
            }),
            5 => Some(Triage::Close {
                reason: if vn {
                    "Đã được giải quyết trước khi họp."
                } else {
                    "پیش از طرح در کارگروه حل شد."
                }
                .into(),
                solved: true,
            }),
            _ => None,
        };
        if let Some(t) = t {
            facilitation::triage(db, officer, *cid, &t, desk.now)
                .await
                .map_err(err)?;
        }
    }
    backdate(db, &queue.iter().map(|(c, _)| *c).collect::<Vec<_>>(), 9, 0).await?;
    Ok(())
}

/// National IDs of a province's first registered units (the chamber's members in the demo).
async fn unit_ids_of(db: &DatabaseConnection, province: &str) -> anyhow::Result<Vec<String>> {
    let b = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            b,
            "SELECT national_id FROM units WHERE province_code = ? ORDER BY id LIMIT 40",
            [province.into()],
        ))
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "national_id").ok())
        .collect())
}

/// Demo only: spreads reports over the weeks before a meeting and closings after it, so the
/// public page shows realistic durations.
pub(super) async fn backdate(
    db: &DatabaseConnection,
    ids: &[i64],
    reported_days_ago: i64,
    decided_days_ago: i64,
) -> anyhow::Result<()> {
    let b = db.get_database_backend();
    let now = Utc::now();
    for (k, id) in ids.iter().enumerate() {
        let created = now - Duration::days(reported_days_ago + (k as i64 % 20));
        let closed = now - Duration::days((decided_days_ago - 3 - (k as i64 % 7)).max(0));
        db.execute_raw(statement(b, "UPDATE obstacle_cases SET created_at = ?, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE ? END WHERE id = ?", [created.into(), closed.into(), (*id).into()]))
        .await?;
    }
    Ok(())
}
