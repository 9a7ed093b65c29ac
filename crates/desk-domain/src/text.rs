//! Text as staff type it: Vietnamese with diacritics, pasted from Word or a PDF.
//!
//! Everything stored goes through [`clean`], so that "Hòa" typed with a precomposed `ò` and
//! "Hòa" typed as `o` + combining grave are one name, and a title with stray spaces is not a
//! different title.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalised, trimmed, with internal runs of whitespace collapsed to one space.
pub fn clean(input: &str) -> String {
    let nfc = nfc(input);
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text in NFC. Most text already is (ASCII always is), and a whole history sheet goes
/// through here cell by cell, so the quick check spares normalising what needs none.
fn nfc(input: &str) -> std::borrow::Cow<'_, str> {
    if input.is_ascii()
        || unicode_normalization::is_nfc_quick(input.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        std::borrow::Cow::Borrowed(input)
    } else {
        std::borrow::Cow::Owned(input.nfc().collect())
    }
}

/// NFC-normalised multi-line text: paragraphs and line breaks kept, trailing spaces of each
/// line and blank lines at both ends removed, `\r\n` turned into `\n`.
pub fn clean_multiline(input: &str) -> String {
    let nfc = nfc(input);
    let lines: Vec<&str> = nfc.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// The passport (machine-readable) form of a name: diacritics removed, `Đ`/`đ` as `D`,
/// capitals, single spaces. "Trần Mỹ Dung" → "TRAN MY DUNG".
pub fn passport_form(name: &str) -> String {
    fold_letters(&clean(name)).to_uppercase()
}

/// The form in which text is searched: no diacritics, `đ` as `d`, lower case. "Đà Nẵng" →
/// "da nang". SQLite's FTS5 never folds `đ` by itself, so both the indexed text and the query
/// go through this.
pub fn search_form(text: &str) -> String {
    let mut folded = fold_letters(text);
    if folded.is_ascii() {
        folded.make_ascii_lowercase();
        folded
    } else {
        folded.to_lowercase()
    }
}

/// Removes combining marks after canonical decomposition and maps the letters that do not
/// decompose (`đ`, `Đ`, and a few Latin letters with strokes) to their base letter.
fn fold_letters(text: &str) -> String {
    if text.is_ascii() {
        // Nothing to decompose or fold.
        return text.to_owned();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            'ð' => 'd',
            'Ð' => 'D',
            'ø' => 'o',
            'Ø' => 'O',
            'ł' => 'l',
            'Ł' => 'L',
            'ħ' => 'h',
            'Ħ' => 'H',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_however_it_was_typed() {
        let precomposed = "H\u{00f2}a";
        let decomposed = "Ho\u{0300}a";
        assert_ne!(
            precomposed, decomposed,
            "the two inputs differ byte for byte"
        );
        assert_eq!(
            clean(precomposed),
            clean(decomposed),
            "both are stored as one NFC name"
        );
    }

    #[test]
    fn passport_form_drops_diacritics_and_maps_d_with_stroke() {
        assert_eq!(passport_form("Trần Mỹ Dung"), "TRAN MY DUNG");
        assert_eq!(passport_form("Đặng Thị Hồng Điệp"), "DANG THI HONG DIEP");
        assert_eq!(passport_form("  Nguyễn   Hữu Giới "), "NGUYEN HUU GIOI");
        assert_eq!(
            passport_form("Ho\u{0300}a"),
            "HOA",
            "decomposed input folds the same"
        );
    }

    #[test]
    fn search_form_matches_what_people_type_without_diacritics() {
        assert_eq!(search_form("Đà Nẵng"), "da nang");
        assert_eq!(search_form("Khánh Hòa"), search_form("Khanh Hoà"));
        assert_eq!(
            search_form("Kết quả"),
            "ket qua",
            "letters with two marks fold too"
        );
        assert_eq!(
            search_form("Thư viện"),
            "thu vien",
            "ư and ơ fold to u and o"
        );
    }

    #[test]
    fn multiline_keeps_paragraphs() {
        assert_eq!(clean_multiline("\n Một  \r\n\r\nHai  \n\n"), " Một\n\nHai");
    }

    #[test]
    fn trims_and_collapses_spaces() {
        assert_eq!(clean("  Trần   Mỹ\tDung \n"), "Trần Mỹ Dung");
    }
}
