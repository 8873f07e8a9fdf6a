//! The countries Tashil serves.

use crate::lang::pick;

/// A country served by Tashil.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Country {
    /// Iran.
    Ir,
    /// Vietnam.
    Vn,
}

impl Country {
    /// Every country, in a fixed order.
    pub const ALL: [Country; 2] = [Country::Ir, Country::Vn];

    /// ISO 3166-1 alpha-2 code: `"IR"` or `"VN"`.
    pub fn code(self) -> &'static str {
        match self {
            Country::Ir => "IR",
            Country::Vn => "VN",
        }
    }

    /// The country for an ISO 3166-1 alpha-2 code, in either case.
    pub fn from_code(code: &str) -> Option<Country> {
        let code = code.trim();
        if code.eq_ignore_ascii_case("IR") {
            Some(Country::Ir)
        } else if code.eq_ignore_ascii_case("VN") {
            Some(Country::Vn)
        } else {
            None
        }
    }

    /// Name in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(self, lang: &str) -> &'static str {
        match self {
            Country::Ir => pick(lang, "ایران", "Iran", "Iran"),
            Country::Vn => pick(lang, "ویتنام", "Vietnam", "Việt Nam"),
        }
    }

    /// The language its users mostly read: Persian for Iran, Vietnamese for Vietnam.
    pub fn default_lang(self) -> &'static str {
        match self {
            Country::Ir => "fa",
            Country::Vn => "vi",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Country::ALL {
            assert_eq!(Country::from_code(c.code()), Some(c));
            assert_eq!(Country::from_code(&c.code().to_lowercase()), Some(c));
        }
        assert_eq!(Country::from_code("FR"), None);
        assert_eq!(Country::Vn.name("vi"), "Việt Nam");
        assert_eq!(Country::Ir.name("fa"), "ایران");
    }
}
