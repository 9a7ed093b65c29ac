//! The four Liberation Serif faces, embedded in the binary (deflated, see
//! `desk_domain::packed`), and how
//! wide text set in them is.
//!
//! Liberation Serif is metric-compatible with Times New Roman, the face Decree 30 has in
//! mind, covers every Vietnamese letter and "₫", and is under the SIL OFL 1.1
//! (`assets/fonts/OFL-LiberationSerif.txt`), which allows embedding in documents. The app
//! must work offline, so the fonts are compiled in rather than looked up on the system.
//!
//! Widths are measured from the same bytes that are embedded, glyph by glyph through the
//! cmap, with no kerning and no shaping, because that is exactly how printpdf writes the text
//! (one glyph per character) and how a viewer advances the pen (by the `/W` widths, which
//! printpdf truncates to whole 1/1000 em). Measuring the same way makes justified lines end
//! exactly at the margin.

use std::sync::OnceLock;

use crate::error::ReportError;

/// One of the four faces of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontFace {
    /// Upright, normal weight.
    Regular,
    /// Upright, bold.
    Bold,
    /// Italic, normal weight.
    Italic,
    /// Italic, bold.
    BoldItalic,
}

impl FontFace {
    /// All faces, in the order of [`FontFace::index`].
    pub const ALL: [FontFace; 4] = [
        FontFace::Regular,
        FontFace::Bold,
        FontFace::Italic,
        FontFace::BoldItalic,
    ];

    /// The face for a combination of emphasis.
    pub fn from_style(bold: bool, italic: bool) -> Self {
        match (bold, italic) {
            (false, false) => FontFace::Regular,
            (true, false) => FontFace::Bold,
            (false, true) => FontFace::Italic,
            (true, true) => FontFace::BoldItalic,
        }
    }

    /// Position in [`FontFace::ALL`].
    pub fn index(self) -> usize {
        match self {
            FontFace::Regular => 0,
            FontFace::Bold => 1,
            FontFace::Italic => 2,
            FontFace::BoldItalic => 3,
        }
    }

    /// The TrueType file of this face, inflated from the binary the first time it is asked
    /// for and kept for the life of the process (an empty face, if the binary is damaged,
    /// makes `Fonts::load` report a font error on the paper instead of a panic).
    pub fn bytes(self) -> &'static [u8] {
        use desk_domain::packed::Packed;
        match self {
            FontFace::Regular => Packed::SerifRegular,
            FontFace::Bold => Packed::SerifBold,
            FontFace::Italic => Packed::SerifItalic,
            FontFace::BoldItalic => Packed::SerifBoldItalic,
        }
        .bytes()
    }

    /// Whether the face has bold weight.
    pub fn is_bold(self) -> bool {
        matches!(self, FontFace::Bold | FontFace::BoldItalic)
    }

    /// Whether the face is italic.
    pub fn is_italic(self) -> bool {
        matches!(self, FontFace::Italic | FontFace::BoldItalic)
    }
}

/// Characters below this code point have their widths in a table; it covers Latin, all
/// Vietnamese letters (U+1EA0–U+1EF9), general punctuation and "₫" (U+20AB).
const TABLE_LIMIT: usize = 0x2100;

/// Width of one face, in 1/1000 em, by character.
struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Width per code point below [`TABLE_LIMIT`]; `u16::MAX` marks "no glyph".
    table: Vec<u16>,
    /// Ascender and descender as fractions of the em (descender positive).
    ascent: f32,
    descent: f32,
}

const NO_GLYPH: u16 = u16::MAX;

impl FaceMetrics {
    fn load(face: FontFace) -> Result<Self, ReportError> {
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).map_err(|e| ReportError::Font {
            face,
            reason: e.to_string(),
        })?;
        let units_per_em = f32::from(parsed.units_per_em());
        let mut metrics = Self {
            ascent: f32::from(parsed.ascender()) / units_per_em,
            descent: -f32::from(parsed.descender()) / units_per_em,
            face: parsed,
            units_per_em,
            table: Vec::new(),
        };
        metrics.table = (0..TABLE_LIMIT)
            .map(|cp| {
                char::from_u32(cp as u32)
                    .and_then(|c| metrics.lookup(c))
                    .unwrap_or(NO_GLYPH)
            })
            .collect();
        Ok(metrics)
    }

    /// The advance of `c` as printpdf writes it: truncated to whole 1/1000 em.
    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.face.glyph_index(c)?;
        let advance = f32::from(self.face.glyph_hor_advance(gid)?);
        // Truncation, not rounding: printpdf writes `(w * 1000 / upem) as i64`.
        Some((advance * 1000.0 / self.units_per_em) as u16)
    }

    fn width(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(&NO_GLYPH) => None,
            Some(&w) => Some(w),
            None => self.lookup(c),
        }
    }
}

/// Measures text in the four embedded faces.
pub struct Fonts {
    faces: [FaceMetrics; 4],
}

static FONTS: OnceLock<Result<Fonts, ReportError>> = OnceLock::new();

impl Fonts {
    /// The shared instance; the fonts are parsed and their width tables built once per
    /// process (a few milliseconds), since they never change.
    pub fn get() -> Result<&'static Fonts, ReportError> {
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    faces: [
                        FaceMetrics::load(FontFace::Regular)?,
                        FaceMetrics::load(FontFace::Bold)?,
                        FaceMetrics::load(FontFace::Italic)?,
                        FaceMetrics::load(FontFace::BoldItalic)?,
                    ],
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn face(&self, face: FontFace) -> &FaceMetrics {
        // `index` is always 0..4, the array's length.
        &self.faces[face.index()]
    }

    /// Whether the face has a glyph for `c`; text with missing glyphs prints as boxes.
    pub fn has_glyph(&self, face: FontFace, c: char) -> bool {
        self.face(face).width(c).is_some()
    }

    /// Width of `text` in 1/1000 em; characters without a glyph count as the width of the
    /// `.notdef` box printpdf then draws (the font's default, 0 here: it is reported instead).
    pub fn width_milli_em(&self, face: FontFace, text: &str) -> u32 {
        let metrics = self.face(face);
        text.chars()
            .map(|c| u32::from(metrics.width(c).unwrap_or(0)))
            .sum()
    }

    /// Width of `text` in points at `size` points.
    pub fn width(&self, face: FontFace, size: f32, text: &str) -> f32 {
        self.width_milli_em(face, text) as f32 * size / 1000.0
    }

    /// Height above the baseline of the face's tallest letters, in points at `size`.
    pub fn ascent(&self, face: FontFace, size: f32) -> f32 {
        self.face(face).ascent * size
    }

    /// Depth below the baseline of the face's deepest letters, in points at `size`.
    pub fn descent(&self, face: FontFace, size: f32) -> f32 {
        self.face(face).descent * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_covers_vietnamese_and_the_dong_sign() -> Result<(), ReportError> {
        let fonts = Fonts::get()?;
        let sample = "ẮẰẲẴẶắằẳẵặỐỒỔỖỘốồổỗộỚỜỞỠỢớờởỡợỨỪỬỮỰứừửữựỳỵỷỹĐđ₫";
        for face in FontFace::ALL {
            for c in sample.chars() {
                assert!(fonts.has_glyph(face, c), "{face:?} lacks {c}");
            }
        }
        Ok(())
    }

    #[test]
    fn widths_are_times_metrics() -> Result<(), ReportError> {
        let fonts = Fonts::get()?;
        // Times New Roman: space 250, "a" 444, "W" 943 (1/1000 em); Liberation matches
        // within the truncation to whole units.
        assert_eq!(fonts.width_milli_em(FontFace::Regular, " "), 250);
        assert_eq!(fonts.width_milli_em(FontFace::Regular, "a"), 443);
        assert!((fonts.width(FontFace::Regular, 13.0, "aa") - 11.518).abs() < 0.01);
        Ok(())
    }
}
