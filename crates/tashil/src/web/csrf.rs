//! CSRF tokens bound to the session (or, before login, to an anonymous cookie), signed with a
//! secret shared through the database so every instance accepts every other's tokens.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const FIELD: &str = "_csrf";
pub const HEADER: &str = "x-csrf-token";

fn mac(secret: &[u8], binding: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(b"tashil-csrf:");
    mac.update(binding.as_bytes());
    mac
}

pub fn token(secret: &[u8], binding: &str) -> String {
    hex::encode(mac(secret, binding).finalize().into_bytes())
}

/// Constant-time check of a presented token.
pub fn verify(secret: &[u8], binding: &str, presented: &str) -> bool {
    let Ok(bytes) = hex::decode(presented.trim()) else {
        return false;
    };
    mac(secret, binding).verify_slice(&bytes).is_ok()
}

/// The `_csrf` value of an `application/x-www-form-urlencoded` body, if any.
pub fn from_form_body(body: &[u8]) -> Option<String> {
    form_urlencoded_pairs(body)
        .into_iter()
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v)
}

fn form_urlencoded_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_html_form::from_bytes::<Vec<(String, String)>>(body).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_verifies_only_for_its_binding() {
        let t = token(b"k", "s:abc");
        assert!(verify(b"k", "s:abc", &t));
        assert!(!verify(b"k", "s:abd", &t));
        assert!(!verify(b"other", "s:abc", &t));
        assert!(!verify(b"k", "s:abc", "zz"));
    }

    #[test]
    fn finds_field_in_form_body() {
        assert_eq!(from_form_body(b"a=1&_csrf=xyz&b=2").as_deref(), Some("xyz"));
    }
}
