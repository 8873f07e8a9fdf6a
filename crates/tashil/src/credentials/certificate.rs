//! The printable certificate of a licence, `GET /licences/{number}/certificate.pdf?lang=`: one
//! A4 page in the reader's language stating what the public register states (number, holder,
//! products and brands, standards, validity, status; nothing personal), with the QR code and
//! the address of its verification page. Every word on it comes from the message files.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentValue;

use super::print::{Align, HEIGHT, Pen, Style, WIDTH, a4_page};
use crate::i18n::{I18n, Lang};
use crate::licensing::LicenceEntry;
use crate::web::{AppError, AppState, Ctx};

/// What the certificate states, already in its language.
pub struct Certificate {
    pub lang: Lang,
    pub number: String,
    pub holder: String,
    pub products: Vec<String>,
    pub standards: Vec<String>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// `valid`, `suspended`, `revoked`, `expired`.
    pub standing: &'static str,
    /// Who issued it, in the certificate's language (the national body or a provincial office).
    pub issuer: String,
    pub url: String,
    pub printed: NaiveDate,
}

impl Certificate {
    pub fn of(
        entry: &LicenceEntry,
        lang: Lang,
        issuer: &str,
        standing: &'static str,
        url: String,
        printed: NaiveDate,
    ) -> Self {
        let own: &str = entry.holder.in_lang(lang.code());
        let holder = [own, &entry.holder.en, &entry.holder.fa, &entry.holder.vi]
            .into_iter()
            .find(|n| !n.trim().is_empty())
            .map(str::to_owned)
            .unwrap_or_default();
        let mut standards: Vec<String> = entry
            .products
            .iter()
            .filter_map(|p| p.standard.clone())
            .filter(|s| !s.is_empty())
            .collect();
        standards.sort();
        standards.dedup();
        Certificate {
            issuer: super::issuer::display_name(issuer, lang),
            lang,
            number: entry.number.clone(),
            holder,
            products: entry
                .products
                .iter()
                .map(|p| match p.brand.trim() {
                    "" => p.product.clone(),
                    brand => format!("{} ({brand})", p.product),
                })
                .collect(),
            standards,
            valid_from: entry.valid_from,
            valid_until: entry.valid_until,
            standing,
            url,
            printed,
        }
    }
}

const MARGIN: f32 = 56.0;
const INK: (u8, u8, u8) = (20, 20, 20);
const GREY: (u8, u8, u8) = (90, 90, 90);
const QR_SIDE: f32 = 150.0;

fn standing_color(standing: &str) -> (u8, u8, u8) {
    match standing {
        "valid" => (16, 110, 50),
        "suspended" => (150, 90, 0),
        _ => (170, 20, 20),
    }
}

/// The certificate as PDF bytes.
pub fn render(c: &Certificate) -> Result<Vec<u8>, String> {
    let t = |key: &str| I18n::get().t(c.lang, key);
    let day = |d: NaiveDate| tashil_text::dates::format_date(d, c.lang);
    let rtl = c.lang.is_rtl();
    let style = |size: f32, bold: bool, color| Style {
        size,
        bold,
        color,
        rtl,
    };
    let width = WIDTH - 2.0 * MARGIN;
    a4_page(
        &format!("{} {}", t("cred-certificate-title"), c.number),
        |pen| {
            let mut y = 80.0;
            pen.line(
                MARGIN,
                width,
                y,
                &c.issuer,
                style(12.0, false, GREY),
                Align::Start,
            );
            y += 36.0;
            pen.line(
                MARGIN,
                width,
                y,
                &t("cred-certificate-title"),
                style(24.0, true, INK),
                Align::Start,
            );
            y += 14.0;
            pen.fill(&[(MARGIN, y, width, 1.2)], GREY);
            y += 28.0;
            let status = t(&format!("cred-status-{}", c.standing));
            for l in pen.wrap(&status, style(14.0, true, INK), width) {
                pen.line(
                    MARGIN,
                    width,
                    y,
                    &l,
                    style(14.0, true, standing_color(c.standing)),
                    Align::Start,
                );
                y += 20.0;
            }
            y += 6.0;
            // The number reads left to right whatever the page's direction.
            let number = vec![c.number.clone()];
            let facts: [(&str, &[String]); 6] = [
                ("cred-number", &number),
                ("cred-holder", std::slice::from_ref(&c.holder)),
                ("cred-products", &c.products),
                ("cred-standards", &c.standards),
                ("cred-valid-from", &[day(c.valid_from)]),
                ("cred-valid-until", &[day(c.valid_until)]),
            ];
            for (label, values) in facts {
                y = fact(pen, y, &t(label), values, rtl);
            }
            y = y.max(520.0) + 10.0;
            for l in pen.wrap(&t("cred-certificate-scan"), style(11.0, false, GREY), width) {
                pen.line(
                    MARGIN,
                    width,
                    y,
                    &l,
                    style(11.0, false, GREY),
                    Align::Center,
                );
                y += 16.0;
            }
            y += 6.0;
            qr(pen, &c.url, (WIDTH - QR_SIDE) / 2.0, y);
            y += QR_SIDE + 18.0;
            let url_style = Style {
                rtl: false,
                ..style(11.0, false, INK)
            };
            let drawn = pen.line(MARGIN, width, y, &c.url, url_style, Align::Center);
            pen.link(((WIDTH - drawn) / 2.0, y - 11.0, drawn, 14.0), &c.url);
            let printed = I18n::get().t_args(
                c.lang,
                "cred-certificate-printed",
                &[("date", FluentValue::from(day(c.printed)))],
            );
            pen.line(
                MARGIN,
                width,
                HEIGHT - 40.0,
                &printed,
                style(9.0, false, GREY),
                Align::Start,
            );
        },
    )
}

/// A label and its values (each wrapped to the page), answering the next free baseline.
fn fact(pen: &mut Pen<'_>, mut y: f32, label: &str, values: &[String], rtl: bool) -> f32 {
    let width = WIDTH - 2.0 * MARGIN;
    pen.line(
        MARGIN,
        width,
        y,
        label,
        Style {
            size: 10.0,
            bold: false,
            color: GREY,
            rtl,
        },
        Align::Start,
    );
    y += 17.0;
    let value = Style {
        size: 13.0,
        bold: true,
        color: INK,
        rtl,
    };
    for v in values {
        for l in pen.wrap(v, value, width) {
            pen.line(MARGIN, width, y, &l, value, Align::Start);
            y += 18.0;
        }
    }
    y + 10.0
}

/// The QR code of `url`, `QR_SIDE` wide, its top left corner at (`left`, `top`), a link too.
fn qr(pen: &mut Pen<'_>, url: &str, left: f32, top: f32) {
    let Some((side, dark)) = super::qr::modules(url) else {
        return;
    };
    let cell = QR_SIDE / side as f32;
    let cells: Vec<(f32, f32, f32, f32)> = dark
        .iter()
        .enumerate()
        .filter(|(_, d)| **d)
        .map(|(i, _)| {
            let (row, col) = ((i / side) as f32, (i % side) as f32);
            // A hair wider than the cell so that no seam shows between neighbours.
            (
                left + col * cell,
                top + row * cell,
                cell + 0.05,
                cell + 0.05,
            )
        })
        .collect();
    pen.fill(&cells, (0, 0, 0));
    pen.link((left, top, QR_SIDE, QR_SIDE), url);
}

/// The handler: the licence by its number (404 for any other), in `?lang=` or the reader's.
pub(super) async fn pdf(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(number): Path<String>,
) -> Result<Response, AppError> {
    // A licence number is short and printable; anything else names no licence (and a NUL
    // would be refused by PostgreSQL as text).
    if number.len() > 64 || number.chars().any(char::is_control) {
        return Err(AppError::NotFound);
    }
    let id = crate::licensing::licence_by_number(&s.db, &number)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = crate::licensing::licence_entry(&s.db, id).await?;
    let (url, _) = super::verification(&s, id).await?;
    let issuer =
        super::licence::issuer_of(&super::issuer::Issuer::of(&s)?, id, s.clock.now()).await?;
    let today = crate::kernel::clock::local_date(&entry.province, s.clock.now());
    let standing = super::pages::standing(&entry, today);
    let cert = Certificate::of(&entry, ctx.lang, &issuer, standing, url, today);
    // A header carries ASCII only: a number that is not gives a plainer file name.
    let name = match entry
        .number
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        true => format!("licence-{}-{}.pdf", entry.number, ctx.lang.code()),
        false => format!("licence-{}.pdf", ctx.lang.code()),
    };
    let bytes = render(&cert).map_err(AppError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
