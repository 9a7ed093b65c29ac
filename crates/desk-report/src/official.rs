//! The parts every Vietnamese administrative document shares (Decree 30/2020/NĐ-CP,
//! Appendix I): the agency and national blocks at the head of page 1, the document type and
//! summary, the addressees, and the closing with the distribution list and signature. A
//! mission report is one use; letters and cost estimates will reuse these with their own
//! body.

use unicode_normalization::UnicodeNormalization;

use crate::fonts::FontFace;
use crate::labels::Labels;
use crate::layout::{
    Align, Chunk, Item, Line, PageGeometry, Rect, Rule, TextStyle, Typesetter, mm,
};
use crate::model::{Agency, Signature, Span};

/// Size of the agency names and the national title (Decree 30: 12–13 pt).
const HEADER_SIZE: f32 = 12.0;
/// Size of the motto, the number and the date line (Decree 30: 13–14 pt).
const MOTTO_SIZE: f32 = 13.0;
/// Size of the document type and summary (Decree 30: 13–14 pt, bold).
const TITLE_SIZE: f32 = 14.0;
/// "Nơi nhận:" (Decree 30: 12 pt bold italic) and its list (11 pt).
const RECEIVED_LABEL_SIZE: f32 = 12.0;
const RECEIVED_LIST_SIZE: f32 = 11.0;
/// Thickness of the rules under the agency name, the motto and the summary.
const RULE: f32 = 0.6;
/// Space between a line box and the rule under it: the rule's centre lands about 5 pt
/// under the descenders, so it reads as a separate rule and not as an underline.
const RULE_GAP: f32 = 4.0;
/// Least space between the agency block and the national block (their text never closer).
pub(crate) const HEADER_GAP_MM: f32 = 5.0;
/// Rules under the agency name and under a summary: a third to a half of the line above
/// (Decree 30, Annex I); the motto's rule is as long as the motto.
const SHORT_RULE: f32 = 0.4;
/// Room left for the handwritten signature and the seal, between the line box of the
/// signer's position and that of the name (about 29 mm between the printed words).
pub(crate) const SIGNATURE_SPACE_MM: f32 = 28.0;

/// What the head of page 1 shows.
pub(crate) struct HeaderText<'a> {
    pub labels: &'a Labels,
    pub agency: &'a Agency,
    /// "Số: 05/BC-TVQG".
    pub number_line: String,
    /// "Hà Nội, ngày 05 tháng 01 năm 2027".
    pub place_date: String,
    /// A công văn's summary ("V/v cấp thị thực …"): a letter has no type heading, and its
    /// summary stands under the number, upright, in the agency's column (Annex I).
    pub summary: Option<String>,
}

fn caps(text: &str) -> String {
    text.nfc()
        .collect::<String>()
        .to_uppercase()
        .nfc()
        .collect()
}

fn span(text: impl Into<String>, face: FontFace) -> Vec<Span> {
    vec![Span {
        text: text.into(),
        bold: face.is_bold(),
        italic: face.is_italic(),
    }]
}

/// The widest run of set lines.
fn widest(lines: &[Line]) -> f32 {
    lines
        .iter()
        .map(|l| l.runs.iter().map(|r| r.width).sum::<f32>())
        .fold(0.0, f32::max)
}

/// A centred rule `fraction` as long as the widest of `lines`, just under them.
fn rule_under(lines: &[Line], column_x: f32, column_w: f32, y: f32, fraction: f32) -> Item {
    let length = widest(lines) * fraction;
    let x1 = column_x + (column_w - length) / 2.0;
    Item::Rule(Rule {
        x1,
        y1: y,
        x2: x1 + length,
        y2: y,
        thickness: RULE,
    })
}

/// An agency's name set in its column: on one line when it fits, else broken after a comma
/// when both parts fit ("BỘ VĂN HÓA, / THỂ THAO VÀ DU LỊCH" rather than splitting "THỂ
/// THAO"), else in balanced lines.
fn agency_lines(
    ts: &mut Typesetter<'_>,
    name: &str,
    face: FontFace,
    style: &TextStyle,
    width: f32,
) -> Vec<Line> {
    if ts.width(face, style.size, name) <= width {
        return ts.set(&span(name, face), style, width);
    }
    let best = name
        .match_indices(", ")
        .map(|(at, _)| (&name[..at + 1], &name[at + 2..]))
        .filter(|(a, b)| {
            ts.width(face, style.size, a) <= width && ts.width(face, style.size, b) <= width
        })
        .min_by(|x, y| {
            let skew = |(a, b): &(&str, &str)| {
                (ts.width(face, style.size, a) - ts.width(face, style.size, b)).abs()
            };
            skew(x).total_cmp(&skew(y))
        });
    match best {
        Some((first, second)) => {
            let mut lines = ts.set(&span(first, face), style, width);
            lines.extend(ts.set(&span(second, face), style, width));
            lines
        }
        None => ts.set_balanced(&span(name, face), style, width),
    }
}

/// The two blocks at the head of page 1: agency (left) and national title and motto
/// (right), each centred in its column, with the number line and the date line on one
/// level under them, as in Decree 30's model layout.
pub(crate) fn header_chunk(ts: &mut Typesetter<'_>, g: &PageGeometry, h: &HeaderText<'_>) -> Chunk {
    let national = caps(h.labels.national_title);
    let header = TextStyle::new(HEADER_SIZE, Align::Center);
    let motto_style = TextStyle::new(MOTTO_SIZE, Align::Center);
    let date_style = TextStyle::new(MOTTO_SIZE, Align::Center);

    // The right column is as wide as its longest line needs, capped at 60% of the text
    // width; the agency column takes the rest less the gap, and a long agency name wraps
    // inside it (balanced lines) rather than running into the national title. At 12 pt
    // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" needs 88 mm of the 165, which leaves 72 mm.
    let right_w = [
        ts.width(FontFace::Bold, HEADER_SIZE, &national),
        ts.width(FontFace::Bold, MOTTO_SIZE, h.labels.motto),
        ts.width(FontFace::Italic, MOTTO_SIZE, &h.place_date),
    ]
    .into_iter()
    .fold(0.0, f32::max)
        + mm(0.2);
    let right_w = right_w.min(g.text_width() * 0.6);
    let gap = mm(HEADER_GAP_MM);
    let left_x = g.margin_left;
    let left_w = g.text_width() - right_w - gap;
    let right_x = g.margin_left + g.text_width() - right_w;

    let mut chunk = Chunk::default();

    // Left: parent agency (regular caps), issuing agency (bold caps), a short rule.
    let mut y = 0.0;
    if !h.agency.parent.trim().is_empty() {
        let lines = agency_lines(
            ts,
            &caps(&h.agency.parent),
            FontFace::Regular,
            &header,
            left_w,
        );
        y = chunk.push_lines(lines, &header, left_x, y);
    }
    let name_lines = agency_lines(ts, &caps(&h.agency.name), FontFace::Bold, &header, left_w);
    let name_rule_y = y + header.line_pitch * name_lines.len() as f32 + RULE_GAP;
    let name_rule = rule_under(&name_lines, left_x, left_w, name_rule_y, SHORT_RULE);
    chunk.push_lines(name_lines, &header, left_x, y);
    chunk.items.push(name_rule);

    // Right: national title (bold caps), motto (bold) with a rule as long as the motto.
    let title_lines = ts.set(&span(&national, FontFace::Bold), &header, right_w);
    let y = chunk.push_lines(title_lines, &header, right_x, 0.0);
    let motto_lines = ts.set(&span(h.labels.motto, FontFace::Bold), &motto_style, right_w);
    let motto_rule_y = y + motto_style.line_pitch * motto_lines.len() as f32 + RULE_GAP;
    let motto_rule = rule_under(&motto_lines, right_x, right_w, motto_rule_y, 1.0);
    chunk.push_lines(motto_lines, &motto_style, right_x, y);
    chunk.items.push(motto_rule);

    // Number (left) and place-date (right, italic) on the same level below both rules.
    let y = name_rule_y.max(motto_rule_y) + RULE + mm(2.0);
    let number = ts.set(
        &span(&h.number_line, FontFace::Regular),
        &date_style,
        left_w,
    );
    let mut number_bottom = chunk.push_lines(number, &date_style, left_x, y);
    if let Some(summary) = h.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        let style = TextStyle::new(HEADER_SIZE, Align::Center);
        let lines = ts.set_balanced(&span(summary, FontFace::Regular), &style, left_w);
        number_bottom = chunk.push_lines(lines, &style, left_x, number_bottom);
    }
    let date = ts.set(&span(&h.place_date, FontFace::Italic), &date_style, right_w);
    let date_bottom = chunk.push_lines(date, &date_style, right_x, y);
    chunk.height = number_bottom.max(date_bottom);
    chunk
}

/// The document type ("BÁO CÁO") and the summary under it, bold and centred, with a short
/// rule under the summary.
pub(crate) fn title_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    title: &str,
    subtitle: &str,
) -> Chunk {
    let style = TextStyle::new(TITLE_SIZE, Align::Center);
    let mut chunk = Chunk {
        space_before: mm(8.0),
        keep_with_next: true,
        ..Chunk::default()
    };
    let lines = ts.set_balanced(&span(caps(title), FontFace::Bold), &style, g.text_width());
    let mut y = chunk.push_lines(lines, &style, g.margin_left, 0.0);
    if !subtitle.trim().is_empty() {
        let lines = ts.set_balanced(&span(subtitle, FontFace::Bold), &style, g.text_width());
        let rule_y = y + style.line_pitch * lines.len() as f32 + RULE_GAP;
        let rule = rule_under(&lines, g.margin_left, g.text_width(), rule_y, SHORT_RULE);
        chunk.push_lines(lines, &style, g.margin_left, y);
        chunk.items.push(rule);
        y = rule_y + RULE;
    }
    chunk.height = y;
    chunk
}

/// The lines of a list of addressees or of the distribution list as Decree 30 ends them:
/// each with ";", the last with ".", whatever punctuation the user typed.
fn punctuated(lines: &[String]) -> impl Iterator<Item = (&str, &'static str)> {
    let last = lines.len().saturating_sub(1);
    lines.iter().enumerate().map(move |(n, line)| {
        let text = line.trim().trim_end_matches([';', '.', ',']).trim_end();
        (text, if n == last { "." } else { ";" })
    })
}

/// "Kính gửi: …": one addressee is centred on its line; several are listed one per line
/// after the label, each after "- ".
pub(crate) fn recipients_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    label: &str,
    recipients: &[String],
    size: f32,
) -> Option<Chunk> {
    let mut chunk = Chunk {
        space_before: mm(5.0),
        keep_with_next: true,
        ..Chunk::default()
    };
    match recipients {
        [] => return None,
        [one] => {
            let style = TextStyle::new(size, Align::Center);
            let lines = ts.set(
                &span(format!("{label} {one}"), FontFace::Regular),
                &style,
                g.text_width(),
            );
            chunk.push_lines(lines, &style, g.margin_left, 0.0);
        }
        many => {
            let style = TextStyle::new(size, Align::Left);
            let label_x = g.margin_left + g.text_width() * 0.18;
            let label_w =
                ts.width(FontFace::Regular, size, label) + ts.width(FontFace::Regular, size, " ");
            let label_lines = ts.set(&span(label, FontFace::Regular), &style, label_w + 1.0);
            chunk.push_lines(label_lines, &style, label_x, 0.0);
            let list_x = label_x + label_w;
            let list_w = g.margin_left + g.text_width() - list_x;
            let mut y = 0.0;
            for (recipient, end) in punctuated(many) {
                let lines = ts.set(
                    &span(format!("- {recipient}{end}"), FontFace::Regular),
                    &style,
                    list_w,
                );
                y = chunk.push_lines(lines, &style, list_x, y);
            }
        }
    }
    Some(chunk)
}

/// The closing: "Nơi nhận:" with its list on the left and the signature block on the right,
/// top-aligned, as one chunk so they always share a page.
pub(crate) fn closing_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    label: &str,
    received_by: &[String],
    signature: &Signature,
    size: f32,
) -> Chunk {
    let mut chunk = Chunk {
        space_before: mm(6.0),
        ..Chunk::default()
    };
    let left_w = g.text_width() * 0.45;
    let right_x = g.margin_left + left_w;
    let right_w = g.text_width() - left_w;

    let mut left_bottom = 0.0;
    if !received_by.is_empty() {
        let label_style = TextStyle::new(RECEIVED_LABEL_SIZE, Align::Left);
        let lines = ts.set(&span(label, FontFace::BoldItalic), &label_style, left_w);
        let mut y = chunk.push_lines(lines, &label_style, g.margin_left, 0.0);
        let mut list_style = TextStyle::new(RECEIVED_LIST_SIZE, Align::Left);
        list_style.line_pitch = RECEIVED_LIST_SIZE * 1.2;
        // Continuation lines hang under the text, not under the dash.
        list_style.rest_indent = ts.width(FontFace::Regular, RECEIVED_LIST_SIZE, "- ");
        for (entry, end) in punctuated(received_by) {
            let lines = ts.set(
                &span(format!("- {entry}{end}"), FontFace::Regular),
                &list_style,
                left_w,
            );
            y = chunk.push_lines(lines, &list_style, g.margin_left, y);
        }
        left_bottom = y;
    }

    let style = TextStyle::new(size, Align::Center);
    let mut y = 0.0;
    if let Some(authority) = signature
        .authority
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        let lines = ts.set(&span(caps(authority), FontFace::Bold), &style, right_w);
        y = chunk.push_lines(lines, &style, right_x, y);
    }
    let lines = ts.set(
        &span(caps(&signature.position), FontFace::Bold),
        &style,
        right_w,
    );
    y = chunk.push_lines(lines, &style, right_x, y);
    // The space is kept even when no name is known yet, so there is always room to sign,
    // and its rectangle travels with the page for the digital signature to fill.
    chunk.signature_space = Some(Rect {
        x: right_x,
        y,
        width: right_w,
        height: mm(SIGNATURE_SPACE_MM),
    });
    y += mm(SIGNATURE_SPACE_MM);
    let lines = ts.set(&span(&signature.name, FontFace::Bold), &style, right_w);
    let right_bottom = if lines.is_empty() {
        y + style.line_pitch
    } else {
        chunk.push_lines(lines, &style, right_x, y)
    };

    chunk.height = f32::max(left_bottom, right_bottom);
    chunk
}
