//! An empty Tauri 2 window that paints a 20-row list and does nothing else: what Delegation
//! Desk's start and idle memory are measured against.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("empty-shell: {error}");
        std::process::exit(1);
    }
}
