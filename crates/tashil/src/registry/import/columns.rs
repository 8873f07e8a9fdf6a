//! The import's columns: recognised by their key or by their label in any of the three
//! languages (so a sheet exported in Persian imports back), in any orthography.

use std::collections::HashMap;

use tashil_reference::LegacyProvince;
use tashil_sheets::{Cell, Row};
use tashil_text::normalize::search_key;

use super::{ImportReport, Issue, issue};
use crate::i18n::{I18n, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    NationalId,
    NameFa,
    NameEn,
    NameVi,
    Province,
    City,
    IsicClass,
    SizeClass,
    KnowledgeBased,
    Status,
    ProductName,
    ProductHs,
    QcName,
    QcCode,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::NationalId,
        Column::NameFa,
        Column::NameEn,
        Column::NameVi,
        Column::Province,
        Column::City,
        Column::IsicClass,
        Column::SizeClass,
        Column::KnowledgeBased,
        Column::Status,
        Column::ProductName,
        Column::ProductHs,
        Column::QcName,
        Column::QcCode,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::NationalId => "national_id",
            Column::NameFa => "name_fa",
            Column::NameEn => "name_en",
            Column::NameVi => "name_vi",
            Column::Province => "province",
            Column::City => "city",
            Column::IsicClass => "isic_class",
            Column::SizeClass => "size_class",
            Column::KnowledgeBased => "knowledge_based",
            Column::Status => "status",
            Column::ProductName => "product_name",
            Column::ProductHs => "hs_code",
            Column::QcName => "qc_manager_name",
            Column::QcCode => "qc_manager_code",
        }
    }

    /// Columns a file must have. At least one name column is also required (checked per row:
    /// the name in the province's language).
    pub fn required(self) -> bool {
        matches!(
            self,
            Column::NationalId
                | Column::Province
                | Column::City
                | Column::IsicClass
                | Column::SizeClass
        )
    }
}

/// The column header in `lang` (exports write these; imports read them back).
pub fn header_label(c: Column, lang: Lang) -> String {
    I18n::get().t(lang, &format!("field-{}", c.key().replace('_', "-")))
}

/// Which field of [`UnitDraft`](crate::registry::UnitDraft) errors map to which column.
pub fn column_of_field(field: &str) -> Option<Column> {
    let base = field.rsplit('.').next().unwrap_or(field);
    Some(match (field.split('[').next().unwrap_or(field), base) {
        ("products", "name") => Column::ProductName,
        ("products", "hs_code") => Column::ProductHs,
        ("qc_managers", "full_name") => Column::QcName,
        ("qc_managers", "national_code") => Column::QcCode,
        (_, other) => Column::ALL.into_iter().find(|c| c.key() == other)?,
    })
}

pub struct ColumnMap {
    index: HashMap<Column, usize>,
    missing: Vec<Column>,
}

impl ColumnMap {
    /// No column was recognised.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn is_missing(&self, c: Column) -> bool {
        self.missing.contains(&c)
    }

    pub fn index(&self, c: Column) -> Option<usize> {
        self.index.get(&c).copied()
    }

    /// The cell's text as `tashil_sheets::Cell::as_text` renders it (integral numbers without `.0`).
    pub fn text(&self, row: &Row, c: Column) -> String {
        match self.index(c).and_then(|i| row.cells.get(i)) {
            None | Some(Cell::Empty) => String::new(),
            Some(cell) => cell.as_text(),
        }
    }
}

fn aliases() -> HashMap<String, Column> {
    let mut m = HashMap::new();
    for c in Column::ALL {
        m.insert(search_key(c.key()), c);
        m.insert(search_key(&c.key().replace('_', " ")), c);
        for lang in Lang::ALL {
            m.insert(search_key(&header_label(c, lang)), c);
        }
    }
    m
}

/// Maps the header row to columns. A row in which no column is recognised is a problem of
/// the file (another sheet, or a title above the table), reported once and naming the sheet,
/// rather than as every required column missing.
pub fn map_headers(
    headers: &[String],
    header_row: usize,
    sheet: Option<&str>,
    report: &mut ImportReport,
) -> ColumnMap {
    let aliases = aliases();
    let known = headers.iter().any(|h| aliases.contains_key(&search_key(h)));
    if !known {
        let mut e = Issue::file("no_known_columns");
        e.detail = sheet.map(str::to_string);
        report.errors.push(e);
        return ColumnMap {
            index: HashMap::new(),
            missing: Column::ALL.to_vec(),
        };
    }
    let mut index = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let key = search_key(h);
        if key.is_empty() {
            continue;
        }
        match aliases.get(&key) {
            Some(c) if index.contains_key(c) => {
                report.errors.push(issue(
                    header_row,
                    Some(i),
                    Some(h.clone()),
                    "duplicate_column",
                ));
            }
            Some(c) => {
                index.insert(*c, i);
            }
            None => report.warnings.push(issue(
                header_row,
                Some(i),
                Some(h.clone()),
                "unknown_column",
            )),
        }
    }
    let mut missing = vec![];
    for c in Column::ALL {
        if c.required() && !index.contains_key(&c) {
            missing.push(c);
            report.errors.push(issue(
                header_row,
                None,
                Some(c.key().to_string()),
                "missing_column",
            ));
        }
    }
    if ![Column::NameFa, Column::NameVi, Column::NameEn]
        .iter()
        .any(|c| index.contains_key(c))
    {
        report.errors.push(issue(
            header_row,
            None,
            Some("name_fa".into()),
            "missing_column",
        ));
        missing.extend([Column::NameFa, Column::NameVi, Column::NameEn]);
    }
    ColumnMap { index, missing }
}

/// Translated choices (`size-small`, «کوچک», "nhỏ"…) and province names back to their keys,
/// folded once per import rather than once per row.
pub struct Choices {
    sizes: HashMap<String, &'static str>,
    statuses: HashMap<String, &'static str>,
    yes: Vec<String>,
    provinces: HashMap<String, (String, Option<&'static LegacyProvince>)>,
}

impl Choices {
    pub fn new() -> Self {
        let table = |prefix: &str, keys: &[&'static str]| {
            let mut m = HashMap::new();
            for key in keys {
                m.insert(search_key(key), *key);
                for lang in Lang::ALL {
                    m.insert(
                        search_key(&I18n::get().t(lang, &format!("{prefix}-{key}"))),
                        *key,
                    );
                }
            }
            m
        };
        let mut yes: Vec<String> = ["1", "true", "yes", "y", "x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        yes.extend(
            Lang::ALL
                .iter()
                .map(|l| search_key(&I18n::get().t(*l, "yes"))),
        );
        Choices {
            sizes: table("size", &["micro", "small", "medium", "large"]),
            statuses: table("status", &["active", "idle", "closed"]),
            yes,
            provinces: HashMap::new(),
        }
    }

    fn pick(map: &HashMap<String, &'static str>, raw: &str) -> String {
        let k = search_key(raw);
        match map.get(&k) {
            Some(v) => v.to_string(),
            None => raw.trim().to_string(),
        }
    }

    pub fn size(&self, raw: &str) -> String {
        Self::pick(&self.sizes, raw)
    }

    pub fn status(&self, raw: &str) -> String {
        Self::pick(&self.statuses, raw)
    }

    pub fn yes(&self, raw: &str) -> bool {
        self.yes.contains(&search_key(raw))
    }

    /// A province as written (code, or name in any language, or a former Vietnamese
    /// province) to its current code, with the former province when the name was one of
    /// those merged in 2025; unknown text passes through for the validator to report.
    pub fn province(&mut self, raw: &str) -> (String, Option<&'static LegacyProvince>) {
        let t = raw.trim();
        if let Some(found) = self.provinces.get(t) {
            return found.clone();
        }
        let found = match tashil_reference::province(&t.to_uppercase()) {
            Some(p) => (p.code.to_string(), None),
            None => match tashil_reference::find_province(t) {
                Some(m) => (
                    m.province().code.to_string(),
                    m.legacy().filter(|was| !was.unchanged()),
                ),
                None => (t.to_string(), None),
            },
        };
        self.provinces.insert(t.to_string(), found.clone());
        found
    }
}
