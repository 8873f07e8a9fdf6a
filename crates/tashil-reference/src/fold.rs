//! Folding names into search keys, so that spellings that differ only in case,
//! diacritics, letter forms or spacing compare equal.
//!
//! No Unicode tables are needed: Vietnamese (and the other Latin letters met in
//! transliterations) are stripped through a small hand table, decomposed input loses its
//! combining marks, and Persian is brought to one letter form.

/// Folds `s` into a search key:
///
/// - letters are lower-cased; Latin diacritics are removed, precomposed (`ệ`) or
///   decomposed (`e` + U+0302 + U+0323) alike, and `đ` becomes `d`: `"Nam Định"`,
///   `"NAM DINH"` and `"nam  dinh"` all give `"nam dinh"`;
/// - Persian is brought to one form: Arabic `ي ى` → `ی`, `ك` → `ک`, `ۀ ة` → `ه`,
///   `آ أ إ ٱ` → `ا`, `ؤ` → `و`; harakat, tatweel, ZWNJ/ZWJ and bidi marks are dropped
///   (so `«هوشی‌مین»` and `«هوشیمین»` are equal);
/// - Persian (۰–۹) and Arabic-Indic (٠–٩) digits become ASCII digits;
/// - apostrophes are dropped, any other punctuation or whitespace (NBSP included) is a
///   word break, and word breaks collapse to one ASCII space with none at either end.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        for lower in ch.to_lowercase() {
            match fold_char(lower) {
                Folded::Drop => {}
                Folded::Break => pending_space = true,
                Folded::Keep(c) => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(c);
                }
            }
        }
    }
    out
}

/// [`fold_key`] with the spaces removed too, so `"Da Nang"` and `"Danang"`, or
/// `«اسلام شهر»` and `«اسلام‌شهر»`, compare equal.
pub fn fold_compact(s: &str) -> String {
    fold_key(s).chars().filter(|c| *c != ' ').collect()
}

enum Folded {
    Keep(char),
    Drop,
    Break,
}

/// Latin letters with diacritics, by base letter (lower case only: input is lower-cased
/// first).
const LATIN: &[(char, &str)] = &[
    ('a', "àáảãạăằắẳẵặâầấẩẫậäåāąǎ"),
    ('e', "èéẻẽẹêềếểễệëēėęěĕ"),
    ('i', "ìíỉĩịîïīįǐı"),
    ('o', "òóỏõọôồốổỗộơờớởỡợöøōőǒ"),
    ('u', "ùúủũụưừứửữựûüūůűųǔ"),
    ('y', "ỳýỷỹỵÿŷ"),
    ('d', "đďḍ"),
    ('c', "çćčĉċ"),
    ('g', "ğĝġģ"),
    ('h', "ĥḥḩ"),
    ('l', "łľĺļ"),
    ('n', "ñńňņ"),
    ('r', "řŕ"),
    ('s', "śšşŝșṣ"),
    ('t', "ťţțṭ"),
    ('z', "źžżẓẕ"),
];

fn fold_char(c: char) -> Folded {
    match c {
        'a'..='z' | '0'..='9' => Folded::Keep(c),
        // Combining diacritical marks (decomposed Vietnamese, transliterations).
        '\u{0300}'..='\u{036F}' => Folded::Drop,
        // Arabic harakat, superscript alef, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => Folded::Drop,
        // Soft hyphen, zero-width and bidi controls, BOM.
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => Folded::Drop,
        '\u{2066}'..='\u{2069}' | '\u{FEFF}' => Folded::Drop,
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => Folded::Drop,
        // Persian letter forms.
        'ي' | 'ى' => Folded::Keep('ی'),
        'ك' => Folded::Keep('ک'),
        'ۀ' | 'ة' => Folded::Keep('ه'),
        'آ' | 'أ' | 'إ' | 'ٱ' => Folded::Keep('ا'),
        'ؤ' => Folded::Keep('و'),
        // Digits.
        '۰'..='۹' => Folded::Keep(digit(c as u32 - '۰' as u32)),
        '٠'..='٩' => Folded::Keep(digit(c as u32 - '٠' as u32)),
        _ if c.is_alphanumeric() => match LATIN.iter().find(|(_, v)| v.contains(c)) {
            Some((base, _)) => Folded::Keep(*base),
            None => Folded::Keep(c),
        },
        _ => Folded::Break,
    }
}

fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_with_and_without_diacritics() {
        assert_eq!(fold_key("Nam Định"), "nam dinh");
        assert_eq!(fold_key("NAM ĐỊNH"), "nam dinh");
        assert_eq!(fold_key("  nam   dinh "), "nam dinh");
        // Decomposed input (NFD), and the other tone-mark placement.
        assert_eq!(fold_key("Thanh Ho\u{0061}\u{0300}"), "thanh hoa");
        assert_eq!(fold_key("Thanh Hoá"), fold_key("Thanh Hóa"));
        assert_eq!(fold_key("Bà Rịa – Vũng Tàu"), "ba ria vung tau");
        assert_eq!(fold_key("Thừa Thiên-Huế"), "thua thien hue");
        assert_eq!(fold_key("Đắk Lắk"), "dak lak");
        assert_eq!(fold_key("Ấp Bắc, Quận 1"), "ap bac quan 1");
    }

    #[test]
    fn persian_letter_forms_and_zwnj() {
        assert_eq!(fold_key("آذربايجان شرقي"), fold_key("آذربایجان شرقی"));
        assert_eq!(fold_key("كرمانشاه"), fold_key("کرمانشاه"));
        assert_eq!(fold_key("اسلام‌شهر"), "اسلامشهر");
        assert_eq!(fold_compact("اسلام شهر"), fold_compact("اسلام‌شهر"));
        assert_eq!(fold_key("\u{200F}قزوين\u{200E}"), "قزوین");
        assert_eq!(fold_key("۱۴۰۲"), "1402");
        assert_eq!(fold_key("٢٣"), "23");
    }

    #[test]
    fn latin_transliterations() {
        assert_eq!(fold_key("Āz̄ārbāyjān-e Shārqī"), "azarbayjan e sharqi");
        assert_eq!(fold_key("Khorāsān-e Raẕavī"), "khorasan e razavi");
        assert_eq!(fold_key("Builders' joinery"), "builders joinery");
        assert_eq!(fold_compact("Da Nang"), fold_compact("Danang"));
    }
}
