//! Files at the edge: a multipart upload read into its file and its small fields, and a
//! stored file answered as a download that no browser renders in the site's origin.

use std::collections::HashMap;

use axum::extract::Multipart;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::AppError;

/// What a multipart form sent: the `file` part (its name and bytes), any further `file` parts
/// (a form that takes several), and its other fields.
#[derive(Debug, Default)]
pub struct Upload {
    pub file: Option<(String, Vec<u8>)>,
    pub more: Vec<(String, Vec<u8>)>,
    pub fields: HashMap<String, String>,
}

impl Upload {
    /// A field's value, empty when absent.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// Every `file` part sent, in order, leaving out empty ones (a file input left empty).
    pub fn files(&mut self) -> Vec<(String, Vec<u8>)> {
        self.file
            .take()
            .into_iter()
            .chain(self.more.drain(..))
            .filter(|(_, bytes)| !bytes.is_empty())
            .collect()
    }

    /// The file's name and bytes; both empty when none was sent (the check then says so).
    pub fn file_or_empty(self) -> (String, Vec<u8>) {
        self.file.unwrap_or_default()
    }
}

/// A small field past this is cut: the forms that upload send codes and short notes.
const MAX_FIELD: usize = 8 * 1024;

/// Reads `multipart`: the part named `file`, and the other parts as text fields.
pub async fn read_upload(mut multipart: Multipart) -> Result<Upload, AppError> {
    let mut up = Upload::default();
    let bad = |_| AppError::BadRequest("bad_upload");
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let Some(name) = field.name().map(str::to_owned) else {
            continue;
        };
        if name == "file" {
            let file_name = field.file_name().unwrap_or("upload").to_string();
            let bytes = field.bytes().await.map_err(bad)?;
            if up.file.is_none() {
                up.file = Some((file_name, bytes.to_vec()));
            } else {
                up.more.push((file_name, bytes.to_vec()));
            }
        } else {
            let mut text = field.text().await.map_err(bad)?;
            if text.len() > MAX_FIELD {
                let mut end = MAX_FIELD;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.truncate(end);
            }
            up.fields.insert(name, text);
        }
    }
    Ok(up)
}

/// A stored file as a download: its type as stored, never sniffed, and its name kept in
/// any script (RFC 6266 with RFC 5987 encoding keeps Persian and Vietnamese names).
pub fn download(name: &str, content_type: String, bytes: Vec<u8>) -> Response {
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename*=UTF-8''{encoded}"),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        bytes,
    )
        .into_response()
}
