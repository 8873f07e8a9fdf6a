//! ISIC Rev.4 — International Standard Industrial Classification of All Economic
//! Activities, Revision 4 (UN Statistics Division, 2008).
//!
//! Three of its four levels are here: the 21 [sections](SECTIONS) (A–U), the 88
//! [divisions](DIVISIONS) (2 digits) and the 419 [classes](CLASSES) (4 digits). Groups
//! (3 digits) are not kept: a class's group is its first three digits.
//!
//! Names: English titles are the UNSD titles. Sections and divisions have Persian and
//! Vietnamese titles; classes have them for section C (manufacturing) only, and
//! [`IsicClass::name`] falls back to the division title for the others.
//!
//! The code list was checked against two independent machine-readable copies of the UNSD
//! structure (21 / 88 / 238 / 419 entries at the four levels, identical codes).

mod classes;
mod divisions;
mod sections;

pub use classes::CLASSES;
pub use divisions::DIVISIONS;
pub use sections::SECTIONS;

use crate::lang::{Lang, pick};

/// A section (one letter, A–U).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsicSection {
    /// Upper-case letter, `'A'`..=`'U'`.
    pub letter: char,
    pub name_en: &'static str,
    pub name_fa: &'static str,
    pub name_vi: &'static str,
}

/// A division (two digits, e.g. `"10"` Manufacture of food products).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsicDivision {
    /// Two digits, e.g. `"10"`.
    pub code: &'static str,
    /// Letter of the section it belongs to.
    pub section: char,
    pub name_en: &'static str,
    pub name_fa: &'static str,
    pub name_vi: &'static str,
}

/// A class (four digits, e.g. `"1050"` Manufacture of dairy products).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsicClass {
    /// Four digits, e.g. `"1050"`.
    pub code: &'static str,
    /// Its division's two digits (the first two digits of `code`).
    pub division: &'static str,
    pub name_en: &'static str,
    /// Persian title; set for section C (manufacturing) classes only.
    pub name_fa: Option<&'static str>,
    /// Vietnamese title; set for section C (manufacturing) classes only.
    pub name_vi: Option<&'static str>,
}

impl IsicSection {
    /// Title in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fa, self.name_en, self.name_vi)
    }

    /// The divisions of this section, in code order.
    pub fn divisions(&self) -> impl Iterator<Item = &'static IsicDivision> + use<> {
        let letter = self.letter;
        DIVISIONS.iter().filter(move |d| d.section == letter)
    }
}

impl IsicDivision {
    /// Title in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fa, self.name_en, self.name_vi)
    }

    /// The section this division belongs to.
    pub fn section(&self) -> &'static IsicSection {
        section(self.section).expect("every division's section exists (tested)")
    }

    /// The classes of this division, in code order.
    pub fn classes(&self) -> impl Iterator<Item = &'static IsicClass> + use<> {
        let code = self.code;
        CLASSES.iter().filter(move |c| c.division == code)
    }
}

impl IsicClass {
    /// Title in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    ///
    /// Where the class has no title in that language (classes outside section C), the
    /// title of its division in that language is returned instead; see
    /// [`has_own_name`](Self::has_own_name).
    pub fn name(&self, lang: &str) -> &'static str {
        match Lang::parse(lang) {
            Lang::En => self.name_en,
            Lang::Fa => self.name_fa.unwrap_or_else(|| self.division().name_fa),
            Lang::Vi => self.name_vi.unwrap_or_else(|| self.division().name_vi),
        }
    }

    /// Whether [`name`](Self::name) in `lang` is the class's own title rather than its
    /// division's.
    pub fn has_own_name(&self, lang: &str) -> bool {
        match Lang::parse(lang) {
            Lang::En => true,
            Lang::Fa => self.name_fa.is_some(),
            Lang::Vi => self.name_vi.is_some(),
        }
    }

    /// The division this class belongs to.
    pub fn division(&self) -> &'static IsicDivision {
        division(self.division).expect("every class's division exists (tested)")
    }

    /// The section this class belongs to.
    pub fn section(&self) -> &'static IsicSection {
        self.division().section()
    }

    /// The three-digit group code (e.g. `"105"` for class `"1050"`).
    pub fn group(&self) -> &'static str {
        &self.code[..3]
    }
}

/// Keeps the ASCII digits of `code`, so `"10.50"`, `" 1050 "` and `"C1050"` all give
/// `"1050"`.
fn digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

/// The class with this four-digit code (`"1050"`; `"10.50"` is accepted too).
pub fn class(code: &str) -> Option<&'static IsicClass> {
    let code = digits(code);
    CLASSES
        .binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| &CLASSES[i])
}

/// The division with this two-digit code (`"10"`).
pub fn division(code: &str) -> Option<&'static IsicDivision> {
    let code = digits(code);
    DIVISIONS
        .binary_search_by(|d| d.code.cmp(code.as_str()))
        .ok()
        .map(|i| &DIVISIONS[i])
}

/// The section with this letter (either case).
pub fn section(letter: char) -> Option<&'static IsicSection> {
    let letter = letter.to_ascii_uppercase();
    SECTIONS.iter().find(|s| s.letter == letter)
}

/// The section a four-digit class code belongs to.
pub fn section_of_class(code: &str) -> Option<&'static IsicSection> {
    class(code).map(IsicClass::section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn counts_match_isic_rev4() {
        assert_eq!(SECTIONS.len(), 21);
        assert_eq!(DIVISIONS.len(), 88);
        assert_eq!(CLASSES.len(), 419);
        let groups: HashSet<&str> = CLASSES.iter().map(IsicClass::group).collect();
        assert_eq!(groups.len(), 238);
    }

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let letters: Vec<char> = SECTIONS.iter().map(|s| s.letter).collect();
        assert_eq!(letters, ('A'..='U').collect::<Vec<_>>());
        for w in DIVISIONS.windows(2) {
            assert!(
                w[0].code < w[1].code,
                "divisions out of order at {}",
                w[1].code
            );
        }
        for w in CLASSES.windows(2) {
            assert!(
                w[0].code < w[1].code,
                "classes out of order at {}",
                w[1].code
            );
        }
        for d in DIVISIONS {
            assert!(d.code.len() == 2 && d.code.bytes().all(|b| b.is_ascii_digit()));
        }
        for c in CLASSES {
            assert!(c.code.len() == 4 && c.code.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(&c.code[..2], c.division, "class {}", c.code);
        }
    }

    #[test]
    fn every_class_has_a_division_and_every_division_a_section() {
        for c in CLASSES {
            assert!(division(c.division).is_some(), "class {}", c.code);
        }
        for d in DIVISIONS {
            assert!(section(d.section).is_some(), "division {}", d.code);
            assert!(
                d.classes().next().is_some(),
                "division {} has no class",
                d.code
            );
        }
        for s in SECTIONS {
            assert!(
                s.divisions().next().is_some(),
                "section {} is empty",
                s.letter
            );
        }
    }

    #[test]
    fn manufacturing_classes_have_own_names() {
        let c_classes: Vec<_> = CLASSES
            .iter()
            .filter(|c| c.section().letter == 'C')
            .collect();
        assert_eq!(c_classes.len(), 137);
        assert!(
            c_classes
                .iter()
                .all(|c| c.name_fa.is_some() && c.name_vi.is_some())
        );
        let others = CLASSES.iter().filter(|c| c.section().letter != 'C');
        assert!(
            others
                .into_iter()
                .all(|c| c.name_fa.is_none() && c.name_vi.is_none())
        );
    }

    #[test]
    fn lookups() {
        let dairy = class("1050").unwrap();
        assert_eq!(dairy.name_en, "Manufacture of dairy products");
        assert_eq!(class("10.50"), Some(dairy));
        assert_eq!(dairy.division().code, "10");
        assert_eq!(section_of_class("1050").unwrap().letter, 'C');
        assert_eq!(section_of_class("0111").unwrap().letter, 'A');
        assert_eq!(section_of_class("9900").unwrap().letter, 'U');
        assert_eq!(section('c').unwrap().name_en, "Manufacturing");
        assert!(class("1234").is_none());
        assert!(division("04").is_none());
        assert!(section('V').is_none());
        assert_eq!(division("23").unwrap().section, 'C');
        // Fallback to the division name outside section C.
        let wheat = class("0111").unwrap();
        assert_eq!(wheat.name("fa"), division("01").unwrap().name_fa);
        assert!(!wheat.has_own_name("vi"));
        assert_eq!(class("2394").unwrap().name("fa"), "ساخت سیمان، آهک و گچ");
    }
}
