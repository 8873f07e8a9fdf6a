use tashil_text::Lang;

/// Picks the language from, in order: an explicit choice (query or user preference), the
/// `lang` cookie, then the browser's Accept-Language; Persian by default.
pub fn negotiate(
    explicit: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Lang {
    if let Some(l) = explicit.and_then(Lang::parse) {
        return l;
    }
    if let Some(l) = cookie.and_then(Lang::parse) {
        return l;
    }
    if let Some(header) = accept_language {
        let mut ranked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q=").and_then(|v| v.parse().ok()))
                    .unwrap_or(1.0);
                Some((q, Lang::parse(tag)?))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some((_, l)) = ranked.first() {
            return *l;
        }
    }
    Lang::Fa
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_beats_cookie_beats_header() {
        assert_eq!(negotiate(Some("en"), Some("vi"), Some("fa")), Lang::En);
        assert_eq!(negotiate(None, Some("vi"), Some("en")), Lang::Vi);
        assert_eq!(
            negotiate(None, None, Some("de, vi-VN;q=0.8, en;q=0.9")),
            Lang::En
        );
        assert_eq!(negotiate(None, None, None), Lang::Fa);
    }
}
