//! SeaORM entities of the catalogue. Private to the module: other modules go through the
//! service, which applies the actor's rights.

use crate::db::entity::entity;

entity!(standard, "standards", {
    body: String,
    number: String,
    /// 0 when the designation has no year.
    year: i32,
    edition: i32,
    title_fa: String,
    title_en: String,
    title_vi: String,
    scope_fa: String,
    scope_en: String,
    scope_vi: String,
    /// ICS codes separated by spaces.
    ics: String,
    status: String,
    replaced_by: Option<i64>,
    mandatory: bool,
    mandatory_from: Option<Date>,
    enquiry_deadline: Option<Date>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(product_scope, "standard_products", derive(Eq), {
    standard_id: i64,
    hs_prefix: String,
    product: String,
});

entity!(clause, "standard_clauses", {
    standard_id: i64,
    position: i32,
    number: String,
    parameter_fa: String,
    parameter_en: String,
    parameter_vi: String,
    test_method: String,
    unit: String,
    min_value: Option<f64>,
    max_value: Option<f64>,
    /// Allowed values separated by `|`.
    allowed: String,
});

entity!(comment, "enquiry_comments", derive(Eq), {
    standard_id: i64,
    /// Empty for a comment on the whole draft.
    clause_number: String,
    organisation_id: i64,
    user_id: i64,
    body: String,
    proposal: String,
    created_at: DateTimeUtc,
    decision: Option<String>,
    response: Option<String>,
    responded_by: Option<i64>,
    responded_at: Option<DateTimeUtc>,
});

entity!(mandatory_in, "standard_mandatory", derive(Eq), {
    standard_id: i64,
    /// `IR` or `VN`: the country on whose mandatory list the standard stands.
    country: String,
    /// From this day on the country's clock (none: since it was listed).
    mandatory_from: Option<Date>,
});
