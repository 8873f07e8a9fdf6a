//! Pure text, number, date and identifier rules shared by every part of Tashil
//! (registry import, search, forms). No I/O, no HTTP, no SQL.
//!
//! The rules come from the domain notes (`docs/domain.md`: "Identifiers",
//! "Calendars and working days", "Scripts, digits and spreadsheets"):
//!
//! - [`lang`]: the three UI languages (fa default, vi, en).
//! - [`digits`]: Persian / Arabic-Indic / ASCII digits and tolerant number parsing.
//! - [`clean`]: removal of invisible bidi marks that spreadsheets and copy-paste bring.
//! - [`normalize`]: the one stored form of a name ([`canonical`]) and the search
//!   folding ([`search_key`], [`search_tokens`]).
//! - [`ids`]: Iranian legal-entity IDs, Iranian personal codes, Vietnamese enterprise codes.
//! - [`dates`]: Solar Hijri conversion (ICU4X), date formatting and tolerant parsing,
//!   Excel serial dates.
//! - [`numbers`]: locale-aware number formatting (ICU4X).
//! - [`workdays`]: working days, public holidays of Iran and Vietnam, deadlines.
//! - [`variants`]: the spellings users type for one text, for tests of the folding
//!   here, of the search index and of the application.
//!
//! Every error type has a stable snake_case `code()` so the app can translate it.
//!
//! ```
//! use tashil_text::*;
//!
//! // One stored form, one search key, whatever the keyboard.
//! assert_eq!(canonical(" Thanh Hoá\u{200F} "), "Thanh Hóa");
//! assert_eq!(search_key("كتاب‌هاي"), search_key("کتابهای"));
//! assert_eq!(search_tokens("Tiêu chuẩn TCVN"), ["tieu", "chuan", "tcvn"]);
//!
//! // IDs typed with Persian digits and bidi marks are the same ID.
//! let code = IranPersonalCode::parse("\u{200E}۰۴۹۹۳۷۰۸۹۹").unwrap();
//! assert_eq!(code.as_str(), "0499370899");
//!
//! // Dates: Solar Hijri in, Gregorian stored, each audience's format out.
//! let date = parse_date("۱۴۰۲/۰۶/۲۸").unwrap();
//! assert_eq!(date.to_string(), "2023-09-19");
//! assert_eq!(format_date(date, Lang::Fa), "۲۸ شهریور ۱۴۰۲");
//! assert_eq!(format_integer(1_234_567, Lang::Vi), "1.234.567");
//! ```

pub mod clean;
pub mod dates;
pub mod digits;
pub mod ids;
pub mod lang;
pub mod normalize;
pub mod numbers;
pub mod variants;
pub mod workdays;

mod vietnamese;

pub use clean::{digits_only_id, strip_invisible};
pub use dates::{
    DateError, excel_serial_to_date, format_date, format_date_short, from_solar_hijri, parse_date,
    to_solar_hijri,
};
pub use digits::{localize_digits, parse_decimal, parse_i64, to_ascii_digits, to_persian_digits};
pub use ids::{IdError, IranLegalId, IranPersonalCode, VietnamEnterpriseCode};
pub use lang::Lang;
pub use normalize::{as_written, canonical, search_key, search_tokens};
pub use numbers::{format_decimal, format_integer};
