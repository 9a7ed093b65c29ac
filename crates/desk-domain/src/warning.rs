//! Things that are allowed but deserve attention: a person booked on two trips at once, a
//! member whose days fall outside the trip. The store finds the records; the rules are here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A closed range of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Days {
    pub fn new(first: NaiveDate, last: NaiveDate) -> Self {
        Self { first, last }
    }

    /// True when the two ranges share at least one day (a trip ending on the 9th and one
    /// starting on the 9th overlap: the person cannot be in both places that day).
    pub fn overlaps(self, other: Self) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    pub fn contains(self, other: Self) -> bool {
        self.first <= other.first && other.last <= self.last
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The person is also a member of another delegation on some of the same days.
    OverlappingTrip {
        person_id: String,
        person_name: String,
        other_delegation_id: String,
        other_title: String,
    },
    /// The member's join/leave days fall outside the delegation's dates.
    DaysOutsideTrip {
        person_id: String,
        person_name: String,
    },
}

impl Warning {
    pub fn message(&self) -> String {
        match self {
            Self::OverlappingTrip {
                person_name,
                other_title,
                ..
            } => format!("{person_name} is also on \"{other_title}\" on some of the same days"),
            Self::DaysOutsideTrip { person_name, .. } => {
                format!("{person_name}'s days fall outside the delegation's dates")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn ranges_sharing_a_day_overlap() {
        let singapore = Days::new(d("2016-09-06"), d("2016-09-09"));
        assert!(singapore.overlaps(Days::new(d("2016-09-09"), d("2016-09-12"))));
        assert!(!singapore.overlaps(Days::new(d("2016-09-10"), d("2016-09-12"))));
        assert!(singapore.contains(Days::new(d("2016-09-07"), d("2016-09-08"))));
    }
}
