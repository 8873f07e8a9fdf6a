//! Multi-row INSERT for imports and demo data: one statement per chunk, with the same SQL
//! text for every full chunk so both drivers prepare it once. Used where row-by-row ORM
//! inserts would dominate an import of 100k units.

use sea_orm::{ConnectionTrait, DbErr, QueryResult, Statement, Value};

use super::settings::param_sql;

/// Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PARAMS: usize = 30_000;

fn sql(table: &str, columns: &[&str], rows: usize, returning: Option<&str>) -> String {
    let one = format!("({})", vec!["?"; columns.len()].join(", "));
    let mut s = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        columns.join(", "),
        vec![one.as_str(); rows].join(", ")
    );
    if let Some(r) = returning {
        s.push_str(" RETURNING ");
        s.push_str(r);
    }
    s
}

/// Inserts `rows` (each with one value per column), returning the `returning` columns of the
/// inserted rows when asked (in no promised order).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
    returning: Option<&str>,
) -> Result<Vec<QueryResult>, DbErr> {
    let backend = db.get_database_backend();
    let per_chunk = (MAX_PARAMS / columns.len()).max(1);
    let mut out = Vec::new();
    let mut rows = rows.into_iter().peekable();
    let mut cached: Option<(usize, String)> = None;
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Value>> = rows.by_ref().take(per_chunk).collect();
        let n = chunk.len();
        let text = match &cached {
            Some((m, t)) if *m == n => t.clone(),
            _ => {
                let t = param_sql(backend, &sql(table, columns, n, returning));
                cached = Some((n, t.clone()));
                t
            }
        };
        let values: Vec<Value> = chunk.into_iter().flatten().collect();
        let stmt = Statement::from_sql_and_values(backend, text, values);
        if returning.is_some() {
            out.extend(db.query_all_raw(stmt).await?);
        } else {
            db.execute_raw(stmt).await?;
        }
    }
    Ok(out)
}
