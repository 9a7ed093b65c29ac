//! The `desk` binary; everything it does is in the `desk_cli` library so that the
//! integration tests can run it in-process.

use std::process::ExitCode;

fn main() -> ExitCode {
    // `desk engine ARGS`: the window app's engine, serving the window that started it on
    // standard input and output (see `desk_engine`). Not a command for people: it is in
    // no help text, and it speaks JSON lines.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "engine") {
        args.remove(1);
        return desk_engine::serve(args);
    }
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = desk_cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    ExitCode::from(code)
}
