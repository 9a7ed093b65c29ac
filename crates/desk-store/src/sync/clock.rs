//! The hybrid logical clock that orders changes across devices.
//!
//! A stamp is `MMMMMMMMMMMMM.CCCCC.DEVICE`: milliseconds since 1970, a counter, the device's
//! id. Stamps compare as text. A device never makes a stamp lower than one it has made or
//! seen, even when its own clock is behind (a laptop back from a trip with the wrong time),
//! and the device id breaks ties, so every device puts every two changes in the same order.

use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

fn parts(stamp: &str) -> Option<(i64, i64)> {
    let mut it = stamp.split('.');
    let ms = it.next()?.parse().ok()?;
    let counter = it.next()?.parse().ok()?;
    Some((ms, counter))
}

fn last(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM sync_state WHERE key = 'clock'")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

fn keep(conn: &Connection, stamp: &str) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES ('clock', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![stamp])?;
    Ok(())
}

#[cfg(feature = "testing")]
thread_local! {
    /// A time the tests set, so that every stamp falls in one millisecond and only the
    /// counters and device ids order them, as on a fast machine or one whose clock is held.
    pub(crate) static HELD: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

fn now_ms() -> i64 {
    #[cfg(feature = "testing")]
    if let Some(ms) = HELD.with(std::cell::Cell::get) {
        return ms;
    }
    chrono::Utc::now().timestamp_millis()
}

/// The stamp of a change this device makes now.
pub(crate) fn next(conn: &Connection, device: &str) -> Result<String, StoreError> {
    let now = now_ms();
    let (ms, counter) = match last(conn)?.as_deref().and_then(parts) {
        Some((ms, counter)) if ms >= now => (ms, counter + 1),
        _ => (now, 0),
    };
    let stamp = format!("{ms:013}.{counter:05}.{device}");
    keep(conn, &stamp)?;
    Ok(stamp)
}

/// Moves the clock past a stamp seen from another device.
pub(crate) fn observe(conn: &Connection, seen: &str) -> Result<(), StoreError> {
    let ahead = match last(conn)? {
        Some(mine) => seen > mine.as_str(),
        None => true,
    };
    if ahead && parts(seen).is_some() {
        keep(conn, seen)?;
    }
    Ok(())
}
