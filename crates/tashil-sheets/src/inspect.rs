//! Checks an XLSX container before anything is inflated.
//!
//! The central directory declares each entry's sizes; a zip bomb either declares its true
//! size (refused here by the total) or lies about it. A lie is caught while reading: zip's
//! readers fail as soon as an entry inflates past its declared size, and that failure is
//! reported as [`SheetError::TooLarge`] too (see `xlsx::map_error`). So no entry ever
//! inflates beyond what was checked here.

use std::io::Cursor;

use zip::ZipArchive;
use zip::result::ZipError;

use crate::SheetError;

/// A real workbook has a few dozen entries; thousands only make the directory expensive.
const MAX_ENTRIES: usize = 10_000;
/// Sheet XML compresses 5–50× (a sheet of one repeated value about 150×); deflate cannot go
/// past ~1030×, reached only by runs of one byte. Over this ratio, and big, it is a bomb.
const MAX_RATIO: u64 = 300;
/// Small entries may compress absurdly well (a 1 KiB run of spaces) without harm.
const RATIO_MIN_SIZE: u64 = 1 << 20;

/// Verifies the container is an intact OOXML workbook whose declared contents fit `limit`.
pub(crate) fn inspect(file_name: &str, bytes: &[u8], limit: u64) -> Result<(), SheetError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| open_error(bytes, e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(SheetError::TooLarge { limit });
    }
    let (mut total, mut content_types, mut workbook) = (0u64, false, false);
    for index in 0..zip.len() {
        let entry = zip.by_index_raw(index).map_err(|e| open_error(bytes, e))?;
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if total > limit || (size > RATIO_MIN_SIZE && size / packed > MAX_RATIO) {
            return Err(SheetError::TooLarge { limit });
        }
        let name = entry
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        content_types |= name == "[content_types].xml";
        workbook |= name.starts_with("xl/") && name.ends_with("workbook.xml");
    }
    if content_types && workbook {
        Ok(())
    } else {
        // An .ods, .docx, .xlsb or plain .zip: a container, but not one we read.
        Err(SheetError::UnsupportedFormat {
            file_name: file_name.to_string(),
        })
    }
}

/// A zip whose end-of-central-directory record is missing or cut was truncated: that
/// record (22 bytes plus a comment) is the last thing in the file. Anything else wrong with
/// the directory is corruption.
fn open_error(bytes: &[u8], error: ZipError) -> SheetError {
    let tail = &bytes[bytes.len().saturating_sub(65_557)..];
    let complete = tail
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .is_some_and(|at| {
            let comment = tail
                .get(at + 20..at + 22)
                .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
            at + 22 + usize::from(comment) <= tail.len()
        });
    if !complete {
        return SheetError::Truncated;
    }
    match error {
        ZipError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => SheetError::Truncated,
        ZipError::UnsupportedArchive(msg) if msg == ZipError::PASSWORD_REQUIRED => {
            SheetError::PasswordProtected
        }
        other => SheetError::Corrupt {
            detail: other.to_string(),
        },
    }
}
