//! Licences and permits (seeds 000–002): permit types as versioned definitions, who decides
//! each step in each province, applications with their products, the steps they went
//! through (the lead-time figures are read from these), and the messages between an
//! applicant and the office.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0020_licensing"
    }
}

fn fk(table: &str, col: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(Alias::new(table), Alias::new(col))
        .to(Alias::new(to), Alias::new("id"))
        .to_owned()
}

fn index(table: &str, name: &str, cols: &[&str], unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(table));
    if unique {
        i.unique();
    }
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

const TABLES: [&str; 7] = [
    "licences",
    "application_messages",
    "application_steps",
    "application_products",
    "applications",
    "permit_delegations",
    "permit_type_versions",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("permit_types")
                .col(big_pk_auto("id"))
                .col(string_uniq("code"))
                // IR or VN: each national body defines its own.
                .col(string("country"))
                .col(text("name_fa"))
                .col(text("name_vi"))
                .col(text("name_en"))
                .col(integer("current_version"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("permit_type_versions")
                .col(big_pk_auto("id"))
                .col(big_integer("permit_type_id"))
                .col(integer("version"))
                // The definition (steps, conditions, documents, fees, fast track) as JSON:
                // written once, never edited.
                .col(text("definition"))
                .col(big_integer("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "permit_type_versions",
                    "permit_type_id",
                    "permit_types",
                ))
                .foreign_key(&mut fk("permit_type_versions", "created_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("permit_delegations")
                .col(big_pk_auto("id"))
                .col(big_integer("permit_type_id"))
                .col(string("step_code"))
                .col(string("province_code"))
                // province or national; no row means the national body decides.
                .col(string("decider"))
                .col(big_integer("updated_by"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "permit_delegations",
                    "permit_type_id",
                    "permit_types",
                ))
                .foreign_key(&mut fk("permit_delegations", "updated_by", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("applications")
                .col(big_pk_auto("id"))
                // The public tracking code (no personal data behind it).
                .col(string_uniq("tracking_code"))
                .col(big_integer("unit_id"))
                .col(string("province_code"))
                .col(big_integer("permit_type_id"))
                .col(big_integer("version_id"))
                .col(big_integer("applicant_user_id"))
                // in_progress, issued, rejected, appealed, withdrawn.
                .col(string("status"))
                .col(integer("step_index"))
                // The fast-track rule that applied and the facts it read, as JSON.
                .col(text_null("fast_track"))
                // The plan: each step's working days, or null when skipped, as JSON.
                .col(text("plan"))
                // The conditions cited and the explanation, as JSON.
                .col(text_null("rejection"))
                .col(boolean("appealed_once"))
                .col(text_null("appeal_reason"))
                .col(boolean("decided_by_silence"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("applications", "unit_id", "units"))
                .foreign_key(&mut fk("applications", "permit_type_id", "permit_types"))
                .foreign_key(&mut fk(
                    "applications",
                    "version_id",
                    "permit_type_versions",
                ))
                .foreign_key(&mut fk("applications", "applicant_user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("application_products")
                .col(big_pk_auto("id"))
                .col(big_integer("application_id"))
                .col(text("product"))
                .col(text("brand"))
                .col(string("hs_code"))
                .col(big_integer_null("standard_id"))
                // Its designation when the unit applied ("ISIRI 1234:1398").
                .col(text_null("standard"))
                .foreign_key(&mut fk(
                    "application_products",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("application_products", "standard_id", "standards"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("application_steps")
                .col(big_pk_auto("id"))
                .col(big_integer("application_id"))
                .col(integer("step_index"))
                .col(string("step_code"))
                // The province's code, or NATIONAL: who decides this step.
                .col(string("deciding_office"))
                // The country whose working days the deadline counts.
                .col(string("calendar_country"))
                .col(integer("deadline_days"))
                .col(timestamp_with_time_zone("started_at"))
                .col(date("due_on"))
                .col(boolean("due_provisional"))
                .col(boolean("consent"))
                .col(timestamp_with_time_zone_null("ended_at"))
                // passed, consent, skipped, rejected, withdrawn; null while open.
                .col(string_null("outcome"))
                .col(big_integer_null("actor_user_id"))
                .col(text_null("note"))
                // Working days it took (null while open).
                .col(integer_null("working_days"))
                .foreign_key(&mut fk(
                    "application_steps",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("application_steps", "actor_user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("application_messages")
                .col(big_pk_auto("id"))
                .col(big_integer("application_id"))
                .col(big_integer("author_user_id"))
                .col(boolean("from_applicant"))
                .col(text("body"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "application_messages",
                    "application_id",
                    "applications",
                ))
                .foreign_key(&mut fk("application_messages", "author_user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("licences")
                .col(big_pk_auto("id"))
                .col(string_uniq("number"))
                .col(big_integer("application_id"))
                .col(big_integer("unit_id"))
                .col(string("province_code"))
                .col(big_integer("permit_type_id"))
                // active, suspended, revoked, expired.
                .col(string("status"))
                .col(date("valid_from"))
                .col(date("valid_until"))
                // Products, brands and standards covered, as JSON.
                .col(text("covers"))
                .col(text_null("status_reason"))
                .col(text_null("legal_basis"))
                // 60 then 30: the last renewal reminder queued.
                .col(integer_null("reminded_days"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("licences", "application_id", "applications"))
                .foreign_key(&mut fk("licences", "unit_id", "units"))
                .foreign_key(&mut fk("licences", "permit_type_id", "permit_types"))
                .to_owned(),
        )
        .await?;
        for (table, name, cols, unique) in [
            (
                "permit_type_versions",
                "ux_permit_versions",
                &["permit_type_id", "version"][..],
                true,
            ),
            (
                "permit_delegations",
                "ux_permit_delegations",
                &["permit_type_id", "step_code", "province_code"][..],
                true,
            ),
            (
                "applications",
                "ix_applications_province",
                &["province_code", "status", "id"][..],
                false,
            ),
            (
                "applications",
                "ix_applications_unit",
                &["unit_id", "id"][..],
                false,
            ),
            (
                "application_products",
                "ix_application_products",
                &["application_id"][..],
                false,
            ),
            (
                "application_steps",
                "ix_application_steps",
                &["application_id", "step_index"][..],
                false,
            ),
            // The silence job's scan: open consent steps by due date.
            (
                "application_steps",
                "ix_application_steps_due",
                &["consent", "ended_at", "due_on"][..],
                false,
            ),
            (
                "application_messages",
                "ix_application_messages",
                &["application_id", "id"][..],
                false,
            ),
            (
                "licences",
                "ix_licences_unit",
                &["unit_id", "id"][..],
                false,
            ),
            (
                "licences",
                "ix_licences_status_until",
                &["status", "valid_until"][..],
                false,
            ),
        ] {
            m.create_index(index(table, name, cols, unique)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in TABLES.into_iter().chain(["permit_types"]) {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
