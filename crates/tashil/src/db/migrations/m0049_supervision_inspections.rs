//! Supervision's inspections (issue 21, items 3 and 4): the general checklist items (as
//! data, in three languages), the working days a unit has for a corrective action by
//! severity (as data), the inspections of units with their checklists (one row an answer,
//! each with its own version so an answer saves alone), and the findings with their
//! corrective and preventive actions.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, ux, with_id};

const GENERAL: &str = "supervision_general_items";
const CAPA_DAYS: &str = "supervision_capa_days";
const INSPECTIONS: &str = "supervision_inspections";
const ITEMS: &str = "supervision_checklist_items";
const FINDINGS: &str = "supervision_findings";

/// The general items seeded: code, fa, en, vi.
const SEEDED: &[(&str, &str, &str, &str)] = &[
    (
        "licence_displayed",
        "پروانه کاربرد علامت استاندارد در محل نصب شده است",
        "The standard mark licence is displayed on site",
        "Giấy phép sử dụng dấu tiêu chuẩn được niêm yết tại cơ sở",
    ),
    (
        "qc_records",
        "سوابق کنترل کیفیت نگهداری می‌شود",
        "Quality control records are kept",
        "Hồ sơ kiểm soát chất lượng được lưu giữ",
    ),
    (
        "calibration",
        "وسایل اندازه‌گیری کالیبره شده و گواهی معتبر دارند",
        "Measuring instruments are calibrated with a valid certificate",
        "Thiết bị đo được hiệu chuẩn và có chứng chỉ còn hiệu lực",
    ),
    (
        "storage",
        "شرایط انبارش مواد اولیه و محصول مناسب است",
        "Storage conditions of materials and products are suitable",
        "Điều kiện bảo quản nguyên liệu và sản phẩm phù hợp",
    ),
    (
        "labelling",
        "برچسب‌گذاری محصول با الزامات استاندارد منطبق است",
        "Product labelling meets the standard's requirements",
        "Nhãn sản phẩm đáp ứng yêu cầu của tiêu chuẩn",
    ),
];

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let general = with_id(GENERAL)
        .col(string("code"))
        .trilingual("text", text)
        .col(integer("position"))
        .col(boolean("active"))
        .to_owned();
    create(
        m,
        general,
        &[ux("ux_supervision_general_items_code", &["code"])],
    )
    .await?;
    for (i, (code, fa, en, vi)) in SEEDED.iter().enumerate() {
        m.exec_stmt(
            Query::insert()
                .into_table(Alias::new(GENERAL))
                .columns(
                    [
                        "code", "text_fa", "text_en", "text_vi", "position", "active",
                    ]
                    .map(Alias::new),
                )
                .values_panic([
                    (*code).into(),
                    (*fa).into(),
                    (*en).into(),
                    (*vi).into(),
                    (i as i32 + 1).into(),
                    true.into(),
                ])
                .to_owned(),
        )
        .await?;
    }
    let capa_days = with_id(CAPA_DAYS)
        // minor, major, critical: the working days a unit has for its CAPA (none for minor).
        .col(string("severity"))
        .col(integer("working_days"))
        .to_owned();
    create(
        m,
        capa_days,
        &[ux("ux_supervision_capa_days_severity", &["severity"])],
    )
    .await?;
    for sev in ["major", "critical"] {
        m.exec_stmt(
            Query::insert()
                .into_table(Alias::new(CAPA_DAYS))
                .columns(["severity", "working_days"].map(Alias::new))
                .values_panic([sev.into(), 10.into()])
                .to_owned(),
        )
        .await?;
    }
    let inspections = with_id(INSPECTIONS)
        .refers("unit_id", "units")
        // Copied from the unit: the province's office and inspectors read by it.
        .col(province())
        // The approved plan it comes from (none: ad hoc).
        .may_refer("plan_id", "supervision_plans")
        .refers("inspector_id", "users")
        .col(date("scheduled_on"))
        // scheduled, in_progress, recorded.
        .col(string("status"))
        // signed, refused (once recorded), with the refusal's reason.
        .col(string_null("signature"))
        .col(text_null("refusal_reason"))
        .may_refer("signed_by", "users")
        .col(timestamp_with_time_zone_null("started_at"))
        .col(timestamp_with_time_zone_null("recorded_at"))
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        inspections,
        &[
            ix(
                "ix_supervision_inspections_day",
                &["province_code", "scheduled_on"],
            ),
            ix("ix_supervision_inspections_unit", &["unit_id", "status"]),
        ],
    )
    .await?;
    let items = with_id(ITEMS)
        .owned_by("inspection_id", INSPECTIONS)
        .col(integer("position"))
        // general (a code of the general items) or clause (a standard's designation and
        // clause number), and the item's text in three languages as it was generated.
        .cols([string("source"), string("reference")])
        .trilingual("text", text)
        // compliant, not_compliant, not_applicable; none while unanswered.
        .col(string_null("answer"))
        .col(text("note"))
        .may_refer("answered_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        items,
        &[ux(
            "ux_supervision_checklist_items_position",
            &["inspection_id", "position"],
        )],
    )
    .await?;
    let findings = with_id(FINDINGS)
        .owned_by("inspection_id", INSPECTIONS)
        .refers("unit_id", "units")
        .col(province())
        .may_refer("item_id", ITEMS)
        // minor, major, critical; open, capa_submitted, returned, closed.
        .cols([string("severity"), string("status"), text("description")])
        // The last working day for the unit's CAPA (major and critical).
        .col(date_null("capa_due_on"))
        .cols([
            text_null("capa_cause"),
            text_null("capa_correction"),
            text_null("capa_preventive"),
        ])
        .col(date_null("capa_planned_on"))
        .col(timestamp_with_time_zone_null("capa_submitted_at"))
        .col(text_null("return_reason"))
        // on_site, evidence.
        .col(string_null("verified_how"))
        .may_refer("verified_by", "users")
        .col(timestamp_with_time_zone_null("closed_at"))
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        findings,
        &[
            ix("ix_supervision_findings_inspection", &["inspection_id"]),
            ix("ix_supervision_findings_unit", &["unit_id", "status"]),
        ],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[FINDINGS, ITEMS, INSPECTIONS, CAPA_DAYS, GENERAL]).await
}
