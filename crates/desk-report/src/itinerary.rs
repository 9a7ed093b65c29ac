//! The printable itinerary ("LỊCH TRÌNH CÔNG TÁC" / "ITINERARY"): the official head of
//! page 1, then for each traveller their segments at local times with zone offsets and
//! durations, their stays, and the nights nobody booked a bed for. Each traveller starts a
//! new page, so the sheets can be handed out one by one.
//!
//! Same two steps as the mission report: [`layout_itinerary`] is pure and tested for the
//! same invariants; [`render_itinerary`] draws. [`ItineraryDocument::from_record`] maps the
//! domain's itinerary to the printed page in either language.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use desk_domain::itinerary::ItineraryWarning;
use desk_domain::{Itinerary, MemberDetail, Settings};

use crate::error::ReportError;
use crate::fonts::Fonts;
use crate::labels::PrintedLanguage;
use crate::layout::{Layout, PageGeometry, Typesetter, mm};
use crate::model::{Agency, Column, Language, Span};
use crate::official::{HeaderText, header_chunk, title_chunk};
use crate::render::{Metadata, draw};
use crate::report::{heading_chunk, paragraph_chunks, table_chunks};

/// One segment as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegRow {
    /// "Vietnam Airlines VN 651", or "Road" for a car.
    pub transport: String,
    /// The place as typed, with the airport's name when known: "HAN – Noi Bai
    /// International Airport".
    pub from: String,
    pub departs: NaiveDateTime,
    /// "+07:00".
    pub departs_offset: String,
    pub to: String,
    pub arrives: NaiveDateTime,
    pub arrives_offset: String,
    /// "2 h 20 min".
    pub duration: String,
}

/// One stay as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayRow {
    /// "Hotel Boss, Singapore".
    pub hotel: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// "Twin 1203 · BOSS-0906".
    pub room: String,
}

/// One traveller's part (or the whole delegation's when it has no members).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItinerarySection {
    /// "Trần Mỹ Dung – Trưởng phòng Hợp tác quốc tế"; empty for the whole delegation.
    pub heading: String,
    pub legs: Vec<LegRow>,
    pub stays: Vec<StayRow>,
    /// Printed after the tables, in italics: the nights without a stay.
    pub notes: Vec<String>,
}

/// An itinerary ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct ItineraryDocument {
    pub language: Language,
    pub agency: Agency,
    /// Where it is issued, for the date line.
    pub place: String,
    pub date: NaiveDate,
    /// Written to the PDF metadata; an input so the same itinerary gives the same file.
    pub created_at: DateTime<FixedOffset>,
    /// The delegation's title, under "LỊCH TRÌNH CÔNG TÁC".
    pub subtitle: String,
    /// Lines under the title ("Thời gian: 05/09/2016 – 09/09/2016").
    pub summary: Vec<String>,
    pub sections: Vec<ItinerarySection>,
    /// 13 or 14 (Decree 30).
    pub body_size_pt: f32,
}

/// The fixed words of an itinerary in one language.
struct Words {
    title: &'static str,
    dates: &'static str,
    destination: &'static str,
    travel: &'static str,
    accommodation: &'static str,
    leg_columns: [&'static str; 5],
    stay_columns: [&'static str; 5],
    no_travel: &'static str,
    no_stay: &'static str,
}

const VI: Words = Words {
    title: "LỊCH TRÌNH CÔNG TÁC",
    dates: "Thời gian",
    destination: "Địa điểm",
    travel: "Hành trình",
    accommodation: "Lưu trú",
    leg_columns: [
        "STT",
        "Phương tiện",
        "Khởi hành (giờ địa phương)",
        "Đến (giờ địa phương)",
        "Thời gian",
    ],
    stay_columns: ["STT", "Khách sạn", "Nhận phòng", "Trả phòng", "Phòng"],
    no_travel: "Chưa có chặng đi lại nào.",
    no_stay: "Chưa có chỗ ở nào.",
};

const EN: Words = Words {
    title: "ITINERARY",
    dates: "Dates",
    destination: "Destination",
    travel: "Travel",
    accommodation: "Accommodation",
    leg_columns: [
        "No.",
        "Transport",
        "Departs (local time)",
        "Arrives (local time)",
        "Duration",
    ],
    stay_columns: ["No.", "Hotel", "Check-in", "Check-out", "Room"],
    no_travel: "No travel booked yet.",
    no_stay: "No stay booked yet.",
};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The itinerary's words and dates in a printed language.
trait ItineraryLanguage {
    fn itinerary_words(self) -> &'static Words;
    /// "05/09/2016" or "05 Sep 2016".
    fn short_date(self, d: NaiveDate) -> String;
}

impl ItineraryLanguage for Language {
    fn itinerary_words(self) -> &'static Words {
        match self {
            Language::Vi => &VI,
            Language::En => &EN,
        }
    }

    fn short_date(self, d: NaiveDate) -> String {
        match self {
            Language::Vi => d.format("%d/%m/%Y").to_string(),
            Language::En => format!(
                "{:02} {} {}",
                d.day(),
                MONTHS.get(d.month0() as usize).copied().unwrap_or_default(),
                d.year()
            ),
        }
    }
}

/// "HAN – Noi Bai International Airport\n23:50 05/09/2016\n(UTC+07:00)".
fn end_cell(language: Language, place: &str, at: NaiveDateTime, offset: &str) -> String {
    let time = format!("{} {}", at.format("%H:%M"), language.short_date(at.date()));
    if offset.is_empty() {
        format!("{place}\n{time}")
    } else {
        format!("{place}\n{time}\n(UTC{offset})")
    }
}

/// Lays out an itinerary: the pure step, no PDF involved.
pub fn layout_itinerary(doc: &ItineraryDocument) -> Result<Layout, ReportError> {
    if !(13.0..=14.0).contains(&doc.body_size_pt) {
        return Err(ReportError::BodySize(doc.body_size_pt));
    }
    let fonts = Fonts::get()?;
    let g = PageGeometry::decree_30_a4();
    let mut ts = Typesetter::new(fonts);
    let size = doc.body_size_pt;
    let words = doc.language.itinerary_words();

    let mut chunks = vec![header_chunk(
        &mut ts,
        &g,
        &HeaderText {
            labels: doc.language.labels(),
            agency: &doc.agency,
            number_line: String::new(),
            place_date: doc.language.place_and_date(&doc.place, doc.date),
            summary: None,
        },
    )];
    chunks.push(title_chunk(&mut ts, &g, words.title, &doc.subtitle));
    let mut first = true;
    for line in &doc.summary {
        let mut lines = paragraph_chunks(&mut ts, &g, &[Span::plain(line)], size);
        if first && let Some(c) = lines.first_mut() {
            c.space_before = mm(5.0);
        }
        first = false;
        chunks.extend(lines);
    }

    let mut tables = 0;
    for (n, section) in doc.sections.iter().enumerate() {
        let mut section_chunks = Vec::new();
        if !section.heading.trim().is_empty() {
            section_chunks.push(heading_chunk(
                &mut ts,
                &g,
                &format!("{}. {}", n + 1, section.heading),
                size,
            ));
        }
        // The sheet's two tables: how the traveller goes, where they sleep.
        let legs: Vec<Vec<String>> = section.legs.iter().map(|l| l.cells(doc.language)).collect();
        let stays = section
            .stays
            .iter()
            .map(|s| s.cells(doc.language))
            .collect();
        let sheet = [
            SheetTable {
                heading: words.travel,
                none: words.no_travel,
                columns: Column::all(&words.leg_columns, &[0.8, 1.8, 2.9, 2.9, 1.6]),
                rows: legs,
            },
            SheetTable {
                heading: words.accommodation,
                none: words.no_stay,
                columns: Column::all(&words.stay_columns, &[0.8, 3.4, 1.6, 1.6, 2.2]),
                rows: stays,
            },
        ];
        for table in &sheet {
            section_chunks.extend(numbered_table(&mut ts, &g, size, &mut tables, table)?);
        }
        for note in &section.notes {
            section_chunks.extend(paragraph_chunks(
                &mut ts,
                &g,
                &[Span::italic(format!("- {note}"))],
                size,
            ));
        }
        // Each traveller's sheet starts on its own page, the first under the title.
        if n > 0
            && let Some(c) = section_chunks.first_mut()
        {
            c.page_break_before = true;
        }
        chunks.extend(section_chunks);
    }

    let mut flow = crate::layout::Flow::new(g, fonts, size);
    flow.place_all(chunks);
    Ok(Layout::drawn(g, flow.pages, ts.missing))
}

/// One table of a traveller's sheet: its heading, the line printed when it has no rows, its
/// columns (the first for the row's number) and its rows.
struct SheetTable<'a> {
    heading: &'a str,
    none: &'a str,
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

/// A table of a traveller's sheet: its heading, then its rows numbered from 1 (the tables of
/// the document numbered by `tables`), or the italic line saying there is none.
fn numbered_table(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    size: f32,
    tables: &mut usize,
    table: &SheetTable<'_>,
) -> Result<Vec<crate::layout::Chunk>, ReportError> {
    let SheetTable {
        heading,
        none,
        columns,
        rows,
    } = table;
    let mut chunks = vec![heading_chunk(ts, g, heading, size)];
    if rows.is_empty() {
        chunks.extend(paragraph_chunks(ts, g, &[Span::italic(*none)], size));
        return Ok(chunks);
    }
    *tables += 1;
    let numbered: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            std::iter::once((i + 1).to_string())
                .chain(cells.iter().cloned())
                .collect()
        })
        .collect();
    let rows: Vec<(&[String], bool)> = numbered.iter().map(|r| (r.as_slice(), false)).collect();
    chunks.extend(table_chunks(ts, g, columns, &[], &rows, size, *tables)?);
    Ok(chunks)
}

impl LegRow {
    /// The leg's cells after its number: transport, from, to (each with its local time and
    /// offset), duration.
    fn cells(&self, language: Language) -> Vec<String> {
        vec![
            self.transport.clone(),
            end_cell(language, &self.from, self.departs, &self.departs_offset),
            end_cell(language, &self.to, self.arrives, &self.arrives_offset),
            self.duration.clone(),
        ]
    }
}

impl StayRow {
    /// The stay's cells after its number: hotel, check-in, check-out, room.
    fn cells(&self, language: Language) -> Vec<String> {
        vec![
            self.hotel.clone(),
            language.short_date(self.check_in),
            language.short_date(self.check_out),
            self.room.clone(),
        ]
    }
}

/// Lays out and draws an itinerary as PDF bytes.
pub fn render_itinerary(doc: &ItineraryDocument) -> Result<Vec<u8>, ReportError> {
    let laid_out = layout_itinerary(doc)?;
    let title = doc.language.itinerary_words().title;
    draw(
        &laid_out,
        &Metadata {
            title: if doc.subtitle.trim().is_empty() {
                title.to_owned()
            } else {
                format!("{title} – {}", doc.subtitle.trim())
            },
            author: doc.agency.name.clone(),
            created_at: doc.created_at,
        },
    )
}

/// The nights without a stay, as a note in the document's language.
fn warning_note(language: Language, warning: &ItineraryWarning) -> String {
    match warning {
        ItineraryWarning::NightsWithoutStay { place, nights, .. } => {
            let dates: Vec<String> = nights.iter().map(|d| language.short_date(*d)).collect();
            match language {
                Language::Vi => format!(
                    "Lưu ý: chưa có chỗ ở tại {place} cho đêm {}.",
                    dates.join(", ")
                ),
                Language::En => format!(
                    "Note: no stay booked in {place} for the night{} of {}.",
                    if dates.len() == 1 { "" } else { "s" },
                    dates.join(", ")
                ),
            }
        }
    }
}

fn section(language: Language, it: &Itinerary, heading: String) -> ItinerarySection {
    ItinerarySection {
        heading,
        legs: it
            .legs
            .iter()
            .map(|leg| {
                let s = &leg.segment;
                let transport = [s.carrier.trim(), s.number.trim()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                LegRow {
                    transport: if transport.is_empty() {
                        s.mode.as_str().to_owned()
                    } else {
                        transport
                    },
                    from: leg.from_label.clone(),
                    departs: s.departs_local,
                    departs_offset: leg.departs_offset.clone(),
                    to: leg.to_label.clone(),
                    arrives: s.arrives_local,
                    arrives_offset: leg.arrives_offset.clone(),
                    duration: leg.duration.clone(),
                }
            })
            .collect(),
        stays: it
            .stays
            .iter()
            .map(|stay| StayRow {
                hotel: [stay.hotel.trim(), stay.city.trim()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                check_in: stay.check_in_on,
                check_out: stay.check_out_on,
                room: [stay.room.trim(), stay.confirmation.trim()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" · "),
            })
            .collect(),
        notes: it
            .warnings
            .iter()
            .map(|w| warning_note(language, w))
            .collect(),
    }
}

impl ItineraryDocument {
    /// The printed itinerary of a delegation: one section per member (the head first, as
    /// `members` is ordered), or only `person`'s, or one for the whole delegation when it
    /// has no members. Header and place come from the office's settings in `language`.
    pub fn from_record(
        itinerary: &Itinerary,
        members: &[MemberDetail],
        person: Option<&str>,
        settings: &Settings,
        language: Language,
        date: NaiveDate,
        created_at: DateTime<FixedOffset>,
    ) -> Self {
        let vi = language == Language::Vi;
        let d = &itinerary.delegation;
        let words = language.itinerary_words();
        let mut summary = vec![format!(
            "{}: {} – {}",
            words.dates,
            language.short_date(d.starts_on),
            language.short_date(d.ends_on)
        )];
        // Every country of the trip in order, named in the paper's language, with its cities.
        let destination = desk_domain::country_names::destinations(&d.destinations(), language);
        if !destination.is_empty() {
            summary.push(format!("{}: {destination}", words.destination));
        }
        let heading = |m: &MemberDetail| {
            // English papers write names as in the passport, like the mission report.
            let name = if vi {
                m.person.full_name.clone()
            } else {
                m.person.passport_name.clone()
            };
            if m.person.title.trim().is_empty() {
                name
            } else {
                format!("{name} – {}", m.person.title)
            }
        };
        let sections = if members.is_empty() {
            vec![section(language, itinerary, String::new())]
        } else {
            members
                .iter()
                .filter(|m| person.is_none_or(|p| m.person.id == p))
                .map(|m| section(language, &itinerary.for_person(&m.person.id), heading(m)))
                .collect()
        };
        Self {
            language,
            agency: Agency::from_settings(settings, language),
            place: crate::model::in_language(language, &settings.place_en, &settings.place),
            date,
            created_at,
            subtitle: d.title.clone(),
            summary,
            sections,
            body_size_pt: 13.0,
        }
    }
}
