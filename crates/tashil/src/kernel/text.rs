//! Free text as it is stored: one canonical form (bidi controls and other invisible marks
//! removed, Persian letters, NFC; see `tashil_text::normalize::canonical`) and a length cap, so
//! that no field can smuggle a right-to-left override into a page or fill the database.

use super::FieldError;

/// The canonical form of `raw`, refused as `too_long` past `max` characters, or as `required`
/// when empty.
pub fn bounded(field: &str, raw: &str, max: usize) -> Result<String, FieldError> {
    let v = bounded_optional(field, raw, max)?;
    if v.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    Ok(v)
}

/// As [`bounded`], where an empty value is allowed.
pub fn bounded_optional(field: &str, raw: &str, max: usize) -> Result<String, FieldError> {
    // Checked before normalising too, so a huge input is refused without the work.
    if raw.len() > max.saturating_mul(4).saturating_add(1024) {
        return Err(FieldError::new(field, "too_long"));
    }
    let v = tashil_text::normalize::canonical(raw);
    if v.chars().count() > max {
        return Err(FieldError::new(field, "too_long"));
    }
    Ok(v)
}

/// As [`bounded_optional`] inside a validation that gathers every field's error: a value too
/// long is recorded in `errs` and its start is returned (never stored, since `errs` is not
/// empty), so the caller's own checks (`required`) do not report the field twice.
pub fn capped(field: &str, raw: &str, max: usize, errs: &mut Vec<FieldError>) -> String {
    bounded_optional(field, raw, max).unwrap_or_else(|e| {
        errs.push(e);
        let start: String = raw.chars().take(max.saturating_add(1)).collect();
        tashil_text::normalize::canonical(&start)
    })
}

/// A count or an amount typed in any digit script: `None` when left empty; past `0..=max` or
/// not a number, recorded in `errs` as `invalid_number`.
pub fn optional_number(
    field: &str,
    raw: &str,
    max: i64,
    errs: &mut Vec<FieldError>,
) -> Option<i64> {
    if raw.trim().is_empty() {
        return None;
    }
    match tashil_text::digits::parse_i64(raw) {
        Some(v) if (0..=max).contains(&v) => Some(v),
        _ => {
            errs.push(FieldError::new(field, "invalid_number"));
            None
        }
    }
}

/// As [`capped`], where an empty value is recorded as `required`.
pub fn required(field: &str, raw: &str, max: usize, errs: &mut Vec<FieldError>) -> String {
    let v = capped(field, raw, max, errs);
    if v.is_empty() {
        errs.push(FieldError::new(field, "required"));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_are_removed_and_length_is_capped() {
        assert_eq!(bounded("clause", "\u{202E}4.2\u{202C}", 40).unwrap(), "4.2");
        assert_eq!(
            bounded("clause", &"۱".repeat(41), 40).unwrap_err(),
            FieldError::new("clause", "too_long")
        );
        assert_eq!(
            bounded("clause", &"x\u{202E}".repeat(200_000), 40).unwrap_err(),
            FieldError::new("clause", "too_long")
        );
        assert_eq!(
            bounded("note", " \u{200F} ", 10).unwrap_err(),
            FieldError::new("note", "required")
        );
        assert_eq!(bounded_optional("note", "", 10).unwrap(), "");
    }
}
