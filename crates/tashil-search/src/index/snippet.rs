//! Highlighted pieces of a hit's title and scope, as plain text pieces (the app
//! escapes and renders them; no HTML here).

use serde::{Deserialize, Serialize};

use super::query::Highlight;
use crate::analyzer::folded_tokens;

/// Text pieces in order; `true` marks a piece that matched the query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub fragments: Vec<(String, bool)>,
}

impl Snippet {
    /// The text without highlighting.
    pub fn text(&self) -> String {
        self.fragments.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// The highlighted pieces.
    pub fn highlighted(&self) -> Vec<&str> {
        self.fragments
            .iter()
            .filter(|(_, h)| *h)
            .map(|(t, _)| t.as_str())
            .collect()
    }
}

/// Scope text read for a snippet: matches further in are not looked for.
const SCOPE_SCAN_BYTES: usize = 16_384;
/// Characters of scope shown before the first match and in all.
const SCOPE_BEFORE: usize = 60;
const SCOPE_CHARS: usize = 240;
const ELLIPSIS: &str = "…";

/// Byte ranges of `text` whose tokens match, merged, in order.
fn hits(text: &str, highlight: &Highlight) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = folded_tokens(text)
        .into_iter()
        .filter(|t| highlight.matches(&t.text))
        .map(|t| (t.offset_from, t.offset_to))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = vec![];
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

fn pieces(text: &str, ranges: &[(usize, usize)], start: usize, end: usize) -> Vec<(String, bool)> {
    let mut out = vec![];
    let mut at = start;
    for &(from, to) in ranges {
        let (from, to) = (from.max(start), to.min(end));
        if from >= to {
            continue;
        }
        if from > at {
            out.push((text[at..from].to_owned(), false));
        }
        out.push((text[from..to].to_owned(), true));
        at = to;
    }
    if at < end {
        out.push((text[at..end].to_owned(), false));
    }
    out
}

/// The whole title with its matches marked.
pub(crate) fn title(text: &str, highlight: &Highlight) -> Snippet {
    Snippet {
        fragments: pieces(text, &hits(text, highlight), 0, text.len()),
    }
}

/// A window of the scope around its first match; `None` when nothing matches.
pub(crate) fn scope(text: &str, highlight: &Highlight) -> Option<Snippet> {
    let scanned = &text[..floor_boundary(text, SCOPE_SCAN_BYTES)];
    let ranges = hits(scanned, highlight);
    let &(first, _) = ranges.first()?;
    // Never past the match itself (a long run without spaces before it).
    let start = word_start(scanned, back_chars(scanned, first, SCOPE_BEFORE)).min(first);
    let end = word_end(text, forward_chars(text, start, SCOPE_CHARS));
    let mut fragments = pieces(scanned, &ranges, start, end.min(scanned.len()));
    if end > scanned.len() {
        fragments.push((text[scanned.len()..end].to_owned(), false));
    }
    if start > 0 {
        fragments.insert(0, (ELLIPSIS.to_owned(), false));
    }
    if end < text.len() {
        fragments.push((ELLIPSIS.to_owned(), false));
    }
    Some(Snippet { fragments })
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

/// Moves a window start forward to the next word start (unless at the text start).
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) => {
            let ws = at + i;
            let next = text[ws..]
                .find(|c: char| !c.is_whitespace())
                .map_or(text.len(), |j| ws + j);
            next.min(text.len())
        }
        None => at,
    }
}

/// Moves a window end back to the end of the last whole word.
fn word_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(i) if i > 0 => i,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(terms: &[&str], prefixes: &[&str]) -> Highlight {
        Highlight {
            terms: terms.iter().map(|s| s.to_string()).collect(),
            prefixes: prefixes.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn title_marks_folded_matches() {
        let s = title("Tiêu chuẩn chất lượng", &hl(&["chuan"], &["chat"]));
        assert_eq!(
            s.fragments,
            [
                ("Tiêu ".to_string(), false),
                ("chuẩn".to_string(), true),
                (" ".to_string(), false),
                ("chất".to_string(), true),
                (" lượng".to_string(), false)
            ]
        );
        let s = title("برنامه های تحولی", &hl(&["برنامههای"], &[]));
        assert_eq!(s.highlighted(), ["برنامه های"]);
        assert_eq!(
            title("abc", &hl(&[], &[])).fragments,
            [("abc".to_string(), false)]
        );
    }

    #[test]
    fn scope_window_around_first_match() {
        let text = format!("{} needle {}", "word ".repeat(100), "tail ".repeat(100));
        let s = scope(&text, &hl(&["needle"], &[])).unwrap();
        assert_eq!(s.fragments.first().unwrap().0, ELLIPSIS);
        assert_eq!(s.fragments.last().unwrap().0, ELLIPSIS);
        assert_eq!(s.highlighted(), ["needle"]);
        assert!(s.text().chars().count() <= SCOPE_CHARS + 2);
        assert!(scope("nothing here", &hl(&["needle"], &[])).is_none());
        let short = scope("a needle", &hl(&["needle"], &[])).unwrap();
        assert_eq!(short.text(), "a needle");
        let glued = format!("{}-needle tail", "x".repeat(80));
        let s = scope(&glued, &hl(&["needle"], &[])).unwrap();
        assert_eq!(s.highlighted(), ["needle"]);
    }
}
