//! Hosting duties: tasks with an assignee, a due date and a status, often created from a
//! checklist template whose due dates count back from the event's first day.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::optional_id;
use crate::error::Error;
use crate::named;

named! {
    #[derive(Default)]
    pub enum TaskStatus {
        #[default]
        Todo = "todo",
        Doing = "doing",
        Done = "done",
        Cancelled = "cancelled",
    }
}

impl TaskStatus {
    pub fn is_open(self) -> bool {
        matches!(self, Self::Todo | Self::Doing)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Task {
    pub id: String,
    pub delegation_id: String,
    pub title: String,
    pub assignee_id: Option<String>,
    #[ts(type = "string | null")]
    pub due_on: Option<NaiveDate>,
    pub status: TaskStatus,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct TaskInput {
    pub title: String,
    pub assignee_id: Option<String>,
    pub due_on: String,
    /// One of [`TaskStatus`]'s names; empty means `todo`.
    pub status: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTask {
    pub title: String,
    pub assignee_id: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: TaskStatus,
    pub notes: String,
}

impl TaskInput {
    pub fn validate(&self) -> Result<ValidTask, Error> {
        let mut check = Check::new();
        let title = check.required("title", "Title", &self.title);
        let due_on = check.optional_date("due_on", "Due date", &self.due_on);
        let status = if self.status.trim().is_empty() {
            Some(TaskStatus::Todo)
        } else {
            check.one_of("status", "Status", &self.status, &TaskStatus::choices())
        };
        let notes = check.multiline("notes", "Notes", &self.notes);
        check.finish(|| {
            Some(ValidTask {
                title,
                assignee_id: optional_id(&self.assignee_id),
                due_on: due_on?,
                status: status?,
                notes,
            })
        })
    }
}

/// One line of a checklist template: a duty due `days_before` the event's first day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub title: String,
    /// Days before the first day (60 = two months ahead; 0 = on the day; negative = after).
    pub days_before: i32,
}

/// The due date of a checklist line for an event starting on `first_day`.
pub fn due_date(first_day: NaiveDate, days_before: i32) -> NaiveDate {
    first_day - Duration::days(i64::from(days_before))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_count_back_from_the_first_day() {
        let first = NaiveDate::from_ymd_opt(2017, 11, 27).unwrap_or_default();
        assert_eq!(due_date(first, 60).to_string(), "2017-09-28");
        assert_eq!(due_date(first, 3).to_string(), "2017-11-24");
        assert_eq!(
            due_date(first, -2).to_string(),
            "2017-11-29",
            "after the start"
        );
    }
}
