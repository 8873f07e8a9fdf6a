//! The word tokenizer of both analyzers.

use icu::properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu::properties::{CodePointMapData, CodePointMapDataBorrowed};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

#[cfg(doc)]
use super::WORD_PATTERN;
use super::ZWNJ;

const GC: CodePointMapDataBorrowed<'static, GeneralCategory> =
    CodePointMapData::<GeneralCategory>::new();

/// A character of [`WORD_PATTERN`] (`zwnj`: whether the ZWNJ counts as one).
pub(crate) fn is_word_char(c: char, zwnj: bool) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if c == ZWNJ {
        return zwnj;
    }
    let gc = GC.get(c);
    GeneralCategoryGroup::Letter.contains(gc)
        || GeneralCategoryGroup::Number.contains(gc)
        || GeneralCategoryGroup::Mark.contains(gc)
}

/// The maximal runs of [`WORD_PATTERN`], as tantivy's `RegexTokenizer` over that
/// pattern finds them (a test checks they agree), without its cost: that tokenizer
/// clones its `Regex` for every text, and a cloned regex rebuilds its lazy DFA for
/// these large Unicode classes. Measured: 80% of indexing time and about 14 ms of
/// every search went there.
#[derive(Clone, Debug, Default)]
pub struct WordTokenizer {
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

pub struct WordStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

/// The next word of `text` at or after byte `from`: its byte range.
pub(crate) fn next_word(text: &str, from: usize, zwnj: bool) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let start = from + rest.find(|c| is_word_char(c, zwnj))?;
    let end = text[start..]
        .find(|c| !is_word_char(c, zwnj))
        .map_or(text.len(), |i| start + i);
    Some((start, end))
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, end)) = next_word(self.text, self.cursor, true) else {
            self.cursor = self.text.len();
            return false;
        };
        self.cursor = end;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
