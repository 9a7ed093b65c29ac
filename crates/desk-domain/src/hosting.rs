//! Hosting an incoming delegation ("đoàn vào"): the guest list as partners send it, the
//! findings of its preview, check-in at the welcome desk, duty checklists, and the views the
//! transport team, the hotel and the programme need.
//!
//! Types only and the rules that need no database: how a guest's name is printed, when a
//! passport is too short-lived for the event, how a checklist becomes tasks. The store finds
//! the records; `desk-exchange` reads and writes the spreadsheets; `desk-report` prints.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Rule, Violation};
use crate::person::{NameOrder, Person, PersonInput};
use crate::task::due_date;
use crate::{
    Language, Member, Organisation, ProgrammeItem, Segment, Stay, Task, TaskInput, Transfer, named,
};

named! {
    /// What a guest-list column holds. The names of person fields are the names of
    /// [`PersonInput`]'s fields, so a violation of the person rules points at its column.
    pub enum GuestField {
        FullName = "full_name",
        FamilyName = "family_name",
        GivenName = "given_name",
        PassportName = "passport_name",
        PassportNo = "passport_no",
        PassportExpiresOn = "passport_expires_on",
        BornOn = "born_on",
        Nationality = "nationality",
        Gender = "gender",
        Organisation = "organisation",
        Title = "title",
        Unit = "unit",
        Email = "email",
        Phone = "phone",
        Dietary = "dietary",
        AccessNeeds = "access_needs",
        ArrivalFlight = "arrival_flight",
        /// A date, or a date and time, of arrival.
        ArrivalDate = "arrival_date",
        ArrivalTime = "arrival_time",
        /// Where the arrival flight comes from (IATA code or city).
        ArrivalFrom = "arrival_from",
        DepartureFlight = "departure_flight",
        DepartureDate = "departure_date",
        DepartureTime = "departure_time",
        DepartureTo = "departure_to",
        Notes = "notes",
    }
}

impl GuestField {
    /// An English label for messages and exported headers.
    pub fn label(self) -> &'static str {
        match self {
            Self::FullName => "Full name",
            Self::FamilyName => "Family name",
            Self::GivenName => "Given name",
            Self::PassportName => "Name in passport",
            Self::PassportNo => "Passport No.",
            Self::PassportExpiresOn => "Date of expiry",
            Self::BornOn => "Date of birth",
            Self::Nationality => "Nationality",
            Self::Gender => "Gender",
            Self::Organisation => "Organisation",
            Self::Title => "Title",
            Self::Unit => "Unit",
            Self::Email => "Email",
            Self::Phone => "Phone",
            Self::Dietary => "Dietary",
            Self::AccessNeeds => "Access needs",
            Self::ArrivalFlight => "Arrival flight",
            Self::ArrivalDate => "Arrival date",
            Self::ArrivalTime => "Arrival time",
            Self::ArrivalFrom => "Arriving from",
            Self::DepartureFlight => "Departure flight",
            Self::DepartureDate => "Departure date",
            Self::DepartureTime => "Departure time",
            Self::DepartureTo => "Departing to",
            Self::Notes => "Notes",
        }
    }
}

/// A column mapping: which header (as written, or a column letter such as `"C"`) holds
/// which field. Given as a JSON file (`{"columns": {"Họ và tên": "full_name", "D":
/// "passport_no"}, "header_row": 3}`) or remembered per organisation after an import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct GuestMapping {
    /// Header text or column letter → field. Headers match without case or diacritics.
    pub columns: BTreeMap<String, GuestField>,
    /// The 1-based row holding the headers; `None`: found by looking for known headers.
    pub header_row: Option<u32>,
    /// Headers or column letters not to import, even when their header is a known name
    /// (a "Name of spouse" column that reads like a name).
    pub ignore: Vec<String>,
}

/// How a column came to mean what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MappedBy {
    /// Its header is a known name for the field (English or Vietnamese).
    Header,
    /// The mapping given for this import said so.
    Mapping,
    /// The mapping remembered from this organisation's last import said so.
    Remembered,
}

/// One column of the sheet as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SheetColumn {
    /// Spreadsheet letter: "A", "B", ... "AA".
    pub column: String,
    /// The header as written.
    pub header: String,
    /// What it holds; `None`: not imported.
    pub field: Option<GuestField>,
    pub mapped_by: Option<MappedBy>,
}

/// A flight named on a guest's row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct FlightInput {
    /// "VN 611".
    pub number: String,
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub time: Option<NaiveTime>,
    /// The other end: where an arrival comes from, where a departure goes to.
    pub place: String,
}

/// One guest as read from one row, before any record exists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GuestInput {
    pub person: PersonInput,
    /// The organisation's name as written; matched or created by name.
    pub organisation: String,
    pub arrival: Option<FlightInput>,
    pub departure: Option<FlightInput>,
}

named! {
    /// What is wrong with a row.
    pub enum ProblemKind {
        MissingName = "missing_name",
        BadDate = "bad_date",
        BadValue = "bad_value",
        PassportExpired = "passport_expired",
        DuplicatePerson = "duplicate_person",
        DuplicateInFile = "duplicate_in_file",
        AlreadyMember = "already_member",
    }
}

impl ProblemKind {
    /// The rule of the violation this problem becomes when an import is refused.
    pub fn rule(self) -> Rule {
        match self {
            Self::MissingName => Rule::Required,
            Self::BadDate => Rule::InvalidDate,
            Self::BadValue => Rule::InvalidFormat,
            Self::PassportExpired => Rule::OutOfRange,
            Self::DuplicatePerson | Self::DuplicateInFile | Self::AlreadyMember => Rule::Duplicate,
        }
    }
}

/// One problem, named by row and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    /// 1-based spreadsheet row.
    pub row: u32,
    /// Spreadsheet letter of the column, or empty when the problem is the whole row's.
    pub column: String,
    pub field: Option<GuestField>,
    pub kind: ProblemKind,
    /// An English sentence naming row, column and what is wrong.
    pub message: String,
    /// The person already in the directory, for a duplicate.
    pub existing_person_id: Option<String>,
    /// Their full name, so the window can say who without reading the directory.
    #[serde(default)]
    pub existing_person_name: Option<String>,
}

impl ImportProblem {
    /// The cell reference ("C5"), or "row 5".
    pub fn cell(&self) -> String {
        if self.column.is_empty() {
            format!("row {}", self.row)
        } else {
            format!("{}{}", self.column, self.row)
        }
    }

    pub fn to_violation(&self) -> Violation {
        Violation::new(&self.cell(), self.kind.rule(), self.message.clone())
    }
}

/// One row of the sheet with what was read and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GuestRow {
    /// 1-based spreadsheet row.
    pub row: u32,
    pub guest: GuestInput,
    pub problems: Vec<ImportProblem>,
}

/// A guest list as read from a file: the preview, before (and after) the store has checked
/// it against the directory and the delegation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GuestSheet {
    pub file_name: String,
    /// The worksheet read (empty for CSV).
    pub sheet: String,
    /// 1-based row of the headers.
    pub header_row: u32,
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<GuestRow>,
    /// Things worth knowing that are not problems ("column H \"Remarks\" is not imported").
    pub notes: Vec<String>,
}

impl GuestSheet {
    /// The letter of the column holding `field`, if any.
    pub fn column_of(&self, field: GuestField) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.column.as_str())
    }

    /// Every problem of every row, in row order.
    pub fn problems(&self) -> Vec<&ImportProblem> {
        self.rows.iter().flat_map(|r| &r.problems).collect()
    }

    /// Rows without problems.
    pub fn valid_rows(&self) -> impl Iterator<Item = &GuestRow> {
        self.rows.iter().filter(|r| r.problems.is_empty())
    }

    /// The mapping this sheet was read with, to remember for the organisation.
    pub fn mapping(&self) -> GuestMapping {
        GuestMapping {
            columns: self
                .columns
                .iter()
                .filter_map(|c| c.field.map(|f| (c.header.clone(), f)))
                .filter(|(h, _)| !h.trim().is_empty())
                .collect(),
            header_row: None,
            ignore: Vec::new(),
        }
    }

    /// A problem on `field` of `row` (the column looked up).
    pub fn problem(
        &self,
        row: u32,
        field: Option<GuestField>,
        kind: ProblemKind,
        what: &str,
    ) -> ImportProblem {
        let column = field
            .and_then(|f| self.column_of(f))
            .unwrap_or_default()
            .to_owned();
        let header = self
            .columns
            .iter()
            .find(|c| c.column == column)
            .map(|c| c.header.as_str())
            .unwrap_or_default();
        let place = cell_place(row, &column, header);
        ImportProblem {
            row,
            column,
            field,
            kind,
            message: format!("{place}: {what}"),
            existing_person_id: None,
            existing_person_name: None,
        }
    }
}

/// Where a problem is, in words: "Row 5", "Row 5, column C", "Row 5, column C (Passport)".
pub fn cell_place(row: u32, column: &str, header: &str) -> String {
    if column.is_empty() {
        format!("Row {row}")
    } else if header.is_empty() {
        format!("Row {row}, column {column}")
    } else {
        format!("Row {row}, column {column} ({header})")
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GuestImported {
    /// New people, as created.
    pub people: Vec<Person>,
    /// Organisations created because no organisation had the name written.
    pub organisations_created: Vec<Organisation>,
    /// Members added (role guest).
    pub members: Vec<Member>,
    /// Flights created from the arrival and departure columns.
    #[ts(type = "number")]
    pub segments_created: usize,
    /// Flights that already existed and gained a passenger.
    #[ts(type = "number")]
    pub segments_joined: usize,
    /// Rows left out because they had problems (with `skip_invalid`).
    pub skipped_rows: Vec<u32>,
}

/// Checks of a row that need the delegation but no other record: the person's own rules
/// (dates, codes, formats), a name, and a passport valid until the event ends.
pub fn check_guest(
    sheet: &GuestSheet,
    row: &GuestRow,
    event_ends_on: NaiveDate,
) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let person = &row.guest.person;
    if person.full_name.trim().is_empty() {
        let field = sheet
            .column_of(GuestField::FullName)
            .map(|_| GuestField::FullName)
            .or_else(|| {
                sheet
                    .column_of(GuestField::FamilyName)
                    .map(|_| GuestField::FamilyName)
            });
        problems.push(sheet.problem(
            row.row,
            field,
            ProblemKind::MissingName,
            "the guest has no name",
        ));
    }
    if let Err(error) = person.validate() {
        for v in error.violations {
            if v.field == "full_name" && v.rule == Rule::Required {
                continue;
            }
            let field = GuestField::parse(&v.field);
            let kind = match v.rule {
                Rule::InvalidDate => ProblemKind::BadDate,
                _ => ProblemKind::BadValue,
            };
            problems.push(sheet.problem(row.row, field, kind, &v.message));
        }
    }
    if let Ok(expires) = NaiveDate::parse_from_str(person.passport_expires_on.trim(), "%Y-%m-%d")
        && expires < event_ends_on
    {
        problems.push(sheet.problem(
            row.row,
            Some(GuestField::PassportExpiresOn),
            ProblemKind::PassportExpired,
            &format!("the passport expires on {expires}, before the event ends on {event_ends_on}"),
        ));
    }
    problems
}

/// The identity two rows (or a row and a person) share when they are the same person: the
/// passport number, or the passport-form name with the date of birth.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Identity {
    Passport(String),
    NameAndBirth(String, String),
}

/// The identities of a person, strongest first.
pub fn identities(passport_no: &str, passport_name: &str, born_on: &str) -> Vec<Identity> {
    let mut out = Vec::new();
    let passport = passport_no.trim().to_uppercase();
    if !passport.is_empty() {
        out.push(Identity::Passport(passport));
    }
    let name = crate::text::passport_form(passport_name);
    if !name.is_empty() && !born_on.trim().is_empty() {
        out.push(Identity::NameAndBirth(name, born_on.trim().to_owned()));
    }
    out
}

/// The identities of a guest row (its passport name derived from the full name when the
/// sheet gives none).
pub fn row_identities(person: &PersonInput) -> Vec<Identity> {
    let name = if person.passport_name.trim().is_empty() {
        &person.full_name
    } else {
        &person.passport_name
    };
    identities(&person.passport_no, name, &person.born_on)
}

/// Marks the second and later rows that share an identity with an earlier row.
pub fn mark_duplicates_in_file(sheet: &mut GuestSheet) {
    let mut seen: BTreeMap<Identity, u32> = BTreeMap::new();
    let mut found = Vec::new();
    for row in &sheet.rows {
        for identity in row_identities(&row.guest.person) {
            match seen.get(&identity) {
                Some(first) => {
                    let (field, what) = match &identity {
                        Identity::Passport(no) => (
                            GuestField::PassportNo,
                            format!("passport {no} is also on row {first}"),
                        ),
                        Identity::NameAndBirth(name, born) => (
                            GuestField::BornOn,
                            format!("{name}, born {born}, is also on row {first}"),
                        ),
                    };
                    found.push(sheet.problem(
                        row.row,
                        Some(field),
                        ProblemKind::DuplicateInFile,
                        &what,
                    ));
                    break;
                }
                None => {
                    seen.insert(identity, row.row);
                }
            }
        }
    }
    for problem in found {
        if let Some(row) = sheet.rows.iter_mut().find(|r| r.row == problem.row) {
            row.problems.push(problem);
        }
    }
}

/// The refusal of an import that has problems: every problem as a violation on its cell.
pub fn refusal(sheet: &GuestSheet) -> Error {
    let violations: Vec<Violation> = sheet.problems().iter().map(|p| p.to_violation()).collect();
    let mut error = Error::invalid(violations);
    error.message = format!(
        "the guest list has {} problem(s) in {} row(s); nothing was imported (fix them, or import with skip-invalid to leave those rows out): {}",
        sheet.problems().len(),
        sheet.rows.iter().filter(|r| !r.problems.is_empty()).count(),
        error.message
    );
    error
}

/// The order a country's names are written in when a sheet gives only the full name:
/// family name first in Viet Nam, Cambodia, China, Japan, Korea, Hungary...; given name
/// first elsewhere (Laos, Thailand, the Philippines, Malaysia, Indonesia, the West).
pub fn name_order_for(nationality: &str) -> NameOrder {
    match nationality {
        "VN" | "KH" | "CN" | "TW" | "HK" | "MO" | "JP" | "KR" | "KP" | "HU" | "MN" => {
            NameOrder::FamilyFirst
        }
        _ => NameOrder::GivenFirst,
    }
}

/// Whether the parts compose the full name as written in `order`.
fn composes(full: &str, family: &str, given: &str, order: NameOrder) -> bool {
    let joined = match order {
        NameOrder::FamilyFirst => format!("{family} {given}"),
        NameOrder::GivenFirst => format!("{given} {family}"),
    };
    crate::text::clean(&joined) == crate::text::clean(full)
}

/// The name as a badge or a table card prints it, in the guest's own order, the family name
/// in capitals so that nobody has to guess which part it is: "TRẦN Mỹ Dung", "Kanokwan
/// THONGDEE". A name whose parts do not compose it (a single name, a name written another
/// way) is printed exactly as written.
pub fn formal_name(person: &Person) -> String {
    let family = person.family_name.trim();
    let given = person.given_name.trim();
    if family.is_empty() || given.is_empty() {
        return person.full_name.clone();
    }
    if !composes(&person.full_name, family, given, person.name_order) {
        return person.full_name.clone();
    }
    let upper = family.to_uppercase();
    match person.name_order {
        NameOrder::FamilyFirst => format!("{upper} {given}"),
        NameOrder::GivenFirst => format!("{given} {upper}"),
    }
}

/// Airports delegations of the region fly through: IATA code, city, IANA zone. Used to
/// place flights read from a guest list ("VN 611 from BKK") and to find the host airport.
const AIRPORTS: &[(&str, &str, &str)] = &[
    ("HAN", "Hà Nội", "Asia/Ho_Chi_Minh"),
    ("SGN", "Hồ Chí Minh", "Asia/Ho_Chi_Minh"),
    ("DAD", "Đà Nẵng", "Asia/Ho_Chi_Minh"),
    ("HPH", "Hải Phòng", "Asia/Ho_Chi_Minh"),
    ("CXR", "Nha Trang", "Asia/Ho_Chi_Minh"),
    ("HUI", "Huế", "Asia/Ho_Chi_Minh"),
    ("BKK", "Bangkok", "Asia/Bangkok"),
    ("DMK", "Bangkok", "Asia/Bangkok"),
    ("SIN", "Singapore", "Asia/Singapore"),
    ("KUL", "Kuala Lumpur", "Asia/Kuala_Lumpur"),
    ("CGK", "Jakarta", "Asia/Jakarta"),
    ("DPS", "Denpasar", "Asia/Makassar"),
    ("MNL", "Manila", "Asia/Manila"),
    ("PNH", "Phnom Penh", "Asia/Phnom_Penh"),
    ("REP", "Siem Reap", "Asia/Phnom_Penh"),
    ("VTE", "Vientiane", "Asia/Vientiane"),
    ("LPQ", "Luang Prabang", "Asia/Vientiane"),
    ("RGN", "Yangon", "Asia/Yangon"),
    ("BWN", "Bandar Seri Begawan", "Asia/Brunei"),
    ("DIL", "Dili", "Asia/Dili"),
    ("HKG", "Hong Kong", "Asia/Hong_Kong"),
    ("PEK", "Beijing", "Asia/Shanghai"),
    ("PVG", "Shanghai", "Asia/Shanghai"),
    ("CAN", "Guangzhou", "Asia/Shanghai"),
    ("TPE", "Taipei", "Asia/Taipei"),
    ("ICN", "Seoul", "Asia/Seoul"),
    ("NRT", "Tokyo", "Asia/Tokyo"),
    ("HND", "Tokyo", "Asia/Tokyo"),
    ("DEL", "New Delhi", "Asia/Kolkata"),
    ("SYD", "Sydney", "Australia/Sydney"),
    ("MEL", "Melbourne", "Australia/Melbourne"),
    ("DOH", "Doha", "Asia/Qatar"),
    ("DXB", "Dubai", "Asia/Dubai"),
    ("IST", "Istanbul", "Europe/Istanbul"),
    ("CDG", "Paris", "Europe/Paris"),
    ("FRA", "Frankfurt", "Europe/Berlin"),
    ("AMS", "Amsterdam", "Europe/Amsterdam"),
    ("LHR", "London", "Europe/London"),
    ("SVO", "Moscow", "Europe/Moscow"),
    ("JFK", "New York", "America/New_York"),
    ("SFO", "San Francisco", "America/Los_Angeles"),
];

/// The city and IANA zone of an airport code, if known.
pub fn airport(code: &str) -> Option<(&'static str, &'static str)> {
    let code = code.trim().to_uppercase();
    AIRPORTS
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|(_, city, zone)| (*city, *zone))
}

/// The host airport of a delegation received in `country` and `cities`: the airport of the
/// first city named that has one, else the country's first airport in the table.
pub fn host_airport(country: &str, cities: &str) -> Option<(&'static str, &'static str)> {
    let wanted = crate::text::search_form(cities);
    let city_airport = AIRPORTS.iter().find(|(_, city, _)| {
        let city = crate::text::search_form(city);
        !city.is_empty() && wanted.contains(&city)
    });
    let country_zone = host_zone(country);
    city_airport
        .or_else(|| {
            AIRPORTS
                .iter()
                .find(|(_, _, zone)| Some(*zone) == country_zone)
        })
        .map(|(code, _, zone)| (*code, *zone))
}

/// The IANA zone of a country that has one zone (all of ASEAN but Indonesia, whose capital's
/// zone is given).
pub fn host_zone(country: &str) -> Option<&'static str> {
    Some(match country {
        "VN" => "Asia/Ho_Chi_Minh",
        "TH" => "Asia/Bangkok",
        "SG" => "Asia/Singapore",
        "MY" => "Asia/Kuala_Lumpur",
        "ID" => "Asia/Jakarta",
        "PH" => "Asia/Manila",
        "KH" => "Asia/Phnom_Penh",
        "LA" => "Asia/Vientiane",
        "MM" => "Asia/Yangon",
        "BN" => "Asia/Brunei",
        "TL" => "Asia/Dili",
        "CN" => "Asia/Shanghai",
        "JP" => "Asia/Tokyo",
        "KR" => "Asia/Seoul",
        _ => return None,
    })
}

/// Whether a flight brings guests into the host country (an arrival), takes them out of it
/// (a departure), or neither. A flight between two other zones, or within the host zone,
/// counts by its date: landing by the first day is an arrival, leaving from the last day on
/// is a departure (a flight read from a guest list whose origin is unknown carries the host
/// zone at both ends).
pub fn flight_direction(
    segment: &Segment,
    host_zone: &str,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> Option<crate::TransferKind> {
    let lands = segment.to_tz == host_zone;
    let leaves = segment.from_tz == host_zone;
    match (lands, leaves) {
        (true, false) => Some(crate::TransferKind::Arrival),
        (false, true) => Some(crate::TransferKind::Departure),
        (true, true) if segment.arrives_local.date() <= starts_on => {
            Some(crate::TransferKind::Arrival)
        }
        (true, true) if segment.departs_local.date() >= ends_on => {
            Some(crate::TransferKind::Departure)
        }
        _ => None,
    }
}

/// A person as lists print them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonName {
    pub person_id: String,
    pub full_name: String,
    pub passport_name: String,
    /// ISO code.
    pub nationality: String,
    pub phone: String,
}

impl PersonName {
    pub fn of(person: &Person) -> Self {
        Self {
            person_id: person.id.clone(),
            full_name: person.full_name.clone(),
            passport_name: person.passport_name.clone(),
            nationality: person.nationality.clone(),
            phone: person.phone.clone(),
        }
    }
}

/// A guest with everything hosting needs about them: their record, organisation, flights,
/// rooms and whether they have arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GuestRecord {
    pub member: Member,
    pub person: Person,
    pub organisation: Option<Organisation>,
    /// Their first flight arriving in the host country.
    pub arrival: Option<Segment>,
    /// Their last flight leaving it.
    pub departure: Option<Segment>,
    pub stays: Vec<Stay>,
    /// When they were ticked at the welcome desk (RFC 3339).
    pub checked_in_at: Option<String>,
}

/// A member's arrival at the welcome desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckIn {
    pub member_id: String,
    pub person_id: String,
    pub full_name: String,
    /// RFC 3339, or `None`: not arrived yet.
    pub at: Option<String>,
    /// Who ticked it.
    pub by: String,
}

/// One line of a checklist template: a duty due some days before the event's first day, with
/// its title in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistLine {
    /// Vietnamese title.
    pub title: String,
    pub title_en: String,
    /// Days before the first day (60 = two months ahead; negative = after it started).
    pub days_before: i32,
}

/// A checklist template (data: `assets/checklists/hosting.json` is the default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistTemplate {
    pub name: String,
    pub items: Vec<ChecklistLine>,
}

impl ChecklistTemplate {
    /// Refuses a template with no line or a line without a title, naming the line.
    pub fn validate(&self) -> Result<(), Error> {
        let mut violations = Vec::new();
        if self.items.is_empty() {
            violations.push(Violation::new(
                "items",
                Rule::Required,
                "The checklist has no line",
            ));
        }
        for (n, line) in self.items.iter().enumerate() {
            if line.title.trim().is_empty() && line.title_en.trim().is_empty() {
                violations.push(Violation::new(
                    &format!("items[{n}].title"),
                    Rule::Required,
                    format!("Line {} of the checklist has no title", n + 1),
                ));
            }
            if line.days_before.abs() > 3660 {
                violations.push(Violation::new(
                    &format!("items[{n}].days_before"),
                    Rule::OutOfRange,
                    format!("Line {} is due more than ten years from the event", n + 1),
                ));
            }
        }
        if violations.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid(violations))
        }
    }
}

/// The tasks a template adds to a delegation starting on `first_day`: one per line whose
/// title (in either language) is not already a task of the delegation. Returns the inputs
/// and the titles skipped.
pub fn plan_checklist(
    template: &ChecklistTemplate,
    first_day: NaiveDate,
    existing: &[Task],
    assignee_id: Option<&str>,
    language: Language,
) -> (Vec<TaskInput>, Vec<String>) {
    let taken = |title: &str| {
        let wanted = crate::text::clean(title).to_lowercase();
        !wanted.is_empty()
            && existing
                .iter()
                .any(|t| crate::text::clean(&t.title).to_lowercase() == wanted)
    };
    let mut add = Vec::new();
    let mut skipped = Vec::new();
    for line in &template.items {
        let (title, other) = match language {
            Language::Vi => (&line.title, &line.title_en),
            Language::En => (&line.title_en, &line.title),
        };
        let title = if title.trim().is_empty() {
            other
        } else {
            title
        };
        if taken(&line.title)
            || taken(&line.title_en)
            || add.iter().any(|t: &TaskInput| t.title == *title)
        {
            skipped.push(title.clone());
            continue;
        }
        add.push(TaskInput {
            title: title.clone(),
            assignee_id: assignee_id.map(str::to_owned),
            due_on: due_date(first_day, line.days_before).to_string(),
            status: String::new(),
            notes: other.clone(),
        });
    }
    (add, skipped)
}

/// What applying a checklist did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistApplied {
    pub created: Vec<Task>,
    /// Titles already present, not added again.
    pub skipped: Vec<String>,
}

/// One pickup or drop-off with its flight and passengers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TransferRow {
    pub transfer: Transfer,
    pub segment: Option<Segment>,
    pub passengers: Vec<PersonName>,
}

/// The transfers of one day, by time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TransferDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub transfers: Vec<TransferRow>,
}

/// The transport team's board: pickups by day and time, and who is not on any arrival
/// transfer yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TransferBoard {
    pub days: Vec<TransferDay>,
    pub without_arrival_transfer: Vec<PersonName>,
}

/// One room: its stay record and who sleeps in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoomRow {
    pub stay: Stay,
    pub guests: Vec<PersonName>,
    #[ts(type = "number")]
    pub nights: i64,
}

/// A hotel and its rooms, by room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HotelRooms {
    pub hotel: String,
    pub address: String,
    pub rooms: Vec<RoomRow>,
}

/// Nights per guest, summed over their rooms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GuestNights {
    pub guest: PersonName,
    #[ts(type = "number")]
    pub nights: i64,
    /// "Hotel Nikko Hanoi, Twin 501" (several joined with "; ").
    pub rooms: String,
    /// Who shares with them.
    pub shares_with: Vec<String>,
}

/// The rooming list for the hotel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoomingList {
    pub hotels: Vec<HotelRooms>,
    pub nights: Vec<GuestNights>,
    /// Guests with no room.
    pub without_room: Vec<PersonName>,
}

/// A programme item with the staff member in charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeLine {
    pub item: ProgrammeItem,
    pub responsible: Option<PersonName>,
}

/// One day of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeDay {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub lines: Vec<ProgrammeLine>,
}

/// A guest file as the window previews it: the sheet read and checked, and the worksheets
/// the file has (to choose another; empty for CSV).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GuestFilePreview {
    pub sheet: GuestSheet,
    pub sheets: Vec<String>,
}

named! {
    /// A paper the hosting kit prints as PDF.
    pub enum HostingPaper {
        Programme = "programme",
        Transfers = "transfers",
        Rooming = "rooming",
        Badges = "badges",
        TentCards = "tent_cards",
        Invitations = "invitations",
        VisaLetters = "visa_letters",
    }
}

named! {
    /// A list the hosting kit writes as a spreadsheet (XLSX or CSV).
    pub enum HostingList {
        Guests = "guests",
        Rooming = "rooming",
        Transfers = "transfers",
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Written {
    pub path: String,
    /// Pages of a PDF; 0 for a spreadsheet.
    #[ts(type = "number")]
    pub pages: usize,
    /// Names printed in another form, characters left blank.
    pub warnings: Vec<String>,
    /// Guests who got no letter (they need no visa).
    pub left_out: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(full: &str, family: &str, given: &str, order: NameOrder) -> Person {
        Person {
            id: "p".into(),
            full_name: full.into(),
            passport_name: crate::text::passport_form(full),
            family_name: family.into(),
            given_name: given.into(),
            name_order: order,
            ..Default::default()
        }
    }

    #[test]
    fn a_badge_name_keeps_the_guests_order_and_capitalises_the_family_name() {
        assert_eq!(
            formal_name(&person(
                "Trần Mỹ Dung",
                "Trần",
                "Mỹ Dung",
                NameOrder::FamilyFirst
            )),
            "TRẦN Mỹ Dung"
        );
        assert_eq!(
            formal_name(&person(
                "Kanokwan Thongdee",
                "Thongdee",
                "Kanokwan",
                NameOrder::GivenFirst
            )),
            "Kanokwan THONGDEE"
        );
        assert_eq!(
            formal_name(&person("Aung Kyaw", "", "", NameOrder::GivenFirst)),
            "Aung Kyaw",
            "a name without parts is printed as written"
        );
        assert_eq!(
            formal_name(&person(
                "Dr. Maria Reyes",
                "Reyes",
                "Maria",
                NameOrder::GivenFirst
            )),
            "Dr. Maria Reyes",
            "parts that do not compose the name leave it as written"
        );
    }

    #[test]
    fn checklist_due_dates_count_back_and_existing_titles_are_not_added_twice() {
        let template = ChecklistTemplate {
            name: "t".into(),
            items: vec![
                ChecklistLine {
                    title: "Gửi thư mời".into(),
                    title_en: "Send invitations".into(),
                    days_before: 60,
                },
                ChecklistLine {
                    title: "Chốt danh sách đón tiễn".into(),
                    title_en: "Transfers list".into(),
                    days_before: 3,
                },
            ],
        };
        let first = NaiveDate::from_ymd_opt(2017, 11, 27).unwrap_or_default();
        let existing = vec![Task {
            id: "t".into(),
            delegation_id: "d".into(),
            title: "send invitations".into(),
            status: crate::TaskStatus::Todo,
            ..Default::default()
        }];
        let (add, skipped) = plan_checklist(&template, first, &existing, Some("a"), Language::Vi);
        assert_eq!(
            skipped,
            vec!["Gửi thư mời".to_owned()],
            "the English title already exists"
        );
        assert_eq!(add.len(), 1);
        assert_eq!(add[0].due_on, "2017-11-24", "3 days before 27 Nov");
        assert_eq!(add[0].assignee_id.as_deref(), Some("a"));
    }

    #[test]
    fn rows_sharing_a_passport_or_name_and_birth_date_are_duplicates() {
        let row = |n: u32, name: &str, passport: &str, born: &str| GuestRow {
            row: n,
            guest: GuestInput {
                person: PersonInput {
                    full_name: name.into(),
                    passport_no: passport.into(),
                    born_on: born.into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            problems: Vec::new(),
        };
        let mut sheet = GuestSheet {
            rows: vec![
                row(4, "Somchai Jaidee", "AA1", "1970-01-01"),
                row(5, "Nguyễn Văn An", "", "1980-02-02"),
                row(6, "Somchai J.", "aa1", ""),
                row(7, "Nguyen Van An", "", "1980-02-02"),
            ],
            ..Default::default()
        };
        mark_duplicates_in_file(&mut sheet);
        let flagged: Vec<u32> = sheet.problems().iter().map(|p| p.row).collect();
        assert_eq!(flagged, vec![6, 7]);
        assert!(sheet.rows[2].problems[0].message.contains("row 4"));
    }
}
