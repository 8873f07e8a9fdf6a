//! Static reference data for Tashil: countries, provinces (Iran's 31, Vietnam's 34 since
//! the 2025 merger, and Vietnam's 63 former units), demo cities, ISIC Rev.4, demo
//! products with HS 2022 codes, and word lists for generating demo names.
//!
//! Everything is `&'static` tables and small lookup functions: no I/O, no dependencies.
//! Names come in the three interface languages, Persian (`fa`), English (`en`) and
//! Vietnamese (`vi`). Persian strings use the Persian letters ی and ک (never Arabic ي
//! ك) with ZWNJ where standard; Vietnamese strings are NFC.
//!
//! Matching user input: [`fold_key`] folds case, Vietnamese diacritics, Arabic letter
//! forms and ZWNJ; [`find_province`] finds a province by any of its names and reports
//! Vietnamese units abolished in 2025 as [`ProvinceMatch::Legacy`].
//!
//! ```
//! use tashil_reference::{ProvinceMatch, cities_of, find_province, isic, province};
//!
//! // Old Vietnamese province names still arrive in spreadsheets.
//! match find_province("nam dinh") {
//!     Some(ProvinceMatch::Legacy { was, now }) => {
//!         assert_eq!(was.name("vi"), "Nam Định");
//!         assert_eq!(now.name("vi"), "Ninh Bình");
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//! // Arabic letter forms and missing ZWNJ are fine.
//! let qazvin = find_province("استان قزوين").unwrap().province();
//! assert_eq!(qazvin.code, "IR-26");
//! assert_eq!(province("IR-26").unwrap().name("en"), "Qazvin");
//! assert!(cities_of("IR-26").iter().any(|c| c.name_en == "Takestan"));
//!
//! let cement = isic::class("2394").unwrap();
//! assert_eq!(cement.name("fa"), "ساخت سیمان، آهک و گچ");
//! assert_eq!(cement.section().letter, 'C');
//! ```

pub mod cities;
pub mod country;
pub mod fold;
pub mod ics;
pub mod isic;
pub mod lang;
pub mod lookup;
pub mod names;
pub mod products;
pub mod provinces;
pub mod standards;
pub mod uom;
pub mod vn_legacy;

pub use cities::{CITIES, City, cities_of, city};
pub use country::Country;
pub use fold::{fold_compact, fold_key};
pub use isic::{IsicClass, IsicDivision, IsicSection, class, division, section, section_of_class};
pub use lang::Lang;
pub use lookup::{ProvinceMatch, find_province};
pub use products::{PRODUCTS, Product, product};
pub use provinces::{PROVINCES, Province, province, provinces_of};
pub use vn_legacy::{LEGACY_PROVINCES, LegacyProvince, current_unit_for_legacy};
