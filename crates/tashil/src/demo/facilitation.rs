//! Demo data of the facilitation desk: agencies and a working group in Qazvin, Alborz and
//! Ninh Bình, past meetings with resolutions in every state (some overdue), an upcoming
//! meeting, a few hundred cases in every state, and a deregulation register with reports at
//! every stage, made through the desk's own use cases.

use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use super::rng::Rng;
use crate::access::{Actor, OrganisationKind, Role};
use crate::db::settings::param_sql;
use crate::facilitation::bodies::{self, BodyDraft};
use crate::facilitation::cases::{self, Triage};
use crate::facilitation::followup::{self, Progress};
use crate::facilitation::meetings::{self, AgendaDraft, MeetingRecord};
use crate::facilitation::model::{BodyKind, CaseDraft, Category, ResolutionDraft};
use crate::identity::{self, NewOrganisation, NewUser};

/// (province, officer login, working group name fa/en/vi, cases)
const PROVINCES: &[(&str, &str, [&str; 3], usize)] = &[
    (
        "IR-26",
        "qazvin@demo.tashil.ir",
        [
            "کارگروه تسهیل و رفع موانع تولید استان قزوین",
            "Qazvin working group for removing production obstacles",
            "Tổ công tác tháo gỡ vướng mắc sản xuất tỉnh Qazvin",
        ],
        160,
    ),
    (
        "IR-30",
        "alborz@demo.tashil.ir",
        [
            "کارگروه تسهیل و رفع موانع تولید استان البرز",
            "Alborz working group for removing production obstacles",
            "Tổ công tác tháo gỡ vướng mắc sản xuất tỉnh Alborz",
        ],
        100,
    ),
    (
        "VN-NBI",
        "ninhbinh@demo.tashil.vn",
        [
            "کارگروه رفع موانع تولید نین‌بین",
            "Ninh Bình working group for removing production obstacles",
            "Tổ công tác tháo gỡ khó khăn, vướng mắc sản xuất tỉnh Ninh Bình",
        ],
        60,
    ),
];

/// Agencies of each province: key, names (fa, en, vi), private seat.
const AGENCIES: &[(&str, [&str; 3], bool)] = &[
    (
        "bank",
        [
            "بانک ملی، مدیریت شعب استان",
            "Bank Melli, provincial branch office",
            "Ngân hàng, chi nhánh tỉnh",
        ],
        false,
    ),
    (
        "tax",
        [
            "اداره کل امور مالیاتی استان",
            "Provincial tax administration",
            "Cục Thuế tỉnh",
        ],
        false,
    ),
    (
        "social",
        [
            "اداره کل تأمین اجتماعی استان",
            "Provincial social security office",
            "Bảo hiểm xã hội tỉnh",
        ],
        false,
    ),
    (
        "power",
        [
            "شرکت توزیع نیروی برق استان",
            "Provincial power distribution company",
            "Công ty Điện lực tỉnh",
        ],
        false,
    ),
    (
        "gas",
        [
            "شرکت گاز استان",
            "Provincial gas company",
            "Công ty Khí đốt tỉnh",
        ],
        false,
    ),
    (
        "customs",
        ["گمرک استان", "Provincial customs", "Cục Hải quan tỉnh"],
        false,
    ),
    (
        "chamber",
        [
            "اتاق بازرگانی، صنایع، معادن و کشاورزی استان",
            "Provincial chamber of commerce",
            "Hiệp hội doanh nghiệp tỉnh",
        ],
        true,
    ),
];

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

async fn user_id(db: &DatabaseConnection, email: &str) -> anyhow::Result<Option<Actor>> {
    let b = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(b, param_sql(b, "SELECT id, role, organisation_id, province_code, display_name FROM users WHERE email = ?"), [email.into()]))
        .await?;
    Ok(match row {
        Some(r) => Some(Actor {
            user_id: r.try_get("", "id")?,
            email: email.to_string(),
            display_name: r.try_get("", "display_name")?,
            role: Role::parse(&r.try_get::<String>("", "role")?).unwrap_or(Role::Public),
            organisation_id: r.try_get("", "organisation_id")?,
            province: r.try_get("", "province_code")?,
        }),
        None => None,
    })
}

/// An agency organisation with one (non-login) officer, so it can report on resolutions.
async fn agency(
    db: &DatabaseConnection,
    province: &str,
    key: &str,
    names: &[&str; 3],
    hash: &str,
) -> anyhow::Result<Actor> {
    let country = &province[..2];
    let p = tashil_reference::province(province).ok_or_else(|| anyhow::anyhow!("province"))?;
    let place = [p.name("fa"), p.name("en"), p.name("vi")];
    let fa = format!("{} {}", names[0], place[0]);
    let en = format!("{} ({})", names[1], place[1]);
    let vi = format!("{} {}", names[2], place[2]);
    let org = identity::create_organisation(
        db,
        "demo",
        NewOrganisation {
            kind: OrganisationKind::Agency,
            name_fa: &fa,
            name_en: &en,
            name_vi: &vi,
            province_code: Some(province),
            country,
        },
    )
    .await?;
    let email = format!("{key}.{}@agency.demo.tashil", province.to_lowercase());
    identity::create_user(
        db,
        "demo",
        NewUser {
            email: &email,
            display_name: &fa,
            password_hash: hash.to_string(),
            role: Role::AgencyOfficer,
            organisation_id: org,
            province_code: Some(province),
            lang: if country == "VN" { "vi" } else { "fa" },
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    user_id(db, &email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("agency user"))
}

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

fn res(case_id: i64, agency: &Actor, days: u64, vietnamese: bool) -> ResolutionDraft {
    ResolutionDraft {
        case_id: Some(case_id),
        agency_org_id: Some(agency.organisation_id),
        action: if vietnamese {
            "Xem xét, giải quyết và trả lời doanh nghiệp bằng văn bản"
        } else {
            "بررسی و رفع مانع و اعلام نتیجه به واحد به‌صورت مکتوب"
        }
        .to_string(),
        working_days: days.to_string(),
        proof: if vietnamese {
            "Văn bản trả lời của cơ quan"
        } else {
            "نامهٔ رسمی دستگاه"
        }
        .to_string(),
    }
}

pub async fn create(db: &DatabaseConnection, seed: u64) -> anyhow::Result<()> {
    let hash = tokio::task::spawn_blocking(|| {
        identity::hash_password(&crate::identity::new_token("demo-agency"))
    })
    .await?
    .map_err(|e| anyhow::anyhow!(e))?;
    let mut rng = Rng::new(seed ^ 0xFAC1);
    let unit = user_id(db, "unit@demo.tashil.ir").await?;
    let err = |e: crate::facilitation::FacilitationError| anyhow::anyhow!("{e:?}");
    for (province, officer_email, wg, n_cases) in PROVINCES {
        let Some(officer) = user_id(db, officer_email).await? else {
            continue;
        };
        let vn = province.starts_with("VN");
        let mut agencies = vec![];
        for (key, names, private) in AGENCIES {
            let a = if *province == "IR-26" && *key == "tax" {
                user_id(db, "tax@demo.tashil.ir")
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("the demo tax login is missing"))?
            } else if *province == "IR-26" && *key == "chamber" {
                user_id(db, "chamber@demo.tashil.ir")
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("the demo chamber login is missing"))?
            } else {
                agency(db, province, key, names, &hash).await?
            };
            agencies.push((a, *private));
        }
        let body = bodies::create_body(
            db,
            &officer,
            &BodyDraft {
                kind: BodyKind::WorkingGroup,
                name_fa: wg[0].into(),
                name_en: wg[1].into(),
                name_vi: wg[2].into(),
                members: agencies
                    .iter()
                    .map(|(a, p)| {
                        (
                            a.organisation_id,
                            if *p { "private" } else { "agency" }.to_string(),
                        )
                    })
                    .collect(),
            },
        )
        .await
        .map_err(err)?;
        let agency_only: Vec<&Actor> = agencies
            .iter()
            .filter(|(_, p)| !p)
            .map(|(a, _)| a)
            .collect();
        let today = Utc::now().date_naive();
        // Reporters: the demo unit reports some of Qazvin's cases; the chamber of commerce
        // (or the business association) reports every tenth for several of its members; the
        // office records the rest.
        let members = unit_ids_of(db, province).await?;
        let chamber = agencies
            .iter()
            .find(|(_, private)| *private)
            .map(|(a, _)| a.clone());
        let mut case_ids = vec![];
        for i in 0..*n_cases {
            let mut d = draft(&mut rng, vn);
            let reporter = match (&unit, &chamber) {
                (Some(u), _) if *province == "IR-26" && i % 4 == 0 => u,
                (_, Some(c)) if i % 10 == 3 && members.len() >= 4 => {
                    let from = (i * 7) % (members.len() - 3);
                    d.units = members[from..from + 2 + i % 3].to_vec();
                    c
                }
                _ => &officer,
            };
            let c = cases::report(db, reporter, &d).await.map_err(err)?;
            case_ids.push((c.id, reporter.clone()));
        }
        // Four past meetings, each deciding on a share of the cases, then one upcoming.
        let mut next = 0usize;
        for (m, ago) in [75i64, 50, 30, 12].into_iter().enumerate() {
            let held = today - Duration::days(ago);
            let meeting = meetings::schedule_meeting(db, &officer, body, held)
                .await
                .map_err(err)?;
            let batch: Vec<(i64, Actor)> =
                case_ids[next..(next + n_cases / 6).min(case_ids.len())].to_vec();
            next += batch.len();
            for (cid, _) in &batch {
                meetings::add_agenda_item(
                    db,
                    &officer,
                    meeting,
                    &AgendaDraft {
                        case_id: Some(*cid),
                        title: String::new(),
                    },
                )
                .await
                .map_err(err)?;
            }
            meetings::record_meeting(
                db,
                &officer,
                meeting,
                &MeetingRecord {
                    present: agencies.iter().map(|(a, _)| a.organisation_id).collect(),
                    absent: vec![],
                    minutes: if vn {
                        "Tổ công tác đã họp và thống nhất kết luận."
                    } else {
                        "کارگروه تشکیل شد و مصوبات زیر را تصویب کرد."
                    }
                    .into(),
                },
            )
            .await
            .map_err(err)?;
            for (k, (cid, reporter)) in batch.iter().enumerate() {
                let agency = agency_only[(k + m) % agency_only.len()];
                let r = meetings::add_resolution(
                    db,
                    &officer,
                    meeting,
                    &res(*cid, agency, 5 + rng.below(20), vn),
                )
                .await
                .map_err(err)?;
                // Older meetings' resolutions are mostly done; the newest mostly still open.
                let done = rng.chance(match m {
                    0 => 85,
                    1 => 70,
                    2 => 50,
                    _ => 20,
                });
                if done {
                    followup::report(
                        db,
                        agency,
                        r.id,
                        &Progress {
                            note: if vn {
                                "Đã giải quyết."
                            } else {
                                "اقدام انجام شد."
                            }
                            .into(),
                            evidence: if vn {
                                "Công văn số 123"
                            } else {
                                "نامهٔ شمارهٔ ۱۲۳"
                            }
                            .into(),
                            done: true,
                        },
                    )
                    .await
                    .map_err(err)?;
                    if rng.chance(75) {
                        crate::facilitation::reporter::confirm(db, reporter, *cid)
                            .await
                            .map_err(err)?;
                    } else if k % 3 == 0 {
                        let note = if vn {
                            "Khoản vay mới được giải ngân một nửa."
                        } else {
                            "فقط نیمی از مبلغ پرداخت شد؛ مانع هنوز باقی است."
                        };
                        crate::facilitation::reporter::dispute(db, reporter, *cid, note)
                            .await
                            .map_err(err)?;
                    }
                } else if m == 3 && k % 9 == 4 {
                    // Withdrawn by the secretariat: addressed to the wrong agency.
                    followup::cancel(
                        db,
                        &officer,
                        r.id,
                        if vn {
                            "Giao nhầm cơ quan; chuyển lại ban kỹ thuật."
                        } else {
                            "به دستگاه نادرست ابلاغ شده بود؛ به کمیتهٔ فنی بازگشت."
                        },
                    )
                    .await
                    .map_err(err)?;
                } else if rng.chance(50) {
                    followup::report(
                        db,
                        agency,
                        r.id,
                        &Progress {
                            note: if vn {
                                "Đang xử lý."
                            } else {
                                "در حال بررسی است."
                            }
                            .into(),
                            evidence: String::new(),
                            done: false,
                        },
                    )
                    .await
                    .map_err(err)?;
                }
            }
            backdate(
                db,
                &batch.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
                ago + 10,
                ago,
            )
            .await?;
        }
        let upcoming = meetings::schedule_meeting(db, &officer, body, today + Duration::days(7))
            .await
            .map_err(err)?;
        for (i, (cid, _)) in case_ids[next..].iter().enumerate() {
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
                    resolution: res(*cid, agency_only[i % agency_only.len()], 10, vn),
                }),
                3 | 4 => {
                    meetings::add_agenda_item(
                        db,
                        &officer,
                        upcoming,
                        &AgendaDraft {
                            case_id: Some(*cid),
                            title: String::new(),
                        },
                    )
                    .await
                    .map_err(err)?;
                    None
                }
                // A duplicate of a case that is still waiting in the queue (i - 7 ≡ 7 mod 8).
                6 if i >= 7 => Some(Triage::Merge {
                    into: case_ids[next + i - 7].0,
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
                cases::triage(db, &officer, *cid, &t).await.map_err(err)?;
            }
        }
        backdate(
            db,
            &case_ids[next..].iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            9,
            0,
        )
        .await?;
        let reporter = match &unit {
            Some(u) if *province == "IR-26" => u,
            _ => &officer,
        };
        regulations(db, &officer, reporter, vn).await?;
    }
    Ok(())
}

/// National IDs of a province's first registered units (the chamber's members in the demo).
async fn unit_ids_of(db: &DatabaseConnection, province: &str) -> anyhow::Result<Vec<String>> {
    let b = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            b,
            param_sql(
                b,
                "SELECT national_id FROM units WHERE province_code = ? ORDER BY id LIMIT 40",
            ),
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
async fn backdate(
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
        db.execute_raw(Statement::from_sql_and_values(
            b,
            param_sql(b, "UPDATE obstacle_cases SET created_at = ?, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE ? END WHERE id = ?"),
            [created.into(), closed.into(), (*id).into()],
        ))
        .await?;
    }
    Ok(())
}

/// Rules units and offices reported as redundant or costly (fa, vi): title, source, agency,
/// why, yearly cost.
/// A text in Persian and Vietnamese.
type FaVi = [&'static str; 2];

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

/// Demo: a register per province with reports at every stage.
async fn regulations(
    db: &DatabaseConnection,
    officer: &Actor,
    reporter: &Actor,
    vn: bool,
) -> anyhow::Result<()> {
    use crate::deregulation::{self as dereg, DecisionDraft, RegulationDraft};
    let err = |e: dereg::DeregulationError| anyhow::anyhow!("{e:?}");
    let l = usize::from(vn);
    for (i, (title, source, agency, why, cost)) in RULES.iter().enumerate() {
        let r = dereg::report(
            db,
            if i % 2 == 0 { reporter } else { officer },
            &RegulationDraft {
                rule_title: title[l].into(),
                source: source[l].into(),
                issuing_agency: agency[l].into(),
                description: why[l].into(),
                annual_cost: cost.to_string(),
                hours_lost: (40 + 10 * i).to_string(),
            },
        )
        .await
        .map_err(err)?;
        if i >= 1 {
            dereg::review(db, officer, r.id).await.map_err(err)?;
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
                officer,
                r.id,
                &DecisionDraft {
                    decision: decision.into(),
                    decision_text: text.into(),
                },
            )
            .await
            .map_err(err)?;
        }
        if i >= 3 {
            dereg::publish(db, officer, r.id).await.map_err(err)?;
        }
    }
    Ok(())
}
