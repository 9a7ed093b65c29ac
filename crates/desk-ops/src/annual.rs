//! The annual report of a range (PDF) and its workbook (XLSX), composed once for the
//! Statistics screen and `desk annual-report`, so the two give the same papers.

use chrono::NaiveDate;
use desk_domain::{Error, Language, YearStats};
use desk_report::AnnualOptions;
use desk_store::Store;

use crate::now;

/// What the report says besides its figures: the office's letterhead and numbering from the
/// settings, the date printed on it (today unless given) and the creation stamp (now).
pub fn options(
    store: &Store,
    language: Language,
    date: Option<NaiveDate>,
) -> Result<AnnualOptions, Error> {
    let now = now();
    Ok(AnnualOptions::from_settings(
        &store.settings()?,
        language,
        date.unwrap_or_else(|| now.date_naive()),
        now,
    ))
}

/// The report as PDF bytes (unsigned; `sign::annual_report_pdf` keeps room for a signature).
pub fn pdf(stats: &YearStats, options: &AnnualOptions) -> Result<Vec<u8>, Error> {
    Ok(desk_report::render_annual_report(stats, options)?)
}

/// The figures as an XLSX workbook, headed in `language`.
pub fn workbook(stats: &YearStats, language: Language) -> Result<Vec<u8>, Error> {
    Ok(desk_exchange::annual_workbook(stats, language)?)
}
