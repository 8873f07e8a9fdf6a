//! The words a unit is found by: folded (`search_key`) words of its three names and its
//! national ID. A Persian word joined by ZWNJ is indexed whole and by its parts, so
//! «دانش‌بنیان», «دانشبنیان» and «بنیان» all find it.

use std::collections::BTreeSet;

use tashil_text::normalize::{search_key, search_tokens};

const MAX_TERM_CHARS: usize = 64;

pub fn unit_terms(names: &[&str], national_id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for name in names {
        for word in name.split_whitespace() {
            if word.contains('\u{200c}') {
                for part in word.split('\u{200c}') {
                    out.extend(search_tokens(part));
                }
            }
        }
        out.extend(search_tokens(name));
    }
    let id = search_key(national_id);
    if !id.is_empty() {
        out.insert(id.replace([' ', '-'], ""));
    }
    out.retain(|t| !t.is_empty() && t.chars().count() <= MAX_TERM_CHARS);
    out
}

/// The query's words, folded the same way; each must prefix-match some term of a unit.
pub fn query_terms(q: &str) -> Vec<String> {
    let mut v: Vec<String> = search_tokens(q)
        .into_iter()
        .map(|t| t.chars().take(MAX_TERM_CHARS).collect())
        .collect();
    v.dedup();
    v.truncate(8);
    v
}
