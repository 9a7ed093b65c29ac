//! Mutation fuzzing of every reader of outside files: guest lists (XLSX and CSV), the JSON
//! import and the per-diem rate table (CSV). Calendars are only written, never read.
//!
//! cargo-fuzz needs a nightly toolchain, so this is `proptest` driving mutations over real
//! files (the fixtures, the hostile workbooks, files the app itself writes): bytes flipped,
//! inserted, deleted, repeated, numbers made huge; inside a workbook the XML of one part is
//! mutated and the archive rebuilt, so that the mutations reach our checks and calamine
//! rather than stopping at the zip's checksum. Every input must be answered (read or
//! refused) without a panic, within a second of CPU, and with the process's peak memory
//! growing by less than 200 MB; an abort ends the binary and so fails the run.
//!
//! `DESK_FUZZ_CASES` sets the cases per reader (10,000 by default: the CI run);
//! `scripts/fuzz.sh` runs many more. The readers take turns (one lock), so that the peak
//! memory measured for an input is that input's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use desk_exchange::{ReadOptions, read_guests};
use desk_store::{Export, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// One reader at a time: the memory measured is that of the input being read.
static TURN: Mutex<()> = Mutex::new(());

const MAX_TIME: Duration = Duration::from_secs(1);
const MAX_MEMORY_KB: u64 = 200 * 1024;

fn cases() -> u32 {
    std::env::var("DESK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(desk_tests::repo_root().join(path)).unwrap()
}

/// The process's peak resident memory (kB) since the last [`reset_peak`].
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The CPU time this thread has used (user + system), from /proc in clock ticks of 1/100 s.
/// The one-second bound is on this, not on the wall clock: on a shared 2-core machine under
/// a load of 8 a 300 ms input took 1.15 s of wall time while costing the same CPU.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The fields after the command name (in parentheses, and it may hold spaces); utime and
    // stime are the 12th and 13th of them.
    let ticks: u64 = stat
        .rsplit_once(") ")
        .map(|(_, rest)| {
            rest.split(' ')
                .skip(11)
                .take(2)
                .filter_map(|f| f.parse::<u64>().ok())
                .sum()
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Resets the peak resident memory to the current one (Linux: `5` to `clear_refs`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// One change to a file's bytes; positions wrap around the length.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
    /// A run of digits at a position (a count, a size, a dimension made huge).
    Digits(usize, u8),
    /// Text that readers find interesting, inserted at a position.
    Token(usize, usize),
}

const TOKENS: &[&str] = &[
    "999999999999999999999",
    "-1",
    "\"",
    ",",
    ";",
    "\n",
    "\r\n",
    "\u{feff}",
    "<",
    ">",
    "<!--",
    "-->",
    "<![CDATA[",
    "x:",
    " uniqueCount=\"4294967296\"",
    " count=\"18446744073709551615\"",
    "<dimension ref=\"A1:XFD1048576\"/>",
    "<c r=\"XFD1048576\"><v>1</v></c>",
    "<row r=\"4294967295\">",
    "&amp;",
    "&#0;",
    "\u{0}",
    "đĐơư",
    "null",
    "[]",
    "{}",
    "1e999",
    "\"\\ud800\"",
    "31/02/2026",
    "0000-00-00",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        (any::<usize>(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
        (any::<usize>(), 1usize..64, 1usize..64).prop_map(|(p, n, t)| Mutation::Repeat(p, n, t)),
        (any::<usize>(), 1u8..24).prop_map(|(p, n)| Mutation::Digits(p, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(p, t)| Mutation::Token(p, t)),
    ]
}

fn at(position: usize, len: usize) -> usize {
    if len == 0 { 0 } else { position % (len + 1) }
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match mutation {
        Mutation::Flip(p, b) => {
            if len > 0 {
                bytes[p % len] ^= b | 1;
            }
        }
        Mutation::Insert(p, new) => {
            let p = at(*p, len);
            bytes.splice(p..p, new.iter().copied());
        }
        Mutation::Delete(p, n) => {
            let p = at(*p, len);
            let end = (p + n).min(len);
            bytes.drain(p..end);
        }
        Mutation::Repeat(p, n, times) => {
            let p = at(*p, len);
            let end = (p + n).min(len);
            let piece = bytes[p..end].to_vec();
            for _ in 0..*times {
                bytes.splice(p..p, piece.iter().copied());
            }
        }
        Mutation::Digits(p, n) => {
            let p = at(*p, len);
            bytes.splice(p..p, std::iter::repeat_n(b'9', usize::from(*n)));
        }
        Mutation::Token(p, t) => {
            let p = at(*p, len);
            bytes.splice(p..p, TOKENS[*t].bytes());
        }
    }
}

fn mutated(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for m in mutations {
        apply(&mut bytes, m);
    }
    bytes
}

/// The workbook with the XML of one of its parts mutated, zipped again (stored), so that the
/// mutation passes the zip's checksum.
fn mutated_part(workbook: &[u8], part: usize, mutations: &[Mutation]) -> Vec<u8> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(workbook)) else {
        return mutated(workbook, mutations);
    };
    let chosen = part % archive.len().max(1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            continue;
        };
        let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
        let mut content = Vec::new();
        if file.read_to_end(&mut content).is_err() {
            continue;
        }
        if i == chosen {
            content = mutated(&content, mutations);
        }
        if out.start_file(name, options).is_ok() {
            let _ = out.write_all(&content);
        }
    }
    out.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Runs `read` on `cases()` mutations of the seeds, checking time and memory for each.
fn fuzz(name: &str, seeds: Vec<Vec<u8>>, inside_zip: bool, read: impl FnMut(&[u8])) {
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let cases = cases();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0..seeds.len(),
        any::<bool>(),
        any::<usize>(),
        prop::collection::vec(mutation(), 1..6),
    );
    let started = Instant::now();
    // The runner takes a `Fn`: what the cases change lives in cells.
    let read = std::cell::RefCell::new(read);
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let slowest_cpu = std::cell::Cell::new(Duration::ZERO);
    let most_kb = std::cell::Cell::new(0);
    let result = runner.run(&strategy, |(seed, in_part, part, mutations)| {
        let input = if inside_zip && in_part {
            mutated_part(&seeds[seed], part, &mutations)
        } else {
            mutated(&seeds[seed], &mutations)
        };
        reset_peak();
        let before = peak_kb();
        let (clock, cpu) = (Instant::now(), thread_cpu());
        (read.borrow_mut())(&input);
        let (took, took_cpu) = (clock.elapsed(), thread_cpu().saturating_sub(cpu));
        let grew = peak_kb().saturating_sub(before);
        slowest.set(slowest.get().max(took));
        slowest_cpu.set(slowest_cpu.get().max(took_cpu));
        most_kb.set(most_kb.get().max(grew));
        if took_cpu > MAX_TIME {
            return Err(TestCaseError::fail(format!(
                "{name}: an input of {} bytes took {took_cpu:?} of CPU ({took:?} in all)",
                input.len()
            )));
        }
        if grew > MAX_MEMORY_KB {
            return Err(TestCaseError::fail(format!(
                "{name}: an input of {} bytes took {grew} kB",
                input.len()
            )));
        }
        Ok(())
    });
    eprintln!(
        "fuzz {name}: {cases} inputs in {:?}, slowest {:?} ({:?} of CPU), most memory {} kB",
        started.elapsed(),
        slowest.get(),
        slowest_cpu.get(),
        most_kb.get()
    );
    if let Err(failure) = result {
        panic!("fuzz {name}: {failure}");
    }
}

/// A guest list as a partner might send it, written by a spreadsheet library.
fn good_workbook() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows = [
        [
            "No.",
            "Full name",
            "Sex",
            "Date of birth",
            "Passport",
            "Expiry",
            "Arrival",
        ],
        [
            "1",
            "Nguyễn Văn An",
            "M",
            "1970-01-31",
            "B1234567",
            "2031-05-01",
            "VN 611",
        ],
        [
            "2",
            "SOMSAK Phetsarath",
            "F",
            "12/03/1985",
            "P0012345",
            "01/01/2030",
            "QV 311",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let _ = sheet.write_string(r as u32, c as u16, *value);
        }
    }
    let _ = sheet.write_number(3, 0, 3.0);
    let _ = sheet.write_number(3, 3, 25_000.0);
    workbook.save_to_buffer().unwrap()
}

#[test]
fn guest_workbooks_are_read_or_refused() {
    let seeds = vec![
        good_workbook(),
        fixture("tests/fixtures/hostile/sst-prefix.xlsx"),
        fixture("tests/fixtures/hostile/sst-after-comment.xlsx"),
        fixture("tests/fixtures/hostile/sst-late.xlsx"),
    ];
    fuzz("guest XLSX", seeds, true, |bytes| {
        let _ = read_guests("guests.xlsx", bytes, &ReadOptions::default());
    });
}

#[test]
fn guest_csv_files_are_read_or_refused() {
    let seeds = vec![
        fixture("tests/fixtures/guests/consal-semicolon-bom.csv"),
        "Họ và tên,Giới tính,Ngày sinh,Số hộ chiếu,Ngày hết hạn\n\"Nguyễn, An\",Nam,31/01/1970,B1234567,01/05/2031\n"
            .as_bytes()
            .to_vec(),
    ];
    fuzz("guest CSV", seeds, false, |bytes| {
        let _ = read_guests("guests.csv", bytes, &ReadOptions::default());
    });
}

#[test]
fn rate_tables_are_read_or_refused() {
    let seeds = vec![desk_ops::rates::EXAMPLE_RATES.as_bytes().to_vec()];
    fuzz("rate-table CSV", seeds, false, |bytes| {
        let _ = desk_exchange::rates::read(bytes);
    });
}

/// A small but whole export: two delegations of the demo with their people and records.
fn small_export() -> Vec<u8> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let export = serde_json::to_value(store.export("fuzz seed").unwrap()).unwrap();
    let mut export = export.as_object().cloned().unwrap();
    let delegations: Vec<serde_json::Value> = export["delegations"]
        .as_array()
        .map(|d| d.iter().take(2).cloned().collect())
        .unwrap_or_default();
    let kept: Vec<String> = delegations
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_owned))
        .collect();
    export.insert("delegations".into(), delegations.into());
    let mut people = std::collections::BTreeSet::new();
    for (key, value) in export.iter_mut() {
        if key == "delegations" || key == "people" {
            continue;
        }
        if let Some(items) = value.as_array_mut() {
            items.retain(|item| {
                item.get("delegation_id")
                    .and_then(|d| d.as_str())
                    .is_none_or(|d| kept.iter().any(|k| k == d))
            });
            for item in items.iter() {
                if let Some(p) = item.get("person_id").and_then(|p| p.as_str()) {
                    people.insert(p.to_owned());
                }
            }
        }
    }
    if let Some(list) = export.get_mut("people").and_then(|p| p.as_array_mut()) {
        list.retain(|p| p["id"].as_str().is_some_and(|id| people.contains(id)));
    }
    serde_json::to_vec_pretty(&export).unwrap()
}

#[test]
fn json_imports_are_applied_or_refused() {
    let seeds = vec![small_export()];
    let mut store = Store::open_in_memory().unwrap();
    fuzz("JSON import", seeds, false, |bytes| {
        // As the CLI reads it: UTF-8 text, then the export's shape, then the store.
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        if let Ok(data) = serde_json::from_str::<Export>(text) {
            let _ = store.import(&data, desk_store::SettingsMode::Keep);
        }
    });
}
