//! The office's settings, one JSON value per key in the `setting` table.

use desk_domain::Settings;
use rusqlite::OptionalExtension;

use crate::{Store, StoreError};

const KEY: &str = "office";

impl Store {
    /// The text kept under `key` in the `setting` table, if any.
    pub(crate) fn setting_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// The JSON value kept under `key`, read as `T`; `what` names it when it is damaged.
    pub(crate) fn setting_json<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        what: &str,
    ) -> Result<Option<T>, StoreError> {
        self.setting_text(key)?
            .map(|json| {
                serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
            })
            .transpose()
    }

    /// The settings, or the defaults where nothing was saved.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        Ok(self.setting_json(KEY, "settings")?.unwrap_or_default())
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings, StoreError> {
        let valid = settings.validated()?;
        let old = self.settings()?;
        let json = serde_json::to_string(&valid).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let writer = self.writer()?;
        writer.put_setting(KEY, &json)?;
        if old != valid {
            writer.note("setting", KEY, "*", &json)?;
        }
        writer.commit()?;
        Ok(valid)
    }
}
