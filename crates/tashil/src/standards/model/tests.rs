use super::*;

fn cement() -> StandardDraft {
    StandardDraft {
        body: "ISIRI".into(),
        number: "۳۸۹".into(),
        year: "2019".into(),
        title_fa: "سیمان پرتلند - ویژگيها".into(),
        ics: "91.100.10".into(),
        products: vec![ProductScopeDraft {
            hs_code: "۲۵۲۳.۲۹".into(),
            product: String::new(),
        }],
        clauses: vec![ClauseDraft {
            number: "۵.۱".into(),
            parameter_fa: "مقاومت فشاری ۲۸ روزه".into(),
            test_method: "INSO 393".into(),
            unit: "mpa".into(),
            min: "۴۲٫۵".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn a_standard_typed_with_persian_digits_and_aliases_is_normalised() {
    let v = cement().validate().unwrap();
    assert_eq!(v.body, Body::Inso);
    assert_eq!(v.number, "389");
    assert_eq!(v.designation(), "INSO 389:2019");
    assert_eq!(v.title_fa, "سیمان پرتلند - ویژگیها");
    assert_eq!(v.products[0].hs_prefix, "252329");
    assert_eq!(v.clauses[0].unit, "MPA");
    assert_eq!(v.clauses[0].min, Some(42.5));
    assert_eq!(v.clauses[0].number, "5.1");
}

#[test]
fn every_bad_field_is_named() {
    let mut d = cement();
    d.body = "XYZ".into();
    d.ics = "99.999".into();
    d.products[0].hs_code = "12".into();
    d.products[0].hs_code = "7777".into();
    d.clauses[0].unit = "FOO".into();
    d.clauses[0].max = "10".into();
    let errs = d.validate().unwrap_err();
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"body"), "{fields:?}");
    assert!(fields.contains(&"ics"), "{fields:?}");
    assert!(fields.contains(&"products[0].hs_code"), "{fields:?}");
    assert!(fields.contains(&"clauses[0].unit"), "{fields:?}");
    assert!(errs.iter().any(|e| e.code == "max_below_min"), "{errs:?}");
}

#[test]
fn a_clause_needs_a_requirement() {
    let mut d = cement();
    d.clauses[0].min = String::new();
    let errs = d.validate().unwrap_err();
    assert_eq!(errs[0].code, "requirement_missing");
    d.clauses[0].allowed = "none detected".into();
    d.clauses[0].unit = String::new();
    assert!(d.validate().is_ok());
}

#[test]
fn lifecycle_moves() {
    use Status::*;
    assert!(Draft.can_move_to(Enquiry));
    assert!(Enquiry.can_move_to(Published));
    assert!(Published.can_move_to(Withdrawn));
    assert!(!Withdrawn.can_move_to(Published));
    assert!(!Published.can_move_to(Draft));
    assert!(!Draft.can_move_to(Withdrawn));
}
