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
