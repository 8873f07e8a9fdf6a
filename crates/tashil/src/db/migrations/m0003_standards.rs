//! The standards catalogue: standards, the products they apply to, their clauses with
//! measurable requirements, public-enquiry comments, and the search outbox that feeds each
//! node's index.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0003_standards"
    }
}

fn index(name: &str, table: &str, cols: &[&str], unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(table));
    for c in cols {
        i.col(Alias::new(*c));
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("standards")
                .col(big_pk_auto("id"))
                .col(string("body"))
                .col(string("number"))
                // 0 when the designation carries no year, so (body, number, year) is unique
                // on both backends (NULLs never collide in a unique index).
                .col(integer("year"))
                .col(integer("edition"))
                .col(text("title_fa"))
                .col(text("title_en"))
                .col(text("title_vi"))
                .col(text("scope_fa"))
                .col(text("scope_en"))
                .col(text("scope_vi"))
                .col(string("ics"))
                .col(string("status"))
                .col(big_integer_null("replaced_by"))
                .col(boolean("mandatory"))
                .col(date_null("mandatory_from"))
                .col(date_null("enquiry_deadline"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(
                    ForeignKey::create()
                        .from("standards", "replaced_by")
                        .to("standards", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_standards_designation",
            "standards",
            &["body", "number", "year"],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_standards_mandatory",
            "standards",
            &["mandatory", "status"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("standard_products")
                .col(big_pk_auto("id"))
                .col(big_integer("standard_id"))
                .col(string("hs_prefix"))
                .col(string("product"))
                .foreign_key(
                    ForeignKey::create()
                        .from("standard_products", "standard_id")
                        .to("standards", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // "Which standards apply to HS 2523.29" looks up each prefix of the code.
        m.create_index(index(
            "ix_standard_products_hs",
            "standard_products",
            &["hs_prefix", "standard_id"],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_standard_products_standard",
            "standard_products",
            &["standard_id"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("standard_clauses")
                .col(big_pk_auto("id"))
                .col(big_integer("standard_id"))
                .col(integer("position"))
                .col(string("number"))
                .col(text("parameter_fa"))
                .col(text("parameter_en"))
                .col(text("parameter_vi"))
                .col(string("test_method"))
                .col(string("unit"))
                .col(double_null("min_value"))
                .col(double_null("max_value"))
                .col(text("allowed"))
                .foreign_key(
                    ForeignKey::create()
                        .from("standard_clauses", "standard_id")
                        .to("standards", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_standard_clauses_standard",
            "standard_clauses",
            &["standard_id", "position"],
            false,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("enquiry_comments")
                .col(big_pk_auto("id"))
                .col(big_integer("standard_id"))
                .col(string("clause_number"))
                .col(big_integer("organisation_id"))
                .col(big_integer("user_id"))
                .col(text("body"))
                .col(text("proposal"))
                .col(timestamp_with_time_zone("created_at"))
                .col(string_null("decision"))
                .col(text_null("response"))
                .col(big_integer_null("responded_by"))
                .col(timestamp_with_time_zone_null("responded_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("enquiry_comments", "standard_id")
                        .to("standards", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from("enquiry_comments", "organisation_id")
                        .to("organisations", "id"),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from("enquiry_comments", "user_id")
                        .to("users", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_enquiry_comments_standard",
            "enquiry_comments",
            &["standard_id", "id"],
            false,
        ))
        .await?;
        // Every change to an indexed record appends here in its own transaction; each node
        // applies the rows past its index's high-water mark (ARCHITECTURE.md, "Search").
        m.create_table(
            Table::create()
                .table("search_outbox")
                .col(big_pk_auto("id"))
                .col(string("entity"))
                .col(big_integer("entity_id"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "search_outbox",
            "enquiry_comments",
            "standard_clauses",
            "standard_products",
            "standards",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
