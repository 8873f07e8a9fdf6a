//! A name kept in the three languages, shown in the reader's with a fallback.

use tashil_text::Lang;

/// The name to show a reader of `lang`: theirs if given, else Persian, Vietnamese, English.
pub fn display_name<'a>(lang: Lang, fa: &'a str, en: &'a str, vi: &'a str) -> &'a str {
    let preferred = match lang {
        Lang::Fa => fa,
        Lang::En => en,
        Lang::Vi => vi,
    };
    [preferred, fa, vi, en]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("")
}
