//! The year in numbers and the annual report.

use super::prelude::*;

commands! {
    /// The years that hold delegations, the latest first (for the Statistics screen's default
    /// year and its choices).
    pub fn stats_years(desk) -> Vec<i32> {
        Ok(desk.store()?.stats_years()?)
    }

    /// The figures of a range (a year or any dates), compared with the range before, as
    /// the Statistics screen draws them: without the delegations behind each figure
    /// ([`YearStats::figures_only`]), 1.4 of a busy year's 4.3 MB of JSON
    /// on twenty synthetic years (the rest of it is the people's list).
    pub fn get_stats(desk, range: StatsRangeInput) -> YearStats {
        let range = range.validate()?;
        Ok(desk.stats(range.from, range.to)?.figures_only())
    }

    /// The same figures with the delegations behind each of them: asked for when someone
    /// opens the delegations a figure counts.
    pub fn get_stats_in_full(desk, range: StatsRangeInput) -> YearStats {
        let range = range.validate()?;
        desk.stats(range.from, range.to)
    }

    /// Writes the annual report of a range as PDF where the user chose; returns the path.
    /// Country names come from the window, which has them in every language.
    pub fn export_annual_report(
        desk,
        range: StatsRangeInput,
        language: Language,
        file: String,
        country_names: std::collections::BTreeMap<String, String>,
    ) -> String {
        let path = desk.chosen.take_to_write(&file)?;
        let range = range.validate()?;
        // The figures on the screen, as a rule: computed then and kept.
        let stats = desk.stats(range.from, range.to)?;
        let store = desk.store()?;
        let mut options = desk_ops::annual::options(&store, language, None)?;
        options.country_names = country_names;
        let bytes = desk_ops::annual::pdf(&stats, &options)?;
        desk_ops::write_file(&path, &bytes)?;
        Ok(path.display().to_string())
    }

    /// Writes the figures of a range as an XLSX workbook where the user chose; returns the path.
    pub fn export_annual_workbook(
        desk,
        range: StatsRangeInput,
        language: Language,
        file: String,
    ) -> String {
        let path = desk.chosen.take_to_write(&file)?;
        let range = range.validate()?;
        let stats = desk.stats(range.from, range.to)?;
        let bytes = desk_ops::annual::workbook(&stats, language)?;
        desk_ops::write_file(&path, &bytes)?;
        Ok(path.display().to_string())
    }
}
