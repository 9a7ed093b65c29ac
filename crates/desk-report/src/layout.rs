//! The pure half of the engine: pages of positioned boxes, and the tools that make them
//! (measuring, line breaking, justification, page flow). Nothing here touches PDF, so the
//! result can be checked directly: no box past a margin, no two boxes overlapping, the
//! signature beside its distribution list, and so on.
//!
//! Units are PDF points (1/72 inch) with the origin at the **top-left** of the page and `y`
//! growing downwards, the way a page is read; the renderer flips `y` for PDF.

use unicode_normalization::UnicodeNormalization;

use crate::fonts::{FontFace, Fonts};
use crate::image::ImageData;
use crate::model::Span;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Converts millimetres to points.
pub fn mm(value: f32) -> f32 {
    value * PT_PER_MM
}

/// Boxes may touch; they overlap only if they share more than this much (in points), which
/// absorbs float rounding between neighbours computed by addition.
const TOUCH: f32 = 0.01;

/// The page size and margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageGeometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Top margin (page numbers are printed inside it).
    pub margin_top: f32,
    /// Bottom margin.
    pub margin_bottom: f32,
    /// Left (binding) margin.
    pub margin_left: f32,
    /// Right margin.
    pub margin_right: f32,
}

impl PageGeometry {
    /// A4 with the margins of Decree 30/2020/NĐ-CP: top and bottom 20 mm, left 30 mm (room
    /// for binding), right 15 mm.
    pub fn decree_30_a4() -> Self {
        Self {
            width: mm(210.0),
            height: mm(297.0),
            margin_top: mm(20.0),
            margin_bottom: mm(20.0),
            margin_left: mm(30.0),
            margin_right: mm(15.0),
        }
    }

    /// Width between the margins.
    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }

    /// Height between the margins.
    pub fn text_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }

    /// The area between the margins.
    pub fn text_area(&self) -> Rect {
        Rect {
            x: self.margin_left,
            y: self.margin_top,
            width: self.text_width(),
            height: self.text_height(),
        }
    }
}

/// An axis-aligned box, top-left origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Whether the two boxes share area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x + TOUCH < other.right()
            && other.x + TOUCH < self.right()
            && self.y + TOUCH < other.bottom()
            && other.y + TOUCH < self.bottom()
    }

    /// Whether `other` lies inside this box (edges included, with the same tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x + TOUCH >= self.x
            && other.y + TOUCH >= self.y
            && other.right() <= self.right() + TOUCH
            && other.bottom() <= self.bottom() + TOUCH
    }
}

/// What a text run is for; tests and the renderer treat page furniture differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Document content, kept between the margins.
    Content,
    /// A page number, printed in the top margin.
    PageNumber,
}

/// A run of text in one face and size on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The text, NFC, with real spaces between words (so copying from the PDF gives words).
    pub text: String,
    /// Face.
    pub face: FontFace,
    /// Size in points.
    pub size: f32,
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline.
    pub baseline: f32,
    /// Advance of the whole run, including `extra_space` after every space.
    pub width: f32,
    /// Extra advance after each space, in points: how justified lines reach the margin. It is
    /// drawn as a glyph offset rather than with the word-spacing operator, which viewers
    /// ignore for the two-byte glyph codes of embedded fonts.
    pub extra_space: f32,
    /// Height above the baseline the face can reach.
    pub ascent: f32,
    /// Depth below the baseline the face can reach.
    pub descent: f32,
    /// Content or page furniture.
    pub role: Role,
    /// Drawn upside down (turned 180° about the centre of its box), as on the back half of
    /// a folded table card. The box is the same either way.
    pub turned: bool,
}

impl TextRun {
    /// The box the run's glyphs can occupy.
    pub fn bounds(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.baseline - self.ascent,
            width: self.width,
            height: self.ascent + self.descent,
        }
    }
}

/// A straight line (borders, the rules under the agency name and the motto).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Start x.
    pub x1: f32,
    /// Start y.
    pub y1: f32,
    /// End x.
    pub x2: f32,
    /// End y.
    pub y2: f32,
    /// Line width.
    pub thickness: f32,
}

impl Rule {
    /// The box the stroke covers (butt caps).
    pub fn bounds(&self) -> Rect {
        let half = self.thickness / 2.0;
        let (horizontal, vertical) = (self.y1 == self.y2, self.x1 == self.x2);
        let (pad_x, pad_y) = match (horizontal, vertical) {
            (true, _) => (0.0, half),
            (_, true) => (half, 0.0),
            _ => (half, half),
        };
        Rect {
            x: self.x1.min(self.x2) - pad_x,
            y: self.y1.min(self.y2) - pad_y,
            width: (self.x2 - self.x1).abs() + 2.0 * pad_x,
            height: (self.y2 - self.y1).abs() + 2.0 * pad_y,
        }
    }
}

/// A photo placed on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageBox {
    /// Index into [`Layout::images`].
    pub image: usize,
    /// Where it is drawn, upright.
    pub rect: Rect,
}

/// A colour for filled shapes, each component from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
}

/// A filled polygon: a chart's bars and legend keys. Drawn as a vector path, so it prints
/// sharp at any size and its numbers stay exact.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The corners in drawing order (the path is closed back to the first).
    pub points: Vec<(f32, f32)>,
    /// The fill; shapes have no outline.
    pub fill: Colour,
}

impl Shape {
    /// A filled rectangle.
    pub fn rect(r: Rect, fill: Colour) -> Self {
        Self {
            points: vec![
                (r.x, r.y),
                (r.right(), r.y),
                (r.right(), r.bottom()),
                (r.x, r.bottom()),
            ],
            fill,
        }
    }

    /// The smallest box holding every corner.
    pub fn bounds(&self) -> Rect {
        let (mut x0, mut y0) = (f32::INFINITY, f32::INFINITY);
        let (mut x1, mut y1) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for &(x, y) in &self.points {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if self.points.is_empty() {
            return Rect {
                x: 0.0,
                y: 0.0,
                width: 0.0,
                height: 0.0,
            };
        }
        Rect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        }
    }
}

/// Anything drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A line.
    Rule(Rule),
    /// A photo.
    Image(ImageBox),
    /// A filled vector shape.
    Shape(Shape),
}

impl Item {
    /// The area the item covers.
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(t) => t.bounds(),
            Item::Rule(r) => r.bounds(),
            Item::Image(i) => i.rect,
            Item::Shape(s) => s.bounds(),
        }
    }

    pub(crate) fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(t) => {
                t.x += dx;
                t.baseline += dy;
            }
            Item::Rule(r) => {
                r.x1 += dx;
                r.x2 += dx;
                r.y1 += dy;
                r.y2 += dy;
            }
            Item::Image(i) => {
                i.rect.x += dx;
                i.rect.y += dy;
            }
            Item::Shape(s) => {
                for (x, y) in &mut s.points {
                    *x += dx;
                    *y += dy;
                }
            }
        }
    }
}

/// One page of boxes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is drawn, in drawing order.
    pub items: Vec<Item>,
    /// The empty space left in the signature block for the handwritten signature and the
    /// seal, between the signer's title and name (Decree 30); `None` on pages without a
    /// signature. Signing places its images here.
    pub signature_space: Option<Rect>,
}

impl Page {
    /// The text runs of the page.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }

    /// The page's text in drawing order, runs joined by spaces (for tests and search).
    pub fn plain_text(&self) -> String {
        self.texts()
            .map(|t| t.text.trim_end())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A laid-out document: everything the renderer needs, already positioned.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Page size and margins (the same on every page).
    pub geometry: PageGeometry,
    /// The pages, first to last.
    pub pages: Vec<Page>,
    /// The photos, referenced by [`ImageBox::image`].
    pub images: Vec<ImageData>,
    /// Characters the font cannot show (they print as empty boxes), in order of first use;
    /// the application should warn about them.
    pub missing_glyphs: Vec<char>,
}

impl Layout {
    /// A document of text and drawings only (no photos), with the characters its fonts
    /// lacked; a document with nothing in it still has its one blank page.
    pub(crate) fn drawn(
        geometry: PageGeometry,
        mut pages: Vec<Page>,
        missing_glyphs: Vec<char>,
    ) -> Layout {
        if pages.is_empty() {
            pages.push(Page::default());
        }
        Layout {
            geometry,
            pages,
            images: Vec::new(),
            missing_glyphs,
        }
    }
}

/// A horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (amounts in a table).
    Right,
    /// Flush on both sides, except the paragraph's last line, which is flush left.
    Justify,
}

/// How to set a block of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    /// Distance between baselines.
    pub line_pitch: f32,
    pub align: Align,
    /// Indent of the first line (from the block's left edge).
    pub first_indent: f32,
    /// Indent of the following lines.
    pub rest_indent: f32,
}

impl TextStyle {
    pub fn new(size: f32, align: Align) -> Self {
        Self {
            size,
            line_pitch: size * LINE_PITCH,
            align,
            first_indent: 0.0,
            rest_indent: 0.0,
        }
    }
}

/// Baseline-to-baseline distance as a multiple of the size; Decree 30 allows from single
/// to 1.5 lines, and 1.3 reads well with stacked Vietnamese marks.
pub(crate) const LINE_PITCH: f32 = 1.3;

/// A piece of a word in one face.
#[derive(Debug, Clone)]
struct Fragment {
    text: String,
    face: FontFace,
    width: f32,
}

/// A word: what lies between two spaces, possibly in several faces ("**Singapore**,").
#[derive(Debug, Clone)]
struct Word {
    fragments: Vec<Fragment>,
    width: f32,
}

impl Word {
    fn last_face(&self) -> FontFace {
        self.fragments
            .last()
            .map_or(FontFace::Regular, |fragment| fragment.face)
    }
}

/// Spaces that must not break a line: no-break space, narrow no-break space, figure space.
const NO_BREAK: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2007}'];

fn push_char(word: &mut Word, c: char, face: FontFace) {
    match word.fragments.last_mut() {
        Some(fragment) if fragment.face == face => fragment.text.push(c),
        _ => word.fragments.push(Fragment {
            text: c.to_string(),
            face,
            width: 0.0,
        }),
    }
}

/// One line of set text, positioned relative to the block's top-left.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub runs: Vec<TextRun>,
}

/// Measures, breaks and aligns text; collects the characters the font lacks.
pub(crate) struct Typesetter<'f> {
    pub fonts: &'f Fonts,
    pub missing: Vec<char>,
}

impl<'f> Typesetter<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            missing: Vec::new(),
        }
    }

    /// Width of `text` in `face` at `size`.
    pub fn width(&self, face: FontFace, size: f32, text: &str) -> f32 {
        self.fonts.width(face, size, text)
    }

    fn note_missing(&mut self, face: FontFace, text: &str) {
        for c in text.chars() {
            if !self.fonts.has_glyph(face, c) && !self.missing.contains(&c) {
                self.missing.push(c);
            }
        }
    }

    /// Splits spans into words: NFC first (decomposed marks would print beside their
    /// letters), any run of white space becomes one break opportunity.
    fn words(&mut self, spans: &[Span], size: f32) -> Vec<Word> {
        let mut words = Vec::new();
        let mut current = Word {
            fragments: Vec::new(),
            width: 0.0,
        };
        for span in spans {
            let face = FontFace::from_style(span.bold, span.italic);
            let text: String = span.text.nfc().collect();
            for c in text.chars() {
                // A no-break space belongs to the word; a "₫" after a space stays with the
                // amount before it ("185.000.000 ₫"), as if the space were a no-break one.
                if c == '₫'
                    && current.fragments.is_empty()
                    && let Some(previous) = words.pop()
                {
                    current = previous;
                    push_char(&mut current, '\u{a0}', face);
                }
                if c.is_whitespace() && !NO_BREAK.contains(&c) {
                    if !current.fragments.is_empty() {
                        words.push(std::mem::replace(
                            &mut current,
                            Word {
                                fragments: Vec::new(),
                                width: 0.0,
                            },
                        ));
                    }
                    continue;
                }
                push_char(&mut current, c, face);
            }
        }
        if !current.fragments.is_empty() {
            words.push(current);
        }
        for word in &mut words {
            for fragment in &mut word.fragments {
                fragment.width = self.width(fragment.face, size, &fragment.text);
                self.note_missing(fragment.face, &fragment.text);
            }
            word.width = word.fragments.iter().map(|f| f.width).sum();
        }
        words
    }

    /// The widest word of `spans` and their width set on one line: what a table column needs
    /// at least (no word cut) and at most (no line broken).
    pub fn extent(&mut self, spans: &[Span], size: f32) -> (f32, f32) {
        let words = self.words(spans, size);
        let widest = words.iter().map(|w| w.width).fold(0.0, f32::max);
        let spaces: f32 = words
            .iter()
            .take(words.len().saturating_sub(1))
            .map(|w| self.width(w.last_face(), size, " "))
            .sum();
        (widest, words.iter().map(|w| w.width).sum::<f32>() + spaces)
    }

    /// Cuts a word wider than the line into pieces that fit (a long address or number in a
    /// narrow table column); there is no hyphenation for Vietnamese, whose words are short.
    fn split_long_word(&self, word: Word, size: f32, width: f32) -> Vec<Word> {
        let mut pieces = Vec::new();
        let mut current = Word {
            fragments: Vec::new(),
            width: 0.0,
        };
        for fragment in word.fragments {
            for c in fragment.text.chars() {
                let mut buf = [0; 4];
                let w = self.width(fragment.face, size, c.encode_utf8(&mut buf));
                if current.width + w > width && !current.fragments.is_empty() {
                    pieces.push(std::mem::replace(
                        &mut current,
                        Word {
                            fragments: Vec::new(),
                            width: 0.0,
                        },
                    ));
                }
                match current.fragments.last_mut() {
                    Some(f) if f.face == fragment.face => {
                        f.text.push(c);
                        f.width += w;
                    }
                    _ => current.fragments.push(Fragment {
                        text: c.to_string(),
                        face: fragment.face,
                        width: w,
                    }),
                }
                current.width += w;
            }
        }
        if !current.fragments.is_empty() {
            pieces.push(current);
        }
        pieces
    }

    /// Sets `spans` into lines of at most `width` points (greedy fill, which is what word
    /// processors do and what readers of official documents expect).
    pub fn set(&mut self, spans: &[Span], style: &TextStyle, width: f32) -> Vec<Line> {
        self.set_within(spans, style, width, width)
    }

    /// Like [`Typesetter::set`], but when the text needs several lines they are made as
    /// even as possible ("MINISTRY OF CULTURE, / SPORTS AND TOURISM" rather than a full
    /// line and a single word): what centred headings and agency names want.
    pub fn set_balanced(&mut self, spans: &[Span], style: &TextStyle, width: f32) -> Vec<Line> {
        let lines = self.set(spans, style, width);
        if lines.len() < 2 {
            return lines;
        }
        let count = lines.len();
        let (mut low, mut high) = (width / count as f32, width);
        for _ in 0..12 {
            let mid = (low + high) / 2.0;
            if self.set_within(spans, style, mid, width).len() > count {
                low = mid;
            } else {
                high = mid;
            }
        }
        self.set_within(spans, style, high, width)
    }

    /// Breaks lines at `break_width` and aligns them within `width`.
    fn set_within(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        break_width: f32,
        width: f32,
    ) -> Vec<Line> {
        let size = style.size;
        let words = self.words(spans, size);
        let space = |face| self.width(face, size, " ");
        let mut lines: Vec<Vec<Word>> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut line_width = 0.0;
        let available = |n: usize| {
            let indent = if n == 0 {
                style.first_indent
            } else {
                style.rest_indent
            };
            (break_width - indent).max(size)
        };
        // Widths are sums of glyph advances in f32: a column made exactly as wide as its
        // widest amount ("6.244.000 ₫") may come back a hair narrower after the padding is
        // taken off, and the amount would then be cut in two. A hundredth of a point is far
        // below what ink can show.
        let fits = |used: f32, avail: f32| used <= avail + 0.01;
        for word in words {
            let avail = available(lines.len());
            let gap = line.last().map_or(0.0, |w: &Word| space(w.last_face()));
            if !line.is_empty() && !fits(line_width + gap + word.width, avail) {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            let avail = available(lines.len());
            if line.is_empty() && !fits(word.width, avail) {
                let mut pieces = self.split_long_word(word, size, avail);
                let last = pieces.pop();
                for piece in pieces {
                    lines.push(vec![piece]);
                }
                if let Some(last) = last {
                    line_width = last.width;
                    line.push(last);
                }
                continue;
            }
            let gap = line.last().map_or(0.0, |w: &Word| space(w.last_face()));
            line_width += gap + word.width;
            line.push(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        let count = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(n, words)| {
                let last = n + 1 == count;
                self.position_line(words, style, width, n, last)
            })
            .collect()
    }

    fn position_line(
        &self,
        words: Vec<Word>,
        style: &TextStyle,
        width: f32,
        index: usize,
        last: bool,
    ) -> Line {
        let size = style.size;
        let indent = if index == 0 {
            style.first_indent
        } else {
            style.rest_indent
        };
        let avail = width - indent;
        let spaces: Vec<f32> = words
            .iter()
            .take(words.len().saturating_sub(1))
            .map(|w| self.width(w.last_face(), size, " "))
            .collect();
        let natural: f32 = words.iter().map(|w| w.width).sum::<f32>() + spaces.iter().sum::<f32>();
        let slack = (avail - natural).max(0.0);
        let (start, extra) = match style.align {
            Align::Left => (indent, 0.0),
            Align::Center => (indent + slack / 2.0, 0.0),
            Align::Right => (indent + slack, 0.0),
            Align::Justify if last || spaces.is_empty() => (indent, 0.0),
            Align::Justify => (indent, slack / spaces.len() as f32),
        };
        // Baseline centred in the line so that the glyph boxes of consecutive lines, and of
        // lines of different sizes stacked on each other, never overlap.
        let fonts = self.fonts;
        let ascent = fonts.ascent(FontFace::Regular, size);
        let descent = fonts.descent(FontFace::Regular, size);
        let baseline = (style.line_pitch - ascent - descent) / 2.0 + ascent;
        let mut runs: Vec<TextRun> = Vec::new();
        let mut x = start;
        let count = words.len();
        for (i, word) in words.into_iter().enumerate() {
            for fragment in word.fragments {
                match runs.last_mut() {
                    Some(run) if run.face == fragment.face => {
                        run.text.push_str(&fragment.text);
                        run.width += fragment.width;
                    }
                    _ => runs.push(TextRun {
                        text: fragment.text,
                        face: fragment.face,
                        size,
                        x,
                        baseline,
                        width: fragment.width,
                        extra_space: extra,
                        ascent,
                        descent,
                        role: Role::Content,
                        turned: false,
                    }),
                }
                x += fragment.width;
            }
            if i + 1 < count {
                let gap = spaces.get(i).copied().unwrap_or(0.0) + extra;
                if let Some(run) = runs.last_mut() {
                    run.text.push(' ');
                    run.width += gap;
                }
                x += gap;
            }
        }
        Line { runs }
    }
}

/// A piece of the page flow: boxes relative to the chunk's top-left, and its height.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chunk {
    /// Space above the chunk, dropped at the top of a page.
    pub space_before: f32,
    pub height: f32,
    pub items: Vec<Item>,
    /// Must stay on the same page as the next chunk (headings, a paragraph's first line,
    /// a table's header and first row).
    pub keep_with_next: bool,
    /// Drawn first when this chunk has to start a new page: a table's header row.
    pub repeat_header: Option<std::rc::Rc<Chunk>>,
    /// Starts a new page unless already at the top of one (each person's itinerary).
    pub page_break_before: bool,
    /// The signature space of a closing, relative to the chunk like its items.
    pub signature_space: Option<Rect>,
}

impl Chunk {
    /// A chunk holding set lines stacked from its top; `x` is the block's left edge.
    pub fn from_lines(lines: Vec<Line>, style: &TextStyle, x: f32) -> Self {
        let mut chunk = Chunk::default();
        chunk.push_lines(lines, style, x, 0.0);
        chunk
    }

    /// Adds lines at `(x, top)` and grows the chunk to hold them; returns their bottom.
    pub fn push_lines(&mut self, lines: Vec<Line>, style: &TextStyle, x: f32, top: f32) -> f32 {
        let mut y = top;
        for line in lines {
            for mut run in line.runs {
                run.x += x;
                run.baseline += y;
                self.items.push(Item::Text(run));
            }
            y += style.line_pitch;
        }
        self.height = self.height.max(y);
        y
    }

    /// One chunk per line, so a paragraph can break between any two lines, with the first
    /// two and last two lines kept together (no single line left alone on a page).
    pub fn per_line(lines: Vec<Line>, style: &TextStyle, x: f32, space_before: f32) -> Vec<Self> {
        let count = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(n, line)| {
                let mut chunk = Chunk::from_lines(vec![line], style, x);
                chunk.space_before = if n == 0 { space_before } else { 0.0 };
                chunk.keep_with_next = count >= 2 && (n == 0 || n + 2 == count);
                chunk
            })
            .collect()
    }
}

/// Places chunks on pages top to bottom, starting new pages as needed.
pub(crate) struct Flow {
    pub geometry: PageGeometry,
    pub pages: Vec<Page>,
    y: f32,
    page_number_size: f32,
    fonts: &'static Fonts,
}

impl Flow {
    pub fn new(geometry: PageGeometry, fonts: &'static Fonts, page_number_size: f32) -> Self {
        Self {
            geometry,
            pages: vec![Page::default()],
            y: geometry.margin_top,
            page_number_size,
            fonts,
        }
    }

    fn bottom(&self) -> f32 {
        self.geometry.height - self.geometry.margin_bottom
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.geometry.margin_top + TOUCH
    }

    /// Starts a new page; from page 2 on it carries its number centred in the top margin,
    /// as Decree 30 asks (page 1 has none).
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.margin_top;
        let number = self.pages.len().to_string();
        let size = self.page_number_size;
        let face = FontFace::Regular;
        let width = self.fonts.width(face, size, &number);
        let ascent = self.fonts.ascent(face, size);
        let descent = self.fonts.descent(face, size);
        let g = self.geometry;
        let run = TextRun {
            x: g.margin_left + (g.text_width() - width) / 2.0,
            // Baseline 12 mm from the top edge: centred in the 20 mm margin.
            baseline: mm(12.0),
            text: number,
            face,
            size,
            width,
            extra_space: 0.0,
            ascent,
            descent,
            role: Role::PageNumber,
            turned: false,
        };
        if let Some(page) = self.pages.last_mut() {
            page.items.push(Item::Text(run));
        }
    }

    /// Places `chunks` one after another.
    pub fn place_all(&mut self, chunks: Vec<Chunk>) {
        let heights: Vec<(f32, f32, bool)> = chunks
            .iter()
            .map(|c| (c.space_before, c.height, c.keep_with_next))
            .collect();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let tail = heights.get(i + 1..).unwrap_or_default();
            self.place(chunk, tail);
        }
    }

    /// Places one chunk; `following` describes the chunks after it (space before, height,
    /// keep-with-next) so a chain that must stay together moves to a new page as a whole.
    fn place(&mut self, chunk: Chunk, following: &[(f32, f32, bool)]) {
        if chunk.page_break_before && !self.at_page_top() {
            self.new_page();
        }
        let mut need = chunk.space_before + chunk.height;
        if chunk.keep_with_next {
            for &(space, height, keep) in following {
                need += space + height;
                if !keep {
                    break;
                }
            }
        }
        let alone = chunk.space_before + chunk.height;
        let remaining = self.bottom() - self.y;
        let page = self.geometry.text_height();
        let too_tall_together = need > page;
        if !self.at_page_top() && ((need > remaining && !too_tall_together) || alone > remaining) {
            self.new_page();
            if let Some(header) = &chunk.repeat_header {
                self.put(header.as_ref().clone());
            }
        }
        self.put(chunk);
    }

    fn put(&mut self, chunk: Chunk) {
        if !self.at_page_top() {
            self.y += chunk.space_before;
        }
        let (dx, dy) = (0.0, self.y);
        if let Some(page) = self.pages.last_mut() {
            if let Some(space) = chunk.signature_space {
                page.signature_space = Some(Rect {
                    x: space.x + dx,
                    y: space.y + dy,
                    ..space
                });
            }
            for mut item in chunk.items {
                item.shift(dx, dy);
                page.items.push(item);
            }
        }
        self.y += chunk.height;
    }
}
