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

/// CPU seconds this thread has used (user + system), from /proc on Linux; 0 elsewhere.
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map(|(_, rest)| rest.split(' ').collect())
        .unwrap_or_default();
    let ticks = |n: usize| {
        fields
            .get(n)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; the
    // kernel counts them in clock ticks of 1/100 s.
    (ticks(11) + ticks(12)) / 100.0
}

/// The value, or the end of the benchmark with what failed.
fn or_die<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e}"),
    }
}

fn bench(c: &mut Criterion) {
    // The database is made once and kept in the target folder: generating it takes longer
    // than measuring. Delete the file to make it again.
    // Encrypted as the app's databases are, with a fixed key so the file can be kept.
    let key = or_die(
        desk_store::Key::from_hex(&"5e".repeat(32)).ok_or("no key"),
        "the bench key",
    );
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("stats-twenty-years-v2-encrypted.sqlite");
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let mut store = or_die(Store::create(&partial, &key), "a new database");
        let started = Instant::now();
        let made = or_die(
            generate(&mut store, &Synthetic::twenty_years()),
            "the synthetic records",
        );
        eprintln!(
            "generated {made:?} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        drop(store);
        or_die(std::fs::rename(&partial, &path), "keeping the database");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("database: {} ({} MB)", path.display(), size / 1_000_000);
    // The same records without encryption, to measure what SQLCipher costs side by side.
    let plain_path = path.with_extension("plaintext.sqlite");
    if !plain_path.exists() {
        let partial = plain_path.with_extension("partial");
        or_die(
            desk_store::testing::decrypted_copy(&path, &key, &partial),
            "a plaintext copy",
        );
        or_die(std::fs::rename(&partial, &plain_path), "keeping the copy");
    }
    // Reopen, so the measurement starts from a cold connection as the app would.
    let started = Instant::now();
    let store = or_die(Store::open(&path, &key), "reopen");
    let first = or_die(
        store.stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1)),
        "statistics",
    );
    eprintln!(
        "first call after opening: {:.0} ms; 2016: {} out, {} in, {} trips, {} cancelled",
        started.elapsed().as_secs_f64() * 1000.0,
        first.totals.outgoing.count,
        first.totals.incoming.count,
        first.totals.trips,
        first.totals.cancelled.count
    );

    // The machine is shared: wall time grows with everyone else's load. The CPU time this
    // thread spends is what the call costs on a core of its own.
    let one_year = || {
        black_box(or_die(
            store.stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1)),
            "statistics",
        ));
    };
    let load_only = || {
        black_box(or_die(
            store.stats_data(day(2015, 1, 1), day(2016, 12, 31)),
            "records",
        ));
    };
    let runs: [(&str, &dyn Fn()); 2] = [("one year", &one_year), ("load only", &load_only)];
    for (what, run) in runs {
        let rounds = 20;
        let (cpu, wall) = (thread_cpu(), Instant::now());
        for _ in 0..rounds {
            run();
        }
        eprintln!(
            "{what}: {:.0} ms CPU per call ({:.0} ms wall) over {rounds} calls",
            (thread_cpu() - cpu) * 1000.0 / f64::from(rounds),
            wall.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds),
        );
    }

    let plain = or_die(
        desk_store::testing::open_plaintext(&plain_path),
        "the plaintext copy",
    );
    let mut group = c.benchmark_group("stats");
    group.sample_size(20);
    // Encrypted (the app) and plaintext (before issue #11) one after the other, so the
    // machine's load falls on both alike.
    for (what, db) in [("encrypted", &store), ("plaintext", &plain)] {
        group.bench_function(format!("one year, {what}"), |b| {
            b.iter(|| {
                black_box(or_die(
                    db.stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1)),
                    "statistics",
                ))
            })
        });
    }
    group.bench_function("load only (2015-2016 records)", |b| {
        b.iter(|| {
            black_box(or_die(
                store.stats_data(day(2015, 1, 1), day(2016, 12, 31)),
                "records",
            ))
        })
    });
    let data = or_die(
        store.stats_data(day(2015, 1, 1), day(2016, 12, 31)),
        "records",
    );
    let range = or_die(
        desk_domain::StatsRange::new(day(2016, 1, 1), day(2016, 12, 31)),
        "range",
    );
    let params = desk_domain::StatsParams {
        range,
        previous: range.previous().unwrap_or(range),
        as_of: day(2027, 1, 1),
        report_due_days: 15,
    };
    group.bench_function("compute only (2015-2016 records)", |b| {
        b.iter(|| black_box(desk_domain::stats::compute(&params, &data)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
