//! The unit import as a whole file: problems of the file said as such, merged ranges named
//! whole, names kept as written, former provinces warned by row, one audit entry per import.
//! Through the API (`POST /api/v1/units/import`) and the page.

use rust_xlsxwriter::{Format, Workbook};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::helpers::{TestApp, ir_id};

const HEADERS: [&str; 6] = [
    "national_id",
    "name_fa",
    "province",
    "city",
    "isic_class",
    "size_class",
];

fn vn_id(from: u64) -> String {
    (from..)
        .find_map(tashil_text::ids::VietnamEnterpriseCode::from_prefix)
        .unwrap()
        .as_str()
        .to_string()
}

fn ir_row(n: u64) -> Vec<String> {
    vec![
        ir_id(1050000000 + n),
        format!("شرکت نمونه {n}"),
        "قزوین".into(),
        "قزوین".into(),
        "1050".into(),
        "small".into(),
    ]
}

fn xlsx(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Posts `bytes` as the file `name` to the import API; the status and the answer.
async fn import_api(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/units/import?lang=en"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

/// Posts `bytes` to the import page as a signed-in browser; the status and the page text.
async fn import_page(app: &TestApp, email: &str, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let c = app.login(email).await;
    let (status, html) = app
        .upload(&c, "/units/import", "/units/import?lang=en", name, bytes)
        .await;
    (status, html.replace(['\u{2068}', '\u{2069}'], ""))
}

async fn units(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) AS n FROM units").await
}

/// Rows whose text looks like a table of something else: no column of the import in it.
fn notes_first_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet().set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "How to fill in this workbook")
        .unwrap();
    notes
        .write_string(1, 0, "One unit per row, on the next sheet.")
        .unwrap();
    let data = wb.add_worksheet().set_name("Units").unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        data.write_string(0, c as u16, *h).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// An encrypted workbook as Excel stores it: an OLE file holding an `EncryptedPackage`.
fn encrypted_workbook() -> Vec<u8> {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.resize(512, 0);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(2048, 0);
    bytes
}

#[tokio::test]
async fn a_file_that_cannot_be_read_is_reported_as_the_files_problem_not_a_row() {
    let app = TestApp::spawn().await;
    app.world().await;
    let before = units(&app).await;
    let token = app.token("admin@t.test").await;
    let cases: Vec<(&str, Vec<u8>, &str, Option<&str>)> = vec![
        (
            "scan.png",
            b"\x89PNG\r\n\x1a\nrest".to_vec(),
            "unsupported_format",
            None,
        ),
        (
            "units.xlsx",
            encrypted_workbook(),
            "password_protected",
            None,
        ),
        ("units.csv", b"\n\n  \n".to_vec(), "empty", None),
        (
            "units.xlsx",
            notes_first_workbook(),
            "no_known_columns",
            Some("Notes"),
        ),
    ];
    for (name, bytes, code, detail) in cases {
        let (status, answer) = import_api(&app, &token, name, bytes.clone()).await;
        assert_eq!(status, 422, "{code}: {answer}");
        let errors = answer["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "one problem, the file's: {answer}");
        assert_eq!(errors[0]["code"], code, "{answer}");
        assert_eq!(errors[0]["row"], Value::Null, "no row for {code}: {answer}");
        assert_eq!(errors[0]["detail"].as_str(), detail, "{answer}");
        assert!(!errors[0]["message"].as_str().unwrap().is_empty());

        let (status, html) = import_page(&app, "admin@t.test", name, bytes).await;
        assert_eq!(status, 422);
        let table = html.split("id=\"import-errors\"").nth(1).unwrap();
        let table = table.split("</table>").next().unwrap();
        assert!(
            table.contains("<td class=\"num\">Whole file</td>"),
            "{code}: {table}"
        );
        assert!(!table.contains("<td class=\"num\">0</td>"), "{table}");
    }
    assert_eq!(units(&app).await, before);
}

#[tokio::test]
async fn a_merged_range_over_data_is_named_whole() {
    let app = TestApp::spawn().await;
    app.world().await;
    let before = units(&app).await;
    let token = app.token("admin@t.test").await;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for n in 1..=15u32 {
        for (c, v) in ir_row(u64::from(n)).iter().enumerate() {
            ws.write_string(n, c as u16, v).unwrap();
        }
    }
    // E10:E14: the same ISIC class typed once over five rows.
    ws.merge_range(9, 4, 13, 4, "1050", &Format::new()).unwrap();
    let bytes = wb.save_to_buffer().unwrap();

    let (status, answer) = import_api(&app, &token, "units.xlsx", bytes.clone()).await;
    assert_eq!(status, 422, "{answer}");
    let errors = answer["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{answer}");
    assert_eq!(errors[0]["code"], "merged_cell");
    assert_eq!(errors[0]["row"], 10);
    assert_eq!(errors[0]["column"], "E");
    assert_eq!(errors[0]["detail"], "E10:E14");

    let (_, html) = import_page(&app, "admin@t.test", "units.xlsx", bytes).await;
    assert!(html.contains("E10:E14"), "the page names the range whole");
    assert_eq!(units(&app).await, before);
}

#[tokio::test]
async fn a_legal_name_keeps_its_tone_marks_as_written_and_is_found_by_any_spelling() {
    let app = TestApp::spawn().await;
    app.world().await;
    let token = app.token("admin@t.test").await;
    // Decomposed (as macOS and some keyboards send it) with the tone on the second vowel.
    let written = "Công ty Thuỷ sản Khánh Hoà";
    let decomposed = "Co\u{302}ng ty Thuy\u{309} sa\u{309}n Kha\u{301}nh Hoa\u{300}".to_string();
    assert_ne!(decomposed, written);
    let headers = [
        "national_id",
        "name_vi",
        "province",
        "city",
        "isic_class",
        "size_class",
    ];
    let id = vn_id(420_100_001);
    let rows = vec![vec![
        id.clone(),
        decomposed,
        "Khánh Hòa".into(),
        "Nha Trang".into(),
        "1020".into(),
        "small".into(),
    ]];
    let (status, answer) = import_api(&app, &token, "units.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 200, "{answer}");

    for q in [
        "Thuỷ sản Khánh Hoà",
        "Thủy sản Khánh Hòa",
        "thuy san khanh hoa",
    ] {
        let (_, page) = app
            .get_json(
                &token,
                &format!("/api/v1/units?q={}", crate::helpers::urlencode(q)),
            )
            .await;
        let items = page["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{q}: {page}");
        assert_eq!(items[0]["national_id"], id.as_str());
        assert_eq!(
            items[0]["name_vi"], written,
            "stored in NFC with the tone marks where they were written"
        );
    }
}

#[tokio::test]
async fn each_former_vietnamese_province_is_mapped_with_a_warning_naming_its_row() {
    let app = TestApp::spawn().await;
    app.world().await;
    let token = app.token("admin@t.test").await;
    let headers = [
        "national_id",
        "name_vi",
        "province",
        "city",
        "isic_class",
        "size_class",
    ];
    let row = |n: u64, province: &str| {
        vec![
            vn_id(430_000_000 + n * 100),
            format!("Công ty Dệt may số {n}"),
            province.to_string(),
            "Thành phố".to_string(),
            "1311".to_string(),
            "medium".to_string(),
        ]
    };
    let rows = vec![
        row(1, "Nam Định"),
        row(2, "Ninh Bình"),
        row(3, "tỉnh Hà Nam"),
        row(4, "Hà Nội"),
    ];
    let bytes = xlsx(&headers, &rows);
    let (status, answer) = import_api(&app, &token, "units.xlsx", bytes).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["imported"], 4);
    let warnings = answer["warnings"].as_array().unwrap();
    let located: Vec<(u64, &str, &str)> = warnings
        .iter()
        .map(|w| {
            (
                w["row"].as_u64().unwrap(),
                w["column"].as_str().unwrap(),
                w["detail"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            (2, "C", "Nam Định → Ninh Bình"),
            (4, "C", "Hà Nam → Ninh Bình")
        ],
        "{answer}"
    );
    assert!(warnings.iter().all(|w| w["code"] == "province_merged"));
    let (_, page) = app.get_json(&token, "/api/v1/units?province=VN-NBI").await;
    assert_eq!(
        page["total"], 3,
        "mapped to the province they are now part of"
    );

    // The page shows the same warnings beside the success.
    let rows = vec![row(5, "Nam Định")];
    let (status, html) =
        import_page(&app, "admin@t.test", "more.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 200);
    let warnings = html.split("class=\"warning-summary\"").nth(1).unwrap();
    assert!(warnings.contains("Row 2 · C (Province)"), "{warnings}");
    assert!(warnings.contains("Nam Định → Ninh Bình"), "{warnings}");
}

#[tokio::test]
async fn an_import_is_one_audit_entry_naming_the_file_who_and_the_units_and_the_chain_holds() {
    let app = TestApp::spawn().await;
    app.world().await;
    let token = app.token("qazvin@t.test").await;
    let before = app.scalar("SELECT COUNT(*) AS n FROM audit_log").await;
    let rows: Vec<Vec<String>> = (1..=40).map(ir_row).collect();
    let bytes = xlsx(&HEADERS, &rows);
    let (status, answer) = import_api(&app, &token, "qazvin units.xlsx", bytes.clone()).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["imported"], 40);

    let after = app.scalar("SELECT COUNT(*) AS n FROM audit_log").await;
    assert_eq!(
        after,
        before + 1,
        "one entry for the import, not one per unit"
    );
    let backend = app.db.get_database_backend();
    let entry = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT actor, action, entity, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let sha = hex::encode(Sha256::digest(&bytes));
    assert_eq!(
        entry.try_get::<String>("", "action").unwrap(),
        "unit.import"
    );
    assert_eq!(entry.try_get::<String>("", "entity").unwrap(), "import");
    assert_eq!(entry.try_get::<String>("", "entity_id").unwrap(), sha);
    assert!(
        entry
            .try_get::<String>("", "actor")
            .unwrap()
            .contains("qazvin@t.test")
    );
    let after: Value =
        serde_json::from_str(&entry.try_get::<String>("", "after").unwrap()).unwrap();
    assert_eq!(after["file_sha256"], sha.as_str());
    assert_eq!(after["file_name"], "qazvin units.xlsx");
    assert_eq!(after["rows"], 40);
    assert_eq!(after["channel"], "api");
    assert_eq!(after["provinces"]["IR-26"], 40);
    // The runs of ids cover exactly the units created.
    let ids: Vec<i64> = after["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|run| run[0].as_i64().unwrap()..=run[1].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 40);
    let (min, max) = (ids.iter().min().unwrap(), ids.iter().max().unwrap());
    let stored = app.scalar(&format!("SELECT COUNT(*) AS n FROM units WHERE id BETWEEN {min} AND {max} AND province_code = 'IR-26'"),
    )
    .await;
    assert_eq!(stored, 40);

    let report = tashil::audit::verify(&app.db).await.unwrap();
    assert_eq!(report.finding, None);
}

#[tokio::test]
async fn a_bad_row_after_thousands_of_good_ones_writes_nothing() {
    let app = TestApp::spawn().await;
    app.world().await;
    let before = units(&app).await;
    let token = app.token("admin@t.test").await;
    let mut rows: Vec<Vec<String>> = (1..=6_000).map(ir_row).collect();
    rows[5_998][4] = "99999".into(); // row 6000: no such ISIC class
    let (status, answer) = import_api(&app, &token, "units.xlsx", xlsx(&HEADERS, &rows)).await;
    assert_eq!(status, 422, "{answer}");
    let errors = answer["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{answer}");
    assert_eq!(errors[0]["row"], 6_000);
    assert_eq!(errors[0]["column"], "E");
    assert_eq!(units(&app).await, before);
    let audit = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.import'")
        .await;
    assert_eq!(audit, 0);
}
