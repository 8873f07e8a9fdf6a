//! The three interface languages.

/// An interface language of Tashil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Persian.
    Fa,
    /// English.
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// Reads a language code: `"fa"`, `"vi"`, `"en"`, also with a region (`"fa-IR"`,
    /// `"vi_VN"`) and in any case. Anything else is English.
    pub fn parse(code: &str) -> Lang {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fa") || primary.eq_ignore_ascii_case("per") {
            Lang::Fa
        } else if primary.eq_ignore_ascii_case("vi") || primary.eq_ignore_ascii_case("vie") {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// The two-letter code: `"fa"`, `"en"` or `"vi"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}

/// Picks the string for `lang` among the three.
pub(crate) fn pick(
    lang: &str,
    fa: &'static str,
    en: &'static str,
    vi: &'static str,
) -> &'static str {
    match Lang::parse(lang) {
        Lang::Fa => fa,
        Lang::En => en,
        Lang::Vi => vi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!(Lang::parse("fa"), Lang::Fa);
        assert_eq!(Lang::parse("FA-ir"), Lang::Fa);
        assert_eq!(Lang::parse("vi_VN"), Lang::Vi);
        assert_eq!(Lang::parse("en-GB"), Lang::En);
        assert_eq!(Lang::parse(""), Lang::En);
        assert_eq!(Lang::parse("de"), Lang::En);
        assert_eq!(Lang::Vi.code(), "vi");
    }
}
