//! A deterministic demo catalogue of standards and technical regulations: Iranian
//! national standards (INSO), Vietnamese national standards (TCVN) and technical
//! regulations (QCVN), and the international ISO, IEC and Codex Alimentarius documents
//! that both countries adopt.
//!
//! [`demo_catalogue`] returns, in this order:
//!
//! 1. a fixed list of well-known real standards ([`real_count`] of them: ISO 9001,
//!    ISO/IEC 17025, IEC 60335-1, Codex CXC 1-1969, TCVN 2682:2020, QCVN 16:2023/BXD,
//!    INSO 389 …; the `real` module's documentation says what in them is real and what
//!    is illustrative);
//! 2. *core* synthetic standards that make sure every demo product with
//!    [`mandatory_in_ir`](crate::Product::mandatory_in_ir) is under a mandatory INSO
//!    standard and every product typical of Vietnam under a TCVN or QCVN;
//! 3. synthetic standards drawn at random: a subject (a demo product, or a topic such as
//!    drinking water, fuels or electric kettles) and an aspect («— Specifications and
//!    test methods», «— Sampling», «Part 2: Determination of moisture content» …),
//!    with titles and scopes in Persian, English and Vietnamese, and 2–8 clauses with
//!    parameters, Rec 20 units, limits and test methods.
//!
//! The real head never depends on the seed, and the core standards cover the same
//! products whatever the seed (their numbers, years and clauses vary). The same
//! `(count, seed)` always gives the same catalogue, and a shorter catalogue is a prefix
//! of a longer one with the same seed. 200,000 standards take well under a second in a
//! release build, and about 0.6 GB of memory.
//!
//! Mix of the random part: about 40 % INSO, 25 % TCVN, 20 % ISO, 7 % IEC, 5 % QCVN and
//! 3 % Codex; about 80 % published, 6 % amended, 8 % withdrawn (each replaced by a newer
//! edition with the same number, or for a QCVN the same sequence number), 3 % under
//! enquiry and 3 % drafts; about 10 % of INSO standards and all QCVN are mandatory.
//!
//! Conventions:
//! - `year` is Gregorian, for every body. Iranian standards are dated in the Solar
//!   Hijri calendar in reality (a 2019 edition is «1398»); convert for display.
//! - ISO/IEC joint standards (17025, 17065, 17020, 17021-1, 27001) are filed under
//!   [`DemoBody::Iso`]; [`DemoStandard::designation`] prints them as «ISO/IEC 17025:2017».
//! - A TCVN that adopts an ISO standard under its ISO number keeps it in `number`
//!   («ISO 9001», giving «TCVN ISO 9001:2015»).
//! - A QCVN number carries its year and issuing ministry («16:2023/BXD»); synthetic
//!   ones issued from 2025 name the ministries merged that year (BGTVT into BXD, BNNPTNT
//!   and BTNMT into BNNMT, BLĐTBXH into BNV).
//! - Codex standards (CXS) have bare numbers («192», giving «CXS 192-1995»); codes of
//!   practice keep their prefix («CXC 1», giving «CXC 1-1969»), so the two series cannot
//!   collide.
//! - At large counts synthetic numbers run past the ranges real bodies use (INSO
//!   120000, QCVN 10000:2020/BYT at 200,000 standards): they stay unique, not realistic.
//!
//! ```
//! use tashil_reference::standards::{DemoBody, demo_catalogue};
//!
//! let catalogue = demo_catalogue(500, 7);
//! assert_eq!(catalogue.len(), 500);
//! assert_eq!(catalogue[0].designation(), "ISO 9001:2015");
//! let inso = catalogue.iter().find(|s| s.body == DemoBody::Inso).unwrap();
//! assert!(inso.designation().starts_with("INSO "));
//! ```

mod aspects;
mod clause;
mod generator;
mod numbers;
mod profiles;
mod real;
mod requirements;
mod rng;
mod subject;
mod text;
mod topics;

#[cfg(test)]
pub(crate) mod tests;

use crate::lang::Lang;

pub use generator::{demo_catalogue, fixed_count, real_count};

/// The body that publishes a standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DemoBody {
    /// Iran National Standards Organization.
    Inso,
    /// Vietnamese national standard (tiêu chuẩn quốc gia).
    Tcvn,
    /// Vietnamese national technical regulation (quy chuẩn kỹ thuật quốc gia).
    Qcvn,
    /// International Organization for Standardization (and ISO/IEC joint standards).
    Iso,
    /// International Electrotechnical Commission.
    Iec,
    /// Codex Alimentarius Commission (FAO/WHO).
    Codex,
}

impl DemoBody {
    /// All bodies.
    pub const ALL: [DemoBody; 6] = [
        DemoBody::Inso,
        DemoBody::Tcvn,
        DemoBody::Qcvn,
        DemoBody::Iso,
        DemoBody::Iec,
        DemoBody::Codex,
    ];

    /// `"INSO"`, `"TCVN"`, `"QCVN"`, `"ISO"`, `"IEC"` or `"CODEX"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DemoBody::Inso => "INSO",
            DemoBody::Tcvn => "TCVN",
            DemoBody::Qcvn => "QCVN",
            DemoBody::Iso => "ISO",
            DemoBody::Iec => "IEC",
            DemoBody::Codex => "CODEX",
        }
    }

    /// Reads [`as_str`](Self::as_str) back, in any case.
    pub fn parse(s: &str) -> Option<DemoBody> {
        let s = s.trim();
        DemoBody::ALL
            .into_iter()
            .find(|b| b.as_str().eq_ignore_ascii_case(s))
    }
}

/// Where a standard is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DemoStatus {
    /// Working draft.
    Draft,
    /// Public enquiry (DIS, draft for public comment).
    Enquiry,
    /// In force.
    Published,
    /// In force, with one or more amendments.
    Amended,
    /// Withdrawn, usually replaced by a newer edition.
    Withdrawn,
}

impl DemoStatus {
    /// All statuses.
    pub const ALL: [DemoStatus; 5] = [
        DemoStatus::Draft,
        DemoStatus::Enquiry,
        DemoStatus::Published,
        DemoStatus::Amended,
        DemoStatus::Withdrawn,
    ];

    /// `"draft"`, `"enquiry"`, `"published"`, `"amended"` or `"withdrawn"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DemoStatus::Draft => "draft",
            DemoStatus::Enquiry => "enquiry",
            DemoStatus::Published => "published",
            DemoStatus::Amended => "amended",
            DemoStatus::Withdrawn => "withdrawn",
        }
    }

    /// Reads [`as_str`](Self::as_str) back, in any case.
    pub fn parse(s: &str) -> Option<DemoStatus> {
        let s = s.trim();
        DemoStatus::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
    }

    /// Published or amended.
    pub fn in_force(self) -> bool {
        matches!(self, DemoStatus::Published | DemoStatus::Amended)
    }
}

/// A standard of the demo catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoStandard {
    pub body: DemoBody,
    /// The number within the body: `"389"`, `"5699-1"`, `"60335-2-24"`, `"ISO 9001"`
    /// (a TCVN adopting ISO 9001), `"16:2023/BXD"` (QCVN), `"192"` (Codex CXS 192) or
    /// `"CXC 1"` (a Codex code of practice).
    pub number: String,
    /// Year of publication, Gregorian (Iranian standards are dated Solar Hijri in
    /// reality; convert for display).
    pub year: u16,
    pub edition: u8,
    pub title_fa: String,
    pub title_en: String,
    pub title_vi: String,
    /// One or two sentences.
    pub scope_fa: String,
    pub scope_en: String,
    pub scope_vi: String,
    /// ICS codes, all in [`crate::ics`].
    pub ics: Vec<&'static str>,
    pub status: DemoStatus,
    /// Index, in the returned catalogue, of the newer edition that replaced this one.
    pub replaced_by: Option<usize>,
    pub mandatory: bool,
    /// Gregorian year, month, day from which the standard is mandatory; set exactly when
    /// `mandatory` is.
    pub mandatory_from: Option<(i32, u32, u32)>,
    /// Codes of [`crate::products`] the standard applies to.
    pub products: Vec<&'static str>,
    /// HS headings (4 digits) or subheadings (6 digits) of those products.
    pub hs_prefixes: Vec<&'static str>,
    pub clauses: Vec<DemoClause>,
}

/// A requirement clause of a demo standard.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoClause {
    /// `"5.1"`, `"5.2.3"`, `"Principle 1"`.
    pub number: String,
    pub parameter_fa: String,
    pub parameter_en: String,
    pub parameter_vi: String,
    /// A test-method designation (`"ISO 6892-1"`, `"TCVN 6016 (ISO 679)"`, `"INSO
    /// 12345:2011, Annex A"`).
    pub test_method: String,
    /// UN/ECE Rec 20 code, in [`crate::uom`].
    pub unit: &'static str,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Accepted outcomes of a categorical requirement (`"not detected in 25 g"`,
    /// `"pass"`); empty for numeric ones.
    pub allowed: Vec<&'static str>,
}

/// ISO numbers that are ISO/IEC joint standards.
const JOINT_ISO_IEC: &[&str] = &["17020", "17021-1", "17025", "17065", "27001"];

/// The designation of a standard given its parts.
pub(crate) fn designation_of(body: DemoBody, number: &str, year: u16) -> String {
    match body {
        DemoBody::Inso => format!("INSO {number}:{year}"),
        DemoBody::Tcvn => format!("TCVN {number}:{year}"),
        DemoBody::Qcvn => format!("QCVN {number}"),
        DemoBody::Iso if JOINT_ISO_IEC.contains(&number) => format!("ISO/IEC {number}:{year}"),
        DemoBody::Iso => format!("ISO {number}:{year}"),
        DemoBody::Iec => format!("IEC {number}:{year}"),
        DemoBody::Codex if number.starts_with("CX") => format!("{number}-{year}"),
        DemoBody::Codex => format!("CXS {number}-{year}"),
    }
}

impl DemoStandard {
    /// The usual designation: `"INSO 389:2019"`, `"TCVN ISO 9001:2015"`,
    /// `"QCVN 16:2023/BXD"`, `"ISO/IEC 17025:2017"`, `"IEC 60335-1:2020"`,
    /// `"CXS 192-1995"`, `"CXC 1-1969"`.
    pub fn designation(&self) -> String {
        designation_of(self.body, &self.number, self.year)
    }

    /// Title in `lang` (`"fa"`, `"vi"`, `"en"`; anything else gives English).
    pub fn title(&self, lang: &str) -> &str {
        match Lang::parse(lang) {
            Lang::Fa => &self.title_fa,
            Lang::En => &self.title_en,
            Lang::Vi => &self.title_vi,
        }
    }

    /// Scope in `lang`.
    pub fn scope(&self, lang: &str) -> &str {
        match Lang::parse(lang) {
            Lang::Fa => &self.scope_fa,
            Lang::En => &self.scope_en,
            Lang::Vi => &self.scope_vi,
        }
    }
}

impl DemoClause {
    /// Parameter name in `lang`.
    pub fn parameter(&self, lang: &str) -> &str {
        match Lang::parse(lang) {
            Lang::Fa => &self.parameter_fa,
            Lang::En => &self.parameter_en,
            Lang::Vi => &self.parameter_vi,
        }
    }
}
