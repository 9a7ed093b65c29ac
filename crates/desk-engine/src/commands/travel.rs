//! Places, itineraries and calendars.

use super::prelude::*;

commands! {
    /// Airports and cities matching what is typed in a place field, with their zones.
    pub fn suggest_places(_desk, typed: String) -> Vec<Place> {
        Ok(desk_domain::places::suggest(&typed, 8))
    }

    /// The trip in departure order, with the nights no stay covers.
    pub fn get_itinerary(desk, delegation_id: String) -> Itinerary {
        Ok(desk.store()?.itinerary(&delegation_id)?)
    }

    pub fn export_itinerary_pdf(
        desk,
        delegation_id: String,
        person: Option<String>,
        language: Language,
        file: String,
    ) -> () {
        let path = desk.chosen.take_to_write(&file)?;
        let bytes =
            desk_ops::itinerary_pdf(&*desk.store()?, &delegation_id, person.as_deref(), language)?;
        desk_ops::write_file(&path, &bytes)
    }

    pub fn export_itinerary_ics(
        desk,
        delegation_id: String,
        person: Option<String>,
        file: String,
    ) -> () {
        let path = desk.chosen.take_to_write(&file)?;
        let text = desk_ops::itinerary_ics(&*desk.store()?, &delegation_id, person.as_deref())?;
        desk_ops::write_file(&path, text.as_bytes())
    }

    /// The delegations of the shown calendar range as an `.ics` file.
    pub fn export_calendar_ics(desk, from: String, to: String, file: String) -> () {
        let path = desk.chosen.take_to_write(&file)?;
        let from = desk_domain::check::date_argument("from", "from", &from)?;
        let to = desk_domain::check::date_argument("to", "to", &to)?;
        let text = desk_ops::calendar_ics(&*desk.store()?, from, to, "Delegation Desk")?;
        desk_ops::write_file(&path, text.as_bytes())
    }
}
