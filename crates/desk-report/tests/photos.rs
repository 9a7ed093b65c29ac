//! Photos at print size: a report with ten photos from a phone stays small enough to mail,
//! sideways photos come out upright, and the rendition keeps the photo's shape.

// A test that cannot make its sample should stop with the reason.
#![allow(clippy::expect_used)]

mod common;

use std::io::Cursor;

use desk_report::{Block, Language, print_rendition, print_size_px};
use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader};

const PHOTO_W: u32 = 4000;
const PHOTO_H: u32 = 3000;

/// The pixels of a 12-megapixel "phone photo" (4000 × 3000): smooth light and colour with
/// grain and fine detail, like a camera's.
fn phone_pixels() -> Vec<u8> {
    let (w, h) = (PHOTO_W, PHOTO_H);
    let mut state = 2_654_435_761_u32;
    let mut pixels = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let grain = (state % 11) as i32 - 5;
            // Fine detail: thin stripes like foliage or fabric.
            let detail = if (x / 3 + y / 5) % 7 == 0 { 22 } else { 0 };
            for base in [
                (x * 200 / w) as i32 + 30,
                (y * 180 / h) as i32 + 40,
                (((x + y) / 37) % 160) as i32 + 50,
            ] {
                pixels.push((base + detail + grain).clamp(0, 255) as u8);
            }
        }
    }
    pixels
}

/// One photo of the set, encoded at quality 92 like a phone camera (3–5 MB like theirs);
/// `seed` changes a band of it so that no two files are the same.
fn phone_photo(pixels: &[u8], seed: u32) -> Vec<u8> {
    let mut pixels = pixels.to_vec();
    let band = (seed as usize * 240) * PHOTO_W as usize * 3;
    for p in pixels
        .iter_mut()
        .skip(band)
        .take(200 * PHOTO_W as usize * 3)
    {
        *p = p.wrapping_add(40);
    }
    let mut out = Vec::new();
    let encoded = JpegEncoder::new_with_quality(&mut out, 92).write_image(
        &pixels,
        PHOTO_W,
        PHOTO_H,
        ExtendedColorType::Rgb8,
    );
    assert!(encoded.is_ok(), "the sample photo encodes");
    out
}

#[test]
fn a_report_with_ten_phone_photos_is_under_5_mb() {
    let (max_w, max_h) = print_size_px();
    let mut doc = common::report(Language::Vi, 3, 6, 0);
    let mut originals = 0;
    let pixels = phone_pixels();
    for n in 0..10 {
        let original = phone_photo(&pixels, n);
        originals += original.len();
        assert!(
            (3_000_000..=5_500_000).contains(&original.len()),
            "the sample is as heavy as a phone's photo: {} bytes",
            original.len()
        );
        let print = print_rendition(&original, "Lễ khai mạc")
            .unwrap_or_else(|e| panic!("{e}"))
            .expect("a 12-megapixel photo needs a rendition");
        let header = ImageReader::new(Cursor::new(&print))
            .with_guessed_format()
            .ok()
            .and_then(|r| r.into_dimensions().ok());
        assert_eq!(
            header,
            Some((max_w, max_w * 3 / 4)),
            "250 dpi over the text width"
        );
        assert!(max_w * 3 / 4 < max_h);
        doc.blocks.push(Block::Photo {
            bytes: print,
            caption: format!("Ảnh {n}"),
        });
    }
    let pdf = desk_report::render(&doc).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "ten photos: {:.1} MB as shot, the report {:.2} MB",
        originals as f64 / 1e6,
        pdf.len() as f64 / 1e6
    );
    assert!(
        pdf.len() < 5_000_000,
        "ten photos ({} MB as shot) print in {:.2} MB",
        originals / 1_000_000,
        pdf.len() as f64 / 1e6
    );
}

#[test]
fn a_sideways_photo_is_turned_upright_in_its_rendition() {
    // Stored 600 × 450 with EXIF orientation 6: a portrait photo held upright.
    let print = print_rendition(common::JPEG_SIDEWAYS, "Chân dung")
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("a photo stored sideways gets an upright rendition");
    let mut decoder = ImageReader::new(Cursor::new(&print))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_decoder().ok())
        .expect("the rendition is a readable JPEG");
    assert_eq!(
        decoder.dimensions(),
        (450, 600),
        "portrait, as it was taken"
    );
    assert_eq!(
        decoder.orientation().ok(),
        Some(image::metadata::Orientation::NoTransforms),
        "no EXIF turn left to apply"
    );
}

#[test]
fn photos_already_fit_for_print_are_kept_as_attached() {
    assert_eq!(print_rendition(common::JPEG, "Đoàn").ok(), Some(None));
    assert_eq!(print_rendition(common::PNG, "Biểu đồ").ok(), Some(None));
}
