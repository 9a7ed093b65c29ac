//! The engine's state (the one store) and how a command uses it: each call on a thread of
//! its own (see `serve`), with a panic turned into an error of kind `internal` for that call
//! only.

use std::ffi::OsString;
use std::ops::{Deref, DerefMut};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

use desk_domain::{Error, ErrorKind};
use desk_store::{KeyChoice, Store};

use crate::chosen::Chosen;
use crate::window::{Dialogs, Window};

/// The app's state: the one store, or why it is not open (a database that is locked or
/// damaged opens the unlock or recovery screen instead). A rusqlite connection is `Send` but
/// not `Sync`, hence the mutex; commands hold it only for the length of one operation.
pub struct Desk {
    store: Mutex<Result<Store, Error>>,
    path: PathBuf,
    keys: KeyChoice,
    /// The files the user chose, behind the tokens the window holds.
    pub chosen: Chosen,
    /// The long work the window watches and may cancel.
    pub work: crate::work::Work,
    /// Today's agenda, read while the window was being made (see [`Desk::read_agenda_ahead`]).
    ahead: Mutex<Option<Ahead>>,
    /// The statistics shown last (see [`Desk::stats`]).
    kept_stats: Mutex<Option<KeptStats>>,
    /// The window served: its dialogs, the page's progress channels.
    window: std::sync::Arc<dyn Window>,
}

/// An agenda read ahead: for which day, and where the database stood when it was read.
struct Ahead {
    day: chrono::NaiveDate,
    mark: desk_store::ChangeMark,
    items: Vec<desk_domain::AgendaItem>,
}

/// Statistics computed for the window: of which range, on which day (it decides whether a
/// report not yet filed is late), and where the database stood.
///
/// The figures are kept as their JSON text, one block of memory, not as the records
/// themselves. Kept as records, tens of thousands of small allocations stayed scattered
/// among the pages the counting had used and freed, and the allocator could give few of
/// those pages back: on twenty synthetic years, after a walk through the Statistics, the
/// engine held 44.5 MiB with the records kept and 40.3 with the text (25 before the walk;
/// the rest is SQLite's page cache, see [`Desk::rest`]). Read back from the text when asked
/// again: a second look from the page took 137-152 ms instead of 117-124, against the
/// 660-750 of counting (4 Dec 2026).
struct KeptStats {
    range: (chrono::NaiveDate, chrono::NaiveDate),
    as_of: chrono::NaiveDate,
    mark: desk_store::ChangeMark,
    json: String,
}

/// SQLite's page cache of the window's connection, in MiB. The store opens with 64, which
/// holds a year's statistics of a twenty-year office so that a second look at them costs no
/// decryption; the window keeps the figures it computed instead ([`Desk::stats`]), and with
/// 16 MiB the engine after a walk through every screen held about 55 MiB less (a year's
/// statistics after a write: 440 ms instead of 310, the first look 450 instead of 520).
const WINDOW_PAGE_CACHE_MIB: u32 = 16;

/// A store opened for the window: its page cache set as [`WINDOW_PAGE_CACHE_MIB`] says.
fn for_the_window(store: Store) -> Result<Store, Error> {
    store.set_page_cache_mib(WINDOW_PAGE_CACHE_MIB)?;
    Ok(store)
}

/// The open store, held for one operation.
pub struct StoreGuard<'a>(MutexGuard<'a, Result<Store, Error>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            // `Desk::store` hands out a guard only over an open store.
            Err(_) => unreachable_store(),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(store) => store,
            Err(_) => unreachable_store(),
        }
    }
}

fn unreachable_store() -> ! {
    unreachable!("a store guard exists only over an open store")
}

impl Desk {
    /// Opens the database at `path`. Only the app's first start at its default place may
    /// create one (`may_create`). A database that cannot be opened (locked: no key or a
    /// wrong one; damaged; missing) still gives a `Desk`: the window then shows the unlock or
    /// recovery screen with the reason, instead of a message on stderr nobody reads.
    ///
    /// The day's backup is not made here but once the window's first screen is up
    /// ([`Desk::beside_the_window`]): of a twenty-year file it took 53 s, and Today's first
    /// lines waited for it on the first start of every day.
    pub fn open(
        path: PathBuf,
        keys: KeyChoice,
        may_create: bool,
        window: std::sync::Arc<dyn Window>,
    ) -> Self {
        let store = desk_store::open_database_only(&path, &keys, may_create)
            .map_err(Error::from)
            .and_then(|opening| for_the_window(opening.store));
        Self {
            store: Mutex::new(store),
            path,
            keys,
            chosen: Chosen::default(),
            work: crate::work::Work::default(),
            ahead: Mutex::new(None),
            kept_stats: Mutex::new(None),
            window,
        }
    }

    /// The system dialogs, opened over the window.
    pub fn dialogs(&self) -> Dialogs<'_> {
        Dialogs(&*self.window)
    }

    /// Starts watching the long work `id`: its progress goes to the page's `channel`.
    pub fn watch<'a>(
        &'a self,
        id: &str,
        channel: &'a crate::commands::ProgressChannel,
    ) -> crate::work::Watch<'a> {
        self.work.start(id, channel, &*self.window)
    }

    /// Reads `day`'s agenda while WebKit makes the window and loads its page (about 300 ms
    /// here), so that the first screen's request finds it ready instead of reading a large
    /// store then, beside the page's own start on the same two cores. Kept for one request.
    pub fn read_agenda_ahead(&self, day: chrono::NaiveDate) {
        let Ok(store) = self.store() else {
            return;
        };
        // The lock on the store is held until the agenda is kept: a request that comes
        // meanwhile waits for it instead of reading it a second time.
        if let (Ok(mark), Ok(items)) = (store.change_mark(), store.agenda(day)) {
            *self.ahead() = Some(Ahead { day, mark, items });
        }
    }

    /// `day`'s agenda: the one read ahead if it is for that day and nothing was written since,
    /// else read now.
    pub fn agenda(&self, day: chrono::NaiveDate) -> Result<Vec<desk_domain::AgendaItem>, Error> {
        let store = self.store()?;
        if let Some(ahead) = self.ahead().take()
            && ahead.day == day
            && ahead.mark == store.change_mark()?
        {
            return Ok(ahead.items);
        }
        Ok(store.agenda(day)?)
    }

    fn ahead(&self) -> MutexGuard<'_, Option<Ahead>> {
        self.ahead.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The statistics of `from`–`to` as of today: the ones computed last if they are of the
    /// same range and day and nothing was written since, else computed now and kept. A
    /// person goes back and forth between the Statistics and a delegation opened from them;
    /// on twenty years each look cost 300-450 ms of reading, decrypting and counting.
    pub fn stats(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<desk_domain::YearStats, Error> {
        let store = self.store()?;
        let as_of = chrono::Local::now().date_naive();
        let mark = store.change_mark()?;
        let mut kept = self.kept_stats();
        if let Some(k) = kept.as_ref()
            && k.range == (from, to)
            && k.as_of == as_of
            && k.mark == mark
            // Text this engine wrote from the same type; were it ever unreadable, the
            // figures are counted again below.
            && let Ok(stats) = serde_json::from_str(&k.json)
        {
            return Ok(stats);
        }
        let stats = store.stats_as_of(from, to, as_of)?;
        *kept = serde_json::to_string(&stats).ok().map(|json| KeptStats {
            range: (from, to),
            as_of,
            mark,
            json,
        });
        Ok(stats)
    }

    fn kept_stats(&self) -> MutexGuard<'_, Option<KeptStats>> {
        self.kept_stats
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn info(&self) -> Result<desk_domain::AppInfo, Error> {
        Ok(desk_domain::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.path.display().to_string(),
            schema_version: self.store()?.schema_version()?,
        })
    }

    /// The store, for the length of one operation; refused with the reason while the
    /// database is not open.
    pub fn store(&self) -> Result<StoreGuard<'_>, Error> {
        let guard = self.lock()?;
        if let Err(problem) = &*guard {
            return Err(problem.clone());
        }
        Ok(StoreGuard(guard))
    }

    /// A command that panicked while holding the lock left the store usable: its
    /// transaction was rolled back when the panic unwound through it (rusqlite rolls back a
    /// transaction on drop), so the poison is cleared, not obeyed.
    fn lock(&self) -> Result<MutexGuard<'_, Result<Store, Error>>, Error> {
        Ok(self.store.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// The window is at rest (no call for a while): SQLite's page cache is given back. A
    /// year's statistics fill it (16 MiB) and it stayed full otherwise, as long as the
    /// window was open; what is read after the rest is decrypted again.
    pub fn rest(&self) {
        if let Ok(store) = self.store() {
            // A store that cannot free its cache keeps it; nothing is lost.
            let _ = store.release_memory();
        }
    }

    /// The check when the app opens the database. A file checked in full well under a
    /// second is checked now, before the window: damage opens on the recovery screen. A
    /// larger one is left to [`Desk::beside_the_window`], once the window has loaded:
    /// even its quick check took 8.5–10 s on a twenty-year file (1.1 GB), all of it before
    /// the first paint (issue 15). True when that check is still to run.
    pub fn check_on_open(&self) -> bool {
        self.check_on_open_over(desk_store::cipher::FULL_CHECK_BYTES)
    }

    /// [`Desk::check_on_open`] with the size over which the check waits for the window.
    fn check_on_open_over(&self, bytes: u64) -> bool {
        let Some(key) = self.key() else {
            return false;
        };
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        if size > bytes {
            return true;
        }
        self.check_now(&key, false);
        false
    }

    /// What the engine does once the window's page has loaded, while the person works: the
    /// quick check of a large file (the sooner damage is found, the less is typed into it),
    /// the day's backup if it is due, and the full check of a large file unless that backup
    /// was just made (its copy passed the full check, so the file was whole when it was
    /// read: on the first start of a day with a twenty-year file, one pass over it instead
    /// of two). `large` is [`Desk::check_on_open`]'s answer. True when damage was found and
    /// the store closed; the caller tells the window, which shows the recovery screen.
    pub fn beside_the_window(&self, large: bool) -> bool {
        let Some(key) = self.key() else {
            return false;
        };
        if large && self.finds_damage(&key, true) {
            return true;
        }
        let backed_up = self.daily_backup_beside(&key).is_some();
        large && !backed_up && self.finds_damage(&key, false)
    }

    fn finds_damage(&self, key: &desk_store::Key, quick: bool) -> bool {
        self.check_now(key, quick);
        self.problem().ok().flatten().is_some()
    }

    /// The day's backup, if it is due, on a connection of its own: the store stays free for
    /// the page's calls meanwhile. A copy that fails is said on standard error, as the CLI
    /// says it, and tried again at the next start (the engine ends with its window, so a
    /// session shorter than the copy leaves it to the next one; a `.partial` file left
    /// behind is removed an hour later); the backups screen shows the newest verified one.
    fn daily_backup_beside(&self, key: &desk_store::Key) -> Option<desk_domain::BackupInfo> {
        match desk_store::backups::daily_beside(&self.path, key) {
            Ok(made) => made,
            Err(e) => {
                eprintln!("desk engine: the daily backup failed: {e}");
                None
            }
        }
    }

    /// Runs the check (on a connection of its own) and closes the store on damage.
    pub fn check_now(&self, key: &desk_store::Key, quick: bool) {
        let verdict = desk_store::cipher::check_file(&self.path, key, quick)
            .unwrap_or_else(|e| e.to_string());
        if verdict != "ok" {
            let _ = self.close(Error::new(
                ErrorKind::Damaged,
                format!("the database is damaged: {verdict}"),
            ));
        }
    }

    /// The key of the open database.
    pub fn key(&self) -> Option<desk_store::Key> {
        self.store().ok().and_then(|s| s.key().cloned())
    }

    /// Why the database is not open, if it is not.
    pub fn problem(&self) -> Result<Option<Error>, Error> {
        Ok(self.lock()?.as_ref().err().cloned())
    }

    /// The database file (only the shell sees it; the window gets names).
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// How keys are found for this run (`--key-file`, `DESK_KEY_FILE`, the keyring).
    pub fn keys(&self) -> &KeyChoice {
        &self.keys
    }

    /// Closes the database (before a restore replaces its file), leaving `problem` as the
    /// reason until [`Desk::reopen`].
    pub fn close(&self, problem: Error) -> Result<(), Error> {
        *self.lock()? = Err(problem);
        *self.ahead() = None;
        *self.kept_stats() = None;
        Ok(())
    }

    /// Opens the database again with `key` (the unlock screen) or as the keys say.
    pub fn reopen(&self, key: Option<&desk_store::Key>) -> Result<(), Error> {
        let mut guard = self.lock()?;
        *self.ahead() = None;
        // Another file may be in place (a backup put back): its marks start again.
        *self.kept_stats() = None;
        let opened = match key {
            Some(key) => Store::open(&self.path, key).map_err(Error::from),
            None => desk_store::open_database(&self.path, &self.keys, false)
                .map(|o| o.store)
                .map_err(Error::from),
        }
        .and_then(for_the_window);
        match opened {
            Ok(store) => {
                *guard = Ok(store);
                Ok(())
            }
            Err(e) => {
                *guard = Err(e.clone());
                Err(e)
            }
        }
    }
}

/// Runs one command's work, turning a panic into an error of kind `internal` for this call;
/// the next call works as before (see [`Desk::store`]).
pub fn guarded<T>(op: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(op)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::new(
            ErrorKind::Internal,
            format!("the operation failed unexpectedly and nothing of it was kept: {what}"),
        ))
    })
}

/// `--db FILE` (or `--db=FILE`) on the command line, else `$DESK_DB`, else the app-data
/// folder shared with the `desk` CLI. The flag is true for the app-data folder: only there
/// does the app's first start create a database.
pub fn database_path(args: impl IntoIterator<Item = OsString>) -> Result<(PathBuf, bool), String> {
    let mut flag = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            flag = Some(
                args.next()
                    .ok_or_else(|| "--db needs a file path".to_owned())?,
            );
            break;
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            flag = Some(OsString::from(value));
            break;
        }
    }
    desk_store::database_path(flag.map(PathBuf::from)).map_err(|e| e.message)
}

/// `--key-file FILE` (or `--key-file=FILE`) on the command line, else `$DESK_KEY_FILE`.
pub fn key_choice(args: impl IntoIterator<Item = OsString>) -> KeyChoice {
    let mut args = args.into_iter().skip(1);
    let mut flag = None;
    while let Some(arg) = args.next() {
        if arg == "--key-file" {
            flag = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--key-file=")) {
            flag = Some(PathBuf::from(value));
        }
    }
    KeyChoice::from_flag_or_env(flag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_an_operation_is_an_internal_error_and_the_next_call_works() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let desk = Desk::open(
            dir.path().join("desk.sqlite"),
            key_in(dir.path()),
            true,
            no_window(),
        );
        assert!(
            desk.problem().is_ok_and(|p| p.is_none()),
            "the database opens"
        );
        let failed: Result<(), Error> = guarded(|| {
            let _store = desk.store()?;
            panic!("a bug while the store is held");
        });
        let failed = failed
            .err()
            .unwrap_or_else(|| Error::new(ErrorKind::Io, ""));
        assert_eq!(failed.kind, ErrorKind::Internal);
        assert!(
            failed.message.contains("a bug while the store is held"),
            "{failed:?}"
        );
        let next = guarded(|| desk.info());
        assert!(
            next.is_ok(),
            "the store is usable after the panic: {next:?}"
        );
    }

    /// The demo, and a day before its first trip leaves: Today has something to say.
    fn demo_before_its_trip(dir: &std::path::Path) -> (Desk, chrono::NaiveDate) {
        let desk = Desk::open(dir.join("desk.sqlite"), key_in(dir), true, no_window());
        let first = desk.store().and_then(|mut store| {
            desk_ops::load_demo_into_empty(&mut store)?;
            let page = store.delegation_page(
                &desk_domain::DelegationFilter::default(),
                &desk_domain::PageRequest::first(100),
            )?;
            Ok(page.items.iter().map(|d| d.starts_on).min())
        });
        let day = match first {
            Ok(Some(first)) => first - chrono::Duration::days(3),
            other => panic!("the demo loads with its trips: {other:?}"),
        };
        (desk, day)
    }

    #[test]
    fn the_agenda_read_ahead_is_todays_and_never_outlives_a_write() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (desk, day) = demo_before_its_trip(dir.path());
        let fresh = || desk.store().and_then(|store| Ok(store.agenda(day)?));
        let expected = fresh().unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!expected.is_empty(), "the demo has something due on {day}");

        desk.read_agenda_ahead(day);
        assert_eq!(desk.agenda(day).ok(), Some(expected.clone()), "read ahead");
        desk.read_agenda_ahead(day);
        assert_eq!(
            desk.agenda(day + chrono::Duration::days(400)).ok(),
            desk.store()
                .and_then(|s| Ok(s.agenda(day + chrono::Duration::days(400))?))
                .ok(),
            "another day is read for that day"
        );

        // A trip thrown away after the agenda was read ahead is gone from Today at once.
        desk.read_agenda_ahead(day);
        let trip = expected
            .iter()
            .find_map(|item| item.delegation_id.clone())
            .unwrap_or_else(|| panic!("an item about a trip: {expected:?}"));
        let trashed = desk
            .store()
            .and_then(|mut s| Ok(s.trash_delegation(&trip)?));
        assert!(trashed.is_ok(), "{trashed:?}");
        let after = desk.agenda(day).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(Ok(after.clone()), fresh(), "read after the write");
        assert!(
            after
                .iter()
                .all(|item| item.delegation_id.as_deref() != Some(trip.as_str())),
            "the trashed trip is not on Today"
        );
    }

    #[test]
    fn a_write_by_another_process_also_voids_the_agenda_read_ahead() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (desk, day) = demo_before_its_trip(dir.path());
        desk.read_agenda_ahead(day);
        let before = desk.agenda(day).unwrap_or_else(|e| panic!("{e:?}"));
        desk.read_agenda_ahead(day);
        // The terminal, on the same file, throws every trip of Today away.
        let key = desk.key().unwrap_or_else(|| panic!("a keyed file"));
        let mut other =
            Store::open(&dir.path().join("desk.sqlite"), &key).unwrap_or_else(|e| panic!("{e}"));
        for id in before.iter().filter_map(|i| i.delegation_id.as_deref()) {
            let _ = other.trash_delegation(id);
        }
        drop(other);
        let after = desk.agenda(day).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            after.iter().all(|i| i.delegation_id.is_none()),
            "only lines about no trip are left: {after:?}"
        );
    }

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("a day"))
    }

    /// The demo's two years (a trip in each), and the figures the store computes of them.
    const DEMO_YEARS: (i32, i32) = (2016, 2017);

    fn fresh_stats(
        desk: &Desk,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> desk_domain::YearStats {
        desk.store()
            .and_then(|s| Ok(s.stats(from, to)?))
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_statistics_kept_for_the_window_never_outlive_a_write() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (desk, _) = demo_before_its_trip(dir.path());
        let (from, to) = (day(DEMO_YEARS.0, 1, 1), day(DEMO_YEARS.1, 12, 31));
        let shown = |desk: &Desk| desk.stats(from, to).unwrap_or_else(|e| panic!("{e:?}"));
        let first = shown(&desk);
        assert_eq!(first.totals.delegations, 2, "the demo's two trips");
        assert_eq!(first, fresh_stats(&desk, from, to));
        assert_eq!(shown(&desk), first, "a second look, nothing written");

        // A trip thrown away here leaves the figures at once.
        let trip = first.delegations[0].id.clone();
        let trashed = desk
            .store()
            .and_then(|mut s| Ok(s.trash_delegation(&trip)?));
        assert!(trashed.is_ok(), "{trashed:?}");
        let after = shown(&desk);
        assert_eq!(after.totals.delegations, first.totals.delegations - 1);
        assert_eq!(after, fresh_stats(&desk, from, to));

        // So does one thrown away by the terminal, on the same file.
        let other_trip = after.delegations[0].id.clone();
        let key = desk.key().unwrap_or_else(|| panic!("a keyed file"));
        let mut other =
            Store::open(&dir.path().join("desk.sqlite"), &key).unwrap_or_else(|e| panic!("{e}"));
        assert!(other.trash_delegation(&other_trip).is_ok());
        drop(other);
        let later = shown(&desk);

        assert_eq!(later.totals.delegations, 0);

        // Another range is that range's, on a store that has changed.
        let second_year = (day(DEMO_YEARS.1, 1, 1), to);
        assert_eq!(
            desk.stats(second_year.0, second_year.1).ok(),
            Some(fresh_stats(&desk, second_year.0, second_year.1))
        );
    }

    #[test]
    fn a_file_put_back_is_counted_again_not_taken_for_the_one_before() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (desk, _) = demo_before_its_trip(dir.path());
        let (from, to) = (day(DEMO_YEARS.0, 1, 1), day(DEMO_YEARS.1, 12, 31));
        let key = desk.key().unwrap_or_else(|| panic!("a keyed file"));
        drop(desk);
        // An older state of the file, one trip fewer, as a backup put back would bring.
        let path = dir.path().join("desk.sqlite");
        let older = dir.path().join("older.sqlite");
        std::fs::copy(&path, &older).unwrap_or_else(|e| panic!("{e}"));
        let mut store = Store::open(&older, &key).unwrap_or_else(|e| panic!("{e}"));
        let trip = store
            .stats(from, to)
            .map(|s| s.delegations[0].id.clone())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(store.trash_delegation(&trip).is_ok());
        drop(store);

        // A window just opened: its connection's marks are where a new one's start.
        let desk = Desk::open(path.clone(), key_in(dir.path()), false, no_window());
        let before = desk.stats(from, to).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(desk.close(Error::new(ErrorKind::Io, "put back")).is_ok());
        std::fs::copy(&older, &path).unwrap_or_else(|e| panic!("{e}"));
        assert!(desk.reopen(Some(&key)).is_ok());
        let after = desk.stats(from, to).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(after.totals.delegations, before.totals.delegations - 1);
    }

    fn no_window() -> std::sync::Arc<dyn Window> {
        std::sync::Arc::new(crate::window::NoWindow)
    }

    /// The key file of a test's database, in its folder.
    fn key_in(dir: &std::path::Path) -> KeyChoice {
        KeyChoice {
            file: Some(dir.join("test.key")),
        }
    }

    /// A demo database with four pages in its middle overwritten, as a failing disk would.
    fn damaged_demo(dir: &std::path::Path) -> Desk {
        use std::io::{Seek, SeekFrom, Write};
        let path = dir.join("desk.sqlite");
        let desk = Desk::open(path.clone(), key_in(dir), true, no_window());
        let loaded = desk
            .store()
            .and_then(|mut store| desk_ops::load_demo_into_empty(&mut store));
        assert!(loaded.is_ok(), "the demo loads: {loaded:?}");
        drop(desk);
        let pages = std::fs::metadata(&path).map_or(0, |m| m.len()) / 4096;
        assert!(pages > 20, "the demo has pages to damage ({pages})");
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        file.seek(SeekFrom::Start(pages / 2 * 4096))
            .and_then(|_| file.write_all(&[0x5a; 4 * 4096]))
            .unwrap_or_else(|e| panic!("{e}"));
        drop(file);
        Desk::open(path, key_in(dir), false, no_window())
    }

    #[test]
    fn a_damaged_file_is_found_before_the_window_when_small_and_beside_it_when_large() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let small = damaged_demo(dir.path());
        assert!(
            !small.check_on_open_over(u64::MAX),
            "nothing is left for later"
        );
        let problem = small.problem().ok().flatten().map(|p| p.kind);
        assert_eq!(
            problem,
            Some(ErrorKind::Damaged),
            "the recovery screen opens"
        );

        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let large = damaged_demo(dir.path());
        assert!(
            large.check_on_open_over(0),
            "the check waits for the window"
        );
        assert!(
            large.problem().is_ok_and(|p| p.is_none()),
            "the window opens on the record meanwhile"
        );
        assert!(large.beside_the_window(true), "the window is told");
        let problem = large.problem().ok().flatten().map(|p| p.kind);
        assert_eq!(
            problem,
            Some(ErrorKind::Damaged),
            "the recovery screen opens"
        );
    }

    #[test]
    fn an_undamaged_large_file_stays_open_and_gets_its_days_backup() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let desk = Desk::open(
            dir.path().join("desk.sqlite"),
            key_in(dir.path()),
            true,
            no_window(),
        );
        assert!(desk.check_on_open_over(0));
        assert!(!desk.beside_the_window(true), "no damage is reported");
        let daily = desk_store::backups::newest(desk.path()).ok().flatten();
        assert!(
            daily.is_some_and(|b| b.reason == "daily" && b.verified),
            "the day's backup is made beside the window, in place of the second full read"
        );
        assert!(
            desk.problem().is_ok_and(|p| p.is_none()),
            "the store stays open"
        );
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_db_flag_wins_in_both_spellings() {
        assert_eq!(
            database_path(args(&["app", "--db", "/tmp/a.sqlite"])),
            Ok((PathBuf::from("/tmp/a.sqlite"), false))
        );
        assert_eq!(
            database_path(args(&["app", "--db=/tmp/b.sqlite"])),
            Ok((PathBuf::from("/tmp/b.sqlite"), false))
        );
        assert_eq!(
            key_choice(args(&["app", "--key-file", "/tmp/k"])).file,
            Some(PathBuf::from("/tmp/k"))
        );
        assert!(
            database_path(args(&["app", "--db"])).is_err(),
            "a bare --db is a usage error"
        );
    }
}
