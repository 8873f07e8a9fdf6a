//! Catalogue exchange: import from CSV, XLSX (one row per standard, products as a list of HS
//! codes) or JSON (the full record with clauses), checked completely before anything is
//! written and committed all together; export of the filtered catalogue in the same shapes,
//! so an export imports back.

use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use tashil_sheets::{ExportCell, ReadOptions};

use super::entity::standard;
use super::model::{ProductScopeDraft, StandardDraft, Status, parse_date};
use super::service::{self, StandardsError};
use super::store::{self, NewStandard};
use crate::access::Actor;
use crate::access::standards as rules;
use crate::app::AppState;
use crate::audit::{self, Change};
use crate::i18n::{I18n, Lang};
use crate::registry::import::{ImportReport, Issue};
use crate::search::outbox;
use crate::web::import_page::{self, ImportTarget};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, Authed, Ctx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/standards/import",
            get(form).merge(limited(post(upload), MAX_IMPORT_FILE)),
        )
        .route("/standards/export.csv", get(export_csv))
        .route("/standards/export.xlsx", get(export_xlsx))
        .route("/standards/export.json", get(export_json))
}

/// One standard as exchanged: the draft plus the state the body gave it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StandardRecord {
    #[serde(flatten)]
    pub draft: StandardDraft,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub mandatory: bool,
    #[serde(default)]
    pub mandatory_from: Option<String>,
    #[serde(default)]
    pub enquiry_deadline: Option<String>,
}

/// The flat columns, in export order. `label` is the message key of the header.
const COLUMNS: [(&str, &str, bool); 15] = [
    ("body", "field-body", true),
    ("number", "field-standard-number", true),
    ("year", "field-year", false),
    ("edition", "field-edition", false),
    ("title_fa", "field-title-fa", false),
    ("title_en", "field-title-en", false),
    ("title_vi", "field-title-vi", false),
    ("scope_fa", "field-scope-fa", false),
    ("scope_en", "field-scope-en", false),
    ("scope_vi", "field-scope-vi", false),
    ("ics", "field-ics", false),
    ("hs_codes", "field-hs-codes", false),
    ("status", "field-status", false),
    ("mandatory", "field-mandatory", false),
    ("mandatory_from", "field-mandatory-from", false),
];

fn fold(s: &str) -> String {
    tashil_text::normalize::search_key(s).replace([' ', '_', '-'], "")
}

/// Which column each header names: its key, or its label in any of the three languages.
fn map_headers(headers: &[String], report: &mut ImportReport) -> Vec<Option<usize>> {
    let i18n = I18n::get();
    let mut map = vec![None; COLUMNS.len()];
    for (h_idx, h) in headers.iter().enumerate() {
        let f = fold(h);
        if f.is_empty() {
            continue;
        }
        let found = COLUMNS.iter().position(|(key, label, _)| {
            fold(key) == f
                || [Lang::Fa, Lang::En, Lang::Vi]
                    .iter()
                    .any(|l| fold(&i18n.t(*l, label)) == f)
        });
        match found {
            Some(c) if map[c].is_none() => map[c] = Some(h_idx),
            Some(_) => {
                report
                    .errors
                    .push(issue(1, Some(h_idx), Some(h.clone()), "duplicate_column"))
            }
            None => report
                .warnings
                .push(issue(1, Some(h_idx), Some(h.clone()), "unknown_column")),
        }
    }
    for (c, (key, _, required)) in COLUMNS.iter().enumerate() {
        if *required && map[c].is_none() {
            report
                .errors
                .push(issue(1, None, Some(key.to_string()), "missing_column"));
        }
    }
    map
}

fn issue(row: usize, column: Option<usize>, header: Option<String>, code: &str) -> Issue {
    Issue {
        row,
        column: column.map(tashil_sheets::Table::column_letter),
        header,
        code: code.to_string(),
        detail: None,
    }
}

fn yes(s: &str) -> Option<bool> {
    match fold(s).as_str() {
        "" | "no" | "false" | "0" | "خیر" | "نه" | "khong" => Some(false),
        "yes" | "true" | "1" | "بله" | "اری" | "co" => Some(true),
        _ => None,
    }
}

/// Where a field sits in the file: its column index and header, for the report.
type ColumnOf<'a> = &'a dyn Fn(&str) -> (Option<usize>, Option<String>);

/// The records of a file, the column index of each known column, and the headers.
type Records = (
    Vec<(usize, StandardRecord)>,
    Vec<Option<usize>>,
    Vec<String>,
);

/// A standard ready to insert, with where it came from.
struct Checked {
    row: usize,
    new: NewStandard,
}

/// Checks one record; `col` gives the column index of a field for the report.
fn check(
    rec: &StandardRecord,
    row: usize,
    col: ColumnOf<'_>,
    report: &mut ImportReport,
) -> Option<Checked> {
    let mut push = |field: &str, code: &str| {
        // `clauses[2].unit` is reported under its own name: JSON has no columns.
        let (c, h) = col(field.split(['[', '.']).next().unwrap_or(field));
        let h = if c.is_none() {
            Some(field.to_string())
        } else {
            h
        };
        report.errors.push(issue(row, c, h, code));
    };
    let v = match rec.draft.validate() {
        Ok(v) => Some(v),
        Err(errs) => {
            for e in errs {
                let field = if e.field.starts_with("products[") {
                    "hs_codes".to_string()
                } else {
                    e.field.clone()
                };
                push(&field, e.code);
            }
            None
        }
    };
    let status = if rec.status.trim().is_empty() {
        Some(Status::Published)
    } else {
        Status::parse(&rec.status.trim().to_lowercase()).or_else(|| {
            push("status", "invalid_choice");
            None
        })
    };
    let date = |raw: &Option<String>,
                field: &str,
                push: &mut dyn FnMut(&str, &str)|
     -> Option<NaiveDate> {
        match parse_date(raw.as_deref().unwrap_or("")) {
            Ok(d) => d,
            Err(code) => {
                push(field, code);
                None
            }
        }
    };
    let mandatory_from = date(&rec.mandatory_from, "mandatory_from", &mut push);
    let enquiry_deadline = date(&rec.enquiry_deadline, "enquiry_deadline", &mut push);
    if rec.mandatory && status.is_some_and(|s| !s.in_force()) {
        push("mandatory", "mandatory_not_in_force");
    }
    if status == Some(Status::Enquiry)
        && enquiry_deadline.is_none()
        && rec.enquiry_deadline.is_none()
    {
        push("enquiry_deadline", "required");
    }
    Some(Checked {
        row,
        new: NewStandard {
            v: v?,
            status: status?,
            mandatory: rec.mandatory,
            mandatory_from: if rec.mandatory {
                mandatory_from.or_else(|| Some(service::today()))
            } else {
                None
            },
            enquiry_deadline,
        },
    })
}

/// Reads the records of a file: a JSON array, or a sheet with one standard per row.
fn records(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    report: &mut ImportReport,
) -> Records {
    let is_json = file_name.to_lowercase().ends_with(".json")
        || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if is_json {
        return match serde_json::from_slice::<Vec<StandardRecord>>(bytes) {
            Ok(v) => (
                v.into_iter().enumerate().map(|(i, r)| (i + 1, r)).collect(),
                vec![],
                vec![],
            ),
            Err(e) => {
                let mut i = issue(e.line(), None, None, "invalid_json");
                i.detail = Some(e.line().to_string());
                report.errors.push(i);
                (vec![], vec![], vec![])
            }
        };
    }
    let table = match tashil_sheets::read_table(file_name, bytes, opts) {
        Ok(t) => t,
        Err(e) => {
            report.errors.push(Issue {
                row: 0,
                column: None,
                header: None,
                code: e.code().to_string(),
                detail: None,
            });
            return (vec![], vec![], vec![]);
        }
    };
    let map = map_headers(&table.headers, report);
    let text = |row: &tashil_sheets::Row, key: &str| -> String {
        COLUMNS
            .iter()
            .position(|(k, _, _)| *k == key)
            .and_then(|c| map[c])
            .map(|i| row.get(i).as_text())
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut mandatory = false;
        let m = text(row, "mandatory");
        match yes(&m) {
            Some(b) => mandatory = b,
            None => {
                let c = COLUMNS
                    .iter()
                    .position(|(k, _, _)| *k == "mandatory")
                    .and_then(|c| map[c]);
                report.errors.push(issue(
                    row.number,
                    c,
                    c.map(|i| table.headers[i].clone()),
                    "invalid_choice",
                ));
            }
        }
        let from = text(row, "mandatory_from");
        out.push((
            row.number,
            StandardRecord {
                draft: StandardDraft {
                    body: text(row, "body"),
                    number: text(row, "number"),
                    year: text(row, "year"),
                    edition: text(row, "edition"),
                    title_fa: text(row, "title_fa"),
                    title_en: text(row, "title_en"),
                    title_vi: text(row, "title_vi"),
                    scope_fa: text(row, "scope_fa"),
                    scope_en: text(row, "scope_en"),
                    scope_vi: text(row, "scope_vi"),
                    ics: text(row, "ics"),
                    products: text(row, "hs_codes")
                        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '،')
                        .filter(|s| !s.is_empty())
                        .map(|hs| ProductScopeDraft {
                            hs_code: hs.to_string(),
                            product: String::new(),
                        })
                        .collect(),
                    clauses: vec![],
                },
                status: text(row, "status"),
                mandatory,
                mandatory_from: (!from.trim().is_empty()).then_some(from),
                enquiry_deadline: None,
            },
        ));
    }
    (out, map, table.headers)
}

const MAX_ERRORS: usize = 1000;

/// Imports a catalogue file. Nothing is written unless every record is valid and new.
pub async fn import(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<ImportReport, StandardsError> {
    if let Some(a) = actor {
        rules::authorize_manage(a)?;
    }
    let mut report = ImportReport::default();
    let (recs, map, headers) = records(file_name, bytes, opts, &mut report);
    let col = |field: &str| -> (Option<usize>, Option<String>) {
        let c = COLUMNS
            .iter()
            .position(|(k, _, _)| *k == field)
            .and_then(|c| map.get(c).copied().flatten());
        (
            c,
            c.map(|i| headers[i].clone())
                .or_else(|| Some(field.to_string())),
        )
    };
    let mut checked = Vec::with_capacity(recs.len());
    let mut seen = std::collections::HashMap::new();
    for (row, rec) in &recs {
        if report.errors.len() >= MAX_ERRORS {
            report
                .errors
                .push(issue(*row, None, None, "too_many_errors"));
            break;
        }
        if let Some(c) = check(rec, *row, &col, &mut report) {
            let key = (c.new.v.body.as_str(), c.new.v.number.clone(), c.new.v.year);
            if let Some(first) = seen.get(&key) {
                let (ci, h) = col("number");
                let mut i = issue(*row, ci, h, "duplicate_in_file");
                i.detail = Some(format!("{first}"));
                report.errors.push(i);
                continue;
            }
            seen.insert(key, *row);
            checked.push(c);
        }
    }
    if recs.is_empty() && report.errors.is_empty() {
        report.errors.push(issue(0, None, None, "empty"));
    }
    if !report.ok() {
        return Ok(report);
    }
    // Already in the catalogue: refused by row, not by a failed commit.
    for c in &checked {
        let exists = standard::Entity::find()
            .filter(standard::Column::Body.eq(c.new.v.body.as_str()))
            .filter(standard::Column::Number.eq(c.new.v.number.as_str()))
            .filter(standard::Column::Year.eq(c.new.v.year.unwrap_or(0)))
            .one(db)
            .await?
            .is_some();
        if exists {
            let (ci, h) = col("number");
            report
                .errors
                .push(issue(c.row, ci, h, "duplicate_standard"));
        }
    }
    if !report.ok() {
        return Ok(report);
    }
    let items: Vec<NewStandard> = checked.into_iter().map(|c| c.new).collect();
    let txn = crate::db::begin_write(db).await?;
    let ids = store::insert(&txn, &items).await?;
    let changes = ids
        .iter()
        .zip(items.iter())
        .map(|(id, n)| Change {
            actor,
            via: if actor.is_some() {
                "import"
            } else {
                "cli-import"
            },
            action: "standard.import",
            entity: "standard",
            entity_id: id.to_string(),
            before: None,
            after: Some(service::valid_snapshot(&n.v)),
        })
        .collect();
    audit::record_many(&txn, changes).await?;
    outbox::enqueue(&txn, outbox::STANDARD, &ids).await?;
    txn.commit().await?;
    report.imported = ids.len();
    Ok(report)
}

fn target() -> ImportTarget {
    ImportTarget {
        action: "/standards/import",
        title_key: "standards-import-title",
        hint_key: "standards-import-hint",
        list_href: "/standards",
        list_key: "standards-title",
        accept: ".xlsx,.csv,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
}

fn column_help(lang: Lang) -> Vec<(String, bool)> {
    COLUMNS
        .iter()
        .map(|(_, label, req)| (I18n::get().t(lang, label), *req))
        .collect()
}

async fn form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    Ok(import_page::form(&ctx, target(), column_help(ctx.lang)))
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    let upload = import_page::read_upload(multipart).await?;
    let report = match upload.file {
        Some((name, bytes)) => {
            let opts = ReadOptions {
                encoding: upload.encoding,
                ..Default::default()
            };
            import(&s.db, Some(&actor), &name, &bytes, &opts).await?
        }
        None => ImportReport {
            errors: vec![issue(0, None, None, "no_file")],
            ..Default::default()
        },
    };
    Ok(import_page::result(
        &ctx,
        target(),
        column_help(ctx.lang),
        &report,
    ))
}

#[derive(Deserialize, Default)]
struct ExportQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    ics: String,
    #[serde(default)]
    mandatory: String,
}

/// The standards to export, in id order: by the index for a text query (its first 10,000
/// hits), by the database for filters alone (all of them).
async fn selected(
    s: &AppState,
    ctx: &Ctx,
    q: &ExportQuery,
) -> Result<Vec<StandardRecord>, AppError> {
    let hides_drafts = !rules::sees_drafts(ctx.actor.as_ref());
    let mandatory = match q.mandatory.as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    };
    let mut ids: Option<Vec<i64>> = None;
    if !q.q.trim().is_empty() {
        let mut all = vec![];
        for page in 1..=100 {
            let r = super::search::search(
                &s.db,
                &s.catalogue,
                ctx.actor.as_ref(),
                ctx.lang,
                &super::search::SearchParams {
                    q: q.q.clone(),
                    body: (!q.body.is_empty()).then(|| q.body.to_uppercase()),
                    status: Status::parse(&q.status),
                    ics: (!q.ics.is_empty()).then(|| q.ics.clone()),
                    mandatory,
                    page,
                    per_page: 100,
                },
            )
            .await?;
            let n = r.hits.len();
            all.extend(r.hits.into_iter().map(|h| h.id));
            if n < 100 {
                break;
            }
        }
        all.sort_unstable();
        ids = Some(all);
    }
    let mut out = vec![];
    let mut after = 0i64;
    loop {
        let mut sel = standard::Entity::find().filter(standard::Column::Id.gt(after));
        if let Some(ids) = &ids {
            let chunk: Vec<i64> = ids
                .iter()
                .copied()
                .filter(|i| *i > after)
                .take(1000)
                .collect();
            if chunk.is_empty() {
                break;
            }
            sel = sel.filter(standard::Column::Id.is_in(chunk));
        } else {
            if !q.body.is_empty() {
                sel = sel.filter(standard::Column::Body.eq(q.body.to_uppercase()));
            }
            if let Some(st) = Status::parse(&q.status) {
                sel = sel.filter(standard::Column::Status.eq(st.as_str()));
            }
            if let Some(m) = mandatory {
                sel = sel.filter(standard::Column::Mandatory.eq(m));
            }
            if !q.ics.is_empty() {
                sel = sel.filter(standard::Column::Ics.contains(q.ics.trim()));
            }
        }
        if hides_drafts {
            sel = sel.filter(standard::Column::Status.ne(Status::Draft.as_str()));
        }
        let rows = sel
            .order_by_asc(standard::Column::Id)
            .limit(1000)
            .all(&s.db)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        out.extend(records_of(&s.db, rows).await?);
    }
    Ok(out)
}

/// Records of a page of standards, their products and clauses read in two queries.
async fn records_of(
    db: &DatabaseConnection,
    rows: Vec<standard::Model>,
) -> Result<Vec<StandardRecord>, DbErr> {
    use super::entity::{clause, product_scope};
    use super::model::ClauseDraft;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let mut products: std::collections::HashMap<i64, Vec<ProductScopeDraft>> = Default::default();
    for p in product_scope::Entity::find()
        .filter(product_scope::Column::StandardId.is_in(ids.clone()))
        .order_by_asc(product_scope::Column::Id)
        .all(db)
        .await?
    {
        products
            .entry(p.standard_id)
            .or_default()
            .push(ProductScopeDraft {
                hs_code: p.hs_prefix,
                product: p.product,
            });
    }
    let mut clauses: std::collections::HashMap<i64, Vec<ClauseDraft>> = Default::default();
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for c in clause::Entity::find()
        .filter(clause::Column::StandardId.is_in(ids))
        .order_by_asc(clause::Column::StandardId)
        .order_by_asc(clause::Column::Position)
        .all(db)
        .await?
    {
        clauses.entry(c.standard_id).or_default().push(ClauseDraft {
            number: c.number,
            parameter_fa: c.parameter_fa,
            parameter_en: c.parameter_en,
            parameter_vi: c.parameter_vi,
            test_method: c.test_method,
            unit: c.unit,
            min: num(c.min_value),
            max: num(c.max_value),
            allowed: c.allowed,
        });
    }
    Ok(rows
        .into_iter()
        .map(|m| StandardRecord {
            draft: StandardDraft {
                body: m.body,
                number: m.number,
                year: if m.year > 0 {
                    m.year.to_string()
                } else {
                    String::new()
                },
                edition: m.edition.to_string(),
                title_fa: m.title_fa,
                title_en: m.title_en,
                title_vi: m.title_vi,
                scope_fa: m.scope_fa,
                scope_en: m.scope_en,
                scope_vi: m.scope_vi,
                ics: m.ics,
                products: products.remove(&m.id).unwrap_or_default(),
                clauses: clauses.remove(&m.id).unwrap_or_default(),
            },
            status: m.status,
            mandatory: m.mandatory,
            mandatory_from: m.mandatory_from.map(|d| d.to_string()),
            enquiry_deadline: m.enquiry_deadline.map(|d| d.to_string()),
        })
        .collect())
}

pub(crate) fn flat(r: &StandardRecord, lang: Lang) -> Vec<String> {
    let d = &r.draft;
    let yes_no = if r.mandatory {
        I18n::get().t(lang, "yes")
    } else {
        I18n::get().t(lang, "no")
    };
    vec![
        d.body.clone(),
        d.number.clone(),
        d.year.clone(),
        d.edition.clone(),
        d.title_fa.clone(),
        d.title_en.clone(),
        d.title_vi.clone(),
        d.scope_fa.clone(),
        d.scope_en.clone(),
        d.scope_vi.clone(),
        d.ics.clone(),
        d.products
            .iter()
            .map(|p| p.hs_code.clone())
            .collect::<Vec<_>>()
            .join(" "),
        r.status.clone(),
        yes_no,
        r.mandatory_from.clone().unwrap_or_default(),
    ]
}

fn attachment(ctype: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, ctype.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub(crate) fn headers(lang: Lang) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|(_, label, _)| I18n::get().t(lang, label))
        .collect()
}

async fn export_csv(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let rows: Vec<Vec<String>> = selected(&s, &ctx, &q)
        .await?
        .iter()
        .map(|r| flat(r, ctx.lang))
        .collect();
    Ok(attachment(
        "text/csv; charset=utf-8",
        "standards.csv",
        tashil_sheets::write_csv(&headers(ctx.lang), &rows),
    ))
}

async fn export_xlsx(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let rows: Vec<Vec<ExportCell>> = selected(&s, &ctx, &q)
        .await?
        .iter()
        .map(|r| {
            flat(r, ctx.lang)
                .into_iter()
                .map(ExportCell::Text)
                .collect()
        })
        .collect();
    let body = tashil_sheets::write_xlsx("standards", &headers(ctx.lang), &rows, ctx.lang.is_rtl())
        .map_err(AppError::internal)?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "standards.xlsx",
        body,
    ))
}

async fn export_json(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let recs = selected(&s, &ctx, &q).await?;
    let body = serde_json::to_vec_pretty(&recs).map_err(AppError::internal)?;
    Ok(attachment("application/json", "standards.json", body))
}

/// For the CLI: every standard, as JSON records.
pub async fn all_records(db: &DatabaseConnection) -> Result<Vec<StandardRecord>, DbErr> {
    let mut out = vec![];
    let mut after = 0i64;
    loop {
        let rows = standard::Entity::find()
            .filter(standard::Column::Id.gt(after))
            .order_by_asc(standard::Column::Id)
            .limit(1000)
            .all(db)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(out);
        };
        after = last.id;
        out.extend(records_of(db, rows).await?);
    }
}
