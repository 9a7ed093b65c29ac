//! The Tauri shell of Delegation Desk: the only crate that knows Tauri.
//!
//! It only wires: it opens the store, registers the commands (each one parses its input,
//! calls one store operation and returns `{ kind, message }` on failure), and refuses
//! navigation away from the app's own pages. No business rule lives here.

mod chosen;
mod commands;
mod dispatch;
mod files;
mod fonts;
pub mod memory;
mod navigation;
mod state;
mod work;

use std::process::ExitCode;

use state::Desk;
use tauri::{Emitter, Manager};

/// Starts the app. The database is `--db FILE`, else `$DESK_DB`, else the app-data folder.
pub fn run() -> ExitCode {
    let (path, default_place) = match state::database_path(std::env::args_os()) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("delegation-desk: {message}");
            return ExitCode::from(2);
        }
    };
    let keys = state::key_choice(std::env::args_os());
    let desk = Desk::open(path, keys, default_place);
    let check_later = desk.check_on_open();
    let check_started = std::sync::Once::new();

    let result = tauri::Builder::default()
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(desk)
        // Today's agenda is read while WebKit makes the window, not after its page asks.
        .setup(|app| {
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let today = chrono::Local::now().date_naive();
                handle.state::<Desk>().read_agenda_ahead(today);
            });
            Ok(())
        })
        // Answered off the main thread: the first request inflates the face (a few ms).
        .register_asynchronous_uri_scheme_protocol(fonts::SCHEME, |_ctx, request, responder| {
            let path = request.uri().path().to_owned();
            std::thread::spawn(move || responder.respond(fonts::respond(&path)));
        })
        // A large file is checked once the page has loaded, so the check never delays the
        // first paint; on damage the window is told and shows the recovery screen.
        .on_page_load(move |webview, payload| {
            if check_later && payload.event() == tauri::webview::PageLoadEvent::Finished {
                let handle = webview.app_handle().clone();
                check_started.call_once(|| {
                    std::thread::spawn(move || {
                        if handle.state::<Desk>().check_beside_the_window() {
                            let _ = handle.emit("database-status", ());
                        }
                    });
                });
            }
        })
        // A file dropped on the window is received here; the window gets a token, not a path.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let desk = window.state::<Desk>();
                let files: Vec<desk_domain::ChosenFile> = paths
                    .iter()
                    .map(|p| desk.chosen.register(p.clone(), chosen::Use::Read))
                    .collect();
                let _ = window.emit(chosen::DROPPED, files);
            }
        })
        .invoke_handler(dispatch::off_the_main_thread(tauri::generate_handler![
            commands::app_info,
            commands::is_empty,
            commands::list_printers,
            commands::print_paper,
            commands::load_demo,
            commands::list_delegations,
            commands::get_delegation,
            commands::create_delegation,
            commands::update_delegation,
            commands::set_delegation_status,
            commands::duplicate_delegation,
            commands::trash_delegation,
            commands::restore_delegation,
            commands::purge_delegation,
            commands::list_people,
            commands::get_person,
            commands::create_person,
            commands::update_person,
            commands::delete_person,
            commands::list_organisations,
            commands::get_organisation,
            commands::create_organisation,
            commands::update_organisation,
            commands::delete_organisation,
            commands::list_members,
            commands::add_member,
            commands::update_member,
            commands::remove_member,
            commands::list_segments,
            commands::add_segment,
            commands::update_segment,
            commands::remove_segment,
            commands::list_stays,
            commands::add_stay,
            commands::update_stay,
            commands::remove_stay,
            commands::list_programme,
            commands::add_programme_item,
            commands::update_programme_item,
            commands::remove_programme_item,
            commands::list_tasks,
            commands::add_task,
            commands::update_task,
            commands::remove_task,
            commands::list_expenses,
            commands::add_expense,
            commands::update_expense,
            commands::remove_expense,
            commands::list_visas,
            commands::add_visa,
            commands::update_visa,
            commands::remove_visa,
            commands::list_attachments,
            commands::choose_open_files,
            commands::choose_save_file,
            commands::add_attachment_file,
            commands::attachment_data_url,
            commands::update_attachment,
            commands::remove_attachment,
            commands::search,
            commands::calendar,
            commands::get_report,
            commands::start_report,
            commands::save_report,
            commands::finalise_report,
            commands::reopen_report,
            commands::report_versions,
            commands::report_preview,
            commands::export_report_pdf,
            commands::sign_paper_pdf,
            commands::get_signing_setup,
            commands::choose_sign_image,
            commands::remove_sign_image,
            commands::add_trusted_root,
            commands::remove_trusted_root,
            commands::verify_attachment,
            commands::agenda,
            commands::today_agenda,
            commands::suggest_places,
            commands::get_itinerary,
            commands::export_itinerary_pdf,
            commands::export_itinerary_ics,
            commands::export_calendar_ics,
            commands::review_estimate,
            commands::save_estimate,
            commands::settlement,
            commands::export_estimate,
            commands::export_settlement,
            commands::list_rate_tables,
            commands::import_rate_table_file,
            commands::export_rate_table_file,
            commands::delete_rate_table,
            commands::load_example_rates,
            commands::get_settings,
            commands::save_settings,
            commands::database_status,
            commands::unlock_database,
            commands::sync_status,
            commands::choose_sync_folder,
            commands::sync_now,
            commands::set_auto_sync,
            commands::list_conflicts,
            commands::resolve_conflict,
            commands::list_backups,
            commands::make_backup,
            commands::restore_backup,
            commands::import_data_file,
            commands::cancel_work,
            commands::recovery_sheet,
            commands::save_recovery_sheet,
            commands::audit_of,
            commands::stats_years,
            commands::get_stats,
            commands::export_annual_report,
            commands::export_annual_workbook,
            commands::preview_history_file,
            commands::import_history_file,
            commands::preview_guest_file,
            commands::import_guest_file,
            commands::list_guests,
            commands::check_in,
            commands::undo_check_in,
            commands::default_checklist,
            commands::apply_checklist,
            commands::generate_transfers,
            commands::transfer_board,
            commands::add_transfer,
            commands::update_transfer,
            commands::remove_transfer,
            commands::rooming_list,
            commands::move_guest,
            commands::programme_days,
            commands::export_hosting_list,
            commands::export_hosting_paper,
        ]))
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    commands::sync_on_exit(&handle.state::<state::Desk>());
                }
            })
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("delegation-desk: {error}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    /// The window may call exactly the commands of the IPC contract: one permission each,
    /// nothing more.
    #[test]
    fn the_capability_grants_exactly_the_contract() {
        let text = include_str!("../capabilities/main.json");
        let mut granted: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"allow-"))
            .map(|l| l.trim_end_matches([',', '"']).replace('-', "_"))
            .collect();
        let mut contract: Vec<String> = desk_domain::ipc::command_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        granted.sort();
        contract.sort();
        assert_eq!(granted, contract);
        assert!(!text.contains("fs:"), "no file-system plugin");
        assert!(!text.contains("shell:"), "no shell plugin");
    }

    /// The handler list registers exactly the commands of the IPC contract, so that the
    /// window never calls a name the shell does not answer, and the shell answers nothing
    /// the contract (and the UI's types) do not declare.
    #[test]
    fn the_handlers_are_exactly_the_contract() {
        let source = include_str!("lib.rs");
        let start = source.find("generate_handler![").unwrap_or(0);
        let list = &source[start..];
        let list = &list[..list.find("])").unwrap_or(list.len())];
        let mut registered: Vec<&str> = list
            .lines()
            .filter_map(|l| l.trim().strip_prefix("commands::"))
            .map(|l| l.trim_end_matches(','))
            .collect();
        let mut contract = desk_domain::ipc::command_names();
        registered.sort_unstable();
        contract.sort_unstable();
        assert!(!registered.is_empty(), "the handler list is found");
        assert_eq!(registered, contract);
    }
}
