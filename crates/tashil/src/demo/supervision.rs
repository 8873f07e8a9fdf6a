//! Demo data of supervision (issue 21), made through its use cases so every rule holds, at the
//! times they would have happened: Kian Tile Works (the demo unit's own) was inspected two
//! weeks ago (a major finding, its CAPA in and awaiting verification, a written warning after
//! an earlier advice) and is visited again today by the demo inspector; Pakara Dairy is
//! inspected tomorrow. An unsafe heater is on the public list, a complaint is under review
//! and a consulting clinic next week has the tile works booked.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};
use sea_orm::DatabaseConnection;

use super::people::actor_by_email;
use crate::access::Actor;
use crate::kernel::clock::local_date;
use crate::supervision::{
    Answer, AnswerDraft, Capa, CapaDraft, ComplaintDraft, ComplaintMove, ComplaintState,
    FindingDraft, MeasureDraft, RecordDraft, Review, ReviewDraft, ScheduleDraft, Severity,
    Signature, SlotDraft, UnsafeDraft, Verified,
};

fn err(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// The demo's actors, if the demo made them (a smaller demo may not).
struct Cast {
    officer: Actor,
    inspector: Actor,
    unit: Actor,
}

async fn cast(db: &DatabaseConnection) -> anyhow::Result<Option<Cast>> {
    let (Some(officer), Some(inspector), Some(unit)) = (
        actor_by_email(db, "qazvin@demo.tashil.ir").await?,
        actor_by_email(db, "inspector@demo.tashil.ir").await?,
        actor_by_email(db, "unit@demo.tashil.ir").await?,
    ) else {
        return Ok(None);
    };
    Ok(Some(Cast {
        officer,
        inspector,
        unit,
    }))
}

pub async fn create(db: &DatabaseConnection) -> anyhow::Result<()> {
    let Some(c) = cast(db).await? else {
        return Ok(());
    };
    let Some(tiles) =
        crate::registry::lookup::unit_ref_of_organisation(db, c.unit.organisation_id()).await?
    else {
        return Ok(());
    };
    let now = Utc::now();
    let dairy = crate::supervision::complaint_unit_choices(db, "لبنیات پاک‌آرا")
        .await
        .map_err(err)?
        .into_iter()
        .find(|u| u.province == "IR-26");
    measures_and_past_inspection(db, &c, tiles.id, now).await?;
    // Today's visit, for the demo inspector to open and fill in (the e2e journey does).
    let today = local_date("IR", now);
    crate::supervision::schedule_inspection(
        db,
        &c.officer,
        &ScheduleDraft {
            unit_id: tiles.id,
            inspector_id: c.inspector.user_id(),
            scheduled_on: today,
            plan_id: None,
        },
        now,
    )
    .await
    .map_err(err)?;
    if let Some(d) = &dairy {
        crate::supervision::schedule_inspection(
            db,
            &c.officer,
            &ScheduleDraft {
                unit_id: d.id,
                inspector_id: c.inspector.user_id(),
                scheduled_on: today + Days::new(1),
                plan_id: None,
            },
            now,
        )
        .await
        .map_err(err)?;
    }
    unsafe_heater(db, &c, now).await?;
    complaint(db, &c, dairy.map(|d| d.id), now).await?;
    clinic(db, &c, now).await?;
    Ok(())
}

/// Advice two months ago; an inspection two weeks ago, every item answered, one not compliant
/// with a major finding, signed by the unit; a written warning after it; the CAPA sent three
/// days later, awaiting the inspector. A minor finding of the same visit is closed on site.
async fn measures_and_past_inspection(
    db: &DatabaseConnection,
    c: &Cast,
    unit_id: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    crate::supervision::take_measure(
        db,
        &c.officer,
        unit_id,
        &MeasureDraft {
            rung: "advice".into(),
            reason: "دمای کوره پخت لعاب بدون ثبت روزانه کنترل می‌شود؛ ثبت دما در هر شیفت توصیه شد."
                .into(),
            ..Default::default()
        },
        now - Duration::days(60),
    )
    .await
    .map_err(err)?;
    let at = now - Duration::days(14);
    let v = crate::supervision::schedule_inspection(
        db,
        &c.officer,
        &ScheduleDraft {
            unit_id,
            inspector_id: c.inspector.user_id(),
            scheduled_on: local_date("IR", at),
            plan_id: None,
        },
        at,
    )
    .await
    .map_err(err)?;
    let at = at + Duration::hours(1);
    let v = crate::supervision::start_inspection(db, &c.inspector, v.row.id, v.version, at)
        .await
        .map_err(err)?;
    let mut failed = None;
    for (k, item) in v.items.iter().enumerate() {
        // The labelling item fails: pallets leave without the standard mark and batch.
        let (answer, note) = if item.reference == "labelling" {
            failed = Some(item.id);
            (
                Answer::NotCompliant,
                "روی ۳ پالت از ۱۰ پالت بازدیدشده نشان استاندارد و شماره بهر درج نشده بود.",
            )
        } else if k % 7 == 6 {
            (Answer::NotApplicable, "")
        } else {
            (Answer::Compliant, "")
        };
        crate::supervision::answer_item(
            db,
            &c.inspector,
            v.row.id,
            item.id,
            &AnswerDraft {
                answer,
                note: note.into(),
                version: item.version,
            },
            at + Duration::minutes(5 * k as i64),
        )
        .await
        .map_err(err)?;
    }
    let at = at + Duration::hours(2);
    let major = crate::supervision::add_finding(
        db,
        &c.inspector,
        v.row.id,
        &FindingDraft {
            item_id: failed,
            severity: Severity::Major,
            description: "محصول بدون نشان استاندارد اجباری و شماره بهر از کارخانه خارج می‌شود."
                .into(),
        },
        at,
    )
    .await
    .map_err(err)?;
    let minor = crate::supervision::add_finding(
        db,
        &c.inspector,
        v.row.id,
        &FindingDraft {
            item_id: None,
            severity: Severity::Minor,
            description: "تاریخ کالیبراسیون کولیس خط بسته‌بندی روی آن برچسب نخورده است.".into(),
        },
        at,
    )
    .await
    .map_err(err)?;
    crate::supervision::review_finding(
        db,
        &c.inspector,
        minor.id,
        &ReviewDraft {
            review: Review::Close {
                how: Verified::OnSite,
            },
            version: minor.version,
        },
        at + Duration::minutes(20),
    )
    .await
    .map_err(err)?;
    let v = crate::supervision::inspection(db, &c.unit, v.row.id, at)
        .await
        .map_err(err)?;
    crate::supervision::record_inspection(
        db,
        &c.unit,
        v.row.id,
        &RecordDraft {
            signature: Signature::Signed,
            version: v.version,
        },
        at + Duration::minutes(30),
    )
    .await
    .map_err(err)?;
    crate::supervision::take_measure(
        db,
        &c.officer,
        unit_id,
        &MeasureDraft {
            rung: "warning".into(),
            reason: "خروج محصول بدون نشان استاندارد اجباری؛ تکرار آن به تعلیق پروانه می‌انجامد."
                .into(),
            inspection_ref: Some(format!("INS-{}", v.row.id)),
            finding: Some(major.description.clone()),
            ..Default::default()
        },
        at + Duration::days(1),
    )
    .await
    .map_err(err)?;
    let at = at + Duration::days(3);
    crate::supervision::submit_capa(
        db,
        &c.unit,
        major.id,
        &CapaDraft {
            capa: Capa {
                cause: "چاپگر برچسب خط ۲ از کار افتاده بود و پالت‌ها بی‌برچسب ارسال شدند.".into(),
                correction: "پالت‌های بی‌برچسب از انبار فراخوانده و برچسب‌گذاری شدند.".into(),
                preventive: "کنترل برچسب پیش از بارگیری به چک‌لیست انبار افزوده شد و چاپگر پشتیبان خریداری شد."
                    .into(),
                planned_on: local_date("IR", now) + Days::new(10),
            },
            version: major.version,
        },
        at,
    )
    .await
    .map_err(err)?;
    Ok(())
}

/// A fan heater recalled for a fire risk, on the public list.
async fn unsafe_heater(
    db: &DatabaseConnection,
    c: &Cast,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    crate::supervision::publish_unsafe(
        db,
        &c.officer,
        &UnsafeDraft {
            product: "بخاری برقی فن‌دار ۲۰۰۰ وات".into(),
            brand: "گرماتاب".into(),
            risk_type: "fire".into(),
            measure: "جمع‌آوری از بازار؛ خریداران دستگاه را به فروشنده بازگردانند.".into(),
            measured_on: Some(local_date("IR", now) - Days::new(5)),
            published: true,
        },
        None,
        now,
    )
    .await
    .map_err(err)?;
    Ok(())
}

/// A consumer's complaint about the dairy's milk, taken under review with a public reply.
async fn complaint(
    db: &DatabaseConnection,
    c: &Cast,
    dairy: Option<i64>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let at = now - Duration::days(3);
    let draft = ComplaintDraft {
        unit_id: dairy,
        unit_text: if dairy.is_some() {
            String::new()
        } else {
            "شرکت لبنیات پاک‌آرا".into()
        },
        province: "IR-26".into(),
        product: "شیر پاستوریزه کم‌چرب یک لیتری".into(),
        brand: "پاک‌آرا".into(),
        bought_at: "فروشگاه زنجیره‌ای، خیابان پیروزی، قزوین".into(),
        account: "شیر دو روز پیش از تاریخ انقضا ترش شده بود؛ دو بسته از یک سری ساخت.".into(),
        ..Default::default()
    };
    let filed =
        crate::supervision::file_complaint(db, &draft, vec![], "demo", crate::i18n::Lang::Fa, at)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let list = crate::supervision::complaints(db, &c.officer, None)
        .await
        .map_err(err)?;
    if let Some(row) = list.first() {
        let v = crate::supervision::complaint(db, &c.officer, row.id)
            .await
            .map_err(err)?;
        crate::supervision::advance_complaint(
            db,
            &c.officer,
            row.id,
            &ComplaintMove {
                version: v.version,
                state: ComplaintState::UnderReview,
                public_reply:
                    "شکایت شما دریافت شد و نمونه‌برداری از این سری ساخت در برنامه بازرسی قرار گرفت."
                        .into(),
                internal_note: "هم‌زمان با بازرسی فردای واحد بررسی شود.".into(),
                unfounded: false,
            },
            at + Duration::days(1),
        )
        .await
        .map_err(err)?;
    }
    tracing::info!(code = %filed.code, "demo complaint: track it at /complaints/track");
    Ok(())
}

/// A clinic on labelling next week, 10:00 Tehran time, with the tile works booked.
async fn clinic(db: &DatabaseConnection, c: &Cast, now: DateTime<Utc>) -> anyhow::Result<()> {
    let day = local_date("IR", now) + Days::new(7);
    let starts_at = day
        .and_time(NaiveTime::from_hms_opt(6, 30, 0).unwrap_or_default())
        .and_utc();
    let slot = crate::supervision::offer_clinic(
        db,
        &c.officer,
        &SlotDraft {
            starts_at,
            minutes: 90,
            topic: "برچسب‌گذاری و نشان استاندارد اجباری".into(),
            expert_name: "مهندس نرگس رحیمی".into(),
            capacity: 12,
            province: String::new(),
        },
        now,
    )
    .await
    .map_err(err)?;
    crate::supervision::book_clinic(db, &c.unit, slot.id, now)
        .await
        .map_err(err)?;
    Ok(())
}
