//! Why a document could not be laid out or drawn. Each variant says what the user can fix.

use desk_domain::{Error, ErrorKind, Rule, Violation};

use crate::fonts::FontFace;

/// Everything that can go wrong turning a document into a PDF.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReportError {
    /// An embedded font could not be read; a broken build, not a user error.
    #[error("the embedded font {face:?} cannot be read: {reason}")]
    Font {
        /// Which face.
        face: FontFace,
        /// What the parser said.
        reason: String,
    },

    /// The body text size is outside what Decree 30 allows.
    #[error("body text size {0} pt is not allowed: official documents use 13 or 14 pt")]
    BodySize(f32),

    /// A photo's bytes are neither a JPEG nor a PNG file.
    #[error("photo {photo} (\"{caption}\") is not a JPEG or PNG image")]
    NotAnImage {
        /// 1-based position of the photo among the document's photos.
        photo: usize,
        /// Its caption, to tell the user which one.
        caption: String,
    },

    /// A photo looks like a JPEG or PNG but its header is damaged or unsupported.
    #[error("photo {photo} (\"{caption}\") cannot be read: {reason}")]
    BrokenImage {
        /// 1-based position of the photo among the document's photos.
        photo: usize,
        /// Its caption.
        caption: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A photo's declared size is absurd (a damaged file, or a decompression bomb).
    #[error(
        "photo {photo} (\"{caption}\") is {width}×{height} pixels; photos may be at most \
         {max_side} pixels a side and {max_megapixels} megapixels"
    )]
    ImageTooLarge {
        /// 1-based position of the photo among the document's photos.
        photo: usize,
        /// Its caption.
        caption: String,
        /// Declared width in pixels.
        width: u32,
        /// Declared height in pixels.
        height: u32,
        /// The limit per side.
        max_side: u32,
        /// The limit on the pixel count, in millions.
        max_megapixels: u32,
    },

    /// A table row has a different number of cells than the table has columns.
    #[error("table {table}, row {row} has {cells} cells but the table has {columns} columns")]
    TableShape {
        /// 1-based position of the table among the document's tables.
        table: usize,
        /// 1-based row number.
        row: usize,
        /// Cells found.
        cells: usize,
        /// Columns declared.
        columns: usize,
    },

    /// A table has no columns, or a column ratio that is not a positive number.
    #[error("table {table} has no usable column widths: every width ratio must be above zero")]
    TableColumns {
        /// 1-based position of the table among the document's tables.
        table: usize,
    },

    /// A chart series has a different number of values (or value labels) than the chart has
    /// categories.
    #[error("chart {chart}, series \"{series}\" has {values} values for {categories} categories")]
    ChartShape {
        /// 1-based position of the chart among the document's charts.
        chart: usize,
        /// The series' name.
        series: String,
        /// Values (or labels) found.
        values: usize,
        /// Categories declared.
        categories: usize,
    },

    /// A chart value is negative: bars show counts and amounts, which cannot be.
    #[error("chart {chart}, series \"{series}\" has a negative value ({value})")]
    ChartValue {
        /// 1-based position of the chart among the document's charts.
        chart: usize,
        /// The series' name.
        series: String,
        /// The value.
        value: i64,
    },
}

impl ReportError {
    /// The rule a photo broke, when the failure is the user's photo (which they can replace);
    /// `None` when the document itself could not be drawn, which is the program's fault.
    pub fn photo_rule(&self) -> Option<Rule> {
        match self {
            ReportError::ImageTooLarge { .. } => Some(Rule::TooLarge),
            ReportError::NotAnImage { .. } | ReportError::BrokenImage { .. } => {
                Some(Rule::InvalidFormat)
            }
            _ => None,
        }
    }
}

/// One translation for every caller (window, CLI, signing, hosting papers), so the same
/// failure reads the same wherever it happens: a bad photo is the user's to fix and names
/// the `photos` field; anything else is a document the program could not draw.
impl From<ReportError> for Error {
    fn from(error: ReportError) -> Self {
        match error.photo_rule() {
            Some(rule) => Error::invalid(vec![Violation::new("photos", rule, error.to_string())]),
            None => Error::new(
                ErrorKind::Internal,
                format!("the PDF cannot be made: {error}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_photo_is_the_users_to_fix_and_a_bad_table_is_ours() {
        let photo: Error = ReportError::ImageTooLarge {
            photo: 2,
            caption: "Hội thảo".into(),
            width: 40_000,
            height: 40_000,
            max_side: 12_000,
            max_megapixels: 64,
        }
        .into();
        assert_eq!(photo.kind, ErrorKind::Validation);
        assert_eq!(photo.violations.len(), 1);
        assert_eq!(photo.violations[0].field, "photos");
        assert_eq!(photo.violations[0].rule, Rule::TooLarge);
        assert!(photo.violations[0].message.contains("Hội thảo"));

        let broken: Error = ReportError::NotAnImage {
            photo: 1,
            caption: "x".into(),
        }
        .into();
        assert_eq!(broken.violations[0].rule, Rule::InvalidFormat);

        let table: Error = ReportError::TableColumns { table: 3 }.into();
        assert_eq!(table.kind, ErrorKind::Internal);
        assert!(table.violations.is_empty());
        assert!(table.message.contains("table 3"));
    }
}
