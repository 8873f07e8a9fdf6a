//! The deregulation register (seeds 002, 003): rules reported as redundant or costly, with
//! their source and cost, reviewed and decided by the province's deregulation board, and
//! published.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0005_deregulation"
    }
}

const TABLE: &str = "regulation_reports";

fn fk(col: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(Alias::new(TABLE), Alias::new(col))
        .to(Alias::new(to), Alias::new("id"))
        .to_owned()
}

fn index(name: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(TABLE));
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TABLE)
                .col(big_pk_auto("id"))
                // "DR-IR-26-1405-00012": register, province, year, sequence.
                .col(string_uniq("number"))
                .col(string("province_code"))
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
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("reporter_org_id", "organisations"))
                .foreign_key(&mut fk("reporter_user_id", "users"))
                .foreign_key(&mut fk("decided_by", "users"))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "ix_regulations_province_status",
                &["province_code", "status", "id"][..],
            ),
            ("ix_regulations_reporter", &["reporter_org_id", "id"][..]),
        ] {
            m.create_index(index(name, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new(TABLE)).to_owned())
            .await
    }
}
