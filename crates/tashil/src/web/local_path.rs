//! Where a redirect after login may go: only a path of this site, never another origin.

/// `next` if it is a local path, else `/`. Browsers strip tab, CR and LF from URLs and read a
/// backslash as a slash (WHATWG URL, "special" schemes), so `/\t/evil.example` and
/// `/\evil.example` both mean `//evil.example`: another host. Anything with whitespace, a control
/// character or a backslash is refused outright rather than cleaned. Non-ASCII characters of
/// an otherwise local path (`/units?q=سیمان`) are percent-encoded, since a `Location` header
/// holds visible ASCII only.
pub fn local_path(next: Option<&str>) -> String {
    let Some(n) = next else {
        return "/".into();
    };
    let refused = !n.starts_with('/')
        || n.starts_with("//")
        || n.chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if refused {
        return "/".into();
    }
    let mut out = String::with_capacity(n.len());
    for b in n.bytes() {
        if b.is_ascii() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn local_paths_pass_and_keep_their_query() {
        assert_eq!(local_path(Some("/units?page=2")), "/units?page=2");
        assert_eq!(local_path(Some("/")), "/");
    }

    #[test]
    fn other_origins_and_browser_folded_forms_fall_back_to_home() {
        for bad in [
            "//evil.example/",
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r/evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "evil.example",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}x",
            "",
        ] {
            assert_eq!(local_path(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(local_path(None), "/");
    }

    #[test]
    fn non_ascii_is_percent_encoded_for_the_location_header() {
        let p = local_path(Some("/units?q=سیمان"));
        assert_eq!(p, "/units?q=%D8%B3%DB%8C%D9%85%D8%A7%D9%86");
        assert!(axum::http::HeaderValue::from_str(&p).is_ok());
    }
}
