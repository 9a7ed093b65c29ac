//! Per-diem tables, estimates and settlements.

use super::prelude::*;

commands! {
    /// The estimate as the rate table computes it now, the last saved one, and what changed.
    pub fn review_estimate(
        desk,
        delegation_id: String,
        request: EstimateRequest,
    ) -> EstimateReview {
        Ok(desk.store()?.review_estimate(&delegation_id, &request)?)
    }

    pub fn save_estimate(desk, delegation_id: String, request: EstimateRequest) -> SavedEstimate {
        Ok(desk.store()?.save_estimate(&delegation_id, &request)?)
    }

    pub fn settlement(desk, delegation_id: String) -> Settlement {
        Ok(desk.store()?.settlement(&delegation_id)?)
    }

    /// Writes the estimate as PDF (official layout) or XLSX, by the file's extension.
    pub fn export_estimate(
        desk,
        delegation_id: String,
        request: EstimateRequest,
        language: Language,
        file: String,
    ) -> () {
        crate::files::export_by_extension(
            desk,
            &file,
            |store| {
                let estimate = store.review_estimate(&delegation_id, &request)?.estimate;
                desk_ops::estimate_xlsx(store, &delegation_id, &estimate, language)
            },
            |store| desk_ops::estimate_paper(store, &delegation_id, &request, language),
        )
    }

    /// Writes the settlement as PDF (official layout) or XLSX, by the file's extension.
    pub fn export_settlement(desk, delegation_id: String, language: Language, file: String) -> () {
        crate::files::export_by_extension(
            desk,
            &file,
            |store| {
                let settlement = store.settlement(&delegation_id)?;
                desk_ops::settlement_xlsx(store, &delegation_id, &settlement, language)
            },
            |store| desk_ops::settlement_paper(store, &delegation_id, language),
        )
    }

    pub fn list_rate_tables(desk) -> Vec<RateTable> {
        Ok(desk.store()?.rate_tables()?)
    }

    /// Imports a per-diem table from the CSV file the user chose; a malformed file is refused
    /// whole, with its line numbers, and the tables already there stay as they were.
    pub fn import_rate_table_file(desk, file: String) -> RateTable {
        let path = desk.chosen.take_to_read(&file)?;
        let bytes = desk_ops::files::read_file(&path, "file", 1024 * 1024)?;
        let mut store = desk.store()?;
        desk_ops::rates::import_csv(&mut store, &bytes)
    }

    pub fn export_rate_table_file(desk, id: String, file: String) -> () {
        let path = desk.chosen.take_to_write(&file)?;
        // The store is locked only to read the table, not while the file is written.
        let text = desk_ops::rates::export_csv(&*desk.store()?, &id)?;
        desk_ops::write_file(&path, text.as_bytes())
    }

    pub fn delete_rate_table(desk, id: String) -> () {
        Ok(desk.store()?.delete_rate_table(&id)?)
    }

    pub fn load_example_rates(desk) -> RateTable {
        let mut store = desk.store()?;
        desk_ops::rates::load_example(&mut store)
    }
}
