//! The office's own summary of past delegations, one row a delegation: title rows above the
//! header, Vietnamese or English headers, dates typed three ways (a date cell, "27/11/2017",
//! or both dates in one cell "12–16/5/2016"), the members in one cell, one or two countries
//! in a cell, and sections ("I. ĐOÀN RA") instead of a direction column. The result is a
//! [`HistorySheet`]: every row read, with the problems that can be seen without the
//! database, each named by row and column.
//!
//! The same reader as guest lists (size limits, header search, synonyms folded without
//! diacritics), with the history's own fields.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use desk_domain::history::{
    HistoryColumn, HistoryField, HistoryMapping, HistoryProblemKind, HistoryRow, HistorySheet,
    HistoryTrip, loose_key, parse_direction, parse_funding, parse_members,
};
use desk_domain::hosting::MappedBy;
use desk_domain::{Direction, country_names, text};

use crate::ExchangeError;
use crate::grid::{Cell, Grid, Limits, column_index, column_letter};
use crate::guests::{DATE_HINT, day_order, fold, header_forms, mapping_from_json, read_grid};
use crate::values::{DayOrder, cell_date, parse_date};

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: u32 = 30;

/// Known headers of each field, folded (lower case, no diacritics, punctuation as spaces).
const SYNONYMS: &[(HistoryField, &[&str])] = &[
    (
        HistoryField::Direction,
        &[
            "doan ra doan vao",
            "doan ra vao",
            "ra vao",
            "loai doan",
            "direction",
            "type",
            "in out",
            "out in",
        ],
    ),
    (
        HistoryField::Title,
        &[
            "ten doan",
            "doan",
            "noi dung",
            "noi dung doan",
            "ten doan noi dung",
            "title",
            "delegation",
            "delegation title",
            "mission",
            "name of delegation",
        ],
    ),
    (
        HistoryField::Purpose,
        &[
            "muc dich",
            "muc dich chuyen di",
            "noi dung lam viec",
            "purpose",
            "objective",
            "objectives",
        ],
    ),
    (
        HistoryField::Country,
        &[
            "quoc gia",
            "nuoc",
            "nuoc den",
            "nuoc den tham",
            "quoc gia den",
            "country",
            "countries",
            "destination",
            "destination country",
        ],
    ),
    (
        HistoryField::Cities,
        &[
            "thanh pho",
            "dia diem",
            "city",
            "cities",
            "place",
            "location",
        ],
    ),
    (
        HistoryField::StartsOn,
        &[
            "tu ngay",
            "ngay di",
            "ngay bat dau",
            "ngay den",
            "from",
            "start",
            "start date",
            "from date",
            "date from",
        ],
    ),
    (
        HistoryField::EndsOn,
        &[
            "den ngay",
            "ngay ve",
            "ngay ket thuc",
            "to",
            "end",
            "end date",
            "to date",
            "date to",
            "until",
        ],
    ),
    (
        HistoryField::Period,
        &[
            "thoi gian",
            "thoi gian di",
            "ngay thang",
            "period",
            "dates",
            "date",
            "time",
        ],
    ),
    (
        HistoryField::Members,
        &[
            "thanh phan doan",
            "thanh phan",
            "thanh vien",
            "thanh vien doan",
            "can bo tham gia",
            "members",
            "participants",
            "delegation members",
            "composition",
        ],
    ),
    (
        HistoryField::Partner,
        &[
            "co quan doi tac",
            "doi tac",
            "co quan moi",
            "don vi doi tac",
            "partner",
            "partners",
            "partner organisation",
            "partner organization",
            "host",
            "host organisation",
            "host organization",
        ],
    ),
    (
        HistoryField::Funding,
        &[
            "kinh phi",
            "nguon kinh phi",
            "funding",
            "funded by",
            "source of funds",
            "budget",
        ],
    ),
    (
        HistoryField::DecisionNumber,
        &[
            "so qd",
            "so quyet dinh",
            "quyet dinh",
            "qd",
            "decision",
            "decision no",
            "decision number",
        ],
    ),
    (
        HistoryField::Notes,
        &["ghi chu", "notes", "note", "remarks", "comments"],
    ),
];

/// The field a header names, by the built-in synonyms.
pub fn recognise(header: &str) -> Option<HistoryField> {
    header_forms(header).iter().find_map(|form| {
        SYNONYMS
            .iter()
            .find(|(_, names)| names.contains(&form.as_str()))
            .map(|(field, _)| *field)
    })
}

/// Parses a mapping file: `{"columns": {"Nội dung chính": "title", "F": "members"},
/// "header_row": 4}`, or just the `columns` object.
pub fn parse_mapping(json: &str) -> Result<HistoryMapping, ExchangeError> {
    let names: Vec<&str> = HistoryField::ALL.iter().map(|f| f.as_str()).collect();
    mapping_from_json(json, &names)
}

/// What a history reader may take in: the guest list's limits, with room for an office's
/// twenty years (50,000 delegations, each a row of a dozen cells).
pub fn history_limits() -> Limits {
    Limits {
        max_file_bytes: 32 * 1024 * 1024,
        max_rows: 60_000,
        max_cells: 1_200_000,
        ..Limits::default()
    }
}

/// What to read and how.
#[derive(Debug, Clone, Default)]
pub struct HistoryOptions {
    /// The worksheet of an XLSX file; the first when `None`.
    pub sheet: Option<String>,
    /// A mapping given for this import; it wins over the headers.
    pub mapping: Option<HistoryMapping>,
    pub limits: Limits,
}

/// Reads the office's history from a file's bytes (XLSX or CSV, told apart by content).
pub fn read_history(
    file_name: &str,
    bytes: &[u8],
    options: &HistoryOptions,
) -> Result<HistorySheet, ExchangeError> {
    let (sheet_name, grid) =
        read_grid(file_name, bytes, options.sheet.as_deref(), &options.limits)?;
    from_grid(file_name, &sheet_name, &grid, options)
}

fn field_for(
    options: &HistoryOptions,
    header: &str,
    letter: &str,
) -> Option<(HistoryField, MappedBy)> {
    let folded = fold(header);
    let is_key = |key: &str| {
        (!folded.is_empty() && fold(key) == folded)
            || (column_index(key).is_some() && key.trim().eq_ignore_ascii_case(letter))
    };
    if let Some(mapping) = &options.mapping {
        if mapping.ignore.iter().any(|k| is_key(k)) {
            return None;
        }
        if let Some((_, field)) = mapping.columns.iter().find(|(k, _)| is_key(k)) {
            return Some((*field, MappedBy::Mapping));
        }
    }
    recognise(header).map(|f| (f, MappedBy::Header))
}

/// The 0-based header row: the given one, or the row among the first ones that names the
/// most known columns (at least three, among them a title or a date).
fn header_row(grid: &Grid, options: &HistoryOptions) -> Result<u32, ExchangeError> {
    if let Some(row) = options.mapping.as_ref().and_then(|m| m.header_row) {
        if row == 0 || row > grid.rows() {
            return Err(ExchangeError::Mapping(format!(
                "the mapping puts the headers on row {row}, but the sheet has {} rows",
                grid.rows()
            )));
        }
        return Ok(row - 1);
    }
    let mut best: Option<(usize, u32)> = None;
    for row in 0..grid.rows().min(HEADER_SEARCH_ROWS) {
        let fields: Vec<HistoryField> = grid
            .row(row)
            .filter_map(|(col, cell)| {
                field_for(options, &cell.text(), &column_letter(col)).map(|(f, _)| f)
            })
            .collect();
        let anchored = fields.iter().any(|f| {
            matches!(
                f,
                HistoryField::Title | HistoryField::StartsOn | HistoryField::Period
            )
        });
        if fields.len() >= 3 && anchored && best.is_none_or(|(s, _)| fields.len() > s) {
            best = Some((fields.len(), row));
        }
    }
    best.map(|(_, row)| row).ok_or_else(|| {
        ExchangeError::Layout(format!(
            "no header row found: none of the first {HEADER_SEARCH_ROWS} rows names three known columns, one of them the delegation or its dates (Tên đoàn / Title, Từ ngày / From, Quốc gia / Country...). Give a mapping file that says which column holds what"
        ))
    })
}

/// Builds the sheet from a grid.
pub fn from_grid(
    file_name: &str,
    sheet_name: &str,
    grid: &Grid,
    options: &HistoryOptions,
) -> Result<HistorySheet, ExchangeError> {
    let header = header_row(grid, options)?;
    let mut sheet = HistorySheet {
        file_name: file_name.to_owned(),
        sheet: sheet_name.to_owned(),
        header_row: header + 1,
        ..HistorySheet::default()
    };
    let mut columns: BTreeMap<u32, String> =
        grid.row(header).map(|(c, cell)| (c, cell.text())).collect();
    if let Some(mapping) = &options.mapping {
        for key in mapping.columns.keys() {
            if let Some(col) = column_index(key) {
                columns.entry(col).or_default();
            }
        }
    }
    // When two columns claim a field, a mapping beats a header, then the leftmost wins.
    let mut taken: HashMap<HistoryField, (u8, u32)> = HashMap::new();
    let claims: Vec<Option<(HistoryField, MappedBy)>> = columns
        .iter()
        .map(|(col, h)| field_for(options, h, &column_letter(*col)))
        .collect();
    for ((col, _), claim) in columns.iter().zip(&claims) {
        if let Some((field, by)) = claim {
            let mine = (u8::from(*by != MappedBy::Mapping), *col);
            taken
                .entry(*field)
                .and_modify(|best| *best = (*best).min(mine))
                .or_insert(mine);
        }
    }
    for ((col, header_text), claim) in columns.iter().zip(claims) {
        let letter = column_letter(*col);
        let claim = claim.filter(|(field, _)| taken.get(field).is_some_and(|(_, c)| c == col));
        if claim.is_none() && !header_text.trim().is_empty() {
            sheet
                .notes
                .push(format!("column {letter} \"{header_text}\" is not imported"));
        }
        sheet.columns.push(HistoryColumn {
            column: letter,
            header: header_text.clone(),
            field: claim.map(|(f, _)| f),
            mapped_by: claim.map(|(_, by)| by),
        });
    }
    let field_cols: BTreeMap<HistoryField, u32> = sheet
        .columns
        .iter()
        .filter_map(|c| Some((c.field?, column_index(&c.column)?)))
        .collect();
    let orders: BTreeMap<HistoryField, DayOrder> = field_cols
        .iter()
        .filter(|(f, _)| {
            matches!(
                f,
                HistoryField::StartsOn | HistoryField::EndsOn | HistoryField::Period
            )
        })
        .map(|(f, c)| (*f, day_order(grid, *c, header + 1)))
        .collect();

    let mut section: Option<Direction> = None;
    for r in (header + 1)..grid.rows() {
        let filled: Vec<(u32, &Cell)> = grid.row(r).collect();
        if filled.is_empty() {
            continue;
        }
        // A section row ("I. ĐOÀN RA", "B. Incoming delegations"): one cell of text that
        // names a direction, nothing else.
        if let [(_, cell)] = filled.as_slice()
            && let Some(direction) = section_direction(&cell.text())
        {
            section = Some(direction);
            continue;
        }
        let cells: BTreeMap<HistoryField, &Cell> = field_cols
            .iter()
            .filter_map(|(f, c)| grid.get(r, *c).map(|cell| (*f, cell)))
            .collect();
        // A row with nothing but its number ("STT") or a note in an unmapped column.
        let substantive = cells
            .keys()
            .any(|f| !matches!(f, HistoryField::Notes | HistoryField::Direction));
        if !substantive {
            let stray: Vec<String> = filled.iter().map(|(_, c)| c.text()).collect();
            sheet.notes.push(format!(
                "row {} has no delegation in it (\"{}\"); it was left out",
                r + 1,
                stray.join(" ").chars().take(60).collect::<String>()
            ));
            continue;
        }
        let row = read_row(&sheet, r + 1, &cells, &orders, section);
        sheet.rows.push(row);
    }
    mark_repeated_rows(&mut sheet);
    Ok(sheet)
}

/// The direction a section heading names, if it is one.
fn section_direction(written: &str) -> Option<Direction> {
    let folded = loose_key(written);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    if words.len() > 8 {
        return None;
    }
    if has("doan", "ra") || words.contains(&"outgoing") {
        Some(Direction::Outgoing)
    } else if has("doan", "vao") || words.contains(&"incoming") {
        Some(Direction::Incoming)
    } else {
        None
    }
}

/// A cell's text, cleaned, with our own CSV export's formula guard taken off.
fn cell_text(cell: Option<&&Cell>) -> String {
    cell.map(|c| {
        let raw = c.text();
        let raw = match raw.strip_prefix('\'') {
            Some(rest) if crate::out::looks_like_formula(rest) => rest.to_owned(),
            _ => raw,
        };
        text::clean_multiline(&raw)
    })
    .unwrap_or_default()
}

fn read_row(
    sheet: &HistorySheet,
    row: u32,
    cells: &BTreeMap<HistoryField, &Cell>,
    orders: &BTreeMap<HistoryField, DayOrder>,
    section: Option<Direction>,
) -> HistoryRow {
    let mut problems = Vec::new();
    let mut problem = |field: HistoryField, kind: HistoryProblemKind, what: String| {
        problems.push(sheet.problem(row, Some(field), kind, &what));
    };
    let line = |f: HistoryField| text::clean(&cell_text(cells.get(&f)));

    let direction_text = line(HistoryField::Direction);
    let direction = if direction_text.is_empty() {
        section
    } else {
        parse_direction(&direction_text)
    };
    if direction.is_none() {
        let what = if direction_text.is_empty() {
            "the direction is not given: add a column Đoàn ra/vào (Ra or Vào), or put the row under a section ĐOÀN RA or ĐOÀN VÀO".to_owned()
        } else {
            format!(
                "\"{direction_text}\" is not a direction: write Ra (đoàn ra, outgoing) or Vào (đoàn vào, incoming)"
            )
        };
        problem(HistoryField::Direction, HistoryProblemKind::BadValue, what);
    }

    let title = line(HistoryField::Title);
    if title.is_empty() {
        problem(
            HistoryField::Title,
            HistoryProblemKind::MissingTitle,
            "the delegation has no title".to_owned(),
        );
    }

    let mut countries: Vec<String> = Vec::new();
    let country_text = line(HistoryField::Country);
    for part in country_text
        .split([',', ';', '/', '\n', '+'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match country_names::from_name(part) {
            Some(code) if !countries.iter().any(|c| c == code) => countries.push(code.to_owned()),
            Some(_) => {}
            None => problem(
                HistoryField::Country,
                HistoryProblemKind::UnknownCountry,
                format!(
                    "\"{part}\" is not a country we know: write a name such as Singapore or Xin-ga-po, or a code such as SG"
                ),
            ),
        }
    }
    if country_text.is_empty() {
        problem(
            HistoryField::Country,
            HistoryProblemKind::UnknownCountry,
            "no country is given".to_owned(),
        );
    }

    let order = |f: HistoryField| orders.get(&f).copied().unwrap_or(DayOrder::DayFirst);
    let mut date = |f: HistoryField| -> Option<NaiveDate> {
        let cell = cells.get(&f)?;
        let found = cell_date(cell, order(f)).map(|(d, _)| d);
        if found.is_none() {
            problems.push(sheet.problem(
                row,
                Some(f),
                HistoryProblemKind::BadDate,
                &format!("\"{}\" is not a date: {DATE_HINT}", cell.text().trim()),
            ));
        }
        found
    };
    let mut starts_on = date(HistoryField::StartsOn);
    let mut ends_on = date(HistoryField::EndsOn);
    if starts_on.is_none()
        && !cells.contains_key(&HistoryField::StartsOn)
        && let Some(cell) = cells.get(&HistoryField::Period)
    {
        match period(cell, order(HistoryField::Period)) {
            Some((from, to)) => {
                starts_on = Some(from);
                ends_on = ends_on.or(Some(to));
            }
            None => problems.push(sheet.problem(
                row,
                Some(HistoryField::Period),
                HistoryProblemKind::BadDate,
                &format!(
                    "\"{}\" is not a date or a period: write 12/5/2016, 12-16/5/2016 or 28/11/2017 - 2/12/2017",
                    cell.text().trim()
                ),
            )),
        }
    }
    let date_problem = problems
        .iter()
        .any(|p| p.kind == HistoryProblemKind::BadDate);
    if starts_on.is_none() && !date_problem {
        problems.push(sheet.problem(
            row,
            Some(HistoryField::StartsOn),
            HistoryProblemKind::MissingStart,
            "the start date is missing",
        ));
    }
    // A one-day visit often has no end date written.
    if ends_on.is_none() && !cells.contains_key(&HistoryField::EndsOn) {
        ends_on = starts_on;
    }
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        problems.push(sheet.problem(
            row,
            Some(HistoryField::EndsOn),
            HistoryProblemKind::EndBeforeStart,
            &format!("the end date {e} is before the start date {s}"),
        ));
    }

    let funding_text = line(HistoryField::Funding);
    let funding = if funding_text.is_empty() {
        None
    } else {
        let found = parse_funding(&funding_text);
        if found.is_none() {
            problems.push(sheet.problem(
                row,
                Some(HistoryField::Funding),
                HistoryProblemKind::BadValue,
                &format!("\"{funding_text}\" is not a kind of funding: write NSNN (state budget), Tài trợ (sponsored) or both"),
            ));
        }
        found
    };

    let partners = cell_text(cells.get(&HistoryField::Partner))
        .split([';', '\n'])
        .map(text::clean)
        .filter(|p| !p.is_empty())
        .collect();
    HistoryRow {
        row,
        trip: HistoryTrip {
            direction,
            title,
            purpose: cell_text(cells.get(&HistoryField::Purpose)),
            countries,
            cities: line(HistoryField::Cities),
            starts_on,
            ends_on,
            members: parse_members(&cell_text(cells.get(&HistoryField::Members))),
            partners,
            funding,
            decision_number: line(HistoryField::DecisionNumber),
            notes: cell_text(cells.get(&HistoryField::Notes)),
        },
        problems,
        already_recorded: None,
        possible_matches: Vec::new(),
    }
}

/// Both dates of a period cell: "12/5/2016", "12-16/5/2016", "12/5 - 16/5/2016",
/// "28/11-2/12/2017", "28/11/2017 - 2/12/2017", or a date cell (one day).
fn period(cell: &Cell, order: DayOrder) -> Option<(NaiveDate, NaiveDate)> {
    let Cell::Text(written) = cell else {
        return cell_date(cell, order).map(|(day, _)| (day, day));
    };
    let written = written.replace(['–', '—'], "-");
    let written = written.trim();
    // Split at each dash in turn: the right side must be a whole date, the left side a
    // whole date, a day and month, or a day (the rest taken from the right side).
    for (at, _) in written.match_indices('-') {
        let (left, right) = (written[..at].trim(), written[at + 1..].trim());
        let Some(to) = parse_date(right, order) else {
            continue;
        };
        let from = parse_date(left, order).or_else(|| {
            let numbers: Vec<u32> = left
                .split(['/', '.'])
                .map(|p| p.trim().parse().ok())
                .collect::<Option<_>>()?;
            match numbers.as_slice() {
                [d] => NaiveDate::from_ymd_opt(to.year(), to.month(), *d),
                [a, b] => {
                    let (d, m) = match order {
                        DayOrder::DayFirst => (*a, *b),
                        DayOrder::MonthFirst => (*b, *a),
                    };
                    // "28/12 - 3/1/2018": the start is in the year before.
                    let year = if m > to.month() {
                        to.year() - 1
                    } else {
                        to.year()
                    };
                    NaiveDate::from_ymd_opt(year, m, d)
                }
                _ => None,
            }
        })?;
        return Some((from, to));
    }
    cell_date(cell, order).map(|(day, _)| (day, day))
}

/// A row repeated in the file (same direction, dates, countries and title) is a problem
/// on the later copy.
fn mark_repeated_rows(sheet: &mut HistorySheet) {
    /// Direction, start, countries and folded title.
    type TripKey = (Option<Direction>, Option<NaiveDate>, Vec<String>, String);
    let mut seen: HashMap<TripKey, u32> = HashMap::new();
    let mut found = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate() {
        let t = &row.trip;
        if t.title.is_empty() || t.starts_on.is_none() {
            continue;
        }
        let key = (
            t.direction,
            t.starts_on,
            t.countries.clone(),
            loose_key(&t.title),
        );
        match seen.get(&key) {
            Some(first) => found.push((
                i,
                sheet.problem(
                    row.row,
                    None,
                    HistoryProblemKind::DuplicateInFile,
                    &format!("the same delegation is on row {first}"),
                ),
            )),
            None => {
                seen.insert(key, row.row);
            }
        }
    }
    for (i, problem) in found {
        sheet.rows[i].problems.push(problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn periods_are_read_in_the_ways_offices_write_them() {
        let t = |s: &str| period(&Cell::Text(s.into()), DayOrder::DayFirst);
        assert_eq!(t("12-16/5/2016"), d("2016-05-12").zip(d("2016-05-16")));
        assert_eq!(t("12/5 - 16/5/2016"), d("2016-05-12").zip(d("2016-05-16")));
        assert_eq!(t("28/11-2/12/2017"), d("2017-11-28").zip(d("2017-12-02")));
        assert_eq!(
            t("28/12/2017 – 3/1/2018"),
            d("2017-12-28").zip(d("2018-01-03"))
        );
        assert_eq!(t("28/12 - 3/1/2018"), d("2017-12-28").zip(d("2018-01-03")));
        assert_eq!(t("2016-05-12"), d("2016-05-12").zip(d("2016-05-12")));
        assert_eq!(t("tháng 5"), None);
    }

    #[test]
    fn an_offices_twenty_years_fit_where_a_guest_list_would_not() {
        let mut csv = String::from("Đoàn ra/vào,Tên đoàn,Quốc gia,Từ ngày\n");
        for n in 0..12_000 {
            csv.push_str(&format!("Ra,Đoàn {n},SG,01/0{}/2020\n", 1 + n % 9));
        }
        let options = HistoryOptions {
            limits: history_limits(),
            ..HistoryOptions::default()
        };
        let sheet = read_history("history.csv", csv.as_bytes(), &options);
        assert_eq!(sheet.map(|s| s.rows.len()).ok(), Some(12_000));
        let guest_limits = HistoryOptions::default();
        assert!(read_history("history.csv", csv.as_bytes(), &guest_limits).is_err());
    }

    #[test]
    fn section_headings_give_the_direction() {
        assert_eq!(section_direction("I. ĐOÀN RA"), Some(Direction::Outgoing));
        assert_eq!(section_direction("B. Đoàn vào"), Some(Direction::Incoming));
        assert_eq!(
            section_direction("Incoming delegations"),
            Some(Direction::Incoming)
        );
        assert_eq!(section_direction("Hội thảo tại Hà Nội"), None);
    }

    #[test]
    fn headers_are_recognised_in_both_languages() {
        assert_eq!(recognise("Tên đoàn"), Some(HistoryField::Title));
        assert_eq!(recognise("Thành phần đoàn"), Some(HistoryField::Members));
        assert_eq!(recognise("Từ ngày"), Some(HistoryField::StartsOn));
        assert_eq!(recognise("Quốc gia / Country"), Some(HistoryField::Country));
        assert_eq!(recognise("Số QĐ"), Some(HistoryField::DecisionNumber));
        assert_eq!(recognise("STT"), None);
    }
}
