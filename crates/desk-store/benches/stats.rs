//! One year's statistics over twenty years of records: 50,000 delegations, 500,000 people,
//! ~500,000 members and 1,000,000 expense lines (`testing::Synthetic::twenty_years`).
//! The target is under 300 ms for a year (figures in `benches/README.md`).
//!
//! Run with `cargo bench -p desk-store --features testing --bench stats`.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use desk_store::Store;
use desk_store::testing::{Synthetic, generate};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("twenty-years.sqlite");
    let mut store = Store::open(&path).expect("a new database");
    let started = Instant::now();
    let made = generate(&mut store, &Synthetic::twenty_years()).expect("the synthetic records");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    eprintln!(
        "generated {made:?} in {:.1} s ({} MB)",
        started.elapsed().as_secs_f64(),
        size / 1_000_000
    );
    // Reopen, so the measurement starts from a cold connection as the app would.
    drop(store);
    let started = Instant::now();
    let store = Store::open(&path).expect("reopen");
    let first = store
        .stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1))
        .expect("statistics");
    eprintln!(
        "first call after opening: {:.0} ms; 2016: {} out, {} in, {} trips, {} cancelled",
        started.elapsed().as_secs_f64() * 1000.0,
        first.totals.outgoing.count,
        first.totals.incoming.count,
        first.totals.trips,
        first.totals.cancelled.count
    );

    let mut group = c.benchmark_group("stats");
    group.sample_size(20);
    group.bench_function("one year (2016, with 2015 to compare)", |b| {
        b.iter(|| {
            black_box(
                store
                    .stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1))
                    .expect("statistics"),
            )
        })
    });
    group.bench_function("load only (2015-2016 records)", |b| {
        b.iter(|| {
            black_box(
                store
                    .stats_data(day(2015, 1, 1), day(2016, 12, 31))
                    .expect("records"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
