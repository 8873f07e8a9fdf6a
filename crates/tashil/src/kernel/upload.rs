//! A file someone uploads to a record (a case's evidence, an application's documents): its
//! kind decided by its extension and confirmed by its first bytes, its size bounded, its name
//! cleaned and its digest taken. The one check every context's uploads pass, so a kind
//! refused in one place is refused everywhere.

use sha2::{Digest, Sha256};

use super::FieldError;

/// Scanned letters and spreadsheets fit; a video of the production line does not.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// The form field and API part that carries the file, and the field its errors name.
pub const FIELD: &str = "file";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What a kind's content must look like.
#[derive(Clone, Copy)]
enum Magic {
    /// `%PDF-` within the first KiB (some writers put a line before it).
    Pdf,
    Prefix(&'static [u8]),
    /// Text: no NUL byte in its head, unless it starts with a UTF-16 byte order mark.
    Text,
}

/// The kinds accepted, by extension: documents and images an office can open safely.
const KINDS: &[(&str, &str, Magic)] = &[
    ("pdf", "application/pdf", Magic::Pdf),
    ("jpg", "image/jpeg", Magic::Prefix(b"\xFF\xD8\xFF")),
    ("jpeg", "image/jpeg", Magic::Prefix(b"\xFF\xD8\xFF")),
    ("png", "image/png", Magic::Prefix(b"\x89PNG\r\n\x1A\n")),
    ("xlsx", XLSX, Magic::Prefix(b"PK\x03\x04")),
    ("docx", DOCX, Magic::Prefix(b"PK\x03\x04")),
    ("csv", "text/csv", Magic::Text),
    ("txt", "text/plain", Magic::Text),
];

impl Magic {
    fn matches(self, bytes: &[u8]) -> bool {
        match self {
            Magic::Pdf => bytes[..bytes.len().min(1024)]
                .windows(5)
                .any(|w| w == b"%PDF-"),
            Magic::Prefix(p) => bytes.starts_with(p),
            Magic::Text => {
                bytes.starts_with(b"\xFF\xFE")
                    || bytes.starts_with(b"\xFE\xFF")
                    || !bytes[..bytes.len().min(8192)].contains(&0)
            }
        }
    }
}

/// A file that passed: what is stored beside its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub name: String,
    pub content_type: &'static str,
    pub size: i64,
    pub sha256: String,
}

/// The last path segment of an uploaded name, without control characters, at most 120 chars.
pub fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    tashil_text::normalize::canonical(base)
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect()
}

/// Checks an uploaded file named `file_name`; an error names [`FIELD`].
pub fn check(file_name: &str, bytes: &[u8]) -> Result<CheckedFile, FieldError> {
    let name = clean_name(file_name);
    let ext = name.rsplit('.').next().unwrap_or("").to_lowercase();
    let Some((_, content_type, magic)) = KINDS.iter().find(|(e, _, _)| *e == ext) else {
        return Err(FieldError::new(FIELD, "unsupported_attachment"));
    };
    if bytes.is_empty() {
        return Err(FieldError::new(FIELD, "no_file"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(FieldError::new(FIELD, "attachment_too_large"));
    }
    if !magic.matches(bytes) {
        return Err(FieldError::new(FIELD, "attachment_not_its_kind"));
    }
    Ok(CheckedFile {
        name,
        content_type,
        size: bytes.len() as i64,
        sha256: hex::encode(Sha256::digest(bytes)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str, bytes: &[u8]) -> &'static str {
        check(name, bytes).map_or_else(|e| e.code, |_| "ok")
    }

    #[test]
    fn uploaded_names_lose_their_path_and_controls() {
        assert_eq!(clean_name("C:\\Users\\x\\نامهٔ بانک.pdf"), "نامهٔ بانک.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\u{0007}.pdf"), "ab.pdf");
    }

    #[test]
    fn a_kind_is_named_by_its_extension_and_confirmed_by_its_content() {
        assert_eq!(code("scan.PDF", b"%PDF-1.7\n..."), "ok");
        assert_eq!(code("scan.pdf", b"\r\n%PDF-1.4"), "ok");
        assert_eq!(code("photo.jpg", b"\xFF\xD8\xFF\xE0rest"), "ok");
        assert_eq!(code("chart.png", b"\x89PNG\r\n\x1A\n...."), "ok");
        assert_eq!(code("sheet.xlsx", b"PK\x03\x04...."), "ok");
        assert_eq!(code("list.csv", "نام,کد\n".as_bytes()), "ok");
        assert_eq!(code("list.txt", b"\xFF\xFEa\0b\0"), "ok");
        assert_eq!(code("macro.exe", b"MZ"), "unsupported_attachment");
        assert_eq!(code("noext", b"%PDF-"), "unsupported_attachment");
        assert_eq!(code("empty.pdf", b""), "no_file");
        assert_eq!(code("fake.pdf", b"MZ\x90\0"), "attachment_not_its_kind");
        assert_eq!(code("fake.png", b"\xFF\xD8\xFF"), "attachment_not_its_kind");
        assert_eq!(
            code("prog.txt", b"MZ\x90\0\x03\0"),
            "attachment_not_its_kind"
        );
        let big = vec![b'%'; MAX_BYTES + 1];
        assert_eq!(code("big.pdf", &big), "attachment_too_large");
    }

    #[test]
    fn the_digest_is_of_the_bytes() {
        let f = check("a.txt", b"abc").unwrap();
        assert_eq!(
            f.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!((f.size, f.content_type), (3, "text/plain"));
    }
}
