//! CSV parsing with Excel's row numbers.
//!
//! Hand-written rather than the `csv` crate because imports need two things it does not
//! give: blank lines must count as rows (the csv crate skips them, shifting every later
//! row number the user is told about), and an unclosed quote must be an error naming its
//! row (the csv crate silently swallows the rest of the file into one field).
//! Otherwise this follows RFC 4180 with Excel's leniency: quotes inside an unquoted field
//! are literal, and text after a closing quote is appended to the field.

use crate::stream::RowFilter;
use crate::{Cell, SheetError};

/// Where a field ended.
enum End {
    Delimiter,
    Line,
    File,
}

/// Feeds every record of `text` to `rows`, numbering records as Excel does: one row
/// per record, however many lines its quoted fields span.
pub(crate) fn parse(
    text: &str,
    delimiter: Option<u8>,
    rows: &mut RowFilter<'_>,
) -> Result<(), SheetError> {
    let (text, declared) = strip_sep_line(text);
    // Only an ASCII delimiter can split UTF-8 text without cutting a character.
    let delimiter = delimiter
        .filter(u8::is_ascii)
        .or(declared)
        .unwrap_or_else(|| detect_delimiter(text));
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut row = 0;
    while pos < bytes.len() {
        row += 1;
        let mut cells = Vec::new();
        loop {
            let (value, end, next) =
                field(text, pos, delimiter).ok_or_else(|| SheetError::Csv {
                    row,
                    detail: "unclosed_quote".to_string(),
                })?;
            cells.push(if value.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(value)
            });
            pos = next;
            if !matches!(end, End::Delimiter) {
                break;
            }
        }
        rows.push(row, cells)?;
        if rows.stopped() {
            break;
        }
    }
    Ok(())
}

/// Reads one field starting at `pos`: its value, how it ended and where the next begins.
/// `None` when a quoted field never closes.
fn field(text: &str, pos: usize, delimiter: u8) -> Option<(String, End, usize)> {
    let bytes = text.as_bytes();
    let stop = |b: &u8| *b == delimiter || *b == b'\n' || *b == b'\r';
    let mut value = String::new();
    let mut at = pos;
    if bytes.get(pos) == Some(&b'"') {
        at += 1;
        loop {
            let quote = at + bytes[at..].iter().position(|b| *b == b'"')?;
            value.push_str(&text[at..quote]);
            if bytes.get(quote + 1) == Some(&b'"') {
                value.push('"');
                at = quote + 2;
            } else {
                at = quote + 1;
                break;
            }
        }
    }
    let end = at
        + bytes[at..]
            .iter()
            .position(stop)
            .unwrap_or(bytes.len() - at);
    value.push_str(&text[at..end]);
    let (kind, next) = match bytes.get(end) {
        None => (End::File, end),
        Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => (End::Line, end + 2),
        Some(b'\r' | b'\n') => (End::Line, end + 1),
        Some(_) => (End::Delimiter, end + 1),
    };
    Some((value, kind, next))
}

/// Excel honours a first line `sep=;` and does not show it as a row.
fn strip_sep_line(text: &str) -> (&str, Option<u8>) {
    let line_end = text.find(['\r', '\n']).unwrap_or(text.len());
    match text[..line_end].strip_prefix("sep=").map(str::as_bytes) {
        Some([delimiter]) => {
            let rest = &text[line_end..];
            let rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix(['\r', '\n']))
                .unwrap_or(rest);
            (rest, Some(*delimiter))
        }
        _ => (text, None),
    }
}

/// The most frequent of `,` `;` and tab outside quotes on the first line with content (the
/// header); comma when none occurs. Vietnamese Excel writes `;` because its decimal
/// separator is the comma.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut seen_content = false;
    for b in text.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
            seen_content = true;
        } else if in_quotes {
            continue;
        } else if b == b'\n' || b == b'\r' {
            if seen_content {
                break;
            }
        } else if let Some(i) = CANDIDATES.iter().position(|c| *c == b) {
            counts[i] += 1;
        } else if !b.is_ascii_whitespace() {
            seen_content = true;
        }
    }
    let best =
        (0..CANDIDATES.len()).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    CANDIDATES[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_counted_outside_quotes_on_the_header_line() {
        assert_eq!(detect_delimiter("a;b;c\n1,2,3,4,5\n"), b';');
        assert_eq!(detect_delimiter("\"x,y,z\";b\n"), b';');
        assert_eq!(detect_delimiter("\n\n a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("single\n"), b',');
        assert_eq!(detect_delimiter("a,b;c\n"), b',');
    }
}
