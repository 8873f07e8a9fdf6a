//! The three UI languages of Tashil: Persian (default, right-to-left), Vietnamese
//! and English.

use serde::{Deserialize, Serialize};

/// A UI language. Persian is the default because Iran is the main market
/// (`docs/domain.md`, "What Tashil is for").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian: right-to-left, Persian digits, Solar Hijri dates.
    #[default]
    Fa,
    /// Vietnamese: Latin script with stacked diacritics, Gregorian dates.
    Vi,
    /// English: Gregorian dates.
    En,
}

impl Lang {
    /// Every language, default first (the order of language menus).
    pub const ALL: [Lang; 3] = [Lang::Fa, Lang::Vi, Lang::En];

    /// The BCP 47 primary language subtag: "fa", "vi" or "en".
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a language tag as sent by browsers and config files: "fa", "fa-IR",
    /// "vi_VN", "EN-us"… Only the primary subtag decides (case-insensitive);
    /// anything else is `None`, so the caller picks its own fallback.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// True for Persian, whose pages are laid out right-to-left.
    pub const fn is_rtl(self) -> bool {
        matches!(self, Lang::Fa)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_case_insensitively() {
        assert_eq!(Lang::parse("fa"), Some(Lang::Fa));
        assert_eq!(Lang::parse("fa-IR"), Some(Lang::Fa));
        assert_eq!(Lang::parse("vi-VN"), Some(Lang::Vi));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse(" EN_us "), Some(Lang::En));
        assert_eq!(Lang::parse("FA"), Some(Lang::Fa));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse("fas"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn codes_direction_and_default() {
        assert_eq!(Lang::default(), Lang::Fa);
        assert_eq!(Lang::ALL.map(Lang::code), ["fa", "vi", "en"]);
        assert!(Lang::Fa.is_rtl());
        assert!(!Lang::Vi.is_rtl() && !Lang::En.is_rtl());
        assert_eq!(Lang::Vi.to_string(), "vi");
    }

    #[test]
    fn serde_uses_the_code() {
        assert_eq!(serde_json::to_string(&Lang::Vi).unwrap(), "\"vi\"");
        assert_eq!(serde_json::from_str::<Lang>("\"fa\"").unwrap(), Lang::Fa);
    }
}
