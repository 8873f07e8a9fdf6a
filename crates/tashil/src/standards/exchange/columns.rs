//! The flat shape of a catalogue sheet (one standard per row, products as a list of HS codes):
//! its columns, their headers in any of the three languages, and a record as a row.

use crate::i18n::{I18n, Lang};
use crate::kernel::import::{ImportReport, Issue};

use super::StandardRecord;

/// The flat columns, in export order. `label` is the message key of the header.
pub(super) const COLUMNS: [(&str, &str, bool); 16] = [
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
    ("mandatory_in", "field-mandatory-country", false),
];

fn fold(s: &str) -> String {
    tashil_text::normalize::search_key(s).replace([' ', '_', '-'], "")
}

/// Which column each header names: its key, or its label in any of the three languages.
pub(super) fn map_headers(headers: &[String], report: &mut ImportReport) -> Vec<Option<usize>> {
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

pub(super) fn issue(
    row: usize,
    column: Option<usize>,
    header: Option<String>,
    code: &str,
) -> Issue {
    Issue::at(
        row,
        column.map(tashil_sheets::Table::column_letter),
        header,
        code,
    )
}

pub(super) fn yes(s: &str) -> Option<bool> {
    match fold(s).as_str() {
        "" | "no" | "false" | "0" | "خیر" | "نه" | "khong" => Some(false),
        "yes" | "true" | "1" | "بله" | "اری" | "co" => Some(true),
        _ => None,
    }
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
        r.mandatory_in.join(" "),
    ]
}

pub(crate) fn headers(lang: Lang) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|(_, label, _)| I18n::get().t(lang, label))
        .collect()
}

pub(super) fn column_help(lang: Lang) -> Vec<(String, bool)> {
    COLUMNS
        .iter()
        .map(|(_, label, req)| (I18n::get().t(lang, label), *req))
        .collect()
}
