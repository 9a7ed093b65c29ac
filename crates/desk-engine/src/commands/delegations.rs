//! Delegations and what spans them: the list, statuses, the trash, search, the calendar,
//! settings, the audit trail and the agenda.

use super::prelude::*;

/// The day the page named (ISO), else the computer's date.
fn day_or_today(day: Option<String>) -> Result<chrono::NaiveDate> {
    Ok(match day {
        Some(day) => desk_domain::check::date_argument("today", "today", &day)?,
        None => chrono::Local::now().date_naive(),
    })
}

/// The history file's name and bytes, refused before reading when it is not a regular file
/// or is larger than the history reader accepts.
fn history_file(path: &std::path::Path) -> Result<(String, Vec<u8>)> {
    let max = desk_ops::history::max_history_file_bytes();
    Ok((
        crate::files::file_name(path),
        desk_ops::files::read_file(path, "file", max)?,
    ))
}

commands! {
    pub fn app_info(desk) -> AppInfo {
        desk.info()
    }

    /// True on a database with no records yet: Today then offers a way in.
    pub fn is_empty(desk) -> bool {
        Ok(desk.store()?.is_empty()?)
    }

    /// The demo data set, into an empty database only (it is illustrative).
    pub fn load_demo(desk) -> () {
        desk_ops::load_demo_into_empty(&mut *desk.store()?)
    }

    pub fn list_delegations(desk, filter: DelegationFilter, page: PageRequest) -> Page<Delegation> {
        Ok(desk.store()?.delegation_page(&filter, &page.for_window())?)
    }

    pub fn get_delegation(desk, id: String) -> Delegation {
        Ok(desk.store()?.delegation(&id)?)
    }

    pub fn create_delegation(desk, input: DelegationInput) -> Delegation {
        Ok(desk.store()?.create_delegation(&input)?)
    }

    pub fn update_delegation(desk, id: String, input: DelegationInput) -> Delegation {
        Ok(desk.store()?.update_delegation(&id, &input)?)
    }

    pub fn set_delegation_status(desk, id: String, status: DelegationStatus) -> Delegation {
        Ok(desk.store()?.set_delegation_status(&id, status)?)
    }

    pub fn duplicate_delegation(desk, id: String, title: String) -> Delegation {
        Ok(desk.store()?.duplicate_delegation(&id, &title)?)
    }

    pub fn trash_delegation(desk, id: String) -> Delegation {
        Ok(desk.store()?.trash_delegation(&id)?)
    }

    pub fn restore_delegation(desk, id: String) -> Delegation {
        Ok(desk.store()?.restore_delegation(&id)?)
    }

    pub fn purge_delegation(desk, id: String) -> () {
        Ok(desk.store()?.purge_delegation(&id)?)
    }

    pub fn search(desk, query: String, limit: u32) -> Vec<SearchGroup> {
        Ok(desk.store()?.search(&query, limit.clamp(1, 200) as usize)?)
    }

    /// Delegations touching the days `from..=to` (ISO dates), with who is away.
    pub fn calendar(desk, from: String, to: String) -> Vec<CalendarEntry> {
        let from = desk_domain::check::date_argument("from", "from", &from)?;
        let to = desk_domain::check::date_argument("to", "to", &to)?;
        Ok(desk.store()?.calendar(from, to)?)
    }

    pub fn get_settings(desk) -> Settings {
        Ok(desk.store()?.settings()?)
    }

    pub fn save_settings(desk, settings: Settings) -> Settings {
        Ok(desk.store()?.save_settings(&settings)?)
    }

    pub fn audit_of(desk, entity: String, id: String) -> Vec<AuditEntry> {
        Ok(desk.store()?.audit_of(&entity, &id)?)
    }

    /// Everything that needs attention, as of `today` (ISO; the computer's date by default),
    /// or only what is about one delegation (its page).
    pub fn agenda(desk, today: Option<String>, delegation_id: Option<String>) -> Vec<AgendaItem> {
        let today = day_or_today(today)?;
        let store = desk.store()?;
        Ok(match delegation_id {
            Some(id) => store.agenda_of(today, &id)?,
            None => store.agenda(today)?,
        })
    }

    /// The Today screen's agenda as of `today` (ISO; the computer's date by default): the first
    /// lines of each section, as many as `shown` says, and how many each section holds.
    pub fn today_agenda(desk, today: Option<String>, shown: SectionCounts) -> AgendaSections {
        let items = desk.agenda(day_or_today(today)?)?;
        Ok(AgendaSections::first(items, shown))
    }

    /// Reads the office's history file the user chose and previews it against the record:
    /// every problem by row and column, trips already recorded, names that may be known
    /// people. Nothing is written.
    pub fn preview_history_file(
        desk,
        file: String,
        sheet: Option<String>,
        mapping: Option<history::HistoryMapping>,
        decisions: history::PeopleDecisions,
    ) -> history::HistorySheet {
        let (name, bytes) = history_file(&desk.chosen.to_read(&file)?)?;
        let request = desk_ops::history::HistoryRequest {
            sheet,
            mapping,
            decisions,
        };
        desk_ops::history::history_preview(&*desk.store()?, &name, &bytes, &request)
    }

    /// Imports the office's history file: all or nothing, or leaving out the rows with
    /// problems, after a verified backup; the rows done go to `on_progress`, and
    /// `cancel_work` with `work` stops it with nothing written.
    // The page names a command's arguments one by one.
    #[allow(clippy::too_many_arguments)]
    pub fn import_history_file(
        desk,
        file: String,
        sheet: Option<String>,
        mapping: Option<history::HistoryMapping>,
        decisions: history::PeopleDecisions,
        skip_invalid: bool,
        work: String,
        on_progress: ProgressChannel,
    ) -> history::HistoryImported {
        // Watched from the start: a Cancel while the file is read is heard too.
        let watch = desk.watch(&work, &on_progress);
        let (name, bytes) = history_file(&desk.chosen.to_read(&file)?)?;
        let request = desk_ops::history::HistoryRequest {
            sheet,
            mapping,
            decisions,
        };
        desk_ops::history::history_import(
            &mut *desk.store()?,
            &name,
            &bytes,
            &request,
            skip_invalid,
            &watch,
        )
    }
}
