//! Vietnamese enterprise / tax code (mã số doanh nghiệp), 10 digits with an
//! optional branch suffix `-001` … `-999`.

use super::{IdError, digits_to_string, fixed_digits, string_id};

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// The check digit d10 for the first nine digits (`docs/domain.md`): d10 = 10 −
/// (Σ d_i·w_i mod 11) with w = 31, 29, 23, 19, 17, 13, 7, 5, 3. `None` when the
/// remainder is 0 (d10 would be 10): such prefixes are never issued.
pub fn vietnam_enterprise_check_digit(prefix: &[u8; 9]) -> Option<u8> {
    let s: u32 = prefix
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    // 1 ≤ r ≤ 10 after the check, so 10 − r fits in a digit.
    match s % 11 {
        0 => None,
        r => Some((10 - r) as u8),
    }
}

/// A valid Vietnamese enterprise code, stored as `0101243150` or, for a branch,
/// `0101243150-001`.
///
/// Accepted spellings besides those: digit scripts, spaces, NBSP, bidi marks,
/// any dash look-alike before the branch; the 13-digit form without a dash
/// (`0101243150001`, as older tax registers print branches); and a main code of
/// 9 digits, left-padded with one zero, because codes of northern provinces
/// start with `0` and numeric spreadsheet cells drop it (`docs/domain.md`). The first
/// two digits name the issuing tax office and are not checked against the
/// province (a firm that moves keeps them).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VietnamEnterpriseCode(String);

string_id!(VietnamEnterpriseCode);

impl VietnamEnterpriseCode {
    /// Normalises, splits off a branch suffix, then checks.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = crate::digits_only_id(input);
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let (main, branch) = match s.split_once('-') {
            Some((main, branch)) => (main, Some(branch)),
            None if s.len() >= 12 && s.bytes().all(|b| b.is_ascii_digit()) => {
                let (main, branch) = s.split_at(s.len() - 3);
                (main, Some(branch))
            }
            None => (s.as_str(), None),
        };
        if !main.bytes().all(|b| b.is_ascii_digit()) || main.is_empty() {
            return Err(IdError::NotDigits);
        }
        let main = match main.len() {
            9 => format!("0{main}"),
            10 => main.to_owned(),
            found => {
                return Err(IdError::WrongLength {
                    expected: 10,
                    found,
                });
            }
        };
        let d: Vec<u8> = main.bytes().map(|b| b - b'0').collect();
        let mut prefix = [0u8; 9];
        prefix.copy_from_slice(&d[..9]);
        if vietnam_enterprise_check_digit(&prefix) != Some(d[9]) {
            return Err(IdError::BadCheckDigit);
        }
        match branch {
            None => Ok(Self(main)),
            Some(b) if b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit()) && b != "000" => {
                Ok(Self(format!("{main}-{b}")))
            }
            Some(_) => Err(IdError::BadBranch),
        }
    }

    /// The valid code whose first nine digits are `prefix` (zero-padded), for
    /// the demo-data generator; `None` when `prefix` has more than nine digits
    /// or its remainder is 0 (never issued).
    pub fn from_prefix(prefix: u64) -> Option<Self> {
        let digits: [u8; 9] = fixed_digits(prefix)?;
        let check = vietnam_enterprise_check_digit(&digits)?;
        let mut s = digits_to_string(&digits);
        s.push(char::from(b'0' + check));
        Some(Self(s))
    }

    /// The same enterprise's branch `n` (1–999); `None` outside that range.
    pub fn with_branch(&self, n: u16) -> Option<Self> {
        (1..=999)
            .contains(&n)
            .then(|| Self(format!("{}-{n:03}", self.main_code())))
    }

    /// The 10-digit code of the enterprise itself (without the branch).
    pub fn main_code(&self) -> &str {
        &self.0[..10]
    }

    /// The branch number, if this is a branch code.
    pub fn branch(&self) -> Option<u16> {
        self.0.get(11..).and_then(|b| b.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_by_hand() {
        // 010124315: 0·31 + 1·29 + 0·23 + 1·19 + 2·17 + 4·13 + 3·7 + 1·5 + 5·3
        // = 29 + 19 + 34 + 52 + 21 + 5 + 15 = 175; 175 mod 11 = 10 → d10 = 0.
        assert_eq!(
            vietnam_enterprise_check_digit(&[0, 1, 0, 1, 2, 4, 3, 1, 5]),
            Some(0)
        );
        // 030058856: 3·29 + 5·17 + 8·13 + 8·7 + 5·5 + 6·3 = 375; mod 11 = 1 → d10 = 9.
        assert_eq!(
            vietnam_enterprise_check_digit(&[0, 3, 0, 0, 5, 8, 8, 5, 6]),
            Some(9)
        );
        // 000000011 → 5 + 3 = 8 → 2; 100000000 → 31 mod 11 = 9 → 1.
        assert_eq!(
            vietnam_enterprise_check_digit(&[0, 0, 0, 0, 0, 0, 0, 1, 1]),
            Some(2)
        );
        assert_eq!(
            vietnam_enterprise_check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 0]),
            Some(1)
        );
        // Remainder 0 is never issued: 000000000.
        assert_eq!(vietnam_enterprise_check_digit(&[0; 9]), None);
        assert_eq!(VietnamEnterpriseCode::from_prefix(0), None);
        assert_eq!(
            VietnamEnterpriseCode::parse("0000000000"),
            Err(IdError::BadCheckDigit)
        );
    }

    #[test]
    fn parses_main_and_branch_forms() {
        let main = VietnamEnterpriseCode::parse("0101243150").unwrap();
        assert_eq!(main.branch(), None);
        let branch = VietnamEnterpriseCode::parse("0101243150-001").unwrap();
        assert_eq!(branch.as_str(), "0101243150-001");
        assert_eq!(branch.main_code(), "0101243150");
        assert_eq!(branch.branch(), Some(1));
        assert_eq!(main.with_branch(1), Some(branch.clone()));
        assert_eq!(main.with_branch(0), None);
        for same in [
            "0101243150\u{2013}001",
            " 0101 243 150 - 001 ",
            "0101243150001",
            "101243150-001",
        ] {
            assert_eq!(
                VietnamEnterpriseCode::parse(same),
                Ok(branch.clone()),
                "{same}"
            );
        }
        assert_eq!(VietnamEnterpriseCode::parse("101243150"), Ok(main.clone()));
        assert_eq!(VietnamEnterpriseCode::parse("۰۱۰۱۲۴۳۱۵۰"), Ok(main));
    }

    #[test]
    fn refuses_bad_codes() {
        use IdError::*;
        let cases = [
            ("", Empty),
            ("0101243151", BadCheckDigit),
            ("0101243150-000", BadBranch),
            ("0101243150-01", BadBranch),
            ("0101243150-0001", BadBranch),
            ("0101243150-", BadBranch),
            ("0101243150-00a", BadBranch),
            ("01012431x0", NotDigits),
            ("-001", NotDigits),
            (
                "01012431",
                WrongLength {
                    expected: 10,
                    found: 8,
                },
            ),
        ];
        for (input, err) in cases {
            assert_eq!(VietnamEnterpriseCode::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn generator_and_serde() {
        let mut made = 0;
        for n in 100_000_000u64..100_000_100 {
            if let Some(code) = VietnamEnterpriseCode::from_prefix(n) {
                let json = serde_json::to_string(&code).unwrap();
                assert_eq!(
                    serde_json::from_str::<VietnamEnterpriseCode>(&json).unwrap(),
                    code
                );
                made += 1;
            }
        }
        // About one prefix in eleven has remainder 0.
        assert!((85..=95).contains(&made), "{made}");
        assert_eq!(VietnamEnterpriseCode::from_prefix(1_000_000_000), None);
    }
}
