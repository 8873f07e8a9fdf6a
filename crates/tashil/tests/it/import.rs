//! Spreadsheet import: all or nothing, errors by row and column.

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::helpers::{TestApp, ir_id};

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

async fn upload(app: &TestApp, c: &reqwest::Client, name: &str, bytes: Vec<u8>) -> (u16, String) {
    let (status, html) = app
        .upload(c, "/units/import", "/units/import?lang=en", name, bytes)
        .await;
    // Fluent isolates placeables with FSI/PDI; the eye does not see them, nor should the test.
    (status, html.replace(['\u{2068}', '\u{2069}'], ""))
}

async fn count_units(app: &TestApp) -> u64 {
    let token = app.token("admin@t.test").await;
    let v: Value = reqwest::Client::new()
        .get(app.url("/api/v1/units"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["total"].as_u64().unwrap()
}

fn good_row(n: u64, name: &str) -> Vec<String> {
    vec![
        ir_id(1030000000 + n),
        name.to_string(),
        "Qazvin".into(),
        "البرز".into(),
        "1050".into(),
        "کوچک".into(),
    ]
}

#[tokio::test]
async fn bad_check_digit_and_missing_column_import_nothing_and_report_exactly_those() {
    let app = TestApp::spawn().await;
    app.world().await;
    let before = count_units(&app).await;
    let officer = app.login("qazvin@t.test").await;

    // Headers in Persian; the "city" column is missing; row 3 has a wrong check digit.
    let headers = ["شناسه ملی", "نام (فارسی)", "استان", "رده ISIC", "اندازه"];
    let mut bad = ir_id(1030000002);
    let last = bad.pop().unwrap().to_digit(10).unwrap();
    bad.push(char::from_digit((last + 1) % 10, 10).unwrap());
    let rows = vec![
        vec![
            ir_id(1030000001),
            "شركت يك".into(),
            "Qazvin".into(),
            "1050".into(),
            "small".into(),
        ],
        vec![
            bad,
            "شرکت دو".into(),
            "قزوین".into(),
            "1050".into(),
            "small".into(),
        ],
    ];
    let (status, html) = upload(&app, &officer, "units.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 422);
    let table = html
        .split("id=\"import-errors\"")
        .nth(1)
        .expect("error table");
    let table = table.split("</table>").next().unwrap();
    assert_eq!(
        table.matches("<tr><td").count(),
        2,
        "exactly two errors: {table}"
    );
    assert!(
        table.contains(
            "<td class=\"num\">1</td><td>City</td><td>This required column is missing.</td>"
        ),
        "{table}"
    );
    assert!(
        table.contains("<td class=\"num\">3</td><td>A (شناسه ملی)</td>"),
        "{table}"
    );
    assert!(table.contains("check digit"), "{table}");
    assert_eq!(count_units(&app).await, before);

    // With the column present, exactly the bad row is reported, naming row 3 and column A.
    let headers = [
        "شناسه ملی",
        "نام (فارسی)",
        "استان",
        "شهر",
        "رده ISIC",
        "اندازه",
    ];
    let mut rows: Vec<Vec<String>> = (1..=5).map(|n| good_row(n, "شرکت نمونه")).collect();
    rows[1][0] = {
        let mut id = ir_id(1030000002);
        let last = id.pop().unwrap().to_digit(10).unwrap();
        id.push(char::from_digit((last + 1) % 10, 10).unwrap());
        id
    };
    let (status, html) = upload(&app, &officer, "units.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 422);
    let table = html
        .split("id=\"import-errors\"")
        .nth(1)
        .expect("error table");
    let table = table.split("</table>").next().unwrap();
    assert_eq!(
        table.matches("<tr><td").count(),
        1,
        "exactly one error: {table}"
    );
    assert!(table.contains("<td class=\"num\">3</td>"));
    assert!(table.contains("A (شناسه ملی)"));
    assert!(table.contains("check digit"));
    assert_eq!(count_units(&app).await, before);

    // Fixed, the file imports whole.
    rows[1][0] = ir_id(1030000002);
    let (status, html) = upload(&app, &officer, "units.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("5 units imported"));
    assert_eq!(count_units(&app).await, before + 5);
}

#[tokio::test]
async fn an_officer_cannot_import_units_of_another_province() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.login("qazvin@t.test").await;
    let headers = [
        "national_id",
        "name_fa",
        "province",
        "city",
        "isic_class",
        "size_class",
    ];
    let mut rows = vec![good_row(1, "یک"), good_row(2, "دو")];
    rows[1][2] = "Alborz".into();
    let (status, html) = upload(&app, &officer, "units.xlsx", xlsx(&headers, &rows)).await;
    assert_eq!(status, 422);
    assert!(html.contains("only register units in your own province"));
}

#[tokio::test]
async fn csv_in_windows_1256_is_refused_naming_the_encoding_and_accepted_when_declared() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.login("admin@t.test").await;
    let text = format!(
        "national_id,name_fa,province,city,isic_class,size_class\r\n{},شرکت نمونه,Qazvin,قزوین,1050,small\r\n",
        ir_id(1030000009)
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
    let (status, html) = upload(&app, &admin, "units.csv", bytes.to_vec()).await;
    assert_eq!(status, 422);
    assert!(html.contains("windows-1256"), "{html}");
}
