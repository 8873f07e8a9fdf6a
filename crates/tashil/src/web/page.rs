//! What every HTML page's layout needs: language and direction, the translator, the user and
//! their navigation, the CSRF token, and the date and number formats of the language.

use chrono::{DateTime, NaiveDate, Utc};
use fluent_bundle::FluentValue;

use super::Ctx;
use crate::access::Role;
use crate::i18n::{I18n, Lang};

#[derive(Clone, Debug)]
pub struct NavItem {
    pub href: &'static str,
    pub key: &'static str,
    pub current: bool,
}

#[derive(Clone, Debug)]
pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

#[derive(Clone, Debug)]
pub struct PageCtx {
    pub lang: Lang,
    pub csrf: String,
    pub path: String,
    query: String,
    pub user_name: Option<String>,
    pub role: Option<Role>,
    pub province: Option<String>,
    /// The signed-in reader's zone (their office's, or their own for national staff).
    zone: Option<chrono_tz::Tz>,
    pub nav: Vec<NavItem>,
}

impl PageCtx {
    pub fn new(ctx: &Ctx) -> Self {
        let role = ctx.actor.as_ref().map(|a| a.role());
        let province = ctx
            .actor
            .as_ref()
            .and_then(|a| a.province().map(str::to_owned));
        let under = |href: &str| ctx.path == href || ctx.path.starts_with(&format!("{href}/"));
        let entries = (ctx.navigation)(ctx.actor.as_ref());
        // The deepest entry the page is under is the current one (`/quality/compliance`
        // within `/quality`).
        let deepest = entries
            .iter()
            .filter(|e| under(e.href))
            .map(|e| e.href.len())
            .max();
        let nav = entries
            .into_iter()
            .map(|e| NavItem {
                href: e.href,
                key: e.key,
                current: under(e.href) && Some(e.href.len()) == deepest,
            })
            .collect();
        PageCtx {
            lang: ctx.lang,
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            query: ctx.query.clone(),
            user_name: ctx.actor.as_ref().map(|a| a.display_name().to_owned()),
            role,
            province,
            zone: ctx.actor.as_ref().map(|a| a.time_zone()),
            nav,
        }
    }

    pub fn t(&self, key: &str) -> String {
        I18n::get().t(self.lang, key)
    }

    /// A message with one argument (most messages need at most one).
    pub fn t1(&self, key: &str, name: &str, value: impl AsRef<str>) -> String {
        I18n::get().t_args(
            self.lang,
            key,
            &[(name, FluentValue::from(value.as_ref().to_string()))],
        )
    }

    /// Share `share` (0–1) as a percentage with `decimals` places, in the reader's digits and
    /// sign.
    pub fn percent(&self, share: f64, decimals: usize) -> String {
        self.t1(
            "percent",
            "value",
            self.digits(&format!("{:.*}", decimals, share * 100.0)),
        )
    }

    pub fn t2(&self, key: &str, n1: &str, v1: &str, n2: &str, v2: &str) -> String {
        I18n::get().t_args(
            self.lang,
            key,
            &[
                (n1, FluentValue::from(v1.to_string())),
                (n2, FluentValue::from(v2.to_string())),
            ],
        )
    }

    /// Label of a standard's lifecycle status (`published` …).
    pub fn standard_status(&self, status: &str) -> String {
        self.t(&format!("standard-status-{status}"))
    }

    /// Label of a standards body (`INSO`, `ISO/IEC` …).
    pub fn body_label(&self, body: &str) -> String {
        self.t(&format!("body-{}", body.to_lowercase().replace('/', "-")))
    }

    /// Label of a committee decision on an enquiry comment.
    pub fn decision_label(&self, decision: &str) -> String {
        self.t(&format!("decision-{}", decision.replace('_', "-")))
    }

    /// Label of an obstacle category (`bank_financing` …).
    pub fn category_label(&self, c: &str) -> String {
        self.t(&format!("category-{}", c.replace('_', "-")))
    }

    /// Label of an obstacle case's status.
    pub fn case_status(&self, s: &str) -> String {
        self.t(&format!("case-status-{}", s.replace('_', "-")))
    }

    /// Label of a resolution's status.
    pub fn resolution_status(&self, s: &str) -> String {
        self.t(&format!("resolution-status-{}", s.replace('_', "-")))
    }

    /// Label of a kind of body (working group, council …).
    pub fn body_kind(&self, k: &str) -> String {
        self.t(&format!("body-kind-{}", k.replace('_', "-")))
    }

    /// Label of a line of a case's timeline.
    pub fn event_label(&self, k: &str) -> String {
        self.t(&format!("case-event-{}", k.replace('_', "-")))
    }

    /// A number of days with one decimal in the language's digits, or a dash.
    pub fn days(&self, d: &Option<f64>) -> String {
        match d {
            Some(v) => {
                let text = format!("{v:.1}");
                let text = match self.lang {
                    Lang::Fa => text.replace('.', "٫"),
                    Lang::Vi => text.replace('.', ","),
                    Lang::En => text,
                };
                self.digits(&text)
            }
            None => "—".into(),
        }
    }

    /// Label of a deregulation report's status.
    pub fn regulation_status(&self, s: &str) -> String {
        self.t(&format!("regulation-status-{}", s.replace('_', "-")))
    }

    /// Label of the deregulation board's decision.
    pub fn regulation_decision(&self, d: &str) -> String {
        self.t(&format!("regulation-decision-{d}"))
    }

    /// A file size in kilobytes, in the language's digits («۲۵۶ KB»).
    pub fn file_size(&self, bytes: &i64) -> String {
        let kb = (bytes.unsigned_abs()).div_ceil(1024);
        format!("{} KB", self.num(&kb))
    }

    pub fn tn(&self, key: &str, name: &str, value: impl std::borrow::Borrow<u64>) -> String {
        I18n::get().t_args(
            self.lang,
            key,
            &[(name, FluentValue::from(*value.borrow() as f64))],
        )
    }

    pub fn status_label(&self, status: &str) -> String {
        self.t(&format!("status-{status}"))
    }

    pub fn size_label(&self, size: &str) -> String {
        self.t(&format!("size-{size}"))
    }

    pub fn yes_no(&self, b: &bool) -> String {
        self.t(if *b { "yes" } else { "no" })
    }

    pub fn page_of(
        &self,
        page: impl std::borrow::Borrow<u64>,
        pages: impl std::borrow::Borrow<u64>,
    ) -> String {
        let pos = format!("{} / {}", self.num(page.borrow()), self.num(pages.borrow()));
        self.t1("page-of", "pos", pos)
    }

    pub fn is_rtl(&self) -> bool {
        self.lang.is_rtl()
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        if self.lang.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The day of instant `at` on the reader's clock: a signed-in reader's (their province's
    /// office's, or their own for national staff), else the one their language suggests
    /// (Persian: Tehran; Vietnamese: Hanoi time; English: UTC).
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        use crate::kernel::clock::{date_in, zone};
        let tz = self.zone.unwrap_or_else(|| match self.lang {
            Lang::Fa => zone("IR"),
            Lang::Vi => zone("VN"),
            Lang::En => chrono_tz::UTC,
        });
        tashil_text::dates::format_date(date_in(tz, *at), self.lang)
    }

    pub fn day(&self, d: &NaiveDate) -> String {
        tashil_text::dates::format_date(*d, self.lang)
    }

    pub fn num(&self, n: &u64) -> String {
        tashil_text::numbers::format_integer(*n as i64, self.lang)
    }

    /// Digits of an identifier or code in the language's script (Persian digits in fa).
    pub fn digits(&self, s: &str) -> String {
        tashil_text::digits::localize_digits(s, self.lang)
    }

    pub fn role_name(&self) -> String {
        self.role
            .map(|r| self.t(&format!("role-{}", r.as_str())))
            .unwrap_or_default()
    }

    pub fn is_role(&self, r: &str) -> bool {
        self.role.is_some_and(|x| x.as_str() == r)
    }

    /// The current page in another language (the switcher's links work without JavaScript).
    pub fn lang_url(&self, code: &str) -> String {
        let rest: Vec<&str> = self
            .query
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
            .collect();
        let mut q = rest.join("&");
        if !q.is_empty() {
            q.push('&');
        }
        format!("{}?{q}lang={code}", self.path)
    }

    pub fn province_name(&self, code: &str) -> String {
        tashil_reference::province(code)
            .map(|p| p.name(self.lang.code()).to_string())
            .unwrap_or_else(|| code.to_string())
    }

    /// The language switcher's links; each names its language in that language.
    pub fn langs(&self) -> Vec<LangLink> {
        [
            (Lang::Fa, "فارسی"),
            (Lang::Vi, "Tiếng Việt"),
            (Lang::En, "English"),
        ]
        .into_iter()
        .map(|(l, label)| LangLink {
            code: l.code(),
            label,
            href: self.lang_url(l.code()),
            current: l == self.lang,
        })
        .collect()
    }
}
