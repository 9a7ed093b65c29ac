//! Reading an XLSX workbook without trusting it.
//!
//! An XLSX file is a zip archive of XML parts. Before calamine sees a byte, this module
//! reads the archive's directory and refuses a part that claims (or turns out) to be larger
//! than the limits; then it parses every part as XML, the way calamine will (prefixes such
//! as `<x:sst>`, comments, any order), and refuses a shared-string table that would make
//! calamine reserve memory for billions of strings and a worksheet whose `<dimension>`
//! claims more rows, columns or cells than allowed. Then calamine streams the chosen sheet cell by cell, and any cell
//! beyond the limits stops the reading: a sheet that lies about its dimension (or gives
//! none) cannot make us build a grid of a million columns either.

use std::io::{BufReader, Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};
use quick_xml::Reader as XmlReader;
use quick_xml::events::Event;
use zip::ZipArchive;

use crate::ExchangeError;
use crate::grid::{Cell, Grid, Limits, column_letter, range_size};

/// The first bytes of a zip archive; an XLSX file is one.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file: the old binary `.xls`.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Whether the bytes look like an XLSX (zip) file.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC)
}

/// Checks the archive before anything decompresses it for real; returns the names of its
/// parts.
fn check_archive(bytes: &[u8], limits: &Limits) -> Result<Vec<String>, ExchangeError> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ExchangeError::Unreadable(
            "this is an old Excel 97-2003 (.xls) file, which is not read: save it as .xlsx or as CSV UTF-8"
                .into(),
        ));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ExchangeError::Unreadable(format!(
            "this is not an XLSX workbook (not a zip archive: {e})"
        ))
    })?;
    if archive.len() > limits.max_parts {
        return Err(ExchangeError::TooLarge(format!(
            "the workbook has {} parts; at most {} are read",
            archive.len(),
            limits.max_parts
        )));
    }
    let mut names = Vec::with_capacity(archive.len());
    let mut declared_total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|e| ExchangeError::Unreadable(format!("the workbook is damaged: {e}")))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let size = part.size();
        if size > limits.max_part_bytes {
            return Err(ExchangeError::TooLarge(format!(
                "the part {name} of the workbook declares {} uncompressed; at most {} per part are read (a damaged file or a zip bomb)",
                mb(size),
                mb(limits.max_part_bytes)
            )));
        }
        declared_total = declared_total.saturating_add(size);
        if declared_total > limits.max_total_bytes {
            return Err(ExchangeError::TooLarge(format!(
                "the workbook declares more than {} uncompressed; at most that is read",
                mb(limits.max_total_bytes)
            )));
        }
        names.push(name);
    }
    // A part may declare one size and inflate to another: inflate each, counting, and stop
    // at the limit rather than trusting the directory.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive
            .by_index(i)
            .map_err(|e| ExchangeError::Unreadable(format!("the workbook is damaged: {e}")))?;
        let name = names.get(i).cloned().unwrap_or_default();
        let mut bounded = part.take(limits.max_part_bytes + 1);
        let read = std::io::copy(&mut bounded, &mut std::io::sink())
            .map_err(|e| ExchangeError::Unreadable(format!("the part {name} is damaged: {e}")))?;
        if read > limits.max_part_bytes {
            return Err(ExchangeError::TooLarge(format!(
                "the part {name} inflates to more than {}; at most that is read per part",
                mb(limits.max_part_bytes)
            )));
        }
        total += read;
        if total > limits.max_total_bytes {
            return Err(ExchangeError::TooLarge(format!(
                "the workbook inflates to more than {}; at most that is read",
                mb(limits.max_total_bytes)
            )));
        }
    }
    Ok(names)
}

/// Whether a part is one of the workbook's worksheets (its `<dimension>` is checked).
fn is_worksheet(name: &str) -> bool {
    let lower = name.to_ascii_lowercase().replace('\\', "/");
    lower.contains("worksheets/") && lower.ends_with(".xml")
}

/// The largest number written in `text` (a run of ASCII digits), saturating; 0 if none.
///
/// Used on the raw attributes of `<sst>`: whatever attribute calamine's own tokenizer takes
/// for `uniqueCount`, its digits are one of these runs, so refusing the largest run covers a
/// malformed attribute list that a strict parser would read differently.
fn largest_number(text: &str) -> u64 {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| run.parse::<u64>().unwrap_or(u64::MAX))
        .max()
        .unwrap_or(0)
}

/// What one XML part declares, read with a real XML parser: prefixes (`<x:sst>`), comments
/// that mention `<sst`, CDATA and attribute order are understood as calamine (which uses
/// the same parser with the same settings) will understand them.
fn check_part(name: &str, part: impl Read, limits: &Limits) -> Result<(), ExchangeError> {
    let mut xml = XmlReader::from_reader(BufReader::new(part));
    // calamine's settings (xlsx::xml_reader): the same events, in the same places.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let worksheet = is_worksheet(name);
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        let element = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => continue,
            // calamine stops at the same place with an error of its own: nothing after it is
            // trusted by anyone. An image or other binary part ends here too.
            Err(_) => return Ok(()),
        };
        let local = element.local_name();
        let local = local.as_ref();
        if local.eq_ignore_ascii_case("sst") {
            let raw = element.attributes_raw().to_owned();
            let declared = largest_number(&raw);
            if declared > limits.max_cells {
                return Err(ExchangeError::TooLarge(format!(
                    "the workbook claims {declared} shared strings; at most {} cells are read (a damaged or crafted file)",
                    limits.max_cells
                )));
            }
        } else if worksheet
            && (local.eq_ignore_ascii_case("c") || local.eq_ignore_ascii_case("row"))
        {
            // calamine computes a reference's row and column in u32 without checking for
            // overflow: "AAAAAAAAA1" or a row of eleven digits would panic it. The largest
            // sheet any spreadsheet writes ends at XFD1048576.
            let reference = element
                .attributes()
                .with_checks(false)
                .flatten()
                .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case("r"))
                .map(|a| a.value.into_owned());
            if let Some(reference) = reference {
                let letters = reference
                    .bytes()
                    .take_while(u8::is_ascii_alphabetic)
                    .count();
                if letters > 3 || reference.len() - letters > 7 {
                    return Err(ExchangeError::Unreadable(format!(
                        "the worksheet {name} has a cell reference \"{}\" beyond any sheet",
                        reference.chars().take(40).collect::<String>()
                    )));
                }
            }
        } else if worksheet && local.eq_ignore_ascii_case("dimension") {
            let reference = element
                .attributes()
                .with_checks(false)
                .flatten()
                .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case("ref"))
                .map(|a| a.value.into_owned());
            let Some(reference) = reference else { continue };
            let Some((rows, columns)) = range_size(&reference) else {
                return Err(ExchangeError::Unreadable(format!(
                    "the worksheet {name} has a malformed dimension \"{reference}\""
                )));
            };
            if rows > u64::from(limits.max_rows)
                || columns > u64::from(limits.max_columns)
                || rows.saturating_mul(columns) > limits.max_cells
            {
                return Err(ExchangeError::TooLarge(format!(
                    "the worksheet {name} claims the range {reference} ({rows} rows × {columns} columns); at most {} rows, {} columns and {} cells are read. Copy the used cells into a new workbook and save it again",
                    limits.max_rows, limits.max_columns, limits.max_cells
                )));
            }
        }
    }
}

/// Refuses shared strings or worksheets that claim more than the limits, in every part of
/// the archive whatever its name (calamine finds parts through relationships and
/// case-insensitive names, so the name is not trusted either). Each part was already
/// checked to inflate within the limits.
fn check_declared_sizes(
    bytes: &[u8],
    parts: &[String],
    limits: &Limits,
) -> Result<(), ExchangeError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExchangeError::Unreadable(format!("the workbook is damaged: {e}")))?;
    for (i, name) in parts.iter().enumerate() {
        let part = archive
            .by_index(i)
            .map_err(|e| ExchangeError::Unreadable(format!("the part {name} is damaged: {e}")))?;
        check_part(name, part.take(limits.max_part_bytes), limits)?;
    }
    Ok(())
}

/// The names of the workbook's worksheets, in order; after the same checks as [`read`].
pub fn sheet_names(bytes: &[u8], limits: &Limits) -> Result<Vec<String>, ExchangeError> {
    unpanicked(|| {
        let workbook = open(bytes, limits)?;
        Ok(workbook.sheet_names())
    })
}

/// Runs a reading through calamine, turning a panic inside it into a refusal. The checks
/// above refuse what is known to panic it (an overflowing cell reference); this is the
/// last guard for what is not known yet: a file is refused, the app goes on.
fn unpanicked<T>(read: impl FnOnce() -> Result<T, ExchangeError>) -> Result<T, ExchangeError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ExchangeError::Unreadable(
            "the workbook is damaged in a way the spreadsheet reader cannot handle".into(),
        ))
    })
}

fn open<'b>(bytes: &'b [u8], limits: &Limits) -> Result<Xlsx<Cursor<&'b [u8]>>, ExchangeError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ExchangeError::TooLarge(format!(
            "the file is {}; at most {} are read",
            mb(size),
            mb(limits.max_file_bytes)
        )));
    }
    let parts = check_archive(bytes, limits)?;
    check_declared_sizes(bytes, &parts, limits)?;
    Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ExchangeError::Unreadable(format!("the workbook cannot be read: {e}")))
}

/// Reads one worksheet (`sheet`, or the first one) into a grid. Returns the sheet's name.
pub fn read(
    bytes: &[u8],
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<(String, Grid), ExchangeError> {
    unpanicked(|| read_checked(bytes, sheet, limits))
}

fn read_checked(
    bytes: &[u8],
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<(String, Grid), ExchangeError> {
    let mut workbook = open(bytes, limits)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                ExchangeError::Layout(format!(
                    "the workbook has no sheet \"{wanted}\"; its sheets are: {}",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| ExchangeError::Layout("the workbook has no worksheet".into()))?,
    };
    let mut reader = workbook.worksheet_cells_reader(&name).map_err(|e| {
        ExchangeError::Unreadable(format!("the sheet \"{name}\" cannot be read: {e}"))
    })?;
    let mut grid = Grid::default();
    let mut count: u64 = 0;
    loop {
        let cell = reader.next_cell().map_err(|e| {
            ExchangeError::Unreadable(format!("the sheet \"{name}\" is damaged: {e}"))
        })?;
        let Some(cell) = cell else { break };
        let (row, col) = cell.get_position();
        if row >= limits.max_rows || col >= limits.max_columns {
            return Err(ExchangeError::TooLarge(format!(
                "the sheet \"{name}\" has a cell at {}{}; at most {} rows and {} columns are read",
                column_letter(col),
                u64::from(row) + 1,
                limits.max_rows,
                limits.max_columns
            )));
        }
        count += 1;
        if count > limits.max_cells {
            return Err(ExchangeError::TooLarge(format!(
                "the sheet \"{name}\" has more than {} cells; at most that many are read",
                limits.max_cells
            )));
        }
        let value = match cell.get_value() {
            DataRef::String(s) => Some(Cell::Text(s.clone())),
            DataRef::SharedString(s) => Some(Cell::Text((*s).to_owned())),
            DataRef::Int(i) => Some(Cell::Number(*i as f64)),
            DataRef::Float(f) => Some(Cell::Number(*f)),
            DataRef::Bool(b) => Some(Cell::Bool(*b)),
            DataRef::DateTime(d) => d.as_datetime().map(Cell::DateTime),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(Cell::Text(s.clone())),
            DataRef::Error(_) | DataRef::Empty => None,
        };
        if let Some(value) = value {
            grid.insert(row, col, value);
        }
    }
    Ok((name, grid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_sheets() -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        for (name, value) in [("Ghi chú", "notes"), ("Đại biểu", "guests")] {
            let sheet = workbook.add_worksheet();
            let _ = sheet.set_name(name);
            let _ = sheet.write_string(0, 0, value);
        }
        workbook.save_to_buffer().unwrap_or_default()
    }

    #[test]
    fn a_sheet_is_chosen_by_name_and_an_unknown_one_lists_the_sheets() {
        let bytes = two_sheets();
        let limits = Limits::default();
        let first = read(&bytes, None, &limits).map(|(n, g)| (n, g.get(0, 0).cloned()));
        assert_eq!(
            first,
            Ok(("Ghi chú".into(), Some(Cell::Text("notes".into())))),
            "the first sheet by default"
        );
        let named = read(&bytes, Some("Đại biểu"), &limits).map(|(_, g)| g.get(0, 0).cloned());
        assert_eq!(named, Ok(Some(Cell::Text("guests".into()))));
        let missing = read(&bytes, Some("Guests"), &limits)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            missing.contains("no sheet \"Guests\"") && missing.contains("Ghi chú, Đại biểu"),
            "{missing}"
        );
    }

    /// Workbooks of 2 KB that declare 30 billion shared strings where a text search for
    /// `<sst` does not look (tests/fixtures/hostile/make.py writes them).
    const CRAFTED: [(&str, &[u8]); 3] = [
        (
            "behind a prefix",
            include_bytes!("../../../tests/fixtures/hostile/sst-prefix.xlsx"),
        ),
        (
            "after a comment",
            include_bytes!("../../../tests/fixtures/hostile/sst-after-comment.xlsx"),
        ),
        (
            "after 100 KB",
            include_bytes!("../../../tests/fixtures/hostile/sst-late.xlsx"),
        ),
    ];

    #[test]
    fn a_shared_string_count_is_found_wherever_the_xml_puts_it() {
        for (how, bytes) in CRAFTED {
            let refused = read(bytes, None, &Limits::default())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                refused.contains("30000000000 shared strings"),
                "{how}: {refused}"
            );
        }
    }

    #[test]
    fn the_same_workbooks_are_read_when_their_count_is_honest() {
        // The crafted files are otherwise whole: with the count made honest, they read.
        let bytes = rewrite_strings(CRAFTED[0].1, "30000000000", "4");
        let read = read(&bytes, None, &Limits::default()).map(|(_, g)| g.get(1, 0).cloned());
        assert_eq!(read, Ok(Some(Cell::Text("Nguyễn Văn An".into()))));
    }

    fn rewrite_strings(workbook: &[u8], from: &str, to: &str) -> Vec<u8> {
        use std::io::Write;
        let mut archive = ZipArchive::new(Cursor::new(workbook)).unwrap_or_else(|e| panic!("{e}"));
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let mut part = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
            let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
            let mut text = String::new();
            let _ = part.read_to_string(&mut text);
            let _ = out.start_file(name, zip::write::SimpleFileOptions::default());
            let _ = out.write_all(text.replace(from, to).as_bytes());
        }
        out.finish().map(|c| c.into_inner()).unwrap_or_default()
    }

    #[test]
    fn a_cell_reference_beyond_any_sheet_is_refused_not_a_panic() {
        // Found by the fuzzing: calamine's u32 arithmetic overflowed on such a reference.
        for (from, to) in [
            ("r=\"A2\"", "r=\"AAAAAAAAAAAAAAAA2\""),
            ("r=\"2\"", "r=\"99999999999\""),
        ] {
            let bytes =
                rewrite_strings(&rewrite_strings(CRAFTED[0].1, "30000000000", "4"), from, to);
            let refused = read(&bytes, None, &Limits::default())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(refused.contains("beyond any sheet"), "{to}: {refused}");
        }
    }
}
