//! Rate tables as CSV, the form in which staff receive, check and edit a regulation in a
//! spreadsheet.
//!
//! # Layout
//! UTF-8 (a byte-order mark is allowed), comma separated, `"` quoting. Lines starting with `#`
//! are comments. The first other line is the header `kind,key,value,per_diem,accommodation`;
//! every row after it states one fact, by its `kind`:
//!
//! | kind      | key                        | value                               | per_diem | accommodation |
//! |-----------|----------------------------|-------------------------------------|----------|---------------|
//! | `table`   | `name`, `valid_from`, `currency` or `note` | the text, date (`YYYY-MM-DD`) or ISO 4217 code | | |
//! | `group`   | group code (`A`)           | the group's label                   |          |               |
//! | `country` | group code                 | ISO 3166-1 alpha-2, or `*` for every other country | | |
//! | `rate`    | group code                 | staff level (`leader`), or `*`      | per day  | per night     |
//! | `sponsor` | `sponsored` or `mixed`     | an expense category the sponsor pays for | |               |
//!
//! Amounts are major units of the table's currency with a dot for decimals (`70`, `62.50`).
//! Trailing empty columns may be left out. Several `note` rows make a note of several lines.
//!
//! # Refusals
//! A file is read whole or not at all: every problem is reported with its line number and
//! the reason (`line 14: Per diem: "7O" is not a number written like 1234.50`), as
//! violations of one validation error, and nothing is returned.

use std::collections::BTreeMap;

use desk_domain::{
    CountryGroupInput, Error, LevelRateInput, RateTable, RateTableInput, Rule, SponsorCoverInput,
    Violation,
};

/// The header every rate-table CSV starts with.
pub const HEADER: [&str; 5] = ["kind", "key", "value", "per_diem", "accommodation"];

/// Largest rate-table file read, in bytes (a full table is a few kilobytes).
pub const MAX_BYTES: usize = 1 << 20;

/// The field name of every violation of a CSV import; the line is in the message.
pub const FIELD: &str = "csv";

fn at_line(line: u64, rule: Rule, message: impl std::fmt::Display) -> Violation {
    Violation::new(FIELD, rule, format!("line {line}: {message}"))
}

/// Where each part of the input came from, to turn domain violations into line numbers.
#[derive(Default)]
struct Lines {
    fields: BTreeMap<String, u64>,
    groups: Vec<u64>,
    countries: Vec<Vec<u64>>,
    rates: Vec<u64>,
    sponsors: Vec<u64>,
    last: u64,
}

impl Lines {
    /// The line a domain field such as `rates[2].per_diem` came from.
    fn of(&self, field: &str) -> Option<u64> {
        let index = |s: &str, prefix: &str| -> Option<usize> {
            s.strip_prefix(prefix)?.split(']').next()?.parse().ok()
        };
        if let Some(i) = index(field, "groups[") {
            if let Some(rest) = field.split_once("].countries[").map(|(_, r)| r) {
                let j: usize = rest.split(']').next()?.parse().ok()?;
                return self.countries.get(i)?.get(j).copied();
            }
            return self.groups.get(i).copied();
        }
        if let Some(i) = index(field, "rates[") {
            return self.rates.get(i).copied();
        }
        if let Some(i) = index(field, "sponsor_covers[") {
            return self.sponsors.get(i).copied();
        }
        self.fields.get(field).copied()
    }
}

/// Reads a rate table from CSV bytes. Returns an input that passed every rule, or every
/// problem found, each with its line.
pub fn read(bytes: &[u8]) -> Result<RateTableInput, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::invalid(vec![Violation::new(
            FIELD,
            Rule::TooLarge,
            format!(
                "the file has {} bytes; a rate table is at most {MAX_BYTES}",
                bytes.len()
            ),
        )]));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(bytes);

    let mut problems: Vec<Violation> = Vec::new();
    let mut input = RateTableInput::default();
    let mut lines = Lines::default();
    let mut notes: Vec<String> = Vec::new();
    let mut header_seen = false;
    // Country rows may come before their group row; they are attached at the end.
    let mut countries: Vec<(u64, String, String)> = Vec::new();

    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(lines.last + 1);
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        "the text is not UTF-8; save the file as \"CSV UTF-8\"".to_owned()
                    }
                    _ => e.to_string(),
                };
                problems.push(at_line(line, Rule::InvalidFormat, reason));
                break;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        lines.last = line;
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if !header_seen {
            let found: Vec<String> = cells.iter().map(|c| c.to_ascii_lowercase()).collect();
            if found != HEADER {
                problems.push(at_line(
                    line,
                    Rule::InvalidFormat,
                    format!(
                        "the first row must be the header {}, not {}",
                        HEADER.join(","),
                        cells.join(",")
                    ),
                ));
                break;
            }
            header_seen = true;
            continue;
        }
        let cell = |i: usize| cells.get(i).copied().unwrap_or_default();
        let kind = cell(0).to_ascii_lowercase();
        let width = match kind.as_str() {
            "table" | "group" | "country" | "sponsor" => 3,
            "rate" => 5,
            _ => {
                problems.push(at_line(
                    line,
                    Rule::UnknownCode,
                    format!(
                        "kind must be table, group, country, rate or sponsor, not \"{}\"",
                        cell(0)
                    ),
                ));
                continue;
            }
        };
        let used = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if used > width {
            problems.push(at_line(
                line,
                Rule::InvalidFormat,
                format!(
                    "a {kind} row has {width} columns, this one has {used}; put text that \
                     contains commas in double quotes"
                ),
            ));
            continue;
        }
        let (key, value) = (cell(1), cell(2));
        let mut required = |what: &str, text: &str| {
            if text.is_empty() {
                problems.push(at_line(
                    line,
                    Rule::Required,
                    format!("a {kind} row needs its {what}"),
                ));
            }
        };
        match kind.as_str() {
            "table" => {
                let target = match key.to_ascii_lowercase().as_str() {
                    "name" => Some(("name", &mut input.name)),
                    "valid_from" => Some(("valid_from", &mut input.valid_from)),
                    "currency" => Some(("currency", &mut input.currency)),
                    "note" | "notes" => {
                        notes.push(value.to_owned());
                        lines.fields.entry("notes".into()).or_insert(line);
                        None
                    }
                    _ => {
                        problems.push(at_line(
                            line,
                            Rule::UnknownCode,
                            format!(
                                "a table row's key must be name, valid_from, currency or note, not \"{key}\""
                            ),
                        ));
                        None
                    }
                };
                if let Some((field, slot)) = target {
                    if lines.fields.contains_key(field) {
                        problems.push(at_line(
                            line,
                            Rule::Duplicate,
                            format!("the table's {field} is given twice"),
                        ));
                    }
                    *slot = value.to_owned();
                    lines.fields.insert(field.to_owned(), line);
                }
            }
            "group" => {
                required("code (column key)", key);
                input.groups.push(CountryGroupInput {
                    code: key.to_owned(),
                    label: value.to_owned(),
                    countries: Vec::new(),
                });
                lines.groups.push(line);
                lines.countries.push(Vec::new());
            }
            "country" => {
                required("group code (column key)", key);
                required("country code (column value)", value);
                countries.push((line, key.to_owned(), value.to_owned()));
            }
            "rate" => {
                required("group code (column key)", key);
                input.rates.push(LevelRateInput {
                    group: key.to_owned(),
                    level: value.to_owned(),
                    per_diem: cell(3).to_owned(),
                    accommodation: cell(4).to_owned(),
                });
                lines.rates.push(line);
            }
            _ => {
                input.sponsor_covers.push(SponsorCoverInput {
                    funding: key.to_owned(),
                    categories: vec![value.to_owned()],
                });
                lines.sponsors.push(line);
            }
        }
    }
    if !header_seen && problems.is_empty() {
        problems.push(at_line(
            1,
            Rule::Required,
            format!(
                "the file is empty: it needs the header {}",
                HEADER.join(",")
            ),
        ));
    }
    for (line, group, country) in countries {
        match input.groups.iter().position(|g| g.code == group) {
            Some(i) => {
                if let (Some(g), Some(l)) = (input.groups.get_mut(i), lines.countries.get_mut(i)) {
                    g.countries.push(country);
                    l.push(line);
                }
            }
            None if group.is_empty() => {}
            None => problems.push(at_line(
                line,
                Rule::UnknownRecord,
                format!(
                    "country {country} is put in group \"{group}\", which no group row defines"
                ),
            )),
        }
    }
    input.notes = notes.join("\n");
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }

    input.validate().map_err(|e| {
        let end = lines.last;
        Error::invalid(
            e.violations
                .into_iter()
                .map(|v| match lines.of(&v.field) {
                    Some(line) => at_line(line, v.rule, &v.message),
                    // A field the file never gave: `table,name` missing, no group at all.
                    None => Violation::new(
                        FIELD,
                        v.rule,
                        format!(
                            "after line {end} (end of file): {} (add a row for it)",
                            v.message
                        ),
                    ),
                })
                .collect(),
        )
    })?;
    Ok(input)
}

/// Writes a table in the layout [`read`] reads, with a comment saying what it is.
pub fn write(table: &RateTable) -> Result<String, Error> {
    let input = table.to_input();
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let mut row = |cells: &[&str]| {
            w.write_record(cells)
                .map_err(|e| Error::new(desk_domain::ErrorKind::Internal, e.to_string()))
        };
        row(&HEADER)?;
        row(&["table", "name", &input.name])?;
        row(&["table", "valid_from", &input.valid_from])?;
        row(&["table", "currency", &input.currency])?;
        for note in input.notes.lines() {
            row(&["table", "note", note])?;
        }
        for g in &input.groups {
            row(&["group", &g.code, &g.label])?;
            for c in &g.countries {
                row(&["country", &g.code, c])?;
            }
            for r in input.rates.iter().filter(|r| r.group == g.code) {
                row(&["rate", &g.code, &r.level, &r.per_diem, &r.accommodation])?;
            }
        }
        for s in &input.sponsor_covers {
            for c in &s.categories {
                row(&["sponsor", &s.funding, c])?;
            }
        }
        w.flush()
            .map_err(|e| Error::new(desk_domain::ErrorKind::Io, e.to_string()))?;
    }
    let body = String::from_utf8(out)
        .map_err(|e| Error::new(desk_domain::ErrorKind::Internal, e.to_string()))?;
    Ok(format!(
        "# Delegation Desk rate table: {} (valid from {}).\r\n\
         # Layout: kind,key,value,per_diem,accommodation; see assets/rates/README.md.\r\n{body}",
        table.name.replace(['\r', '\n'], " "),
        table.valid_from
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../../assets/rates/example-circular-102-2012.csv");

    fn lines_of(error: &Error) -> Vec<String> {
        error.violations.iter().map(|v| v.message.clone()).collect()
    }

    fn table(input: &RateTableInput) -> RateTable {
        let v = input.validate().unwrap_or_else(|e| panic!("{e}"));
        v.into_table("t".into(), String::new(), String::new())
    }

    #[test]
    fn the_shipped_example_reads_and_round_trips() {
        let input = read(EXAMPLE.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let t = table(&input);
        assert_eq!(t.currency, "USD");
        assert_eq!(t.groups.len(), 5);
        assert!(t.name.contains("VÍ DỤ"), "the example says it is one");
        let singapore = t.group_of("SG").map(|g| g.code.clone());
        assert_eq!(singapore.as_deref(), Some("B"));
        assert_eq!(t.rate("B", "leader").map(|r| r.per_diem), Some(7000));
        let again = read(write(&t).unwrap_or_default().as_bytes()).map(|i| table(&i));
        assert_eq!(
            again.map(|a| (a.groups, a.rates, a.sponsor_covers, a.notes)),
            Ok((t.groups, t.rates, t.sponsor_covers, t.notes)),
            "export then import gives the same table"
        );
    }

    #[test]
    fn a_bad_amount_is_reported_with_its_line() {
        let bad = EXAMPLE.replace("rate,B,leader,70,160", "rate,B,leader,7O,160");
        let line = bad
            .lines()
            .position(|l| l.starts_with("rate,B,leader"))
            .map(|i| i + 1)
            .unwrap_or_default();
        let error = read(bad.as_bytes()).err();
        let messages = error.as_ref().map(lines_of).unwrap_or_default();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with(&format!("line {line}: Per diem")),
            "{messages:?} names line {line}"
        );
        assert_eq!(
            error.map(|e| e.violations[0].rule),
            Some(Rule::InvalidAmount)
        );
    }

    #[test]
    fn structural_mistakes_are_named_by_line_and_reason() {
        let cases = [
            (
                "kind,key,value,per_diem,accommodation\ntable,name,X\ntable,valid_from,2012-07-01\ntable,currency,USD\ngroup,A,Lào, Campuchia\n",
                "line 5: a group row has 3 columns, this one has 4",
            ),
            (
                "kind,key,value\n",
                "line 1: the first row must be the header",
            ),
            ("# only a comment\n", "line 1: the file is empty"),
            (
                "kind,key,value,per_diem,accommodation\nrates,A,leader,1,2\n",
                "line 2: kind must be table, group, country, rate or sponsor",
            ),
            (
                "kind,key,value,per_diem,accommodation\ntable,name,X\ntable,valid_from,2012-07-01\ntable,currency,USD\ngroup,A,a\nrate,A,leader,1,2\ncountry,B,SG\n",
                "line 7: country SG is put in group \"B\"",
            ),
            (
                "kind,key,value,per_diem,accommodation\ntable,valid_from,2012-07-01\ntable,currency,USD\ngroup,A,a\ncountry,A,SG\nrate,A,leader,1,2\n",
                "after line 6 (end of file): Name must not be empty",
            ),
            (
                "kind,key,value,per_diem,accommodation\ntable,name,X\ntable,valid_from,1 July 2012\ntable,currency,USD\ngroup,A,a\ncountry,A,SG\nrate,A,leader,1,2\n",
                "line 3: Valid from must be a calendar date",
            ),
            (
                "kind,key,value,per_diem,accommodation\ntable,name,X\ntable,valid_from,2012-07-01\ntable,currency,USD\ngroup,A,a\ncountry,A,SGP\nrate,A,leader,1,2\nsponsor,mixed,hotel\n",
                "line 6: Country must be an ISO 3166-1 alpha-2 code",
            ),
        ];
        for (text, expected) in cases {
            let messages = read(text.as_bytes())
                .err()
                .as_ref()
                .map(lines_of)
                .unwrap_or_default();
            assert!(
                messages.first().is_some_and(|m| m.starts_with(expected)),
                "{text:?} should be refused with \"{expected}…\", got {messages:?}"
            );
        }
    }

    #[test]
    fn every_problem_of_a_file_is_reported_at_once() {
        let text = "kind,key,value,per_diem,accommodation\ntable,name,X\ntable,valid_from,2012-07-01\ntable,currency,USD\ngroup,A,a\ncountry,A,SG\nrate,A,leader,-1,2\nsponsor,mixed,hotel\n";
        let messages = read(text.as_bytes())
            .err()
            .as_ref()
            .map(lines_of)
            .unwrap_or_default();
        assert_eq!(
            messages,
            [
                "line 7: Per diem must not be negative",
                "line 8: Category must be one of airfare, accommodation, per_diem, visa, insurance, registration, local_transport, gifts, hosting, other, not \"hotel\""
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_ends_are_fine() {
        let text = format!("\u{FEFF}{}", EXAMPLE.replace('\n', "\r\n"));
        assert!(read(text.as_bytes()).is_ok());
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_line() {
        let mut bytes = b"kind,key,value,per_diem,accommodation\ntable,name,".to_vec();
        bytes.extend_from_slice(&[0xC0, 0xAF]);
        bytes.push(b'\n');
        let messages = read(&bytes)
            .err()
            .as_ref()
            .map(lines_of)
            .unwrap_or_default();
        assert!(
            messages
                .first()
                .is_some_and(|m| m.starts_with("line 2: the text is not UTF-8")),
            "{messages:?}"
        );
    }
}
