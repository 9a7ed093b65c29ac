//! How long a long mission report takes: ~20 pages with a delegation table and 10 JPEG
//! photos (passed through), laid out and drawn to PDF bytes. Target: under 300 ms.
//! Figures and the comparison with headless Chromium are in `benches/README.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use desk_report::{Language, layout, render};

fn twenty_pages(c: &mut Criterion) {
    let doc = common::report(Language::Vietnamese, 26, 20, 10);
    let pages = layout(&doc).map(|l| l.pages.len()).unwrap_or(0);
    println!("sample: {pages} pages, 10 photos");
    let mut group = c.benchmark_group("mission_report");
    group.sample_size(30);
    group.bench_function("layout_20_pages", |b| b.iter(|| layout(&doc)));
    group.bench_function("render_20_pages_10_photos", |b| b.iter(|| render(&doc)));
    group.finish();
}

criterion_group!(benches, twenty_pages);
criterion_main!(benches);
