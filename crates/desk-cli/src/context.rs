//! What every command is given: the open store, the output switch and the two streams; and
//! the small pieces of output and parsing several areas share.

use std::io::Write;
use std::path::Path;

use clap::Args;
use desk_domain::{Error, ErrorKind, Warning};
use desk_store::{Page, PageRequest, Store};
use serde::Serialize;

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

/// Reading a long list a page at a time.
#[derive(Args)]
pub struct PageArgs {
    /// At most N rows (default: all of them, for scripts).
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    /// Start after the row this cursor names (the `next` of the previous page).
    #[arg(long, value_name = "CURSOR")]
    after: Option<String>,
}

impl PageArgs {
    pub fn request(self) -> PageRequest {
        PageRequest {
            limit: self.limit,
            after: self.after,
        }
    }
}

/// Prints a list read with `--limit`/`--after`: as JSON, the page itself (`items`,
/// `next`, `total`); as a table, the rows, then on stderr how many there are and the
/// cursor of the next page. A list read whole (no flags) prints as it always did.
pub(crate) fn paged<T: Serialize>(
    ctx: &mut Context<'_>,
    page: Page<T>,
    paging: &PageRequest,
    print_rows: impl FnOnce(&mut dyn Write, &[T]) -> Result<(), Error>,
) -> Result<(), Error> {
    let whole = paging.limit.is_none() && paging.after.is_none();
    if ctx.json {
        return if whole {
            crate::output::json(ctx.out, &page.items)
        } else {
            crate::output::json(ctx.out, &page)
        };
    }
    print_rows(ctx.out, &page.items)?;
    if !whole {
        let _ = writeln!(
            ctx.err,
            "desk: {} of {} shown",
            page.items.len(),
            page.total
        );
        if let Some(next) = &page.next {
            let _ = writeln!(ctx.err, "desk: next page: --after {next}");
        }
    }
    Ok(())
}
