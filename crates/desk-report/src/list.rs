//! Working lists printed for the people who carry out the hosting: the transport team's
//! transfer list, the hotel's rooming list, the programme. A small agency line, a bilingual
//! title, then sections: a heading, an optional note, a bordered table whose header row
//! repeats on every page it runs onto. Portrait or landscape A4, page numbers from page 2.

use chrono::{DateTime, FixedOffset};

use crate::error::ReportError;
use crate::fonts::{FontFace, Fonts};
use crate::layout::{Align, Chunk, Flow, Layout, PageGeometry, TextStyle, Typesetter, mm};
use crate::model::{Column, Span};
use crate::report::table_chunks;

/// One part of a list: a heading, a note under it, a table.
#[derive(Debug, Clone, PartialEq)]
pub struct ListSection {
    /// "Thứ Hai, 27/11/2017 · Monday, 27 November 2017"; empty for none.
    pub heading: String,
    /// An italic line under the heading; empty for none.
    pub note: String,
    /// The table's columns; no columns: no table (a section of text only).
    pub columns: Vec<Column>,
    /// The rows, each as many cells as there are columns.
    pub rows: Vec<Vec<String>>,
}

/// A list document.
#[derive(Debug, Clone, PartialEq)]
pub struct ListDocument {
    /// Landscape A4 (wide tables) or portrait.
    pub landscape: bool,
    /// The issuing agency, printed small and bold at the top left.
    pub agency: String,
    /// The title in Vietnamese, bold capitals.
    pub title: String,
    /// The title in English, under it.
    pub title_en: String,
    /// Lines under the titles (the event, its dates).
    pub subtitle: Vec<String>,
    pub sections: Vec<ListSection>,
    /// When the file was made (PDF metadata).
    pub created_at: DateTime<FixedOffset>,
}

/// The page of a list: A4, 15 mm margins (18 mm at the top, room for the page number).
pub fn list_geometry(landscape: bool) -> PageGeometry {
    let (width, height) = if landscape {
        (297.0, 210.0)
    } else {
        (210.0, 297.0)
    };
    PageGeometry {
        width: mm(width),
        height: mm(height),
        margin_top: mm(18.0),
        margin_bottom: mm(15.0),
        margin_left: mm(15.0),
        margin_right: mm(15.0),
    }
}

const BODY: f32 = 11.0;

/// Lays out a list: the pure step.
pub fn layout_list(doc: &ListDocument) -> Result<Layout, ReportError> {
    let fonts = Fonts::get()?;
    let g = list_geometry(doc.landscape);
    let mut ts = Typesetter::new(fonts);
    let mut chunks = Vec::new();

    let agency = TextStyle::new(10.0, Align::Left);
    if !doc.agency.trim().is_empty() {
        let lines = ts.set(
            &[Span::bold(doc.agency.to_uppercase())],
            &agency,
            g.text_width(),
        );
        chunks.push(Chunk::from_lines(lines, &agency, g.margin_left));
    }
    let title = TextStyle::new(15.0, Align::Center);
    let lines = ts.set_balanced(
        &[Span::bold(doc.title.to_uppercase())],
        &title,
        g.text_width(),
    );
    let mut chunk = Chunk::from_lines(lines, &title, g.margin_left);
    chunk.space_before = mm(3.0);
    chunk.keep_with_next = true;
    chunks.push(chunk);
    if !doc.title_en.trim().is_empty() {
        let style = TextStyle::new(13.0, Align::Center);
        let lines = ts.set_balanced(
            &[Span::bold(doc.title_en.to_uppercase())],
            &style,
            g.text_width(),
        );
        let mut chunk = Chunk::from_lines(lines, &style, g.margin_left);
        chunk.keep_with_next = true;
        chunks.push(chunk);
    }
    let sub = TextStyle::new(BODY, Align::Center);
    for line in &doc.subtitle {
        let lines = ts.set(&[Span::italic(line.clone())], &sub, g.text_width());
        let mut chunk = Chunk::from_lines(lines, &sub, g.margin_left);
        chunk.keep_with_next = true;
        chunks.push(chunk);
    }
    let mut tables = 0;
    for section in &doc.sections {
        if !section.heading.trim().is_empty() {
            let style = TextStyle::new(12.0, Align::Left);
            let lines = ts.set(
                &[Span::bold(section.heading.clone())],
                &style,
                g.text_width(),
            );
            let mut chunk = Chunk::from_lines(lines, &style, g.margin_left);
            chunk.space_before = mm(5.0);
            chunk.keep_with_next = true;
            chunks.push(chunk);
        }
        if !section.note.trim().is_empty() {
            let style = TextStyle::new(10.0, Align::Left);
            let lines = ts.set(
                &[Span::italic(section.note.clone())],
                &style,
                g.text_width(),
            );
            let mut per_line = Chunk::per_line(lines, &style, g.margin_left, 0.0);
            if let Some(last) = per_line.last_mut() {
                last.keep_with_next = !section.columns.is_empty();
            }
            chunks.extend(per_line);
        }
        if !section.columns.is_empty() {
            tables += 1;
            let rows: Vec<(&[String], bool)> =
                section.rows.iter().map(|r| (r.as_slice(), false)).collect();
            chunks.extend(table_chunks(
                &mut ts,
                &g,
                &section.columns,
                &[],
                &rows,
                BODY,
                tables,
            )?);
        }
    }
    let mut flow = Flow::new(g, fonts, 10.0);
    flow.place_all(chunks);
    Ok(Layout::drawn(g, flow.pages, ts.missing))
}

/// Whether every character of `text` has a glyph in the regular and bold faces (what
/// names are printed in).
pub fn printable(text: &str) -> bool {
    Fonts::get().is_ok_and(|fonts| {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| fonts.has_glyph(FontFace::Regular, c) && fonts.has_glyph(FontFace::Bold, c))
    })
}
