//! The printable certificate of a licence, on SQLite and PostgreSQL: an A4 PDF in fa, vi and en
//! with its fonts embedded and its verification URL linked, public as the check page is; an
//! unknown or absurd number is a 404; drawn through poppler, its text reads back in each
//! language and its page is an image (kept in the temporary folder for a person to look at).

use std::process::Command;

use crate::credentials::get;
use crate::helpers::TestApp;
use crate::licence_setup::{call, desk, licence};

/// GETs `path` as bytes: status, content type, body.
async fn fetch(app: &TestApp, path: &str) -> (u16, String, Vec<u8>) {
    let r = reqwest::Client::new()
        .get(app.url(path))
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let media = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, media, r.bytes().await.expect("body").to_vec())
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The verification URL the check page of licence `number` prints.
async fn verification_url(app: &TestApp, number: &str) -> String {
    let (s, v) = call(
        app,
        None,
        "GET",
        &format!("/api/v1/licences/{number}/credential"),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    v["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_licence_prints_as_an_a4_pdf_in_each_language_with_its_fonts_and_verification_url() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    let url = verification_url(&app, &number).await;
    for (lang, font) in [("fa", "Vazirmatn"), ("vi", "NotoSans"), ("en", "NotoSans")] {
        let (s, media, pdf) = fetch(
            &app,
            &format!("/licences/{number}/certificate.pdf?lang={lang}"),
        )
        .await;
        assert_eq!(s, 200, "{lang}: {}", String::from_utf8_lossy(&pdf));
        assert_eq!(media, "application/pdf");
        assert!(pdf.starts_with(b"%PDF-"), "{lang}");
        assert!(contains(&pdf, font), "{lang}: {font} is embedded");
        assert!(
            contains(&pdf, "/FontFile2"),
            "{lang}: a font program is embedded"
        );
        assert!(contains(&pdf, &url), "{lang}: {url} is linked");
        // An A4 page: 595.28 × 841.89 points.
        assert!(contains(&pdf, "595.28"), "{lang}: A4");
    }
}

#[tokio::test]
async fn an_unknown_or_absurd_licence_number_is_not_found() {
    let app = TestApp::spawn().await;
    for number in [
        "SM-QZ-1405-999999".to_owned(),
        "9".repeat(5000),
        "%F0%9F%98%80%00".to_owned(),
        "..".to_owned(),
        "99999999999999999999999999999999".to_owned(),
    ] {
        let (s, _, _) = fetch(&app, &format!("/licences/{number}/certificate.pdf")).await;
        assert_eq!(s, 404, "{number}");
    }
}

#[tokio::test]
async fn the_check_page_links_the_certificate_in_its_language() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    let url = verification_url(&app, &number).await;
    let (s, _, html) = get(&app.base, &format!("{url}?lang=vi"), None).await;
    assert_eq!(s, 200);
    let link = format!("/licences/{number}/certificate.pdf?lang=vi");
    assert!(html.contains(&link), "{html}");
    assert!(html.contains("Giấy chứng nhận để in (PDF)"));
}

/// Runs `program` on `args`; `None` when it is not installed.
fn run(program: &str, args: &[&str]) -> Option<std::process::Output> {
    Command::new(program).args(args).output().ok()
}

#[tokio::test]
async fn the_certificate_reads_back_in_each_language_and_draws_a_page() {
    if run("pdftoppm", &["-v"]).is_none() {
        // CI installs poppler-utils (.ci/run); a machine without it cannot draw the PDF.
        eprintln!("pdftoppm is not installed: the render check did not run");
        return;
    }
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    let dir = std::env::temp_dir().join(format!("tashil-certificate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (lang, words) in [
        (
            "en",
            vec!["Licence certificate", "Valid: this licence is in force."],
        ),
        (
            "vi",
            vec![
                "Giấy chứng nhận giấy phép",
                "Còn hiệu lực",
                "Quét mã hoặc mở địa chỉ",
            ],
        ),
        ("fa", vec!["پروانه", "معتبر"]),
    ] {
        let (_, _, pdf) = fetch(
            &app,
            &format!("/licences/{number}/certificate.pdf?lang={lang}"),
        )
        .await;
        let file = dir.join(format!("{lang}.pdf"));
        std::fs::write(&file, &pdf).unwrap();
        let f = file.to_str().unwrap();
        let text = run("pdftotext", &[f, "-"]).expect("pdftotext beside pdftoppm");
        assert!(text.status.success(), "{lang}");
        let text = String::from_utf8_lossy(&text.stdout).into_owned();
        for w in words {
            assert!(text.contains(w), "{lang}: «{w}» in {text}");
        }
        assert!(text.contains(&number), "{lang}: the number in {text}");
        let png = dir.join(lang);
        let out = run(
            "pdftoppm",
            &["-png", "-r", "60", "-singlefile", f, png.to_str().unwrap()],
        )
        .unwrap();
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let size = std::fs::metadata(png.with_extension("png")).unwrap().len();
        assert!(
            size > 5_000,
            "{lang}: a drawn page, not a blank one ({size} bytes)"
        );
        eprintln!("{lang}: {}", png.with_extension("png").display());
    }
}
