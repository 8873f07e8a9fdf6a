//! The standards catalogue: standards, the products they apply to, their clauses with
//! measurable requirements, public-enquiry comments, and the search outbox that feeds each
//! node's index.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index, unique};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let standards = Table::create()
        .table("standards")
        .col(id())
        .col(string("body"))
        .col(string("number"))
        // 0 when the designation carries no year, so (body, number, year) is unique on both
        // backends (NULLs never collide in a unique index).
        .col(integer("year"))
        .col(integer("edition"))
        .trilingual("title", text)
        .trilingual("scope", text)
        .col(string("ics"))
        .col(string("status"))
        .col(big_integer_null("replaced_by"))
        .col(boolean("mandatory"))
        .col(date_null("mandatory_from"))
        .col(date_null("enquiry_deadline"))
        .edited()
        .references("replaced_by", "standards")
        .to_owned();
    let indexes = [
        unique(
            "ux_standards_designation",
            "standards",
            &["body", "number", "year"],
        ),
        index(
            "ix_standards_mandatory",
            "standards",
            &["mandatory", "status"],
        ),
    ];
    create(m, standards, &indexes).await?;

    let products = Table::create()
        .table("standard_products")
        .col(id())
        .col(big_integer("standard_id"))
        .col(string("hs_prefix"))
        .col(string("product"))
        .belongs_to("standard_id", "standards")
        .to_owned();
    let indexes = [
        // "Which standards apply to HS 2523.29" looks up each prefix of the code.
        index(
            "ix_standard_products_hs",
            "standard_products",
            &["hs_prefix", "standard_id"],
        ),
        index(
            "ix_standard_products_standard",
            "standard_products",
            &["standard_id"],
        ),
    ];
    create(m, products, &indexes).await?;

    let clauses = Table::create()
        .table("standard_clauses")
        .col(id())
        .col(big_integer("standard_id"))
        .col(integer("position"))
        .col(string("number"))
        .trilingual("parameter", text)
        .col(string("test_method"))
        .col(string("unit"))
        .col(double_null("min_value"))
        .col(double_null("max_value"))
        .col(text("allowed"))
        .belongs_to("standard_id", "standards")
        .to_owned();
    let in_order = index(
        "ix_standard_clauses_standard",
        "standard_clauses",
        &["standard_id", "position"],
    );
    create(m, clauses, &[in_order]).await?;

    let comments = Table::create()
        .table("enquiry_comments")
        .col(id())
        .col(big_integer("standard_id"))
        .col(string("clause_number"))
        .col(big_integer("organisation_id"))
        .col(big_integer("user_id"))
        .col(text("body"))
        .col(text("proposal"))
        .col(created_at())
        .col(string_null("decision"))
        .col(text_null("response"))
        .col(big_integer_null("responded_by"))
        .col(timestamp_with_time_zone_null("responded_at"))
        .belongs_to("standard_id", "standards")
        .references("organisation_id", "organisations")
        .references("user_id", "users")
        .to_owned();
    let by_standard = index(
        "ix_enquiry_comments_standard",
        "enquiry_comments",
        &["standard_id", "id"],
    );
    create(m, comments, &[by_standard]).await?;

    // Every change to an indexed record appends here in its own transaction; each node
    // applies the rows past its index's high-water mark (ARCHITECTURE.md, "Search").
    let outbox = Table::create()
        .table("search_outbox")
        .col(id())
        .col(string("entity"))
        .col(big_integer("entity_id"))
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
