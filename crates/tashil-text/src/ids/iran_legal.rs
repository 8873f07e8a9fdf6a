//! Iranian legal-entity national ID (شناسه ملی اشخاص حقوقی), 11 digits.

use super::{IdError, digits_to_string, fixed_digits, iranian_digits, string_id};

const WEIGHTS: [u32; 10] = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];

/// The check digit d11 for the first ten digits (`docs/domain.md`): k = d10 + 2;
/// S = Σ (d_i + k)·w_i for i = 1..10 with w = 29, 27, 23, 19, 17, 29, 27, 23,
/// 19, 17; r = S mod 11; d11 = 0 when r = 10, else r.
pub fn iran_legal_check_digit(prefix: &[u8; 10]) -> u8 {
    match weighted_sum(prefix) % 11 {
        10 => 0,
        // r < 10 here, so the cast cannot truncate.
        r => r as u8,
    }
}

/// S = Σ (d_i + k)·w_i with k = d10 + 2.
fn weighted_sum(prefix: &[u8; 10]) -> u32 {
    let k = u32::from(prefix[9]) + 2;
    prefix
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| (u32::from(d) + k) * w)
        .sum()
}

/// A valid Iranian legal-entity national ID: exactly 11 ASCII digits whose last
/// digit matches [`iran_legal_check_digit`].
///
/// Unlike [`super::IranPersonalCode`], a short input is *not* left-padded: every
/// issued legal-entity ID starts with the digit 1 (the series began at
/// 101…), so a numeric spreadsheet cell cannot have dropped a leading zero, and
/// padding would only turn a mistyped 10-digit number into an accidental match
/// (one in eleven pads would pass the checksum).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IranLegalId(String);

string_id!(IranLegalId);

impl IranLegalId {
    /// Normalises (digit scripts, spaces, NBSP, bidi marks, grouping dashes)
    /// then checks length and check digit.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = iranian_digits(input)?;
        let digits: [u8; 11] = s
            .bytes()
            .map(|b| b - b'0')
            .collect::<Vec<u8>>()
            .try_into()
            .map_err(|_| IdError::WrongLength {
                expected: 11,
                found: s.len(),
            })?;
        let mut prefix = [0u8; 10];
        prefix.copy_from_slice(&digits[..10]);
        if iran_legal_check_digit(&prefix) != digits[10] {
            return Err(IdError::BadCheckDigit);
        }
        Ok(Self(s))
    }

    /// The valid ID whose first ten digits are the low ten decimal digits of
    /// `prefix` (zero-padded), for the demo-data generator.
    pub fn from_prefix(prefix: u64) -> Self {
        let digits: [u8; 10] = fixed_digits(prefix % 10_000_000_000)
            .expect("a number below 10^10 has at most ten digits");
        let mut s = digits_to_string(&digits);
        s.push(char::from(b'0' + iran_legal_check_digit(&digits)));
        Self(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_by_hand() {
        // Prefix 1010039644: d10 = 4, so k = 6.
        // d_i + k:   7   6   7   6   6   9  15  12  10  10
        // w_i:      29  27  23  19  17  29  27  23  19  17
        // product: 203 162 161 114 102 261 405 276 190 170 → S = 2044
        // 2044 = 11·185 + 9 → r = 9 → d11 = 9: the ID is 10100396449.
        assert_eq!(iran_legal_check_digit(&[1, 0, 1, 0, 0, 3, 9, 6, 4, 4]), 9);
        assert!(IranLegalId::parse("10100396449").is_ok());
        assert_eq!(
            IranLegalId::parse("10100396440"),
            Err(IdError::BadCheckDigit)
        );
    }

    #[test]
    fn remainder_ten_gives_zero() {
        // Find a prefix whose S mod 11 is 10 and check that d11 = 0 is accepted.
        let prefix = (1_010_000_000..1_010_000_200u64)
            .map(|n| fixed_digits::<10>(n).unwrap())
            .find(|p| weighted_sum(p) % 11 == 10)
            .expect("some prefix in 200 has remainder 10");
        assert_eq!(iran_legal_check_digit(&prefix), 0);
        let id = format!("{}0", digits_to_string(&prefix));
        assert!(IranLegalId::parse(&id).is_ok());
    }

    #[test]
    fn generated_ids_parse_in_any_script_and_every_typo_is_caught() {
        for n in [1_010_039_644u64, 1_400_000_000, 1_486_123_456, 7] {
            let id = IranLegalId::from_prefix(n);
            assert_eq!(id.as_str().len(), 11);
            let persian = crate::to_persian_digits(id.as_str());
            assert_eq!(
                IranLegalId::parse(&format!("\u{200F} {persian}\u{00A0}")),
                Ok(id.clone())
            );
            let mut bytes = id.as_str().as_bytes().to_vec();
            let last = bytes[10] - b'0';
            bytes[10] = b'0' + (last + 1) % 10;
            let typo = String::from_utf8(bytes).unwrap();
            assert_eq!(IranLegalId::parse(&typo), Err(IdError::BadCheckDigit));
        }
    }

    #[test]
    fn refuses_bad_shapes_and_does_not_pad() {
        let id = IranLegalId::from_prefix(1_010_039_644);
        assert_eq!(
            IranLegalId::parse(&id.as_str()[1..]),
            Err(IdError::WrongLength {
                expected: 11,
                found: 10
            })
        );
        assert_eq!(IranLegalId::parse(""), Err(IdError::Empty));
        assert_eq!(IranLegalId::parse("1010039644x"), Err(IdError::NotDigits));
    }

    #[test]
    fn serde_is_a_string() {
        let id = IranLegalId::from_prefix(1_010_039_644);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"10100396449\"");
        assert_eq!(serde_json::from_str::<IranLegalId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<IranLegalId>("\"10100396440\"").is_err());
        assert_eq!(id.to_string(), "10100396449");
    }
}
