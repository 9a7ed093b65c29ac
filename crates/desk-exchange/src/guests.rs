//! Guest lists as partners send them: the header row anywhere in the first rows, columns in
//! any order, headers in English or Vietnamese (or both, "Họ và tên / Full name"), dates
//! as text or serial numbers. The result is a [`GuestSheet`]: every row read, with the
//! problems that can be seen without the database, each named by row and column.

use std::collections::BTreeMap;

use desk_domain::hosting::{
    FlightInput, GuestField, GuestInput, GuestMapping, GuestRow, GuestSheet, MappedBy, ProblemKind,
    SheetColumn, mark_duplicates_in_file, name_order_for,
};
use desk_domain::person::NameOrder;
use desk_domain::{PersonInput, country_names, text};

use crate::ExchangeError;
use crate::grid::{Cell, Grid, Limits, column_index, column_letter};
use crate::values::{
    DayOrder, cell_date, cell_time, only_day_first, only_month_first, parse_flight, parse_gender,
};
use crate::{csv_in, xlsx_in};

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: u32 = 30;

/// Known headers of each field, folded (lower case, no diacritics, punctuation as spaces).
const SYNONYMS: &[(GuestField, &[&str])] = &[
    (
        GuestField::FullName,
        &[
            "full name",
            "full names",
            "name",
            "names",
            "ho va ten",
            "ho ten",
            "participant",
            "participant name",
            "name of participant",
            "delegate",
            "delegate name",
            "guest name",
            "ho va ten day du",
            "ten day du",
            "ten dai bieu",
        ],
    ),
    (
        GuestField::FamilyName,
        &[
            "family name",
            "surname",
            "last name",
            "ho",
            "family names",
            "ho dem",
        ],
    ),
    (
        GuestField::GivenName,
        &[
            "given name",
            "given names",
            "first name",
            "first names",
            "forename",
            "ten",
        ],
    ),
    (
        GuestField::PassportName,
        &[
            "name in passport",
            "passport name",
            "name as in passport",
            "name as per passport",
            "name on passport",
            "ten trong ho chieu",
            "ho ten theo ho chieu",
            "ten theo ho chieu",
            "ho va ten theo ho chieu",
        ],
    ),
    (
        GuestField::PassportNo,
        &[
            "passport",
            "passport no",
            "passport number",
            "passport nr",
            "passport num",
            "so ho chieu",
            "ho chieu",
            "so hc",
            "passport no number",
        ],
    ),
    (
        GuestField::PassportExpiresOn,
        &[
            "expiry",
            "date of expiry",
            "expiry date",
            "passport expiry",
            "passport expiry date",
            "expiration date",
            "date of expiration",
            "valid until",
            "ngay het han",
            "het han",
            "ngay het han ho chieu",
            "han ho chieu",
            "thoi han ho chieu",
        ],
    ),
    (
        GuestField::BornOn,
        &[
            "date of birth",
            "dob",
            "d o b",
            "birth date",
            "birthdate",
            "birthday",
            "born",
            "ngay sinh",
            "ngay thang nam sinh",
            "sinh ngay",
        ],
    ),
    (
        GuestField::Nationality,
        &[
            "nationality",
            "country",
            "citizenship",
            "quoc tich",
            "quoc gia",
            "nuoc",
        ],
    ),
    (GuestField::Gender, &["gender", "sex", "gioi tinh", "m f"]),
    (
        GuestField::Organisation,
        &[
            "organisation",
            "organization",
            "institution",
            "agency",
            "affiliation",
            "library",
            "employer",
            "co quan",
            "don vi",
            "co quan cong tac",
            "don vi cong tac",
            "noi cong tac",
        ],
    ),
    (
        GuestField::Title,
        &[
            "title",
            "position",
            "designation",
            "job title",
            "chuc vu",
            "chuc danh",
        ],
    ),
    (
        GuestField::Unit,
        &[
            "department",
            "division",
            "unit",
            "phong ban",
            "bo phan",
            "phong",
        ],
    ),
    (
        GuestField::Email,
        &[
            "email",
            "e mail",
            "email address",
            "thu dien tu",
            "dia chi email",
        ],
    ),
    (
        GuestField::Phone,
        &[
            "phone",
            "telephone",
            "mobile",
            "tel",
            "phone number",
            "mobile phone",
            "dien thoai",
            "so dien thoai",
            "dt",
            "sdt",
            "dien thoai di dong",
        ],
    ),
    (
        GuestField::Dietary,
        &[
            "dietary",
            "diet",
            "dietary requirements",
            "dietary requirement",
            "dietary needs",
            "an kieng",
            "che do an",
            "yeu cau an uong",
            "food",
        ],
    ),
    (
        GuestField::AccessNeeds,
        &[
            "access needs",
            "accessibility",
            "special needs",
            "special requirements",
            "nhu cau dac biet",
        ],
    ),
    (
        GuestField::ArrivalFlight,
        &[
            "arrival flight",
            "chuyen bay den",
            "flight in",
            "inbound flight",
            "arrival flight no",
            "arriving flight",
            "arrival flight number",
        ],
    ),
    (
        GuestField::ArrivalDate,
        &[
            "arrival date",
            "arrival",
            "ngay den",
            "arrival date time",
            "arrival date and time",
            "thoi gian den",
            "arrival datetime",
            "date of arrival",
        ],
    ),
    (
        GuestField::ArrivalTime,
        &["arrival time", "gio den", "eta", "time of arrival"],
    ),
    (
        GuestField::ArrivalFrom,
        &[
            "arriving from",
            "arrival from",
            "flying from",
            "origin",
            "departure city",
            "di tu",
        ],
    ),
    (
        GuestField::DepartureFlight,
        &[
            "departure flight",
            "chuyen bay di",
            "chuyen bay ve",
            "flight out",
            "outbound flight",
            "return flight",
            "departure flight no",
            "departure flight number",
        ],
    ),
    (
        GuestField::DepartureDate,
        &[
            "departure date",
            "departure",
            "ngay di",
            "ngay ve",
            "departure date time",
            "thoi gian di",
            "return date",
            "date of departure",
            "departure date and time",
        ],
    ),
    (
        GuestField::DepartureTime,
        &[
            "departure time",
            "gio di",
            "gio ve",
            "etd",
            "time of departure",
        ],
    ),
    (
        GuestField::DepartureTo,
        &[
            "departing to",
            "flying to",
            "destination",
            "noi den tiep theo",
        ],
    ),
    (
        GuestField::Notes,
        &["notes", "note", "remarks", "remark", "comments", "ghi chu"],
    ),
];

/// A header (or a mapping key) folded for comparison.
pub fn fold(header: &str) -> String {
    let lower = text::search_form(&text::clean(header));
    let spaced: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The forms of a header worth trying: the whole, each part of a bilingual header split at
/// "/", "|" or a line break, and each with and without what is in parentheses.
pub(crate) fn header_forms(header: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let mut push = |s: &str| {
        let f = fold(s);
        if !f.is_empty() && !forms.contains(&f) {
            forms.push(f);
        }
    };
    let without_brackets = |s: &str| -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in s.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = (depth - 1).max(0),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    push(header);
    for part in header.split(['/', '|', '\n']) {
        push(&without_brackets(part));
        push(part);
        if let (Some(open), Some(close)) = (part.find('('), part.rfind(')'))
            && open < close
        {
            push(&part[open + 1..close]);
        }
    }
    forms
}

/// The field a header names, by the built-in synonyms.
pub fn recognise(header: &str) -> Option<GuestField> {
    header_forms(header).iter().find_map(|form| {
        SYNONYMS
            .iter()
            .find(|(_, names)| names.contains(&form.as_str()))
            .map(|(field, _)| *field)
    })
}

/// Parses a mapping file: `{"columns": {"Họ và tên": "full_name", "D": "passport_no"},
/// "header_row": 3}`, or just the `columns` object.
pub fn parse_mapping(json: &str) -> Result<GuestMapping, ExchangeError> {
    let names: Vec<&str> = GuestField::ALL.iter().map(|f| f.as_str()).collect();
    mapping_from_json(json, &names)
}

/// A mapping file of either reader: `{"columns": {...}, "header_row": N, "ignore": [...]}`,
/// or just the `columns` object. `fields` are named when a field is not one of them.
pub(crate) fn mapping_from_json<T: serde::de::DeserializeOwned>(
    json: &str,
    fields: &[&str],
) -> Result<T, ExchangeError> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| ExchangeError::Mapping(format!("the mapping is not JSON: {e}")))?;
    let is_wrapped = value.as_object().is_some_and(|o| {
        o.contains_key("columns") || o.contains_key("header_row") || o.contains_key("ignore")
    });
    let value = if is_wrapped {
        value
    } else {
        serde_json::json!({ "columns": value })
    };
    serde_json::from_value(value).map_err(|e| {
        ExchangeError::Mapping(format!(
            "the mapping cannot be used: {e}. Fields are: {}",
            fields.join(", ")
        ))
    })
}

/// What to read and how.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The worksheet of an XLSX file; the first when `None`.
    pub sheet: Option<String>,
    /// A mapping given for this import; it wins over everything.
    pub mapping: Option<GuestMapping>,
    /// The mapping remembered from this organisation's last import.
    pub remembered: Option<GuestMapping>,
    pub limits: Limits,
}

/// Reads a guest list from a file's bytes (XLSX or CSV, told apart by content).
pub fn read_guests(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<GuestSheet, ExchangeError> {
    let (sheet_name, grid) =
        read_grid(file_name, bytes, options.sheet.as_deref(), &options.limits)?;
    from_grid(file_name, &sheet_name, &grid, options)
}

/// Reads a spreadsheet file (XLSX or CSV, told apart by content) into a grid, after the
/// size checks: the worksheet's name (empty for CSV) and its cells.
pub fn read_grid(
    file_name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<(String, Grid), ExchangeError> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xls") && !xlsx_in::is_xlsx(bytes) {
        return Err(ExchangeError::Unreadable(
            "old Excel 97-2003 (.xls) files are not read: save it as .xlsx or as CSV UTF-8".into(),
        ));
    }
    if xlsx_in::is_xlsx(bytes) {
        xlsx_in::read(bytes, sheet, limits)
    } else {
        if lower.ends_with(".xlsx") {
            return Err(ExchangeError::Unreadable(
                "the file is named .xlsx but is not an XLSX workbook".into(),
            ));
        }
        Ok((String::new(), csv_in::read(bytes, limits)?))
    }
}

/// The field a header takes from a mapping, matching its text without case or diacritics.
fn mapped(mapping: &GuestMapping, header: &str, letter: &str) -> Option<GuestField> {
    let folded = fold(header);
    mapping
        .columns
        .iter()
        .find(|(key, _)| !folded.is_empty() && fold(key) == folded)
        .or_else(|| {
            mapping.columns.iter().find(|(key, _)| {
                column_index(key).is_some() && key.trim().eq_ignore_ascii_case(letter)
            })
        })
        .map(|(_, field)| *field)
}

/// Whether the mapping given for this import leaves the column out.
fn ignored(options: &ReadOptions, header: &str, letter: &str) -> bool {
    let folded = fold(header);
    options.mapping.as_ref().is_some_and(|m| {
        m.ignore.iter().any(|key| {
            (!folded.is_empty() && fold(key) == folded)
                || (column_index(key).is_some() && key.trim().eq_ignore_ascii_case(letter))
        })
    })
}

fn field_for(options: &ReadOptions, header: &str, letter: &str) -> Option<(GuestField, MappedBy)> {
    if ignored(options, header, letter) {
        return None;
    }
    if let Some(f) = options
        .mapping
        .as_ref()
        .and_then(|m| mapped(m, header, letter))
    {
        return Some((f, MappedBy::Mapping));
    }
    if let Some(f) = options.remembered.as_ref().and_then(|m| {
        let folded = fold(header);
        m.columns
            .iter()
            .find(|(key, _)| !folded.is_empty() && fold(key) == folded)
            .map(|(_, f)| *f)
    }) {
        return Some((f, MappedBy::Remembered));
    }
    recognise(header).map(|f| (f, MappedBy::Header))
}

fn is_name_field(field: GuestField) -> bool {
    matches!(
        field,
        GuestField::FullName
            | GuestField::FamilyName
            | GuestField::GivenName
            | GuestField::PassportName
    )
}

/// The 0-based header row: the given one, or the row among the first ones that names the
/// most known columns (at least two, one of them a name).
fn header_row(grid: &Grid, options: &ReadOptions) -> Result<u32, ExchangeError> {
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
        let fields: Vec<GuestField> = grid
            .row(row)
            .filter_map(|(col, cell)| {
                field_for(options, &cell.text(), &column_letter(col)).map(|(f, _)| f)
            })
            .collect();
        let score = fields.len();
        if score >= 2
            && fields.iter().any(|f| is_name_field(*f))
            && best.is_none_or(|(s, _)| score > s)
        {
            best = Some((score, row));
        }
    }
    best.map(|(_, row)| row).ok_or_else(|| {
        ExchangeError::Layout(format!(
            "no header row found: none of the first {HEADER_SEARCH_ROWS} rows names a guest's name and another known column (Full name / Họ và tên, Passport / Số hộ chiếu, Nationality / Quốc tịch...). Give a mapping file that says which column holds what"
        ))
    })
}

/// The day order of a date column, from the values it holds.
pub(crate) fn day_order(grid: &Grid, col: u32, first_row: u32) -> DayOrder {
    let texts: Vec<String> = (first_row..grid.rows())
        .filter_map(|r| match grid.get(r, col) {
            Some(Cell::Text(t)) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let month_first = texts.iter().any(|t| only_month_first(t));
    let day_first = texts.iter().any(|t| only_day_first(t));
    if month_first && !day_first {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    }
}

pub(crate) const DATE_HINT: &str = "write it as 27/11/2017, 2017-11-27 or 27 Nov 2017";

/// Builds the sheet from a grid.
pub fn from_grid(
    file_name: &str,
    sheet_name: &str,
    grid: &Grid,
    options: &ReadOptions,
) -> Result<GuestSheet, ExchangeError> {
    let header = header_row(grid, options)?;
    let mut sheet = GuestSheet {
        file_name: file_name.to_owned(),
        sheet: sheet_name.to_owned(),
        header_row: header + 1,
        ..GuestSheet::default()
    };
    // Columns: every header cell, plus columns a mapping names by letter.
    let mut columns: BTreeMap<u32, String> =
        grid.row(header).map(|(c, cell)| (c, cell.text())).collect();
    if let Some(mapping) = &options.mapping {
        for key in mapping.columns.keys() {
            if let Some(col) = column_index(key) {
                columns.entry(col).or_default();
            }
        }
    }
    let found: Vec<(u32, Option<(GuestField, MappedBy)>)> = columns
        .iter()
        .map(|(col, header_text)| (*col, field_for(options, header_text, &column_letter(*col))))
        .collect();
    // When two columns claim a field, the mapping given for this import wins, then the
    // remembered one, then a recognised header; among equals the leftmost column.
    let rank = |by: MappedBy| match by {
        MappedBy::Mapping => 0,
        MappedBy::Remembered => 1,
        MappedBy::Header => 2,
    };
    let mut taken: BTreeMap<GuestField, (u8, u32)> = BTreeMap::new();
    for (col, claim) in &found {
        if let Some((field, by)) = claim {
            let mine = (rank(*by), *col);
            taken
                .entry(*field)
                .and_modify(|best| *best = (*best).min(mine))
                .or_insert(mine);
        }
    }
    for ((col, header_text), (_, claim)) in columns.iter().zip(&found) {
        let letter = column_letter(*col);
        let mut found = *claim;
        if let Some((field, _)) = found
            && let Some((_, winner)) = taken.get(&field)
            && winner != col
        {
            sheet.notes.push(format!(
                "column {letter} \"{header_text}\" also looks like {}; column {} is used for it",
                field.label(),
                column_letter(*winner)
            ));
            found = None;
        }
        if found.is_none()
            && !header_text.trim().is_empty()
            && !sheet
                .notes
                .iter()
                .any(|n| n.starts_with(&format!("column {letter} ")))
        {
            sheet
                .notes
                .push(format!("column {letter} \"{header_text}\" is not imported"));
        }
        sheet.columns.push(SheetColumn {
            column: letter,
            header: header_text.clone(),
            field: found.map(|(f, _)| f),
            mapped_by: found.map(|(_, by)| by),
        });
    }
    if !sheet
        .columns
        .iter()
        .any(|c| c.field.is_some_and(is_name_field))
    {
        return Err(ExchangeError::Layout(format!(
            "row {} has no column for the guests' names (Full name / Họ và tên, or Family name and Given name)",
            header + 1
        )));
    }
    let field_cols: BTreeMap<GuestField, u32> = sheet
        .columns
        .iter()
        .filter_map(|c| Some((c.field?, column_index(&c.column)?)))
        .collect();
    let orders: BTreeMap<GuestField, DayOrder> = field_cols
        .iter()
        .filter(|(f, _)| {
            matches!(
                f,
                GuestField::BornOn
                    | GuestField::PassportExpiresOn
                    | GuestField::ArrivalDate
                    | GuestField::DepartureDate
            )
        })
        .map(|(f, c)| (*f, day_order(grid, *c, header + 1)))
        .collect();

    for r in (header + 1)..grid.rows() {
        let cells: BTreeMap<GuestField, &Cell> = field_cols
            .iter()
            .filter_map(|(f, c)| grid.get(r, *c).map(|cell| (*f, cell)))
            .collect();
        if cells.is_empty() {
            let stray: Vec<String> = grid.row(r).map(|(_, c)| c.text()).collect();
            if !stray.is_empty() {
                sheet.notes.push(format!(
                    "row {} has text only in columns that are not imported (\"{}\"); it was left out",
                    r + 1,
                    stray.join(" ").chars().take(60).collect::<String>()
                ));
            }
            continue;
        }
        let row = read_row(&sheet, r + 1, &cells, &orders);
        sheet.rows.push(row);
    }
    for row in &sheet.rows {
        let name = &row.guest.person.full_name;
        if !name.is_empty()
            && row.guest.person.passport_name.trim().is_empty()
            && !text::passport_form(name).is_ascii()
        {
            sheet.notes.push(format!(
                "row {}: \"{name}\" is not written in Latin letters and no name in passport is given; badges and letters will need the passport form",
                row.row
            ));
        }
    }
    mark_duplicates_in_file(&mut sheet);
    Ok(sheet)
}

fn read_row(
    sheet: &GuestSheet,
    row: u32,
    cells: &BTreeMap<GuestField, &Cell>,
    orders: &BTreeMap<GuestField, DayOrder>,
) -> GuestRow {
    let mut problems = Vec::new();
    // A leading apostrophe before a would-be formula is how our own CSV export defuses it.
    let text = |f: GuestField| {
        cells
            .get(&f)
            .map(|c| {
                let raw = c.text();
                let raw = match raw.strip_prefix('\'') {
                    Some(rest) if crate::out::looks_like_formula(rest) => rest.to_owned(),
                    _ => raw,
                };
                text::clean(&raw)
            })
            .unwrap_or_default()
    };
    let mut date = |f: GuestField| -> Option<(chrono::NaiveDate, Option<chrono::NaiveTime>)> {
        let cell = cells.get(&f)?;
        let order = orders.get(&f).copied().unwrap_or(DayOrder::DayFirst);
        let found = cell_date(cell, order);
        if found.is_none() {
            problems.push(sheet.problem(
                row,
                Some(f),
                ProblemKind::BadDate,
                &format!("\"{}\" is not a date: {DATE_HINT}", cell.text().trim()),
            ));
        }
        found
    };
    let born_on = date(GuestField::BornOn);
    let expires = date(GuestField::PassportExpiresOn);
    let arrival_date = date(GuestField::ArrivalDate);
    let departure_date = date(GuestField::DepartureDate);

    let nationality_text = text(GuestField::Nationality);
    let nationality = if nationality_text.is_empty() {
        String::new()
    } else {
        match country_names::from_name(&nationality_text) {
            Some(code) => code.to_owned(),
            None => {
                problems.push(sheet.problem(
                    row,
                    Some(GuestField::Nationality),
                    ProblemKind::BadValue,
                    &format!("\"{nationality_text}\" is not a country we know: write a name such as Thailand or Thái Lan, or a code such as TH"),
                ));
                String::new()
            }
        }
    };
    let gender_text = text(GuestField::Gender);
    let gender = if gender_text.is_empty() {
        String::new()
    } else {
        match parse_gender(&gender_text) {
            Some(g) => g.to_owned(),
            None => {
                problems.push(sheet.problem(
                    row,
                    Some(GuestField::Gender),
                    ProblemKind::BadValue,
                    &format!(
                        "\"{gender_text}\" is not a gender: write M or F, Male or Female, Nam or Nữ"
                    ),
                ));
                String::new()
            }
        }
    };

    // Names, kept as written; the order recorded.
    let full = text(GuestField::FullName);
    let family = text(GuestField::FamilyName);
    let given = text(GuestField::GivenName);
    let default_order = name_order_for(&nationality);
    let lower = |s: &str| s.to_lowercase();
    let order = if !full.is_empty() && !family.is_empty() {
        if lower(&full).starts_with(&lower(&family)) && lower(&full) != lower(&family) {
            NameOrder::FamilyFirst
        } else if lower(&full).ends_with(&lower(&family)) {
            NameOrder::GivenFirst
        } else {
            default_order
        }
    } else {
        default_order
    };
    let full_name = if full.is_empty() {
        match order {
            NameOrder::FamilyFirst => text::clean(&format!("{family} {given}")),
            NameOrder::GivenFirst => text::clean(&format!("{given} {family}")),
        }
    } else {
        full.clone()
    };
    // Myanmar names have no family name: never split one.
    let (family, given) = if nationality == "MM" && family.is_empty() && given.is_empty() {
        (String::new(), full_name.clone())
    } else {
        (family, given)
    };

    let flight = |number_field,
                  date: Option<(chrono::NaiveDate, Option<chrono::NaiveTime>)>,
                  time_field,
                  place_field,
                  problems: &mut Vec<_>| {
        let number_text = text(number_field);
        let time = cells.get(&time_field).and_then(|c| {
            let t = cell_time(c);
            if t.is_none() {
                problems.push(sheet.problem(
                    row,
                    Some(time_field),
                    ProblemKind::BadValue,
                    &format!("\"{}\" is not a time: write it as 14:35", c.text().trim()),
                ));
            }
            t
        });
        if number_text.is_empty() && date.is_none() {
            return None;
        }
        let (number, code) = if number_text.is_empty() {
            (String::new(), None)
        } else {
            match parse_flight(&number_text) {
                Some(found) => found,
                None => {
                    problems.push(sheet.problem(
                        row,
                        Some(number_field),
                        ProblemKind::BadValue,
                        &format!("\"{number_text}\" is not a flight number such as VN 611"),
                    ));
                    (String::new(), None)
                }
            }
        };
        let place = text(place_field);
        Some(FlightInput {
            number,
            date: date.map(|(d, _)| d),
            time: time.or(date.and_then(|(_, t)| t)),
            place: if place.is_empty() {
                code.unwrap_or_default()
            } else {
                place
            },
        })
    };
    let arrival = flight(
        GuestField::ArrivalFlight,
        arrival_date,
        GuestField::ArrivalTime,
        GuestField::ArrivalFrom,
        &mut problems,
    );
    let departure = flight(
        GuestField::DepartureFlight,
        departure_date,
        GuestField::DepartureTime,
        GuestField::DepartureTo,
        &mut problems,
    );

    let person = PersonInput {
        full_name,
        passport_name: text(GuestField::PassportName),
        family_name: family,
        given_name: given,
        name_order: order.as_str().to_owned(),
        title: text(GuestField::Title),
        unit: text(GuestField::Unit),
        organisation_id: None,
        gender,
        born_on: born_on.map(|(d, _)| d.to_string()).unwrap_or_default(),
        nationality,
        passport_no: text(GuestField::PassportNo).replace(' ', "").to_uppercase(),
        passport_expires_on: expires.map(|(d, _)| d.to_string()).unwrap_or_default(),
        email: text(GuestField::Email),
        phone: text(GuestField::Phone),
        dietary: text(GuestField::Dietary),
        access_needs: text(GuestField::AccessNeeds),
        staff_level: String::new(),
        notes: cells
            .get(&GuestField::Notes)
            .map(|c| text::clean_multiline(&c.text()))
            .unwrap_or_default(),
    };
    GuestRow {
        row,
        guest: GuestInput {
            person,
            organisation: text(GuestField::Organisation),
            arrival,
            departure,
        },
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_english_vietnamese_or_both_are_recognised() {
        assert_eq!(recognise("Họ và tên"), Some(GuestField::FullName));
        assert_eq!(recognise("HỌ TÊN"), Some(GuestField::FullName));
        assert_eq!(recognise("Họ"), Some(GuestField::FamilyName));
        assert_eq!(recognise("Tên"), Some(GuestField::GivenName));
        assert_eq!(recognise("Passport No."), Some(GuestField::PassportNo));
        assert_eq!(recognise("Số hộ chiếu"), Some(GuestField::PassportNo));
        assert_eq!(
            recognise("Ngày hết hạn"),
            Some(GuestField::PassportExpiresOn)
        );
        assert_eq!(
            recognise("Date of birth (dd/mm/yyyy)"),
            Some(GuestField::BornOn)
        );
        assert_eq!(
            recognise("Quốc tịch / Nationality"),
            Some(GuestField::Nationality)
        );
        assert_eq!(recognise("Cơ quan"), Some(GuestField::Organisation));
        assert_eq!(recognise("E-mail"), Some(GuestField::Email));
        assert_eq!(recognise("Chuyến bay đến"), Some(GuestField::ArrivalFlight));
        assert_eq!(recognise("Ăn kiêng"), Some(GuestField::Dietary));
        assert_eq!(recognise("STT"), None);
    }

    fn read(csv: &str, mapping: Option<GuestMapping>) -> GuestSheet {
        let options = ReadOptions {
            mapping,
            ..ReadOptions::default()
        };
        match read_guests("x.csv", csv.as_bytes(), &options) {
            Ok(sheet) => sheet,
            Err(e) => panic!("the list should read: {e}"),
        }
    }

    #[test]
    fn a_column_chosen_for_a_field_wins_over_a_header_that_reads_like_it() {
        let csv = "Full name,Passport No.,Name in English\nTrần Mỹ Dung,C1,Tran My Dung\n";
        let auto = read(csv, None);
        assert_eq!(auto.column_of(GuestField::FullName), Some("A"));
        let chosen = read(
            csv,
            Some(GuestMapping {
                columns: [("C".to_owned(), GuestField::FullName)].into(),
                ..GuestMapping::default()
            }),
        );
        assert_eq!(
            chosen.column_of(GuestField::FullName),
            Some("C"),
            "the column the user chose holds the names, not the leftmost recognised one"
        );
        assert_eq!(chosen.rows[0].guest.person.full_name, "Tran My Dung");
        assert_eq!(
            chosen.columns[0].field, None,
            "the recognised column gives the field up"
        );
        assert!(
            chosen.notes.iter().any(|n| n.contains("column C is used")),
            "the user is told why column A is left out: {:?}",
            chosen.notes
        );
    }

    #[test]
    fn a_mapping_can_leave_out_a_column_whose_header_is_known() {
        let csv = "Full name,Passport No.,Email\nLe Van Thanh,C2,thanh@example.org\n";
        let sheet = read(
            csv,
            Some(GuestMapping {
                ignore: vec!["email".into()],
                ..GuestMapping::default()
            }),
        );
        assert_eq!(sheet.column_of(GuestField::Email), None);
        assert_eq!(
            sheet.rows[0].guest.person.email, "",
            "the email is not read"
        );
        assert!(
            sheet
                .notes
                .iter()
                .any(|n| n.contains("column C \"Email\" is not imported")),
            "{:?}",
            sheet.notes
        );
        let by_letter = read(
            csv,
            Some(GuestMapping {
                ignore: vec!["B".into()],
                ..GuestMapping::default()
            }),
        );
        assert_eq!(by_letter.rows[0].guest.person.passport_no, "");
    }

    #[test]
    fn a_mapping_file_may_be_wrapped_or_flat_and_names_bad_fields() {
        let flat = parse_mapping(r#"{"Tên khách": "full_name", "D": "passport_no"}"#);
        assert_eq!(flat.map(|m| m.columns.len()).ok(), Some(2));
        let wrapped = parse_mapping(r#"{"columns": {"X": "born_on"}, "header_row": 3}"#);
        assert_eq!(wrapped.map(|m| m.header_row).ok(), Some(Some(3)));
        let bad = parse_mapping(r#"{"A": "shoe_size"}"#).err();
        assert!(bad.is_some_and(|e| e.to_string().contains("shoe_size")));
    }
}
