//! Official letters (invitations, visa-support letters): the same head and closing as the
//! mission report (Decree 30/2020/NĐ-CP), a body of paragraphs and tables, one letter after
//! another in one file, each starting on its own page with its own page numbers.

use crate::error::ReportError;
use crate::fonts::Fonts;
use crate::image::{PhotoRef, probe};
use crate::layout::{Flow, Layout, PageGeometry, Typesetter, mm};
use crate::model::{Agency, Block, Language, Signature, Span};
use crate::official::{HeaderText, closing_chunk, header_chunk, recipients_chunk, title_chunk};
use crate::report::{heading_chunk, paragraph_chunks, photo_chunk, table_chunks};

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
    /// The document type, e.g. "THƯ MỜI" / "LETTER OF INVITATION".
    pub title: String,
    /// The summary line under it.
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
    let mut images = Vec::new();
    let mut tables = 0;
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
            },
        )];
        chunks.push(title_chunk(&mut ts, &g, &letter.title, &letter.subtitle));
        chunks.extend(recipients_chunk(
            &mut ts,
            &g,
            labels.addressed_to,
            &letter.recipients,
            body_size,
        ));
        let mut body = Vec::new();
        for block in &letter.blocks {
            match block {
                Block::Heading(text) => body.push(heading_chunk(&mut ts, &g, text, body_size)),
                Block::Paragraph(spans) => {
                    body.extend(paragraph_chunks(&mut ts, &g, spans, body_size))
                }
                Block::Bullets(items) => {
                    for item in items {
                        let mut spans = vec![Span::plain("- ")];
                        spans.extend(item.iter().cloned());
                        body.extend(paragraph_chunks(&mut ts, &g, &spans, body_size));
                    }
                }
                Block::Table { columns, rows } => {
                    tables += 1;
                    let rows: Vec<(&[String], bool)> =
                        rows.iter().map(|r| (r.as_slice(), false)).collect();
                    body.extend(table_chunks(
                        &mut ts,
                        &g,
                        columns,
                        &[],
                        &rows,
                        body_size,
                        tables,
                    )?);
                }
                Block::Figures {
                    columns,
                    numeric,
                    rows,
                } => {
                    tables += 1;
                    if numeric.len() != columns.len() {
                        return Err(ReportError::TableColumns { table: tables });
                    }
                    let rows: Vec<(&[String], bool)> =
                        rows.iter().map(|r| (r.cells.as_slice(), r.total)).collect();
                    body.extend(table_chunks(
                        &mut ts, &g, columns, numeric, &rows, body_size, tables,
                    )?);
                }
                Block::Photo { bytes, caption } => {
                    let data = probe(
                        bytes,
                        &PhotoRef {
                            index: images.len() + 1,
                            caption,
                        },
                    )?;
                    body.push(photo_chunk(
                        &mut ts,
                        &g,
                        &data,
                        images.len(),
                        caption,
                        body_size,
                    ));
                    images.push(data);
                }
            }
        }
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
        images,
        missing_glyphs: ts.missing,
    })
}
