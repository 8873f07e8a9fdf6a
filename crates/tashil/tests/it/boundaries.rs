//! The shape of the code, checked like behaviour: a bounded context reaches another only
//! through its public functions, never its entities, its queries or its tables; the layers
//! every context stands on (`web/`, `mail/`, `db/`, `audit/`, `access/`, `kernel/`, `i18n/`)
//! know no context, nor `app.rs`, which composes them. A new context adds itself to
//! `CONTEXTS`; the test then guards it too.

use std::path::{Path, PathBuf};

/// Each context and identity, with the tables it owns (its migrations create them).
const CONTEXTS: &[(&str, &[&str])] = &[
    (
        "identity",
        &[
            "organisations",
            "users",
            "sessions",
            "api_tokens",
            "login_attempts",
        ],
    ),
    (
        "registry",
        &[
            "units",
            "unit_products",
            "unit_qc_managers",
            "unit_terms",
            "unit_counts",
        ],
    ),
    (
        "standards",
        &[
            "standards",
            "standard_products",
            "standard_clauses",
            "standard_mandatory",
            "enquiry_comments",
        ],
    ),
    (
        "facilitation",
        &[
            "obstacle_cases",
            "case_events",
            "case_units",
            "case_attachments",
            "facilitation_bodies",
            "body_members",
            "meetings",
            "meeting_attendance",
            "agenda_items",
            "resolutions",
            "resolution_updates",
        ],
    ),
    ("deregulation", &["regulation_reports"]),
    (
        "licensing",
        &[
            "permit_types",
            "permit_type_versions",
            "permit_delegations",
            "applications",
            "application_products",
            "application_steps",
            "application_messages",
            "application_documents",
            "licences",
        ],
    ),
    (
        "calendar",
        &["calendar_days", "calendar_closures", "calendar_loads"],
    ),
    (
        "credentials",
        &[
            "credential_issuer_keys",
            "credentials",
            "credential_status_stamps",
            "credential_provincial_issuers",
        ],
    ),
    (
        "conformity",
        &[
            "lab_accreditations",
            "lab_scope_entries",
            "test_requests",
            "test_request_clauses",
            "lab_instruments",
            "instrument_calibrations",
            "test_reports",
            "test_results",
            "sample_amendments",
        ],
    ),
    (
        "quality",
        &[
            "quality_characteristics",
            "quality_limits",
            "quality_batches",
            "quality_subgroups",
            "quality_monitors",
            "quality_violations",
        ],
    ),
    (
        "supervision",
        &[
            "supervision_hazard_classes",
            "supervision_weights",
            "supervision_scores",
            "supervision_complaints",
            "supervision_complaint_events",
            "supervision_complaint_files",
            "supervision_clinic_slots",
            "supervision_clinic_bookings",
            "supervision_general_items",
            "supervision_capa_days",
            "supervision_inspections",
            "supervision_checklist_items",
            "supervision_findings",
            "supervision_rungs",
            "supervision_measures",
            "supervision_unsafe_products",
            "supervision_evidence",
            "supervision_inspection_samples",
        ],
    ),
];

/// The layers every context stands on: they must not depend on one.
const LAYERS: &[&str] = &["web", "mail", "db", "audit", "access", "kernel", "i18n"];

/// Known crossings still to remove, each with its reason. Keep this list short; never add to
/// it to make a new crossing pass.
const DEBT: &[(&str, &str)] = &[
    // The mandatory list joins the province's products (registry) with the standards' HS
    // prefixes in one paged query; a registry function taking the prefixes is the fix.
    ("standards/mandatory.rs", "units"),
    ("standards/mandatory.rs", "unit_products"),
];

/// The only modules a context shows whole, each a facade by design; everything else a context
/// offers is re-exported, item by item, from its `mod.rs`.
const PUBLIC_MODULES: &[(&str, &str)] = &[
    // What other contexts may read of units, without the registry's tables.
    ("registry", "lookup"),
    // The people a context writes to, by user or organisation.
    ("identity", "recipients"),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The context or layer a file belongs to: its first folder under `src/` (or its file stem).
fn owner(file: &Path) -> String {
    let rel = file.strip_prefix(src()).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// Code without `//` comments, so a sentence naming a table is not a query.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` names `table` as SQL does (FROM, JOIN, INTO, UPDATE) or as an identifier
/// built for sea-query.
fn names_table(code: &str, table: &str) -> bool {
    let lower = code.to_lowercase();
    let word_ends = |rest: &str| {
        rest.chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    };
    for lead in ["from ", "join ", "into ", "update "] {
        let pat = format!("{lead}{table}");
        let mut at = 0;
        while let Some(i) = lower[at..].find(&pat) {
            let start = at + i;
            let before_ok = start == 0
                || !lower[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if before_ok && word_ends(&lower[start + pat.len()..]) {
                return true;
            }
            at = start + pat.len();
        }
    }
    lower.contains(&format!("alias::new(\"{table}\")"))
        || lower.contains(&format!("table_name = \"{table}\""))
}

/// Every crossing in the tree: (file, what it reaches).
fn crossings() -> Vec<(String, String)> {
    let mut files = vec![];
    rust_files(&src(), &mut files);
    let mut found = vec![];
    for f in &files {
        let me = owner(f);
        let rel = f.strip_prefix(src()).unwrap().to_string_lossy().to_string();
        let code = code_of(&std::fs::read_to_string(f).expect("read"));
        if LAYERS.contains(&me.as_str()) {
            for (ctx, _) in CONTEXTS.iter().filter(|(c, _)| *c != "identity") {
                if code.contains(&format!("crate::{ctx}")) {
                    found.push((rel.clone(), format!("crate::{ctx}")));
                }
            }
            // `app.rs` composes the contexts, so a layer using it would depend on them all.
            if code.contains("crate::app::") || code.contains("crate::app;") {
                found.push((rel.clone(), "crate::app".to_string()));
            }
        }
        let Some(_) = CONTEXTS.iter().find(|(c, _)| *c == me) else {
            continue;
        };
        for (other, tables) in CONTEXTS.iter().filter(|(c, _)| *c != me) {
            for private in ["entity", "query", "store"] {
                let path = format!("crate::{other}::{private}");
                if code.contains(&path) {
                    found.push((rel.clone(), path));
                }
            }
            for t in *tables {
                if names_table(&code, t) {
                    found.push((rel.clone(), t.to_string()));
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn no_context_reaches_into_another_and_no_layer_knows_a_context() {
    let new: Vec<_> = crossings()
        .into_iter()
        .filter(|(f, what)| !DEBT.contains(&(f.as_str(), what.as_str())))
        .collect();
    assert!(
        new.is_empty(),
        "crossings of a context's boundary (use the owner's public functions):\n{}",
        new.iter()
            .map(|(f, w)| format!("  {f} → {w}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The modules `mod_rs` declares visible outside its context (`pub mod x;`,
/// `pub(crate) mod x { … }`).
fn public_modules(mod_rs: &str) -> Vec<String> {
    code_of(mod_rs)
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("pub"))
        .filter_map(|l| l.split_once(" mod "))
        .filter_map(|(_, rest)| {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_context_shows_its_services_not_its_modules() {
    let mut shown = vec![];
    for (ctx, _) in CONTEXTS {
        let text = std::fs::read_to_string(src().join(ctx).join("mod.rs")).expect("mod.rs");
        for m in public_modules(&text) {
            if !PUBLIC_MODULES.contains(&(ctx, m.as_str())) {
                shown.push(format!("{ctx}::{m}"));
            }
        }
    }
    assert!(
        shown.is_empty(),
        "make these modules private and re-export what other code uses: {shown:?}"
    );
}

#[test]
fn the_debt_list_names_only_crossings_that_still_exist() {
    let all = crossings();
    for (f, what) in DEBT {
        assert!(
            all.contains(&(f.to_string(), what.to_string())),
            "{f} → {what} is gone: take it off DEBT"
        );
    }
}

#[test]
fn the_check_sees_a_forbidden_import_and_a_foreign_table() {
    assert!(names_table("\"SELECT id FROM units WHERE x\"", "units"));
    assert!(names_table(
        "\"... JOIN unit_products p ON\"",
        "unit_products"
    ));
    assert!(!names_table("\"SELECT id FROM units_archive\"", "units"));
    assert!(!names_table("let from_units = 1;", "units"));
    assert!(names_table("Alias::new(\"users\")", "users"));
    assert!(!code_of("// SELECT * FROM users").contains("users"));
    let mod_rs = "mod entity;\npub mod query;\npub(crate) mod store {\npub use model::X;";
    assert_eq!(public_modules(mod_rs), ["query", "store"]);
}
