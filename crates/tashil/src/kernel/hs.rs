//! Harmonized System codes as people type them: any digit script, with the dots, spaces and
//! dashes that tariff books print.

/// The digits of HS code `raw` when their count passes `length_ok` and they name a chapter of
/// the nomenclature (01–97, 77 being reserved); otherwise the field's error code.
pub fn hs_digits(raw: &str, length_ok: impl Fn(usize) -> bool) -> Result<String, &'static str> {
    let d: String = tashil_text::digits::to_ascii_digits(raw)
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}' | '-'))
        .collect();
    if d.is_empty() {
        return Err("required");
    }
    if !d.bytes().all(|b| b.is_ascii_digit()) || !length_ok(d.len()) {
        return Err("invalid_hs_code");
    }
    let chapter: u32 = d[..2].parse().unwrap_or(0);
    if !(1..=97).contains(&chapter) || chapter == 77 {
        return Err("invalid_hs_code");
    }
    Ok(d)
}
