//! Official letters (invitations, visa-support letters): the same head and closing as the
//! mission report (Decree 30/2020/NĐ-CP), a body of paragraphs and tables, one letter after
//! another in one file, each starting on its own page with its own page numbers.

use crate::error::ReportError;
use crate::fonts::Fonts;
use crate::labels::PrintedLanguage;
use crate::layout::{Flow, Layout, PageGeometry, Typesetter, mm};
use crate::model::{Agency, Block, Language, Signature};
use crate::official::{HeaderText, closing_chunk, header_chunk, recipients_chunk, title_chunk};
use crate::report::Body;

/// One letter, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterDocument {
    /// Which fixed labels (national title, motto, "Kính gửi:") are printed.
    pub language: Language,
    pub agency: Agency,
    /// The number line as printed, e.g. "Số:        /TVQG-HTQT" with room for the register's
    /// number, which is written in when the letter is signed.
    pub number_line: String,
    /// "Hà Nội, ngày 15 tháng 9 năm 2017".
    pub place_date: String,
    /// The document type, e.g. "THƯ MỜI" / "LETTER OF INVITATION"; empty for a công văn
    /// (an official letter), which has no type heading.
    pub title: String,
    /// The summary line under the title, or for a công văn its "V/v …" under the number.
    pub subtitle: String,
    /// Addressees after "Kính gửi:" / "To:".
    pub recipients: Vec<String>,
    pub blocks: Vec<Block>,
    pub received_by: Vec<String>,
    pub signature: Signature,
}

/// Lays out letters one after another; each starts a new page and numbers its own pages
/// from its second.
pub fn layout_letters(letters: &[LetterDocument], body_size: f32) -> Result<Layout, ReportError> {
    if !(13.0..=14.0).contains(&body_size) {
        return Err(ReportError::BodySize(body_size));
    }
    let fonts = Fonts::get()?;
    let g = PageGeometry::decree_30_a4();
    let mut ts = Typesetter::new(fonts);
    let mut pages = Vec::new();
    let mut blocks = Body::default();
    for letter in letters {
        let labels = letter.language.labels();
        let mut chunks = vec![header_chunk(
            &mut ts,
            &g,
            &HeaderText {
                labels,
                agency: &letter.agency,
                number_line: letter.number_line.clone(),
                place_date: letter.place_date.clone(),
                summary: letter
                    .title
                    .trim()
                    .is_empty()
                    .then(|| letter.subtitle.clone()),
            },
        )];
        if !letter.title.trim().is_empty() {
            chunks.push(title_chunk(&mut ts, &g, &letter.title, &letter.subtitle));
        }
        chunks.extend(recipients_chunk(
            &mut ts,
            &g,
            labels.addressed_to,
            &letter.recipients,
            body_size,
        ));
        // Letters share the report body's typesetting: one `Body` counts tables and keeps
        // photos across the whole file.
        let mut body = blocks.chunks(&mut ts, &g, &letter.blocks, body_size)?;
        if let Some(first) = body.first_mut() {
            first.space_before = mm(5.0);
        }
        chunks.extend(body);
        chunks.push(closing_chunk(
            &mut ts,
            &g,
            labels.received_by,
            &letter.received_by,
            &letter.signature,
            body_size,
        ));
        let mut flow = Flow::new(g, fonts, body_size);
        flow.place_all(chunks);
        pages.extend(flow.pages);
    }
    Ok(Layout {
        geometry: g,
        pages,
        images: blocks.images,
        missing_glyphs: ts.missing,
    })
}
