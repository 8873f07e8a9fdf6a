//! Conformity assessment (issue 19): laboratories' and certification bodies' accreditations
//! and the scope of each (a standard's clause and the test method it is accredited for), and
//! the test requests a unit or an inspector sends to one of them, with the clauses asked;
//! a request's sample and its chain of custody.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, province, ux, with_id};

const ACCREDITATIONS: &str = "lab_accreditations";
const SCOPE: &str = "lab_scope_entries";
const REQUESTS: &str = "test_requests";
const REQUEST_CLAUSES: &str = "test_request_clauses";
const SAMPLES: &str = "samples";
const CUSTODY: &str = "custody_entries";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let accreditations = with_id(ACCREDITATIONS)
        .refers("lab_org_id", "organisations")
        // The lab's province, copied from its organisation: the directory and an office's
        // reach filter on it.
        .col(province())
        .cols([string("accreditation_body"), string("certificate_number")])
        .cols([date("valid_from"), date("valid_until")])
        // active, suspended, withdrawn.
        .col(string("status"))
        .edited()
        .to_owned();
    create(
        m,
        accreditations,
        &[
            ux(
                "ux_lab_accreditations_certificate",
                &["accreditation_body", "certificate_number"],
            ),
            ix("ix_lab_accreditations_lab", &["lab_org_id", "id"]),
            ix(
                "ix_lab_accreditations_province",
                &["province_code", "status"],
            ),
        ],
    )
    .await?;
    let scope = with_id(SCOPE)
        .owned_by("accreditation_id", ACCREDITATIONS)
        .refers("standard_id", "standards")
        // The standard's designation when the entry was made, and the folded words of it, the
        // clause, the method and the standard's products (` word word `), so the public
        // directory is searched by word prefix without reading the catalogue row by row.
        .cols([string("designation"), string("clause_number")])
        .cols([string("test_method"), integer("turnaround_days")])
        .cols([text("search_text"), created_at()])
        .to_owned();
    create(
        m,
        scope,
        &[
            ux(
                "ux_lab_scope_entry",
                &["accreditation_id", "standard_id", "clause_number"],
            ),
            ix("ix_lab_scope_clause", &["standard_id", "clause_number"]),
        ],
    )
    .await?;
    let requests = with_id(REQUESTS)
        // The requester's province: its office sees the request.
        .col(province())
        .refers("requester_org_id", "organisations")
        .refers("requester_user_id", "users")
        // own_unit, application, market_sample.
        .col(string("purpose"))
        // The licence application whose test step asks (no key: the step plugs in later).
        .col(big_integer_null("application_id"))
        .refers("standard_id", "standards")
        .col(string("designation"))
        .refers("lab_org_id", "organisations")
        // The longest turnaround the lab quoted for the clauses asked, in working days.
        .col(integer("quoted_days"))
        .col(text("note"))
        // sent, accepted, declined.
        .col(string("status"))
        .col(text_null("decline_reason"))
        .may_refer("answered_by", "users")
        .col(timestamp_with_time_zone_null("answered_at"))
        .edited()
        .to_owned();
    create(
        m,
        requests,
        &[
            ix("ix_test_requests_lab", &["lab_org_id", "status", "id"]),
            ix("ix_test_requests_province", &["province_code", "id"]),
            ix(
                "ix_test_requests_requester",
                &["requester_org_id", "status", "id"],
            ),
        ],
    )
    .await?;
    let clauses = with_id(REQUEST_CLAUSES)
        .owned_by("request_id", REQUESTS)
        .col(string("clause_number"))
        .to_owned();
    create(
        m,
        clauses,
        &[ux(
            "ux_test_request_clause",
            &["request_id", "clause_number"],
        )],
    )
    .await?;
    let samples = with_id(SAMPLES)
        // One sample a request; its code is printed on the label.
        .owned_by("request_id", REQUESTS)
        .col(string_uniq("code"))
        // Who took it, where and when; the seals put on it; how much.
        .cols([string("taken_by"), string("taken_where")])
        .col(timestamp_with_time_zone("taken_at"))
        .cols([string("seal_numbers"), string("quantity")])
        // As the lab found it on receipt, and where it keeps it.
        .cols([text("condition_on_receipt"), string("storage")])
        .refers("recorded_by", "users")
        .col(created_at())
        .to_owned();
    create(m, samples, &[ux("ux_samples_request", &["request_id"])]).await?;
    let custody = with_id(CUSTODY)
        .owned_by("sample_id", SAMPLES)
        // The hand-over as signed: who gave, who received, when, the seal as found.
        .cols([string("giver"), string("receiver")])
        .col(timestamp_with_time_zone("handed_at"))
        .col(boolean("seal_intact"))
        .refers("recorded_by", "users")
        .col(created_at())
        .to_owned();
    create(m, custody, &[ix("ix_custody_sample", &["sample_id", "id"])]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            CUSTODY,
            SAMPLES,
            REQUEST_CLAUSES,
            REQUESTS,
            SCOPE,
            ACCREDITATIONS,
        ],
    )
    .await
}
