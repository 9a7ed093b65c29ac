//! Transfers: pickups and drop-offs for a hosted delegation, usually one per arriving or
//! departing flight.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::optional_id;
use crate::error::{Error, Rule};
use crate::named;
use crate::travel::{parse_local, parse_zone};

named! {
    #[derive(Default)]
    pub enum TransferKind {
        #[default]
        Arrival = "arrival",
        Departure = "departure",
        Local = "local",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Transfer {
    pub id: String,
    pub delegation_id: String,
    /// The flight it meets or catches, if any.
    pub segment_id: Option<String>,
    pub kind: TransferKind,
    /// Local pickup time, `YYYY-MM-DDTHH:MM`, in `time_zone`.
    #[ts(type = "string")]
    pub at_local: NaiveDateTime,
    pub time_zone: String,
    pub from_place: String,
    pub to_place: String,
    pub terminal: String,
    pub passenger_ids: Vec<String>,
    pub vehicle: String,
    pub driver: String,
    pub driver_phone: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct TransferInput {
    pub segment_id: Option<String>,
    /// One of [`TransferKind`]'s names; empty means `arrival`.
    pub kind: String,
    pub at_local: String,
    pub time_zone: String,
    pub from_place: String,
    pub to_place: String,
    pub terminal: String,
    pub passenger_ids: Vec<String>,
    pub vehicle: String,
    pub driver: String,
    pub driver_phone: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTransfer {
    pub segment_id: Option<String>,
    pub kind: TransferKind,
    pub at_local: NaiveDateTime,
    pub time_zone: String,
    pub from_place: String,
    pub to_place: String,
    pub terminal: String,
    pub passenger_ids: Vec<String>,
    pub vehicle: String,
    pub driver: String,
    pub driver_phone: String,
    pub notes: String,
}

impl TransferInput {
    pub fn validate(&self) -> Result<ValidTransfer, Error> {
        let mut check = Check::new();
        let kind = if self.kind.trim().is_empty() {
            Some(TransferKind::Arrival)
        } else {
            check.one_of("kind", "Kind", &self.kind, &TransferKind::choices())
        };
        let at_local = match parse_local(&self.at_local) {
            Some(t) => Some(t),
            None => {
                check.fail(
                    "at_local",
                    Rule::InvalidTime,
                    format!(
                        "Pickup time must be written YYYY-MM-DDTHH:MM, not \"{}\"",
                        self.at_local.trim()
                    ),
                );
                None
            }
        };
        let time_zone = self.time_zone.trim().to_owned();
        if parse_zone(&time_zone).is_none() {
            check.fail(
                "time_zone",
                Rule::UnknownTimeZone,
                format!(
                    "Time zone must be an IANA zone such as Asia/Ho_Chi_Minh, not \"{time_zone}\""
                ),
            );
        }
        let from_place = check.optional("from_place", "From", &self.from_place);
        let to_place = check.optional("to_place", "To", &self.to_place);
        let terminal = check.optional("terminal", "Terminal", &self.terminal);
        let vehicle = check.optional("vehicle", "Vehicle", &self.vehicle);
        let driver = check.optional("driver", "Driver", &self.driver);
        let driver_phone = check.optional("driver_phone", "Driver's phone", &self.driver_phone);
        let notes = check.multiline("notes", "Notes", &self.notes);
        let passenger_ids = self
            .passenger_ids
            .iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        check.finish(|| {
            Some(ValidTransfer {
                segment_id: optional_id(&self.segment_id),
                kind: kind?,
                at_local: at_local?,
                time_zone,
                from_place,
                to_place,
                terminal,
                passenger_ids,
                vehicle,
                driver,
                driver_phone,
                notes,
            })
        })
    }
}
