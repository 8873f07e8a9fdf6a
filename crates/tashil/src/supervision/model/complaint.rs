//! A complaint about a product or a unit, free of HTTP and SQL: what the complainant writes
//! (checked field by field), the states it moves through (received → under review → acted
//! on → closed, never back), and its follow-up code (random, shown once, kept as a digest).

use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::kernel::FieldError;

/// The longest short field (product, brand, where bought, unit as typed, name, contact).
pub const MAX_SHORT: usize = 200;
/// The longest account of what happened, public reply or internal note.
pub const MAX_TEXT: usize = 5_000;
/// Characters of a follow-up code: 12 of Crockford's base32, 60 bits.
pub const CODE_LENGTH: usize = 12;
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintState {
    Received,
    UnderReview,
    /// Inspected, or a measure taken.
    Acted,
    Closed,
}

impl ComplaintState {
    pub const ALL: [ComplaintState; 4] = [
        ComplaintState::Received,
        ComplaintState::UnderReview,
        ComplaintState::Acted,
        ComplaintState::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintState::Received => "received",
            ComplaintState::UnderReview => "under_review",
            ComplaintState::Acted => "acted",
            ComplaintState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    fn rank(self) -> u8 {
        self as u8
    }

    /// Whether the office may move a complaint from `self` to `to`: forward only (a step may
    /// be skipped: an unfounded complaint closes from review), and a closed one stays closed.
    /// Staying in the same state (a further reply) is allowed until closed.
    pub fn may_move_to(self, to: ComplaintState) -> bool {
        self != ComplaintState::Closed && to.rank() >= self.rank()
    }
}

/// What a complainant sends.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ComplaintDraft {
    /// The unit from the registry, if known (its national ID or name looked up).
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// The unit as the complainant names it when it is not in the registry.
    #[serde(default)]
    pub unit_text: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub brand: String,
    /// Where the product was bought.
    #[serde(default)]
    pub bought_at: String,
    /// What happened.
    #[serde(default)]
    pub account: String,
    /// The province (`IR-26`), when the unit is not from the registry.
    #[serde(default)]
    pub province: String,
    /// Optional contact details: only the system's own mail uses them.
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
}

/// A draft whose fields passed their checks (trimmed; empty optional fields are `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidComplaint {
    pub unit_id: Option<i64>,
    pub unit_text: Option<String>,
    pub product: String,
    pub brand: String,
    pub bought_at: String,
    pub account: String,
    pub province: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

fn short(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<String> {
    let v = raw.trim();
    if v.chars().count() > MAX_SHORT {
        errs.push(FieldError::new(field, "too_long"));
    }
    (!v.is_empty()).then(|| v.to_owned())
}

fn plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
}

impl ComplaintDraft {
    /// Checks each field: a product or a unit named, an account of what happened, a
    /// province when no registered unit gives one, contact details well formed.
    pub fn validate(&self) -> Result<ValidComplaint, Vec<FieldError>> {
        let mut errs = vec![];
        let unit_text = short("unit_text", &self.unit_text, &mut errs);
        let product = short("product", &self.product, &mut errs);
        let brand = short("brand", &self.brand, &mut errs).unwrap_or_default();
        let bought_at = short("bought_at", &self.bought_at, &mut errs).unwrap_or_default();
        if product.is_none() && self.unit_id.is_none() && unit_text.is_none() {
            errs.push(FieldError::new("product", "required"));
        }
        let account = self.account.trim();
        if account.is_empty() {
            errs.push(FieldError::new("account", "required"));
        } else if account.chars().count() > MAX_TEXT {
            errs.push(FieldError::new("account", "too_long"));
        }
        let province = short("province", &self.province, &mut errs);
        if self.unit_id.is_none() && province.is_none() {
            errs.push(FieldError::new("province", "required"));
        }
        let contact_name = short("contact_name", &self.contact_name, &mut errs);
        let contact_email = short("contact_email", &self.contact_email, &mut errs);
        if contact_email
            .as_deref()
            .is_some_and(|e| !plausible_email(e))
        {
            errs.push(FieldError::new("contact_email", "invalid_email"));
        }
        let contact_phone = short("contact_phone", &self.contact_phone, &mut errs);
        if contact_phone
            .as_deref()
            .is_some_and(|p| !p.chars().all(|c| c.is_ascii_digit() || "+ -".contains(c)))
        {
            errs.push(FieldError::new("contact_phone", "invalid_phone"));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidComplaint {
            unit_id: self.unit_id,
            unit_text,
            product: product.unwrap_or_default(),
            brand,
            bought_at,
            account: account.to_owned(),
            province,
            contact_name,
            contact_email,
            contact_phone,
        })
    }
}

/// A new follow-up code (60 random bits), shown to the complainant once.
pub fn new_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A code as typed, normalised: case and separators ignored, and the letters Crockford
/// reads as digits (O → 0, I and L → 1) read so; `None` when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// What is stored of a code: its SHA-256 (a code has 60 random bits; no salt needed).
pub fn code_digest(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ComplaintDraft {
        ComplaintDraft {
            product: "شیر".into(),
            account: "بوی ترشیدگی".into(),
            province: "IR-26".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_draft_names_what_it_is_about_and_what_happened() {
        assert!(draft().validate().is_ok());
        let empty = ComplaintDraft::default().validate().unwrap_err();
        let fields: Vec<_> = empty.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["product", "account", "province"]);
        let mut d = draft();
        d.contact_email = "not-mail".into();
        d.contact_phone = "call me".into();
        let e = d.validate().unwrap_err();
        assert_eq!(e[0].code, "invalid_email");
        assert_eq!(e[1].code, "invalid_phone");
        let mut d = draft();
        d.province.clear();
        d.unit_id = Some(3);
        assert_eq!(d.validate().unwrap().province, None);
    }

    #[test]
    fn states_move_forward_only_and_a_closed_one_stays_closed() {
        use ComplaintState::*;
        assert!(Received.may_move_to(UnderReview));
        assert!(UnderReview.may_move_to(Closed));
        assert!(UnderReview.may_move_to(UnderReview));
        assert!(!Acted.may_move_to(Received));
        assert!(!Closed.may_move_to(Closed));
        for s in ComplaintState::ALL {
            assert_eq!(ComplaintState::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn codes_are_random_and_read_back_however_typed() {
        let a = new_code();
        assert_ne!(a, new_code());
        assert_eq!(normalise_code(&a.to_lowercase()), Some(a.clone()));
        assert_eq!(
            normalise_code("abcd-efgh-jkmo"),
            Some("ABCDEFGHJKM0".into())
        );
        assert_eq!(normalise_code("short"), None);
        assert_eq!(normalise_code("ABCDEFGHJKMU"), None);
        assert_eq!(code_digest(&a).len(), 64);
    }
}
