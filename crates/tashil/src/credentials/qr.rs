//! A URL as a QR code, drawn as inline SVG (no image file, nothing fetched).

use qrcode::QrCode;
use qrcode::render::svg;

/// The SVG element of `url`'s QR code (medium error correction), or nothing if it does not fit.
pub fn svg(url: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M) else {
        return String::new();
    };
    let drawn = code
        .render::<svg::Color>()
        .min_dimensions(176, 176)
        .quiet_zone(true)
        .build();
    // Inline in HTML: the XML declaration goes.
    match drawn.find("<svg") {
        Some(at) => drawn[at..].to_owned(),
        None => drawn,
    }
}

/// `url`'s QR code as its side in modules and the modules row by row (dark is `true`), for
/// drawing elsewhere than in HTML (the printable certificate).
pub fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((code.width(), dark))
}
