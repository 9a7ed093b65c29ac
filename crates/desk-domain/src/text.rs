//! Text as staff type it: Vietnamese with diacritics, pasted from Word or a PDF.
//!
//! Everything stored goes through [`clean`], so that "Hòa" typed with a precomposed `ò` and
//! "Hòa" typed as `o` + combining grave are one name, and a title with stray spaces is not a
//! different title.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalised, trimmed, with internal runs of whitespace collapsed to one space.
pub fn clean(input: &str) -> String {
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn trims_and_collapses_spaces() {
        assert_eq!(clean("  Trần   Mỹ\tDung \n"), "Trần Mỹ Dung");
    }
}
