//! The page's commands, read as source: none runs on the window's main thread (a slow disk or
//! another process's long write must never freeze the window; `tests/e2e/harden.test.mjs`
//! clicks through the window during a long import to show it), and none takes a path (the
//! page names files only by the tokens the engine gave it for the user's choices).

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
    // The commands live in the engine, declared in `commands!` blocks as
    // `pub fn name(desk, arg: Type, ...) -> Value {`.
    let mut files = Vec::new();
    sources(
        &repo_root().join("crates/desk-engine/src/commands"),
        &mut files,
    );
    let mut commands = 0;
    let mut paths = Vec::new();
    for (file, text) in &files {
        let Some(block) = text.find("\ncommands! {\n") else {
            continue;
        };
        for (at, _) in text[block..].match_indices("\n    pub fn ") {
            commands += 1;
            let rest = &text[block + at..];
            let signature = &rest[..rest.find(") ->").unwrap_or(0)];
            let parameters = &signature[signature.find('(').unwrap_or(0)..];
            if parameters.contains("path")
                || parameters.contains("Path")
                || parameters.contains("OsString")
            {
                paths.push(format!("{file}: {}", signature.trim()));
            }
        }
    }
    assert!(commands >= 80, "the commands were found ({commands})");
    assert!(
        paths.is_empty(),
        "these commands take a path from the page:\n{}",
        paths.join("\n")
    );

    // The window has no command of its own: Tauri would run a plain command on the main
    // thread. Its one handler forwards every call to the engine, from a worker thread it
    // spawns first (dispatch.rs).
    let mut window = Vec::new();
    sources(&repo_root().join("src-tauri/src"), &mut window);
    for (file, text) in &window {
        assert!(
            !text.contains("#[tauri::command"),
            "{file} declares a command"
        );
        assert!(
            !text.contains("generate_handler!"),
            "{file} registers commands"
        );
    }
    let lib = std::fs::read_to_string(repo_root().join("src-tauri/src/lib.rs")).unwrap();
    let registrations: Vec<&str> = lib.matches(".invoke_handler(").collect();
    assert_eq!(registrations.len(), 1, "one handler is registered");
    assert!(
        lib.contains(".invoke_handler(dispatch::off_the_main_thread("),
        "the handler is registered through dispatch::off_the_main_thread"
    );
    let dispatch = std::fs::read_to_string(repo_root().join("src-tauri/src/dispatch.rs")).unwrap();
    let spawn = dispatch
        .find("spawn_blocking(move ||")
        .unwrap_or(usize::MAX);
    let call = dispatch.find("engine.forward(invoke)").unwrap_or(0);
    assert!(
        spawn < call,
        "dispatch.rs forwards the call inside the worker thread it spawns"
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
