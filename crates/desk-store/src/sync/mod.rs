//! Sync between machines through a shared folder (a file server, Syncthing or Nextcloud, a
//! USB stick): no server of our own and no network code of our own.
//!
//! Layout of the folder:
//!
//! ```text
//! office.json                      how the key is derived from the passphrase (no secret)
//! <device id>/000000000001.change  one sealed file per committed change of that device
//! <device id>/snapshot-000000000007.snapshot   everything that device held at its change 7
//! ```
//!
//! Each device only ever adds files to its own subfolder and never edits or deletes another
//! device's, so any file-sync tool carries them without conflicts of its own. A sync reads
//! every new file of the others (all of them opened and checked before any is applied),
//! applies them in stamp order, one transaction each together with how far it got, then
//! writes its own new changes. A process killed at any point loses nothing: the next sync
//! starts from what was committed.

mod apply;
mod capture;
pub(crate) mod clock;
mod seal;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::session::{ConflictAction, ConflictType, Session};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

pub(crate) use capture::Capture;

use desk_domain::{Keep, SyncConflict, SyncReport, SyncStatus};

use crate::{Store, StoreError, migrate::LATEST_VERSION};

/// The first line of every change and snapshot file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Header {
    format: u32,
    device: String,
    device_name: String,
    /// The change's sequence number on its device (for a snapshot: the last one it holds).
    seq: i64,
    stamp: String,
    /// The schema version of the desk that wrote it.
    schema: i64,
    /// A change: its audit entries. A snapshot: none.
    #[serde(default)]
    audit: Json,
    /// A snapshot: how far it holds each device's changes, and the field stamps.
    #[serde(default)]
    applied: BTreeMap<String, i64>,
    #[serde(default)]
    stamps: Vec<(String, String, String)>,
}

fn join_body(header: &Header, body: &[u8]) -> Result<Vec<u8>, StoreError> {
    let mut out =
        serde_json::to_vec(header).map_err(|e| StoreError::Corrupt(format!("sync header: {e}")))?;
    out.push(b'\n');
    out.extend_from_slice(body);
    Ok(out)
}

fn split_body(plain: Vec<u8>, place: &str) -> Result<(Header, Vec<u8>), StoreError> {
    let refused = |why: String| StoreError::SyncRefused(format!("{place}: {why}"));
    let end = plain
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| refused("it has no header".into()))?;
    let header: Header = serde_json::from_slice(&plain[..end])
        .map_err(|e| refused(format!("its header is not valid ({e})")))?;
    Ok((header, plain[end + 1..].to_vec()))
}

fn state(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

fn set_state(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// A file of the folder, written whole or not at all, readable as the folder's other files
/// are (the office's machines may read it under other accounts).
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    crate::private::write_whole(path, bytes, false)
}

/// A device writes a new snapshot once it has sent this many changes since its last one.
const SNAPSHOT_EVERY: i64 = 500;

fn change_name(seq: i64) -> String {
    format!("{seq:012}.change")
}

fn snapshot_name(seq: i64) -> String {
    format!("snapshot-{seq:012}.snapshot")
}

/// The name this device gives itself in the folder (the computer's name).
fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "desk".to_owned())
}

/// The other devices' subfolders in the folder.
fn other_devices(folder: &Path, me: &str) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io(folder))? {
        let entry = entry.map_err(io(folder))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != me && entry.path().is_dir() && uuid::Uuid::parse_str(&name).is_ok() {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

fn files_of(dir: &Path, suffix: &str) -> Result<Vec<(i64, PathBuf)>, StoreError> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out); // a device that has written nothing yet
    }
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(number) = name
            .strip_suffix(suffix)
            .map(|n| n.trim_start_matches("snapshot-"))
        else {
            continue;
        };
        if let Ok(seq) = number.parse::<i64>() {
            out.push((seq, path));
        }
    }
    out.sort();
    Ok(out)
}

/// The largest file the folder may hand the desk (a snapshot of twenty years is about a
/// gigabyte): anything larger is not the desk's and is not read into memory.
const MAX_FILE: u64 = 4 << 30;

/// A file of the folder, whole, if it is a regular file of a size the desk writes.
fn read_sealed(path: &Path) -> Result<Vec<u8>, StoreError> {
    let meta = std::fs::metadata(path).map_err(io(path))?;
    if !meta.is_file() || meta.len() > MAX_FILE {
        return Err(StoreError::SyncRefused(format!(
            "{} in the sync folder is not a file the desk wrote (a folder, a device, or larger \
             than 4 GiB): nothing from the folder was applied",
            path.display()
        )));
    }
    std::fs::read(path).map_err(io(path))
}

fn place(device: &str, path: &Path) -> String {
    format!(
        "{device}/{}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    )
}

fn has_records(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM delegation) OR EXISTS (SELECT 1 FROM person)
             OR EXISTS (SELECT 1 FROM organisation)",
        [],
        |r| r.get(0),
    )?)
}

fn synced_tables(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    Ok(conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .filter_map(|r| match r {
            // Virtual tables (the full-text index) are rebuilt, not copied; a generated
            // column's VIRTUAL is no reason to leave a table out.
            Ok((name, Some(sql)))
                if capture::synced(&name) && !sql.starts_with("CREATE VIRTUAL TABLE") =>
            {
                Some(Ok((name, sql)))
            }
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?)
}

impl Store {
    /// This device's id once it has joined a sync folder.
    pub fn sync_device(&self) -> Result<Option<String>, StoreError> {
        capture::device(&self.conn)
    }

    /// The folder this device syncs with, once chosen.
    pub fn sync_folder(&self) -> Result<Option<PathBuf>, StoreError> {
        Ok(state(&self.conn, "folder")?.map(PathBuf::from))
    }

    /// Chooses the folder before the first sync. A device that has joined a folder keeps
    /// it: the others know it by its files there.
    pub fn choose_sync_folder(&mut self, folder: &Path) -> Result<(), StoreError> {
        if capture::device(&self.conn)?.is_some() {
            return Err(StoreError::Domain(desk_domain::Error::new(
                desk_domain::ErrorKind::Conflict,
                "this device already syncs with a folder; it keeps that folder",
            )));
        }
        set_state(&self.conn, "folder", &folder.to_string_lossy())
    }

    /// Settings → Sync: the folder's name, whether this device has joined, what waits.
    pub fn sync_status(&self, passphrase_kept: bool) -> Result<SyncStatus, StoreError> {
        Ok(SyncStatus {
            folder: self
                .sync_folder()?
                .and_then(|f| f.file_name().map(|n| n.to_string_lossy().into_owned())),
            joined: capture::device(&self.conn)?.is_some(),
            device_name: state(&self.conn, "name")?.unwrap_or_else(host_name),
            passphrase_kept,
            open_conflicts: self.conflicts()?.len() as u32,
            last_sync: state(&self.conn, "last_sync")?,
            auto: state(&self.conn, "auto")?.as_deref() == Some("on"),
        })
    }

    /// Turns the automatic sync on or off for this device.
    pub fn set_auto_sync(&mut self, on: bool) -> Result<(), StoreError> {
        set_state(&self.conn, "auto", if on { "on" } else { "off" })
    }

    /// The automatic sync (at start, every few minutes, at close): a sync with the
    /// remembered folder when this device has joined one, the automatic sync is on and a
    /// passphrase is at hand; `None` when it is not for now.
    pub fn sync_if_automatic(
        &mut self,
        passphrase: Option<&str>,
    ) -> Option<Result<SyncReport, StoreError>> {
        let joined = matches!(capture::device(&self.conn), Ok(Some(_)));
        let on = matches!(state(&self.conn, "auto"), Ok(Some(v)) if v == "on");
        match (joined && on, passphrase) {
            (true, Some(pass)) => Some(self.sync(None, pass)),
            _ => None,
        }
    }

    /// One sync with `folder` (the one remembered when `None`): apply every other
    /// device's new changes, then write this device's. The first device to use a folder
    /// sets its passphrase; a device whose database is empty joins from the newest
    /// snapshot.
    pub fn sync(
        &mut self,
        folder: Option<&Path>,
        passphrase: &str,
    ) -> Result<SyncReport, StoreError> {
        let folder = match folder {
            Some(f) => f.to_owned(),
            None => self.sync_folder()?.ok_or_else(|| {
                StoreError::SyncLocked("no sync folder has been chosen yet".into())
            })?,
        };
        if !folder.is_dir() {
            return Err(StoreError::Io {
                path: folder.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the sync folder does not exist",
                ),
            });
        }
        let key = match seal::read_office(&folder)? {
            Some(office) => office.unlock(passphrase)?,
            None => {
                let (office, key) = seal::Office::new(passphrase)?;
                let json = serde_json::to_vec_pretty(&office)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                write_whole(&folder.join("office.json"), &json)?;
                key
            }
        };
        let mut report = SyncReport::default();
        let started = crate::now_rfc3339();
        let mut me = match capture::device(&self.conn)? {
            Some(me) => me,
            None => {
                report.joined = true;
                self.join(&folder, &key)?
            }
        };
        // The folder holds changes of this device that its database does not know (another
        // change under the same number, or none): the database was put back from a backup
        // (or copied). It goes on as a new device and receives its own lost changes from the
        // folder like any other device's.
        let sent: i64 = state(&self.conn, "sent")?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        for (seq, path) in files_of(&folder.join(&me), ".change")? {
            if seq <= sent {
                continue;
            }
            let where_ = place(&me, &path);
            let sealed = read_sealed(&path)?;
            let (header, _) = split_body(key.open(&sealed, &where_)?, &where_)?;
            let ours: Option<String> = self
                .conn
                .query_row("SELECT stamp FROM sync_outbox WHERE seq = ?1", [seq], |r| {
                    r.get(0)
                })
                .optional()?;
            if ours.as_deref() != Some(header.stamp.as_str()) {
                me = self.renew_device(&me, sent)?;
                break;
            }
        }
        set_state(&self.conn, "folder", &folder.to_string_lossy())?;
        report.device = me.clone();
        let own = folder.join(&me);
        std::fs::create_dir_all(&own).map_err(io(&own))?;

        // Everything new from the others, opened and checked before anything is applied.
        let mut incoming = Vec::new();
        for device in other_devices(&folder, &me)? {
            let applied: i64 = self
                .conn
                .query_row(
                    "SELECT seq FROM sync_applied WHERE device = ?1",
                    [&device],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            let mut next = applied + 1;
            for (seq, path) in files_of(&folder.join(&device), ".change")? {
                if seq < next {
                    continue;
                }
                if seq > next {
                    break; // a gap: the rest waits until the file-sync tool brings it
                }
                let where_ = place(&device, &path);
                let sealed = read_sealed(&path)?;
                let (header, body) = split_body(key.open(&sealed, &where_)?, &where_)?;
                if header.device != device || header.seq != seq {
                    return Err(StoreError::SyncRefused(format!(
                        "{where_} says it is another device's or another change: refused whole"
                    )));
                }
                if header.schema > LATEST_VERSION {
                    report.held_back.push(header.device_name.clone());
                    break;
                }
                incoming.push((header, body));
                next += 1;
            }
        }
        incoming.sort_by(|a, b| a.0.stamp.cmp(&b.0.stamp));
        for (header, body) in incoming {
            self.apply_one(&apply::Incoming {
                device: header.device,
                seq: header.seq,
                stamp: header.stamp,
                changeset: body,
                audit: header.audit,
            })?;
            report.received += 1;
        }

        report.sent = self.send(&folder, &me, &key)? as u32;
        // A fresh snapshot now and then, so that a machine joining later starts from it
        // instead of replaying years of changes.
        let last: i64 = state(&self.conn, "snapshot_seq")?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let sent: i64 = state(&self.conn, "sent")?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if sent - last >= SNAPSHOT_EVERY {
            self.write_snapshot(&folder, &me, &key)?;
        }
        set_state(&self.conn, "last_sync", &started)?;
        report.open_conflicts = self.conflicts()?.len() as u32;
        Ok(report)
    }

    /// Joins the folder: a new device id; an empty database first loads the newest
    /// snapshot of another device; a database with records writes its own snapshot, so that
    /// the next device to join receives them. A database with records cannot join a folder
    /// that already holds another office's records (that would be two truths merged).
    fn join(&mut self, folder: &Path, key: &seal::FolderKey) -> Result<String, StoreError> {
        let me = uuid::Uuid::now_v7().to_string();
        let mut newest: Option<(String, String, PathBuf)> = None;
        let others = other_devices(folder, &me)?;
        for device in &others {
            for (_, path) in files_of(&folder.join(device), ".snapshot")? {
                let sealed = read_sealed(&path)?;
                let where_ = place(device, &path);
                let (header, _) = split_body(key.open(&sealed, &where_)?, &where_)?;
                if newest
                    .as_ref()
                    .is_none_or(|(stamp, _, _)| header.stamp > *stamp)
                {
                    newest = Some((header.stamp, device.clone(), path));
                }
            }
        }
        let records = has_records(&self.conn)?;
        if records && !others.is_empty() {
            return Err(StoreError::SyncRefused(
                "this database already holds records and the sync folder holds another \
                 database's: to join the office, start from an empty database (a new one, or \
                 after a backup) and sync it with this folder"
                    .into(),
            ));
        }
        if let Some((_, device, path)) = &newest {
            let sealed = read_sealed(path)?;
            let where_ = place(device, path);
            let (header, body) = split_body(key.open(&sealed, &where_)?, &where_)?;
            self.load_snapshot(&header, &body)?;
        }
        set_state(&self.conn, "device", &me)?;
        set_state(&self.conn, "name", &host_name())?;
        // The device's own row is its first change, so every device learns its name.
        let writer = self.writer()?;
        writer.raw().execute(
            "INSERT OR REPLACE INTO sync_device (id, name) VALUES (?1, ?2)",
            params![me, host_name()],
        )?;
        writer.commit()?;
        if records {
            self.write_snapshot(folder, &me, key)?;
        }
        Ok(me)
    }

    /// A new id for this device, after its database was put back to an earlier state: what
    /// the old id wrote after `known` is applied as another device's, and the changes made
    /// since (still in the outbox, numbered after `known`) are sent under the new id.
    fn renew_device(&mut self, old: &str, known: i64) -> Result<String, StoreError> {
        let new = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        set_state(&tx, "device", &new)?;
        tx.execute(
            "INSERT INTO sync_applied (device, seq) VALUES (?1, ?2)
             ON CONFLICT (device) DO UPDATE SET seq = excluded.seq",
            params![old, known],
        )?;
        // The outbox now holds the new device's changes only, numbered from 1.
        tx.execute("DELETE FROM sync_outbox WHERE seq <= ?1", [known])?;
        tx.execute("UPDATE sync_outbox SET seq = seq - ?1", [known])?;
        set_state(&tx, "sent", "0")?;
        tx.commit()?;
        let name = state(&self.conn, "name")?.unwrap_or_else(host_name);
        let writer = self.writer()?;
        writer.raw().execute(
            "INSERT OR REPLACE INTO sync_device (id, name) VALUES (?1, ?2)",
            params![new, name],
        )?;
        writer.commit()?;
        Ok(new)
    }

    /// Everything this database holds (its synced tables) as one changeset of insertions,
    /// made by SQLite's own diff against an empty copy of the schema.
    fn write_snapshot(
        &mut self,
        folder: &Path,
        me: &str,
        key: &seal::FolderKey,
    ) -> Result<(), StoreError> {
        let tables = synced_tables(&self.conn)?;
        self.conn
            .execute_batch("ATTACH DATABASE ':memory:' AS sync_empty KEY ''")?;
        let made = (|| -> Result<Vec<u8>, StoreError> {
            for (name, sql) in &tables {
                let Some(rest) = sql.strip_prefix("CREATE TABLE ") else {
                    continue;
                };
                let rest = rest
                    .trim_start_matches(name.as_str())
                    .trim_start_matches(&format!("\"{name}\""));
                self.conn
                    .execute_batch(&format!("CREATE TABLE sync_empty.\"{name}\" {rest}"))?;
            }
            let mut session = Session::new(&self.conn)?;
            for (name, _) in &tables {
                session.attach(Some(name.as_str()))?;
                session.diff("sync_empty", name.as_str())?;
            }
            let mut bytes = Vec::new();
            session.changeset_strm(&mut bytes)?;
            Ok(bytes)
        })();
        self.conn.execute_batch("DETACH DATABASE sync_empty")?;
        let body = made?;
        let seq: i64 =
            self.conn
                .query_row("SELECT coalesce(max(seq), 0) FROM sync_outbox", [], |r| {
                    r.get(0)
                })?;
        let mut applied: BTreeMap<String, i64> = self
            .conn
            .prepare("SELECT device, seq FROM sync_applied")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        applied.insert(me.to_owned(), seq);
        let stamps = self
            .conn
            .prepare("SELECT tbl, pk, stamps FROM sync_stamp")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let header = Header {
            format: 1,
            device: me.to_owned(),
            device_name: host_name(),
            seq,
            stamp: clock::next(&self.conn, me)?,
            schema: LATEST_VERSION,
            audit: Json::Null,
            applied,
            stamps,
        };
        let dir = folder.join(me);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let name = snapshot_name(seq);
        let sealed = key.seal(&join_body(&header, &body)?, &format!("{me}/{name}"))?;
        write_whole(&dir.join(name), &sealed)?;
        set_state(&self.conn, "snapshot_seq", &seq.to_string())
    }

    fn load_snapshot(&mut self, header: &Header, body: &[u8]) -> Result<(), StoreError> {
        if header.schema > LATEST_VERSION {
            return Err(StoreError::SyncRefused(
                "the office's records were written by a newer Delegation Desk: update this \
                 copy of the desk, then sync again"
                    .into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let mut input: &[u8] = body;
        // The empty database's own rows (default settings) give way to the office's.
        tx.apply_strm(&mut input, Some(capture::synced), |kind, _| match kind {
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        })?;
        for (device, seq) in &header.applied {
            tx.execute(
                "INSERT OR REPLACE INTO sync_applied (device, seq) VALUES (?1, ?2)",
                params![device, seq],
            )?;
        }
        for (table, pk, stamps) in &header.stamps {
            tx.execute(
                "INSERT OR REPLACE INTO sync_stamp (tbl, pk, stamps) VALUES (?1, ?2, ?3)",
                params![table, pk, stamps],
            )?;
        }
        clock::observe(&tx, &header.stamp)?;
        crate::search::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    fn apply_one(&mut self, incoming: &apply::Incoming) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let touched = apply::apply(&tx, incoming)?;
        let mut search = crate::search::Pending::default();
        for (table, pk) in touched {
            crate::search::reindex_row(&tx, &mut search, &table, &pk)?;
        }
        search.flush(&tx)?;
        if let Json::Array(entries) = &incoming.audit {
            let mut insert = tx.prepare_cached(
                "INSERT INTO audit_entry (at, actor, entity, entity_id, field, old_value,
                 new_value, device) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for entry in entries {
                let part = |i: usize| entry.get(i).and_then(Json::as_str).map(str::to_owned);
                insert.execute(params![
                    part(0).unwrap_or_default(),
                    part(1).unwrap_or_default(),
                    part(2).unwrap_or_default(),
                    part(3).unwrap_or_default(),
                    part(4).unwrap_or_default(),
                    part(5),
                    part(6),
                    incoming.device,
                ])?;
            }
        }
        tx.execute(
            "INSERT INTO sync_applied (device, seq) VALUES (?1, ?2)
             ON CONFLICT (device) DO UPDATE SET seq = excluded.seq",
            params![incoming.device, incoming.seq],
        )?;
        clock::observe(&tx, &incoming.stamp)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes each change of the outbox that is not in the folder yet.
    fn send(
        &mut self,
        folder: &Path,
        me: &str,
        key: &seal::FolderKey,
    ) -> Result<usize, StoreError> {
        let dir = folder.join(me);
        let name = state(&self.conn, "name")?.unwrap_or_else(host_name);
        let mut statement = self
            .conn
            .prepare("SELECT seq, stamp, changeset, audit FROM sync_outbox ORDER BY seq")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut sent = 0;
        for row in rows {
            let (seq, stamp, changeset, audit) = row?;
            let file = change_name(seq);
            let path = dir.join(&file);
            if path.exists() {
                // Written by a sync that was stopped before it could note it (the check at
                // the start of this sync found it to be this very change).
                set_state(&self.conn, "sent", &seq.to_string())?;
                continue;
            }
            let header = Header {
                format: 1,
                device: me.to_owned(),
                device_name: name.clone(),
                seq,
                stamp,
                schema: LATEST_VERSION,
                audit: serde_json::from_str(&audit).unwrap_or(Json::Null),
                applied: BTreeMap::new(),
                stamps: Vec::new(),
            };
            let sealed = key.seal(&join_body(&header, &changeset)?, &format!("{me}/{file}"))?;
            write_whole(&path, &sealed)?;
            set_state(&self.conn, "sent", &seq.to_string())?;
            sent += 1;
        }
        Ok(sent)
    }
}

fn stamp_time(stamp: &str) -> String {
    stamp
        .split('.')
        .next()
        .and_then(|ms| ms.parse::<i64>().ok())
        .and_then(chrono::DateTime::from_timestamp_millis)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

struct ConflictRow {
    id: String,
    kind: String,
    record: String,
    field: String,
    first: (Json, String, String),
    second: (Json, String, String),
}

impl Store {
    fn conflict_rows(&self, only: Option<&str>) -> Result<Vec<ConflictRow>, StoreError> {
        let json = |text: Option<String>| {
            text.and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Json::Null)
        };
        Ok(self
            .conn
            .prepare(
                "SELECT id, record_kind, record_id, field, first_value, first_device,
                 first_stamp, second_value, second_device, second_stamp FROM sync_conflict
                 WHERE resolved_at IS NULL AND (?1 IS NULL OR id = ?1) ORDER BY found_at, id",
            )?
            .query_map([only], |r| {
                Ok(ConflictRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    record: r.get(2)?,
                    field: r.get(3)?,
                    first: (json(r.get(4)?), r.get(5)?, r.get(6)?),
                    second: (json(r.get(7)?), r.get(8)?, r.get(9)?),
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// The conflicts no person has settled yet, the oldest first.
    pub fn conflicts(&self) -> Result<Vec<SyncConflict>, StoreError> {
        let me = capture::device(&self.conn)?.unwrap_or_default();
        let names: BTreeMap<String, String> = self
            .conn
            .prepare("SELECT id, name FROM sync_device")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::new();
        for row in self.conflict_rows(None)? {
            // From this device's side: its own value is "mine"; where it made neither, the
            // value applied (the later one) stands for it.
            let mine_first = row.first.1 == me && row.second.1 != me;
            let (mine, theirs) = if mine_first {
                (&row.first, &row.second)
            } else {
                (&row.second, &row.first)
            };
            let label: Option<String> = self
                .conn
                .query_row(
                    "SELECT label FROM search_entry WHERE record_id = ?1 LIMIT 1",
                    [&row.record],
                    |r| r.get(0),
                )
                .optional()?;
            out.push(SyncConflict {
                id: row.id,
                record_label: label.unwrap_or_else(|| format!("{} {}", row.kind, row.record)),
                record_kind: row.kind,
                record_id: row.record,
                field: row.field,
                mine: mine.0.clone(),
                theirs: theirs.0.clone(),
                their_device: names.get(&theirs.1).cloned().unwrap_or(theirs.1.clone()),
                their_time: stamp_time(&theirs.2),
                applied: if mine_first { "theirs" } else { "mine" }.to_owned(),
            });
        }
        Ok(out)
    }

    /// Settles a conflict with the side a person keeps. Writing that value is itself a
    /// change that syncs (with a later stamp than both sides), so every device ends equal;
    /// so is the conflict's own row, so it leaves every device's list.
    pub fn resolve_conflict(&mut self, id: &str, keep: Keep) -> Result<SyncConflict, StoreError> {
        let shown = self
            .conflicts()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| StoreError::NotFound {
                what: "conflict",
                id: id.to_owned(),
            })?;
        let rows = self.conflict_rows(Some(id))?;
        let row = rows.first().ok_or_else(|| StoreError::NotFound {
            what: "conflict",
            id: id.to_owned(),
        })?;
        let value = match keep {
            Keep::Mine => shown.mine.clone(),
            Keep::Theirs => shown.theirs.clone(),
        };
        let kept = if value == row.first.0 {
            "first"
        } else {
            "second"
        };
        let writer = self.writer()?;
        let tx = writer.raw();
        let table = shown.record_kind.as_str();
        let pk = shown.record_id.as_str();
        let exists: bool = tx.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{}\" = ?1)",
                apply::key_column(tx, table)?
            ),
            [pk],
            |r| r.get(0),
        )?;
        if shown.field == "*" {
            match (&value, exists) {
                (Json::Object(row), false) => apply::insert_row(tx, table, row)?,
                (Json::Object(row), true) => {
                    for (column, v) in row {
                        apply::set_field(tx, table, pk, column, &apply::from_json(v))?;
                    }
                }
                (_, true) => apply::delete_row(tx, table, pk)?,
                (_, false) => {}
            }
        } else if exists {
            apply::set_field(tx, table, pk, &shown.field, &apply::from_json(&value))?;
        }
        writer.note(
            table,
            pk,
            &shown.field,
            &format!("sync conflict settled: kept {value}"),
        )?;
        tx.execute(
            "UPDATE sync_conflict SET resolved_at = ?2, kept = ?3 WHERE id = ?1",
            params![id, crate::now_rfc3339(), kept],
        )?;
        writer.reindex_row(table, pk)?;
        writer.commit()?;
        Ok(shown)
    }
}

#[cfg(test)]
mod tests {
    use desk_domain::{AttachmentInput, DelegationInput, Direction};

    use super::*;

    const PASS: &str = "văn phòng hợp tác quốc tế";

    fn ok<T>(result: Result<T, StoreError>) -> T {
        result.unwrap_or_else(|e| panic!("{e}"))
    }

    /// Rewrites a device's change file with another schema version in its header, as a
    /// newer (or, back again, this) desk would have written it.
    fn restamp_schema(folder: &Path, device: &str, seq: i64, schema: i64) {
        let office = ok(seal::read_office(folder)).unwrap_or_else(|| panic!("no office.json"));
        let key = ok(office.unlock(PASS));
        let name = change_name(seq);
        let place = format!("{device}/{name}");
        let path = folder.join(device).join(&name);
        let sealed = std::fs::read(&path).unwrap_or_default();
        let (mut header, body) = ok(split_body(ok(key.open(&sealed, &place)), &place));
        header.schema = schema;
        let resealed = ok(key.seal(&ok(join_body(&header, &body)), &place));
        ok(write_whole(&path, &resealed));
    }

    /// A temporary sync folder, and an office's database holding one trip (not joined yet).
    fn office_with_trip(title: &str) -> (tempfile::TempDir, Store, desk_domain::Delegation) {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut office = ok(Store::open_in_memory());
        let trip = ok(office.create_delegation(&DelegationInput::new(
            Direction::Outgoing,
            title,
            "SG",
            "2016-09-06",
            "2016-09-09",
        )));
        (folder, office, trip)
    }

    #[test]
    fn a_machine_joining_late_starts_from_a_recent_snapshot_not_from_every_change() {
        let (folder, mut office, trip) = office_with_trip("Khảo sát");
        ok(office.sync(Some(folder.path()), PASS));
        let mut input = trip.to_input();
        for n in 0..SNAPSHOT_EVERY + 20 {
            input.notes = format!("lần sửa {n}");
            ok(office.update_delegation(&trip.id, &input));
        }
        ok(office.sync(None, PASS));
        let mut laptop = ok(Store::open_in_memory());
        let joined = ok(laptop.sync(Some(folder.path()), PASS));
        assert!(joined.joined);
        assert!(joined.received < 30, "replayed {} changes", joined.received);
        assert_eq!(ok(laptop.delegation(&trip.id)).notes, input.notes);
        // And later changes still arrive after the snapshot's.
        input.notes = "sau ảnh chụp".into();
        ok(office.update_delegation(&trip.id, &input));
        ok(office.sync(None, PASS));
        assert_eq!(ok(laptop.sync(None, PASS)).received, 1);
        assert_eq!(ok(laptop.delegation(&trip.id)).notes, "sau ảnh chụp");
    }

    #[test]
    fn the_automatic_sync_runs_only_when_turned_on_on_a_joined_device_with_a_passphrase() {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut office = ok(Store::open_in_memory());
        assert!(office.sync_if_automatic(Some(PASS)).is_none(), "not joined");
        ok(office.sync(Some(folder.path()), PASS));
        assert!(!ok(office.sync_status(true)).auto, "off until turned on");
        assert!(office.sync_if_automatic(Some(PASS)).is_none(), "off");
        ok(office.set_auto_sync(true));
        assert!(ok(office.sync_status(true)).auto);
        assert!(
            office.sync_if_automatic(None).is_none(),
            "no passphrase at hand"
        );
        let report = office.sync_if_automatic(Some(PASS));
        assert!(matches!(report, Some(Ok(_))), "{report:?}");
        ok(office.set_auto_sync(false));
        assert!(office.sync_if_automatic(Some(PASS)).is_none());
    }

    #[test]
    fn a_person_added_here_and_there_then_taken_off_there_ends_off_everywhere() {
        use desk_domain::{MemberInput, PersonInput};
        let (folder, mut office, trip) = office_with_trip("Khảo sát");
        let person = ok(office.create_person(&PersonInput {
            full_name: "Trần Mỹ Dung".into(),
            ..PersonInput::default()
        }));
        ok(office.sync(Some(folder.path()), PASS));
        let mut laptop = ok(Store::open_in_memory());
        ok(laptop.sync(Some(folder.path()), PASS));
        let on = MemberInput {
            person_id: person.id.clone(),
            ..MemberInput::default()
        };
        // The office adds her; the laptop adds her too, later, then takes her off again.
        ok(office.add_member(&trip.id, &on));
        let added = ok(laptop.add_member(&trip.id, &on));
        ok(laptop.remove_member(&added.member.id));
        ok(laptop.sync(None, PASS));
        ok(office.sync(None, PASS));
        ok(laptop.sync(None, PASS));
        // The latest word on her place in the delegation was the laptop's: off.
        assert!(ok(office.members(&trip.id)).is_empty());
        assert!(ok(laptop.members(&trip.id)).is_empty());
    }

    #[test]
    fn attachments_travel_and_a_newer_desks_changes_wait_for_the_update_unlost() {
        let (folder, mut office, trip) = office_with_trip("Khảo sát thư viện Singapore");
        ok(office.sync(Some(folder.path()), PASS));
        let mut laptop = ok(Store::open_in_memory());
        assert!(ok(laptop.sync(Some(folder.path()), PASS)).joined);

        // A scan added on the laptop reaches the office with its content.
        let scan = b"%PDF-1.4 the signed decision".to_vec();
        let added = ok(laptop.add_attachment(
            &AttachmentInput {
                delegation_id: Some(trip.id.clone()),
                kind: "decision".into(),
                file_name: "quyet-dinh.pdf".into(),
                ..AttachmentInput::default()
            },
            &scan,
        ));
        ok(laptop.sync(None, PASS));
        assert_eq!(
            ok(office.sync(None, PASS)).received,
            2,
            "the device row and the scan"
        );
        assert_eq!(ok(office.attachment_content(&added.id)), scan);

        // The office's next change comes from a newer desk: held back, not lost.
        let mut input = trip.to_input();
        input.title = "Khảo sát thư viện Singapore và Malaysia".into();
        ok(office.update_delegation(&trip.id, &input));
        ok(office.sync(None, PASS));
        let office_id = ok(office.sync_device()).unwrap_or_default();
        let seq: i64 = ok(office
            .conn
            .query_row("SELECT max(seq) FROM sync_outbox", [], |r| r.get(0))
            .map_err(StoreError::from));
        restamp_schema(folder.path(), &office_id, seq, LATEST_VERSION + 1);
        let held = ok(laptop.sync(None, PASS));
        assert_eq!(held.received, 0);
        assert_eq!(held.held_back.len(), 1, "{held:?}");
        assert_eq!(ok(laptop.delegation(&trip.id)).title, trip.title);
        // After the update (the same change, now readable), it is applied.
        restamp_schema(folder.path(), &office_id, seq, LATEST_VERSION);
        let after = ok(laptop.sync(None, PASS));
        assert_eq!(after.received, 1, "{after:?}");
        assert_eq!(ok(laptop.delegation(&trip.id)).title, input.title);
    }
}
