//! The drawing half: a [`Layout`] becomes PDF operations for printpdf, which subsets and
//! embeds the fonts and writes the file. All decisions were taken by the layout; this only
//! translates coordinates (top-left origin to PDF's bottom-left) and encodes.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use printpdf::{
    Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, FontId, Line, LinePoint, Mm, Op,
    PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, TextMatrix, WindingOrder, XObjectId, XObjectTransform,
};

use crate::error::ReportError;
use crate::fonts::FontFace;
use crate::image::{ImageData, ImageFormat, decode_png, placement_matrix};
use crate::labels::PrintedLanguage;
use crate::layout::{Item, Layout, PT_PER_MM, TextRun};
use crate::model::{Annex, ReportDocument};
use crate::report::{layout, layout_with_annex};

/// What the PDF says about itself (File › Properties in a viewer).
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// Document title.
    pub title: String,
    /// Author: the issuing agency.
    pub author: String,
    /// Creation and modification date.
    pub created_at: DateTime<FixedOffset>,
}

impl Metadata {
    /// The metadata of a mission report: "BÁO CÁO 05/BC-TVQG – Kết quả chuyến công tác…".
    pub fn for_report(doc: &ReportDocument) -> Self {
        let labels = doc.heading.language.labels();
        let title = doc.title.as_deref().unwrap_or(labels.report_title);
        let number = if doc.heading.number.sequence == 0 {
            doc.heading.number.symbol.clone()
        } else {
            format!(
                "{:02}/{}",
                doc.heading.number.sequence, doc.heading.number.symbol
            )
        };
        let title = if doc.subtitle.trim().is_empty() {
            format!("{title} {number}")
        } else {
            format!("{title} {number} – {}", doc.subtitle.trim())
        };
        Self {
            title,
            author: doc.heading.agency.name.clone(),
            created_at: doc.heading.created_at,
        }
    }
}

/// Lays out and draws a mission report as PDF bytes.
pub fn render(doc: &ReportDocument) -> Result<Vec<u8>, ReportError> {
    let laid_out = layout(doc)?;
    draw(&laid_out, &Metadata::for_report(doc))
}

/// Lays out and draws a document with an annex after its signature.
pub fn render_with_annex(doc: &ReportDocument, annex: &Annex) -> Result<Vec<u8>, ReportError> {
    let laid_out = layout_with_annex(doc, Some(annex))?;
    draw(&laid_out, &Metadata::for_report(doc))
}

/// printpdf writes every date as UTC ("+00'00'") whatever offset it is given, so the
/// instant is converted to UTC first; a viewer then shows the right local time.
fn pdf_date(at: &DateTime<FixedOffset>) -> printpdf::DateTime {
    let at = at.with_timezone(&Utc);
    printpdf::DateTime {
        date: printpdf::Date {
            year: at.year(),
            month: u8::try_from(at.month()).unwrap_or(1),
            day: u8::try_from(at.day()).unwrap_or(1),
        },
        time: printpdf::Time {
            hour: u8::try_from(at.hour()).unwrap_or(0),
            minute: u8::try_from(at.minute()).unwrap_or(0),
            second: u8::try_from(at.second()).unwrap_or(0),
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

fn name(value: &str) -> DictItem {
    DictItem::Name(value.as_bytes().to_vec())
}

fn int(value: u32) -> DictItem {
    DictItem::Int(i64::from(value))
}

/// An image XObject from a JPEG file, its bytes untouched (`DCTDecode`).
fn jpeg_xobject(image: &ImageData, components: u8, adobe_inverted: bool) -> ExternalXObject {
    let colour_space = match components {
        1 => "DeviceGray",
        4 => "DeviceCMYK",
        _ => "DeviceRGB",
    };
    let mut dict = BTreeMap::from([
        ("Type".to_owned(), name("XObject")),
        ("Subtype".to_owned(), name("Image")),
        ("Width".to_owned(), int(image.width_px)),
        ("Height".to_owned(), int(image.height_px)),
        ("ColorSpace".to_owned(), name(colour_space)),
        ("BitsPerComponent".to_owned(), DictItem::Int(8)),
        ("Filter".to_owned(), name("DCTDecode")),
    ]);
    if adobe_inverted {
        let decode = (0..4)
            .flat_map(|_| [DictItem::Int(1), DictItem::Int(0)])
            .collect();
        dict.insert("Decode".to_owned(), DictItem::Array(decode));
    }
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: image.bytes.to_vec(),
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// Deflates pixels at the default level: `lopdf`'s own compression uses the best level,
/// which is several times slower on photos for a few percent.
fn deflate(data: &[u8]) -> Result<Vec<u8>, std::io::Error> {
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::default(),
    );
    encoder.write_all(data)?;
    encoder.finish()
}

/// An image XObject from a PNG: decoded pixels, Flate-compressed, alpha as a soft mask.
fn png_xobject(image: &ImageData, photo: usize) -> Result<ExternalXObject, ReportError> {
    let png = decode_png(image, photo)?;
    let broken = |e: std::io::Error| ReportError::BrokenImage {
        photo,
        caption: String::new(),
        reason: e.to_string(),
    };
    let image_dict = |grey: bool| {
        BTreeMap::from([
            ("Type".to_owned(), name("XObject")),
            ("Subtype".to_owned(), name("Image")),
            ("Width".to_owned(), int(png.width)),
            ("Height".to_owned(), int(png.height)),
            (
                "ColorSpace".to_owned(),
                name(if grey { "DeviceGray" } else { "DeviceRGB" }),
            ),
            ("BitsPerComponent".to_owned(), DictItem::Int(8)),
            ("Filter".to_owned(), name("FlateDecode")),
        ])
    };
    let mut dict = image_dict(!png.colour);
    if let Some(alpha) = &png.alpha {
        let mask = ExternalStream {
            dict: image_dict(true),
            content: deflate(alpha).map_err(broken)?,
            compress: false,
        };
        dict.insert("SMask".to_owned(), DictItem::Stream { stream: mask });
    }
    Ok(ExternalXObject {
        stream: ExternalStream {
            dict,
            content: deflate(&png.pixels).map_err(broken)?,
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

/// The operations that show one run: its text with real spaces, and after each space the
/// run's extra justification advance as a glyph offset (thousandths of an em, negative
/// moves right).
fn show_run(run: &TextRun) -> Vec<TextItem> {
    if run.extra_space <= 0.0 || !run.text.contains(' ') {
        return vec![TextItem::Text(run.text.clone())];
    }
    let offset = -run.extra_space * 1000.0 / run.size;
    let mut items = Vec::new();
    for piece in run.text.split_inclusive(' ') {
        items.push(TextItem::Text(piece.to_owned()));
        if piece.ends_with(' ') {
            items.push(TextItem::Offset(offset));
        }
    }
    items
}

/// Draws a laid-out document as PDF bytes.
pub fn draw(layout: &Layout, meta: &Metadata) -> Result<Vec<u8>, ReportError> {
    let mut doc = PdfDocument::new(&meta.title);
    let date = pdf_date(&meta.created_at);
    doc.metadata.info.creation_date = date;
    doc.metadata.info.modification_date = date;
    doc.metadata.info.metadata_date = date;
    doc.metadata.info.author = meta.author.clone();
    doc.metadata.info.creator = "Delegation Desk".to_owned();
    doc.metadata.info.producer = "Delegation Desk (printpdf)".to_owned();

    // Only the faces the layout uses are embedded.
    let mut font_ids: [Option<FontId>; 4] = [None, None, None, None];
    for page in &layout.pages {
        for run in page.texts() {
            let slot = &mut font_ids[run.face.index()];
            if slot.is_none() {
                let mut warnings = Vec::new();
                let parsed = ParsedFont::from_bytes(run.face.bytes(), 0, &mut warnings).ok_or(
                    ReportError::Font {
                        face: run.face,
                        reason: "printpdf could not parse it".to_owned(),
                    },
                )?;
                *slot = Some(doc.add_font(&parsed));
            }
        }
    }

    let mut image_ids: Vec<XObjectId> = Vec::with_capacity(layout.images.len());
    for (n, image) in layout.images.iter().enumerate() {
        let xobject = match image.format {
            ImageFormat::Jpeg {
                components,
                adobe_inverted,
            } => jpeg_xobject(image, components, adobe_inverted),
            ImageFormat::Png => png_xobject(image, n + 1)?,
        };
        image_ids.push(doc.add_xobject(&xobject));
    }

    let g = layout.geometry;
    let page_height = g.height;
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut ops = Vec::new();
        // Graphics first (rules, photos), then all text in one text object.
        let mut stroke_set = false;
        for item in &page.items {
            match item {
                Item::Rule(rule) => {
                    if !stroke_set {
                        ops.push(Op::SetOutlineColor {
                            col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
                        });
                        stroke_set = true;
                    }
                    ops.push(Op::SetOutlineThickness {
                        pt: Pt(rule.thickness),
                    });
                    let point = |x: f32, y: f32| LinePoint {
                        p: Point {
                            x: Pt(x),
                            y: Pt(page_height - y),
                        },
                        bezier: false,
                    };
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![point(rule.x1, rule.y1), point(rule.x2, rule.y2)],
                            is_closed: false,
                        },
                    });
                }
                Item::Image(placed) => {
                    let (Some(id), Some(image)) =
                        (image_ids.get(placed.image), layout.images.get(placed.image))
                    else {
                        continue;
                    };
                    let r = placed.rect;
                    let matrix = placement_matrix(
                        image.orientation,
                        r.x,
                        page_height - r.bottom(),
                        r.width,
                        r.height,
                    );
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetTransformationMatrix {
                        matrix: CurTransMat::Raw(matrix),
                    });
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Shape(shape) => {
                    ops.push(Op::SetFillColor {
                        col: Color::Rgb(Rgb::new(shape.fill.r, shape.fill.g, shape.fill.b, None)),
                    });
                    let points = shape
                        .points
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: Point {
                                x: Pt(x),
                                y: Pt(page_height - y),
                            },
                            bezier: false,
                        })
                        .collect();
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing { points }],
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                Item::Text(_) => {}
            }
        }
        let mut current: Option<(FontFace, f32)> = None;
        let mut started = false;
        for run in page.texts() {
            let Some(font) = font_ids[run.face.index()].clone() else {
                continue;
            };
            if !started {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor {
                    col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
                });
                started = true;
            }
            if current != Some((run.face, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font),
                    size: Pt(run.size),
                });
                current = Some((run.face, run.size));
            }
            // An absolute text matrix per run: the relative cursor operator would
            // accumulate rounding and depend on the previous run.
            let matrix = if run.turned {
                // Turned about the centre of the run's box: the origin moves to the
                // opposite corner and the axes flip.
                let b = run.bounds();
                let (cx, cy) = (b.x + b.width / 2.0, b.y + b.height / 2.0);
                let (ox, oy) = (2.0 * cx - run.x, 2.0 * cy - run.baseline);
                TextMatrix::Raw([-1.0, 0.0, 0.0, -1.0, ox, page_height - oy])
            } else {
                TextMatrix::Translate(Pt(run.x), Pt(page_height - run.baseline))
            };
            ops.push(Op::SetTextMatrix { matrix });
            ops.push(Op::ShowText {
                items: show_run(run),
            });
        }
        if started {
            ops.push(Op::EndTextSection);
        }
        pages.push(PdfPage::new(
            Mm(g.width / PT_PER_MM),
            Mm(page_height / PT_PER_MM),
            ops,
        ));
    }
    doc.with_pages(pages);

    let options = PdfSaveOptions {
        subset_fonts: true,
        // Photos are prepared above; printpdf must not downscale or re-encode them.
        image_optimization: None,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    Ok(doc.save(&options, &mut warnings))
}
