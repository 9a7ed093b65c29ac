//! How long a long mission report takes: ~20 pages with a delegation table and 10 photos,
//! laid out and drawn to PDF bytes. Target: under 300 ms. The photos are measured twice:
//! the small sample JPEG, and the print renditions the app really embeds (a 12-megapixel
//! camera photo made 1 624 px wide at 250 dpi when it is attached).
//! Figures and the comparison with headless Chromium are in `benches/README.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use desk_report::{Block, Language, layout, print_rendition, render};

/// A 12-megapixel photo (4000 × 3000) with grain, as a phone's camera writes it, made fit
/// for print as attaching it does.
fn camera_rendition() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let grain = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23) as u8;
        image::Rgb([(x % 200) as u8 + grain, (y % 180) as u8 + grain, 90 + grain])
    });
    let mut camera = Vec::new();
    let encoded =
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut camera, 92).encode_image(&picture);
    assert!(encoded.is_ok(), "the sample photo encodes");
    match print_rendition(&camera, "bench") {
        Ok(Some(rendition)) => rendition,
        other => panic!("a rendition of the camera photo: {other:?}"),
    }
}

fn twenty_pages(c: &mut Criterion) {
    let doc = common::report(Language::Vi, 26, 20, 10);
    let pages = layout(&doc).map(|l| l.pages.len()).unwrap_or(0);
    let rendition = camera_rendition();
    let mut printed = doc.clone();
    for block in &mut printed.blocks {
        if let Block::Photo { bytes, .. } = block {
            bytes.clone_from(&rendition);
        }
    }
    let size = |d| render(d).map(|pdf| pdf.len()).unwrap_or(0);
    println!(
        "sample: {pages} pages, 10 photos: {} KB; with 10 renditions of {} KB each: {} KB",
        size(&doc) / 1000,
        rendition.len() / 1000,
        size(&printed) / 1000
    );
    let mut group = c.benchmark_group("mission_report");
    group.sample_size(30);
    group.bench_function("layout_20_pages", |b| b.iter(|| layout(&doc)));
    group.bench_function("render_20_pages_10_photos", |b| b.iter(|| render(&doc)));
    group.bench_function("render_20_pages_10_renditions", |b| {
        b.iter(|| render(&printed))
    });
    group.finish();
}

criterion_group!(benches, twenty_pages);
criterion_main!(benches);
