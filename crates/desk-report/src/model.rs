//! What a caller hands in: a mission report as plain data.
//!
//! These types live here and not in `desk-domain` on purpose: they describe a printed page
//! (spans, tables, photos), not the office's records. The application maps a delegation and
//! its report record into a [`ReportDocument`]; this crate never sees the database.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::chart::BarChart;

/// The language a document is printed in: the domain's own (`vi`, `en`). It picks every
/// fixed label (national title, motto, "Số:", "Kính gửi:", the date line); what the caller
/// writes (sections, names, places) is printed as given, so the caller passes it in the same
/// language. Vietnamese is the official version, laid out per Decree 30/2020/NĐ-CP; English
/// is the variant for partners abroad, same layout with English labels.
pub use desk_domain::Language;

/// The agency block in the upper left: the governing body and the issuing agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// The governing body, e.g. "Bộ Văn hóa, Thể thao và Du lịch". Printed in capitals;
    /// empty when the issuing agency has none.
    pub parent: String,
    /// The issuing agency, e.g. "Thư viện Quốc gia Việt Nam". Printed in bold capitals.
    pub name: String,
}

/// A document number such as "05/BC-TVQG": a running number and the type/agency symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNumber {
    /// The running number in the agency's register for the year; printed with at least two
    /// digits ("05"), as Decree 30 asks for numbers below 10. 0: not registered yet, the
    /// number is left blank to be written in by hand.
    pub sequence: u32,
    /// The symbol after the slash, e.g. "BC-TVQG" (BC = báo cáo, TVQG = the agency).
    pub symbol: String,
}

/// What heads every official paper (Decree 30): who issues it, its number, where and when
/// it is issued, and in which language. Shared by the mission report, the annual report and
/// the money papers, which differ in what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Which label set and date format to print.
    pub language: Language,
    /// The agency block (upper left).
    pub agency: Agency,
    /// The document number ("Số: 05/BC-TVQG"); sequence 0 leaves it blank for the registry.
    pub number: DocumentNumber,
    /// Where it is issued, as printed in the date line ("Hà Nội" / "Ha Noi").
    pub place: String,
    /// The date printed in the date line.
    pub date: NaiveDate,
    /// When the file was made, written to the PDF metadata (creation and modification date).
    /// An input rather than the clock, so the same report gives the same file.
    pub created_at: DateTime<FixedOffset>,
}

impl Heading {
    /// The office's agency and place from its settings, in `language`: the English ones for
    /// English where the office gave them, else the Vietnamese ones.
    pub fn from_settings(
        settings: &desk_domain::Settings,
        language: Language,
        number: DocumentNumber,
        date: NaiveDate,
        created_at: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            language,
            agency: Agency::from_settings(settings, language),
            number,
            place: in_language(language, &settings.place_en, &settings.place),
            date,
            created_at,
        }
    }
}

impl Agency {
    /// The office's agency block in `language` (see [`in_language`]).
    pub fn from_settings(settings: &desk_domain::Settings, language: Language) -> Self {
        Agency {
            parent: in_language(
                language,
                &settings.parent_agency_en,
                &settings.parent_agency,
            ),
            name: in_language(language, &settings.agency_en, &settings.agency),
        }
    }
}

/// A setting the office keeps in both languages, for a paper in `language`: the English one
/// for English where the office gave it, else the Vietnamese one.
pub(crate) fn in_language(language: Language, en: &str, vi: &str) -> String {
    if language == Language::En && !en.trim().is_empty() {
        en.to_owned()
    } else {
        vi.to_owned()
    }
}

/// The signature block in the lower right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Who signs on whose behalf, e.g. "KT. GIÁM ĐỐC" (a deputy signing for the director) or
    /// "TL. GIÁM ĐỐC"; `None` when the head of the agency signs in person.
    pub authority: Option<String>,
    /// The signer's position, e.g. "Phó Giám đốc". Printed in bold capitals.
    pub position: String,
    /// The signer's full name, printed in bold under the space left for signature and seal.
    pub name: String,
}

/// A piece of running text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    /// The text; any Unicode normal form (it is normalised to NFC before measuring).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

/// A table column: its heading and its share of the text width.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The heading, printed bold and centred in the header row (repeated on every page the
    /// table runs onto).
    pub title: String,
    /// Relative weight of the column. Widths come from the content (each column at least
    /// its widest word, its whole text when the table can hold it); the space left over is
    /// shared by these ratios, so `[1, 5, 4, 4]` and `[0.07, 0.35, 0.29, 0.29]` give the
    /// same table.
    pub width_ratio: f32,
}

impl Column {
    pub fn new(title: &str, width_ratio: f32) -> Column {
        Column {
            title: title.to_owned(),
            width_ratio,
        }
    }

    /// The columns of a table from their titles and their ratios, in order.
    pub fn all(titles: &[&str], ratios: &[f32]) -> Vec<Column> {
        titles
            .iter()
            .zip(ratios)
            .map(|(title, ratio)| Column::new(title, *ratio))
            .collect()
    }
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading such as "I. MỤC ĐÍCH CHUYẾN CÔNG TÁC"; bold, never left alone at
    /// the foot of a page.
    Heading(String),
    /// A justified paragraph with a first-line indent.
    Paragraph(Vec<Span>),
    /// A list; each item is one paragraph of spans, printed after a "-" as official texts do.
    Bullets(Vec<Vec<Span>>),
    /// A bordered table whose header row repeats on each page it runs onto.
    Table {
        /// The columns, left to right.
        columns: Vec<Column>,
        /// The rows; each must have as many cells as there are columns.
        rows: Vec<Vec<String>>,
    },
    /// A table of figures (an estimate, a settlement): like [`Block::Table`], but the
    /// columns flagged in `numeric` are aligned right so that amounts line up, and total
    /// rows are printed bold.
    Figures {
        /// The columns, left to right.
        columns: Vec<Column>,
        /// One flag per column: align its cells right.
        numeric: Vec<bool>,
        /// The rows; each must have as many cells as there are columns.
        rows: Vec<FigureRow>,
    },
    /// A photo with its caption, kept on one page together.
    Photo {
        /// The image file as stored: JPEG (embedded as is) or PNG.
        bytes: Vec<u8>,
        /// The caption, printed in italics under the photo.
        caption: String,
    },
    /// A bar chart drawn as vector shapes, kept whole on one page.
    Chart(BarChart),
}

/// What follows a document's signature on pages of its own ("PHỤ LỤC": the list of
/// delegations under the annual report), starting on a new page.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// The heading lines, bold and centred ("PHỤ LỤC", "DANH SÁCH CÁC ĐOÀN …").
    pub title: Vec<String>,
    /// The italic line under them ("(Kèm theo Báo cáo số …)"); empty for none.
    pub note: String,
    /// The annex body.
    pub blocks: Vec<Block>,
}

/// One row of a [`Block::Figures`] table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub cells: Vec<String>,
    /// A total or subtotal: printed bold.
    pub total: bool,
}

impl FigureRow {
    pub fn new(cells: Vec<String>) -> Self {
        Self {
            cells,
            total: false,
        }
    }

    pub fn total(cells: Vec<String>) -> Self {
        Self { cells, total: true }
    }
}

/// A mission report ("báo cáo kết quả chuyến công tác") ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDocument {
    /// Agency, number, place, date and language.
    pub heading: Heading,
    /// The document type line; `None` prints the language's default ("BÁO CÁO" /
    /// "MISSION REPORT").
    pub title: Option<String>,
    /// The summary line under the title, e.g. "Kết quả chuyến công tác tại Singapore".
    pub subtitle: String,
    /// Addressees after "Kính gửi:"; one is centred on its line, several are listed.
    pub recipients: Vec<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// The "Nơi nhận:" list, each printed after "- "; the last is usually "Lưu: VT, HTQT.".
    pub received_by: Vec<String>,
    /// The signature block.
    pub signature: Signature,
    /// Body text size in points: 13 or 14 (Decree 30 allows 13–14).
    pub body_size_pt: f32,
}
