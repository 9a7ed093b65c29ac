//! Twenty years in the window, at the store: what each everyday screen asks of the store on
//! the synthetic twenty-year database (`Synthetic::twenty_years`), search as typed, and
//! writes on a big database against an empty one. Targets and figures in
//! `crates/desk-store/benches/README.md`. It lives in desk-ops, above the store, because its
//! guest lists are read through desk-exchange as the window reads them.
//!
//! Run with `cargo bench -p desk-ops --bench scale`. Set
//! `DESK_BENCH_DB` to use another database (e.g. `desk synthetic --years 2` for a quick
//! run); `DESK_BENCH_QUICK=1` makes fewer samples; `DESK_BENCH_ONLY=reads` or `writes` one half,
//! `history` only an office's first history import, `guests` only the guest lists of the
//! writes. Besides Criterion's report it prints one
//! line per figure (`figure: name = value unit`) that `scripts/bench.sh` collects.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use desk_domain::{DelegationFilter, Direction, DirectoryFilter, PageRequest};
use desk_exchange::{ReadOptions, read_guests};
use desk_store::Store;
use desk_store::testing::{Synthetic, demo_copy, guest_list_csv, history_csv};

/// The value, or the end of the benchmark with what failed.
fn or_die<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e}"),
    }
}

fn figure(name: &str, value: f64, unit: &str) {
    eprintln!("figure: {name} = {value:.2} {unit}");
}

/// The benches' databases are encrypted as the app's are, their key kept in a file beside
/// them in the target folder, or the one `DESK_KEY_FILE` names (`scripts/bench.sh`'s).
fn keys() -> desk_store::KeyChoice {
    match std::env::var_os("DESK_KEY_FILE") {
        Some(file) => desk_store::KeyChoice {
            file: Some(PathBuf::from(file)),
        },
        None => desk_store::KeyChoice {
            file: Some(Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-bench.key")),
        },
    }
}

/// The store at `path`, made if there is none.
fn open(path: &Path, what: &str) -> Store {
    or_die(desk_store::open_database(path, &keys(), true), what).store
}

/// The twenty-year database, made once into the target folder and reused.
fn big_database() -> PathBuf {
    if let Some(path) = std::env::var_os("DESK_BENCH_DB") {
        return PathBuf::from(path);
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("twenty-years-v2-encrypted.sqlite");
    if !path.exists() {
        let started = Instant::now();
        let made = or_die(
            Store::create_synthetic(&path, &keys(), &Synthetic::twenty_years()),
            "the synthetic records",
        );
        eprintln!(
            "generated {made:?} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

/// A working copy of a database, so that writes leave the original as it was.
fn copy_of(path: &Path, name: &str) -> PathBuf {
    let copy = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    or_die(std::fs::copy(path, &copy), "copying the database");
    copy
}

fn median_and_p95(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    (at(0.5), at(0.95))
}

/// 200 prefixes people type: the first one to six letters of names, titles and cities
/// that are in the database, with and without diacritics.
fn prefixes(store: &Store) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    // People from the middle of the directory too, not only the first names by A.
    for text in [None, Some("nguyen"), Some("tan"), Some("tran")] {
        let filter = DirectoryFilter {
            text: text.map(str::to_owned),
        };
        let people = or_die(
            store.people_page(&filter, &PageRequest::first(10)),
            "people",
        );
        words.extend(people.items.into_iter().map(|p| p.full_name));
    }
    let delegations = or_die(
        store.delegation_page(&DelegationFilter::default(), &PageRequest::first(40)),
        "delegations",
    );
    words.extend(delegations.items.into_iter().map(|d| d.title));
    let mut out = Vec::new();
    let mut n = 0;
    while out.len() < 200 && !words.is_empty() {
        let text = &words[n % words.len()];
        let len = 1 + n % 6;
        let typed: String = text.chars().take(len).collect();
        // Every other one typed without diacritics, as staff often do.
        out.push(if n % 2 == 0 {
            desk_domain::text::search_form(&typed)
        } else {
            typed
        });
        n += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let quick = std::env::var_os("DESK_BENCH_QUICK").is_some();
    // DESK_BENCH_ONLY=writes skips the reads (a second run after a change to writes),
    // DESK_BENCH_ONLY=reads the writes, DESK_BENCH_ONLY=history all but the first history
    // import (which needs no twenty-year database), DESK_BENCH_ONLY=guests the guest lists
    // of the writes alone (before and after a change to the guest import, run alternately).
    let only = std::env::var("DESK_BENCH_ONLY").unwrap_or_default();
    if only == "history" {
        measure_first_history(c, quick);
        return;
    }
    if only == "guests" {
        measure_writes(c, &big_database(), quick, true);
        return;
    }
    let path = big_database();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("database: {} ({} MB)", path.display(), size / 1_000_000);
    let store = open(&path, "open");

    if only != "writes" {
        measure_reads(c, &store, quick);
    }
    drop(store);
    if only != "reads" {
        measure_first_history(c, quick);
        measure_writes(c, &path, quick, false);
    }
}

/// Previews and then imports a history file as the window does, timing both from the start
/// of the preview; returns the time to the end of the preview and to the end of the import.
fn preview_then_import(store: &mut Store, csv: &str, rows: usize) -> (Duration, Duration) {
    let request = desk_ops::history::HistoryRequest::default();
    let t = Instant::now();
    black_box(or_die(
        desk_ops::history::history_preview(store, "history.csv", csv.as_bytes(), &request),
        "history preview",
    ));
    let previewed = t.elapsed();
    let imported = or_die(
        desk_ops::history::history_import(
            store,
            "history.csv",
            csv.as_bytes(),
            &request,
            false,
            &desk_domain::progress::Unwatched,
        ),
        "history import",
    );
    let took = t.elapsed();
    assert_eq!(imported.delegations, rows, "every row is a new delegation");
    (previewed, took)
}

/// The history import as an office meets it (issue 17): its first import, of its whole
/// history, into the new database it has just made. Each sample gets a database of its own,
/// so the verified backup taken before the import copies what a new database holds, and
/// the figure does not grow with the samples before it.
fn measure_first_history(c: &mut Criterion, quick: bool) {
    let rows = if quick { 1_000 } else { 10_000 };
    let mut group = c.benchmark_group("an office's first history import");
    group.sample_size(10);
    if quick {
        group.measurement_time(Duration::from_secs(2));
    }
    let csv = history_csv(0, rows);
    // A folder of its own: the database and the backups folder beside it go with each sample.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-history");
    let path = folder.join("desk.sqlite");
    let (mut previews, mut times) = (Vec::new(), Vec::new());
    group.bench_function(format!("{rows}-row history into a new database"), |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                let _ = std::fs::remove_dir_all(&folder);
                or_die(std::fs::create_dir_all(&folder), "the bench's folder");
                let mut store = open(&path, "a new database");
                let (previewed, took) = preview_then_import(&mut store, &csv, rows);
                previews.push(previewed);
                times.push(took);
                spent += took;
            }
            spent
        })
    });
    group.finish();
    figure(
        &format!("{rows}-row history into a new database"),
        median_and_p95(times).0,
        "ms",
    );
    figure(
        &format!("{rows}-row history into a new database, of which the preview"),
        median_and_p95(previews).0,
        "ms",
    );
}

/// What the window asks of the store to open a delegation on its overview tab: the
/// delegation, its organisations, members and history. Benched and timed alike.
fn open_delegation(store: &Store, id: &str) {
    let delegation = or_die(store.delegation(id), "delegation");
    for org in [&delegation.organisation_id, &delegation.sponsor_id]
        .into_iter()
        .flatten()
    {
        black_box(or_die(store.organisation(org), "organisation"));
    }
    black_box(or_die(store.members(id), "members"));
    black_box(or_die(store.audit_of("delegation", id), "audit"));
}

fn measure_reads(c: &mut Criterion, store: &Store, quick: bool) {
    // Reads: what the first screens ask for.
    let mut group = c.benchmark_group("screens");
    group.sample_size(if quick { 10 } else { 30 });
    let first_page = PageRequest::default().for_window();
    group.bench_function("first page of delegations", |b| {
        b.iter(|| {
            black_box(or_die(
                store.delegation_page(&DelegationFilter::default(), &first_page),
                "delegations",
            ))
        })
    });
    group.bench_function("first page of one year's outgoing delegations", |b| {
        let filter = DelegationFilter {
            year: Some(2016),
            direction: Some(Direction::Outgoing),
            ..Default::default()
        };
        b.iter(|| black_box(or_die(store.delegation_page(&filter, &first_page), "year")))
    });
    group.bench_function("first page of people", |b| {
        b.iter(|| {
            black_box(or_die(
                store.people_page(&DirectoryFilter::default(), &first_page),
                "people",
            ))
        })
    });
    let some = or_die(
        store.delegation_page(&DelegationFilter::default(), &PageRequest::first(1)),
        "a delegation",
    );
    let id = some.items.first().map(|d| d.id.clone()).unwrap_or_default();
    group.bench_function("open a delegation (overview tab)", |b| {
        b.iter(|| open_delegation(store, &id))
    });
    group.finish();

    // The same three, timed plainly for the table (median of 50 calls).
    let time = |f: &dyn Fn()| {
        let times: Vec<Duration> = (0..if quick { 5 } else { 50 })
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        median_and_p95(times).0
    };
    figure(
        "first page of delegations",
        time(&|| {
            black_box(or_die(
                store.delegation_page(&DelegationFilter::default(), &first_page),
                "delegations",
            ));
        }),
        "ms",
    );
    figure(
        "first page of people",
        time(&|| {
            black_box(or_die(
                store.people_page(&DirectoryFilter::default(), &first_page),
                "people",
            ));
        }),
        "ms",
    );
    figure(
        "open a delegation",
        time(&|| open_delegation(store, &id)),
        "ms",
    );

    // One year's statistics (2016, compared with 2015), as the Statistics screen asks.
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let stats_times: Vec<Duration> = (0..if quick { 2 } else { 7 })
        .map(|_| {
            let t = Instant::now();
            black_box(or_die(
                store.stats_as_of(day(2016, 1, 1), day(2016, 12, 31), day(2027, 1, 1)),
                "statistics",
            ));
            t.elapsed()
        })
        .collect();
    figure("one year's statistics", median_and_p95(stats_times).0, "ms");

    // Search, each keystroke: 200 real prefixes, 8 hits per kind as the palette asks.
    let typed = prefixes(store);
    let times: Vec<Duration> = typed
        .iter()
        .map(|q| {
            let t = Instant::now();
            black_box(or_die(store.search(q, 8), "search"));
            t.elapsed()
        })
        .collect();
    // The slowest prefixes, to say what the p95 is made of.
    let mut slowest: Vec<(&String, &Duration)> = typed.iter().zip(&times).collect();
    slowest.sort_by(|a, b| b.1.cmp(a.1));
    for (q, t) in slowest.iter().take(12) {
        eprintln!("slow prefix: {q:?} {:.2} ms", t.as_secs_f64() * 1000.0);
    }
    let (median, p95) = median_and_p95(times);
    figure("search median", median, "ms");
    figure("search p95", p95, "ms");
    let mut group = c.benchmark_group("search");
    group.sample_size(if quick { 10 } else { 20 });
    group.bench_function("200 prefixes, 8 hits per kind", |b| {
        b.iter(|| {
            for q in &typed {
                black_box(or_die(store.search(q, 8), "search"));
            }
        })
    });
    group.finish();
}

fn measure_writes(c: &mut Criterion, path: &Path, quick: bool, guests_only: bool) {
    // Writes: a guest list of 1,000 and of 9,999 rows (the most a sheet may hold), preview
    // then import, into an empty database and into a copy of the big one; then (unless
    // `guests_only`) a backup, history files and a copy of the demo.
    let empty_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-empty.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", empty_path.display()));
    }
    let big_copy = copy_of(path, "scale-writes.sqlite");
    // Each import needs guests nobody has imported yet (else they are duplicates).
    let mut next_guest = 0;
    let mut next_batch = 0;
    let mut sheet_of = |rows: usize| {
        let csv = guest_list_csv(next_guest, rows);
        next_guest += rows;
        or_die(
            read_guests("guests.csv", csv.as_bytes(), &ReadOptions::default()),
            "the guest list",
        )
    };
    for (label, db) in [("empty", &empty_path), ("twenty years", &big_copy)] {
        let mut store = open(db, "open for writes");
        let mut group = c.benchmark_group(format!("writes into {label}"));
        group.sample_size(10);
        if quick {
            group.measurement_time(Duration::from_secs(2));
        }
        let sizes: &[usize] = if quick {
            &[100, 1_000]
        } else {
            &[1_000, 9_999]
        };
        for &rows in sizes {
            let mut times = Vec::new();
            group.bench_function(format!("{rows}-row guest list: preview and import"), |b| {
                // Each import goes into a new delegation; only preview + import is timed.
                b.iter_custom(|iterations| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iterations {
                        let mut input = desk_domain::DelegationInput::new(
                            Direction::Incoming,
                            "Phiên họp INELI-ASEAN",
                            "VN",
                            "2017-11-27",
                            "2017-11-30",
                        );
                        input.cities = "Hà Nội".into();
                        let delegation = or_die(store.create_delegation(&input), "delegation").id;
                        let sheet = &sheet_of(rows);
                        let t = Instant::now();
                        black_box(or_die(store.preview_guests(&delegation, sheet), "preview"));
                        black_box(or_die(
                            store.import_guests(&delegation, sheet, false),
                            "import",
                        ));
                        let took = t.elapsed();
                        times.push(took);
                        spent += took;
                    }
                    spent
                })
            });
            figure(
                &format!("{rows}-row guest list into {label}"),
                median_and_p95(times).0,
                "ms",
            );
        }
        if guests_only {
            group.finish();
            continue;
        }
        // What a history import pays first, whatever its size: the verified backup (a guest
        // list relies on the daily one instead).
        let t = Instant::now();
        or_die(store.backup(desk_store::BackupReason::Manual), "backup");
        figure(
            &format!("a verified backup of {label}"),
            t.elapsed().as_secs_f64() * 1000.0,
            "ms",
        );
        for &rows in sizes {
            let rows = if rows == 9_999 { 10_000 } else { rows };
            let mut times = Vec::new();
            let mut previews = Vec::new();
            group.bench_function(
                format!("{rows}-row history: read, preview and import"),
                |b| {
                    // Each import is a batch of trips in years of its own; reading the file,
                    // the preview and the import are timed (the import's backup included).
                    b.iter_custom(|iterations| {
                        let mut spent = Duration::ZERO;
                        for _ in 0..iterations {
                            let csv = history_csv(next_batch, rows);
                            next_batch += 1;
                            let (previewed, took) = preview_then_import(&mut store, &csv, rows);
                            previews.push(previewed);
                            times.push(took);
                            spent += took;
                        }
                        spent
                    })
                },
            );
            figure(
                &format!("{rows}-row history into {label}"),
                median_and_p95(times).0,
                "ms",
            );
            figure(
                &format!("{rows}-row history into {label}, of which the preview"),
                median_and_p95(previews).0,
                "ms",
            );
        }
        let mut times = Vec::new();
        group.bench_function("a copy of the demo", |b| {
            b.iter_batched(
                || or_die(demo_copy(), "the demo"),
                |copy| {
                    let t = Instant::now();
                    black_box(or_die(
                        store.import(&copy, desk_store::SettingsMode::Keep),
                        "import",
                    ));
                    times.push(t.elapsed());
                },
                BatchSize::PerIteration,
            )
        });
        figure(
            &format!("demo copy into {label}"),
            median_and_p95(times).0,
            "ms",
        );
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
