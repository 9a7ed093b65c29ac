//! The office's history: its own summary spreadsheets of past delegations ("Tổng hợp đoàn
//! ra, đoàn vào 2007–2025"), one row a delegation, read into a [`HistorySheet`] the person
//! checks before anything is written.
//!
//! The shape follows the guest list's preview ([`crate::hosting::GuestSheet`]): `rows[]`
//! with the sheet's own row number and `problems[]` named by row and column, so the window
//! and scripts read both the same way. What needs the database (a trip already recorded,
//! a person already in the directory) is added by the store.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Rule, Violation};
use crate::hosting::{MappedBy, cell_place};
use crate::{Direction, Funding, named, text};

named! {
    /// What a column of the history sheet holds.
    pub enum HistoryField {
        Direction = "direction",
        Title = "title",
        Purpose = "purpose",
        Country = "country",
        Cities = "cities",
        StartsOn = "starts_on",
        EndsOn = "ends_on",
        /// Both dates in one cell: "12–16/5/2016".
        Period = "period",
        Members = "members",
        Partner = "partner",
        Funding = "funding",
        DecisionNumber = "decision_number",
        Notes = "notes",
    }
}

impl HistoryField {
    /// The English name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Direction => "Direction",
            Self::Title => "Title",
            Self::Purpose => "Purpose",
            Self::Country => "Country",
            Self::Cities => "Cities",
            Self::StartsOn => "Start date",
            Self::EndsOn => "End date",
            Self::Period => "Period",
            Self::Members => "Members",
            Self::Partner => "Partner organisation",
            Self::Funding => "Funding",
            Self::DecisionNumber => "Decision number",
            Self::Notes => "Notes",
        }
    }
}

/// Which column holds what, when the headers alone do not say: `{"columns": {"Nội dung
/// chính": "title", "F": "members"}, "header_row": 4}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct HistoryMapping {
    /// Header text or column letter → field. Headers match without case or diacritics.
    pub columns: BTreeMap<String, HistoryField>,
    /// The 1-based row holding the headers; `None`: found by looking for known headers.
    pub header_row: Option<u32>,
    /// Headers or column letters not to import.
    pub ignore: Vec<String>,
}

/// One column of the sheet as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryColumn {
    /// Spreadsheet letter: "A", "B", ... "AA".
    pub column: String,
    /// The header as written.
    pub header: String,
    /// What it holds; `None`: not imported.
    pub field: Option<HistoryField>,
    pub mapped_by: Option<MappedBy>,
}

/// A person named in the members cell: "Nguyễn Thị Hồng Nhung (Phó Giám đốc)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryMember {
    /// As written, cleaned (NFC, trimmed, single spaces).
    pub full_name: String,
    /// What stood in parentheses, if anything.
    pub title: String,
    /// The person already in the directory with exactly this name, when there is one.
    #[serde(default)]
    pub person_id: Option<String>,
}

/// One past delegation as read from its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryTrip {
    pub direction: Option<Direction>,
    pub title: String,
    pub purpose: String,
    /// ISO codes, in the order written.
    pub countries: Vec<String>,
    pub cities: String,
    #[ts(type = "string | null")]
    pub starts_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub ends_on: Option<NaiveDate>,
    pub members: Vec<HistoryMember>,
    /// Partner organisations by name, as written.
    pub partners: Vec<String>,
    pub funding: Option<Funding>,
    pub decision_number: String,
    pub notes: String,
}

named! {
    /// What is wrong with a row of the history sheet.
    pub enum HistoryProblemKind {
        MissingTitle = "missing_title",
        MissingStart = "missing_start",
        BadDate = "bad_date",
        EndBeforeStart = "end_before_start",
        UnknownCountry = "unknown_country",
        BadValue = "bad_value",
        DuplicateInFile = "duplicate_in_file",
        /// A name that differs only by diacritics or case from a known person: a person
        /// must say whether it is them.
        PossibleMatch = "possible_match",
    }
}

impl HistoryProblemKind {
    /// The rule of the violation this problem becomes when an import is refused.
    pub fn rule(self) -> Rule {
        match self {
            Self::MissingTitle | Self::MissingStart => Rule::Required,
            Self::BadDate => Rule::InvalidDate,
            Self::EndBeforeStart => Rule::OutOfRange,
            Self::UnknownCountry | Self::BadValue => Rule::InvalidFormat,
            Self::DuplicateInFile | Self::PossibleMatch => Rule::Duplicate,
        }
    }
}

/// One problem, named by row and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryProblem {
    /// 1-based spreadsheet row.
    pub row: u32,
    /// Spreadsheet letter of the column, or empty when the problem is the whole row's.
    pub column: String,
    pub field: Option<HistoryField>,
    pub kind: HistoryProblemKind,
    /// An English sentence naming row, column and what is wrong.
    pub message: String,
}

impl HistoryProblem {
    /// The cell reference ("C5"), or "row 5".
    pub fn cell(&self) -> String {
        if self.column.is_empty() {
            format!("row {}", self.row)
        } else {
            format!("{}{}", self.column, self.row)
        }
    }
}

/// A name in the file that may be a person already in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PossibleMatch {
    /// The name as written in the file.
    pub written: String,
    pub person_id: String,
    /// Their name as the directory has it.
    pub full_name: String,
}

/// The delegation already recorded that a row describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KnownTrip {
    pub delegation_id: String,
    pub title: String,
}

/// One row of the sheet with what was read and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryRow {
    /// 1-based spreadsheet row.
    pub row: u32,
    pub trip: HistoryTrip,
    pub problems: Vec<HistoryProblem>,
    /// Set when the trip is already in the database: the row is not added again.
    #[serde(default)]
    pub already_recorded: Option<KnownTrip>,
    /// Names that may be known people, for a person to confirm or refuse.
    #[serde(default)]
    pub possible_matches: Vec<PossibleMatch>,
}

/// The office's history as read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct HistorySheet {
    pub file_name: String,
    /// The worksheet read (empty for CSV).
    pub sheet: String,
    /// 1-based row of the headers.
    pub header_row: u32,
    pub columns: Vec<HistoryColumn>,
    pub rows: Vec<HistoryRow>,
    /// Things worth knowing that are not problems ("column H \"STT\" is not imported").
    pub notes: Vec<String>,
}

/// What a person decided about names the preview offered as possible matches.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PeopleDecisions {
    /// Name as written → the known person it is.
    pub same: BTreeMap<String, String>,
    /// Names as written that are new people, although they look like known ones.
    pub new: Vec<String>,
}

impl PeopleDecisions {
    /// Whether a decision covers this name as written.
    pub fn decided(&self, written: &str) -> bool {
        let key = person_key(written);
        self.same.keys().any(|k| person_key(k) == key)
            || self.new.iter().any(|k| person_key(k) == key)
    }

    /// The person a name was confirmed to be.
    pub fn same_as(&self, written: &str) -> Option<&str> {
        let key = person_key(written);
        self.same
            .iter()
            .find(|(k, _)| person_key(k) == key)
            .map(|(_, id)| id.as_str())
    }
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct HistoryImported {
    pub delegations: usize,
    pub people_created: usize,
    pub people_known: usize,
    pub organisations_created: usize,
    /// Rows that describe trips already recorded (not added again).
    pub already_recorded: Vec<u32>,
    /// Rows left out for their problems (with skip-invalid).
    pub skipped_rows: Vec<u32>,
}

impl HistorySheet {
    /// The letter of the column holding `field`, if any.
    pub fn column_of(&self, field: HistoryField) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.column.as_str())
    }

    /// Every problem of every row, in row order.
    pub fn problems(&self) -> Vec<&HistoryProblem> {
        self.rows.iter().flat_map(|r| &r.problems).collect()
    }

    /// A problem on `field` of `row` (the column looked up; for dates, the period column
    /// when there is no column of their own).
    pub fn problem(
        &self,
        row: u32,
        field: Option<HistoryField>,
        kind: HistoryProblemKind,
        what: &str,
    ) -> HistoryProblem {
        let column = field
            .and_then(|f| {
                self.column_of(f).or(match f {
                    HistoryField::StartsOn | HistoryField::EndsOn => {
                        self.column_of(HistoryField::Period)
                    }
                    _ => None,
                })
            })
            .unwrap_or_default()
            .to_owned();
        let header = self
            .columns
            .iter()
            .find(|c| c.column == column)
            .map(|c| c.header.as_str())
            .unwrap_or_default();
        let place = cell_place(row, &column, header);
        HistoryProblem {
            row,
            column,
            field,
            kind,
            message: format!("{place}: {what}"),
        }
    }

    /// The refusal of an all-or-nothing import: every problem as a violation.
    pub fn refusal(&self) -> Error {
        let problems = self.problems();
        let violations: Vec<Violation> = problems
            .iter()
            .map(|p| Violation::new(&p.cell(), p.kind.rule(), p.message.clone()))
            .collect();
        let mut error = Error::invalid(violations);
        error.message = format!(
            "the history has {} problem(s) in {} row(s); nothing was imported (fix them, or import with skip-invalid to leave those rows out): {}",
            problems.len(),
            self.rows.iter().filter(|r| !r.problems.is_empty()).count(),
            error.message
        );
        error
    }
}

/// The key under which two spellings of a name are the same person: NFC, trimmed, single
/// spaces. Case and diacritics still count ("Nguyen" is not "Nguyễn").
pub fn person_key(name: &str) -> String {
    text::clean(name)
}

/// The looser key under which two names may be the same person: no diacritics, no case.
pub fn loose_key(name: &str) -> String {
    text::search_form(&text::clean(name))
}

/// The people of a members cell: separated by `;`, `,` or line breaks, each with an
/// optional title in parentheses. A comma inside parentheses does not separate.
pub fn parse_members(cell: &str) -> Vec<HistoryMember> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ';' | ',' | '\n' | '\r' if depth == 0 => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
        .iter()
        .filter_map(|part| {
            // Numbered lists: "1. Nguyễn Văn A", "- Lê Thị B".
            let part = part
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', ')', '-', '–', '•', ' ']);
            let (name, title) = match (part.find('('), part.rfind(')')) {
                (Some(open), Some(close)) if open < close => {
                    (&part[..open], text::clean(&part[open + 1..close]))
                }
                _ => (part, String::new()),
            };
            let full_name = text::clean(name);
            (!full_name.is_empty()).then_some(HistoryMember {
                full_name,
                title,
                person_id: None,
            })
        })
        .collect()
}

/// The direction as offices write it: "Ra", "Đoàn ra", "Vào", "Đoàn vào", "out", "in".
pub fn parse_direction(written: &str) -> Option<Direction> {
    let folded = loose_key(written);
    let word = folded
        .trim_start_matches("doan ")
        .trim_end_matches(" delegation")
        .trim();
    match word {
        "ra" | "out" | "outgoing" | "outbound" | "di" => Some(Direction::Outgoing),
        "vao" | "in" | "incoming" | "inbound" | "den" | "don" => Some(Direction::Incoming),
        _ => Direction::parse(written),
    }
}

/// Funding as offices write it: "NSNN", "Ngân sách", "Tài trợ", "NSNN + tài trợ".
pub fn parse_funding(written: &str) -> Option<Funding> {
    let folded = loose_key(written);
    let state = ["nsnn", "ngan sach", "state", "budget", "nha nuoc"]
        .iter()
        .any(|w| folded.contains(w));
    let sponsored = [
        "tai tro",
        "sponsor",
        "doi tac",
        "partner",
        "hosted",
        "funded by",
    ]
    .iter()
    .any(|w| folded.contains(w));
    match (state, sponsored) {
        (true, true) => Some(Funding::Mixed),
        (true, false) => Some(Funding::StateBudget),
        (false, true) => Some(Funding::Sponsored),
        (false, false) if folded.contains("ket hop") || folded.contains("mixed") => {
            Some(Funding::Mixed)
        }
        _ => Funding::parse(written),
    }
}

/// Whether two trips are the same delegation: same direction, dates that overlap, and a
/// country in common.
pub fn same_trip(
    a: (Direction, NaiveDate, NaiveDate, &[String]),
    b: (Direction, NaiveDate, NaiveDate, &[String]),
) -> bool {
    a.0 == b.0 && a.1 <= b.2 && b.1 <= a.2 && a.3.iter().any(|c| b.3.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_split_at_separators_with_titles_in_parentheses() {
        let members = parse_members(
            "Nguyễn Thị Hồng Nhung (Phó Giám đốc); Lê Văn Thành (Trưởng phòng, Phòng HTQT),\nTrần  Mỹ Dung",
        );
        let names: Vec<(&str, &str)> = members
            .iter()
            .map(|m| (m.full_name.as_str(), m.title.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Nguyễn Thị Hồng Nhung", "Phó Giám đốc"),
                ("Lê Văn Thành", "Trưởng phòng, Phòng HTQT"),
                ("Trần Mỹ Dung", ""),
            ]
        );
    }

    #[test]
    fn directions_and_funding_are_read_from_words() {
        assert_eq!(parse_direction("Đoàn ra"), Some(Direction::Outgoing));
        assert_eq!(parse_direction("VÀO"), Some(Direction::Incoming));
        assert_eq!(parse_direction("out"), Some(Direction::Outgoing));
        assert_eq!(parse_direction("sideways"), None);
        assert_eq!(parse_funding("NSNN"), Some(Funding::StateBudget));
        assert_eq!(parse_funding("Tài trợ"), Some(Funding::Sponsored));
        assert_eq!(parse_funding("NSNN + tài trợ"), Some(Funding::Mixed));
        assert_eq!(parse_funding("?"), None);
    }

    #[test]
    fn a_name_in_another_normal_form_is_the_same_key() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ho\u{302}\u{300}ng Nhung";
        assert_eq!(person_key(nfd), person_key(" Nguyễn  Thị Hồng Nhung"));
        assert_ne!(
            person_key("Nguyen Thi Hong Nhung"),
            person_key("Nguyễn Thị Hồng Nhung")
        );
        assert_eq!(
            loose_key("Nguyen Thi Hong Nhung"),
            loose_key("Nguyễn Thị Hồng Nhung")
        );
    }
}
