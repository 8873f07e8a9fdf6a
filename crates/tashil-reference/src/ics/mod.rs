//! ICS — the International Classification for Standards (ISO, 7th edition, 2015), by
//! which national standards bodies (INSO, the Directorate for Standards, Metrology and
//! Quality of Vietnam) and ISO/IEC file their standards.
//!
//! The ICS has three levels: 40 *fields* (`"91"`), groups (`"91.100"`) and subgroups
//! (`"91.100.10"`). All 40 [fields](FIELDS) are here; [groups and subgroups](GROUPS) are
//! a selection: the general ones (management systems, conformity assessment, metrology,
//! testing) and those the demo products and the demo catalogue need.
//!
//! English titles are the official ICS titles (checked against a machine-readable copy
//! of the 7th edition). Persian and Vietnamese titles are our translations.
//!
//! ```
//! use tashil_reference::ics::{ics, ics_parent, is_valid_ics};
//!
//! let cement = ics("91.100.10").unwrap();
//! assert_eq!(cement.name("en"), "Cement. Gypsum. Lime. Mortar");
//! assert_eq!(ics_parent("91.100.10"), Some("91.100"));
//! assert_eq!(ics_parent("91.100"), Some("91"));
//! assert!(is_valid_ics("91.100.99")); // well formed, in a known field
//! assert!(!is_valid_ics("92.100")); // there is no field 92
//! ```

mod fields;
mod groups;

pub use fields::FIELDS;
pub use groups::GROUPS;

use crate::lang::pick;

/// An ICS field, group or subgroup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IcsEntry {
    /// `"91"`, `"91.100"` or `"91.100.10"`.
    pub code: &'static str,
    pub name_fa: &'static str,
    pub name_en: &'static str,
    pub name_vi: &'static str,
}

pub(crate) const fn e(
    code: &'static str,
    name_en: &'static str,
    name_fa: &'static str,
    name_vi: &'static str,
) -> IcsEntry {
    IcsEntry {
        code,
        name_fa,
        name_en,
        name_vi,
    }
}

/// The level of an ICS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IcsLevel {
    /// Two digits, `"91"`.
    Field,
    /// `"91.100"`.
    Group,
    /// `"91.100.10"`.
    Subgroup,
}

impl IcsEntry {
    /// Title in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn name(&self, lang: &str) -> &'static str {
        pick(lang, self.name_fa, self.name_en, self.name_vi)
    }

    /// Field, group or subgroup.
    pub fn level(&self) -> IcsLevel {
        level_of(self.code).expect("table codes are well formed (tested)")
    }

    /// The two-digit field code (`"91"`).
    pub fn field(&self) -> &'static str {
        &self.code[..2]
    }

    /// The entry one level up (`None` for a field).
    pub fn parent(&self) -> Option<&'static IcsEntry> {
        ics_parent(self.code).and_then(ics)
    }
}

/// The level of `code` if it has the shape of an ICS code (`NN`, `NN.NNN`, `NN.NNN.NN`),
/// whether or not it exists.
pub fn level_of(code: &str) -> Option<IcsLevel> {
    let b = code.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        2 if digits(0..2) => Some(IcsLevel::Field),
        6 if digits(0..2) && b[2] == b'.' && digits(3..6) => Some(IcsLevel::Group),
        9 if digits(0..2) && b[2] == b'.' && digits(3..6) && b[6] == b'.' && digits(7..9) => {
            Some(IcsLevel::Subgroup)
        }
        _ => None,
    }
}

/// The field, group or subgroup with this code (`"91.100.10"`), if it is in the tables.
/// Surrounding spaces are ignored.
pub fn ics(code: &str) -> Option<&'static IcsEntry> {
    let code = code.trim();
    let table = match level_of(code)? {
        IcsLevel::Field => FIELDS,
        IcsLevel::Group | IcsLevel::Subgroup => GROUPS,
    };
    table
        .binary_search_by(|entry| entry.code.cmp(code))
        .ok()
        .map(|i| &table[i])
}

/// The 40 fields, in code order.
pub fn ics_fields() -> &'static [IcsEntry] {
    FIELDS
}

/// Every entry in the tables: the fields, then the groups and subgroups, each in code
/// order.
pub fn all_ics() -> impl Iterator<Item = &'static IcsEntry> {
    FIELDS.iter().chain(GROUPS.iter())
}

/// The groups and subgroups directly under `code` (a field gives its groups, a group its
/// subgroups), as far as the tables have them.
pub fn ics_children(code: &str) -> impl Iterator<Item = &'static IcsEntry> + use<'_> {
    let code = code.trim();
    GROUPS
        .iter()
        .filter(move |entry| ics_parent(entry.code) == Some(code))
}

/// The code one level up, as it appears in the tables: `"91.100.10"` → `"91.100"`,
/// `"91.100"` → `"91"`, a field → `None`. `None` too when `code` is not shaped like an
/// ICS code or its parent is not in the tables.
pub fn ics_parent(code: &str) -> Option<&'static str> {
    let code = code.trim();
    let parent = match level_of(code)? {
        IcsLevel::Field => return None,
        IcsLevel::Group => &code[..2],
        IcsLevel::Subgroup => &code[..6],
    };
    ics(parent).map(|entry| entry.code)
}

/// Whether `code` is shaped like an ICS code (`NN`, `NN.NNN` or `NN.NNN.NN`) and its
/// field is one of the 40. Groups and subgroups are not required to be in the tables,
/// which hold only a selection; use [`ics`] for that.
pub fn is_valid_ics(code: &str) -> bool {
    level_of(code).is_some() && ics(&code[..2]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn forty_fields_and_enough_groups() {
        assert_eq!(FIELDS.len(), 40);
        let groups = GROUPS
            .iter()
            .filter(|g| g.level() == IcsLevel::Group)
            .count();
        let subgroups = GROUPS.len() - groups;
        assert!(groups >= 120, "{groups} groups");
        assert!(subgroups >= 40, "{subgroups} subgroups");
    }

    #[test]
    fn codes_are_well_formed_sorted_and_unique() {
        for f in FIELDS {
            assert_eq!(f.level(), IcsLevel::Field, "{}", f.code);
            // Fields are odd numbers from 01 to 97.
            let n: u32 = f.code.parse().unwrap();
            assert!(n % 2 == 1 && n <= 97, "{}", f.code);
        }
        for g in GROUPS {
            assert_ne!(g.level(), IcsLevel::Field, "{}", g.code);
        }
        for table in [FIELDS, GROUPS] {
            for w in table.windows(2) {
                assert!(w[0].code < w[1].code, "out of order at {}", w[1].code);
            }
        }
        let all: HashSet<_> = all_ics().map(|e| e.code).collect();
        assert_eq!(all.len(), FIELDS.len() + GROUPS.len());
    }

    #[test]
    fn every_group_has_its_parent() {
        for g in GROUPS {
            let parent = ics_parent(g.code).unwrap_or_else(|| panic!("{}", g.code));
            assert!(g.code.starts_with(parent));
            assert!(is_valid_ics(g.code));
            assert_eq!(g.parent().unwrap().code, parent);
        }
    }

    #[test]
    fn names_are_filled() {
        for e in all_ics() {
            for lang in ["fa", "en", "vi"] {
                assert!(!e.name(lang).is_empty(), "{} {lang}", e.code);
            }
        }
    }

    #[test]
    fn scripts() {
        use crate::standards::tests::{check_en, check_fa, check_vi};
        for e in all_ics() {
            check_fa(e.name_fa);
            check_vi(e.name_vi);
            check_en(e.name_en);
            for s in [e.name_fa, e.name_en, e.name_vi] {
                assert!(s.trim() == s && !s.contains("  "), "{s:?}");
            }
        }
    }

    #[test]
    fn lookups_and_shapes() {
        assert_eq!(
            ics("91").unwrap().name_en,
            "Construction materials and building"
        );
        assert_eq!(ics(" 83.160.10 ").unwrap().name_en, "Road vehicle tyres");
        assert_eq!(
            ics("71.100.40").unwrap().name("en"),
            "Surface active agents"
        );
        assert!(ics("91.100.99").is_none());
        assert!(ics("9").is_none());
        assert_eq!(ics_parent("67.100.10"), Some("67.100"));
        assert_eq!(ics_parent("67"), None);
        assert_eq!(ics_parent("67.999.10"), None);
        assert_eq!(ics_parent("banana"), None);
        assert!(is_valid_ics("01"));
        assert!(is_valid_ics("67.100.10"));
        assert!(!is_valid_ics("02"));
        assert!(!is_valid_ics("67.10"));
        assert!(!is_valid_ics("67.100.1"));
        assert!(!is_valid_ics("67-100-10"));
        assert!(!is_valid_ics("67.100.10.1"));
        assert!(!is_valid_ics(""));
        assert!(ics_children("67.100").any(|c| c.code == "67.100.30"));
        assert!(ics_children("29").any(|c| c.code == "29.060"));
        assert!(!ics_children("29").any(|c| c.code == "29.060.20"));
        assert_eq!(ics("97.200.50").unwrap().level(), IcsLevel::Subgroup);
        assert_eq!(ics("97.200.50").unwrap().field(), "97");
    }
}
