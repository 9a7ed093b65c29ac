//! The window's commands, read as source: none runs on the main thread (a slow disk or
//! another process's long write must never freeze the window; `tests/e2e/harden.test.mjs`
//! clicks through the window during a long import to show it), and none takes a path (the
//! page names files only by the tokens the shell gave it for the user's choices).

use std::path::Path;

use desk_tests::repo_root;

fn sources(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn no_command_runs_on_the_main_thread() {
    let mut files = Vec::new();
    sources(&repo_root().join("src-tauri/src"), &mut files);
    let mut commands = 0;
    let mut paths = Vec::new();
    for (file, text) in &files {
        for (at, _) in text.match_indices("#[tauri::command") {
            // An attribute, not a mention of one in a comment.
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            if !text[line_start..at].trim().is_empty() {
                continue;
            }
            commands += 1;
            let rest = &text[at..];
            let signature = rest
                .lines()
                .skip(1)
                .find(|l| l.contains("fn "))
                .unwrap_or_default();
            // The parameters: from the signature's `(` to the `)` before its `->` or `{`.
            let open = rest
                .find("fn ")
                .map(|f| f + rest[f..].find('(').unwrap_or(0));
            let close = rest.find(") ->").or_else(|| rest.find(") {"));
            if let (Some(open), Some(close)) = (open, close) {
                let parameters = &rest[open..close];
                if parameters.contains("path")
                    || parameters.contains("Path")
                    || parameters.contains("OsString")
                {
                    paths.push(format!("{file}: {signature}"));
                }
            }
        }
    }
    assert!(commands >= 80, "the commands were found ({commands})");
    assert!(
        paths.is_empty(),
        "these commands take a path from the page:\n{}",
        paths.join("\n")
    );
    // Tauri runs a plain command on the main thread. The one handler the app registers is
    // wrapped so that every call is handed to a worker thread first (dispatch.rs), and that
    // wrapper spawns before it calls the handler.
    let lib = std::fs::read_to_string(repo_root().join("src-tauri/src/lib.rs")).unwrap();
    let registrations: Vec<&str> = lib.matches(".invoke_handler(").collect();
    assert_eq!(registrations.len(), 1, "one handler is registered");
    assert!(
        lib.contains(".invoke_handler(dispatch::off_the_main_thread(tauri::generate_handler!["),
        "the handler is registered through dispatch::off_the_main_thread"
    );
    let dispatch = std::fs::read_to_string(repo_root().join("src-tauri/src/dispatch.rs")).unwrap();
    let spawn = dispatch
        .find("spawn_blocking(move ||")
        .unwrap_or(usize::MAX);
    let call = dispatch.find("handler(invoke)").unwrap_or(0);
    assert!(
        spawn < call,
        "dispatch.rs calls the handler inside the worker thread it spawns"
    );
}

#[test]
fn the_ipc_contract_names_no_path() {
    for command in desk_domain::ipc::commands() {
        for (name, kind) in &command.args {
            assert!(
                !name.to_lowercase().contains("path"),
                "{} takes {name}: {kind}",
                command.name
            );
        }
    }
}
