//! The fields of the catalogue index and how a [`StandardDoc`] fills them.

use std::collections::BTreeSet;

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::{StandardDoc, collect};
use crate::analyzer::{EXACT, FOLDED};
use crate::designation::{self, Body, Designation};

/// Handles of every field.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub id: Field,
    /// "INSO" … raw, for the filter and the facet.
    pub body: Field,
    pub status: Field,
    pub mandatory: Field,
    /// The ICS codes as given (stored only).
    pub ics: Field,
    /// Every level of every ICS code ("91", "91.100", "91.100.10"): the prefix filter.
    pub ics_path: Field,
    /// First levels ("91"): the facet, for values the packed words cannot hold.
    pub ics_top: Field,
    /// Facet values packed for the collector (see `collect::pack`).
    pub facet_hi: Field,
    pub facet_lo: Field,
    /// Browse order (body, then number numerically).
    pub rank: Field,
    /// Display designation (stored only).
    pub designation: Field,
    pub title_fa: Field,
    pub title_en: Field,
    pub title_vi: Field,
    /// Scope text (stored only, for snippets).
    pub scope: Field,
    /// Everything a word may match, folded: the three titles (each twice, so that
    /// BM25 ranks a title match above a scope match), the designation words («tcvn»,
    /// «5699», «1», «2010») and the scope. One field, so that a query word is one
    /// posting list and an AND of words a fast intersection: a union per word over
    /// separate title, scope and number fields cost twice as much on common words.
    pub text: Field,
    /// Titles and scope with diacritics: ranking only.
    pub exact: Field,
    /// Exact-match designation keys ([`Designation::keys`]).
    pub dkey: Field,
}

fn text(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_i64_field("id", INDEXED | STORED | FAST),
        body: b.add_text_field("body", STRING | FAST | STORED),
        status: b.add_text_field("status", STRING | FAST | STORED),
        mandatory: b.add_bool_field("mandatory", INDEXED | STORED),
        ics: b.add_text_field("ics", STORED),
        ics_path: b.add_text_field("ics_path", STRING | FAST),
        ics_top: b.add_text_field("ics_top", STRING | FAST),
        facet_hi: b.add_u64_field("facet_hi", FAST),
        facet_lo: b.add_u64_field("facet_lo", FAST),
        rank: b.add_u64_field("rank", FAST),
        designation: b.add_text_field("designation", STORED),
        title_fa: b.add_text_field("title_fa", STORED),
        title_en: b.add_text_field("title_en", STORED),
        title_vi: b.add_text_field("title_vi", STORED),
        scope: b.add_text_field("scope", STORED),
        // Positions: the phrase-prefix for a detached suffix being typed needs them
        // (see query.rs).
        text: b.add_text_field(
            "text",
            text(FOLDED, IndexRecordOption::WithFreqsAndPositions),
        ),
        exact: b.add_text_field("exact", text(EXACT, IndexRecordOption::WithFreqs)),
        dkey: b.add_text_field("dkey", STRING),
    };
    (b.build(), fields)
}

/// "INSO" for any alias of a known body, the trimmed upper-case text otherwise.
pub(crate) fn normalize_body(body: &str) -> String {
    match body.parse::<Body>() {
        Ok(b) => b.as_str().to_owned(),
        Err(_) => body.trim().to_uppercase(),
    }
}

/// An ICS code with ASCII digits, no stray dots or spaces, and a two-digit field:
/// "۹۱.۱۰۰" → "91.100", "1.040" → "01.040".
pub(crate) fn normalize_ics(code: &str) -> String {
    let code = tashil_text::digits::to_ascii_digits(code)
        .trim()
        .trim_matches('.')
        .replace(' ', "");
    let field_len = code.find('.').unwrap_or(code.len());
    if field_len == 1 && code.as_bytes()[0].is_ascii_digit() {
        format!("0{code}")
    } else {
        code
    }
}

/// The designation read from the structured fields, else from the display form.
fn designations(doc: &StandardDoc) -> Vec<Designation> {
    let mut out = vec![];
    let structured = format!("{} {}", doc.body, doc.number);
    if let Some(mut d) = designation::parse(&structured) {
        d.year = d.year.or(doc.year);
        out.push(d);
    } else if let Ok(body) = doc.body.parse::<Body>() {
        // A number the parser does not read (letters, odd punctuation) still gets
        // its exact keys.
        out.push(Designation {
            body,
            number: doc.number.trim().to_owned(),
            year: doc.year,
        });
    }
    if let Some(d) = designation::parse(&doc.designation)
        && !out.contains(&d)
    {
        out.push(d);
    }
    out
}

pub(crate) fn to_document(f: &Fields, doc: &StandardDoc) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_i64(f.id, doc.id);
    let body = normalize_body(&doc.body);
    let status = doc.status.trim().to_lowercase();
    d.add_text(f.body, &body);
    d.add_text(f.status, &status);
    d.add_bool(f.mandatory, doc.mandatory);

    let mut paths = BTreeSet::new();
    let mut tops = BTreeSet::new();
    for code in &doc.ics {
        let code = normalize_ics(code);
        if code.is_empty() {
            continue;
        }
        d.add_text(f.ics, &code);
        let mut end = 0;
        for (i, level) in code.split('.').enumerate() {
            end += level.len() + usize::from(i > 0);
            paths.insert(code[..end].to_owned());
            if i == 0 {
                tops.insert(level.to_owned());
            }
        }
    }
    for p in paths {
        d.add_text(f.ics_path, p);
    }
    let (hi, lo) = collect::pack(&body, &status, doc.mandatory, &tops);
    d.add_u64(f.facet_hi, hi);
    d.add_u64(f.facet_lo, lo);
    for t in tops {
        d.add_text(f.ics_top, t);
    }

    let parsed = designations(doc);
    let rank = parsed.first().map_or(u64::MAX, Designation::sort_rank);
    d.add_u64(f.rank, rank);
    let display = if doc.designation.trim().is_empty() {
        parsed.first().map(Designation::display).unwrap_or_default()
    } else {
        doc.designation.clone()
    };
    d.add_text(f.designation, &display);

    let mut keys = BTreeSet::new();
    let mut number_text = BTreeSet::from([display]);
    for des in &parsed {
        keys.extend(des.keys());
        number_text.insert(des.display());
    }
    for t in number_text {
        d.add_text(f.text, t);
    }
    for k in keys {
        d.add_text(f.dkey, k);
    }

    for (stored, value) in [
        (f.title_fa, &doc.title_fa),
        (f.title_en, &doc.title_en),
        (f.title_vi, &doc.title_vi),
    ] {
        d.add_text(stored, value);
        if !value.is_empty() {
            d.add_text(f.text, value);
            d.add_text(f.text, value);
            d.add_text(f.exact, value);
        }
    }
    d.add_text(f.scope, &doc.scope);
    if !doc.scope.is_empty() {
        d.add_text(f.text, &doc.scope);
        d.add_text(f.exact, &doc.scope);
    }
    d
}
