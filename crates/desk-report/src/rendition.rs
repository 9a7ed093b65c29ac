//! Print renditions of photos: a phone's 12-megapixel photo (3–5 MB) is far more than a
//! page needs, and ten of them make a report too heavy to mail. A rendition is the photo
//! decoded, turned upright by its EXIF orientation, scaled down with a Lanczos filter to
//! about 250 dpi at the largest size a page prints it (the text width, or the text height
//! for a tall one) and written as JPEG with its colour profile. It is made once, when the
//! photo is attached, and stored beside the original, which stays as it was.
//!
//! Decoding is bounded: the header's size is checked first (see [`crate::image`]), and the
//! decoder runs under `image::Limits`, so a crafted file that claims or needs gigabytes is
//! refused with a message instead of exhausting memory.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, Limits};

use crate::error::ReportError;
use crate::image::{ImageFormat, MAX_SIDE_PX, PhotoRef, probe};
use crate::layout::{PageGeometry, mm};

/// Resolution of a rendition at the size it is printed.
pub const PRINT_DPI: f32 = 250.0;
/// JPEG quality of a rendition: no visible loss on paper at 250 dpi, and ten grainy
/// 12-megapixel photos (the worst case in `tests/it/decree30.rs`) stay under 5 MB in a
/// report (at 85 they came to 5.04 MB).
const QUALITY: u8 = 80;
/// What the decoder may allocate: a 100-megapixel picture in RGBA, with room to spare.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// The largest pixel size a page needs: 250 dpi over the text width (165 mm, 1 624 px) and
/// the text height (257 mm, 2 530 px) of the Decree 30 page, where photos are printed.
pub fn print_size_px() -> (u32, u32) {
    let g = PageGeometry::decree_30_a4();
    let px = |points: f32| (points / mm(25.4) * PRINT_DPI).round() as u32;
    (px(g.text_width()), px(g.text_height()))
}

/// A photo made fit for print, or `None` when the file already is: an upright JPEG or a
/// PNG no larger than [`print_size_px`], which is printed as it is.
///
/// Refuses what is not a JPEG or PNG, a broken file, and a picture too large to decode
/// safely, naming the photo by `caption`.
pub fn print_rendition(bytes: &[u8], caption: &str) -> Result<Option<Vec<u8>>, ReportError> {
    let who = PhotoRef { index: 1, caption };
    rendition(bytes, &who)
}

pub(crate) fn rendition(bytes: &[u8], who: &PhotoRef<'_>) -> Result<Option<Vec<u8>>, ReportError> {
    let header = probe(bytes, who)?;
    let (max_w, max_h) = print_size_px();
    let (w, h) = header.upright_size();
    let fits = w <= max_w && h <= max_h;
    let as_is = match header.format {
        ImageFormat::Jpeg { components, .. } => header.orientation == 1 && components != 4,
        ImageFormat::Png => true,
    };
    if fits && as_is {
        return Ok(None);
    }
    let broken = |reason: String| ReportError::BrokenImage {
        photo: who.index,
        caption: who.caption.to_owned(),
        reason,
    };
    let too_large = || ReportError::ImageTooLarge {
        photo: who.index,
        caption: who.caption.to_owned(),
        width: header.width_px,
        height: header.height_px,
        max_side: MAX_SIDE_PX,
        max_megapixels: (crate::image::MAX_PIXELS / 1_000_000) as u32,
    };
    let failed = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => too_large(),
        other => broken(other.to_string()),
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| broken(e.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(failed)?;
    let orientation = decoder.orientation().map_err(failed)?;
    // The colour profile goes into the rendition so that colours print as shot.
    let icc = decoder.icc_profile().ok().flatten();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(failed)?;
    picture.apply_orientation(orientation);
    if picture.width() > max_w || picture.height() > max_h {
        picture = picture.resize(max_w, max_h, FilterType::Lanczos3);
    }
    let rgb = on_white(picture);
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, QUALITY);
    if let Some(icc) = icc {
        // A profile the encoder cannot carry is dropped; the picture is still right in sRGB.
        let _ = encoder.set_icc_profile(icc);
    }
    encoder
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| broken(e.to_string()))?;
    Ok(Some(out))
}

/// The picture in RGB, transparent parts laid on white paper (JPEG has no transparency).
fn on_white(picture: DynamicImage) -> image::RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut rgb = image::RgbImage::new(w, h);
    for (x, y, p) in rgba.enumerate_pixels() {
        let alpha = u16::from(p[3]);
        let blend = |c: u8| ((u16::from(c) * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
        rgb.put_pixel(x, y, image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])]));
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let mut out = Vec::new();
        let encoder = JpegEncoder::new_with_quality(&mut out, 90);
        let written = encoder.write_image(picture.as_raw(), w, h, ExtendedColorType::Rgb8);
        assert!(written.is_ok());
        out
    }

    #[test]
    fn print_size_is_250_dpi_over_the_text_area() {
        assert_eq!(print_size_px(), (1624, 2530));
    }

    #[test]
    fn a_small_upright_jpeg_prints_as_it_is() {
        assert_eq!(print_rendition(&jpeg(800, 600), "small").ok(), Some(None));
    }

    #[test]
    fn a_large_photo_is_scaled_to_print_size_keeping_its_shape() -> Result<(), ReportError> {
        let made = print_rendition(&jpeg(3000, 2000), "large")?;
        let Some(made) = made else {
            panic!("a 3000 px photo needs a rendition");
        };
        let header = probe(
            &made,
            &PhotoRef {
                index: 1,
                caption: "",
            },
        )?;
        assert_eq!((header.width_px, header.height_px), (1624, 1083));
        assert_eq!(header.orientation, 1);
        Ok(())
    }

    #[test]
    fn a_crafted_header_asking_for_gigabytes_is_refused_before_decoding() {
        // A PNG header declaring 50 000 × 50 000 pixels (10 GB of RGBA) and no picture.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&50_000_u32.to_be_bytes());
        png.extend_from_slice(&50_000_u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        match print_rendition(&png, "Ảnh lạ") {
            Err(e @ ReportError::ImageTooLarge { .. }) => {
                let message = e.to_string();
                assert!(
                    message.contains("Ảnh lạ") && message.contains("50000"),
                    "{message}"
                );
            }
            Err(e) => panic!("refused for another reason: {e}"),
            Ok(made) => panic!("made a rendition of {} bytes", made.map_or(0, |m| m.len())),
        }
    }

    #[test]
    fn a_photo_cut_short_is_refused_with_its_caption() {
        let mut bytes = jpeg(2000, 2000);
        bytes.truncate(300);
        match print_rendition(&bytes, "Lễ khai mạc") {
            Err(e) => assert!(e.to_string().contains("Lễ khai mạc"), "{e}"),
            Ok(made) => panic!("made a rendition of {} bytes", made.map_or(0, |m| m.len())),
        }
    }
}
