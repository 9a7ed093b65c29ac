//! The mission report: the official head and closing around a body of headings,
//! paragraphs, lists, tables and photos.

use std::rc::Rc;

use crate::chart::chart_chunk;
use crate::error::ReportError;
use crate::fonts::Fonts;
use crate::image::{ImageData, PhotoRef, probe};
use crate::labels::PrintedLanguage;
use crate::layout::{
    Align, Chunk, Flow, ImageBox, Item, Layout, Line, PageGeometry, Rule, TextStyle, Typesetter, mm,
};
use crate::model::{Annex, Block, Column, ReportDocument, Span};
use crate::official::{HeaderText, closing_chunk, header_chunk, recipients_chunk, title_chunk};

/// First-line indent of paragraphs (Decree 30: 1–1.27 cm).
const INDENT_MM: f32 = 10.0;
/// Space between paragraphs (Decree 30: at least 6 pt).
const PARAGRAPH_SPACE: f32 = 6.0;
/// Table borders.
const BORDER: f32 = 0.5;
/// Padding inside table cells.
const CELL_PAD_X_MM: f32 = 1.5;
const CELL_PAD_Y: f32 = 2.0;

/// Lays out a mission report: the pure step, no PDF involved.
///
/// Checks every input a user can get wrong (text size, photos, table shapes) and says which
/// one in the error, so the application can point at it.
pub fn layout(doc: &ReportDocument) -> Result<Layout, ReportError> {
    layout_with_annex(doc, None)
}

/// Lays out a document and, after its signature, an annex starting on a new page (the
/// annual report's list of delegations).
pub fn layout_with_annex(
    doc: &ReportDocument,
    annex: Option<&Annex>,
) -> Result<Layout, ReportError> {
    if !(13.0..=14.0).contains(&doc.body_size_pt) {
        return Err(ReportError::BodySize(doc.body_size_pt));
    }
    let fonts = Fonts::get()?;
    let g = PageGeometry::decree_30_a4();
    let mut ts = Typesetter::new(fonts);
    let labels = doc.heading.language.labels();
    let size = doc.body_size_pt;

    let mut chunks = vec![header_chunk(
        &mut ts,
        &g,
        &HeaderText {
            labels,
            agency: &doc.heading.agency,
            number_line: doc.heading.language.number_line(&doc.heading.number),
            place_date: doc
                .heading
                .language
                .place_and_date(&doc.heading.place, doc.heading.date),
            summary: None,
        },
    )];
    let title = doc.title.as_deref().unwrap_or(labels.report_title);
    chunks.push(title_chunk(&mut ts, &g, title, &doc.subtitle));
    chunks.extend(recipients_chunk(
        &mut ts,
        &g,
        labels.addressed_to,
        &doc.recipients,
        size,
    ));

    let mut body = Body::default();
    let mut body_chunks = body.chunks(&mut ts, &g, &doc.blocks, size)?;
    if let Some(first) = body_chunks.first_mut() {
        first.space_before = mm(5.0);
    }
    // The signature never stands alone on a page: the last line or table row of the body
    // goes with it.
    if let Some(last) = body_chunks.last_mut() {
        last.keep_with_next = true;
    }
    chunks.extend(body_chunks);
    chunks.push(closing_chunk(
        &mut ts,
        &g,
        labels.received_by,
        &doc.received_by,
        &doc.signature,
        size,
    ));

    let mut flow = Flow::new(g, fonts, size);
    flow.place_all(chunks);
    if let Some(annex) = annex {
        flow.new_page();
        let mut chunks = Vec::new();
        let style = TextStyle::new(size, Align::Center);
        let mut title = Chunk {
            keep_with_next: true,
            ..Chunk::default()
        };
        let mut y = 0.0;
        for line in &annex.title {
            let lines = ts.set_balanced(&[Span::bold(line)], &style, g.text_width());
            y = title.push_lines(lines, &style, g.margin_left, y);
        }
        if !annex.note.trim().is_empty() {
            let lines = ts.set_balanced(&[Span::italic(&annex.note)], &style, g.text_width());
            title.push_lines(lines, &style, g.margin_left, y);
        }
        chunks.push(title);
        chunks.extend(body.chunks(&mut ts, &g, &annex.blocks, size)?);
        flow.place_all(chunks);
    }
    Ok(Layout {
        geometry: g,
        pages: flow.pages,
        images: body.images,
        missing_glyphs: ts.missing,
    })
}

/// What the body has placed so far: its photos, and how many tables and charts (error
/// messages count them from 1 across the whole document).
#[derive(Default)]
pub(crate) struct Body {
    pub(crate) images: Vec<ImageData>,
    tables: usize,
    charts: usize,
}

impl Body {
    /// The chunks of some blocks, in reading order.
    pub(crate) fn chunks(
        &mut self,
        ts: &mut Typesetter<'_>,
        g: &PageGeometry,
        blocks: &[Block],
        size: f32,
    ) -> Result<Vec<Chunk>, ReportError> {
        let mut body = Vec::new();
        for block in blocks {
            match block {
                Block::Heading(text) => body.push(heading_chunk(ts, g, text, size)),
                Block::Paragraph(spans) => body.extend(paragraph_chunks(ts, g, spans, size)),
                Block::Bullets(items) => {
                    for item in items {
                        let mut spans = Vec::with_capacity(item.len() + 1);
                        spans.push(Span::plain("- "));
                        spans.extend(item.iter().cloned());
                        body.extend(paragraph_chunks(ts, g, &spans, size));
                    }
                }
                Block::Table { columns, rows } => {
                    self.tables += 1;
                    let rows: Vec<(&[String], bool)> =
                        rows.iter().map(|r| (r.as_slice(), false)).collect();
                    body.extend(table_chunks(ts, g, columns, &[], &rows, size, self.tables)?);
                }
                Block::Figures {
                    columns,
                    numeric,
                    rows,
                } => {
                    self.tables += 1;
                    if numeric.len() != columns.len() {
                        return Err(ReportError::TableColumns { table: self.tables });
                    }
                    let rows: Vec<(&[String], bool)> =
                        rows.iter().map(|r| (r.cells.as_slice(), r.total)).collect();
                    body.extend(table_chunks(
                        ts,
                        g,
                        columns,
                        numeric,
                        &rows,
                        size,
                        self.tables,
                    )?);
                }
                Block::Photo { bytes, caption } => {
                    let data = probe(
                        bytes,
                        &PhotoRef {
                            index: self.images.len() + 1,
                            caption,
                        },
                    )?;
                    body.push(photo_chunk(ts, g, &data, self.images.len(), caption, size));
                    self.images.push(data);
                }
                Block::Chart(chart) => {
                    self.charts += 1;
                    body.push(chart_chunk(ts, g, chart, self.charts)?);
                }
            }
        }
        Ok(body)
    }
}

pub(crate) fn body_style(size: f32) -> TextStyle {
    let mut style = TextStyle::new(size, Align::Justify);
    style.first_indent = mm(INDENT_MM);
    style
}

/// A section heading: bold, flush left at the paragraph indent, kept with what follows.
pub(crate) fn heading_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    text: &str,
    size: f32,
) -> Chunk {
    let mut style = TextStyle::new(size, Align::Left);
    style.first_indent = mm(INDENT_MM);
    let lines = ts.set(&[Span::bold(text)], &style, g.text_width());
    let mut chunk = Chunk::from_lines(lines, &style, g.margin_left);
    chunk.space_before = PARAGRAPH_SPACE * 1.5;
    chunk.keep_with_next = true;
    chunk
}

/// A justified paragraph, one chunk per line so it can continue on the next page.
pub(crate) fn paragraph_chunks(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    spans: &[Span],
    size: f32,
) -> Vec<Chunk> {
    let style = body_style(size);
    let lines = ts.set(spans, &style, g.text_width());
    Chunk::per_line(lines, &style, g.margin_left, PARAGRAPH_SPACE)
}

/// How a column's cells are aligned, from what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    /// Running numbers 1, 2, 3… ("TT", "STT"): centred, as official tables print them.
    Ordinal,
    /// Amounts and counts: flush right, so digits and thousands separators line up.
    Number,
    /// Anything else: flush left.
    Text,
}

/// Whether a cell reads as a number: an amount with separators, a count, a signed change
/// with its percentage ("+453.067.160 (+1096%)"), optionally with a currency ("450,00 SGD",
/// "1.000 ₫"). Dates ("06/9/2016") and words are not.
fn is_number(text: &str) -> bool {
    let text = text.trim();
    let body = text
        .rsplit_once(' ')
        .filter(|(_, code)| code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
        .map_or(text, |(amount, _)| amount);
    body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || "., +-−%()₫*\u{a0}\u{202f}".contains(c))
}

/// What a column holds, judged on its body cells (totals included); placeholders such as
/// "—" or an empty cell do not decide.
fn column_kind(rows: &[(&[String], bool)], column: usize) -> ColumnKind {
    let cells: Vec<&str> = rows
        .iter()
        .filter_map(|(row, _)| row.get(column).map(|c| c.trim()))
        .filter(|c| !c.is_empty() && !matches!(*c, "—" | "-" | "–"))
        .collect();
    if cells.is_empty() || !cells.iter().all(|c| is_number(c)) {
        return ColumnKind::Text;
    }
    let ordinal = rows
        .iter()
        .filter(|(_, total)| !total)
        .filter_map(|(row, _)| row.get(column))
        .enumerate()
        .all(|(n, c)| {
            let c = c.trim().trim_end_matches('.');
            c.is_empty() || c == (n + 1).to_string()
        });
    if ordinal {
        ColumnKind::Ordinal
    } else {
        ColumnKind::Number
    }
}

/// Column widths from their content, the way a word processor's automatic table does: every
/// column gets at least its widest word, and amounts their whole text. When the whole table
/// fits on one line per cell, the space left over is shared by the columns' `width_ratio`s.
/// Otherwise the columns that need least to be set on one line get it first (names, dates,
/// short labels never break), and the longest texts wrap in what remains. When even the
/// widest words do not fit, those minimums are scaled down and long words are cut.
fn column_widths(mins: &[f32], maxes: &[f32], ratios: &[f32], inner: f32) -> Vec<f32> {
    let sum_min: f32 = mins.iter().sum();
    let sum_max: f32 = maxes.iter().sum();
    if sum_max <= inner {
        let ratio_total: f32 = ratios.iter().sum();
        let extra = inner - sum_max;
        return maxes
            .iter()
            .zip(ratios)
            .map(|(m, r)| m + extra * r / ratio_total)
            .collect();
    }
    if sum_min > inner {
        return mins.iter().map(|m| m * inner / sum_min).collect();
    }
    let mut widths = mins.to_vec();
    let mut budget = inner - sum_min;
    let need = |i: usize| maxes[i] - mins[i];
    let mut order: Vec<usize> = (0..mins.len()).collect();
    order.sort_by(|&a, &b| need(a).total_cmp(&need(b)));
    let mut wrapping = Vec::new();
    for i in order {
        if need(i) <= budget {
            widths[i] = maxes[i];
            budget -= need(i);
        } else {
            wrapping.push(i);
        }
    }
    let rest: f32 = wrapping.iter().map(|&i| need(i)).sum();
    for &i in &wrapping {
        widths[i] += budget * need(i) / rest.max(f32::EPSILON);
    }
    widths
}

/// A cell's text with its ranges kept whole: the spaces around a dash between two numbers
/// or dates ("05/09/2016 – 09/09/2016", "(2016-09-05 – 2016-09-09)") become no-break
/// spaces, so a narrow column never leaves a date range over three lines; the column is
/// made wide enough for the range instead.
fn keep_ranges_whole(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: Option<usize>| i.and_then(|i| chars.get(i)).copied();
    let figure = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '(' || c == ')');
    // " – " at `dash - 1 ..= dash + 1` with a figure on both sides.
    let range_at = |dash: Option<usize>| {
        dash.is_some_and(|d| {
            at(Some(d)) == Some('–')
                && at(d.checked_sub(1)) == Some(' ')
                && at(Some(d + 1)) == Some(' ')
                && figure(at(d.checked_sub(2)))
                && figure(at(Some(d + 2)))
        })
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if c == ' ' && (range_at(Some(i + 1)) || range_at(i.checked_sub(1))) {
                '\u{a0}'
            } else {
                c
            }
        })
        .collect()
}

/// A bordered table: a header row (bold, centred) that is drawn again at the top of every
/// page the table continues on, and one chunk per row, so rows are never cut in two unless
/// a single row is taller than a page. Columns flagged in `numeric` are aligned right;
/// rows flagged `true` are bold (totals).
pub(crate) fn table_chunks(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    columns: &[Column],
    numeric: &[bool],
    rows: &[(&[String], bool)],
    body_size: f32,
    table: usize,
) -> Result<Vec<Chunk>, ReportError> {
    let total: f32 = columns.iter().map(|c| c.width_ratio).sum();
    if columns.is_empty()
        || columns
            .iter()
            .any(|c| !c.width_ratio.is_finite() || c.width_ratio <= 0.0)
    {
        return Err(ReportError::TableColumns { table });
    }
    for (n, (row, _)) in rows.iter().enumerate() {
        if row.len() != columns.len() {
            return Err(ReportError::TableShape {
                table,
                row: n + 1,
                cells: row.len(),
                columns: columns.len(),
            });
        }
    }
    let size = body_size - 1.0;
    let inner = g.text_width() - BORDER;
    let pad_x = mm(CELL_PAD_X_MM);
    let kinds: Vec<ColumnKind> = (0..columns.len())
        .map(|i| {
            if numeric.get(i).copied().unwrap_or(false) {
                ColumnKind::Number
            } else {
                column_kind(rows, i)
            }
        })
        .collect();
    let mut mins = vec![0.0_f32; columns.len()];
    let mut maxes = vec![0.0_f32; columns.len()];
    let mut measure = |i: usize, text: &str, bold: bool, head: bool| {
        for part in text.split('\n') {
            let span = if bold {
                Span::bold(part)
            } else {
                Span::plain(part)
            };
            let (widest, whole) = ts.extent(&[span], size);
            // An amount never wraps: "520.00 / USD" would read as two figures.
            let least = if !head && kinds.get(i) == Some(&ColumnKind::Number) {
                whole
            } else {
                widest
            };
            mins[i] = mins[i].max(least + 2.0 * pad_x);
            // A heading may take two lines ("Lượt / người"); the cells' own text decides
            // how wide a column would like to be.
            let wanted = if head { least } else { whole };
            maxes[i] = maxes[i].max(wanted + 2.0 * pad_x);
        }
    };
    for (i, c) in columns.iter().enumerate() {
        measure(i, &c.title, true, true);
    }
    for (row, bold) in rows {
        for (i, cell) in row.iter().enumerate() {
            measure(i, &keep_ranges_whole(cell), *bold, false);
        }
    }
    let ratios: Vec<f32> = columns.iter().map(|c| c.width_ratio / total).collect();
    let widths = column_widths(&mins, &maxes, &ratios, inner);
    let mut edges = Vec::with_capacity(columns.len() + 1);
    let mut x = g.margin_left + BORDER / 2.0;
    edges.push(x);
    for w in &widths {
        x += w;
        edges.push(x);
    }
    let mut header_style = TextStyle::new(size, Align::Center);
    header_style.line_pitch = size * 1.2;
    let mut cell_style = header_style;
    cell_style.align = Align::Left;
    let pitch = header_style.line_pitch;

    // (text, bold, is the header) per cell.
    let set_row = |ts: &mut Typesetter<'_>,
                   cells: Vec<(String, bool, bool)>|
     -> Vec<(Vec<Line>, TextStyle)> {
        cells
            .into_iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, ((text, bold, head), w))| {
                let mut style = if head { header_style } else { cell_style };
                if !head {
                    style.align = match kinds.get(i) {
                        Some(ColumnKind::Number) => Align::Right,
                        Some(ColumnKind::Ordinal) => Align::Center,
                        _ => Align::Left,
                    };
                }
                // A line break in a cell is kept ("HAN\n23:50 05/09/2016").
                let lines = text
                    .split('\n')
                    .flat_map(|part| {
                        let span = if bold {
                            Span::bold(part)
                        } else {
                            Span::plain(part)
                        };
                        ts.set(&[span], &style, w - 2.0 * pad_x)
                    })
                    .collect();
                (lines, style)
            })
            .collect()
    };
    let row_chunk = |cells: Vec<(Vec<Line>, TextStyle)>, top_border: bool| -> Chunk {
        let top = if top_border { BORDER } else { 0.0 };
        let lines = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1).max(1);
        let height = top + 2.0 * CELL_PAD_Y + lines as f32 * pitch + BORDER / 2.0;
        let mut chunk = Chunk {
            height,
            ..Chunk::default()
        };
        for ((lines, style), x) in cells.into_iter().zip(&edges) {
            chunk.push_lines(lines, &style, x + pad_x, top + CELL_PAD_Y);
        }
        chunk.height = height;
        let rule = |x1, y1, x2, y2| {
            Item::Rule(Rule {
                x1,
                y1,
                x2,
                y2,
                thickness: BORDER,
            })
        };
        if top_border {
            chunk.items.push(rule(
                g.margin_left,
                BORDER / 2.0,
                g.margin_left + g.text_width(),
                BORDER / 2.0,
            ));
        }
        let bottom = height - BORDER / 2.0;
        chunk.items.push(rule(
            g.margin_left,
            bottom,
            g.margin_left + g.text_width(),
            bottom,
        ));
        for &edge in &edges {
            chunk.items.push(rule(edge, 0.0, edge, height));
        }
        chunk
    };

    let header_cells = set_row(
        ts,
        columns
            .iter()
            .map(|c| (c.title.clone(), true, true))
            .collect(),
    );
    let header = row_chunk(header_cells, true);
    let header_height = header.height;
    let header = Rc::new(header);
    let mut chunks = vec![Chunk {
        space_before: PARAGRAPH_SPACE,
        keep_with_next: !rows.is_empty(),
        ..header.as_ref().clone()
    }];
    // A row taller than what a page holds under the header is split between lines.
    let max_lines =
        (((g.text_height() - header_height - 2.0 * CELL_PAD_Y - BORDER) / pitch).floor() as usize)
            .max(1);
    for (row, total) in rows {
        let cells = set_row(
            ts,
            row.iter()
                .map(|t| (keep_ranges_whole(t), *total, false))
                .collect(),
        );
        let tallest = cells.iter().map(|(l, _)| l.len()).max().unwrap_or(1);
        let parts = tallest.div_ceil(max_lines).max(1);
        let mut cells: Vec<(std::vec::IntoIter<Line>, TextStyle)> = cells
            .into_iter()
            .map(|(lines, style)| (lines.into_iter(), style))
            .collect();
        for _ in 0..parts {
            let part = cells
                .iter_mut()
                .map(|(lines, style)| (lines.by_ref().take(max_lines).collect(), *style))
                .collect();
            let mut chunk = row_chunk(part, false);
            chunk.repeat_header = Some(Rc::clone(&header));
            chunks.push(chunk);
        }
    }
    // No page break leaves a single row: the header goes with the first two rows, and the
    // last two rows stay together (a short table moves whole).
    let count = chunks.len() - 1;
    if count >= 2 {
        for n in [1, count - 1] {
            if let Some(chunk) = chunks.get_mut(n) {
                chunk.keep_with_next = true;
            }
        }
    }
    Ok(chunks)
}

/// A photo at the text width (smaller if it would not fit on a page with its caption),
/// centred, with its italic caption under it; one chunk, so they never part.
pub(crate) fn photo_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    data: &ImageData,
    index: usize,
    caption: &str,
    body_size: f32,
) -> Chunk {
    let mut style = TextStyle::new(body_size - 1.0, Align::Center);
    style.line_pitch = style.size * 1.25;
    let lines = if caption.trim().is_empty() {
        Vec::new()
    } else {
        ts.set(&[Span::italic(caption)], &style, g.text_width())
    };
    let caption_height = lines.len() as f32 * style.line_pitch;
    let gap = mm(2.0);
    let (px_w, px_h) = data.upright_size();
    let ratio = px_h as f32 / px_w.max(1) as f32;
    let max_height = g.text_height() - caption_height - gap;
    let mut width = g.text_width();
    let mut height = width * ratio;
    if height > max_height {
        height = max_height;
        width = height / ratio;
    }
    let mut chunk = Chunk {
        space_before: PARAGRAPH_SPACE * 2.0,
        ..Chunk::default()
    };
    chunk.items.push(Item::Image(ImageBox {
        image: index,
        rect: crate::layout::Rect {
            x: g.margin_left + (g.text_width() - width) / 2.0,
            y: 0.0,
            width,
            height,
        },
    }));
    chunk.push_lines(lines, &style, g.margin_left, height + gap);
    chunk.height = height + gap + caption_height;
    chunk
}
