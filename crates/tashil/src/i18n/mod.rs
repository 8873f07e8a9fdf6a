//! Messages in Persian, Vietnamese and English from the Fluent files in `locales/`, embedded
//! in the binary. Fluent's bidi isolation stays on, so names and numbers inside Persian
//! sentences keep their own direction; numbers are formatted by ICU in each language's digits.

mod negotiate;

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use negotiate::negotiate;
pub use tashil_text::Lang;

/// Every Fluent file, per language. Adding a file here adds it to all three languages.
macro_rules! locale_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/registry.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/standards.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/facilitation.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/deregulation.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/licensing.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/errors.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/mail.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/calendar.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/credentials.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/conformity.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/quality.ftl")),
            include_str!(concat!("../../../../locales/", $lang, "/supervision.ftl")),
        ]
    };
}

pub fn sources(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Fa => locale_files!("fa"),
        Lang::Vi => locale_files!("vi"),
        Lang::En => locale_files!("en"),
    }
}

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

static I18N: LazyLock<I18n> = LazyLock::new(I18n::load);

fn format_number(v: &FluentValue, lang: Lang) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(tashil_text::numbers::format_integer(n.value as i64, lang))
        }
        FluentValue::Number(n) => Some(tashil_text::numbers::format_decimal(n.value, 2, lang)),
        _ => None,
    }
}

fn fmt_fa<M: MemoizerKind>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::Fa)
}
fn fmt_vi<M: MemoizerKind>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::Vi)
}
fn fmt_en<M: MemoizerKind>(v: &FluentValue, _: &M) -> Option<String> {
    format_number(v, Lang::En)
}

impl I18n {
    pub fn get() -> &'static I18n {
        &I18N
    }

    fn load() -> I18n {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let id: unic_langid::LanguageIdentifier = lang
                .code()
                .parse()
                .expect("language codes are valid BCP 47");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_formatter(Some(match lang {
                Lang::Fa => fmt_fa,
                Lang::Vi => fmt_vi,
                Lang::En => fmt_en,
            }));
            for src in sources(lang) {
                let res = FluentResource::try_new(src.to_string())
                    .unwrap_or_else(|(_, errs)| panic!("bad Fluent file for {lang:?}: {errs:?}"));
                bundle
                    .add_resource(res)
                    .unwrap_or_else(|errs| panic!("duplicate Fluent keys for {lang:?}: {errs:?}"));
            }
            bundles.insert(lang, bundle);
        }
        I18n { bundles }
    }

    /// The message `key` in `lang`; the key itself (and a warning) when it is missing, which
    /// the translation tests prevent from shipping.
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    pub fn t_args(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(lang, key, Some(&fa))
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles
            .get(&lang)
            .and_then(|b| b.get_message(key))
            .is_some_and(|m| m.value().is_some())
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return key.to_string();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            return key.to_string();
        };
        let mut errors = vec![];
        let out = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "translation formatting error");
        }
        out.into_owned()
    }
}

/// Shorthand for `I18n::get().t(lang, key)`.
pub fn tr(lang: Lang, key: &str) -> String {
    I18n::get().t(lang, key)
}

/// Message keys defined in a Fluent source, in file order.
pub fn keys_of(src: &str) -> Vec<String> {
    let res = fluent_bundle::FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
