//! The designation parser: a cursor over the search-folded text.

use tashil_text::normalize::search_key;

use super::{Body, Parts};

/// Search folding (lower case, ASCII digits, ی/ک, no marks, one space) plus every dash
/// look-alike as «-», and wrapping punctuation trimmed.
pub(super) fn prepare(text: &str) -> String {
    let key: String = search_key(text)
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{FF1A}' => ':',
            _ => c,
        })
        .collect();
    key.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | '(' | ')' | '[' | ']' | '«' | '»' | '"' | '\''
            )
    })
    .to_owned()
}

/// The body names a designation may start with, longest first where one is a prefix
/// of another.
const BODY_WORDS: &[(&str, Body, Option<&str>)] = &[
    ("استاندارد ملی ایران", Body::Inso, None),
    ("استاندارد ملی", Body::Inso, None),
    ("ملی", Body::Inso, None),
    ("isiri", Body::Inso, None),
    ("inso", Body::Inso, None),
    ("tcvn", Body::Tcvn, None),
    ("qcvn", Body::Qcvn, None),
    ("iso", Body::Iso, None),
    ("ایزو", Body::Iso, None),
    ("iec", Body::Iec, None),
    ("codex", Body::Codex, None),
    ("cxs", Body::Codex, Some("cxs")),
    ("cxc", Body::Codex, Some("cxc")),
    ("cxg", Body::Codex, Some("cxg")),
    ("cxm", Body::Codex, Some("cxm")),
    ("cac/rcp", Body::Codex, Some("cxc")),
    ("cac/gl", Body::Codex, Some("cxg")),
    ("cac/mrl", Body::Codex, Some("cxm")),
];

/// A cursor over a prepared string.
pub(super) struct Scan<'a>(pub(super) &'a str);

impl Scan<'_> {
    fn skip_blanks(&mut self) {
        self.0 = self.0.trim_start();
    }

    /// Blanks and the separators people put between a body and its number.
    pub(super) fn skip_seps(&mut self) {
        self.0 = self.0.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '.' | ':' | '#' | '_')
        });
    }

    fn char(&mut self, c: char) -> bool {
        match self.0.strip_prefix(c) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    /// `w` as a whole word (a digit may follow at once: «inso1234»).
    pub(super) fn word(&mut self, w: &str) -> bool {
        match self.0.strip_prefix(w) {
            Some(rest) if !rest.starts_with(char::is_alphabetic) => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    fn take_while(&mut self, f: impl Fn(char) -> bool) -> Option<String> {
        let end = self.0.find(|c: char| !f(c)).unwrap_or(self.0.len());
        if end == 0 {
            return None;
        }
        let (head, rest) = self.0.split_at(end);
        self.0 = rest;
        Some(head.to_owned())
    }

    fn digits(&mut self) -> Option<String> {
        self.take_while(|c| c.is_ascii_digit())
    }

    /// A body name, with the Codex type it implies.
    pub(super) fn body(&mut self) -> Option<(Body, Option<&'static str>)> {
        let (body, kind) = BODY_WORDS
            .iter()
            .find(|(w, _, _)| self.word(w))
            .map(|&(_, b, k)| (b, k))?;
        Some(match body {
            Body::Iso => (self.iec_after_iso(), None),
            Body::Codex if kind.is_none() => (Body::Codex, self.codex_kind()),
            _ => (body, kind),
        })
    }

    /// «ISO/IEC», «ISO-IEC», «ISO IEC» after «ISO» has been read.
    fn iec_after_iso(&mut self) -> Body {
        let saved = self.0;
        self.skip_blanks();
        let _ = self.char('/') || self.char('-');
        self.skip_blanks();
        if self.word("iec") {
            Body::IsoIec
        } else {
            self.0 = saved;
            Body::Iso
        }
    }

    /// The Codex document type after «CODEX» (standard when none is written).
    pub(super) fn codex_kind(&mut self) -> Option<&'static str> {
        let saved = self.0;
        self.skip_blanks();
        for (w, k) in [
            ("stan", "cxs"),
            ("cxs", "cxs"),
            ("cxc", "cxc"),
            ("cxg", "cxg"),
            ("cxm", "cxm"),
            ("cac/rcp", "cxc"),
            ("cac/gl", "cxg"),
            ("cac/mrl", "cxm"),
        ] {
            if self.word(w) {
                return Some(k);
            }
        }
        self.0 = saved;
        Some("cxs")
    }

    /// Numeric groups joined by hyphens: «5699-1», «60335 - 2 - 24».
    pub(super) fn core(&mut self) -> Option<Vec<String>> {
        let mut core = vec![self.digits()?];
        loop {
            let saved = self.0;
            self.skip_blanks();
            if self.char('-') {
                self.skip_blanks();
                if let Some(group) = self.digits() {
                    core.push(group);
                    continue;
                }
            }
            self.0 = saved;
            return Some(core);
        }
    }

    /// The number after the body: an adopted designation or the body's own number,
    /// then «:year», then for QCVN «/ministry».
    pub(super) fn number(&mut self, body: Body, kind: Option<&'static str>) -> Option<Parts> {
        self.skip_seps();
        if matches!(body, Body::Inso | Body::Tcvn) {
            let saved = self.0;
            if let Some((inner, inner_kind)) = self.body().filter(|(b, _)| b.is_international()) {
                self.skip_seps();
                let parts = self.number(inner, inner_kind)?;
                return Some(Parts {
                    adopted: Some(inner),
                    ..parts
                });
            }
            self.0 = saved;
        }
        let mut parts = Parts {
            kind,
            core: self.core()?,
            ..Parts::default()
        };
        let saved = self.0;
        self.skip_blanks();
        if self.char(':') {
            self.skip_blanks();
            parts.year = Some(self.digits().as_deref().and_then(year)?);
        } else {
            self.0 = saved;
        }
        // Codex prints the year after a hyphen: «192-1995».
        if body == Body::Codex
            && parts.year.is_none()
            && parts.core.len() > 1
            && let Some(y) = parts.core.last().and_then(|g| year(g))
        {
            parts.core.pop();
            parts.year = Some(y);
        }
        if body == Body::Qcvn {
            let saved = self.0;
            self.skip_blanks();
            if self.char('/') {
                self.skip_blanks();
                parts.agency = Some(self.take_while(|c| c.is_ascii_alphabetic())?);
            } else {
                self.0 = saved;
            }
        }
        Some(parts)
    }
}

/// A four-digit year, Gregorian or Solar Hijri (INSO editions carry 13xx/14xx).
fn year(digits: &str) -> Option<u16> {
    let y: u16 = digits.parse().ok()?;
    (digits.len() == 4 && (1300..=2100).contains(&y)).then_some(y)
}
