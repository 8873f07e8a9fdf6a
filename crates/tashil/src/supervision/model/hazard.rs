//! How hazardous a unit's products are, by their HS or ICS code: a table of code prefixes
//! and classes, kept as data (the national administrator edits it; a CSV may load it). The
//! longest prefix that matches a code decides; a unit takes the highest class of its
//! products, and a product no row matches has no class (the score says so, it does not
//! guess).

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// The classes run from 1 (low) to this (severe).
pub const MAX_CLASS: u8 = 4;

/// Which classification a row's prefix belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Harmonized System (customs tariff) codes: digits only, compared without dots.
    Hs,
    /// International Classification for Standards: compared without dots.
    Ics,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Hs => "hs",
            Scheme::Ics => "ics",
        }
    }

    pub fn parse(s: &str) -> Option<Scheme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hs" => Some(Scheme::Hs),
            "ics" => Some(Scheme::Ics),
            _ => None,
        }
    }
}

/// One row: codes of `scheme` starting with `prefix` are of `class`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HazardRow {
    pub scheme: Scheme,
    pub prefix: String,
    pub class: u8,
}

/// A code as compared: its digits alone (an HS code is written 8516.10 or 851610, an ICS
/// code 13.220.20 or 1322020).
pub fn digits(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

impl HazardRow {
    /// A prefix of 2 to 10 digits and a class from 1 to [`MAX_CLASS`].
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        let d = digits(&self.prefix);
        if d.len() < 2
            || d.len() > 10
            || d.len() != self.prefix.chars().filter(|c| *c != '.').count()
        {
            errs.push(FieldError::new("prefix", "invalid"));
        }
        if !(1..=MAX_CLASS).contains(&self.class) {
            errs.push(FieldError::new("class", "value_out_of_range"));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// The table in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HazardTable {
    rows: Vec<(Scheme, String, u8)>,
}

impl HazardTable {
    pub fn new(rows: impl IntoIterator<Item = HazardRow>) -> Self {
        let mut rows: Vec<_> = rows
            .into_iter()
            .map(|r| (r.scheme, digits(&r.prefix), r.class))
            .collect();
        // Longest prefix first, so the first match is the most specific.
        rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.cmp(b)));
        HazardTable { rows }
    }

    /// The class of one code, by the longest prefix that matches it.
    pub fn class_of(&self, scheme: Scheme, code: &str) -> Option<u8> {
        let code = digits(code);
        if code.is_empty() {
            return None;
        }
        self.rows
            .iter()
            .find(|(s, p, _)| *s == scheme && code.starts_with(p.as_str()))
            .map(|(_, _, c)| *c)
    }

    /// The highest class among a unit's products (each an HS code, an ICS code or both).
    pub fn class_of_unit<'a>(
        &self,
        products: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
    ) -> Option<u8> {
        products
            .into_iter()
            .flat_map(|(hs, ics)| {
                [
                    hs.and_then(|c| self.class_of(Scheme::Hs, c)),
                    ics.and_then(|c| self.class_of(Scheme::Ics, c)),
                ]
            })
            .flatten()
            .max()
    }
}

/// Reads a CSV of `scheme,prefix,class` (a header row is skipped). Every line is checked
/// before anything is returned; errors name the line (`line.N.field`).
pub fn parse_csv(text: &str) -> Result<Vec<HazardRow>, Vec<FieldError>> {
    let mut rows = Vec::new();
    let mut errs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (i == 0 && line.to_ascii_lowercase().starts_with("scheme")) {
            continue;
        }
        let n = i + 1;
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let [scheme, prefix, class] = cells[..] else {
            errs.push(FieldError::new(format!("line.{n}"), "invalid"));
            continue;
        };
        let Some(scheme) = Scheme::parse(scheme) else {
            errs.push(FieldError::new(
                format!("line.{n}.scheme"),
                "invalid_choice",
            ));
            continue;
        };
        let Ok(class) = class.parse::<u8>() else {
            errs.push(FieldError::new(
                format!("line.{n}.class"),
                "value_out_of_range",
            ));
            continue;
        };
        let row = HazardRow {
            scheme,
            prefix: prefix.to_owned(),
            class,
        };
        match row.validate() {
            Ok(()) => rows.push(row),
            Err(e) => errs.extend(
                e.into_iter()
                    .map(|f| FieldError::new(format!("line.{n}.{}", f.field), f.code)),
            ),
        }
    }
    if errs.is_empty() { Ok(rows) } else { Err(errs) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(scheme: Scheme, prefix: &str, class: u8) -> HazardRow {
        HazardRow {
            scheme,
            prefix: prefix.into(),
            class,
        }
    }

    #[test]
    fn the_longest_prefix_decides_and_a_unit_takes_its_highest() {
        let t = HazardTable::new([
            row(Scheme::Hs, "85", 2),
            row(Scheme::Hs, "8516", 4),
            row(Scheme::Ics, "13.220", 3),
        ]);
        assert_eq!(t.class_of(Scheme::Hs, "8516.10"), Some(4));
        assert_eq!(t.class_of(Scheme::Hs, "8501.10"), Some(2));
        assert_eq!(t.class_of(Scheme::Hs, "0401"), None);
        assert_eq!(t.class_of(Scheme::Ics, "13.220.20"), Some(3));
        assert_eq!(
            t.class_of_unit([(Some("8501"), None), (None, Some("13.220.20"))]),
            Some(3)
        );
        assert_eq!(t.class_of_unit([(Some("0401"), None)]), None);
    }

    #[test]
    fn a_csv_is_read_whole_or_refused_by_line() {
        let rows = parse_csv("scheme,prefix,class\nhs,8516,4\nics,13.220,3\n").unwrap();
        assert_eq!(rows.len(), 2);
        let errs = parse_csv("hs,8516,9\nxx,85,1\nhs,8x,2\n").unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["line.1.class", "line.2.scheme", "line.3.prefix"]);
    }
}
