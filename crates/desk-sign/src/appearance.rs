//! What the signature looks like on the page, as Decree 30/2020/NĐ-CP (Appendix I, the part on
//! electronic documents) lays it out:
//! - the signer's signature image, in blue, centred between the signer's title and name (in
//!   the room the layout left for the handwritten signature);
//! - when the agency signs, its seal in red at real size, over about a third of the signature
//!   image on its left;
//! - the signing information (agency, time in ISO 8601 with the +07:00 offset) in 10 pt
//!   upright black Times-metric text.
//!
//! The images are recoloured from their coverage (alpha × darkness), so a transparent PNG
//! with black ink becomes blue ink, and a white background never shows as a coloured box.
//! Everything is drawn into one form XObject, the signature widget's normal appearance.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::{Dictionary, Object, Stream};
use unicode_normalization::UnicodeNormalization;

use crate::error::SignError;

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;
/// The Decree's size for the signing information.
const INFO_SIZE: f32 = 10.0;
/// Largest image side accepted, in pixels (a signature scan, not a photo).
const MAX_SIDE: u32 = 4000;
/// Blue of the signature (Decree 30: "màu xanh").
const BLUE: [u8; 3] = [0x1a, 0x3a, 0xb8];
/// Red of the seal (Decree 30: "màu đỏ").
const RED: [u8; 3] = [0xd4, 0x1f, 0x1f];

/// A rectangle in PDF user space (origin bottom-left, points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfRect {
    /// Left.
    pub x0: f32,
    /// Bottom.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Top.
    pub y1: f32,
}

impl PdfRect {
    fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    fn height(&self) -> f32 {
        self.y1 - self.y0
    }
    fn union(&self, o: &PdfRect) -> PdfRect {
        PdfRect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
}

/// Where and what to draw.
#[derive(Debug, Clone)]
pub struct Appearance {
    /// The page, counted from 0.
    pub page: usize,
    /// The room between the signer's title and name, in PDF user space.
    pub space: PdfRect,
    /// The signer's signature, a PNG (transparent background).
    pub signature_png: Option<Vec<u8>>,
    /// The agency's seal, a PNG (transparent background), and its real width in millimetres.
    pub seal: Option<(Vec<u8>, f32)>,
    /// Lines of signing information.
    pub lines: Vec<String>,
    /// The TrueType font for the lines (Liberation Serif: Times New Roman's metrics).
    pub font: &'static [u8],
}

/// A decoded image: its size and how much ink each pixel holds (0–255).
pub(crate) struct Coverage {
    pub width: u32,
    pub height: u32,
    pub ink: Vec<u8>,
}

/// Reads a PNG and turns it into coverage: alpha × darkness, so only the ink remains.
pub(crate) fn coverage(png_bytes: &[u8], field: &'static str) -> Result<Coverage, SignError> {
    let bad = |d: String| SignError::bad(field, d);
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .map_err(|e| bad(format!("not a readable PNG image ({e})")))?;
    let (w, h) = (reader.info().width, reader.info().height);
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(bad(format!(
            "the image is {w}×{h} pixels; it must be between 1 and {MAX_SIDE} pixels a side"
        )));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| bad("the image is too large".into()))?;
    let mut buf = vec![0; size];
    let frame = reader
        .next_frame(&mut buf)
        .map_err(|e| bad(format!("not a readable PNG image ({e})")))?;
    let (colour, _) = reader.output_color_type();
    let channels = colour.samples();
    let data = &buf[..frame.buffer_size()];
    let mut ink = Vec::with_capacity((w * h) as usize);
    for px in data.chunks_exact(channels) {
        let (lum, alpha) = match channels {
            1 => (px[0] as u32, 255),
            2 => (px[0] as u32, px[1] as u32),
            3 => (luma(px), 255),
            _ => (luma(px), px[3] as u32),
        };
        ink.push(((255 - lum) * alpha / 255) as u8);
    }
    if !ink.iter().any(|&v| v > 16) {
        return Err(bad("the image is empty (no ink on it)".into()));
    }
    Ok(Coverage {
        width: w,
        height: h,
        ink,
    })
}

fn luma(px: &[u8]) -> u32 {
    (299 * px[0] as u32 + 587 * px[1] as u32 + 114 * px[2] as u32) / 1000
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, SignError> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data)
        .and_then(|_| enc.finish())
        .map_err(|e| SignError::Failed(e.to_string()))
}

fn image_dict(c: &Coverage, colour_space: &str) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"XObject".to_vec()));
    d.set("Subtype", Object::Name(b"Image".to_vec()));
    d.set("Width", c.width as i64);
    d.set("Height", c.height as i64);
    d.set("ColorSpace", Object::Name(colour_space.as_bytes().to_vec()));
    d.set("BitsPerComponent", 8);
    d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    d
}

/// An image XObject of one colour with the coverage as its soft mask.
fn image_objects(c: &Coverage, colour: [u8; 3]) -> Result<(Stream, Stream), SignError> {
    let pixels: Vec<u8> = std::iter::repeat_n(colour, (c.width * c.height) as usize)
        .flatten()
        .collect();
    let mask = Stream::new(image_dict(c, "DeviceGray"), deflate(&c.ink)?);
    let img = image_dict(c, "DeviceRGB");
    Ok((Stream::new(img, deflate(&pixels)?), mask))
}

/// The objects of an appearance, before they get ids: the caller adds the images and the
/// font and fills in the references.
pub(crate) struct Drawn {
    /// The widget's rectangle on the page.
    pub rect: PdfRect,
    /// The content stream of the form XObject (coordinates relative to `rect`).
    pub content: Vec<u8>,
    /// (name, image, mask) for each image drawn.
    pub images: Vec<(&'static str, Stream, Stream)>,
    /// The font, if any text is drawn: (Type0 font dict parts).
    pub font: Option<FontParts>,
}

/// A Type 0 font with Identity-H encoding over the embedded TrueType, limited to the glyphs
/// used (widths and ToUnicode); the font program itself is embedded whole.
pub(crate) struct FontParts {
    pub base_font: String,
    pub widths: Vec<(u16, i64)>,
    pub to_unicode: Vec<(u16, char)>,
    pub file: Vec<u8>,
    pub file_len: usize,
    pub bbox: [i64; 4],
    pub ascent: i64,
    pub descent: i64,
    pub cap_height: i64,
}

fn hex_glyphs(face: &ttf_parser::Face<'_>, text: &str, used: &mut Vec<(u16, char)>) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        let gid = face.glyph_index(ch).map(|g| g.0).unwrap_or(0);
        if !used.iter().any(|(g, _)| *g == gid) {
            used.push((gid, ch));
        }
        out.push_str(&format!("{gid:04X}"));
    }
    out
}

fn text_width(face: &ttf_parser::Face<'_>, text: &str, size: f32) -> f32 {
    let upem = face.units_per_em() as f32;
    text.chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(0) as f32
        })
        .sum::<f32>()
        * size
        / upem
}

/// Lays out the appearance in the signature space and draws it.
pub(crate) fn draw(a: &Appearance) -> Result<Drawn, SignError> {
    let signature = a
        .signature_png
        .as_deref()
        .map(|b| coverage(b, "signature_image"))
        .transpose()?;
    let seal = a
        .seal
        .as_ref()
        .map(|(b, w)| coverage(b, "seal_image").map(|c| (c, *w)))
        .transpose()?;
    if let Some((_, w)) = &seal
        && !(10.0..=80.0).contains(w)
    {
        return Err(SignError::bad(
            "seal_width_mm",
            format!("a seal is 10 to 80 mm wide, not {w} mm"),
        ));
    }
    let face = ttf_parser::Face::parse(a.font, 0)
        .map_err(|e| SignError::Failed(format!("the font cannot be read ({e})")))?;
    let lines: Vec<String> = a.lines.iter().map(|l| l.nfc().collect()).collect();

    let s = a.space;
    let centre_x = (s.x0 + s.x1) / 2.0;
    let line_pitch = INFO_SIZE * 1.15;
    let text_h = line_pitch * lines.len() as f32;

    // The signature image fills the space above the information lines, keeping its ratio.
    let mut placed: Vec<(&'static str, PdfRect, Coverage, [u8; 3])> = Vec::new();
    let mut sig_rect = None;
    if let Some(sig) = signature {
        let avail_h = (s.height() - text_h - 4.0).max(s.height() * 0.5);
        let ratio = sig.width as f32 / sig.height as f32;
        let mut h = avail_h.min(22.0 * PT_PER_MM);
        let mut w = h * ratio;
        let max_w = s.width() * 0.7;
        if w > max_w {
            w = max_w;
            h = w / ratio;
        }
        let top = s.y1 - 2.0;
        let r = PdfRect {
            x0: centre_x - w / 2.0,
            y0: top - h,
            x1: centre_x + w / 2.0,
            y1: top,
        };
        sig_rect = Some(r);
        placed.push(("Sig", r, sig, BLUE));
    }
    if let Some((seal, width_mm)) = seal {
        let w = width_mm * PT_PER_MM;
        let h = w * seal.height as f32 / seal.width as f32;
        // Over about a third of the signature, on its left; centred on it vertically.
        let (right, mid_y) = match sig_rect {
            Some(r) => (r.x0 + r.width() / 3.0, (r.y0 + r.y1) / 2.0),
            None => (centre_x + w / 2.0, (s.y0 + s.y1) / 2.0),
        };
        let r = PdfRect {
            x0: right - w,
            y0: mid_y - h / 2.0,
            x1: right,
            y1: mid_y + h / 2.0,
        };
        // The seal is stamped over the signature: drawn after it.
        placed.push(("Seal", r, seal, RED));
    }

    let mut bounds = s;
    for (_, r, _, _) in &placed {
        bounds = bounds.union(r);
    }
    let mut content = String::new();
    let mut images = Vec::new();
    for (name, r, cov, colour) in placed {
        content.push_str(&format!(
            "q {:.3} 0 0 {:.3} {:.3} {:.3} cm /{name} Do Q\n",
            r.width(),
            r.height(),
            r.x0 - bounds.x0,
            r.y0 - bounds.y0
        ));
        let (img, mask) = image_objects(&cov, colour)?;
        images.push((name, img, mask));
    }
    let mut font = None;
    if !lines.is_empty() {
        let mut used = Vec::new();
        content.push_str("BT 0 g\n");
        for (i, line) in lines.iter().enumerate() {
            let w = text_width(&face, line, INFO_SIZE);
            let x = centre_x - w / 2.0 - bounds.x0;
            let baseline = s.y0 + line_pitch * (lines.len() - 1 - i) as f32 + 3.0 - bounds.y0;
            let glyphs = hex_glyphs(&face, line, &mut used);
            content.push_str(&format!(
                "/F1 {INFO_SIZE} Tf 1 0 0 1 {x:.3} {baseline:.3} Tm <{glyphs}> Tj\n"
            ));
        }
        content.push_str("ET\n");
        let upem = face.units_per_em() as f32;
        let scale = |v: i16| (v as f32 * 1000.0 / upem).round() as i64;
        let widths = used
            .iter()
            .map(|(g, _)| {
                let adv = face.glyph_hor_advance(ttf_parser::GlyphId(*g)).unwrap_or(0);
                (*g, (adv as f32 * 1000.0 / upem).round() as i64)
            })
            .collect();
        let bb = face.global_bounding_box();
        let name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| "LiberationSerif".into());
        font = Some(FontParts {
            base_font: name,
            widths,
            to_unicode: used,
            file: deflate(a.font)?,
            file_len: a.font.len(),
            bbox: [
                scale(bb.x_min),
                scale(bb.y_min),
                scale(bb.x_max),
                scale(bb.y_max),
            ],
            ascent: scale(face.ascender()),
            descent: scale(face.descender()),
            cap_height: scale(face.capital_height().unwrap_or(face.ascender())),
        });
    }
    Ok(Drawn {
        rect: bounds,
        content: content.into_bytes(),
        images,
        font,
    })
}

/// The ToUnicode CMap, so the signing information can be copied and searched.
pub(crate) fn to_unicode(pairs: &[(u16, char)]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in pairs.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (gid, ch) in chunk {
            let mut units = [0u16; 2];
            let hex: String = ch
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{gid:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// Checks that `png_bytes` is a PNG the appearance can draw (readable, at most 4000 pixels a
/// side), before it is kept in Settings.
pub fn check_image(png_bytes: &[u8], field: &'static str) -> Result<(u32, u32), SignError> {
    let c = coverage(png_bytes, field)?;
    Ok((c.width, c.height))
}
