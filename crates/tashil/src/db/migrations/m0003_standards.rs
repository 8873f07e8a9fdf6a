//! The standards catalogue: standards, the products they apply to, their clauses with
//! measurable requirements, public-enquiry comments, and the search outbox that feeds each
//! node's index.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let standards = with_id("standards")
        .cols([string("body"), string("number")])
        // 0 when the designation carries no year, so (body, number, year) is unique on both
        // backends (NULLs never collide in a unique index).
        .cols([integer("year"), integer("edition")])
        .trilingual("title", text)
        .trilingual("scope", text)
        .cols([string("ics"), string("status")])
        .may_refer("replaced_by", "standards")
        .cols([boolean("mandatory"), date_null("mandatory_from")])
        .col(date_null("enquiry_deadline"))
        .edited()
        .to_owned();
    let indexes = [
        ux("ux_standards_designation", &["body", "number", "year"]),
        ix("ix_standards_mandatory", &["mandatory", "status"]),
    ];
    create(m, standards, &indexes).await?;

    let products = with_id("standard_products")
        .owned_by("standard_id", "standards")
        .cols([string("hs_prefix"), string("product")])
        .to_owned();
    let indexes = [
        // "Which standards apply to HS 2523.29" looks up each prefix of the code.
        ix("ix_standard_products_hs", &["hs_prefix", "standard_id"]),
        ix("ix_standard_products_standard", &["standard_id"]),
    ];
    create(m, products, &indexes).await?;

    let clauses = with_id("standard_clauses")
        .owned_by("standard_id", "standards")
        .cols([integer("position"), string("number")])
        .trilingual("parameter", text)
        .cols([string("test_method"), string("unit")])
        .cols([double_null("min_value"), double_null("max_value")])
        .col(text("allowed"))
        .to_owned();
    let in_order = ix("ix_standard_clauses_standard", &["standard_id", "position"]);
    create(m, clauses, &[in_order]).await?;

    let comments = with_id("enquiry_comments")
        .owned_by("standard_id", "standards")
        .col(string("clause_number"))
        .refers("organisation_id", "organisations")
        .refers("user_id", "users")
        .cols([text("body"), text("proposal"), created_at()])
        .cols([string_null("decision"), text_null("response")])
        .col(big_integer_null("responded_by"))
        .col(timestamp_with_time_zone_null("responded_at"))
        .to_owned();
    let by_standard = ix("ix_enquiry_comments_standard", &["standard_id", "id"]);
    create(m, comments, &[by_standard]).await?;

    // Every change to an indexed record appends here in its own transaction; each node
    // applies the rows past its index's high-water mark (ARCHITECTURE.md, "Search").
    let outbox = with_id("search_outbox")
        .cols([string("entity"), big_integer("entity_id")])
        .col(created_at())
        .to_owned();
    m.create_table(outbox).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "search_outbox",
            "enquiry_comments",
            "standard_clauses",
            "standard_products",
            "standards",
        ],
    )
    .await
}
