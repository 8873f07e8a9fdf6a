//! Generated cases for the three identifiers: a number built with its check digit parses
//! in any digit script, and changing one digit to another is caught wherever the scheme
//! can catch it. Where it cannot, the test states exactly which changes slip through,
//! so a weaker implementation still fails.
//!
//! The remainders are computed here again, from the rules as the domain notes state
//! them (`docs/domain.md`, "Identifiers"), as an oracle independent of the code.

use proptest::prelude::*;
use tashil_text::{IdError, IranLegalId, IranPersonalCode, VietnamEnterpriseCode};

fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

fn with_digit(s: &str, at: usize, delta: u32) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| match (i == at, c.to_digit(10)) {
            (true, Some(d)) => char::from_digit((d + delta) % 10, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Legal ID: S = Σ (d_i + k)·w_i, k = d10 + 2, over the first ten digits.
fn legal_remainder(d: &[u32]) -> u32 {
    const W: [u32; 10] = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
    let k = d[9] + 2;
    d[..10].iter().zip(W).map(|(x, w)| (x + k) * w).sum::<u32>() % 11
}

/// Personal code: Σ d_i·(11 − i) over the first nine digits.
fn personal_remainder(d: &[u32]) -> u32 {
    d[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(x, w)| x * w)
        .sum::<u32>()
        % 11
}

fn in_any_script(id: &str) -> String {
    format!("\u{200F} {}\u{00A0}", tashil_text::to_persian_digits(id))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn legal_ids_built_from_any_prefix_parse(prefix in 0u64..10_000_000_000) {
        let id = IranLegalId::from_prefix(prefix);
        prop_assert_eq!(IranLegalId::parse(id.as_str()), Ok(id.clone()));
        prop_assert_eq!(IranLegalId::parse(&in_any_script(id.as_str())), Ok(id));
    }

    /// Every weight, and the weight of d10 through k (Σw + w10 = 247 ≡ 5), is non-zero
    /// mod 11, so one changed digit always changes the remainder; but remainders 0 and
    /// 10 both give check digit 0, so exactly the changes between those two pass.
    #[test]
    fn legal_id_one_changed_digit_fails_unless_remainders_are_0_and_10(
        prefix in 0u64..10_000_000_000,
        at in 0usize..11,
        delta in 1u32..10,
    ) {
        let id = IranLegalId::from_prefix(prefix);
        let typo = with_digit(id.as_str(), at, delta);
        let (before, after) = (legal_remainder(&digits(id.as_str())), legal_remainder(&digits(&typo)));
        let undetectable = at < 10 && matches!((before, after), (0, 10) | (10, 0));
        match IranLegalId::parse(&typo) {
            Ok(_) => prop_assert!(undetectable, "{} → {} passed", id, typo),
            Err(e) => {
                prop_assert!(!undetectable, "{} → {} should pass the checksum", id, typo);
                prop_assert_eq!(e, IdError::BadCheckDigit);
            }
        }
    }

    #[test]
    fn personal_codes_built_from_any_prefix_parse(prefix in 0u64..1_000_000_000) {
        let Some(code) = IranPersonalCode::from_prefix(prefix) else {
            // Only the ten codes of one repeated digit are refused.
            prop_assert_eq!(prefix % 111_111_111, 0);
            return Ok(());
        };
        prop_assert_eq!(IranPersonalCode::parse(code.as_str()), Ok(code.clone()));
        prop_assert_eq!(IranPersonalCode::parse(&in_any_script(code.as_str())), Ok(code.clone()));
        // A spreadsheet cell that dropped the leading zeros.
        let trimmed = code.as_str().trim_start_matches('0');
        if trimmed.len() >= 8 {
            prop_assert_eq!(IranPersonalCode::parse(trimmed), Ok(code));
        }
    }

    /// The weights 10…2 are non-zero mod 11, so one changed digit always changes the
    /// remainder; but remainders 1 and 10 both give check digit 1, so exactly the
    /// changes between those two pass (unless they make ten equal digits).
    #[test]
    fn personal_code_one_changed_digit_fails_unless_remainders_are_1_and_10(
        prefix in 0u64..1_000_000_000,
        at in 0usize..10,
        delta in 1u32..10,
    ) {
        let Some(code) = IranPersonalCode::from_prefix(prefix) else { return Ok(()) };
        let typo = with_digit(code.as_str(), at, delta);
        let d = digits(&typo);
        let (before, after) = (personal_remainder(&digits(code.as_str())), personal_remainder(&d));
        let same_digits = d.iter().all(|&x| x == d[0]);
        let undetectable = at < 9 && matches!((before, after), (1, 10) | (10, 1)) && !same_digits;
        match IranPersonalCode::parse(&typo) {
            Ok(_) => prop_assert!(undetectable, "{} → {} passed", code, typo),
            Err(e) => {
                prop_assert!(!undetectable, "{} → {} should pass the checksum", code, typo);
                prop_assert!(matches!(e, IdError::BadCheckDigit | IdError::AllSameDigits));
            }
        }
    }

    #[test]
    fn vietnam_codes_built_from_any_prefix_parse(prefix in 0u64..1_000_000_000, branch in 1u16..=999) {
        let Some(code) = VietnamEnterpriseCode::from_prefix(prefix) else {
            // Prefixes whose remainder is 0 are never issued.
            let d = digits(&format!("{prefix:09}"));
            const W: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];
            prop_assert_eq!(d.iter().zip(W).map(|(x, w)| x * w).sum::<u32>() % 11, 0);
            return Ok(());
        };
        prop_assert_eq!(VietnamEnterpriseCode::parse(code.as_str()), Ok(code.clone()));
        prop_assert_eq!(VietnamEnterpriseCode::parse(&in_any_script(code.as_str())), Ok(code.clone()));
        let with_branch = code.with_branch(branch).expect("1..=999");
        prop_assert_eq!(VietnamEnterpriseCode::parse(with_branch.as_str()), Ok(with_branch.clone()));
        prop_assert_eq!(with_branch.main_code(), code.as_str());
        if let Some(nine) = code.as_str().strip_prefix('0') {
            prop_assert_eq!(VietnamEnterpriseCode::parse(nine), Ok(code));
        }
    }

    /// The weights are non-zero mod 11 and d10 = 10 − r maps the remainders 1…10 to
    /// ten different digits (0 has no check digit): every one-digit change is caught.
    #[test]
    fn vietnam_code_any_changed_digit_fails(
        prefix in 0u64..1_000_000_000,
        at in 0usize..10,
        delta in 1u32..10,
    ) {
        let Some(code) = VietnamEnterpriseCode::from_prefix(prefix) else { return Ok(()) };
        let typo = with_digit(code.as_str(), at, delta);
        prop_assert_eq!(VietnamEnterpriseCode::parse(&typo), Err(IdError::BadCheckDigit), "{}", typo);
    }
}

/// The undetected changes the properties allow do exist: the weakness is the scheme's,
/// not a gap in the tests.
#[test]
fn the_iranian_schemes_each_let_one_kind_of_typo_through() {
    // Personal: 000000006 → r = 1 → 1; 000000005 → r = 10 → 1.
    assert!(IranPersonalCode::parse("0000000061").is_ok());
    assert!(IranPersonalCode::parse("0000000051").is_ok());
    // Legal: search a prefix whose one-digit change moves the remainder 0 ↔ 10.
    let found = (1_010_000_000u64..1_010_002_000).any(|p| {
        let id = IranLegalId::from_prefix(p);
        (0..10).any(|at| {
            (1..10).any(|delta| IranLegalId::parse(&with_digit(id.as_str(), at, delta)).is_ok())
        })
    });
    assert!(found, "some legal ID has an undetected one-digit change");
}
