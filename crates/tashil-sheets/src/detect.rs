//! Recognising what was uploaded, by content first and by name second, so a renamed file
//! is refused with the reason rather than a parser's confusion.

use crate::{Format, SheetError};

const ZIP_MAGICS: [&[u8]; 2] = [b"PK\x03\x04", b"PK\x05\x06"];
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Other binary formats people upload by mistake; never worth decoding as CSV.
const OTHER_MAGICS: [&[u8]; 8] = [
    b"%PDF",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"\x1F\x8B",
    b"7z\xBC\xAF",
    b"Rar!",
    b"{\\rtf",
];

/// Decides how to read an upload.
///
/// A zip is read as a workbook whatever its name (its contents are checked later); an OLE
/// file is a legacy `.xls` or a password-protected workbook (Excel encrypts into OLE); a
/// file named `.xlsx` that is neither is refused as [`SheetError::NotAZip`]. Text is CSV
/// when named `.csv`, `.tsv` or `.txt`.
pub fn detect_format(file_name: &str, bytes: &[u8]) -> Result<Format, SheetError> {
    if ZIP_MAGICS.iter().any(|m| bytes.starts_with(m)) {
        return Ok(Format::Xlsx);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(if is_encrypted_ooxml(bytes) {
            SheetError::PasswordProtected
        } else {
            SheetError::LegacyXls
        });
    }
    let unsupported = || SheetError::UnsupportedFormat {
        file_name: file_name.to_string(),
    };
    if OTHER_MAGICS.iter().any(|m| bytes.starts_with(m)) {
        return Err(unsupported());
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xltx" | "xltm" => Err(SheetError::NotAZip),
        // HTML or XML "spreadsheets" named .xls: saving as .xlsx is the fix for those too.
        "xls" => Err(SheetError::LegacyXls),
        "csv" | "tsv" | "txt" => Ok(Format::Csv),
        _ => Err(unsupported()),
    }
}

/// Excel's encrypted workbooks are OLE files with an `EncryptedPackage` stream; directory
/// entry names are UTF-16LE.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}
