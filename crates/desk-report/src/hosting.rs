//! The hosting kit's papers, made from the office's records: the transfer list for the
//! transport team, the rooming list for the hotel, the bilingual programme, badges and
//! table tent cards, and invitation and visa-support letters.
//!
//! Each paper has a pure builder (records → document) and a `*_pdf` function (document →
//! laid out → drawn) that also says what a reader should know: a name that the font cannot
//! show, printed in its passport form instead.
//!
//! Names on badges, cards and letters: the guest's own order, family name in capitals
//! (`hosting::formal_name`: "TRẦN Mỹ Dung", "Kanokwan THONGDEE"). Liberation Serif has no
//! Lao, Khmer, Myanmar or Thai letters: such a name would print as blanks, so the passport
//! (Latin) form is printed instead and a warning says so for each guest.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use desk_domain::hosting::{
    GuestRecord, PersonName, ProgrammeDay, RoomingList, TransferBoard, formal_name,
};
use desk_domain::{
    Audience, Delegation, Error, Gender, MemberRole, Person, ProgrammeKind, Rule, Settings,
    TransferKind, Violation, country_names,
};

use crate::badges::{Badge, BadgeSheet, layout_badges, layout_tents};
use crate::error::ReportError;
use crate::labels::PrintedLanguage;
use crate::layout::Layout;
use crate::letter::{LetterDocument, layout_letters};
use crate::list::{ListDocument, ListSection, layout_list, printable};
use crate::model::{Agency, Block, Column, Language, Signature, Span};
use crate::render::{Metadata, draw};

/// A drawn paper and what its reader should be told.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Names printed in another form, characters left blank.
    pub warnings: Vec<String>,
    /// The room of the last signature block (letters), where a digital signature is drawn.
    pub signature: Option<crate::SignatureSpace>,
}

const WEEKDAYS_VI: [&str; 7] = [
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "27 November 2017".
pub fn date_en(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        crate::labels::MONTHS
            .get(d.month0() as usize)
            .copied()
            .unwrap_or_default(),
        d.year()
    )
}

/// "27/11/2017".
pub fn date_vi(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "Thứ Hai, 27/11/2017 · Monday, 27 November 2017".
pub fn day_heading(d: NaiveDate) -> String {
    let n = d.weekday().num_days_from_monday() as usize;
    format!(
        "{}, {} · {}, {}",
        WEEKDAYS_VI.get(n).copied().unwrap_or_default(),
        date_vi(d),
        WEEKDAYS_EN.get(n).copied().unwrap_or_default(),
        date_en(d)
    )
}

fn event_line(d: &Delegation) -> String {
    if d.event.trim().is_empty() {
        d.title.clone()
    } else {
        d.event.clone()
    }
}

fn dates_line(d: &Delegation) -> String {
    let place = if d.cities.trim().is_empty() {
        String::new()
    } else {
        format!(" · {}", d.cities)
    };
    format!("{} – {}{place}", date_vi(d.starts_on), date_vi(d.ends_on))
}

fn kind_label(kind: ProgrammeKind) -> &'static str {
    match kind {
        ProgrammeKind::Meeting => "Họp · Meeting",
        ProgrammeKind::Workshop => "Hội thảo · Workshop",
        ProgrammeKind::Visit => "Tham quan · Visit",
        ProgrammeKind::Ceremony => "Lễ · Ceremony",
        ProgrammeKind::Meal => "Tiệc · Meal",
        ProgrammeKind::Transfer => "Di chuyển · Transfer",
        ProgrammeKind::Other => "",
    }
}

fn audience_label(audience: Audience, note: &str) -> String {
    let base = match audience {
        Audience::All => "Toàn thể · All",
        Audience::Group => "Nhóm · Group",
        Audience::Vip => "Trưởng đoàn · Heads of delegation",
    };
    if note.trim().is_empty() {
        base.to_owned()
    } else {
        format!("{base}: {note}")
    }
}

fn transfer_kind_label(kind: TransferKind) -> &'static str {
    match kind {
        TransferKind::Arrival => "Đón · Pickup",
        TransferKind::Departure => "Tiễn · Drop-off",
        TransferKind::Local => "Nội thành · Local",
    }
}

fn warnings_of(layout: &Layout, mut warnings: Vec<String>) -> Vec<String> {
    if !layout.missing_glyphs.is_empty() {
        let chars: String = layout.missing_glyphs.iter().collect();
        warnings.push(format!(
            "the font has no glyph for {} character(s) ({chars}); they print blank",
            layout.missing_glyphs.len()
        ));
    }
    warnings
}

fn drawn(
    layout: &Layout,
    title: String,
    author: &str,
    created_at: DateTime<FixedOffset>,
    warnings: Vec<String>,
) -> Result<Printed, ReportError> {
    let pdf = draw(
        layout,
        &Metadata {
            title,
            author: author.to_owned(),
            created_at,
        },
    )?;
    Ok(Printed {
        pdf,
        pages: layout.pages.len(),
        warnings: warnings_of(layout, warnings),
        signature: None,
    })
}

/// A name as it can be printed: the formal name, or its passport form when the font cannot
/// show it (with the warning to give).
pub fn printable_name(person: &Person) -> (String, Option<String>) {
    let name = formal_name(person);
    if printable(&name) {
        return (name, None);
    }
    if !person.passport_name.trim().is_empty() && printable(&person.passport_name) {
        return (
            person.passport_name.clone(),
            Some(format!(
                "{}: the name \"{}\" uses letters the font cannot print; the passport form {} is printed instead",
                person.passport_name, person.full_name, person.passport_name
            )),
        );
    }
    (
        name,
        Some(format!(
            "\"{}\" uses letters the font cannot print and no passport name in Latin letters is recorded; it prints blank",
            person.full_name
        )),
    )
}

/// The people's names (or passport names) as one cell: "A; B".
fn names(people: &[PersonName], name: fn(&PersonName) -> &str) -> String {
    people.iter().map(name).collect::<Vec<_>>().join("; ")
}

/// The closing section naming the guests a list could not place (no room, no pickup); none
/// when every guest is placed.
fn unplaced(heading: &str, people: &[PersonName]) -> Option<ListSection> {
    (!people.is_empty()).then(|| ListSection {
        heading: heading.into(),
        note: names(people, |p| &p.full_name),
        columns: Vec::new(),
        rows: Vec::new(),
    })
}

/// A hosting list of the delegation under the agency's name: its event and dates under the
/// bilingual title.
fn delegation_list(
    settings: &Settings,
    delegation: &Delegation,
    landscape: bool,
    (title, title_en): (&str, &str),
    sections: Vec<ListSection>,
    created_at: DateTime<FixedOffset>,
) -> ListDocument {
    ListDocument {
        landscape,
        agency: settings.agency.clone(),
        title: title.into(),
        title_en: title_en.into(),
        subtitle: vec![event_line(delegation), dates_line(delegation)],
        sections,
        created_at,
    }
}

/// A hosting list (programme, transfers, rooming) as PDF, its metadata title naming the list
/// and the event.
pub fn hosting_list_pdf(
    settings: &Settings,
    delegation: &Delegation,
    doc: &ListDocument,
) -> Result<Printed, ReportError> {
    let layout = layout_list(doc)?;
    drawn(
        &layout,
        format!("{} – {}", doc.title_en, event_line(delegation)),
        &settings.agency,
        doc.created_at,
        Vec::new(),
    )
}

/// The transfer list for the transport team.
pub fn transfer_list(
    settings: &Settings,
    delegation: &Delegation,
    board: &TransferBoard,
    created_at: DateTime<FixedOffset>,
) -> ListDocument {
    let columns = vec![
        Column::new("Giờ · Time", 0.7),
        Column::new("Loại · Kind", 1.0),
        Column::new("Chuyến bay · Flight", 1.1),
        Column::new("Từ → Đến · From → To", 2.2),
        Column::new("Ga · Term.", 0.6),
        Column::new("Số khách · Pax", 0.6),
        Column::new("Khách · Passengers", 4.0),
        Column::new("Xe, lái xe · Vehicle, driver", 2.2),
    ];
    let mut sections: Vec<ListSection> = board
        .days
        .iter()
        .map(|day| ListSection {
            heading: day_heading(day.date),
            note: String::new(),
            columns: columns.clone(),
            rows: day
                .transfers
                .iter()
                .map(|row| {
                    let t = &row.transfer;
                    let flight = row
                        .segment
                        .as_ref()
                        .map(|s| {
                            let time = if t.kind == TransferKind::Departure {
                                format!(" {}", s.departs_local.format("%H:%M"))
                            } else {
                                format!(" {}", s.arrives_local.format("%H:%M"))
                            };
                            format!("{}{}", s.number, time)
                        })
                        .unwrap_or_default();
                    vec![
                        t.at_local.format("%H:%M").to_string(),
                        transfer_kind_label(t.kind).to_owned(),
                        flight,
                        format!("{} → {}", t.from_place, t.to_place),
                        t.terminal.clone(),
                        row.passengers.len().to_string(),
                        names(&row.passengers, |p| &p.full_name),
                        [
                            t.vehicle.as_str(),
                            t.driver.as_str(),
                            t.driver_phone.as_str(),
                        ]
                        .iter()
                        .filter(|s| !s.trim().is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", "),
                    ]
                })
                .collect(),
        })
        .collect();
    sections.extend(unplaced(
        "Chưa có xe đón · Guests without an arrival pickup",
        &board.without_arrival_transfer,
    ));
    delegation_list(
        settings,
        delegation,
        true,
        ("Danh sách đón tiễn sân bay", "Airport transfer list"),
        sections,
        created_at,
    )
}

/// The rooming list's nights per guest as table rows: guest, rooms, who shares, nights (the
/// paper's last table and the CLI's listing).
pub fn nights_rows(list: &RoomingList) -> Vec<Vec<String>> {
    list.nights
        .iter()
        .map(|n| {
            vec![
                n.guest.full_name.clone(),
                n.rooms.clone(),
                n.shares_with.join("; "),
                n.nights.to_string(),
            ]
        })
        .collect()
}

/// The rooming list for the hotel.
pub fn rooming_document(
    settings: &Settings,
    delegation: &Delegation,
    list: &RoomingList,
    created_at: DateTime<FixedOffset>,
) -> ListDocument {
    let mut sections: Vec<ListSection> = list
        .hotels
        .iter()
        .map(|hotel| ListSection {
            heading: hotel.hotel.clone(),
            note: hotel.address.clone(),
            columns: vec![
                Column::new("Phòng · Room", 1.2),
                Column::new("Khách · Guests", 3.0),
                Column::new("Tên trong hộ chiếu · Passport names", 3.0),
                Column::new("Nhận phòng · Check-in", 1.2),
                Column::new("Trả phòng · Check-out", 1.2),
                Column::new("Số đêm · Nights", 0.8),
                Column::new("Mã đặt phòng · Confirmation", 1.6),
            ],
            rows: hotel
                .rooms
                .iter()
                .map(|room| {
                    vec![
                        room.stay.room.clone(),
                        names(&room.guests, |g| &g.full_name),
                        names(&room.guests, |g| &g.passport_name),
                        date_vi(room.stay.check_in_on),
                        date_vi(room.stay.check_out_on),
                        room.nights.to_string(),
                        room.stay.confirmation.clone(),
                    ]
                })
                .collect(),
        })
        .collect();
    sections.push(ListSection {
        heading: "Số đêm theo khách · Nights per guest".into(),
        note: String::new(),
        columns: vec![
            Column::new("Khách · Guest", 3.0),
            Column::new("Phòng · Room", 3.0),
            Column::new("Ở cùng · Shares with", 3.0),
            Column::new("Số đêm · Nights", 0.8),
        ],
        rows: nights_rows(list),
    });
    sections.extend(unplaced(
        "Chưa xếp phòng · Guests without a room",
        &list.without_room,
    ));
    delegation_list(
        settings,
        delegation,
        true,
        ("Danh sách xếp phòng", "Rooming list"),
        sections,
        created_at,
    )
}

/// The bilingual programme, day by day.
pub fn programme_document(
    settings: &Settings,
    delegation: &Delegation,
    days: &[ProgrammeDay],
    created_at: DateTime<FixedOffset>,
) -> ListDocument {
    let sections = days
        .iter()
        .map(|day| ListSection {
            heading: day_heading(day.date),
            note: String::new(),
            columns: vec![
                Column::new("Thời gian · Time", 1.1),
                Column::new("Nội dung · Programme", 3.6),
                Column::new("Địa điểm · Venue", 2.2),
                Column::new("Phụ trách · In charge", 1.8),
                Column::new("Thành phần · Audience", 1.4),
            ],
            rows: day
                .lines
                .iter()
                .map(|line| {
                    let item = &line.item;
                    let time = match (item.starts_at, item.ends_at) {
                        (Some(s), Some(e)) => {
                            format!("{} – {}", s.format("%H:%M"), e.format("%H:%M"))
                        }
                        (Some(s), None) => s.format("%H:%M").to_string(),
                        _ => "Cả ngày · All day".to_owned(),
                    };
                    let kind = kind_label(item.kind);
                    // Both titles, as a bilingual programme prints them: "Khai mạc / Opening".
                    let title = if item.title_en.is_empty() || item.title_en == item.title {
                        item.title.clone()
                    } else {
                        format!("{} / {}", item.title, item.title_en)
                    };
                    let what = if kind.is_empty() {
                        title
                    } else {
                        format!("{title} ({kind})")
                    };
                    let venue = [item.venue.as_str(), item.room.as_str()]
                        .iter()
                        .filter(|s| !s.trim().is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ");
                    let responsible = line
                        .responsible
                        .as_ref()
                        .map(|p| {
                            if p.phone.is_empty() {
                                p.full_name.clone()
                            } else {
                                format!("{} ({})", p.full_name, p.phone)
                            }
                        })
                        .unwrap_or_default();
                    vec![
                        time,
                        what,
                        venue,
                        responsible,
                        audience_label(item.audience, &item.audience_note),
                    ]
                })
                .collect(),
        })
        .collect();
    delegation_list(
        settings,
        delegation,
        false,
        ("Chương trình", "Programme"),
        sections,
        created_at,
    )
}

fn role_label(role: MemberRole) -> &'static str {
    match role {
        MemberRole::Guest | MemberRole::Member => "ĐẠI BIỂU · DELEGATE",
        MemberRole::Head => "TRƯỞNG ĐOÀN · HEAD OF DELEGATION",
        MemberRole::Deputy => "PHÓ ĐOÀN · DEPUTY HEAD",
        MemberRole::Interpreter => "PHIÊN DỊCH · INTERPRETER",
        MemberRole::Secretary => "BAN TỔ CHỨC · ORGANISER",
    }
}

fn country_line(code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    let en = country_names::english(code).to_uppercase();
    let vi = country_names::vietnamese(code).to_uppercase();
    if en == vi {
        en
    } else {
        format!("{en} · {vi}")
    }
}

/// The badges (or cards) of a delegation's guests, with a warning per name printed in its
/// passport form.
pub fn badge_sheet(
    delegation: &Delegation,
    guests: &[GuestRecord],
    created_at: DateTime<FixedOffset>,
) -> (BadgeSheet, Vec<String>) {
    let mut warnings = Vec::new();
    let badges = guests
        .iter()
        .map(|g| {
            let (name, warning) = printable_name(&g.person);
            warnings.extend(warning);
            Badge {
                name,
                title: g.person.title.clone(),
                organisation: g
                    .organisation
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                country: country_line(&g.person.nationality),
                role: role_label(g.member.role).to_owned(),
            }
        })
        .collect();
    (
        BadgeSheet {
            event: event_line(delegation),
            dates: dates_line(delegation),
            badges,
            created_at,
        },
        warnings,
    )
}

/// Badges (eight per A4 sheet) or tent cards (one per sheet) as PDF.
pub fn badges_pdf(
    delegation: &Delegation,
    guests: &[GuestRecord],
    tent: bool,
    author: &str,
    created_at: DateTime<FixedOffset>,
) -> Result<Printed, ReportError> {
    let (sheet, warnings) = badge_sheet(delegation, guests, created_at);
    let layout = if tent {
        layout_tents(&sheet)?
    } else {
        layout_badges(&sheet)?
    };
    let what = if tent { "Table cards" } else { "Badges" };
    drawn(
        &layout,
        format!("{what} – {}", event_line(delegation)),
        author,
        created_at,
        warnings,
    )
}

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Invitation,
    VisaSupport,
}

fn honorific(gender: Option<Gender>, language: Language) -> &'static str {
    match (gender, language) {
        (Some(Gender::Female), Language::En) => "Ms",
        (Some(Gender::Male), Language::En) => "Mr",
        (_, Language::En) => "",
        (Some(Gender::Female), Language::Vi) => "Bà",
        (Some(Gender::Male), Language::Vi) => "Ông",
        (_, Language::Vi) => "Ông/Bà",
    }
}

/// The rows of the guest's particulars table.
fn particulars(g: &GuestRecord, name: &str, language: Language) -> Block {
    let en = language == Language::En;
    let date = |d: Option<NaiveDate>| {
        d.map(|d| if en { date_en(d) } else { date_vi(d) })
            .unwrap_or_default()
    };
    let p = &g.person;
    let nationality = if en {
        country_names::english(&p.nationality)
    } else {
        country_names::vietnamese(&p.nationality)
    };
    let gender = match (p.gender, en) {
        (Some(Gender::Female), true) => "Female",
        (Some(Gender::Male), true) => "Male",
        (Some(Gender::Female), false) => "Nữ",
        (Some(Gender::Male), false) => "Nam",
        (Some(Gender::Other), true) => "Other",
        (Some(Gender::Other), false) => "Khác",
        (None, _) => "",
    };
    let rows: Vec<(&str, &str, String)> = vec![
        ("Full name", "Họ và tên", name.to_owned()),
        (
            "Name in passport",
            "Tên trong hộ chiếu",
            p.passport_name.clone(),
        ),
        ("Gender", "Giới tính", gender.to_owned()),
        ("Date of birth", "Ngày sinh", date(p.born_on)),
        ("Nationality", "Quốc tịch", nationality),
        ("Passport No.", "Số hộ chiếu", p.passport_no.clone()),
        (
            "Date of expiry",
            "Ngày hết hạn",
            date(p.passport_expires_on),
        ),
        ("Title", "Chức vụ", p.title.clone()),
        (
            "Organisation",
            "Cơ quan",
            g.organisation
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
        ),
    ];
    Block::Table {
        columns: vec![
            Column::new(if en { "Particulars" } else { "Thông tin" }, 1.0),
            Column::new(
                if en {
                    "As in the passport"
                } else {
                    "Theo hộ chiếu"
                },
                1.6,
            ),
        ],
        rows: rows
            .into_iter()
            .filter(|(_, _, v)| !v.trim().is_empty())
            .map(|(e, v, value)| vec![(if en { e } else { v }).to_owned(), value])
            .collect(),
    }
}

/// Whether a guest needs a visa-support letter: not when they hold the host country's
/// nationality (the demo's provincial librarians are guests of the session too).
pub fn needs_visa(delegation: &Delegation, guest: &GuestRecord) -> bool {
    guest.person.nationality != delegation.country
}

/// The guests a letter of `kind` goes to, and the names of those left out: an invitation
/// goes to every guest, a visa-support letter only to those who need a visa. Refuses when
/// nobody is left, naming why.
pub fn letter_recipients(
    delegation: &Delegation,
    guests: Vec<GuestRecord>,
    kind: LetterKind,
) -> Result<(Vec<GuestRecord>, Vec<String>), Error> {
    if kind == LetterKind::Invitation {
        if guests.is_empty() {
            return Err(Error::invalid(vec![Violation::new(
                "guest",
                Rule::Required,
                "the delegation has no guest to write to".to_owned(),
            )]));
        }
        return Ok((guests, Vec::new()));
    }
    let (to, left_out): (Vec<GuestRecord>, Vec<GuestRecord>) =
        guests.into_iter().partition(|g| needs_visa(delegation, g));
    if to.is_empty() {
        return Err(Error::invalid(vec![Violation::new(
            "guest",
            Rule::OutOfRange,
            "no guest of this delegation needs a visa-support letter".to_owned(),
        )]));
    }
    Ok((
        to,
        left_out.into_iter().map(|g| g.person.full_name).collect(),
    ))
}

/// One letter to one guest.
pub fn letter(
    settings: &Settings,
    delegation: &Delegation,
    guest: &GuestRecord,
    kind: LetterKind,
    language: Language,
    date: NaiveDate,
) -> (LetterDocument, Option<String>) {
    let en = language == Language::En;
    let (name, warning) = printable_name(&guest.person);
    let title_of = honorific(guest.person.gender, language);
    let addressed = format!("{title_of} {name}").trim().to_owned();
    let org = guest
        .organisation
        .as_ref()
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let symbol = settings.report_number_prefix.trim_start_matches("BC-");
    let symbol = if symbol.is_empty() {
        "HTQT".to_owned()
    } else {
        format!("{symbol}-HTQT")
    };
    let agency_name = if en {
        &settings.agency_en
    } else {
        &settings.agency
    };
    let agency_prose = prose_name(agency_name, en);
    let event = event_line(delegation);
    let cities = if en {
        desk_domain::text::passport_form(&delegation.cities)
    } else {
        delegation.cities.clone()
    };
    let cities = if en {
        capitalise_words(&cities, true)
    } else {
        cities
    };
    let (start, end) = if en {
        (date_en(delegation.starts_on), date_en(delegation.ends_on))
    } else {
        (date_vi(delegation.starts_on), date_vi(delegation.ends_on))
    };
    let p = |s: String| Block::Paragraph(vec![Span::plain(s)]);
    let (title, subtitle, recipients, blocks) = match (kind, en) {
        (LetterKind::Invitation, true) => (
            "Letter of invitation".to_owned(),
            event.clone(),
            vec![if org.is_empty() { addressed.clone() } else { format!("{addressed}, {org}") }],
            vec![
                p(format!("{agency_prose} has the honour to invite {addressed} to attend the {event}, to be held in {cities}, Viet Nam, from {start} to {end}.")),
                p("The particulars below, as in the passport, will be given to the authorities for the entry visa and to the hotel:".to_owned()),
                particulars(guest, &name, language),
                p("The detailed programme, accommodation and airport transfers will be sent to you separately.".to_owned()),
                p(format!("We look forward to welcoming you in {cities}.")),
            ],
        ),
        (LetterKind::Invitation, false) => (
            "Thư mời".to_owned(),
            event.clone(),
            vec![if org.is_empty() { addressed.clone() } else { format!("{addressed}, {org}") }],
            vec![
                p(format!("{agency_prose} trân trọng kính mời {addressed} tham dự {event}, được tổ chức tại {cities}, Việt Nam, từ ngày {start} đến ngày {end}.")),
                p(format!("Thông tin của {title_of} theo hộ chiếu như sau:")),
                particulars(guest, &name, language),
                p("Chương trình chi tiết, nơi ở và việc đón tiễn sân bay sẽ được thông báo sau.".to_owned()),
                p(format!("Rất hân hạnh được đón tiếp {title_of} tại {cities}.")),
            ],
        ),
        (LetterKind::VisaSupport, true) => {
            let country = country_names::english(&guest.person.nationality);
            let entry = guest.arrival.as_ref().map(|s| s.arrives_local.date()).unwrap_or(delegation.starts_on);
            let exit = guest.departure.as_ref().map(|s| s.departs_local.date()).unwrap_or(delegation.ends_on);
            (
                "Visa support letter".to_owned(),
                format!("Entry visa to Viet Nam for a participant in the {event}"),
                vec![if guest.person.nationality.is_empty() {
                    "The Embassy of the Socialist Republic of Viet Nam".to_owned()
                } else {
                    format!("The Embassy of the Socialist Republic of Viet Nam in {country}")
                }],
                vec![
                    p(format!("{agency_prose} is hosting the {event} in {cities}, Viet Nam, from {start} to {end}.")),
                    p(format!("We kindly request that an entry visa to Viet Nam be granted to {addressed}, a participant invited by us, whose particulars are:")),
                    particulars(guest, &name, language),
                    p(format!("The participant will enter Viet Nam on {} and leave on {}. {agency_prose} takes responsibility for the participant's programme during the stay.", date_en(entry), date_en(exit))),
                    p("We would be grateful for your kind assistance.".to_owned()),
                ],
            )
        }
        (LetterKind::VisaSupport, false) => {
            let entry = guest.arrival.as_ref().map(|s| s.arrives_local.date()).unwrap_or(delegation.starts_on);
            let exit = guest.departure.as_ref().map(|s| s.departs_local.date()).unwrap_or(delegation.ends_on);
            (
                // A công văn: no type heading, the summary under the number.
                String::new(),
                format!("V/v cấp thị thực nhập cảnh cho đại biểu dự {event}"),
                vec!["Cục Quản lý xuất nhập cảnh, Bộ Công an".to_owned()],
                vec![
                    p(format!("{agency_prose} tổ chức {event} tại {cities} từ ngày {start} đến ngày {end}.")),
                    p(format!("{agency_prose} trân trọng đề nghị Quý Cục xem xét cấp thị thực nhập cảnh Việt Nam cho {addressed}, đại biểu do {agency_prose} mời, có thông tin như sau:")),
                    particulars(guest, &name, language),
                    p(format!("Đại biểu dự kiến nhập cảnh ngày {} và xuất cảnh ngày {}. {agency_prose} chịu trách nhiệm về chương trình hoạt động của đại biểu trong thời gian ở Việt Nam.", date_vi(entry), date_vi(exit))),
                    p("Trân trọng cảm ơn sự hỗ trợ của Quý Cục.".to_owned()),
                ],
            )
        }
    };
    let signature = Signature::from_settings(settings, language);
    let place = if en {
        &settings.place_en
    } else {
        &settings.place
    };
    let doc = LetterDocument {
        language,
        agency: Agency {
            parent: if en {
                settings.parent_agency_en.clone()
            } else {
                settings.parent_agency.clone()
            },
            name: agency_name.clone(),
        },
        // No-break spaces keep room for the register's number, written in at signing.
        number_line: format!(
            "{} {}/{symbol}",
            language.labels().number_prefix,
            "\u{a0}".repeat(10)
        ),
        place_date: language.place_and_date(place, date),
        title,
        subtitle,
        recipients,
        blocks,
        received_by: if en {
            vec!["As above".into(), "Filed: VT, HTQT".into()]
        } else {
            vec!["Như trên".into(), "Lưu: VT, HTQT".into()]
        },
        signature,
    };
    (doc, warning)
}

/// The agency's name as a sentence starts with it: "The National Library of Viet Nam",
/// "Thư viện Quốc gia Việt Nam". Settings hold it in capitals for the header; Vietnamese
/// capitalisation cannot be guessed word by word, so the office's own name is known and any
/// other name in capitals is kept as written.
fn prose_name(agency: &str, english: bool) -> String {
    let known = if english {
        "NATIONAL LIBRARY OF VIET NAM"
    } else {
        "THƯ VIỆN QUỐC GIA VIỆT NAM"
    };
    let name = if agency.trim().is_empty() || desk_domain::text::clean(agency) == known {
        if english {
            "National Library of Viet Nam".to_owned()
        } else {
            "Thư viện Quốc gia Việt Nam".to_owned()
        }
    } else if english {
        capitalise_words(agency, true)
    } else {
        agency.to_owned()
    };
    if english && !name.to_lowercase().starts_with("the ") {
        format!("The {name}")
    } else {
        name
    }
}

/// "NATIONAL LIBRARY OF VIET NAM" → "National Library of Viet Nam"; text not all in
/// capitals is kept.
fn capitalise_words(text: &str, english: bool) -> String {
    if text.chars().any(|c| c.is_lowercase()) {
        return text.to_owned();
    }
    let small = ["of", "and", "the", "for", "in"];
    text.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if english && i > 0 && small.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters to guests in one file: for each guest, one letter per language given.
#[allow(clippy::too_many_arguments)]
pub fn letters_pdf(
    settings: &Settings,
    delegation: &Delegation,
    guests: &[GuestRecord],
    kind: LetterKind,
    languages: &[Language],
    date: NaiveDate,
    created_at: DateTime<FixedOffset>,
) -> Result<Printed, ReportError> {
    let mut letters = Vec::new();
    let mut warnings = Vec::new();
    for guest in guests {
        for language in languages {
            let (doc, warning) = letter(settings, delegation, guest, kind, *language, date);
            letters.push(doc);
            if let Some(w) = warning
                && !warnings.contains(&w)
            {
                warnings.push(w);
            }
        }
    }
    let layout = layout_letters(&letters, 13.0)?;
    let signature = letters
        .last()
        .and_then(|l| crate::signature_space(&layout, &l.signature));
    let what = match kind {
        LetterKind::Invitation => "Invitation letters",
        LetterKind::VisaSupport => "Visa support letters",
    };
    let printed = drawn(
        &layout,
        format!("{what} – {}", event_line(delegation)),
        &settings.agency,
        created_at,
        warnings,
    )?;
    Ok(Printed {
        signature,
        ..printed
    })
}
