//! The deregulation register (seeds 002, 003): rules reported as redundant or costly, with
//! their source and cost, reviewed and decided by the province's deregulation board, and
//! published.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, id, index, province};

const TABLE: &str = "regulation_reports";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let reports = Table::create()
        .table(TABLE)
        .col(id())
        // "DR-IR-26-1405-00012": register, province, year, sequence.
        .col(string_uniq("number"))
        .col(province())
        .col(big_integer("reporter_org_id"))
        .col(big_integer("reporter_user_id"))
        .col(text("rule_title"))
        // The law, regulation or circular and the article that imposes the rule.
        .col(text("source"))
        .col(string("issuing_agency"))
        // Why the rule is redundant or costly.
        .col(text("description"))
        // Yearly cost to producers, in the country's currency.
        .col(big_integer_null("annual_cost"))
        .col(integer_null("hours_lost"))
        // reported, under_review, decided, published.
        .col(string("status"))
        // NULL until decided: remove, amend, keep.
        .col(string_null("decision"))
        .col(text_null("decision_text"))
        .col(big_integer_null("decided_by"))
        .col(timestamp_with_time_zone_null("decided_at"))
        .col(timestamp_with_time_zone_null("published_at"))
        .edited()
        .references("reporter_org_id", "organisations")
        .references("reporter_user_id", "users")
        .references("decided_by", "users")
        .to_owned();
    let indexes = [
        index(
            "ix_regulations_province_status",
            TABLE,
            &["province_code", "status", "id"],
        ),
        index("ix_regulations_reporter", TABLE, &["reporter_org_id", "id"]),
    ];
    create(m, reports, &indexes).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[TABLE]).await
}
