use super::*;

fn doc(id: i64, body: &str, number: &str, year: Option<u16>, title_fa: &str) -> StandardDoc {
    let designation = match year {
        Some(y) => format!("{body} {number}:{y}"),
        None => format!("{body} {number}"),
    };
    StandardDoc {
        id,
        body: body.into(),
        designation,
        number: number.into(),
        year,
        title_fa: title_fa.into(),
        status: "published".into(),
        ..StandardDoc::default()
    }
}

fn search(index: &StandardsIndex, q: &str) -> SearchResults {
    index
        .search(&SearchRequest {
            q: q.into(),
            limit: MAX_LIMIT,
            ..SearchRequest::default()
        })
        .unwrap()
}

fn ids(index: &StandardsIndex, q: &str) -> Vec<i64> {
    let mut v: Vec<i64> = search(index, q).hits.iter().map(|h| h.id).collect();
    v.sort_unstable();
    v
}

fn first(index: &StandardsIndex, q: &str) -> i64 {
    search(index, q).hits.first().map_or(-1, |h| h.id)
}

#[test]
fn zwnj_words_find_every_spelling() {
    let index = StandardsIndex::open_in_ram().unwrap();
    // Each word written with ZWNJ, without, and with a space.
    let docs = [
        (1, "برنامه‌های ملی"),
        (2, "برنامههای ملی"),
        (3, "برنامه های ملی"),
        (4, "شرکت دانش‌بنیان"),
        (5, "شرکت دانشبنیان"),
        (6, "شرکت دانش بنیان"),
        (7, "تدوین می‌شود"),
        (8, "تدوین میشود"),
        (9, "تدوین می شود"),
        (10, "برنامه درسی و کتاب"),
    ];
    let all: Vec<StandardDoc> = docs
        .iter()
        .map(|&(id, t)| doc(id, "INSO", &(1000 + id).to_string(), None, t))
        .collect();
    index.upsert(&all, 1).unwrap();

    for q in [
        "برنامه‌های",
        "برنامههای",
        "برنامه های",
        "برنامه‌هاي",
        "برنامه هاي",
    ] {
        assert_eq!(ids(&index, q), [1, 2, 3], "{q}");
    }
    for q in ["می‌شود", "میشود", "می شود", "مي‌شود"] {
        assert_eq!(ids(&index, q), [7, 8, 9], "{q}");
    }
    // With the ZWNJ or a space the two parts are known: all three spellings match.
    for q in ["دانش‌بنیان", "دانش بنیان", "شرکت دانش‌بنیان"] {
        assert_eq!(ids(&index, q), [4, 5, 6], "{q}");
    }
    // Without either, the compound cannot be split (documented limitation).
    assert_eq!(ids(&index, "دانشبنیان"), [4, 5]);
    // The affix merge does not leak into unrelated words.
    assert_eq!(ids(&index, "برنامه درسی"), [10]);
}

#[test]
fn designation_spellings_rank_their_standard_first() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let mut docs = vec![
        doc(1, "INSO", "1234", None, "ایمنی اسباب بازی"),
        doc(2, "INSO", "12345", None, "استاندارد ملی کیفیت آب ۱۲۳۴"),
        doc(3, "ISO", "9001", Some(2015), "سیستم مدیریت کیفیت"),
        doc(
            4,
            "TCVN",
            "ISO 9001",
            Some(2015),
            "Hệ thống quản lý chất lượng",
        ),
        doc(
            5,
            "TCVN",
            "5699-1",
            Some(2010),
            "An toàn thiết bị điện gia dụng",
        ),
        doc(6, "TCVN", "5699-2-24", Some(2013), "Tủ lạnh"),
        doc(7, "IEC", "60335-2-24", None, "Refrigerating appliances"),
        doc(
            8,
            "QCVN",
            "01:2009/BYT",
            Some(2009),
            "Chất lượng nước ăn uống",
        ),
        doc(9, "CODEX", "CXS 192", Some(1995), "Food additives"),
        doc(10, "ISO", "14001", None, "مدیریت محیط زیست ۹۰۰۱"),
    ];
    docs[3].designation = "TCVN ISO 9001:2015".into();
    index.upsert(&docs, 1).unwrap();

    for q in [
        "ISIRI 1234",
        "INSO-1234",
        "inso1234",
        "استاندارد ملی ۱۲۳۴",
        "ملی ۱۲۳۴",
    ] {
        assert_eq!(first(&index, q), 1, "{q}");
    }
    for q in ["ISO 9001:2015", "iso 9001", "۹۰۰۱", "9001", "ایزو ۹۰۰۱"] {
        assert_eq!(first(&index, q), 3, "{q}");
        assert!(
            ids(&index, q).contains(&4),
            "{q}: the TCVN adoption follows"
        );
    }
    assert_eq!(search(&index, "iso 9001").hits[1].id, 4);
    assert_eq!(first(&index, "TCVN ISO 9001:2015"), 4);
    for q in ["TCVN 5699-1:2010", "tcvn5699-1", "TCVN ۵۶۹۹-۱"] {
        assert_eq!(first(&index, q), 5, "{q}");
    }
    // A series number finds its parts.
    assert_eq!(ids(&index, "TCVN 5699"), [5, 6]);
    assert_eq!(first(&index, "IEC 60335-2-24"), 7);
    assert_eq!(first(&index, "QCVN 01:2009/BYT"), 8);
    assert_eq!(first(&index, "qcvn 1"), 8);
    assert_eq!(first(&index, "CODEX STAN 192-1995"), 9);
    assert_eq!(first(&index, "CXS 192"), 9);
}

#[test]
fn vietnamese_without_diacritics_and_exact_first() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let vi = |id, t: &str| StandardDoc {
        title_vi: t.into(),
        ..doc(id, "TCVN", &id.to_string(), None, "")
    };
    index
        .upsert(
            &[
                vi(1, "Bàn ghế học sinh"),
                vi(2, "Bán lẻ xăng dầu"),
                vi(3, "Ban kỹ thuật"),
            ],
            1,
        )
        .unwrap();
    assert_eq!(ids(&index, "ban"), [1, 2, 3]);
    assert_eq!(first(&index, "bàn"), 1);
    assert_eq!(first(&index, "bán"), 2);
    assert_eq!(first(&index, "Ban"), 3);
    assert_eq!(ids(&index, "xang dau"), [2]);
    assert_eq!(ids(&index, "Xa\u{306}ng"), [2], "decomposed input");
    // Search as you type: the last word is a prefix.
    assert_eq!(ids(&index, "ky thu"), [3]);
}

#[test]
fn prefix_of_last_word_and_suggest() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let mut d = doc(1, "INSO", "2000", None, "ترانسفورماتور روغنی");
    d.title_en = "Oil transformers".into();
    index
        .upsert(&[d, doc(2, "INSO", "2001", None, "روغن ترمز خودرو")], 1)
        .unwrap();
    assert_eq!(ids(&index, "ترانس"), [1]);
    assert_eq!(
        ids(&index, "روغن تر"),
        [2],
        "a suffix-looking word still types on"
    );
    assert_eq!(ids(&index, "روغن ترم"), [2]);
    let s = index.suggest("oil trans", "en", 5).unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].id, 1);
    assert_eq!(s[0].designation, "INSO 2000");
    assert_eq!(s[0].title, "Oil transformers");
    assert_eq!(s[0].status, "published");
    assert_eq!(
        index.suggest("روغن", "fa", 5).unwrap()[0].title,
        "روغن ترمز خودرو"
    );
    assert!(index.suggest("  ", "fa", 5).unwrap().is_empty());
}

fn facet_docs() -> Vec<StandardDoc> {
    let mk = |id, body: &str, status: &str, ics: &[&str], mandatory| StandardDoc {
        ics: ics.iter().map(|s| s.to_string()).collect(),
        status: status.into(),
        mandatory,
        ..doc(id, body, &id.to_string(), None, "آب آشامیدنی")
    };
    vec![
        mk(1, "INSO", "published", &["13.060.20"], true),
        mk(2, "INSO", "withdrawn", &["13.060.20", "67.160"], false),
        mk(3, "TCVN", "published", &["13.060"], true),
        mk(4, "ISO", "published", &["67.160.20"], false),
        mk(5, "ISO", "draft", &["۹۱.۱۰۰"], false),
        StandardDoc {
            title_fa: "چیز دیگری".into(),
            ..mk(6, "INSO", "published", &["13.060"], true)
        },
    ]
}

#[test]
fn facets_are_disjunctive_and_filters_apply() {
    let index = StandardsIndex::open_in_ram().unwrap();
    index.upsert(&facet_docs(), 1).unwrap();
    let run = |req: SearchRequest| {
        index
            .search(&SearchRequest {
                q: "آب".into(),
                ..req
            })
            .unwrap()
    };
    let all = run(SearchRequest::default());
    assert_eq!(all.total, 5);
    assert_eq!(
        all.facets.body,
        [("INSO".into(), 2), ("ISO".into(), 2), ("TCVN".into(), 1)]
    );
    assert_eq!(
        all.facets.status,
        [
            ("published".into(), 3),
            ("draft".into(), 1),
            ("withdrawn".into(), 1)
        ]
    );
    assert_eq!(all.facets.mandatory, [(false, 3), (true, 2)]);
    assert_eq!(
        all.facets.ics_field,
        [("13".into(), 3), ("67".into(), 2), ("91".into(), 1)]
    );

    let inso = run(SearchRequest {
        body: Some("isiri".into()),
        ..SearchRequest::default()
    });
    assert_eq!(inso.total, 2);
    // The body facet ignores the body filter; the others apply it.
    assert_eq!(inso.facets.body, all.facets.body);
    assert_eq!(
        inso.facets.status,
        [("published".into(), 1), ("withdrawn".into(), 1)]
    );
    assert_eq!(inso.facets.ics_field, [("13".into(), 2), ("67".into(), 1)]);

    let ics = run(SearchRequest {
        ics: Some("13.060".into()),
        mandatory: Some(true),
        ..SearchRequest::default()
    });
    let mut got: Vec<i64> = ics.hits.iter().map(|h| h.id).collect();
    got.sort_unstable();
    assert_eq!(got, [1, 3]);
    assert_eq!(ics.facets.mandatory, [(true, 2), (false, 1)]);
    assert_eq!(ics.facets.body, [("INSO".into(), 1), ("TCVN".into(), 1)]);
    assert_eq!(ics.facets.ics_field, [("13".into(), 2)]);
    // ICS filter on a level boundary, any digit script; a partial level is no prefix.
    for (prefix, n) in [
        ("13", 3),
        ("13.060.20", 2),
        ("۹۱", 1),
        ("67.16", 0),
        ("13.06", 0),
    ] {
        let r = run(SearchRequest {
            ics: Some(prefix.into()),
            ..SearchRequest::default()
        });
        assert_eq!(r.total, n, "{prefix}");
    }
    // Excluding a status removes its standards everywhere, facets included.
    let public = run(SearchRequest {
        exclude_status: Some("draft".into()),
        ..SearchRequest::default()
    });
    assert_eq!(public.total, 4);
    assert_eq!(
        public.facets.body,
        [("INSO".into(), 2), ("ISO".into(), 1), ("TCVN".into(), 1)]
    );
    assert!(public.facets.status.iter().all(|(s, _)| s != "draft"));
    assert_eq!(
        public.facets.ics_field,
        [("13".into(), 3), ("67".into(), 2)]
    );
    let drafts_only = run(SearchRequest {
        status: Some("draft".into()),
        exclude_status: Some("draft".into()),
        ..SearchRequest::default()
    });
    assert_eq!(drafts_only.total, 0);
    let none = run(SearchRequest {
        status: Some("enquiry".into()),
        ..SearchRequest::default()
    });
    assert_eq!(none.total, 0);
    assert_eq!(
        none.facets.status.len(),
        3,
        "its own facet still shows the others"
    );
}

#[test]
fn facets_count_values_outside_the_packed_vocabulary() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let mk = |id, body: &str, status: &str, ics: &[&str]| StandardDoc {
        ics: ics.iter().map(|s| s.to_string()).collect(),
        status: status.into(),
        ..doc(id, body, &id.to_string(), None, "آب")
    };
    index
        .upsert(
            &[
                mk(1, "ANSI", "published", &["13.060", "X1.2"]),
                mk(2, "ANSI", "archived", &["1.040"]),
                mk(3, "INSO", "archived", &["99.1", "64"]),
            ],
            1,
        )
        .unwrap();
    let run = |body: Option<&str>, status: Option<&str>, ics: Option<&str>| {
        index
            .search(&SearchRequest {
                q: "آب".into(),
                body: body.map(Into::into),
                status: status.map(Into::into),
                ics: ics.map(Into::into),
                ..SearchRequest::default()
            })
            .unwrap()
    };
    let all = run(None, None, None);
    assert_eq!(all.facets.body, [("ANSI".into(), 2), ("INSO".into(), 1)]);
    assert_eq!(
        all.facets.status,
        [("archived".into(), 2), ("published".into(), 1)]
    );
    assert_eq!(
        all.facets.ics_field,
        [
            ("01".into(), 1),
            ("13".into(), 1),
            ("64".into(), 1),
            ("99".into(), 1),
            ("X1".into(), 1)
        ]
    );
    assert_eq!(run(Some("ansi"), None, None).total, 2);
    assert_eq!(run(Some("ansi"), Some("archived"), None).total, 1);
    assert_eq!(
        run(None, Some("archived"), Some("1")).total,
        1,
        "field 1 is 01"
    );
    assert_eq!(run(None, None, Some("X1")).total, 1);
    assert_eq!(run(None, None, Some("64")).total, 1);
    assert_eq!(run(Some("BSI"), None, None).total, 0);
}

#[test]
fn browse_orders_by_body_then_number_and_pages() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let docs = vec![
        doc(1, "ISO", "14001", None, "a"),
        doc(2, "ISO", "9001", None, "b"),
        doc(3, "INSO", "99", None, "c"),
        doc(4, "TCVN", "5699-2", None, "d"),
        doc(5, "TCVN", "5699-1", None, "e"),
    ];
    index.upsert(&docs, 1).unwrap();
    let page = |offset, limit| {
        index
            .search(&SearchRequest {
                offset,
                limit,
                ..SearchRequest::default()
            })
            .unwrap()
    };
    let all = page(0, 10);
    assert_eq!(all.total, 5);
    let order: Vec<i64> = all.hits.iter().map(|h| h.id).collect();
    assert_eq!(order, [3, 5, 4, 2, 1]);
    assert!(all.hits.iter().all(|h| h.scope_snippet.is_none()));
    let second: Vec<i64> = page(2, 2).hits.iter().map(|h| h.id).collect();
    assert_eq!(second, [4, 2]);
    assert_eq!(
        all.facets.body,
        [("ISO".into(), 2), ("TCVN".into(), 2), ("INSO".into(), 1)]
    );
}

#[test]
fn upsert_replaces_and_delete_removes() {
    let index = StandardsIndex::open_in_ram().unwrap();
    assert_eq!(index.applied_seq(), 0);
    index
        .upsert(&[doc(1, "INSO", "1", None, "کاشی سرامیکی")], 5)
        .unwrap();
    assert_eq!(ids(&index, "کاشی"), [1]);
    index
        .upsert(&[doc(1, "INSO", "1", None, "شیر آب")], 6)
        .unwrap();
    assert!(
        ids(&index, "کاشی").is_empty(),
        "the old version is gone at once"
    );
    assert_eq!(ids(&index, "شير"), [1]);
    assert_eq!(index.num_docs(), 1);
    index.delete(&[1], 4).unwrap();
    assert_eq!(index.applied_seq(), 6, "the mark never moves back");
    assert!(ids(&index, "شیر").is_empty());
    index.rebuild(facet_docs().into_iter(), 9).unwrap();
    assert_eq!(index.num_docs(), 6);
    assert_eq!(index.applied_seq(), 9);
    index
        .upsert(&[doc(1, "INSO", "1", None, "شیر آب")], 10)
        .unwrap();
    assert_eq!(index.num_docs(), 6, "id 1 replaced after the rebuild too");
}

#[test]
fn applied_seq_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = StandardsIndex::open_or_create(dir.path()).unwrap();
        assert_eq!(index.applied_seq(), 0);
        index
            .upsert(&[doc(1, "INSO", "1", None, "کاشی")], 17)
            .unwrap();
        index.delete(&[], 18).unwrap();
    }
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(index.applied_seq(), 18);
    assert_eq!(ids(&index, "كاشي"), [1]);
    index.rebuild(facet_docs().into_iter(), 30).unwrap();
    drop(index);
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(index.applied_seq(), 30);
    assert_eq!(index.num_docs(), 6);
    assert_eq!(
        index.searcher().segment_readers().len(),
        1,
        "rebuild merges"
    );
}

#[test]
fn an_index_of_another_schema_is_replaced_by_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut b = tantivy::schema::Schema::builder();
        let f = b.add_text_field("old", tantivy::schema::STRING);
        let old = Index::create_in_dir(dir.path(), b.build()).unwrap();
        let mut w: IndexWriter = old.writer_with_num_threads(1, WRITER_HEAP).unwrap();
        w.add_document(tantivy::doc!(f => "x")).unwrap();
        commit(&mut w, 99, "").unwrap();
    }
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(index.applied_seq(), 0);
    assert_eq!(index.num_docs(), 0);
    index
        .upsert(&[doc(1, "INSO", "1", None, "کاشی")], 3)
        .unwrap();
    drop(index);
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!((index.applied_seq(), index.num_docs()), (3, 1));
}

#[test]
fn snippets_mark_matches_in_the_requested_language() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let d = StandardDoc {
        title_en: "Drinking water".into(),
        scope: "This standard specifies requirements for bottled drinking water.".into(),
        ..doc(1, "INSO", "1", None, "آب آشامیدنی")
    };
    index.upsert(&[d], 1).unwrap();
    let r = index
        .search(&SearchRequest {
            q: "drinking".into(),
            lang: "en".into(),
            ..SearchRequest::default()
        })
        .unwrap();
    let hit = &r.hits[0];
    assert_eq!(hit.title_snippet.highlighted(), ["Drinking"]);
    assert_eq!(
        hit.scope_snippet.as_ref().unwrap().highlighted(),
        ["drinking"]
    );
    let r = search(&index, "آشامیدنی");
    assert_eq!(r.hits[0].title_snippet.highlighted(), ["آشامیدنی"]);
    assert!(r.hits[0].scope_snippet.is_none());
    // An empty title in the language falls back to another.
    let r = index
        .search(&SearchRequest {
            q: "آب".into(),
            lang: "vi".into(),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(r.hits[0].title_snippet.text(), "آب آشامیدنی");
}

#[test]
fn prefix_expansion_is_bounded() {
    let index = StandardsIndex::open_in_ram().unwrap();
    let docs: Vec<StandardDoc> = (0..200)
        .map(|i| doc(i, "INSO", &i.to_string(), None, &format!("کد{i}")))
        .collect();
    index.upsert(&docs, 1).unwrap();
    let searcher = index.searcher();
    let expanded = query::expand(&searcher, index.fields.text, "کد").unwrap();
    assert_eq!(expanded.len(), query::MAX_EXPANSIONS);
    assert!(search(&index, "کد").total <= query::MAX_EXPANSIONS);
}

#[test]
fn a_released_writer_lets_go_of_the_directory_and_writing_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    index
        .upsert(&[doc(1, "INSO", "1", None, "کاشی")], 1)
        .unwrap();
    index.release_writer().unwrap();
    // Only one writer may hold a directory: another one can be made now.
    let other = Index::open_in_dir(dir.path()).unwrap();
    drop(
        other
            .writer_with_num_threads::<TantivyDocument>(1, WRITER_HEAP)
            .unwrap(),
    );
    index
        .upsert(&[doc(2, "INSO", "2", None, "کاشی")], 2)
        .unwrap();
    assert_eq!(ids(&index, "کاشی"), [1, 2]);
    assert_eq!(index.applied_seq(), 2);
    index.release_writer().unwrap();
    index.release_writer().unwrap();
}

#[test]
fn the_stamp_is_kept_with_its_mark_and_a_rebuild_may_move_both_back() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = StandardsIndex::open_or_create(dir.path()).unwrap();
        assert_eq!(index.applied_stamp(), "");
        index
            .upsert_at(&[doc(1, "INSO", "1", None, "کاشی")], 17, "standard:1@a")
            .unwrap();
        // An older row applied late never moves the mark, nor its stamp.
        index.delete_at(&[], 12, "standard:9@z").unwrap();
        assert_eq!(
            (index.applied_seq(), index.applied_stamp()),
            (17, "standard:1@a".to_string())
        );
    }
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(
        (index.applied_seq(), index.applied_stamp()),
        (17, "standard:1@a".to_string())
    );
    index
        .rebuild_at(facet_docs().into_iter(), 5, "standard:3@b")
        .unwrap();
    drop(index);
    let index = StandardsIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(
        (index.applied_seq(), index.applied_stamp()),
        (5, "standard:3@b".to_string())
    );
}
