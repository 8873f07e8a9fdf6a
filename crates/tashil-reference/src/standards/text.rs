//! Titles and scopes of synthetic standards.

use super::DemoBody;
use super::aspects::{self, Applies};
use super::generator::Kind;

/// Lower-cases the first letter unless the word is an acronym (`"LED lamps"` stays).
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(s[first.len_utf8()..].chars())
            .collect(),
        _ => s.to_owned(),
    }
}

/// Title case for Codex titles: every word capitalised but the small ones.
pub(super) fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["and", "or", "for", "of", "in", "with", "the", "a", "an"];
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i > 0 && SMALL.contains(&word) {
            out.push_str(word);
            continue;
        }
        let mut done = false;
        for c in word.chars() {
            if !done && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                done = true;
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// Persian digits for part numbers.
pub(super) fn fa_digits(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c))
        .collect()
}

pub(super) fn title(
    kind: Kind,
    en: &str,
    fa: &str,
    vi: &str,
    part: Option<u32>,
) -> (String, String, String) {
    match kind {
        Kind::Aspect(a) => match part {
            Some(k) => (
                format!("{en} — Part {k}: {}", a.en),
                format!("{fa} - قسمت {}: {}", fa_digits(k), a.fa),
                format!("{vi} – Phần {k}: {}", a.vi),
            ),
            None => (
                format!("{en} — {}", a.en),
                format!("{fa} - {}", a.fa),
                format!("{vi} – {}", a.vi),
            ),
        },
        Kind::Regulation => (
            format!("National technical regulation on {}", lower_first(en)),
            format!("مقررات فنی ملی {fa}"),
            format!("Quy chuẩn kỹ thuật quốc gia về {}", lower_first(vi)),
        ),
        Kind::CodexStandard => (
            format!("Standard for {}", title_case(en)),
            format!("استاندارد {fa}"),
            format!("Tiêu chuẩn đối với {}", lower_first(vi)),
        ),
        Kind::CodexPractice => (
            format!("Code of Hygienic Practice for {}", title_case(en)),
            format!("آیین کار بهداشتی {fa}"),
            format!("Quy phạm thực hành vệ sinh đối với {}", lower_first(vi)),
        ),
    }
}

fn fill(template: &str, name: &str) -> String {
    template.replace("{p}", name)
}

pub(super) fn scope(
    body: DemoBody,
    kind: Kind,
    en: &str,
    fa: &str,
    vi: &str,
) -> (String, String, String) {
    let (en_l, vi_l) = (lower_first(en), lower_first(vi));
    let pair = |first: &Applies, second: Option<&Applies>| {
        let mut out = (
            fill(first.en, &en_l),
            fill(first.fa, fa),
            fill(first.vi, &vi_l),
        );
        if let Some(second) = second {
            for (s, t, name) in [
                (&mut out.0, second.en, en_l.as_str()),
                (&mut out.1, second.fa, fa),
                (&mut out.2, second.vi, vi_l.as_str()),
            ] {
                s.push(' ');
                s.push_str(&fill(t, name));
            }
        }
        out
    };
    match kind {
        Kind::Aspect(a) => {
            let first = Applies {
                en: a.scope_en,
                fa: a.scope_fa,
                vi: a.scope_vi,
            };
            let second = match body {
                _ if !a.may_be_mandatory => None,
                DemoBody::Inso | DemoBody::Tcvn => Some(&aspects::APPLIES_NATIONAL),
                DemoBody::Iso | DemoBody::Iec => Some(&aspects::APPLIES_INTERNATIONAL),
                _ => None,
            };
            pair(&first, second)
        }
        Kind::Regulation => pair(&aspects::QCVN_SCOPE, Some(&aspects::QCVN_APPLIES)),
        Kind::CodexStandard => pair(&aspects::CODEX_STANDARD_SCOPE, None),
        Kind::CodexPractice => pair(&aspects::CODEX_PRACTICE_SCOPE, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers() {
        assert_eq!(lower_first("Portland cement"), "portland cement");
        assert_eq!(lower_first("LED lamps"), "LED lamps");
        assert_eq!(lower_first("MDF board"), "MDF board");
        assert_eq!(lower_first("Xi măng poóc lăng"), "xi măng poóc lăng");
        assert_eq!(lower_first("Ắc quy chì axit ô tô"), "ắc quy chì axit ô tô");
        assert_eq!(lower_first("Đồ chơi trẻ em"), "đồ chơi trẻ em");
        assert_eq!(title_case("Canned tuna"), "Canned Tuna");
        assert_eq!(title_case("Doogh (yoghurt drink)"), "Doogh (Yoghurt Drink)");
        assert_eq!(
            title_case("Wooden living-room furniture"),
            "Wooden Living-room Furniture"
        );
        assert_eq!(fa_digits(24), "۲۴");
    }
}
