//! Fixture builders: every test file is made in code, none is committed.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{Workbook, Worksheet};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// An XLSX with one sheet filled by `fill`.
pub fn xlsx(fill: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    fill(workbook.add_worksheet());
    workbook.save_to_buffer().expect("save workbook")
}

/// Copies a zip, letting `edit` replace entries' contents by name.
pub fn rewrite_zip(bytes: &[u8], mut edit: impl FnMut(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("open zip");
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read entry");
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(&edit(&name, data)).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// A small valid workbook whose first sheet is replaced by valid XML padded with `spaces`
/// bytes of whitespace: deflate packs it ~1000:1, like a zip bomb.
pub fn bomb(spaces: usize) -> Vec<u8> {
    let base = xlsx(|ws| {
        ws.write_string(0, 0, "id").expect("write");
    });
    rewrite_zip(&base, |name, data| {
        if name != "xl/worksheets/sheet1.xml" {
            return data;
        }
        let mut xml = br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>"#.to_vec();
        xml.resize(xml.len() + spaces, b' ');
        xml.extend_from_slice(b"</sheetData></worksheet>");
        xml
    })
}

/// Overwrites the uncompressed size an entry declares, in both its local header and the
/// central directory, as a forged zip would.
pub fn forge_declared_size(bytes: &mut [u8], entry: &str, size: u32) {
    let eocd = bytes
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .expect("eocd");
    let count = u16_at(bytes, eocd + 10) as usize;
    let mut at = u32_at(bytes, eocd + 16) as usize;
    for _ in 0..count {
        let name_len = u16_at(bytes, at + 28) as usize;
        let extra_len = u16_at(bytes, at + 30) as usize;
        let comment_len = u16_at(bytes, at + 32) as usize;
        let local = u32_at(bytes, at + 42) as usize;
        if &bytes[at + 46..at + 46 + name_len] == entry.as_bytes() {
            bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
            bytes[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
        }
        at += 46 + name_len + extra_len + comment_len;
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Rows × columns of typical registry data: an ID with leading zero, names, numbers.
pub fn big_xlsx(rows: u32) -> Vec<u8> {
    xlsx(|ws| {
        let headers = [
            "id",
            "name",
            "province",
            "isic",
            "phone",
            "employees",
            "capital",
            "email",
            "address",
            "note",
        ];
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("write");
        }
        for r in 1..=rows {
            ws.write_string(r, 0, format!("{:010}", r * 7))
                .expect("write");
            ws.write_string(r, 1, format!("شرکت نمونه {r}"))
                .expect("write");
            ws.write_string(r, 2, ["تهران", "Hà Nội", "Ninh Bình"][r as usize % 3])
                .expect("write");
            ws.write_number(r, 3, f64::from(1000 + r % 3000))
                .expect("write");
            ws.write_string(r, 4, format!("+98 21 {:07}", r))
                .expect("write");
            ws.write_number(r, 5, f64::from(r % 500)).expect("write");
            ws.write_number(r, 6, f64::from(r) * 1234.5).expect("write");
            ws.write_string(r, 7, format!("info{r}@example.com"))
                .expect("write");
            ws.write_string(r, 8, format!("خیابان {r}، پلاک {}", r % 97))
                .expect("write");
            ws.write_string(r, 9, "—").expect("write");
        }
    })
}
