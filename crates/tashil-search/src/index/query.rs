//! From what the user typed to a tantivy query.
//!
//! Semantics (each rule exists so that a spelling variant does not change the result):
//! - The text is cut into words at anything but letters, marks and digits; a ZWNJ
//!   cuts too, so «دانش‌بنیان» is read like «دانش بنیان». Each word is folded like
//!   the index ([`search_key`]).
//! - A detached Persian affix is merged into its host with the same [`Joiner`] the
//!   index uses: «برنامه های», «برنامه‌های» and «برنامههای» all become the one word
//!   «برنامههای», which the index holds for each of the three spellings.
//! - Every word must match (AND) in the titles, the scope or the designation text
//!   (one field, titles counted twice). A Persian word is also satisfied by its
//!   join with the Persian word before or after it («دانش بنیان» finds «دانشبنیان»).
//! - The last word is also a prefix (search as you type), expanded through the term
//!   dictionary to at most [`MAX_EXPANSIONS`] terms, the most frequent first (at
//!   most [`SCAN_LIMIT`] entries read per segment). When the last word was merged as
//!   an affix, the host followed by a word starting with it is also accepted («روغن
//!   تر» may still become «روغن ترمز»).
//! - A query that is a designation matches its exact keys with a constant score far
//!   above any text score; a bare number matches the number-only key.
//! - Words spelled with the same diacritics as the document add a small score.

use std::collections::{HashMap, HashSet};

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhrasePrefixQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};
use tashil_text::normalize::search_key;

use super::schema::Fields;
use crate::analyzer::{Joiner, MAX_WORD_BYTES, analyze_exact, is_blank_gap, is_persian, next_word};
use crate::designation;

/// Words beyond this many are ignored: a pasted paragraph must not cost more than a
/// title.
const MAX_WORDS: usize = 12;
/// Terms one prefix may expand to.
pub(crate) const MAX_EXPANSIONS: usize = 48;
/// Dictionary entries read per segment to choose them.
const SCAN_LIMIT: usize = 512;

/// A term found by prefix expansion counts less than the word itself (a rare longer
/// word would otherwise outrank the word typed, through its IDF).
const EXPANSION_WEIGHT: f32 = 0.5;
const EXACT_BOOST: f32 = 1.0;
const BARE_NUMBER_SCORE: f32 = 400.0;

/// A query word after affix merging.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    pub text: String,
    /// When the group's last word was merged as an affix: the host and the affix.
    pub merged: Option<(String, String)>,
}

/// Folded, merged words of `q` (see the module documentation).
pub(crate) fn groups(q: &str) -> Vec<Group> {
    let mut out: Vec<Group> = vec![];
    let mut joiner = Joiner::default();
    let mut prev_end: Option<usize> = None;
    let mut at = 0;
    // The index's words, except that a ZWNJ separates here.
    while let Some((start, end)) = next_word(q, at, false) {
        at = end;
        let raw = &q[start..end];
        let blank_gap = prev_end.is_some_and(|e| is_blank_gap(&q[e..start]));
        prev_end = Some(end);
        let word = search_key(raw);
        if word.is_empty() || raw.len() > MAX_WORD_BYTES {
            joiner.reset();
            continue;
        }
        match joiner.push(&word, start, blank_gap) {
            Some((joined, _)) if !out.is_empty() => {
                let last = out.last_mut().expect("not empty");
                let host = std::mem::replace(&mut last.text, joined);
                last.merged = Some((host, word));
            }
            _ => {
                if out.len() == MAX_WORDS {
                    break;
                }
                out.push(Group {
                    text: word,
                    merged: None,
                });
            }
        }
    }
    out
}

/// What to highlight in the text of a hit.
#[derive(Debug, Default, Clone)]
pub(crate) struct Highlight {
    pub terms: HashSet<String>,
    pub prefixes: Vec<String>,
}

impl Highlight {
    pub fn matches(&self, token: &str) -> bool {
        self.terms.contains(token) || self.prefixes.iter().any(|p| token.starts_with(p.as_str()))
    }
}

pub(crate) struct Built {
    pub query: Box<dyn Query>,
    pub highlight: Highlight,
}

/// The query for `q`, `None` when `q` has no word (browse).
pub(crate) fn build(searcher: &Searcher, f: &Fields, q: &str) -> tantivy::Result<Option<Built>> {
    let groups = groups(q);
    if groups.is_empty() {
        return Ok(None);
    }
    let mut highlight = Highlight::default();
    let n = groups.len();
    let mut musts: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(n);
    for (i, g) in groups.iter().enumerate() {
        let last = i + 1 == n;
        // (term, is a prefix)
        let mut alternatives = vec![(g.text.clone(), last)];
        if i > 0 && is_persian(&groups[i - 1].text) && is_persian(&g.text) {
            alternatives.push((format!("{}{}", groups[i - 1].text, g.text), last));
        }
        if i + 1 < n && is_persian(&g.text) && is_persian(&groups[i + 1].text) {
            alternatives.push((format!("{}{}", g.text, groups[i + 1].text), i + 2 == n));
        }
        let mut shoulds: Vec<(Occur, Box<dyn Query>)> = vec![];
        for (term, prefix) in &alternatives {
            highlight.terms.insert(term.clone());
            if *prefix {
                highlight.prefixes.push(term.clone());
            }
            shoulds.push(should(term_query(f.text, term, 1.0)));
            if *prefix {
                for expanded in expand(searcher, f.text, term)? {
                    shoulds.push(should(term_query(f.text, &expanded, EXPANSION_WEIGHT)));
                }
            }
        }
        // The plural suffix family (ها، های، هایی…) almost never begins another word, and
        // the phrase costs a read of the host's positions in every document that has it
        // (~13 ms for «ویژگی‌ها» at 200k standards): keep the phrase for the short affixes
        // that also start words («روغن تر» → «روغن ترمز»).
        let ambiguous = |a: &str| !a.starts_with("ها");
        if let (true, Some((host, affix))) = (last, &g.merged)
            && ambiguous(affix)
        {
            highlight.terms.insert(host.clone());
            highlight.prefixes.push(affix.clone());
            let mut phrase = PhrasePrefixQuery::new(vec![
                Term::from_field_text(f.text, host),
                Term::from_field_text(f.text, affix),
            ]);
            phrase.set_max_expansions(MAX_EXPANSIONS as u32);
            shoulds.push(should(Box::new(BoostQuery::new(
                Box::new(phrase),
                EXPANSION_WEIGHT,
            ))));
        }
        let clause: Box<dyn Query> = if shoulds.len() == 1 {
            shoulds.pop().expect("one").1
        } else {
            Box::new(BooleanQuery::new(shoulds))
        };
        musts.push((Occur::Must, clause));
    }
    let text: Box<dyn Query> = Box::new(BooleanQuery::new(musts));

    let mut designations: Vec<(Occur, Box<dyn Query>)> = vec![];
    if let Some(d) = designation::parse(q) {
        for (key, score) in d.query_keys() {
            designations.push(should(key_query(f.dkey, &key, score)));
        }
    }
    if let Some(number) = designation::bare_number(q) {
        designations.push(should(key_query(f.dkey, &number, BARE_NUMBER_SCORE)));
    }
    let main: Box<dyn Query> = if designations.is_empty() {
        text
    } else {
        designations.push(should(text));
        Box::new(BooleanQuery::new(designations))
    };

    let mut top = vec![(Occur::Must, main)];
    let mut seen = HashSet::new();
    for word in analyze_exact(q).into_iter().take(MAX_WORDS) {
        if seen.insert(word.clone()) {
            top.push(should(term_query(f.exact, &word, EXACT_BOOST)));
        }
    }
    Ok(Some(Built {
        query: Box::new(BooleanQuery::new(top)),
        highlight,
    }))
}

fn should(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Should, q)
}

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let q = Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ));
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn key_query(field: Field, key: &str, score: f32) -> Box<dyn Query> {
    let q = TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::Basic);
    Box::new(ConstScoreQuery::new(Box::new(q), score))
}

/// Up to [`MAX_EXPANSIONS`] longer terms of `field` starting with `prefix`, the most
/// frequent first, reading at most [`SCAN_LIMIT`] dictionary entries per segment.
pub(crate) fn expand(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
) -> tantivy::Result<Vec<String>> {
    let mut freq: HashMap<Vec<u8>, u64> = HashMap::new();
    let mut upper = prefix.as_bytes().to_vec();
    // No UTF-8 sequence contains 0xFF: every term starting with `prefix` sorts below.
    upper.push(0xFF);
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .gt(prefix)
            .lt(&upper)
            .into_stream()?;
        let mut read = 0;
        while read < SCAN_LIMIT && stream.advance() {
            *freq.entry(stream.key().to_vec()).or_default() += u64::from(stream.value().doc_freq);
            read += 1;
        }
    }
    let mut terms: Vec<(Vec<u8>, u64)> = freq.into_iter().collect();
    terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(terms
        .into_iter()
        .take(MAX_EXPANSIONS)
        .filter_map(|(t, _)| String::from_utf8(t).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &str) -> Vec<String> {
        groups(q).into_iter().map(|g| g.text).collect()
    }

    #[test]
    fn affixes_merge_like_the_index() {
        for q in [
            "برنامه‌های تحولی",
            "برنامه های تحولی",
            "برنامههای تحولی",
            "برنامه‌هاي تحولي",
        ] {
            assert_eq!(texts(q), ["برنامههای", "تحولی"], "{q}");
        }
        assert_eq!(texts("می‌شود"), ["میشود"]);
        assert_eq!(texts("نمی توان"), ["نمیتوان"]);
        assert_eq!(texts("دانش‌بنیان"), ["دانش", "بنیان"]);
        assert_eq!(texts("ISO ۹۰۰۱:2015"), ["iso", "9001", "2015"]);
        let g = groups("روغن تر");
        assert_eq!(g[0].merged, Some(("روغن".into(), "تر".into())));
    }

    #[test]
    fn query_words_are_capped() {
        let long = "کلمه ".repeat(40);
        assert_eq!(groups(&long).len(), MAX_WORDS);
        assert!(groups("  ؟!  ").is_empty());
    }
}
