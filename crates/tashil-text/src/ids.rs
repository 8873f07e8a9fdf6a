//! Registry identifiers, parsed once into types that can only hold valid values
//! ("parse, don't validate"). The check-digit rules are those of `docs/domain.md`,
//! "Identifiers" (checked there against published numbers); d1 is the leftmost
//! digit.
//!
//! Every `parse` first applies [`crate::digits_only_id`], so Persian and
//! Arabic-Indic digits, spaces, NBSP, bidi marks and Excel's leading apostrophe
//! are accepted; two inputs that parse to the same value are the same ID
//! (`docs/domain.md`: equal after normalisation means a duplicate).

mod iran_legal;
mod iran_personal;
mod vietnam;

pub use iran_legal::{IranLegalId, iran_legal_check_digit};
pub use iran_personal::{IranPersonalCode, iran_personal_check_digit};
pub use vietnam::{VietnamEnterpriseCode, vietnam_enterprise_check_digit};

/// Why a text is not a valid identifier. `code()` is stable for translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Nothing left after removing spaces and invisible marks.
    #[error("the identifier is empty")]
    Empty,
    /// A character other than a digit (or an allowed dash).
    #[error("the identifier may only contain digits")]
    NotDigits,
    /// Too few or too many digits.
    #[error("expected {expected} digits, found {found}")]
    WrongLength {
        /// The number of digits the identifier has.
        expected: usize,
        /// The number of digits given.
        found: usize,
    },
    /// The last digit does not match the others: usually a typo.
    #[error("the check digit does not match; the number is mistyped")]
    BadCheckDigit,
    /// Ten equal digits pass the personal-code checksum but are never issued.
    #[error("a code of ten equal digits is not a real code")]
    AllSameDigits,
    /// A Vietnamese branch suffix other than `-001` … `-999`.
    #[error("the branch suffix must be three digits from 001 to 999")]
    BadBranch,
}

impl IdError {
    /// Stable snake_case code for translation and API responses.
    pub const fn code(&self) -> &'static str {
        match self {
            IdError::Empty => "id_empty",
            IdError::NotDigits => "id_not_digits",
            IdError::WrongLength { .. } => "id_wrong_length",
            IdError::BadCheckDigit => "id_bad_check_digit",
            IdError::AllSameDigits => "id_all_same_digits",
            IdError::BadBranch => "id_bad_branch",
        }
    }
}

/// Normalises and removes grouping dashes (a dash between two digits, as in
/// `001-234567-8`), for the Iranian identifiers, where dashes never carry meaning.
fn iranian_digits(input: &str) -> Result<String, IdError> {
    let s = crate::digits_only_id(input);
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'-' {
            let between =
                i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !between {
                return Err(IdError::NotDigits);
            }
        } else if c.is_ascii_digit() {
            out.push(char::from(c));
        } else {
            return Err(IdError::NotDigits);
        }
    }
    Ok(out)
}

/// `n` as exactly `N` decimal digits (leading zeros), or `None` if it has more.
fn fixed_digits<const N: usize>(n: u64) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let mut rest = n;
    for slot in out.iter_mut().rev() {
        *slot = u8::try_from(rest % 10).ok()?;
        rest /= 10;
    }
    (rest == 0).then_some(out)
}

fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Display, `as_str`, `FromStr` and string serde for an ID newtype over `String`.
macro_rules! string_id {
    ($t:ty) => {
        impl $t {
            /// The normalised value (ASCII digits), as stored and displayed.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl std::str::FromStr for $t {
            type Err = crate::ids::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}
use string_id;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(IdError::Empty.code(), "id_empty");
        assert_eq!(IdError::NotDigits.code(), "id_not_digits");
        let wl = IdError::WrongLength {
            expected: 10,
            found: 7,
        };
        assert_eq!(wl.code(), "id_wrong_length");
        assert_eq!(wl.to_string(), "expected 10 digits, found 7");
        assert_eq!(IdError::BadCheckDigit.code(), "id_bad_check_digit");
        assert_eq!(IdError::AllSameDigits.code(), "id_all_same_digits");
        assert_eq!(IdError::BadBranch.code(), "id_bad_branch");
    }

    #[test]
    fn iranian_digits_drops_grouping_dashes_only() {
        assert_eq!(iranian_digits("۰۰۱-۲۳۴۵۶۷-۸").unwrap(), "0012345678");
        assert_eq!(iranian_digits("-12"), Err(IdError::NotDigits));
        assert_eq!(iranian_digits("12-"), Err(IdError::NotDigits));
        assert_eq!(iranian_digits("1--2"), Err(IdError::NotDigits));
        assert_eq!(iranian_digits(" \u{200F} "), Err(IdError::Empty));
    }

    #[test]
    fn fixed_digits_pads_and_bounds() {
        assert_eq!(fixed_digits::<4>(12), Some([0, 0, 1, 2]));
        assert_eq!(fixed_digits::<2>(123), None);
    }
}
