//! Every message exists in all three languages, and every key the code or templates use
//! exists: a missing translation fails here, not in front of a user.

use std::collections::BTreeSet;
use std::path::Path;

use tashil::i18n::{I18n, Lang, keys_of, sources};

fn keys(lang: Lang) -> BTreeSet<String> {
    sources(lang).iter().flat_map(|s| keys_of(s)).collect()
}

#[test]
fn every_language_has_the_same_keys() {
    let fa = keys(Lang::Fa);
    for lang in [Lang::Vi, Lang::En] {
        let other = keys(lang);
        let missing: Vec<_> = fa.difference(&other).collect();
        let extra: Vec<_> = other.difference(&fa).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys Persian lacks: {extra:?}"
        );
    }
}

/// Keys written literally in templates and Rust sources: `t("key")`, `t1("key"`, `tn("key"`,
/// `tr(lang, "key")`, and the prefixes built with `format!`.
fn used_keys() -> BTreeSet<String> {
    // Read at run time (cargo sets it for tests), so a binary built in another copy of the
    // repository reads this one (.ci/run builds the suite in a copy).
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        Into::into,
    );
    let mut out = BTreeSet::new();
    let mut stack = vec![root.join("templates"), root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for pat in [".t(\"", ".t1(\"", ".tn(\"", ".t(lang, \"", "tr(lang, \""] {
                for piece in text.split(pat).skip(1) {
                    let key: String = piece.chars().take_while(|c| *c != '"').collect();
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                    {
                        out.insert(key);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_key_used_exists_in_every_language() {
    let used = used_keys();
    assert!(used.len() > 40, "the scan found the keys ({})", used.len());
    let i18n = I18n::get();
    for lang in Lang::ALL {
        let missing: Vec<_> = used.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn every_error_code_and_choice_has_a_message() {
    let i18n = I18n::get();
    let mut keys: Vec<String> = [
        "not_found",
        "unauthenticated",
        "forbidden",
        "validation_failed",
        "edit_conflict",
        "csrf_failed",
        "bad_credentials",
        "login_throttled",
        "required",
        "unknown_province",
        "unknown_isic_class",
        "invalid_choice",
        "invalid_hs_code",
        "duplicate_national_id",
        "national_id_unavailable",
        "out_of_range",
        "date_out_of_range",
        "duplicate_entry",
        "organisation_not_allowed",
        "not_a_member",
        "missing_column",
        "unknown_column",
        "duplicate_in_file",
        "province_out_of_scope",
    ]
    .iter()
    .map(|c| tashil::web::error_render::key_of(c))
    .collect();
    for code in [
        "id_empty",
        "id_not_digits",
        "id_wrong_length",
        "id_bad_check_digit",
        "id_all_same_digits",
        "id_bad_branch",
    ] {
        keys.push(tashil::web::error_render::key_of(code));
    }
    for code in [
        "unsupported_format",
        "not_a_zip",
        "legacy_xls",
        "password_protected",
        "truncated",
        "corrupt",
        "too_large",
        "not_utf8",
        "unknown_encoding",
        "undecodable",
        "empty",
        "header_only",
        "formula",
        "merged_cell",
        "too_many_rows",
        "no_sheet",
        "csv_malformed",
        "no_known_columns",
        "province_merged",
    ] {
        keys.push(tashil::web::error_render::key_of(code));
    }
    for r in tashil::access::Role::ALL {
        keys.push(format!("role-{}", r.as_str()));
    }
    for s in ["micro", "small", "medium", "large"] {
        keys.push(format!("size-{s}"));
    }
    for s in ["active", "idle", "closed"] {
        keys.push(format!("status-{s}"));
    }
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn persian_messages_use_persian_letters_and_digits_render_in_persian() {
    for src in sources(Lang::Fa) {
        assert!(
            !src.contains('ي') && !src.contains('ك'),
            "Arabic letter forms in fa messages"
        );
    }
    let s = I18n::get().t_args(Lang::Fa, "units-found", &[("count", 1234.into())]);
    assert!(s.contains("۱٬۲۳۴"), "{s}");
}
