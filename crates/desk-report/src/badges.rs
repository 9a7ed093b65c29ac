//! Name badges and table tent cards.
//!
//! Badges: A4 sheets of eight (two across, four down, 90 × 60 mm each, edge to edge), with
//! cut marks in the page margin along every cutting line, so that a guillotine cut follows
//! them and no mark ends up on a badge. Each badge: the event at the top, the name large in
//! the guest's own order, title and organisation, the country in both languages, and the
//! role in both languages along the foot.
//!
//! Tent cards: one A4 landscape sheet per guest, folded along its long middle into a tent:
//! the name is printed on both halves, the back half turned upside down so that it reads
//! upright from the other side of the table.

use chrono::{DateTime, FixedOffset};

use crate::error::ReportError;
use crate::fonts::{FontFace, Fonts};
use crate::layout::{
    Align, Item, Layout, Line, Page, PageGeometry, Rect, Rule, TextStyle, Typesetter, mm,
};
use crate::model::Span;

/// What one badge or card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// The name as printed, large ("TRẦN Mỹ Dung", "Kanokwan THONGDEE").
    pub name: String,
    /// Title or position.
    pub title: String,
    pub organisation: String,
    /// "THAILAND · THÁI LAN".
    pub country: String,
    /// "ĐẠI BIỂU · DELEGATE".
    pub role: String,
}

/// The badges (or cards) of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct BadgeSheet {
    /// The event, printed at the top of each badge.
    pub event: String,
    /// Its dates and place, under the event.
    pub dates: String,
    pub badges: Vec<Badge>,
    /// When the file was made (PDF metadata).
    pub created_at: DateTime<FixedOffset>,
}

/// Badge size and the grid on the sheet.
pub const BADGE_W_MM: f32 = 90.0;
pub const BADGE_H_MM: f32 = 60.0;
const COLUMNS: usize = 2;
const ROWS: usize = 4;
/// Inner padding of a badge.
const PAD_MM: f32 = 5.0;
/// Cut marks: their length and their distance from the badges.
const MARK_MM: f32 = 6.0;
const MARK_GAP_MM: f32 = 2.0;
const MARK: f32 = 0.3;

/// The largest size (at most `max`, at least `min`) at which `text` sets in at most
/// `max_lines` lines of `width` without cutting a word; with the lines.
fn fit(
    ts: &mut Typesetter<'_>,
    text: &str,
    width: f32,
    max: f32,
    min: f32,
    max_lines: usize,
) -> (f32, Vec<Line>) {
    // One line if it can stay at three quarters of the largest size: a name reads best whole.
    let single = ts.width(FontFace::Bold, 1.0, text);
    if single > 0.0 {
        let size = (width / single).floor().min(max);
        if size >= (max * 0.75).max(min) {
            let style = TextStyle::new(size, Align::Center);
            return (size, ts.set(&[Span::bold(text)], &style, width));
        }
    }
    let mut size = max;
    loop {
        let style = TextStyle::new(size, Align::Center);
        let lines = ts.set_balanced(&[Span::bold(text)], &style, width);
        let words_fit = text
            .split_whitespace()
            .all(|w| ts.width(FontFace::Bold, size, w) <= width);
        if (lines.len() <= max_lines && words_fit) || size <= min {
            return (size, lines);
        }
        size -= 1.0;
    }
}

/// Places set lines in a box, from `top`, returning the bottom.
fn place(items: &mut Vec<Item>, lines: Vec<Line>, style: &TextStyle, x: f32, top: f32) -> f32 {
    let mut y = top;
    for line in lines {
        for mut run in line.runs {
            run.x += x;
            run.baseline += y;
            items.push(Item::Text(run));
        }
        y += style.line_pitch;
    }
    y
}

fn set(
    ts: &mut Typesetter<'_>,
    span: Span,
    size: f32,
    width: f32,
    max_lines: usize,
) -> (TextStyle, Vec<Line>) {
    let mut style = TextStyle::new(size, Align::Center);
    style.line_pitch = size * 1.2;
    let mut lines = ts.set_balanced(&[span], &style, width);
    lines.truncate(max_lines);
    (style, lines)
}

/// The items of one badge whose top-left corner is at (x, y).
fn badge_items(
    ts: &mut Typesetter<'_>,
    sheet: &BadgeSheet,
    badge: &Badge,
    x: f32,
    y: f32,
) -> Vec<Item> {
    let (w, h, pad) = (mm(BADGE_W_MM), mm(BADGE_H_MM), mm(PAD_MM));
    let inner = w - 2.0 * pad;
    let left = x + pad;
    let mut items = Vec::new();

    // Head: the event and its dates, then a rule.
    let (style, lines) = set(ts, Span::bold(sheet.event.clone()), 8.0, inner, 2);
    let mut top = place(&mut items, lines, &style, left, y + pad);
    if !sheet.dates.trim().is_empty() {
        let (style, lines) = set(ts, Span::italic(sheet.dates.clone()), 7.0, inner, 1);
        top = place(&mut items, lines, &style, left, top);
    }
    top += mm(1.0);
    items.push(Item::Rule(Rule {
        x1: left,
        y1: top,
        x2: left + inner,
        y2: top,
        thickness: 0.5,
    }));
    top += mm(1.0);

    // Foot, from the bottom up: the role, the country.
    let (role_style, role_lines) = set(ts, Span::bold(badge.role.clone()), 8.0, inner, 1);
    let role_top = y + h - pad - role_style.line_pitch;
    let (country_style, country_lines) = set(ts, Span::bold(badge.country.clone()), 10.0, inner, 1);
    let country_top = role_top - country_style.line_pitch - mm(0.5);

    // Middle: the name as large as it fits in two lines, then title and organisation.
    let (size, name_lines) = fit(ts, &badge.name, inner, 24.0, 11.0, 2);
    let mut name_style = TextStyle::new(size, Align::Center);
    name_style.line_pitch = size * 1.15;
    let mut name_lines = name_lines;
    name_lines.truncate(2);
    let (title_style, title_lines) = if badge.title.trim().is_empty() {
        (TextStyle::new(9.0, Align::Center), Vec::new())
    } else {
        set(ts, Span::italic(badge.title.clone()), 9.0, inner, 1)
    };
    let (org_style, org_lines) = if badge.organisation.trim().is_empty() {
        (TextStyle::new(9.0, Align::Center), Vec::new())
    } else {
        set(ts, Span::plain(badge.organisation.clone()), 9.0, inner, 2)
    };
    let block = name_style.line_pitch * name_lines.len() as f32
        + mm(1.0)
        + title_style.line_pitch * title_lines.len() as f32
        + org_style.line_pitch * org_lines.len() as f32;
    let room = (country_top - mm(0.5)) - top;
    let mut y_mid = top + ((room - block) / 2.0).max(0.0);
    y_mid = place(&mut items, name_lines, &name_style, left, y_mid) + mm(1.0);
    y_mid = place(&mut items, title_lines, &title_style, left, y_mid);
    place(&mut items, org_lines, &org_style, left, y_mid);

    place(&mut items, country_lines, &country_style, left, country_top);
    place(&mut items, role_lines, &role_style, left, role_top);
    items
}

/// The page of the badge sheet: A4 portrait, the grid centred.
pub fn badge_geometry() -> PageGeometry {
    let margin_x = (210.0 - BADGE_W_MM * COLUMNS as f32) / 2.0;
    let margin_y = (297.0 - BADGE_H_MM * ROWS as f32) / 2.0;
    PageGeometry {
        width: mm(210.0),
        height: mm(297.0),
        margin_top: mm(margin_y),
        margin_bottom: mm(margin_y),
        margin_left: mm(margin_x),
        margin_right: mm(margin_x),
    }
}

/// Where badge `n` of a page sits.
pub fn badge_rect(n: usize) -> Rect {
    let g = badge_geometry();
    Rect {
        x: g.margin_left + mm(BADGE_W_MM) * (n % COLUMNS) as f32,
        y: g.margin_top + mm(BADGE_H_MM) * (n / COLUMNS) as f32,
        width: mm(BADGE_W_MM),
        height: mm(BADGE_H_MM),
    }
}

/// Cut marks along every cutting line, in the page margins only.
fn cut_marks(g: &PageGeometry) -> Vec<Item> {
    let columns = (0..=COLUMNS).map(|c| g.margin_left + mm(BADGE_W_MM) * c as f32);
    let rows = (0..=ROWS).map(|r| g.margin_top + mm(BADGE_H_MM) * r as f32);
    let bottom = g.height - g.margin_bottom;
    let right = g.width - g.margin_right;
    let mut items = marks(columns, g.margin_top, bottom, |x, y1, y2| (x, y1, x, y2));
    items.extend(marks(rows, g.margin_left, right, |y, x1, x2| {
        (x1, y, x2, y)
    }));
    items
}

/// For each cutting line (at `lines` across the page), a mark before the margin edge at
/// `start` and one after the edge at `end`; `place` turns (line, from, to) into the mark's
/// two ends, down the page for columns and across it for rows.
fn marks(
    lines: impl Iterator<Item = f32>,
    start: f32,
    end: f32,
    place: impl Fn(f32, f32, f32) -> (f32, f32, f32, f32),
) -> Vec<Item> {
    let (gap, len) = (mm(MARK_GAP_MM), mm(MARK_MM));
    lines
        .flat_map(|at| {
            [
                (start - gap - len, start - gap),
                (end + gap, end + gap + len),
            ]
            .map(|(from, to)| {
                let (x1, y1, x2, y2) = place(at, from, to);
                Item::Rule(Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    thickness: MARK,
                })
            })
        })
        .collect()
}

/// Lays out the badge sheets: eight badges a page.
pub fn layout_badges(sheet: &BadgeSheet) -> Result<Layout, ReportError> {
    let fonts = Fonts::get()?;
    let g = badge_geometry();
    let mut ts = Typesetter::new(fonts);
    let per_page = COLUMNS * ROWS;
    let mut pages = Vec::new();
    for chunk in sheet.badges.chunks(per_page) {
        let mut page = Page {
            items: cut_marks(&g),
            signature_space: None,
        };
        for (n, badge) in chunk.iter().enumerate() {
            let r = badge_rect(n);
            page.items
                .extend(badge_items(&mut ts, sheet, badge, r.x, r.y));
        }
        pages.push(page);
    }
    Ok(Layout::drawn(g, pages, ts.missing))
}

/// The page of a tent card: A4 landscape, folded at half height.
pub fn tent_geometry() -> PageGeometry {
    PageGeometry {
        width: mm(297.0),
        height: mm(210.0),
        margin_top: mm(12.0),
        margin_bottom: mm(12.0),
        margin_left: mm(15.0),
        margin_right: mm(15.0),
    }
}

/// Lays out tent cards, one per page: the front half (lower) upright, the back half (upper)
/// the same items turned upside down.
pub fn layout_tents(sheet: &BadgeSheet) -> Result<Layout, ReportError> {
    let fonts = Fonts::get()?;
    let g = tent_geometry();
    let mut ts = Typesetter::new(fonts);
    let fold = g.height / 2.0;
    let width = g.text_width();
    let mut pages = Vec::new();
    for badge in &sheet.badges {
        let mut front = Vec::new();
        let (size, lines) = fit(&mut ts, &badge.name, width, 60.0, 20.0, 2);
        let mut name_style = TextStyle::new(size, Align::Center);
        name_style.line_pitch = size * 1.1;
        let detail = [badge.title.as_str(), badge.organisation.as_str()]
            .iter()
            .filter(|s| !s.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        let (detail_style, detail_lines) = set(&mut ts, Span::plain(detail), 16.0, width, 2);
        let (country_style, country_lines) =
            set(&mut ts, Span::bold(badge.country.clone()), 16.0, width, 1);
        let block = name_style.line_pitch * lines.len() as f32
            + mm(3.0)
            + detail_style.line_pitch * detail_lines.len() as f32
            + country_style.line_pitch * country_lines.len() as f32;
        // Centred in the front half, between the fold and the bottom margin.
        let half = g.height - g.margin_bottom - fold;
        let mut y = fold + ((half - block) / 2.0).max(mm(8.0));
        y = place(&mut front, lines, &name_style, g.margin_left, y) + mm(3.0);
        y = place(&mut front, detail_lines, &detail_style, g.margin_left, y);
        place(&mut front, country_lines, &country_style, g.margin_left, y);
        // The back: every box reflected through the page's centre, turned.
        let mut back: Vec<Item> = front
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => {
                    let b = run.bounds();
                    let mut turned = run.clone();
                    let (nx, ny) = (g.width - b.right(), g.height - b.bottom());
                    turned.x += nx - b.x;
                    turned.baseline += ny - b.y;
                    turned.turned = true;
                    Some(Item::Text(turned))
                }
                _ => None,
            })
            .collect();
        // Fold marks at both edges, in the margins.
        for (x1, x2) in [
            (mm(2.0), g.margin_left - mm(3.0)),
            (g.width - g.margin_right + mm(3.0), g.width - mm(2.0)),
        ] {
            back.push(Item::Rule(Rule {
                x1,
                y1: fold,
                x2,
                y2: fold,
                thickness: MARK,
            }));
        }
        back.extend(front);
        pages.push(Page {
            items: back,
            signature_space: None,
        });
    }
    Ok(Layout::drawn(g, pages, ts.missing))
}
