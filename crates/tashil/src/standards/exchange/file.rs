//! An export as a file: CSV and XLSX in the flat shape of `columns` (headed in the reader's
//! language), JSON as the full records. The pages and `tashil export standards` write alike.

use tashil_sheets::ExportCell;

use super::StandardRecord;
use super::columns::{flat, headers};
use crate::i18n::Lang;

/// The shapes an export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
}

impl ExportFormat {
    /// By a file name's extension; CSV when it names neither XLSX nor JSON.
    pub fn of_file(path: &std::path::Path) -> Self {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("xlsx") {
            ExportFormat::Xlsx
        } else if ext.eq_ignore_ascii_case("json") {
            ExportFormat::Json
        } else {
            ExportFormat::Csv
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            ExportFormat::Json => "application/json",
        }
    }

    /// The name a download is saved under.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "standards.csv",
            ExportFormat::Xlsx => "standards.xlsx",
            ExportFormat::Json => "standards.json",
        }
    }
}

/// `records` as a file of `format`, sheets headed in `lang`.
pub fn export_file(
    records: &[StandardRecord],
    format: ExportFormat,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let rows = || records.iter().map(|r| flat(r, lang));
    Ok(match format {
        ExportFormat::Json => serde_json::to_vec_pretty(records)?,
        ExportFormat::Csv => tashil_sheets::write_csv(&headers(lang), &rows().collect::<Vec<_>>()),
        ExportFormat::Xlsx => {
            let cells: Vec<Vec<ExportCell>> = rows()
                .map(|r| r.into_iter().map(ExportCell::Text).collect())
                .collect();
            tashil_sheets::write_xlsx("standards", &headers(lang), &cells, lang.is_rtl())
                .map_err(|e| anyhow::anyhow!("{e:?}"))?
        }
    })
}
