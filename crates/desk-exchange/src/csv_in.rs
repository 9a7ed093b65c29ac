//! Reading a CSV (or tab-separated) file as partners save them: UTF-8 with or without a
//! byte-order mark, UTF-16 from Excel's "Unicode text", and `,`, `;` or tab between fields
//! (Excel in a Vietnamese or European locale writes `;`). The separator is sniffed from the
//! first lines.

use crate::ExchangeError;
use crate::grid::{Cell, Grid, Limits};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of the file, or why it cannot be read as text.
pub fn decode(bytes: &[u8]) -> Result<String, ExchangeError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest);
    }
    let utf16 = |le: bool, rest: &[u8]| -> Result<String, ExchangeError> {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units)
            .map_err(|_| ExchangeError::Unreadable("the file says it is UTF-16 but is not".into()))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, ExchangeError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        ExchangeError::Unreadable(format!(
            "line {line} of the file is not UTF-8 text (probably saved in a legacy code page, which garbles Vietnamese): save it as \"CSV UTF-8\""
        ))
    })
}

/// The separator used in the first lines: the candidate that splits the most lines into the
/// same number (greater than one) of fields, counting only outside quotes.
pub fn sniff_separator(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let count = |line: &str, sep: char| {
        let mut quoted = false;
        let mut n = 0;
        for c in line.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if c == sep && !quoted {
                n += 1;
            }
        }
        n
    };
    let mut best = (b',', 0usize, 0usize);
    for sep in [',', ';', '\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count(l, sep)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        // Lines that have the most common non-zero count of separators.
        let mut common = 0;
        let mut agreeing = 0;
        for &c in counts.iter().filter(|c| **c > 0) {
            let n = counts.iter().filter(|x| **x == c).count();
            if n > agreeing {
                agreeing = n;
                common = c;
            }
        }
        if (agreeing, common) > (best.1, best.2) {
            best = (sep as u8, agreeing, common);
        }
    }
    best.0
}

/// Reads a CSV file into a grid; every value is text.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Grid, ExchangeError> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(ExchangeError::TooLarge(format!(
            "the file is {:.1} MB; at most {:.1} MB are read",
            size as f64 / 1e6,
            limits.max_file_bytes as f64 / 1e6
        )));
    }
    let text = decode(bytes)?;
    let separator = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut cells: u64 = 0;
    // Rows are numbered as a spreadsheet shows the file: the csv reader skips blank lines,
    // but a spreadsheet shows each as an empty row, so a problem named "row 5" must count
    // them. A record's position is where the reader began looking for it, before the blank
    // lines it skipped; a value quoted over several lines stays one row.
    let mut next_row = 0u64;
    for record in reader.records() {
        let record = record
            .map_err(|e| ExchangeError::Unreadable(format!("the CSV file cannot be read: {e}")))?;
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        // After a "\r\n" line end the position may stand on its "\n": that is not a blank line.
        if start > 0
            && text.as_bytes().get(start - 1) == Some(&b'\r')
            && text.as_bytes().get(start) == Some(&b'\n')
        {
            start += 1;
        }
        let blank = text
            .get(start..)
            .unwrap_or_default()
            .bytes()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .filter(|b| *b == b'\n')
            .count() as u64;
        let row = next_row + blank;
        next_row = row + 1;
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        if row >= limits.max_rows {
            return Err(ExchangeError::TooLarge(format!(
                "the file has more than {} rows; at most that many are read",
                limits.max_rows
            )));
        }
        if record.len() > limits.max_columns as usize {
            return Err(ExchangeError::TooLarge(format!(
                "row {} has {} columns; at most {} are read",
                row + 1,
                record.len(),
                limits.max_columns
            )));
        }
        for (col, value) in record.iter().enumerate() {
            cells += 1;
            if cells > limits.max_cells {
                return Err(ExchangeError::TooLarge(format!(
                    "the file has more than {} cells; at most that many are read",
                    limits.max_cells
                )));
            }
            grid.insert(row, col as u32, Cell::Text(value.to_owned()));
        }
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_are_sniffed_even_with_commas_inside_quotes() {
        let text = "Họ và tên;Cơ quan\n\"Trần, Mỹ Dung\";Thư viện\nA;B\n";
        assert_eq!(sniff_separator(text), b';');
        assert_eq!(sniff_separator("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_separator("a\tb\n1\t2\n"), b'\t');
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        // Blank lines are rows of their own; a value over two lines is one row.
        let text = "Title\n\nName;Members\n\"Tan\";\"A;\nB\"\n\nLee;C\n";
        let grid = read(text.as_bytes(), &Limits::default()).unwrap_or_default();
        assert_eq!(grid.get(2, 0), Some(&Cell::Text("Name".into())));
        assert_eq!(grid.get(3, 1), Some(&Cell::Text("A;\nB".into())));
        assert_eq!(grid.get(5, 0), Some(&Cell::Text("Lee".into())));
        // The same with Windows line ends.
        let grid =
            read(text.replace('\n', "\r\n").as_bytes(), &Limits::default()).unwrap_or_default();
        assert_eq!(grid.get(2, 0), Some(&Cell::Text("Name".into())));
        assert_eq!(grid.get(5, 0), Some(&Cell::Text("Lee".into())));
    }

    #[test]
    fn a_bom_is_dropped_and_legacy_code_pages_are_refused_by_line() {
        let grid = read(
            "\u{feff}Name;Country\nSomchai;TH\n".as_bytes(),
            &Limits::default(),
        );
        let grid = grid.unwrap_or_default();
        assert_eq!(
            grid.get(0, 0),
            Some(&Cell::Text("Name".into())),
            "no BOM in the first header"
        );
        let error = read(b"Name\nTr\xe0n\n", &Limits::default()).err();
        assert!(
            error.is_some_and(|e| e.to_string().contains("line 2")),
            "the line with the bad byte is named"
        );
    }
}
