//! The office's settings, one JSON value per key in the `setting` table.

use desk_domain::Settings;
use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

const KEY: &str = "office";

impl Store {
    /// The settings, or the defaults where nothing was saved.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let saved: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |row| {
                row.get(0)
            })
            .optional()?;
        match saved {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("settings: {e}"))),
            None => Ok(Settings::default()),
        }
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings, StoreError> {
        let valid = settings.validated()?;
        let old = self.settings()?;
        let json = serde_json::to_string(&valid).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let writer = self.writer()?;
        writer.tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![KEY, json],
        )?;
        if old != valid {
            writer.note("setting", KEY, "*", &json)?;
        }
        writer.commit()?;
        Ok(valid)
    }
}
