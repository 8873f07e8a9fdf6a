//! Standard numbers ("designations") in every common spelling.
//!
//! Users type «ISIRI 1234», «inso1234», «استاندارد ملی ۱۲۳۴», «tcvn5699-1»,
//! «QCVN 01:2009/BYT» or «CODEX STAN 192-1995»; catalogues print «INSO 1234»,
//! «TCVN 5699-1:2010», «CXS 192-1995». [`parse`] reads them all into one
//! [`Designation`], and [`Designation::keys`] gives the exact-match keys the index
//! stores, so that every spelling of a number finds its standard first.
//!
//! Decisions:
//! - A national adoption keeps its national body and carries the adopted designation
//!   in its number: «TCVN ISO 9001:2015» is body TCVN, number «ISO 9001», year 2015
//!   (that is how it is cited and what distinguishes it from ISO 9001 itself). Its keys
//!   also mark it as an adoption of ISO 9001, which a search for «ISO 9001» ranks just
//!   after ISO 9001.
//! - A QCVN number includes its year and issuing ministry («01:2009/BYT»): two
//!   ministries each have a QCVN 01. The year is also given in [`Designation::year`].
//! - Codex numbers carry their document type («CXS 192», «CXC 1»); the old names are
//!   mapped (CODEX STAN → CXS, CAC/RCP → CXC, CAC/GL → CXG, CAC/MRL → CXM) and the
//!   year follows a hyphen as Codex prints it.
//! - A bare number («۹۰۰۱») is not a designation: [`bare_number`] reads it for the
//!   number-only key instead.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tashil_text::normalize::search_key;

/// A standards body whose designations Tashil reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Body {
    /// Iranian National Standardization Organization (formerly ISIRI).
    Inso,
    /// Vietnamese national standard.
    Tcvn,
    /// Vietnamese national technical regulation.
    Qcvn,
    Iso,
    Iec,
    IsoIec,
    /// Codex Alimentarius.
    Codex,
}

impl Body {
    pub const ALL: [Body; 7] = [
        Body::Inso,
        Body::Tcvn,
        Body::Qcvn,
        Body::Iso,
        Body::Iec,
        Body::IsoIec,
        Body::Codex,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Body::Inso => "INSO",
            Body::Tcvn => "TCVN",
            Body::Qcvn => "QCVN",
            Body::Iso => "ISO",
            Body::Iec => "IEC",
            Body::IsoIec => "ISO/IEC",
            Body::Codex => "CODEX",
        }
    }

    /// ISO, IEC, ISO/IEC and Codex: bodies whose standards are adopted nationally.
    pub fn is_international(self) -> bool {
        matches!(self, Body::Iso | Body::Iec | Body::IsoIec | Body::Codex)
    }

    /// The body's place in browse order (national bodies first).
    pub(crate) fn order(self) -> u64 {
        Body::ALL.iter().position(|b| *b == self).unwrap_or(0) as u64
    }

    fn key(self) -> String {
        self.as_str().to_ascii_lowercase()
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A body name that is none of [`Body`]'s names or aliases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown standards body: {0}")]
pub struct UnknownBody(pub String);

impl FromStr for Body {
    type Err = UnknownBody;

    /// Accepts the names and their aliases in any case and script: «isiri», «استاندارد
    /// ملی», «ملی», «ایزو», «iso-iec», «Codex Stan», «CXS», «CAC/RCP»…
    fn from_str(s: &str) -> Result<Body, UnknownBody> {
        let compact: String = search_key(s)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '/' | '_' | '.'))
            .collect();
        Ok(match compact.as_str() {
            "inso" | "isiri" | "استانداردملی" | "استانداردملیایران" | "ملی" => {
                Body::Inso
            }
            "tcvn" => Body::Tcvn,
            "qcvn" => Body::Qcvn,
            "iso" | "ایزو" => Body::Iso,
            "iec" => Body::Iec,
            "isoiec" | "ایزوiec" => Body::IsoIec,
            "codex" | "codexstan" | "codexalimentarius" | "cxs" | "cxc" | "cxg" | "cxm" | "cac"
            | "cacrcp" | "cacgl" | "cacmrl" => Body::Codex,
            _ => return Err(UnknownBody(s.trim().to_owned())),
        })
    }
}

impl Serialize for Body {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Body, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A parsed standard number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Designation {
    pub body: Body,
    /// Normalised number: «5699-1», «01:2009/BYT» (QCVN), «CXS 192» (Codex), «ISO 9001»
    /// (a national adoption). ASCII digits, ASCII hyphens, upper-case letters.
    pub number: String,
    pub year: Option<u16>,
}

/// The parts of a number, as the keys need them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Parts {
    /// The international body of a national adoption.
    adopted: Option<Body>,
    /// Codex document type: "cxs", "cxc", "cxg", "cxm".
    kind: Option<&'static str>,
    /// Numeric groups as typed («01», «1»).
    core: Vec<String>,
    year: Option<u16>,
    /// QCVN issuing ministry, lower case.
    agency: Option<String>,
}

/// Reads a designation; `None` when `text` is not one (a bare number, a body alone,
/// or anything after the number other than its year).
pub fn parse(text: &str) -> Option<Designation> {
    let prepared = prepare(text);
    let mut scan = Scan(&prepared);
    let (body, kind) = scan.body()?;
    scan.skip_seps();
    if scan.word("شماره") || scan.word("no") || scan.word("nr") {
        scan.skip_seps();
    }
    let parts = scan.number(body, kind)?;
    if !scan.0.trim_start().is_empty() {
        return None;
    }
    Some(Designation::from_parts(body, &parts))
}

/// A number typed alone («۹۰۰۱», «5699-1»), as stored in the number-only key:
/// ASCII digits, groups joined by «-», leading zeros dropped.
pub fn bare_number(text: &str) -> Option<String> {
    let prepared = prepare(text);
    let mut scan = Scan(&prepared);
    let core = scan.core()?;
    scan.0.trim_start().is_empty().then(|| key_core(&core))
}

impl Designation {
    fn from_parts(body: Body, p: &Parts) -> Designation {
        let mut number = String::new();
        if let Some(adopted) = p.adopted {
            number.push_str(adopted.as_str());
            number.push(' ');
        }
        if let Some(kind) = p.kind {
            number.push_str(&kind.to_ascii_uppercase());
            number.push(' ');
        }
        number.push_str(&p.core.join("-"));
        if body == Body::Qcvn {
            if let Some(y) = p.year {
                number.push_str(&format!(":{y}"));
            }
            if let Some(a) = &p.agency {
                number.push('/');
                number.push_str(&a.to_ascii_uppercase());
            }
        }
        Designation {
            body,
            number,
            year: p.year,
        }
    }

    /// The citation form: «TCVN 5699-1:2010», «INSO 1234», «QCVN 01:2009/BYT»,
    /// «CXS 192-1995», «TCVN ISO 9001:2015».
    pub fn display(&self) -> String {
        match (self.body, self.year) {
            (Body::Codex, Some(y)) => format!("{}-{y}", self.number),
            (Body::Codex, None) => self.number.clone(),
            (Body::Qcvn, Some(y)) if !self.number.contains(':') => {
                format!("QCVN {}:{y}", self.number)
            }
            (_, Some(y)) if self.body != Body::Qcvn => {
                format!("{} {}:{y}", self.body, self.number)
            }
            _ => format!("{} {}", self.body, self.number),
        }
    }

    /// The parts of [`Designation::number`] (which may have been written by the app,
    /// not by [`parse`]); an unreadable number is one opaque group.
    fn parts(&self) -> Parts {
        let prepared = prepare(&self.number);
        let mut scan = Scan(&prepared);
        let kind = match self.body {
            Body::Codex => scan.codex_kind(),
            _ => None,
        };
        let mut parts = match scan.number(self.body, kind) {
            Some(p) if scan.0.trim_start().is_empty() => p,
            _ => Parts {
                core: vec![prepared.replace(' ', "")],
                ..Parts::default()
            },
        };
        if self.year.is_some() {
            parts.year = self.year;
        }
        parts
    }

    /// `"tcvn iso 9001"`: body, adopted body, Codex type and number without year.
    fn base_key(&self, p: &Parts) -> String {
        format!("{} {}", self.body.key(), stem(p, &p.core))
    }

    /// The keys the index stores for this designation, most specific first. Each is
    /// one term of an exact-match field:
    /// - with year (and ministry): `"tcvn 5699-1:2010"`, `"qcvn 1:2009/byt"`, `"qcvn 1:2009"`;
    /// - without year: `"tcvn 5699-1"`;
    /// - one per series the number belongs to: `"tcvn 5699-*"` (so «TCVN 5699» finds its parts);
    /// - the number alone: `"5699-1"` (so «5699-1» or «۹۰۰۱» finds it);
    /// - for an adoption, the adopted number: `"~iso 9001"`.
    ///
    /// Numeric groups lose their leading zeros («QCVN 1» = «QCVN 01»).
    pub fn keys(&self) -> Vec<String> {
        let p = self.parts();
        let base = self.base_key(&p);
        let mut keys = vec![];
        if let Some(y) = p.year {
            if let Some(a) = &p.agency {
                keys.push(format!("{base}:{y}/{a}"));
            }
            keys.push(format!("{base}:{y}"));
        }
        keys.push(base);
        for k in 1..p.core.len() {
            keys.push(format!("{} {}-*", self.body.key(), stem(&p, &p.core[..k])));
        }
        keys.push(key_core(&p.core));
        if let Some(adopted) = p.adopted {
            let inner = Parts {
                adopted: None,
                ..p.clone()
            };
            keys.push(format!("~{} {}", adopted.key(), stem(&inner, &p.core)));
        }
        keys.dedup();
        keys
    }

    /// Keys a search for this designation looks up, with their weights: the exact
    /// edition first, then any edition, then the parts of the series, then national
    /// adoptions of it.
    pub(crate) fn query_keys(&self) -> Vec<(String, f32)> {
        let p = self.parts();
        let base = self.base_key(&p);
        let mut out = vec![];
        match (p.year, &p.agency) {
            (Some(y), Some(a)) => out.push((format!("{base}:{y}/{a}"), 1000.0)),
            (Some(y), None) => out.push((format!("{base}:{y}"), 1000.0)),
            _ => {}
        }
        out.push((base.clone(), if out.is_empty() { 1000.0 } else { 600.0 }));
        out.push((format!("{base}-*"), 200.0));
        if self.body.is_international() && p.adopted.is_none() {
            out.push((format!("~{base}"), 150.0));
        }
        out
    }

    /// Browse order within a body: the first three numeric groups.
    pub(crate) fn sort_rank(&self) -> u64 {
        let p = self.parts();
        let group = |i: usize, max: u64| {
            p.core
                .get(i)
                .and_then(|g| g.parse::<u64>().ok())
                .unwrap_or(0)
                .min(max)
        };
        (self.body.order() << 56)
            | (group(0, (1 << 32) - 1) << 24)
            | (group(1, (1 << 16) - 1) << 8)
            | group(2, 255)
    }
}

impl fmt::Display for Designation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Adopted body, Codex type and numeric groups, zeros dropped: `"iso 9001"`, `"cxs 192"`.
fn stem(p: &Parts, core: &[String]) -> String {
    let mut s = String::new();
    if let Some(a) = p.adopted {
        s.push_str(&a.key());
        s.push(' ');
    }
    if let Some(k) = p.kind {
        s.push_str(k);
        s.push(' ');
    }
    s.push_str(&key_core(core));
    s
}

fn key_core(core: &[String]) -> String {
    core.iter()
        .map(|g| match g.trim_start_matches('0') {
            "" if !g.is_empty() => "0",
            t => t,
        })
        .collect::<Vec<_>>()
        .join("-")
}

mod scan;
use scan::{Scan, prepare};

#[cfg(test)]
mod tests;
