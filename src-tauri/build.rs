//! Declares the app's own commands so that each one gets a permission, and the capability
//! file can grant exactly the commands the window uses (and nothing else).

fn main() {
    // The names come from the IPC contract in desk-domain, the same list the UI's types are
    // generated from.
    // tauri-build wants a 'static list; a build script ends right after, so leaking is free.
    let names: &'static [&'static str] =
        Box::leak(desk_domain::ipc::command_names().into_boxed_slice());
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(names));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error=tauri build step failed: {error:#}");
    }
    // The window app's relative relocations packed as RELR (a bitmap) instead of 24 bytes
    // each: 1.2 MB of the release binary was `.rela.dyn`. Needs GNU ld 2.38 and glibc 2.36
    // (Debian 12, Ubuntu 24.04); the binary keeps its position independence (ASLR).
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
    {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
