//! Backups in a `backups` folder beside the database: copies made with SQLite's online backup
//! API, encrypted with the database's key, and checked (`integrity_check` on the copy) before
//! they count. One a day: when the CLI opens the database, beside the window once its first
//! screen is up ([`daily_beside`]), or, if the database has stayed open since, when a guest
//! list is imported; one before a schema upgrade, a JSON or history import, a purge and a
//! restore. The last 7 daily, 4 weekly and 12 monthly are kept.
//!
//! One backup is made at a time in a process ([`ONE_AT_A_TIME`]): a guest list imported
//! while the day's backup is being made beside the window waits for it, then finds it.
//!
//! A backup's name says when it was made and why: `desk-20261202T075500123Z-daily.sqlite`.
//! A copy still being written or checked ends in `.partial`; one that failed its check is
//! removed, so every `.sqlite` file in the folder is a verified backup.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use desk_domain::BackupInfo;
use rusqlite::Connection;

use crate::cipher::{self, with_suffix};
use crate::keys::Key;
use crate::{Store, StoreError, private};

/// Why a backup was made; the last part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The first open of the day.
    Daily,
    /// `desk backup` or the Backups screen.
    Manual,
    /// Before a schema upgrade.
    Migration,
    /// Before a JSON import.
    Import,
    /// Before a history import (the name is older: guest lists made one too, until a
    /// guest list came to rely on the daily backup and its one transaction).
    GuestImport,
    /// Before a delegation is purged from the trash.
    Purge,
    /// Before a backup is restored over the database.
    Restore,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::Migration => "migration",
            Self::Import => "import",
            Self::GuestImport => "guest-import",
            Self::Purge => "purge",
            Self::Restore => "restore",
        }
    }
}

const STAMP: &str = "%Y%m%dT%H%M%S%3fZ";
const DAY: i64 = 24 * 60 * 60;

/// The backups folder of the database at `db`.
pub fn folder(db: &Path) -> PathBuf {
    db.with_file_name("backups")
}

/// The name every backup of `db` starts with (the database's file stem).
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "desk".to_owned())
}

/// Held while a backup is made or restored: two copies of a large file at once would each
/// take twice as long, and two daily ones would both find none and both be made.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    // A backup that panicked left no half-made copy counted (see `copy_into`).
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Copies the database open on `conn` into its backups folder, checks the copy and prunes
/// old backups. The copy has the database's key.
pub(crate) fn make(
    conn: &Connection,
    db: &Path,
    key: &Key,
    reason: Reason,
) -> Result<BackupInfo, StoreError> {
    let _one = one_at_a_time();
    make_held(conn, db, key, reason)
}

/// [`make`], [`ONE_AT_A_TIME`] held by the caller.
fn make_held(
    conn: &Connection,
    db: &Path,
    key: &Key,
    reason: Reason,
) -> Result<BackupInfo, StoreError> {
    let dir = folder(db);
    private::create_folder(&dir)?;
    let now = Utc::now();
    let name = format!(
        "{}-{}-{}.sqlite",
        stem(db),
        now.format(STAMP),
        reason.as_str()
    );
    let target = dir.join(&name);
    let partial = with_suffix(&target, ".partial");
    copy_into(conn, &partial, key)?;
    std::fs::rename(&partial, &target).map_err(|source| StoreError::Io {
        path: target.clone(),
        source,
    })?;
    private::sync_folder_of(&target);
    prune(db, now)?;
    info(&target, db).ok_or_else(|| {
        StoreError::BackupFailed(format!("{} could not be listed", target.display()))
    })
}

/// Writes a verified encrypted copy of `conn`'s database to `target` (0600), or nothing.
pub(crate) fn copy_into(conn: &Connection, target: &Path, key: &Key) -> Result<(), StoreError> {
    let written = (|| {
        let _ = std::fs::remove_file(target);
        drop(private::create_file(target)?);
        let mut copy = cipher::open_keyed(target, key, false)?;
        {
            // In one step, so in one read of the source: copied in parts, a backup starts
            // again whenever another connection commits between two parts, and the day's
            // backup, made on a connection of its own while the window writes, might never
            // end. In WAL mode that read does not hold up the writer.
            let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
            // Busy or locked (a writer between transactions): try again shortly.
            while backup.step(-1)? != rusqlite::backup::StepResult::Done {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
        let verdict = cipher::integrity(&copy)?;
        if verdict != "ok" {
            return Err(StoreError::BackupFailed(format!(
                "the copy {} failed its check ({verdict}): the database itself may be damaged; \
                 run desk check",
                target.display()
            )));
        }
        // The copy is complete on its own: no WAL beside it.
        copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        drop(copy);
        cipher::remove_sidecars(target);
        std::fs::File::open(target)
            .and_then(|f| f.sync_all())
            .map_err(|source| StoreError::Io {
                path: target.to_path_buf(),
                source,
            })
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(target);
        cipher::remove_sidecars(target);
    }
    written
}

/// When the backup at `path` was made, from its name.
fn parse(path: &Path, db: &Path) -> Option<(DateTime<Utc>, String, bool)> {
    let name = path.file_name()?.to_str()?;
    let (name, verified) = match name.strip_suffix(".sqlite.partial") {
        Some(rest) => (rest, false),
        None => (name.strip_suffix(".sqlite")?, true),
    };
    let rest = name.strip_prefix(&stem(db))?.strip_prefix('-')?;
    let (stamp, reason) = rest.split_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((at, reason.to_owned(), verified))
}

fn info(path: &Path, db: &Path) -> Option<BackupInfo> {
    let (at, reason, named_verified) = parse(path, db)?;
    let meta = std::fs::metadata(path).ok()?;
    let size = meta.len();
    Some(BackupInfo {
        file: path.display().to_string(),
        made_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size,
        // The name is given only to a copy that passed its check, but a name alone is not
        // trusted: an empty or cut file (a full disk, a hand-made file) is no backup, and the
        // guest import relies on the day's backup being one. Every page size SQLite allows
        // is a multiple of 512.
        verified: named_verified && meta.is_file() && size > 0 && size % 512 == 0,
        reason,
    })
}

/// The backups of the database at `db`, the newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = folder(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut found: Vec<BackupInfo> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| info(&entry.path(), db))
        .collect();
    found.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.file.cmp(&a.file)));
    Ok(found)
}

/// The newest verified backup of `db`.
pub fn newest(db: &Path) -> Result<Option<BackupInfo>, StoreError> {
    Ok(list(db)?.into_iter().find(|b| b.verified))
}

/// Keeps the newest backup of each of the last 7 days, 4 weeks and 12 months that have one;
/// removes the other verified backups, and copies left half-written over an hour ago.
fn prune(db: &Path, now: DateTime<Utc>) -> Result<(), StoreError> {
    let mut all: Vec<(DateTime<Utc>, PathBuf, bool)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(folder(db)) {
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if let Some((at, _, verified)) = parse(&path, db) {
                all.push((at, path, verified));
            }
        }
    }
    all.sort_by_key(|b| std::cmp::Reverse(b.0));
    let verified: Vec<&(DateTime<Utc>, PathBuf, bool)> = all.iter().filter(|b| b.2).collect();
    let keep = retained(&verified.iter().map(|b| b.0).collect::<Vec<_>>());
    for (i, (_, path, _)) in verified.iter().enumerate() {
        if !keep.contains(&i) {
            let _ = std::fs::remove_file(path);
        }
    }
    for (at, path, ok) in &all {
        if !ok && (now - *at).num_seconds() > 3600 {
            let _ = std::fs::remove_file(path);
        }
    }
    Ok(())
}

/// Which of the backups made at `times` (newest first) the 7 daily / 4 weekly / 12 monthly
/// rule keeps: the newest of each day, week and month, for as many as each keeps.
pub fn retained(times: &[DateTime<Utc>]) -> BTreeSet<usize> {
    let mut keep = BTreeSet::new();
    let mut pick = |period: &dyn Fn(&DateTime<Utc>) -> (i32, u32), count: usize| {
        let mut seen = Vec::new();
        for (i, at) in times.iter().enumerate() {
            let p = period(at);
            if !seen.contains(&p) {
                if seen.len() == count {
                    break;
                }
                seen.push(p);
                keep.insert(i);
            }
        }
    };
    pick(&|at| (at.year(), at.ordinal()), 7);
    pick(
        &|at| {
            let week = at.iso_week();
            (week.year(), week.week())
        },
        4,
    );
    pick(&|at| (at.year(), at.month()), 12);
    keep
}

/// Whether the day's backup of `db` is due: its newest verified backup is a day old or more,
/// or it has none.
fn daily_due(db: &Path) -> Result<bool, StoreError> {
    Ok(match newest(db)? {
        None => true,
        Some(last) => DateTime::parse_from_rfc3339(&last.made_at)
            .map(|at| (Utc::now() - at.with_timezone(&Utc)).num_seconds() >= DAY)
            .unwrap_or(true),
    })
}

/// The day's backup of the database at `db`, if it is due, made on a connection of its own:
/// the window's store goes on reading and writing meanwhile (a twenty-year file takes about a
/// minute to copy and check, which the first screen of the day used to wait for).
pub fn daily_beside(db: &Path, key: &Key) -> Result<Option<BackupInfo>, StoreError> {
    let made = daily(db, key, None)?;
    if made.is_none() {
        // A copy cut short when an earlier window closed before it was done is removed
        // once it is an hour old, here as after any backup (pruning twice is harmless).
        prune(db, Utc::now())?;
    }
    Ok(made)
}

/// The day's backup of `db` if it is due, copied from `conn`, or from a read connection of
/// its own when none is given; none when it is not due.
fn daily(
    db: &Path,
    key: &Key,
    conn: Option<&Connection>,
) -> Result<Option<BackupInfo>, StoreError> {
    let _one = one_at_a_time();
    if !daily_due(db)? {
        return Ok(None);
    }
    let made = match conn {
        Some(conn) => make_held(conn, db, key, Reason::Daily),
        None => make_held(
            &cipher::open_keyed_read_only(db, key)?,
            db,
            key,
            Reason::Daily,
        ),
    };
    made.map(Some)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The backup the database now holds.
    pub from: PathBuf,
    /// Where the file it replaced was kept (still encrypted, with its WAL beside it).
    pub aside: Option<PathBuf>,
}

/// Puts the backup `from` in place of the database at `db`. The backup must open with `key`
/// and pass its integrity check; a verified copy of it is written beside the database, the
/// database that was there (damaged or not) is moved into the backups folder as
/// `…-replaced.sqlite.aside`, never deleted, and the copy takes its place.
pub fn restore(db: &Path, key: &Key, from: &Path) -> Result<Restored, StoreError> {
    let _one = one_at_a_time();
    let source = cipher::open_keyed_read_only(from, key).map_err(|e| match e {
        StoreError::WrongKey(_) => StoreError::WrongKey(format!(
            "the key of {} (the backup {} was made with another key)",
            db.display(),
            from.display()
        )),
        other => other,
    })?;
    let verdict = cipher::integrity(&source)?;
    if verdict != "ok" {
        return Err(StoreError::BackupFailed(format!(
            "the backup {} failed its check ({verdict}); nothing was changed: choose an older one",
            from.display()
        )));
    }
    if let Some(parent) = db.parent() {
        private::create_folder(parent)?;
    }
    let incoming = with_suffix(db, ".restoring");
    copy_into(&source, &incoming, key)?;
    drop(source);

    let aside = if cipher::file_state(db)? == cipher::FileState::Missing {
        let _ = std::fs::remove_file(db);
        None
    } else {
        let dir = folder(db);
        private::create_folder(&dir)?;
        let name = format!(
            "{}-{}-replaced.sqlite.aside",
            stem(db),
            Utc::now().format(STAMP)
        );
        let target = dir.join(name);
        for suffix in ["", "-wal", "-shm"] {
            let from = with_suffix(db, suffix);
            if from.exists() {
                std::fs::rename(&from, with_suffix(&target, suffix)).map_err(|source| {
                    StoreError::Io {
                        path: from.clone(),
                        source,
                    }
                })?;
            }
        }
        Some(target)
    };
    std::fs::rename(&incoming, db).map_err(|source| StoreError::Io {
        path: db.to_path_buf(),
        source,
    })?;
    private::sync_folder_of(db);
    private::restrict_database(db);
    Ok(Restored {
        from: from.to_path_buf(),
        aside,
    })
}

impl Store {
    /// Backs the database up into its backups folder (a database in memory has none).
    pub fn backup(&self, reason: Reason) -> Result<Option<BackupInfo>, StoreError> {
        match &self.file {
            Some((path, key)) => make(&self.conn, path, key, reason).map(Some),
            None => Ok(None),
        }
    }

    /// Writes a verified encrypted copy of the database to `target` (`desk backup --out`).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let key = match &self.file {
            Some((_, key)) => key,
            None => {
                return Err(StoreError::BackupFailed(
                    "a database in memory has no key to copy with".into(),
                ));
            }
        };
        let partial = with_suffix(target, ".partial");
        copy_into(&self.conn, &partial, key)?;
        std::fs::rename(&partial, target).map_err(|source| StoreError::Io {
            path: target.to_path_buf(),
            source,
        })?;
        private::sync_folder_of(target);
        Ok(())
    }

    /// The daily backup: made when the newest backup is older than a day (or there is none).
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>, StoreError> {
        match &self.file {
            Some((path, key)) => daily(path, key, Some(&self.conn)),
            None => Ok(None),
        }
    }

    /// Backs up before a risky operation; the operation does not start if the copy fails.
    pub(crate) fn backup_before(&self, reason: Reason) -> Result<(), StoreError> {
        self.backup(reason).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn the_newest_of_each_day_week_and_month_is_kept() {
        // Two a day for sixty days, newest first.
        let mut times = Vec::new();
        for day in (0..60).rev() {
            let date = at(2026, 1, 1, 0) + chrono::Duration::days(day);
            times.push(date + chrono::Duration::hours(18));
            times.push(date + chrono::Duration::hours(9));
        }
        let keep = retained(&times);
        // The evening copies of the last 7 days.
        for i in 0..7 {
            assert!(keep.contains(&(i * 2)), "day {i} kept");
            assert!(!keep.contains(&(i * 2 + 1)), "morning of day {i} dropped");
        }
        let kept: Vec<_> = keep.iter().map(|i| times[*i]).collect();
        // Days: 7; weeks beyond those days and months add a handful, never the morning ones.
        assert!(kept.len() <= 7 + 4 + 12);
        assert!(kept.iter().all(|t| t.format("%H").to_string() == "18"));
        // The oldest month (January) keeps its newest copy.
        assert!(kept.contains(&at(2026, 1, 31, 18)));
    }
}
