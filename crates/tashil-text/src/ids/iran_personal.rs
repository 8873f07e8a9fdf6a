//! Iranian personal national code (کد ملی), 10 digits: owners and QC managers.

use super::{IdError, digits_to_string, fixed_digits, iranian_digits, string_id};

/// The check digit d10 for the first nine digits (`docs/domain.md`): r = Σ d_i·(11 − i)
/// for i = 1..9, mod 11; d10 = r when r < 2, else 11 − r.
pub fn iran_personal_check_digit(prefix: &[u8; 9]) -> u8 {
    let s: u32 = prefix
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    // r < 11, so the cast cannot truncate.
    let r = (s % 11) as u8;
    if r < 2 { r } else { 11 - r }
}

/// A valid Iranian personal national code: exactly 10 ASCII digits, matching
/// check digit, not ten equal digits (those pass the checksum but are never
/// issued).
///
/// Codes issued in Tehran and elsewhere start with `00`…`09`, and a code typed
/// into a numeric spreadsheet cell loses those zeros (`docs/domain.md`,
/// "Identifiers": normalise, then check). So inputs of 8 or 9
/// digits are left-padded with zeros to 10 and then checked like any other;
/// the check digit still catches most typos in the padded value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IranPersonalCode(String);

string_id!(IranPersonalCode);

impl IranPersonalCode {
    /// Normalises (digit scripts, spaces, NBSP, bidi marks, grouping dashes),
    /// pads 8–9 digit inputs, then checks.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = iranian_digits(input)?;
        let s = match s.len() {
            8 | 9 => format!("{s:0>10}"),
            10 => s,
            found => {
                return Err(IdError::WrongLength {
                    expected: 10,
                    found,
                });
            }
        };
        let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        if d.iter().all(|&x| x == d[0]) {
            return Err(IdError::AllSameDigits);
        }
        let mut prefix = [0u8; 9];
        prefix.copy_from_slice(&d[..9]);
        if iran_personal_check_digit(&prefix) != d[9] {
            return Err(IdError::BadCheckDigit);
        }
        Ok(Self(s))
    }

    /// The valid code whose first nine digits are `prefix` (zero-padded), for
    /// the demo-data generator; `None` when `prefix` has more than nine digits
    /// or the code would be ten equal digits (`111111111` → `1111111111`).
    pub fn from_prefix(prefix: u64) -> Option<Self> {
        let digits: [u8; 9] = fixed_digits(prefix)?;
        let mut s = digits_to_string(&digits);
        s.push(char::from(b'0' + iran_personal_check_digit(&digits)));
        Self::parse(&s).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_by_hand() {
        // Prefix 049937089: 0·10 + 4·9 + 9·8 + 9·7 + 3·6 + 7·5 + 0·4 + 8·3 + 9·2
        // = 36 + 72 + 63 + 18 + 35 + 24 + 18 = 266; 266 mod 11 = 2 → d10 = 11 − 2 = 9.
        assert_eq!(iran_personal_check_digit(&[0, 4, 9, 9, 3, 7, 0, 8, 9]), 9);
        assert!(IranPersonalCode::parse("0499370899").is_ok());
        // 100000000 → 1·10 = 10 → r = 10 ≥ 2 → 11 − 10 = 1; 000000000 → r = 0 < 2 → 0;
        // 000000005 → 5·2 = 10 → 1; 000000006 → 6·2 = 12, r = 1 < 2 → 1 (r kept).
        assert_eq!(iran_personal_check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 0]), 1);
        assert_eq!(iran_personal_check_digit(&[0; 9]), 0);
        assert_eq!(iran_personal_check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 5]), 1);
        assert_eq!(iran_personal_check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 6]), 1);
    }

    #[test]
    fn pads_cells_that_lost_leading_zeros() {
        let code = IranPersonalCode::parse("0499370899").unwrap();
        assert_eq!(IranPersonalCode::parse("499370899"), Ok(code.clone()));
        let two_zeros = IranPersonalCode::from_prefix(1_234_567).unwrap();
        assert!(two_zeros.as_str().starts_with("00"));
        assert_eq!(
            IranPersonalCode::parse(&two_zeros.as_str()[2..]),
            Ok(two_zeros)
        );
        assert_eq!(
            IranPersonalCode::parse("1234567"),
            Err(IdError::WrongLength {
                expected: 10,
                found: 7
            })
        );
        assert_eq!(
            IranPersonalCode::parse("04993708991"),
            Err(IdError::WrongLength {
                expected: 10,
                found: 11
            })
        );
    }

    #[test]
    fn accepts_any_script_and_grouping() {
        let code = IranPersonalCode::parse("0499370899").unwrap();
        assert_eq!(
            IranPersonalCode::parse("\u{200E}۰۴۹-۹۳۷۰۸۹-۹ "),
            Ok(code.clone())
        );
        assert_eq!(IranPersonalCode::parse("٠٤٩٩٣٧٠٨٩٩"), Ok(code));
        assert_eq!(
            IranPersonalCode::parse("0499370898"),
            Err(IdError::BadCheckDigit)
        );
    }

    #[test]
    fn refuses_ten_equal_digits() {
        for d in 0..10u64 {
            let code = d.to_string().repeat(10);
            assert_eq!(
                IranPersonalCode::parse(&code),
                Err(IdError::AllSameDigits),
                "{code}"
            );
            assert_eq!(IranPersonalCode::from_prefix(d * 111_111_111), None);
        }
        assert_eq!(IranPersonalCode::from_prefix(1_000_000_000), None);
    }

    #[test]
    fn generated_codes_round_trip_through_serde() {
        for n in [1u64, 49_937_089, 123_456_789, 999_999_998] {
            let code = IranPersonalCode::from_prefix(n).unwrap();
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(
                serde_json::from_str::<IranPersonalCode>(&json).unwrap(),
                code
            );
        }
    }
}
