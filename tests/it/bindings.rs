//! The UI compiles against `ui/src/api/bindings.ts`; it must be exactly what the Rust types
//! generate, or the window and the shell disagree about a record's shape.

use desk_tests::repo_root;

#[test]
fn bindings_match_the_rust_types() {
    let path = repo_root().join("ui/src/api/bindings.ts");
    let generated = desk_domain::ipc::typescript();
    if std::env::var_os("DESK_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/api/bindings.ts has drifted from the Rust types; regenerate it with \
         `DESK_UPDATE_BINDINGS=1 cargo test -p desk-tests --test it bindings` and commit it"
    );
}
