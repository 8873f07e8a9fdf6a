//! A queued message in the recipient's language: subject and plain-text body from
//! `locales/*/mail.ftl`, dates in the recipient's calendar (Solar Hijri in Persian), digits in
//! its script, and a link back to the page where the recipient acts.

use fluent_bundle::FluentValue;
use serde_json::Value;
use tashil_text::Lang;

use super::MailKind;
use crate::i18n::I18n;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

/// The facts of `args` as Fluent arguments: `deadline` and `held_on` (ISO dates) in the language's
/// calendar, `number` in its digits, every other string as given.
fn fluent_args(lang: Lang, args: &Value) -> Vec<(String, String)> {
    let Some(obj) = args.as_object() else {
        return vec![];
    };
    obj.iter()
        .filter(|(k, _)| k.as_str() != "path")
        .filter_map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            let text = match k.as_str() {
                "deadline" | "held_on" => chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map(|d| tashil_text::dates::format_date(d, lang))
                    .unwrap_or(text),
                "number" => tashil_text::digits::localize_digits(&text, lang),
                _ => text,
            };
            Some((k.clone(), text))
        })
        .collect()
}

/// Renders a message of the kind stored as `kind`.
pub fn render(kind: &str, lang: Lang, args: &Value, public_url: &str) -> Rendered {
    let i18n = I18n::get();
    let owned = fluent_args(lang, args);
    let fluent: Vec<(&str, FluentValue<'_>)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), FluentValue::from(v.as_str())))
        .collect();
    let subject = i18n.t_args(lang, &MailKind::key(kind, "subject"), &fluent);
    let mut body = i18n.t_args(lang, &MailKind::key(kind, "body"), &fluent);
    // The link stays outside the message so no isolation mark can cling to it.
    if let Some(path) = args.get("path").and_then(Value::as_str) {
        body.push_str("\n\n");
        body.push_str(&i18n.t(lang, "mail-open"));
        body.push('\n');
        body.push_str(public_url.trim_end_matches('/'));
        body.push_str(path);
    }
    body.push_str("\n\n-- \n");
    body.push_str(&i18n.t(lang, "mail-footer"));
    body.push('\n');
    Rendered {
        // A subject is one line, whatever a title carried.
        subject: subject.replace(['\r', '\n'], " "),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_persian_message_shows_the_solar_hijri_deadline_and_persian_digits() {
        let r = render(
            "resolution_assigned",
            Lang::Fa,
            &json!({"number": "IR-26-1405-00012", "action": "پرداخت تسهیلات",
                    "deadline": "2023-09-19", "path": "/resolutions"}),
            "https://tashil.example/",
        );
        assert!(r.body.contains("۲۸ شهریور ۱۴۰۲"), "{}", r.body);
        assert!(r.subject.contains("۰۰۰۱۲"), "{}", r.subject);
        assert!(r.body.contains("\nhttps://tashil.example/resolutions\n"));
    }

    #[test]
    fn the_test_message_has_its_subject_and_body_in_every_language() {
        assert!(MailKind::has_messages(super::super::TEST.as_str()));
        assert!(!MailKind::has_messages("no_such_kind"));
    }

    #[test]
    fn a_title_cannot_break_the_subject_line() {
        let r = render(
            "case_closed",
            Lang::En,
            &json!({"number": "VN-NBI-2026-00001\r\nBcc: x@evil.test", "title": "t", "reason": "r"}),
            "http://x",
        );
        assert!(
            r.subject.contains("Bcc"),
            "the argument reaches the subject"
        );
        assert!(!r.subject.contains('\n') && !r.subject.contains('\r'));
    }
}
