//! The two tokenizers of the index and the joining rules they share with the query side.
//!
//! ADR 0003 and `docs/domain.md` ("Scripts, digits and spreadsheets"): copied Persian
//! text loses its ZWNJ or uses Arabic letter forms, writers split detached affixes with
//! a space, users type Vietnamese without diacritics and digits in three scripts. Every
//! such spelling of a word must end up as the same indexed term.
//!
//! - [`FOLDED`]: words ([`WORD_PATTERN`], so a ZWNJ stays inside its word; see
//!   [`WordTokenizer`]), long tokens removed, each word folded with
//!   [`tashil_text::normalize::search_key`] (lower case, no diacritics, ی/ک forms,
//!   ASCII digits, ZWNJ dropped). A word that held a ZWNJ is also emitted as its
//!   parts («دانش‌بنیان» → دانشبنیان, دانش, بنیان). A detached Persian affix is also
//!   emitted joined to its neighbour («برنامه های» → … برنامههای; «می شود» → …
//!   میشود): suffixes ها/های/هایی (+ possessives), تر/ترین after any Persian word,
//!   the clitics ای/ام/ات/اش/ایم/اید/اند after a word ending in «ه», and the
//!   prefixes می/نمی/بی before one.
//! - [`EXACT`]: the same words, lower case and [`tashil_text::normalize::canonical`]
//!   (NFC, so precomposed and decomposed Vietnamese agree) with diacritics kept: an
//!   optional ranking clause puts «bàn» above «bán» when the user typed «bàn».

use std::collections::VecDeque;
use std::sync::LazyLock;

use tantivy::Index;
use tantivy::tokenizer::{
    RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tashil_text::normalize::{canonical, search_key};

/// Name of the folding tokenizer (titles, scope, designation text).
pub const FOLDED: &str = "tashil_folded";
/// Name of the diacritic-keeping tokenizer (ranking only).
pub const EXACT: &str = "tashil_exact";

/// What a word is. Not `SimpleTokenizer`: it splits at the ZWNJ before a filter sees it.
/// [`WordTokenizer`] implements exactly this pattern.
pub const WORD_PATTERN: &str = r"[\p{L}\p{N}\p{M}\x{200C}]+";

/// Tokens longer than this (bytes of the raw word) are dropped, on both sides: they are
/// pasted URLs, hashes or runs of letters, never something a user types back. 96 bytes
/// is 48 Persian letters or 32 Vietnamese letters with stacked marks.
pub(crate) const MAX_WORD_BYTES: usize = 96;

const ZWNJ: char = '\u{200C}';

/// Detached suffixes that Persian spelling attaches with a ZWNJ but writers often
/// separate with a space («برنامه های», «بزرگ تر»). Compared in folded form (so «هاي»
/// is «های»). Only forms that are never words of their own in catalogue text:
/// the plural ها with its ezafe/indefinite yeh and possessive clitics, and the
/// comparative/superlative تر/ترین.
const SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
    "تر",
    "ترین",
];

/// Clitics that are written detached only after a silent final «ه» («ویژه ای»,
/// «شده اند», «خانه اش»). After any other letter they are joined in the same word
/// anyway, and «ای» or «ام» after a consonant is more likely a word being typed, so
/// these only join a host ending in «ه».
const CLITICS_AFTER_HEH: &[&str] = &["ای", "ام", "ات", "اش", "ایم", "اید", "اند"];

/// Detached verbal and negative prefixes («می شود», «نمی توان», «بی کیفیت»).
const PREFIXES: &[&str] = &["می", "نمی", "بی"];

/// True for a folded word written in the Arabic script (Persian text).
pub(crate) fn is_persian(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| {
            matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
                && c.is_alphabetic()
        })
}

/// True when the characters between two words allow them to be one written word split
/// by the writer: spaces, ZWNJ and invisible marks only (no punctuation, no line of
/// other text).
pub(crate) fn is_blank_gap(gap: &str) -> bool {
    gap.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                    | '\u{061C}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// The detached-affix rule, one word at a time, shared by the index (which emits the
/// joined form beside the separate words) and the query (which merges the words into
/// the joined form), so that both always agree on the joined term.
#[derive(Debug, Default, Clone)]
pub(crate) struct Joiner {
    /// The folded word group that a following suffix attaches to.
    group: String,
    group_from: usize,
    /// The previous folded word alone (a prefix attaches to the next word).
    prev: String,
    prev_from: usize,
}

impl Joiner {
    /// Forgets the previous word (after punctuation or a dropped token).
    pub(crate) fn reset(&mut self) {
        self.group.clear();
        self.prev.clear();
    }

    /// Reads the next folded `word` starting at byte `from`; `blank_gap` tells whether
    /// only blanks separate it from the previous word. Returns the joined form and the
    /// offset where it starts when the word attaches to what precedes it.
    pub(crate) fn push(
        &mut self,
        word: &str,
        from: usize,
        blank_gap: bool,
    ) -> Option<(String, usize)> {
        let joined = if !blank_gap || self.prev.is_empty() {
            None
        } else if is_persian(&self.group)
            && (SUFFIXES.contains(&word)
                || (CLITICS_AFTER_HEH.contains(&word) && self.group.ends_with('ه')))
        {
            Some((format!("{}{word}", self.group), self.group_from))
        } else if PREFIXES.contains(&self.prev.as_str()) && is_persian(word) {
            Some((format!("{}{word}", self.prev), self.prev_from))
        } else {
            None
        };
        match &joined {
            Some((text, start)) => {
                self.group.clone_from(text);
                self.group_from = *start;
            }
            None => {
                self.group.clear();
                self.group.push_str(word);
                self.group_from = from;
            }
        }
        self.prev.clear();
        self.prev.push_str(word);
        self.prev_from = from;
        joined
    }
}

/// The folding filter of [`FOLDED`] (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct FoldFilter;

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = FoldTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldTokenizer<T> {
        FoldTokenizer { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct FoldTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FoldTokenizer<T> {
    type TokenStream<'a> = FoldStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldStream {
            inner: self.inner.token_stream(text),
            text,
            pending: VecDeque::new(),
            token: Token::default(),
            joiner: Joiner::default(),
            prev_end: None,
        }
    }
}

/// Emits, for each source word, its folded form, then its ZWNJ parts, then its
/// joined form with a preceding word, all at the source word's position.
pub struct FoldStream<'a, S> {
    inner: S,
    text: &'a str,
    pending: VecDeque<Token>,
    token: Token,
    joiner: Joiner,
    prev_end: Option<usize>,
}

impl<S: TokenStream> FoldStream<'_, S> {
    fn expand(&mut self, from: usize, to: usize, position: usize) {
        // The filters before this one only drop tokens, so the source word is the slice.
        let raw = &self.text[from..to];
        let blank_gap = self
            .prev_end
            .is_some_and(|end| end <= from && is_blank_gap(&self.text[end..from]));
        self.prev_end = Some(to);
        let whole = search_key(raw);
        if whole.is_empty() {
            self.joiner.reset();
            return;
        }
        let emit = |text: String, from: usize, to: usize, pending: &mut VecDeque<Token>| {
            if !pending.iter().any(|t| t.text == text) {
                pending.push_back(Token {
                    offset_from: from,
                    offset_to: to,
                    position,
                    text,
                    position_length: 1,
                });
            }
        };
        let joined = self.joiner.push(&whole, from, blank_gap);
        emit(whole, from, to, &mut self.pending);
        if raw.contains(ZWNJ) {
            let mut start = from;
            for part in raw.split(ZWNJ) {
                let part_key = search_key(part);
                if !part_key.is_empty() {
                    emit(part_key, start, start + part.len(), &mut self.pending);
                }
                start += part.len() + ZWNJ.len_utf8();
            }
        }
        if let Some((text, start)) = joined {
            emit(text, start, to, &mut self.pending);
        }
    }
}

impl<S: TokenStream> TokenStream for FoldStream<'_, S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(token) = self.pending.pop_front() {
                self.token = token;
                return true;
            }
            if !self.inner.advance() {
                return false;
            }
            let source = self.inner.token();
            let (from, to, position) = (source.offset_from, source.offset_to, source.position);
            self.expand(from, to, position);
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The filter of [`EXACT`]: lower case and the canonical (NFC) form, diacritics kept.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExactFilter;

impl TokenFilter for ExactFilter {
    type Tokenizer<T: Tokenizer> = ExactTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ExactTokenizer<T> {
        ExactTokenizer { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ExactTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ExactTokenizer<T> {
    type TokenStream<'a> = ExactStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ExactStream {
            inner: self.inner.token_stream(text),
        }
    }
}

pub struct ExactStream<S> {
    inner: S,
}

impl<S: TokenStream> TokenStream for ExactStream<S> {
    fn advance(&mut self) -> bool {
        while self.inner.advance() {
            let token = self.inner.token_mut();
            // canonical() also applies the traditional Vietnamese tone placement, so
            // «hoá» and «hóa» are the same exact spelling.
            let exact = canonical(&token.text.to_lowercase());
            if !exact.is_empty() {
                token.text = exact;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

fn words() -> WordTokenizer {
    WordTokenizer::default()
}

static FOLDED_ANALYZER: LazyLock<TextAnalyzer> = LazyLock::new(|| {
    TextAnalyzer::builder(words())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES + 1))
        .filter(FoldFilter)
        .build()
});

static EXACT_ANALYZER: LazyLock<TextAnalyzer> = LazyLock::new(|| {
    TextAnalyzer::builder(words())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES + 1))
        .filter(ExactFilter)
        .build()
});

/// The [`FOLDED`] analyzer.
pub fn folded_analyzer() -> TextAnalyzer {
    FOLDED_ANALYZER.clone()
}

/// The [`EXACT`] analyzer.
pub fn exact_analyzer() -> TextAnalyzer {
    EXACT_ANALYZER.clone()
}

/// Registers [`FOLDED`] and [`EXACT`] on `index` (needed after every open: tantivy
/// stores only the tokenizer names in the schema).
pub fn register(index: &Index) {
    index.tokenizers().register(FOLDED, folded_analyzer());
    index.tokenizers().register(EXACT, exact_analyzer());
}

/// Every token of `text` through [`FOLDED`], with offsets into `text`.
pub(crate) fn folded_tokens(text: &str) -> Vec<Token> {
    let mut analyzer = folded_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = vec![];
    stream.process(&mut |t| out.push(t.clone()));
    out
}

/// The terms [`FOLDED`] indexes for `text`, in order (whole word, ZWNJ parts, joined
/// form). «برنامه‌های» → `["برنامههای", "برنامه", "های"]`; «برنامه های» →
/// `["برنامه", "های", "برنامههای"]`; «Tiêu chuẩn ۹۰۰۱» → `["tieu", "chuan", "9001"]`.
pub fn analyze(text: &str) -> Vec<String> {
    folded_tokens(text).into_iter().map(|t| t.text).collect()
}

/// The terms [`EXACT`] indexes for `text`.
pub fn analyze_exact(text: &str) -> Vec<String> {
    let mut analyzer = exact_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = vec![];
    stream.process(&mut |t| out.push(t.text.clone()));
    out
}

mod words;
pub(crate) use words::next_word;
pub use words::{WordStream, WordTokenizer};

#[cfg(test)]
mod tests;
