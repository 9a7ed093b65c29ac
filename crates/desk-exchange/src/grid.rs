//! A sheet as read: cells by position, whatever the file was (XLSX or CSV), and the limits
//! every reader enforces before and while it reads.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

/// What a reader may take in. A file past any limit is refused with a message naming the
/// limit, never read into memory first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Size of the file itself.
    pub max_file_bytes: u64,
    /// Uncompressed size of any one part of an XLSX file (a zip archive).
    pub max_part_bytes: u64,
    /// Uncompressed size of all parts together.
    pub max_total_bytes: u64,
    /// Parts in the archive.
    pub max_parts: usize,
    /// Rows of a sheet.
    pub max_rows: u32,
    /// Columns of a sheet.
    pub max_columns: u32,
    /// Cells of a sheet (rows × columns of its claimed dimension, or cells actually present).
    pub max_cells: u64,
}

impl Default for Limits {
    /// A guest list of a few hundred people is a few dozen kilobytes; these leave a hundred
    /// times that room and still refuse what would freeze a laptop.
    fn default() -> Self {
        Self {
            max_file_bytes: 10 * 1024 * 1024,
            max_part_bytes: 50 * 1024 * 1024,
            max_total_bytes: 100 * 1024 * 1024,
            max_parts: 1_000,
            max_rows: 10_000,
            max_columns: 200,
            max_cells: 200_000,
        }
    }
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A cell the spreadsheet formats as a date or time.
    DateTime(NaiveDateTime),
    Bool(bool),
}

impl Cell {
    /// The value as text, as a person reads it in the sheet: whole numbers without ".0"
    /// (passport and phone numbers are often stored as numbers).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::DateTime(d) => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.date().to_string()
                } else {
                    d.format("%Y-%m-%d %H:%M").to_string()
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(t) if t.trim().is_empty())
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Cells by 0-based (row, column); blank cells are not stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub cells: BTreeMap<(u32, u32), Cell>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.get(&(row, col))
    }

    /// Number of rows up to the last non-blank one.
    pub fn rows(&self) -> u32 {
        self.cells.keys().map(|(r, _)| r + 1).max().unwrap_or(0)
    }

    /// Number of columns up to the last non-blank one.
    pub fn columns(&self) -> u32 {
        self.cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0)
    }

    /// The non-blank cells of one row, by column.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Cell)> {
        self.cells
            .range((row, 0)..(row + 1, 0))
            .map(|((_, c), cell)| (*c, cell))
    }

    pub fn insert(&mut self, row: u32, col: u32, cell: Cell) {
        if !cell.is_blank() {
            self.cells.insert((row, col), cell);
        }
    }
}

/// The spreadsheet letter of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The 0-based column of a spreadsheet letter ("AA" → 26); `None` unless 1–3 letters A–Z.
pub fn column_index(letters: &str) -> Option<u32> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut n: u32 = 0;
    for c in letters.chars() {
        n = n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    Some(n - 1)
}

/// A cell reference "B7" or a range "A1:XFD1048576" as 0-based (rows, columns) it spans.
pub fn range_size(reference: &str) -> Option<(u64, u64)> {
    let cell = |r: &str| -> Option<(u64, u64)> {
        let split = r.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = r.split_at(split);
        let col = u64::from(column_index(letters)?);
        let row: u64 = digits.parse().ok()?;
        Some((row.checked_sub(1)?, col))
    };
    let (start, end) = match reference.split_once(':') {
        Some((a, b)) => (cell(a.trim())?, cell(b.trim())?),
        None => {
            let one = cell(reference.trim())?;
            (one, one)
        }
    };
    Some((end.0.abs_diff(start.0) + 1, end.1.abs_diff(start.1) + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_indexes_agree() {
        for (i, l) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (16383, "XFD")] {
            assert_eq!(column_letter(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("Họ"), None, "a header is not a column letter");
    }

    #[test]
    fn the_whole_sheet_is_a_million_rows_by_sixteen_thousand_columns() {
        assert_eq!(range_size("A1:XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(range_size("B3:H70"), Some((68, 7)));
        assert_eq!(range_size("A1"), Some((1, 1)));
    }

    #[test]
    fn numbers_read_as_people_see_them() {
        assert_eq!(Cell::Number(12345678.0).text(), "12345678");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
    }
}
