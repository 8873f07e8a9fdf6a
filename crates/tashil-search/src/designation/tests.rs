use super::*;

fn d(text: &str) -> Designation {
    parse(text).unwrap_or_else(|| panic!("{text:?} should parse"))
}

fn des(body: Body, number: &str, year: Option<u16>) -> Designation {
    Designation {
        body,
        number: number.into(),
        year,
    }
}

#[test]
fn inso_in_every_spelling() {
    let want = des(Body::Inso, "1234", None);
    for text in [
        "INSO 1234",
        "ISIRI 1234",
        "INSO-1234",
        "inso1234",
        "Isiri  1234",
        "استاندارد ملی ۱۲۳۴",
        "استاندارد ملی ایران ۱۲۳۴",
        "استاندارد ملي ١٢٣٤",
        "ملی ۱۲۳۴",
        "استاندارد ملی ایران شماره ۱۲۳۴",
        "INSO no. 1234",
        "\u{200F}INSO 1234\u{200F}",
    ] {
        assert_eq!(d(text), want, "{text}");
    }
    assert_eq!(want.display(), "INSO 1234");
    assert_eq!(d("INSO 1234:1399").year, Some(1399));
}

#[test]
fn tcvn_and_qcvn() {
    let t = d("TCVN 5699-1:2010");
    assert_eq!(t, des(Body::Tcvn, "5699-1", Some(2010)));
    assert_eq!(t.display(), "TCVN 5699-1:2010");
    assert_eq!(d("tcvn5699-1"), des(Body::Tcvn, "5699-1", None));
    assert_eq!(d("TCVN 5699 – 1 : 2010"), t);
    assert_eq!(d("TCVN ۵۶۹۹-۱:۲۰۱۰"), t);

    let q = d("QCVN 01:2009/BYT");
    assert_eq!(q, des(Body::Qcvn, "01:2009/BYT", Some(2009)));
    assert_eq!(q.display(), "QCVN 01:2009/BYT");
    assert_eq!(d("qcvn 01 : 2009 / byt"), q);
    assert_eq!(d("QCVN 16:2023/BXD").number, "16:2023/BXD");
    let part = d("QCVN 01-1:2018/BYT");
    assert_eq!(part.number, "01-1:2018/BYT");
    assert_eq!(part.year, Some(2018));
    assert_eq!(d("QCVN 01").number, "01");
}

#[test]
fn national_adoption_keeps_the_national_body() {
    let t = d("TCVN ISO 9001:2015");
    assert_eq!(t, des(Body::Tcvn, "ISO 9001", Some(2015)));
    assert_eq!(t.display(), "TCVN ISO 9001:2015");
    assert_eq!(d("TCVN ISO/IEC 17025:2017").number, "ISO/IEC 17025");
    assert_eq!(d("INSO-ISO 9001").number, "ISO 9001");
    let keys = t.keys();
    assert!(keys.contains(&"~iso 9001".to_string()), "{keys:?}");
    assert!(keys.contains(&"tcvn iso 9001".to_string()));
}

#[test]
fn international_bodies() {
    assert_eq!(d("ISO 9001:2015"), des(Body::Iso, "9001", Some(2015)));
    assert_eq!(d("iso 9001"), des(Body::Iso, "9001", None));
    assert_eq!(d("ایزو ۹۰۰۱"), des(Body::Iso, "9001", None));
    assert_eq!(d("IEC 60335-2-24"), des(Body::Iec, "60335-2-24", None));
    assert_eq!(
        d("ISO/IEC 27001:2022"),
        des(Body::IsoIec, "27001", Some(2022))
    );
    assert_eq!(d("iso-iec 27001").body, Body::IsoIec);
    assert_eq!(d("ISO IEC 27001").body, Body::IsoIec);
    assert_eq!(d("ISO/IEC 27001:2022").display(), "ISO/IEC 27001:2022");
}

#[test]
fn codex_old_and_new_names() {
    let s = des(Body::Codex, "CXS 192", Some(1995));
    assert_eq!(d("CXS 192-1995"), s);
    assert_eq!(d("CODEX STAN 192-1995"), s);
    assert_eq!(d("codex stan 192 - 1995"), s);
    assert_eq!(d("CODEX CXS 192:1995"), s);
    assert_eq!(s.display(), "CXS 192-1995");
    let c = des(Body::Codex, "CXC 1", Some(1969));
    assert_eq!(d("CAC/RCP 1-1969"), c);
    assert_eq!(d("CXC 1-1969"), c);
    assert_eq!(d("CAC/GL 21-1997").number, "CXG 21");
    assert_eq!(d("Codex 192").number, "CXS 192");
}

#[test]
fn not_designations() {
    for text in [
        "۹۰۰۱",
        "9001",
        "iso",
        "ISO quality",
        "isotope 12",
        "ملیت ۱۲",
        "ملی سازی",
        "TCVN 5699-1:2010 extra",
        "ISO 9001:15",
        "",
    ] {
        assert_eq!(parse(text), None, "{text}");
    }
}

#[test]
fn bare_numbers() {
    assert_eq!(bare_number("۹۰۰۱").as_deref(), Some("9001"));
    assert_eq!(bare_number(" 5699 - 1 ").as_deref(), Some("5699-1"));
    assert_eq!(bare_number("01").as_deref(), Some("1"));
    assert_eq!(bare_number("0").as_deref(), Some("0"));
    assert_eq!(bare_number("iso 9001"), None);
    assert_eq!(bare_number("9001 a"), None);
}

#[test]
fn keys_link_every_spelling() {
    let doc = d("TCVN 5699-1:2010").keys();
    assert_eq!(
        doc,
        ["tcvn 5699-1:2010", "tcvn 5699-1", "tcvn 5699-*", "5699-1"]
    );
    for query in ["tcvn5699-1", "TCVN 5699-1:2010", "TCVN 5699"] {
        let q = d(query).query_keys();
        assert!(q.iter().any(|(k, _)| doc.contains(k)), "{query}: {q:?}");
    }
    let q = d("QCVN 1:2009/BYT").keys();
    assert_eq!(
        q,
        ["qcvn 1:2009/byt", "qcvn 1:2009", "qcvn 1", "1"],
        "leading zeros and case do not matter"
    );
    assert_eq!(d("QCVN 01:2009/BYT").keys(), q);
    // The same number from the app's structured fields.
    let from_app = des(Body::Qcvn, "01:2009/BYT", Some(2009));
    assert_eq!(from_app.keys(), q);
    let iec = d("IEC 60335-2-24").keys();
    assert!(iec.contains(&"iec 60335-*".into()) && iec.contains(&"iec 60335-2-*".into()));
    let codex = d("CODEX STAN 192-1995").keys();
    assert_eq!(codex[0], "codex cxs 192:1995");
    assert_eq!(d("CXS 192").query_keys()[0].0, "codex cxs 192");
}

#[test]
fn body_aliases() {
    for (s, b) in [
        ("INSO", Body::Inso),
        ("isiri", Body::Inso),
        ("استاندارد ملی", Body::Inso),
        ("ملی", Body::Inso),
        ("tcvn", Body::Tcvn),
        ("QCVN", Body::Qcvn),
        ("ISO", Body::Iso),
        ("IEC", Body::Iec),
        ("ISO/IEC", Body::IsoIec),
        ("iso-iec", Body::IsoIec),
        ("Codex Stan", Body::Codex),
        ("CXS", Body::Codex),
        ("CAC/RCP", Body::Codex),
    ] {
        assert_eq!(s.parse::<Body>(), Ok(b), "{s}");
    }
    assert!("ANSI".parse::<Body>().is_err());
    for b in Body::ALL {
        assert_eq!(b.as_str().parse::<Body>(), Ok(b));
    }
    assert_eq!(serde_json::to_string(&Body::IsoIec).unwrap(), "\"ISO/IEC\"");
    assert_eq!(
        serde_json::from_str::<Body>("\"isiri\"").unwrap(),
        Body::Inso
    );
}

#[test]
fn sort_rank_orders_numbers_numerically() {
    let r = |s: &str| d(s).sort_rank();
    assert!(r("ISO 9001") < r("ISO 14001"));
    assert!(r("INSO 99999") < r("TCVN 1"));
    assert!(r("IEC 60335-1") < r("IEC 60335-2-24"));
}
