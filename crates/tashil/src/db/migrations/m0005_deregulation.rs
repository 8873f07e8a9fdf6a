//! The deregulation register (seeds 002, 003): rules reported as redundant or costly, with
//! their source and cost, reviewed and decided by the province's deregulation board, and
//! published.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, with_id};

const TABLE: &str = "regulation_reports";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let reports = with_id(TABLE)
        // "DR-IR-26-1405-00012": register, province, year, sequence.
        .cols([string_uniq("number"), province()])
        .refers("reporter_org_id", "organisations")
        .refers("reporter_user_id", "users")
        .col(text("rule_title"))
        // The law, regulation or circular and the article that imposes the rule.
        .cols([text("source"), string("issuing_agency")])
        // Why the rule is redundant or costly.
        .col(text("description"))
        // Yearly cost to producers, in the country's currency.
        .cols([big_integer_null("annual_cost"), integer_null("hours_lost")])
        // reported, under_review, decided, published.
        .col(string("status"))
        // NULL until decided: remove, amend, keep.
        .cols([string_null("decision"), text_null("decision_text")])
        .may_refer("decided_by", "users")
        .col(timestamp_with_time_zone_null("decided_at"))
        .col(timestamp_with_time_zone_null("published_at"))
        .edited()
        .to_owned();
    let indexes = [
        ix(
            "ix_regulations_province_status",
            &["province_code", "status", "id"],
        ),
        ix("ix_regulations_reporter", &["reporter_org_id", "id"]),
    ];
    create(m, reports, &indexes).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[TABLE]).await
}
