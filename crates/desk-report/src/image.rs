//! Photos: recognise JPEG and PNG from their headers, refuse absurd ones before decoding
//! anything, and prepare them for the PDF.
//!
//! A JPEG is embedded byte for byte as a `DCTDecode` stream: PDF viewers decode JPEG
//! themselves, so re-encoding would only lose quality and time. A PNG is decoded and its
//! pixels stored with Flate (lossless), its alpha channel as a soft mask.
//!
//! The size limits are checked on the dimensions the header declares, because a 60-byte
//! file can declare a 100 000 × 100 000 image and ask the decoder for 40 GB.

use std::io::Cursor;
use std::sync::Arc;

use crate::error::ReportError;

/// No side of a photo may exceed this many pixels (a 100-megapixel camera makes ~12 000).
pub const MAX_SIDE_PX: u32 = 20_000;
/// No photo may have more pixels than this.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The file format of a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// A baseline or progressive JPEG; `components` is 1 (grey), 3 (colour) or 4 (CMYK).
    Jpeg {
        /// Colour components in the frame.
        components: u8,
        /// Adobe's CMYK JPEGs store inverted values; the PDF must say so.
        adobe_inverted: bool,
    },
    /// A PNG of any colour type.
    Png,
}

/// A photo checked and ready to place: its format, size and how to turn it upright.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageData {
    /// JPEG or PNG.
    pub format: ImageFormat,
    /// Width of the stored pixels.
    pub width_px: u32,
    /// Height of the stored pixels.
    pub height_px: u32,
    /// EXIF orientation (1–8, 1 = upright as stored). Phone cameras store portrait photos
    /// sideways and set this; ignoring it prints them lying on their side.
    pub orientation: u8,
    /// The file as given.
    pub bytes: Arc<[u8]>,
}

impl ImageData {
    /// Width and height as the photo should be seen, after applying the EXIF orientation.
    pub fn upright_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height_px, self.width_px)
        } else {
            (self.width_px, self.height_px)
        }
    }
}

/// Who a photo is, for error messages: its 1-based position and caption.
pub(crate) struct PhotoRef<'a> {
    pub index: usize,
    pub caption: &'a str,
}

impl PhotoRef<'_> {
    fn broken(&self, reason: impl Into<String>) -> ReportError {
        ReportError::BrokenImage {
            photo: self.index,
            caption: self.caption.to_owned(),
            reason: reason.into(),
        }
    }
}

/// Recognises the format, reads the size from the header and checks it, without decoding.
pub(crate) fn probe(bytes: &[u8], who: &PhotoRef<'_>) -> Result<ImageData, ReportError> {
    let (format, width, height, orientation) = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let jpeg = probe_jpeg(bytes).map_err(|reason| who.broken(reason))?;
        (
            ImageFormat::Jpeg {
                components: jpeg.components,
                adobe_inverted: jpeg.adobe && jpeg.components == 4,
            },
            jpeg.width,
            jpeg.height,
            jpeg.orientation,
        )
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (w, h) = probe_png(bytes).map_err(|reason| who.broken(reason))?;
        (ImageFormat::Png, w, h, 1)
    } else {
        return Err(ReportError::NotAnImage {
            photo: who.index,
            caption: who.caption.to_owned(),
        });
    };
    if width == 0 || height == 0 {
        return Err(who.broken("it declares an empty picture (0 pixels wide or high)"));
    }
    if width > MAX_SIDE_PX
        || height > MAX_SIDE_PX
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(ReportError::ImageTooLarge {
            photo: who.index,
            caption: who.caption.to_owned(),
            width,
            height,
            max_side: MAX_SIDE_PX,
            max_megapixels: (MAX_PIXELS / 1_000_000) as u32,
        });
    }
    Ok(ImageData {
        format,
        width_px: width,
        height_px: height,
        orientation,
        bytes: Arc::from(bytes),
    })
}

struct JpegHeader {
    width: u32,
    height: u32,
    components: u8,
    adobe: bool,
    orientation: u8,
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *bytes.get(at)?,
        *bytes.get(at + 1)?,
        *bytes.get(at + 2)?,
        *bytes.get(at + 3)?,
    ]))
}

/// Walks the JPEG markers up to the frame header (SOF), noting the EXIF orientation and the
/// Adobe marker on the way.
fn probe_jpeg(bytes: &[u8]) -> Result<JpegHeader, String> {
    let truncated = || "the file ends before the picture's size is given".to_owned();
    let mut at = 2;
    let mut adobe = false;
    let mut orientation = 1;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if bytes.get(at) != Some(&0xFF) {
            return Err("a JPEG marker is damaged".into());
        }
        let marker = *bytes.get(at + 1).ok_or_else(truncated)?;
        at += 2;
        // Markers without a length.
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        let length = usize::from(be16(bytes, at).ok_or_else(truncated)?);
        if length < 2 {
            return Err("a JPEG segment length is damaged".into());
        }
        let segment = bytes.get(at + 2..at + length).ok_or_else(truncated)?;
        match marker {
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                if marker >= 0xC9 {
                    return Err("arithmetic-coded JPEGs cannot be embedded in a PDF".into());
                }
                let precision = *segment.first().ok_or_else(truncated)?;
                if precision != 8 {
                    return Err(format!(
                        "{precision}-bit JPEGs cannot be embedded in a PDF (only 8-bit)"
                    ));
                }
                let height = u32::from(be16(segment, 1).ok_or_else(truncated)?);
                let width = u32::from(be16(segment, 3).ok_or_else(truncated)?);
                let components = *segment.get(5).ok_or_else(truncated)?;
                if !matches!(components, 1 | 3 | 4) {
                    return Err(format!("a JPEG with {components} colour components"));
                }
                return Ok(JpegHeader {
                    width,
                    height,
                    components,
                    adobe,
                    orientation,
                });
            }
            0xE1 if segment.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&segment[6..]).unwrap_or(1);
            }
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xDA | 0xD9 => return Err("the JPEG has no frame header".into()),
            _ => {}
        }
        at += length;
    }
}

/// The orientation tag (0x0112) of IFD0 in an EXIF (TIFF) block, if valid.
fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let little = match tiff.get(0..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = [
            *tiff.get(at)?,
            *tiff.get(at + 1)?,
            *tiff.get(at + 2)?,
            *tiff.get(at + 3)?,
        ];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count).find_map(|i| {
        let entry = ifd + 2 + i * 12;
        if u16_at(entry)? != 0x0112 {
            return None;
        }
        let value = u16_at(entry + 8)?;
        (1..=8)
            .contains(&value)
            .then(|| u8::try_from(value).ok())
            .flatten()
    })
}

/// Width and height from the IHDR chunk, which the PNG format puts first.
fn probe_png(bytes: &[u8]) -> Result<(u32, u32), String> {
    if bytes.get(12..16) != Some(b"IHDR") {
        return Err("the PNG header chunk is missing".into());
    }
    let width = be32(bytes, 16).ok_or("the PNG header is cut short")?;
    let height = be32(bytes, 20).ok_or("the PNG header is cut short")?;
    Ok((width, height))
}

/// A PNG decoded for the PDF: 8-bit grey or RGB pixels and, if it has one, its alpha.
pub(crate) struct DecodedPng {
    pub width: u32,
    pub height: u32,
    /// `true` for RGB, `false` for grey.
    pub colour: bool,
    pub pixels: Vec<u8>,
    pub alpha: Option<Vec<u8>>,
}

/// Decodes a PNG that [`probe`] accepted.
pub(crate) fn decode_png(image: &ImageData, photo: usize) -> Result<DecodedPng, ReportError> {
    let broken = |reason: String| ReportError::BrokenImage {
        photo,
        caption: String::new(),
        reason,
    };
    // The probe has bounded the size; allow what that size needs (RGBA, 8 bit, plus rows).
    let limit = (u64::from(image.width_px) * u64::from(image.height_px) * 8 + (1 << 20))
        .try_into()
        .unwrap_or(usize::MAX);
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(&image.bytes[..]), png::Limits { bytes: limit });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| broken(e.to_string()))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| broken("the PNG is too large to decode".into()))?;
    let mut buffer = vec![0; size];
    let info = reader
        .next_frame(&mut buffer)
        .map_err(|e| broken(e.to_string()))?;
    buffer.truncate(info.buffer_size());
    let (channels, colour) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (2, false),
        png::ColorType::Rgb => (3, true),
        png::ColorType::Rgba => (4, true),
        png::ColorType::Indexed => {
            return Err(broken("the PNG palette could not be expanded".into()));
        }
    };
    let (pixels, alpha) = if channels == 2 || channels == 4 {
        let colour_channels = channels - 1;
        let mut pixels = Vec::with_capacity(buffer.len() / channels * colour_channels);
        let mut alpha = Vec::with_capacity(buffer.len() / channels);
        for px in buffer.chunks_exact(channels) {
            pixels.extend_from_slice(&px[..colour_channels]);
            alpha.push(px[colour_channels]);
        }
        // A fully opaque alpha channel is dropped: the soft mask would only cost space.
        let alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
        (pixels, alpha)
    } else {
        (buffer, None)
    };
    Ok(DecodedPng {
        width: info.width,
        height: info.height,
        colour,
        pixels,
        alpha,
    })
}

/// The transformation that maps the PDF image's unit square onto the box `(x, y, w, h)`
/// (PDF coordinates, `y` at the bottom) with the photo upright, per its EXIF orientation.
pub(crate) fn placement_matrix(orientation: u8, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    match orientation {
        2 => [-w, 0.0, 0.0, h, x + w, y],
        3 => [-w, 0.0, 0.0, -h, x + w, y + h],
        4 => [w, 0.0, 0.0, -h, x, y + h],
        5 => [0.0, -h, -w, 0.0, x + w, y + h],
        6 => [0.0, -h, w, 0.0, x, y + h],
        7 => [0.0, h, w, 0.0, x, y],
        8 => [0.0, h, -w, 0.0, x + w, y],
        _ => [w, 0.0, 0.0, h, x, y],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who() -> PhotoRef<'static> {
        PhotoRef {
            index: 1,
            caption: "Ảnh 1",
        }
    }

    /// A JPEG header declaring `w`×`h` with an EXIF orientation; no picture data at all.
    fn jpeg_header(w: u16, h: u16, orientation: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
        exif.extend_from_slice(&orientation.to_be_bytes());
        exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        b.extend_from_slice(&[0xFF, 0xE1]);
        b.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        b.extend_from_slice(&exif);
        b.extend_from_slice(&[0xFF, 0xC0, 0, 17, 8]);
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b
    }

    #[test]
    fn jpeg_size_and_orientation_come_from_the_header() -> Result<(), ReportError> {
        let data = probe(&jpeg_header(4000, 3000, 6), &who())?;
        assert_eq!((data.width_px, data.height_px), (4000, 3000));
        assert_eq!(data.orientation, 6);
        assert_eq!(
            data.upright_size(),
            (3000, 4000),
            "a sideways phone photo stands up"
        );
        Ok(())
    }

    #[test]
    fn absurd_sizes_are_refused_before_decoding() {
        let err = probe(&jpeg_header(30_000, 100, 1), &who());
        assert!(matches!(
            err,
            Err(ReportError::ImageTooLarge { width: 30_000, .. })
        ));
        let err = probe(&jpeg_header(15_000, 15_000, 1), &who());
        assert!(
            matches!(err, Err(ReportError::ImageTooLarge { .. })),
            "225 megapixels is over the limit even with sides under 20 000"
        );
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0]);
        assert!(matches!(
            probe(&png, &who()),
            Err(ReportError::ImageTooLarge { .. })
        ));
    }

    #[test]
    fn other_files_are_refused_with_the_caption() {
        let err = probe(b"GIF89a....", &who());
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("photo 1 (\"Ảnh 1\") is not a JPEG or PNG image".to_owned())
        );
        assert!(matches!(
            probe(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00], &who()),
            Err(ReportError::BrokenImage { .. })
        ));
    }
}
