//! Per-diem rate tables to and from CSV (the layout of `desk_exchange::rates`). The store
//! keeps tables and knows no file format; reading and writing the files is done here, above
//! it, for the window and the CLI alike.

use desk_domain::{Error, RateTable};
use desk_store::Store;

/// The example rate table shipped in `assets/rates/`: illustrative figures, to be checked
/// against the regulation in force.
pub const EXAMPLE_RATES: &str = include_str!("../../../assets/rates/example-circular-102-2012.csv");

/// Reads a rate table from CSV and imports it (replacing the table of the same name and
/// first day). A malformed file is refused with each problem's line number, and every table
/// stays as it was.
pub fn import_csv(store: &mut Store, bytes: &[u8]) -> Result<RateTable, Error> {
    let input = desk_exchange::rates::read(bytes)?;
    Ok(store.import_rate_table(&input)?)
}

/// The table as CSV, in the layout the import reads.
pub fn export_csv(store: &Store, id: &str) -> Result<String, Error> {
    desk_exchange::rates::write(&store.rate_table(id)?)
}

/// Loads the example table unless it is already there; returns it.
pub fn load_example(store: &mut Store) -> Result<RateTable, Error> {
    let input = desk_exchange::rates::read(EXAMPLE_RATES.as_bytes())?;
    Ok(store.add_rate_table_unless_there(&input)?)
}
