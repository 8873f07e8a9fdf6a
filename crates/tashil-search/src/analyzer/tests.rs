use super::*;

fn has(tokens: &[String], t: &str) -> bool {
    tokens.iter().any(|x| x == t)
}

#[test]
fn zwnj_word_is_whole_and_parts() {
    assert_eq!(analyze("دانش‌بنیان"), ["دانشبنیان", "دانش", "بنیان"]);
    assert_eq!(analyze("دانشبنیان"), ["دانشبنیان"]);
    // A stray ZWNJ at a word edge is only noise.
    assert_eq!(analyze("\u{200C}کتاب\u{200C}"), ["کتاب"]);
}

#[test]
fn detached_suffix_is_also_joined() {
    assert_eq!(analyze("برنامه های"), ["برنامه", "های", "برنامههای"]);
    assert_eq!(analyze("برنامه‌های"), ["برنامههای", "برنامه", "های"]);
    assert!(has(&analyze("بزرگ تر"), "بزرگتر"));
    assert!(has(&analyze("بزرگ ترین"), "بزرگترین"));
    // Arabic yeh in the suffix folds first.
    assert!(has(&analyze("كتاب هاي"), "کتابهای"));
    // Chains: each suffix attaches to the group built so far.
    assert!(has(&analyze("بزرگ تر ها"), "بزرگترها"));
}

#[test]
fn detached_prefix_is_also_joined() {
    assert_eq!(analyze("می شود"), ["می", "شود", "میشود"]);
    assert!(has(&analyze("نمی توان"), "نمیتوان"));
    assert!(has(&analyze("می شود ها"), "میشودها"));
}

#[test]
fn clitics_only_after_silent_heh() {
    assert!(has(&analyze("نگاه ویژه ای"), "ویژهای"));
    assert!(has(&analyze("شده اند"), "شدهاند"));
    assert!(!has(&analyze("تجهیزات ای"), "تجهیزاتای"));
}

#[test]
fn no_join_across_punctuation_or_scripts() {
    assert!(!has(&analyze("برنامه، ها"), "برنامهها"));
    assert!(!has(&analyze("ISO ها"), "isoها"));
    assert!(!has(&analyze("1402 ها"), "1402ها"));
    // A word that merely looks like a suffix but starts a sentence joins nothing.
    assert_eq!(analyze("ها"), ["ها"]);
}

#[test]
fn offsets_cover_the_joined_words() {
    let text = "برنامه های";
    let tokens = folded_tokens(text);
    let joined = tokens.iter().find(|t| t.text == "برنامههای").unwrap();
    assert_eq!(&text[joined.offset_from..joined.offset_to], "برنامه های");
    let text = "دانش‌بنیان";
    let tokens = folded_tokens(text);
    let part = tokens.iter().find(|t| t.text == "بنیان").unwrap();
    assert_eq!(&text[part.offset_from..part.offset_to], "بنیان");
    assert!(tokens.iter().all(|t| t.position == 0));
}

#[test]
fn letters_digits_and_diacritics_fold() {
    assert_eq!(analyze("كتاب"), analyze("کتاب"));
    assert_eq!(analyze("ي"), analyze("ی"));
    assert_eq!(analyze("۱۲۳۴ ١٢٣٤ 1234"), ["1234", "1234", "1234"]);
    assert_eq!(
        analyze("Tiêu chuẩn Đà Nẵng"),
        ["tieu", "chuan", "da", "nang"]
    );
    // Decomposed input (NFD) folds the same.
    assert_eq!(
        analyze("Tie\u{302}u chua\u{302}\u{309}n"),
        ["tieu", "chuan"]
    );
    assert_eq!(analyze("ISO 9001:2015"), ["iso", "9001", "2015"]);
    // Tatweel alone is nothing.
    assert_eq!(analyze("ـ"), Vec::<String>::new());
}

#[test]
fn long_tokens_are_dropped() {
    let long = "a".repeat(MAX_WORD_BYTES + 1);
    assert_eq!(analyze(&format!("x {long} y")), ["x", "y"]);
    let fits = "a".repeat(MAX_WORD_BYTES);
    assert_eq!(analyze(&fits), std::slice::from_ref(&fits));
}

#[test]
fn exact_keeps_diacritics_in_one_form() {
    assert_eq!(analyze_exact("Tiêu CHUẨN"), ["tiêu", "chuẩn"]);
    assert_eq!(analyze_exact("Tie\u{302}u"), ["tiêu"]);
    assert_eq!(analyze_exact("Thanh Hoá"), analyze_exact("thanh hóa"));
    assert_ne!(analyze_exact("bàn"), analyze_exact("bán"));
}

#[test]
fn joiner_matches_on_both_sides() {
    let mut j = Joiner::default();
    assert_eq!(j.push("می", 0, false), None);
    assert_eq!(j.push("شود", 5, true), Some(("میشود".into(), 0)));
    let mut j = Joiner::default();
    j.push("کتاب", 0, false);
    assert_eq!(j.push("ها", 9, false), None, "no join without a blank gap");
}

#[test]
fn word_tokenizer_equals_the_regex_tokenizer() {
    use tantivy::tokenizer::RegexTokenizer;
    // Characters the regex crate's Unicode tables know (ICU may be a version ahead).
    let assigned = regex::Regex::new(r"^[^\p{Cn}]$").unwrap();
    let mut text = String::from(
        "برنامه‌های  ‌ها ISO-9001:2015 Tiê\u{301}u, chuẩn! ۱۲۳٤ ـ a_b é\u{300}\u{200C}x ",
    );
    // Every character of the scripts Tashil meets, their punctuation and marks.
    for c in ('\u{0}'..='\u{7FF}')
        .chain('\u{1E00}'..='\u{206F}')
        .chain('\u{FB50}'..='\u{FEFF}')
    {
        if assigned.is_match(c.encode_utf8(&mut [0; 4])) {
            text.push(c);
            if (c as u32).is_multiple_of(7) {
                text.push(' ');
            }
        }
    }
    let collect = |mut stream: tantivy::tokenizer::BoxTokenStream<'_>| {
        let mut out = vec![];
        stream.process(&mut |t| out.push((t.text.clone(), t.offset_from, t.offset_to, t.position)));
        out
    };
    let mut regex = TextAnalyzer::from(RegexTokenizer::new(WORD_PATTERN).unwrap());
    let mut ours = TextAnalyzer::from(WordTokenizer::default());
    let (a, b) = (
        collect(ours.token_stream(&text)),
        collect(regex.token_stream(&text)),
    );
    let first_diff = a.iter().zip(&b).find(|(x, y)| x != y);
    assert_eq!(first_diff, None);
    assert_eq!(a.len(), b.len());
}
