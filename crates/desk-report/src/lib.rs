//! Delegation Desk's documents: the mission report and the other papers staff print, laid
//! out by a pure step (document → positioned boxes) and then drawn as PDF with printpdf.
//!
//! Two steps, so that each can be tested on its own:
//! - [`layout`] turns a [`ReportDocument`] into a [`Layout`]: pages of text runs, rules and
//!   photos at fixed positions. It measures with the embedded fonts' own widths, breaks and
//!   justifies lines, flows blocks across pages, repeats table headers and keeps what
//!   belongs together (a photo and its caption, the distribution list and the signature).
//! - [`render`] (or [`draw`] for any layout) turns that into PDF bytes: printpdf places the
//!   glyphs and subsets the fonts; JPEG photos go in byte for byte.
//!
//! The page follows Decree 30/2020/NĐ-CP on administrative documents: A4, margins 20 mm
//! top and bottom, 30 mm left, 15 mm right, a Times-New-Roman-metric serif at 13–14 pt, the
//! agency block upper left, the national title and motto upper right, page numbers centred
//! in the top margin from page 2.
//!
//! Nothing in this crate reads the database: callers pass the document as data. The money
//! documents (cost estimate, settlement) are built here from desk-domain values, so that the
//! CLI and the window print the same thing.
//! Nothing in this crate reads the database: callers pass the document as data. The hosting
//! papers ([`hosting`]: transfer and rooming lists, programme, badges, table cards,
//! letters) are built from desk-domain's records and views, which the caller loads.

mod annual;
pub mod badges;
mod chart;
mod error;
mod fonts;
pub mod hosting;
mod image;
mod itinerary;
mod labels;
mod layout;
pub mod letter;
pub mod list;
pub mod mission;
mod model;
mod money;
mod official;
mod render;
mod rendition;
mod report;
mod signature_space;

pub use annual::{AnnualOptions, annual_report, render_annual_report};
pub use chart::{BarChart, ChartSeries, Orientation, PALETTE, series_colour};
pub use error::ReportError;
pub use fonts::FontFace;
pub use image::{ImageData, ImageFormat, MAX_PIXELS, MAX_SIDE_PX};
pub use itinerary::{
    ItineraryDocument, ItinerarySection, LegRow, StayRow, layout_itinerary, render_itinerary,
};
pub use labels::Labels;
pub use layout::{
    Colour, ImageBox, Item, Layout, PT_PER_MM, Page, PageGeometry, Rect, Role, Rule, Shape,
    TextRun, mm,
};
pub use model::{
    Agency, Annex, Block, Column, DocumentNumber, FigureRow, Heading, Language, ReportDocument,
    Signature, Span,
};
pub use money::{OfficialHead, estimate_document, settlement_document};
pub use render::{Metadata, draw, render, render_with_annex};
pub use rendition::{PRINT_DPI, print_rendition, print_size_px};
pub use report::{layout, layout_with_annex};
pub use signature_space::{SignatureSpace, signature_space};
