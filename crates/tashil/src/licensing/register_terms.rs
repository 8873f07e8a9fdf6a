//! The words a licence is found by in the public register, folded as the registry folds a
//! unit's (`search_key`: ZWNJ, Arabic ي and ك, digit scripts, Vietnamese diacritics): its
//! number whole and in parts, the holder's three names and national ID, each product and
//! brand. A Persian word joined by ZWNJ is indexed whole and by its parts.

use std::collections::BTreeSet;

use tashil_text::normalize::{search_key, search_tokens};

const MAX_TERM_CHARS: usize = 64;
/// Query words looked up; the rest of a long query is ignored.
const MAX_QUERY_TERMS: usize = 6;

/// What a licence states, as its terms need it.
pub(super) struct Stated<'a> {
    pub number: &'a str,
    pub holder: [&'a str; 3],
    pub national_id: &'a str,
    pub products: Vec<&'a str>,
}

fn words(text: &str, out: &mut BTreeSet<String>) {
    for word in text.split_whitespace() {
        if word.contains('\u{200c}') {
            for part in word.split('\u{200c}') {
                out.extend(search_tokens(part));
            }
        }
    }
    out.extend(search_tokens(text));
}

/// A code typed with or without its dashes and spaces finds the same licence.
fn joined(code: &str) -> String {
    search_key(code).replace([' ', '-', '/', '.'], "")
}

pub(super) fn licence_terms(s: &Stated<'_>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    words(s.number, &mut out);
    out.insert(joined(s.number));
    for name in s.holder {
        words(name, &mut out);
    }
    out.insert(joined(s.national_id));
    for p in &s.products {
        words(p, &mut out);
    }
    out.retain(|t| !t.is_empty() && t.chars().count() <= MAX_TERM_CHARS);
    out
}

/// The query's words, folded the same way; each must prefix-match some term of a licence. One
/// word of digits and letters typed with dashes (`SMN-IR-26-14…`) is one code, looked up
/// joined, so its common parts (`IR`, `26`) do not each have to be checked.
pub(super) fn query_terms(q: &str) -> Vec<String> {
    let mut v: Vec<String> = search_tokens(q)
        .into_iter()
        .map(|t| t.chars().take(MAX_TERM_CHARS).collect())
        .collect();
    let q = q.trim();
    if v.len() > 1 && !q.contains(char::is_whitespace) && q.chars().any(|c| c.is_numeric()) {
        let code: String = joined(q).chars().take(MAX_TERM_CHARS).collect();
        return vec![code];
    }
    let mut seen = BTreeSet::new();
    v.retain(|t| seen.insert(t.clone()));
    v.truncate(MAX_QUERY_TERMS);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated() -> BTreeSet<String> {
        licence_terms(&Stated {
            number: "SMN-IR-26-1405000007",
            holder: ["شرکت لبنیات کاله‌پاک", "Kalleh Dairy", "Công ty Sữa Kalleh"],
            national_id: "10102030405",
            products: vec!["شیر پاستوریزه", "کاله", "Sữa tươi"],
        })
    }

    fn finds(q: &str) -> bool {
        let terms = stated();
        query_terms(q)
            .iter()
            .all(|w| terms.iter().any(|t| t.starts_with(w.as_str())))
    }

    #[test]
    fn the_register_finds_a_licence_however_its_words_are_typed() {
        assert!(finds("کاله‌پاک"), "whole, with ZWNJ");
        assert!(finds("کالهپاک"), "whole, without ZWNJ");
        assert!(finds("پاک"), "the part after ZWNJ");
        assert!(finds("شير"), "Arabic yeh");
        assert!(finds("۱۰۱۰۲۰۳۰۴۰۵"), "Persian digits of the national ID");
        assert!(finds("sua tuoi"), "Vietnamese without diacritics");
        assert!(finds("Sữa"), "and with them");
        assert!(finds("kalleh dairy"));
        assert!(finds("1405000007"));
        assert!(!finds("میهن"));
    }

    #[test]
    fn a_licence_number_is_found_with_or_without_its_dashes() {
        let terms = stated();
        assert_eq!(query_terms("smn-ir-26-1405000007"), ["smnir261405000007"]);
        assert!(terms.contains("smnir261405000007"));
        assert!(finds("SMNIR261405000007"));
        assert!(finds("SMN-IR-26"), "a prefix of the number");
        assert!(!finds("SMN-IR-27"));
        assert_eq!(query_terms("شیر پاستوریزه").len(), 2);
    }
}
