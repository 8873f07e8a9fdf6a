//! Reading CSV: encodings are never guessed silently, row numbers match Excel's.

use encoding_rs::{Encoding, WINDOWS_1252, WINDOWS_1256, WINDOWS_1258};
use tashil_sheets::{Cell, ReadOptions, SheetError, Table, read_table};

fn read(text: &[u8]) -> Result<Table, SheetError> {
    read_table("upload.csv", text, &ReadOptions::default())
}

fn declared(text: &[u8], label: &str) -> Result<Table, SheetError> {
    let opts = ReadOptions {
        encoding: Some(label.into()),
        ..ReadOptions::default()
    };
    read_table("upload.csv", text, &opts)
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(
        !unmappable,
        "fixture must be representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

fn not_utf8(likely: &str) -> Result<Table, SheetError> {
    Err(SheetError::NotUtf8 {
        likely_encoding: likely.into(),
    })
}

/// Persian as Excel writes it in code page 1256, which has no Persian yeh (ی): Windows'
/// best-fit mapping writes the Arabic yeh (ي) instead.
const PERSIAN: &str = "شناسه ملي,نام شرکت,استان\r\n10101234567,شرکت بازرگاني نمونه,تهران\r\n";
/// Vietnamese as Windows writes it in code page 1258: base letters plus combining tones.
const VIETNAMESE: &str = "Mã số thuế;Tên doanh nghiệp;Tỉnh\r\n0101234567;Công ty Th\u{1B0}\u{1A1}ng ma\u{323}i Ha\u{300} N\u{F4}\u{323}i;Ninh Bi\u{300}nh\r\n";

#[test]
fn windows_1256_persian_is_refused_naming_it_then_read_when_declared() {
    let bytes = encode(WINDOWS_1256, PERSIAN);
    assert_eq!(read(&bytes), not_utf8("windows-1256"));
    let table = declared(&bytes, "windows-1256").unwrap();
    assert_eq!(table.headers, ["شناسه ملي", "نام شرکت", "استان"]);
    assert_eq!(table.rows[0].cells[1].as_text(), "شرکت بازرگاني نمونه");
    assert_eq!(declared(&bytes, " CP1256 ").unwrap(), table);
}

#[test]
fn windows_1258_vietnamese_is_refused_naming_it_then_read_when_declared() {
    let text = VIETNAMESE.replace("Mã số thuế", "Ma\u{303} s\u{F4}\u{301} thu\u{EA}\u{301}");
    let text = text
        .replace("Tên doanh nghiệp", "Tên doanh nghi\u{EA}\u{323}p")
        .replace("Tỉnh", "Ti\u{309}nh");
    let bytes = encode(WINDOWS_1258, &text);
    assert_eq!(read(&bytes), not_utf8("windows-1258"));
    let table = declared(&bytes, "windows-1258").unwrap();
    assert_eq!(table.rows[0].cells[0].as_text(), "0101234567");
    assert_eq!(table.rows[0].cells[2].as_text(), "Ninh Bi\u{300}nh");
}

#[test]
fn windows_1252_western_is_named() {
    let bytes = encode(
        WINDOWS_1252,
        "name,city\r\nMüller GmbH,Zürich\r\nCafé Señor,Málaga\r\n",
    );
    assert_eq!(read(&bytes), not_utf8("windows-1252"));
}

#[test]
fn semicolon_separated_vietnamese_keeps_leading_zeros() {
    let table = read(VIETNAMESE.as_bytes()).unwrap();
    assert_eq!(table.headers, ["Mã số thuế", "Tên doanh nghiệp", "Tỉnh"]);
    assert_eq!(table.rows[0].cells[0], Cell::Text("0101234567".into()));
    assert_eq!(table.rows[0].number, 2);
    assert!(table.sheet_name.is_none());
}

#[test]
fn tab_and_sep_line_delimiters() {
    let table = read(b"id\tname\r\n1\ta,b\r\n").unwrap();
    assert_eq!(table.rows[0].cells[1].as_text(), "a,b");
    // Excel hides a `sep=` first line, so the header is still row 1.
    let table = read(b"sep=|\r\nid|name\r\n1|x;y\r\n").unwrap();
    assert_eq!((table.header_row, table.rows[0].number), (1, 2));
    assert_eq!(table.rows[0].cells[1].as_text(), "x;y");
    let opts = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let table = read_table("a.txt", b"a,b;c\n1,2;3\n", &opts).unwrap();
    assert_eq!(table.headers, ["a,b", "c"]);
}

#[test]
fn boms_are_handled() {
    let table = read("\u{FEFF}id,name\n1,x\n".as_bytes()).unwrap();
    assert_eq!(table.headers, ["id", "name"]);
    let utf16: Vec<u8> = b"\xFF\xFE"
        .iter()
        .copied()
        .chain(
            "کد,نام\r\n1,علی\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let table = read(&utf16).unwrap();
    assert_eq!(table.rows[0].cells[1].as_text(), "علی");
    // A BOM outranks a wrong declaration.
    assert_eq!(declared(&utf16, "windows-1256").unwrap(), table);
    let no_bom: Vec<u8> = "id,name\r\n1,x\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(read(&no_bom), not_utf8("utf-16le"));
}

#[test]
fn bad_declarations_are_reported() {
    let unknown = declared(b"a\n1\n", "klingon");
    assert_eq!(
        unknown,
        Err(SheetError::UnknownEncoding {
            label: "klingon".into()
        })
    );
    let odd = declared(b"a\x00\n\x00\x31", "utf-16le");
    assert_eq!(
        odd,
        Err(SheetError::Undecodable {
            encoding: "utf-16le".into()
        })
    );
    let bytes = encode(WINDOWS_1256, PERSIAN);
    assert_eq!(declared(&bytes, "utf-8"), not_utf8("windows-1256"));
}

#[test]
fn blank_lines_and_multiline_fields_keep_excel_numbering() {
    let text =
        "\r\nid,note\r\n\r\n1,\"line one\r\nline \"\"two\"\"\"\r\n;;\r\n,,\r\n2,x\r\n3,\"a\"b\r\n";
    let table = read(text.as_bytes()).unwrap();
    assert_eq!(table.header_row, 2);
    let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [4, 5, 7, 8]);
    assert_eq!(table.rows[0].cells[1].as_text(), "line one\r\nline \"two\"");
    assert_eq!(table.rows[1].cells[0].as_text(), ";;");
    assert_eq!(table.rows[3].cells[1].as_text(), "ab");
}

#[test]
fn unclosed_quote_names_its_row() {
    let result = read(b"id,name\n1,ok\n2,\"broken\n3,more\n");
    assert_eq!(
        result,
        Err(SheetError::Csv {
            row: 3,
            detail: "unclosed_quote".into()
        })
    );
}

#[test]
fn empty_header_only_and_row_limit() {
    assert_eq!(read(b""), Err(SheetError::Empty));
    assert_eq!(read(b"\n ; \n;;\n"), Err(SheetError::Empty));
    assert_eq!(read(b"id;name\n;;\n\n"), Err(SheetError::HeaderOnly));
    let opts = ReadOptions {
        max_rows: 2,
        ..ReadOptions::default()
    };
    let result = read_table("a.csv", b"h\n1\n2\n3\n", &opts);
    assert_eq!(result, Err(SheetError::TooManyRows { limit: 2 }));
    let opts = ReadOptions {
        max_uncompressed_bytes: 4,
        ..ReadOptions::default()
    };
    assert_eq!(
        read_table("a.csv", b"h\n1\n2\n", &opts),
        Err(SheetError::TooLarge { limit: 4 })
    );
}

#[test]
fn values_right_of_the_header_get_an_empty_header() {
    let table = read(b"id,name\n1,x,extra\n2\n").unwrap();
    assert_eq!(table.headers, ["id", "name", ""]);
    assert_eq!(table.rows[1].get(1), &Cell::Empty);
}
