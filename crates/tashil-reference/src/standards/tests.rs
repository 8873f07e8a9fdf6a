use std::collections::{HashMap, HashSet};

use super::*;
use crate::country::Country;
use crate::ics::{ics, is_valid_ics};
use crate::products::{PRODUCTS, product};
use crate::uom::uom;

fn catalogue() -> &'static [DemoStandard] {
    use std::sync::OnceLock;
    static C: OnceLock<Vec<DemoStandard>> = OnceLock::new();
    C.get_or_init(|| demo_catalogue(30_000, 2024))
}

#[test]
fn profiles_follow_the_products() {
    assert_eq!(profiles::PROFILES.len(), PRODUCTS.len());
    for (p, pr) in PRODUCTS.iter().zip(profiles::PROFILES) {
        assert_eq!(p.code, pr.code);
        assert!(!pr.spec.is_empty() && !pr.ics.is_empty(), "{}", p.code);
    }
}

#[test]
fn counts_are_exact_and_prefixes_agree() {
    for n in [
        0,
        1,
        2,
        10,
        real_count(),
        fixed_count(),
        fixed_count() + 1,
        777,
    ] {
        assert_eq!(demo_catalogue(n, 9).len(), n);
    }
    let long = demo_catalogue(3_000, 5);
    for n in [1, 50, real_count(), fixed_count(), 1_234] {
        assert_eq!(demo_catalogue(n, 5)[..], long[..n], "prefix of length {n}");
    }
    assert!(real_count() >= 40 && real_count() <= 90, "{}", real_count());
}

#[test]
fn deterministic_and_seeded() {
    assert_eq!(demo_catalogue(2_000, 1), demo_catalogue(2_000, 1));
    let (a, b) = (demo_catalogue(2_000, 1), demo_catalogue(2_000, 2));
    // The real head is the same; the synthetic part differs.
    assert_eq!(a[..real_count()], b[..real_count()]);
    assert_ne!(a[fixed_count()..], b[fixed_count()..]);
}

#[test]
fn real_head() {
    let c = catalogue();
    assert_eq!(c[0].designation(), "ISO 9001:2015");
    let find = |d: &str| {
        c[..real_count()]
            .iter()
            .find(|s| s.designation() == d)
            .unwrap_or_else(|| panic!("{d} missing"))
    };
    assert_eq!(
        find("ISO/IEC 17025:2017").title_en,
        "General requirements for the competence of testing and calibration laboratories"
    );
    assert_eq!(
        find("TCVN ISO 9001:2015").title_vi,
        "Hệ thống quản lý chất lượng – Các yêu cầu"
    );
    assert_eq!(
        find("TCVN 2682:2020").title("vi"),
        "Xi măng poóc lăng – Yêu cầu kỹ thuật"
    );
    assert_eq!(find("INSO 389:2019").title("fa"), "سیمان پرتلند - ویژگی‌ها");
    assert!(find("INSO 389:2019").mandatory);
    assert_eq!(find("CXS 192-1995").number, "192");
    assert_eq!(find("CXC 1-1969").number, "CXC 1");
    assert_eq!(find("IEC 60335-2-24:2010").status, DemoStatus::Amended);
    let qcvn = find("QCVN 16:2023/BXD");
    assert!(qcvn.mandatory && qcvn.mandatory_from == Some((2024, 1, 1)));
    let old = find("QCVN 01:2009/BYT");
    assert_eq!(old.status, DemoStatus::Withdrawn);
    assert_eq!(c[old.replaced_by.unwrap()].number, "01-1:2018/BYT");
    let old = find("TCVN 2682:2009");
    assert_eq!(c[old.replaced_by.unwrap()].designation(), "TCVN 2682:2020");
    // TCVN cite the Vietnamese equivalent of ISO 679.
    assert!(
        find("TCVN 2682:2020")
            .clauses
            .iter()
            .any(|cl| cl.test_method == "TCVN 6016 (ISO 679)")
    );
}

#[test]
fn references_resolve() {
    for s in catalogue() {
        let d = s.designation();
        assert!(!s.ics.is_empty(), "{d}");
        for code in &s.ics {
            assert!(is_valid_ics(code) && ics(code).is_some(), "{d}: ICS {code}");
        }
        let hs: Vec<&str> = s
            .products
            .iter()
            .map(|code| {
                product(code)
                    .unwrap_or_else(|| panic!("{d}: product {code}"))
                    .hs
            })
            .collect();
        for prefix in &s.hs_prefixes {
            assert!(prefix.len() == 4 || prefix.len() == 6, "{d}: {prefix}");
            assert!(hs.iter().any(|h| h.starts_with(prefix)), "{d}: HS {prefix}");
        }
        for h in &hs {
            assert!(
                s.hs_prefixes.iter().any(|p| h.starts_with(p)),
                "{d}: HS {h} not covered"
            );
        }
        assert!(
            (2..=8).contains(&s.clauses.len()),
            "{d}: {} clauses",
            s.clauses.len()
        );
        let mut numbers = HashSet::new();
        for c in &s.clauses {
            assert!(uom(c.unit).is_some(), "{d}: unit {}", c.unit);
            assert!(
                numbers.insert(c.number.as_str()),
                "{d}: clause {} twice",
                c.number
            );
            assert!(!c.test_method.is_empty() && !c.parameter_en.is_empty());
            if let (Some(lo), Some(hi)) = (c.min, c.max) {
                assert!(lo <= hi, "{d}: {} {lo} > {hi}", c.parameter_en);
            }
            for v in [c.min, c.max].into_iter().flatten() {
                assert!(v.is_finite());
            }
        }
    }
}

#[test]
fn numbers_are_unique() {
    let c = catalogue();
    let mut seen = HashSet::new();
    let mut live: HashMap<(DemoBody, &str), usize> = HashMap::new();
    for (i, s) in c.iter().enumerate() {
        assert!(
            seen.insert((s.body, s.number.as_str(), s.year)),
            "{} twice",
            s.designation()
        );
        if s.status != DemoStatus::Withdrawn
            && let Some(j) = live.insert((s.body, s.number.as_str()), i)
        {
            panic!("{} and {} both in use", c[j].designation(), s.designation());
        }
    }
    // Designations are unique too.
    let designations: HashSet<String> = c.iter().map(DemoStandard::designation).collect();
    assert_eq!(designations.len(), c.len());
}

#[test]
fn withdrawn_standards_point_to_newer_editions() {
    let c = catalogue();
    for s in c {
        assert_eq!(
            s.status == DemoStatus::Withdrawn,
            s.replaced_by.is_some(),
            "{}",
            s.designation()
        );
        if let Some(j) = s.replaced_by {
            let newer = &c[j];
            assert_ne!(newer.status, DemoStatus::Withdrawn);
            assert_eq!(newer.body, s.body);
            assert!(
                newer.year > s.year,
                "{} → {}",
                s.designation(),
                newer.designation()
            );
            if s.body != DemoBody::Qcvn {
                assert_eq!(newer.number, s.number);
            }
        }
    }
}

#[test]
fn mandatory_rules() {
    let c = catalogue();
    for (i, s) in c.iter().enumerate() {
        let d = s.designation();
        assert_eq!(s.mandatory, s.mandatory_from.is_some(), "{d}");
        match s.body {
            DemoBody::Qcvn => assert!(s.mandatory, "{d}"),
            DemoBody::Inso => {}
            _ => assert!(!s.mandatory, "{d}"),
        }
        if s.body == DemoBody::Inso && s.mandatory {
            assert!(s.status.in_force(), "{d}");
            if i >= real_count() {
                assert!(!s.products.is_empty(), "{d}");
                for p in &s.products {
                    assert!(product(p).unwrap().mandatory_in_ir, "{d}: {p}");
                }
            }
        }
        if let Some((y, m, day)) = s.mandatory_from {
            assert!((1..=12).contains(&m) && (1..=31).contains(&day), "{d}");
            assert!(y >= i32::from(s.year) && y <= 2030, "{d}");
        }
        if matches!(s.status, DemoStatus::Draft | DemoStatus::Enquiry) {
            assert!(!s.mandatory && s.year >= 2025, "{d}");
        }
    }
}

#[test]
fn every_product_is_covered() {
    for count in [fixed_count(), 5_000] {
        let c = demo_catalogue(count, 77);
        for p in PRODUCTS {
            if p.mandatory_in_ir {
                assert!(
                    c.iter().any(|s| s.body == DemoBody::Inso
                        && s.mandatory
                        && s.status.in_force()
                        && s.products.contains(&p.code)),
                    "{} has no mandatory INSO standard",
                    p.code
                );
            }
            if p.typical_of(Country::Vn) {
                assert!(
                    c.iter()
                        .any(|s| matches!(s.body, DemoBody::Tcvn | DemoBody::Qcvn)
                            && s.status.in_force()
                            && s.products.contains(&p.code)),
                    "{} has no TCVN or QCVN",
                    p.code
                );
            }
        }
    }
}

#[test]
fn the_mix_is_as_documented() {
    let c = &catalogue()[fixed_count()..];
    let n = c.len() as f64;
    let share = |f: &dyn Fn(&DemoStandard) -> bool| c.iter().filter(|s| f(s)).count() as f64 / n;
    let near = |what: &str, got: f64, want: f64, tol: f64| {
        assert!((got - want).abs() <= tol, "{what}: {got:.3}, want {want}");
    };
    near("INSO", share(&|s| s.body == DemoBody::Inso), 0.40, 0.03);
    near("TCVN", share(&|s| s.body == DemoBody::Tcvn), 0.25, 0.03);
    near("QCVN", share(&|s| s.body == DemoBody::Qcvn), 0.05, 0.015);
    near("ISO", share(&|s| s.body == DemoBody::Iso), 0.20, 0.03);
    near("IEC", share(&|s| s.body == DemoBody::Iec), 0.07, 0.015);
    near("Codex", share(&|s| s.body == DemoBody::Codex), 0.03, 0.01);
    near(
        "published",
        share(&|s| s.status == DemoStatus::Published),
        0.80,
        0.03,
    );
    near(
        "amended",
        share(&|s| s.status == DemoStatus::Amended),
        0.06,
        0.015,
    );
    near(
        "withdrawn",
        share(&|s| s.status == DemoStatus::Withdrawn),
        0.08,
        0.015,
    );
    near(
        "enquiry",
        share(&|s| s.status == DemoStatus::Enquiry),
        0.03,
        0.01,
    );
    near(
        "draft",
        share(&|s| s.status == DemoStatus::Draft),
        0.03,
        0.01,
    );
    let inso: Vec<_> = c.iter().filter(|s| s.body == DemoBody::Inso).collect();
    let mandatory = inso.iter().filter(|s| s.mandatory).count() as f64 / inso.len() as f64;
    near("mandatory INSO", mandatory, 0.10, 0.03);
    // Series exist, as do topics without products.
    assert!(c.iter().any(|s| s.title_en.contains(" — Part 2: ")));
    assert!(
        c.iter()
            .any(|s| s.products.is_empty() && s.body == DemoBody::Iec)
    );
}

#[test]
fn titles_and_scopes_read_well() {
    for s in &catalogue()[..8_000] {
        let d = s.designation();
        for text in [
            &s.title_en,
            &s.title_fa,
            &s.title_vi,
            &s.scope_en,
            &s.scope_fa,
            &s.scope_vi,
        ] {
            assert!(
                !text.is_empty() && text.trim() == text && !text.contains("  "),
                "{d}: {text:?}"
            );
            assert!(!text.contains("{p}"), "{d}: {text:?}");
        }
        assert!(
            s.scope_en.ends_with('.') && s.scope_vi.ends_with('.') && s.scope_fa.ends_with('.'),
            "{d}"
        );
        if s.body == DemoBody::Qcvn {
            assert!(s.title_vi.starts_with("Quy chuẩn kỹ thuật quốc gia"), "{d}");
        }
    }
    let c = catalogue();
    let cement = c
        .iter()
        .find(|s| s.body == DemoBody::Inso && s.title_fa == "سیمان پرتلند - ویژگی‌ها و روش‌های آزمون")
        .expect("an INSO cement specification");
    assert_eq!(
        cement.title_en,
        "Portland cement — Specifications and test methods"
    );
    assert!(
        c.iter()
            .any(|s| s.title_vi == "Xi măng poóc lăng – Yêu cầu kỹ thuật và phương pháp thử")
    );
    assert!(c.iter().any(|s| s.title_fa.contains(" - قسمت ۲: ")));
    assert!(c.iter().any(|s| s.title_en.starts_with("Standard for ")));
}

/// Persian text: Persian letters only (no Arabic ي ك ى), no stray ZWNJ, plural suffixes
/// joined with ZWNJ.
pub(crate) fn check_fa(s: &str) {
    for bad in ['\u{064A}', '\u{0643}', '\u{0649}', '\u{200D}', '\u{0640}'] {
        assert!(!s.contains(bad), "U+{:04X} in {s:?}", bad as u32);
    }
    assert!(
        s == "pH" || s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "no Persian in {s:?}"
    );
    assert!(
        !s.contains(" \u{200C}") && !s.contains("\u{200C} "),
        "stray ZWNJ in {s:?}"
    );
    for word in s.split([' ', '،', '؛', '(', ')', '.', ':']) {
        for bad in ["تها", "تهای", "هها", "ههای"] {
            assert!(!word.ends_with(bad), "missing ZWNJ in {word:?} of {s:?}");
        }
    }
    for bad in [" ها ", " های ", " هایی "] {
        assert!(!s.contains(bad), "detached suffix in {s:?}");
    }
}

/// Vietnamese text: NFC (no combining marks) and the traditional tone placement.
pub(crate) fn check_vi(s: &str) {
    assert!(
        !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)),
        "combining mark in {s:?}"
    );
    let new_style = [
        "oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ",
    ];
    for word in s.split(|c: char| !c.is_alphabetic()) {
        let lower = word.to_lowercase();
        for bad in new_style {
            let misplaced = lower.ends_with(bad) && !lower.ends_with(&format!("q{bad}"));
            assert!(!misplaced, "tone mark placement {word:?} in {s:?}");
        }
    }
}

pub(crate) fn check_en(s: &str) {
    assert!(
        !s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "Persian in {s:?}"
    );
}

#[test]
fn scripts_of_generated_text() {
    for s in &catalogue()[..10_000] {
        check_fa(&s.title_fa);
        check_fa(&s.scope_fa);
        check_vi(&s.title_vi);
        check_vi(&s.scope_vi);
        check_en(&s.title_en);
        check_en(&s.scope_en);
        for c in &s.clauses {
            check_fa(&c.parameter_fa);
            check_vi(&c.parameter_vi);
            check_en(&c.parameter_en);
            check_en(&c.test_method);
        }
    }
}

#[test]
fn scripts_of_templates() {
    let mut lists = requirements::all_lists();
    lists.extend(topics::all_lists());
    for list in lists {
        for r in list {
            check_fa(r.fa);
            check_vi(r.vi);
            check_en(r.en);
            assert!(uom(r.unit).is_some(), "{}: {}", r.en, r.unit);
            if !r.allowed.is_empty() {
                assert!(r.min.is_none() && r.max.is_none(), "{}", r.en);
            }
        }
    }
    for a in aspects::ASPECTS {
        check_fa(a.fa);
        check_fa(a.scope_fa);
        check_vi(a.vi);
        check_vi(a.scope_vi);
        if let Some(code) = a.extra_ics {
            assert!(ics(code).is_some(), "{code}");
        }
    }
    for t in topics::TOPICS {
        check_fa(t.fa);
        check_vi(t.vi);
        for code in t.ics {
            assert!(ics(code).is_some(), "{code}");
        }
    }
}

#[test]
fn a_benchmark_scale_catalogue_keeps_designations_unique() {
    // Speed is measured by `bench/standards.sh` (200k standards), not here.
    let c = demo_catalogue(50_000, 42);
    assert_eq!(c.len(), 50_000);
    let mut seen = HashSet::new();
    for s in &c {
        assert!(
            seen.insert((s.body, s.number.as_str(), s.year)),
            "{}",
            s.designation()
        );
    }
}
