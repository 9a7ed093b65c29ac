//! Reading an XLSX workbook without trusting it.
//!
//! An XLSX file is a zip archive of XML parts. Before calamine sees a byte, this module
//! reads the archive's directory and refuses a part that claims (or turns out) to be larger
//! than the limits, a shared-string table that would make calamine reserve memory for
//! billions of strings, and a worksheet whose `<dimension>` claims more rows, columns or
//! cells than allowed. Then calamine streams the chosen sheet cell by cell, and any cell
//! beyond the limits stops the reading: a sheet that lies about its dimension (or gives
//! none) cannot make us build a grid of a million columns either.

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};
use zip::ZipArchive;

use crate::ExchangeError;
use crate::grid::{Cell, Grid, Limits, column_letter, range_size};

/// The first bytes of a zip archive; an XLSX file is one.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file: the old binary `.xls`.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
/// How much of a part's XML is read to find its declared sizes.
const HEAD_BYTES: u64 = 64 * 1024;

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

/// The first bytes of a part's XML, inflated.
fn part_head(bytes: &[u8], name: &str) -> Result<String, ExchangeError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExchangeError::Unreadable(format!("the workbook is damaged: {e}")))?;
    let part = archive
        .by_name(name)
        .map_err(|e| ExchangeError::Unreadable(format!("the part {name} is missing: {e}")))?;
    let mut head = Vec::new();
    part.take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(|e| ExchangeError::Unreadable(format!("the part {name} is damaged: {e}")))?;
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// The value of `attribute="…"` in the first element named `element` of `xml`.
fn attribute<'x>(xml: &'x str, element: &str, attribute: &str) -> Option<&'x str> {
    let start = xml.find(&format!("<{element}"))?;
    let rest = &xml[start..];
    let end = rest.find('>')?;
    let tag = &rest[..end];
    let key = format!("{attribute}=\"");
    let at = tag.find(&key)? + key.len();
    let value = &tag[at..];
    Some(&value[..value.find('"')?])
}

/// Refuses shared strings or worksheets that claim more than the limits.
fn check_declared_sizes(
    bytes: &[u8],
    parts: &[String],
    limits: &Limits,
) -> Result<(), ExchangeError> {
    for name in parts {
        if name.ends_with("sharedStrings.xml") {
            let head = part_head(bytes, name)?;
            for key in ["uniqueCount", "count"] {
                if let Some(count) = attribute(&head, "sst", key)
                    && count.parse::<u64>().map_or(true, |n| n > limits.max_cells)
                {
                    return Err(ExchangeError::TooLarge(format!(
                        "the workbook claims {count} shared strings; at most {} cells are read",
                        limits.max_cells
                    )));
                }
            }
        }
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            let head = part_head(bytes, name)?;
            if let Some(reference) = attribute(&head, "dimension", "ref") {
                let Some((rows, columns)) = range_size(reference) else {
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
    Ok(())
}

/// The names of the workbook's worksheets, in order; after the same checks as [`read`].
pub fn sheet_names(bytes: &[u8], limits: &Limits) -> Result<Vec<String>, ExchangeError> {
    let workbook = open(bytes, limits)?;
    Ok(workbook.sheet_names())
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
}
