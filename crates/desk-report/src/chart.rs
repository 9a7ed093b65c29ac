//! Bar charts laid out as vector shapes, rules and text: the per-month columns and the
//! ranked bars of the annual report. Pure layout like the rest of the engine; the renderer
//! fills the bars as PDF paths, so they print sharp and can be checked box by box.
//!
//! Every bar's length is proportional to its value (a bar of 4 is twice as long as a bar of
//! 2), measured from one axis; values are printed at the bars' ends when they fit, and the
//! exact figures stand in a table next to each chart in the report.

use crate::error::ReportError;
use crate::fonts::FontFace;
use crate::layout::{
    Align, Chunk, Colour, Item, PageGeometry, Rect, Rule, Shape, TextStyle, Typesetter, mm,
};
use crate::model::Span;

/// How the bars run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Upright columns over categories along the bottom (months).
    Columns,
    /// Bars running right from category names stacked down the left (ranked lists).
    Bars,
}

/// One set of values, drawn in one colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSeries {
    /// What the legend calls it ("Đoàn ra").
    pub name: String,
    /// One value per category, not negative.
    pub values: Vec<i64>,
    /// What to print at each bar's end (e.g. "185.000.000"); empty for the values as they
    /// are, or one per category (an empty label prints nothing).
    pub labels: Vec<String>,
}

/// A bar chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    /// The caption above the chart ("Biểu đồ 1. …").
    pub title: String,
    /// The category names, in order: short for columns ("T1"), any length for bars.
    pub categories: Vec<String>,
    /// One or more series; a legend is drawn when there are several.
    pub series: Vec<ChartSeries>,
    pub orientation: Orientation,
}

/// The series colours, told apart in grey too (dark blue, light orange, mid green, grey).
pub const PALETTE: [Colour; 4] = [
    Colour {
        r: 0.16,
        g: 0.29,
        b: 0.53,
    },
    Colour {
        r: 0.96,
        g: 0.64,
        b: 0.29,
    },
    Colour {
        r: 0.35,
        g: 0.62,
        b: 0.35,
    },
    Colour {
        r: 0.55,
        g: 0.55,
        b: 0.55,
    },
];

/// The colour of the `n`th series.
pub fn series_colour(n: usize) -> Colour {
    PALETTE[n % PALETTE.len()]
}

const TITLE_SIZE: f32 = 12.0;
const LEGEND_SIZE: f32 = 10.0;
const CATEGORY_SIZE: f32 = 10.0;
const VALUE_SIZE: f32 = 8.5;
const AXIS: f32 = 0.6;
/// Height of the columns' plot area (the tallest column and its value label).
const PLOT_HEIGHT_MM: f32 = 50.0;
/// Thickness of one bar of a horizontal chart.
const BAR: f32 = 9.0;

impl BarChart {
    /// Checks the shape of the data; `chart` is the chart's 1-based position for messages.
    fn check(&self, chart: usize) -> Result<(), ReportError> {
        let categories = self.categories.len();
        for s in &self.series {
            if s.values.len() != categories
                || !(s.labels.is_empty() || s.labels.len() == categories)
            {
                return Err(ReportError::ChartShape {
                    chart,
                    series: s.name.clone(),
                    values: if s.values.len() == categories {
                        s.labels.len()
                    } else {
                        s.values.len()
                    },
                    categories,
                });
            }
            if let Some(&value) = s.values.iter().find(|v| **v < 0) {
                return Err(ReportError::ChartValue {
                    chart,
                    series: s.name.clone(),
                    value,
                });
            }
        }
        Ok(())
    }

    fn max(&self) -> i64 {
        self.series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

impl ChartSeries {
    /// The label at the end of bar `n`; nothing for a zero value.
    fn label(&self, n: usize) -> String {
        match (self.values.get(n), self.labels.get(n)) {
            (Some(0) | None, _) => String::new(),
            (_, Some(label)) => label.clone(),
            (Some(value), None) => value.to_string(),
        }
    }
}

fn run_at(
    ts: &mut Typesetter<'_>,
    chunk: &mut Chunk,
    text: &str,
    face: FontFace,
    size: f32,
    x: f32,
    top: f32,
) -> f32 {
    let style = TextStyle::new(size, Align::Left);
    let span = Span {
        text: text.to_owned(),
        bold: face.is_bold(),
        italic: face.is_italic(),
    };
    let lines = ts.set(&[span], &style, f32::MAX / 4.0);
    chunk.push_lines(lines, &style, x, top)
}

/// One bar, in the colour of its series.
fn bar(chunk: &mut Chunk, series: usize, x: f32, y: f32, width: f32, height: f32) {
    let rect = Rect {
        x,
        y,
        width,
        height,
    };
    chunk
        .items
        .push(Item::Shape(Shape::rect(rect, series_colour(series))));
}

/// A bar's value, in the values' size, its top left at (`x`, `top`).
fn value_at(ts: &mut Typesetter<'_>, chunk: &mut Chunk, label: &str, x: f32, top: f32) {
    run_at(ts, chunk, label, FontFace::Regular, VALUE_SIZE, x, top);
}

/// The caption and, for several series, the legend; returns where the plot may start.
fn head(ts: &mut Typesetter<'_>, g: &PageGeometry, chart: &BarChart, chunk: &mut Chunk) -> f32 {
    let style = TextStyle::new(TITLE_SIZE, Align::Center);
    let lines = ts.set_balanced(&[Span::bold(&chart.title)], &style, g.text_width());
    let mut y = chunk.push_lines(lines, &style, g.margin_left, 0.0);
    if chart.series.len() > 1 {
        let key = LEGEND_SIZE * 0.7;
        let gap = LEGEND_SIZE * 0.4;
        let spacing = LEGEND_SIZE * 1.5;
        let widths: Vec<f32> = chart
            .series
            .iter()
            .map(|s| ts.width(FontFace::Regular, LEGEND_SIZE, &s.name))
            .collect();
        let total: f32 =
            widths.iter().map(|w| key + gap + w).sum::<f32>() + spacing * (widths.len() - 1) as f32;
        let mut x = g.margin_left + ((g.text_width() - total) / 2.0).max(0.0);
        let pitch = LEGEND_SIZE * crate::layout::LINE_PITCH;
        for (n, (series, width)) in chart.series.iter().zip(&widths).enumerate() {
            chunk.items.push(Item::Shape(Shape::rect(
                Rect {
                    x,
                    y: y + (pitch - key) / 2.0,
                    width: key,
                    height: key,
                },
                series_colour(n),
            )));
            run_at(
                ts,
                chunk,
                &series.name,
                FontFace::Regular,
                LEGEND_SIZE,
                x + key + gap,
                y,
            );
            x += key + gap + width + spacing;
        }
        y += pitch;
    }
    y + mm(2.0)
}

fn axis(x1: f32, y1: f32, x2: f32, y2: f32) -> Item {
    Item::Rule(Rule {
        x1,
        y1,
        x2,
        y2,
        thickness: AXIS,
    })
}

/// Upright columns: categories along the bottom, groups of one column per series.
fn columns(ts: &mut Typesetter<'_>, g: &PageGeometry, chart: &BarChart, chunk: &mut Chunk) {
    let top = head(ts, g, chart, chunk);
    let n = chart.categories.len().max(1);
    let slot = g.text_width() / n as f32;
    let group = slot * 0.72;
    let series = chart.series.len().max(1);
    let bar_w = group / series as f32;
    let label_pitch = VALUE_SIZE * crate::layout::LINE_PITCH;
    let plot = mm(PLOT_HEIGHT_MM);
    let base = top + plot;
    let reach = plot - label_pitch;
    let max = chart.max() as f32;
    // Many months make narrow slots: the names shrink to fit (down to 5 pt) before wrapping.
    let widest = chart
        .categories
        .iter()
        .map(|c| ts.width(FontFace::Regular, CATEGORY_SIZE, c))
        .fold(0.0, f32::max);
    let category_size = if widest > slot - 2.0 {
        (CATEGORY_SIZE * (slot - 2.0) / widest).max(5.0)
    } else {
        CATEGORY_SIZE
    };

    for (c, category) in chart.categories.iter().enumerate() {
        let slot_x = g.margin_left + c as f32 * slot;
        for (s, data) in chart.series.iter().enumerate() {
            let value = data.values.get(c).copied().unwrap_or(0);
            if value <= 0 {
                continue;
            }
            let x = slot_x + (slot - group) / 2.0 + s as f32 * bar_w;
            let height = value as f32 / max * reach;
            let bar_top = base - AXIS / 2.0 - height;
            bar(chunk, s, x, bar_top, bar_w, height);
            let label = data.label(c);
            let width = ts.width(FontFace::Regular, VALUE_SIZE, &label);
            // Centred on its column and no wider, a label never meets its neighbour's.
            if !label.is_empty() && width <= bar_w {
                value_at(
                    ts,
                    chunk,
                    &label,
                    x + (bar_w - width) / 2.0,
                    bar_top - label_pitch,
                );
            }
        }
        let style = TextStyle::new(category_size, Align::Center);
        let lines = ts.set(&[Span::plain(category)], &style, slot);
        let bottom = chunk.push_lines(lines, &style, slot_x, base + AXIS / 2.0 + 1.0);
        chunk.height = chunk.height.max(bottom);
    }
    chunk.items.push(axis(
        g.margin_left,
        base,
        g.margin_left + g.text_width(),
        base,
    ));
    chunk.height = chunk.height.max(base + AXIS);
}

/// Horizontal bars: category names down the left, bars from one axis, values at their ends.
fn bars(ts: &mut Typesetter<'_>, g: &PageGeometry, chart: &BarChart, chunk: &mut Chunk) {
    let top = head(ts, g, chart, chunk);
    let style = TextStyle::new(CATEGORY_SIZE, Align::Left);
    let widest_name = chart
        .categories
        .iter()
        .map(|c| ts.width(FontFace::Regular, CATEGORY_SIZE, c))
        .fold(0.0, f32::max);
    let name_w = (widest_name + 1.0).min(g.text_width() * 0.35);
    let gap = 4.0;
    let widest_value = chart
        .series
        .iter()
        .flat_map(|s| (0..chart.categories.len()).map(|n| s.label(n)))
        .map(|l| ts.width(FontFace::Regular, VALUE_SIZE, &l))
        .fold(0.0, f32::max);
    let axis_x = g.margin_left + name_w + gap;
    let plot_w = g.margin_left + g.text_width() - axis_x - AXIS / 2.0 - gap - widest_value - 1.0;
    let max = chart.max() as f32;
    let series = chart.series.len().max(1);
    let value_pitch = VALUE_SIZE * crate::layout::LINE_PITCH;

    let mut y = top;
    for (c, category) in chart.categories.iter().enumerate() {
        let lines = ts.set(&[Span::plain(category)], &style, name_w);
        let names_h = lines.len() as f32 * style.line_pitch;
        let bars_h = series as f32 * BAR;
        let row = names_h.max(bars_h) + 4.0;
        chunk.push_lines(lines, &style, g.margin_left, y + (row - names_h) / 2.0);
        let bars_top = y + (row - bars_h) / 2.0;
        for (s, data) in chart.series.iter().enumerate() {
            let value = data.values.get(c).copied().unwrap_or(0);
            if value <= 0 {
                continue;
            }
            let length = value as f32 / max * plot_w;
            let bar_y = bars_top + s as f32 * BAR;
            let x = axis_x + AXIS / 2.0;
            bar(chunk, s, x, bar_y + 1.0, length, BAR - 2.0);
            let label = data.label(c);
            if !label.is_empty() {
                value_at(
                    ts,
                    chunk,
                    &label,
                    x + length + gap,
                    bar_y + (BAR - value_pitch) / 2.0,
                );
            }
        }
        y += row;
    }
    chunk.items.push(axis(axis_x, top, axis_x, y));
    chunk.height = chunk.height.max(y);
}

/// The chart as one chunk, kept whole on a page.
pub(crate) fn chart_chunk(
    ts: &mut Typesetter<'_>,
    g: &PageGeometry,
    chart: &BarChart,
    index: usize,
) -> Result<Chunk, ReportError> {
    chart.check(index)?;
    let mut chunk = Chunk {
        space_before: mm(4.0),
        ..Chunk::default()
    };
    match chart.orientation {
        Orientation::Columns => columns(ts, g, chart, &mut chunk),
        Orientation::Bars => bars(ts, g, chart, &mut chunk),
    }
    Ok(chunk)
}
