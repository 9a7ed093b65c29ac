//! How results are printed: aligned tables for people, JSON for scripts.

use std::io::Write;

use desk_domain::{Delegation, Error, ErrorKind};
use serde::Serialize;

fn io_error(e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot write output: {e}"))
}

pub fn json<T: Serialize>(out: &mut dyn Write, value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(ErrorKind::Internal, format!("cannot write JSON: {e}")))?;
    writeln!(out, "{text}").map_err(io_error)
}

pub fn line(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    writeln!(out, "{text}").map_err(io_error)
}

/// A plain-text table; columns padded by characters, not bytes, so Vietnamese lines up.
pub fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> Result<(), Error> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let render = |cells: &mut dyn Iterator<Item = &str>| -> String {
        cells
            .zip(&widths)
            .map(|(cell, width)| {
                let pad = width.saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    writeln!(out, "{}", render(&mut header.iter().copied())).map_err(io_error)?;
    for row in rows {
        writeln!(out, "{}", render(&mut row.iter().map(String::as_str))).map_err(io_error)?;
    }
    Ok(())
}

pub fn delegation_table(out: &mut dyn Write, delegations: &[Delegation]) -> Result<(), Error> {
    if delegations.is_empty() {
        return line(out, "No delegations yet.");
    }
    let rows: Vec<Vec<String>> = delegations
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.direction.as_str().to_owned(),
                d.title.clone(),
                d.countries().join(","),
                d.starts_on.to_string(),
                d.ends_on.to_string(),
                d.status.as_str().to_owned(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "ID",
            "DIRECTION",
            "TITLE",
            "COUNTRY",
            "STARTS",
            "ENDS",
            "STATUS",
        ],
        &rows,
    )
}

/// What a spreadsheet import read, for the guest-list and history imports alike: where the
/// headers are, which column went to which field, and the reader's notes.
pub struct SheetRead<'a> {
    pub file_name: &'a str,
    /// The worksheet; empty for CSV.
    pub sheet: &'a str,
    pub header_row: u32,
    pub rows: usize,
    /// What a row is: "guest", "delegation".
    pub row_is: &'a str,
    /// Letter, header as written, field (none: not imported).
    pub columns: Vec<(String, String, Option<&'static str>)>,
    pub notes: &'a [String],
}

pub fn sheet_read(out: &mut dyn Write, read: SheetRead<'_>) -> Result<(), Error> {
    let place = if read.sheet.is_empty() {
        String::new()
    } else {
        format!(", sheet \"{}\"", read.sheet)
    };
    line(
        out,
        &format!(
            "{}{place}: headers on row {}, {} {} rows",
            read.file_name, read.header_row, read.rows, read.row_is
        ),
    )?;
    let columns: Vec<Vec<String>> = read
        .columns
        .into_iter()
        .map(|(letter, header, field)| vec![letter, header, field.unwrap_or("—").to_owned()])
        .collect();
    table(out, &["COL", "HEADER", "FIELD"], &columns)?;
    for note in read.notes {
        line(out, &format!("note: {note}"))?;
    }
    Ok(())
}

/// The problems of an import by row and column (row, column, kind, message), or that there
/// are none.
pub fn sheet_problems(out: &mut dyn Write, problems: Vec<Vec<String>>) -> Result<(), Error> {
    if problems.is_empty() {
        return line(out, "No problems found.");
    }
    line(out, &format!("Problems ({}):", problems.len()))?;
    table(out, &["ROW", "COL", "PROBLEM", "MESSAGE"], &problems)
}

/// Every country of a trip with its cities: "SG Singapore, MY Kuala Lumpur".
pub fn places(d: &Delegation) -> String {
    d.destinations()
        .iter()
        .map(|p| format!("{} {}", p.country, p.cities).trim_end().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}
