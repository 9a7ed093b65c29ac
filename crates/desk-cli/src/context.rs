//! What every command is given: the open store, the output switch and the two streams; and
//! the small pieces of output and parsing several areas share.

use std::io::Write;
use std::path::Path;

use desk_domain::{Error, ErrorKind, Warning};
use desk_store::Store;

pub struct Context<'a> {
    pub store: &'a mut Store,
    pub json: bool,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

pub(crate) fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{}: {e}", path.display()))
}

pub(crate) fn warn(ctx: &mut Context<'_>, warnings: &[Warning]) {
    for w in warnings {
        let _ = writeln!(ctx.err, "desk: warning: {}", w.message());
    }
}

/// `--lang vi|en`, as the documents take it.
pub(crate) fn parse_language(s: &str) -> Result<desk_domain::Language, String> {
    desk_domain::Language::parse(s).ok_or_else(|| format!("expected vi or en, not \"{s}\""))
}
