//! A delegation: a group the library sends abroad (outgoing, "đoàn ra") or receives
//! (incoming, "đoàn vào"), from the decision that creates it to the filed report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::{Error, ErrorKind, Rule};
use crate::{named, printed};

named! {
    #[derive(Default)]
    pub enum Direction {
        /// "Đoàn ra": staff travel abroad.
        #[default]
        Outgoing = "outgoing",
        /// "Đoàn vào": a foreign delegation is hosted.
        Incoming = "incoming",
    }
}

named! {
    /// Where a delegation is in its life, from the first draft to the filed report.
    #[derive(Default)]
    pub enum DelegationStatus {
        #[default]
        Draft = "draft",
        Approved = "approved",
        Underway = "underway",
        Returned = "returned",
        Reported = "reported",
        Closed = "closed",
        Cancelled = "cancelled",
    }
}

named! {
    /// Who pays.
    #[derive(Default)]
    pub enum Funding {
        #[default]
        StateBudget = "state_budget",
        Sponsored = "sponsored",
        Mixed = "mixed",
    }
}

printed! {
    /// The name printed in the annual report and its workbook (the UI has its own
    /// dictionaries).
    Funding {
        StateBudget => "Ngân sách nhà nước", "State budget";
        Sponsored => "Tài trợ", "Sponsored";
        Mixed => "Ngân sách và tài trợ", "State budget and sponsor";
    }
}

impl DelegationStatus {
    /// The statuses a delegation may move to from this one. Forward along the life of a
    /// trip, one step back where a mistake must be undone (an approval withdrawn, a report
    /// reopened), and Cancelled until the trip has started; a cancelled plan may be revived
    /// as a draft.
    pub fn next(self) -> &'static [Self] {
        use DelegationStatus::*;
        match self {
            Draft => &[Approved, Cancelled],
            Approved => &[Underway, Draft, Cancelled],
            Underway => &[Returned],
            Returned => &[Reported, Underway],
            Reported => &[Closed, Returned],
            Closed => &[Reported],
            Cancelled => &[Draft],
        }
    }

    pub fn can_move_to(self, to: Self) -> bool {
        self.next().contains(&to)
    }

    /// The trip is over: a mission report may be made final.
    pub fn has_returned(self) -> bool {
        matches!(self, Self::Returned | Self::Reported | Self::Closed)
    }
}

/// Checks a status move; the error says which moves are allowed.
pub fn check_transition(from: DelegationStatus, to: DelegationStatus) -> Result<(), Error> {
    if from.can_move_to(to) {
        return Ok(());
    }
    let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
    Err(Error::new(
        ErrorKind::Conflict,
        format!(
            "a delegation cannot move from {from} to {to}; from {from} it can move to {}",
            allowed.join(" or ")
        ),
    )
    .coded(
        "status_move",
        &[("from", from.as_str()), ("to", to.as_str())],
    ))
}

/// One country of a trip, with the cities visited there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Destination {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Cities, as written: "Kuala Lumpur" or "Hà Nội, Hạ Long".
    pub cities: String,
}

/// A delegation as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Delegation {
    /// UUIDv7, so that records made on two laptops can later be merged.
    pub id: String,
    pub direction: Direction,
    pub title: String,
    pub purpose: String,
    /// The event attended or hosted: "2nd INELI-ASEAN session".
    pub event: String,
    /// The host (outgoing) or visiting (incoming) organisation.
    pub organisation_id: Option<String>,
    /// ISO 3166-1 alpha-2 of the (main) country visited, or of the visitors.
    pub country: String,
    /// Cities, as written: "Singapore" or "Hà Nội, Hạ Long".
    pub cities: String,
    /// The further countries of a trip to several, after the first (`country`, `cities`),
    /// in the order they are visited; empty for a trip to one country.
    #[serde(default)]
    pub more_destinations: Vec<Destination>,
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    #[ts(type = "string")]
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    pub funding: Funding,
    pub sponsor_id: Option<String>,
    /// The decision that sends or receives the delegation: number, date, signer.
    pub decision_number: String,
    #[ts(type = "string | null")]
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: String,
    pub notes: String,
    /// Set when moved to the trash; restored by clearing it.
    pub deleted_at: Option<String>,
    /// RFC 3339 with offset.
    pub created_at: String,
    pub updated_at: String,
}

/// What a user fills in to create or edit a delegation. Dates arrive as text so that a
/// malformed one is reported against its field instead of failing the whole request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DelegationInput {
    pub direction: Direction,
    pub title: String,
    pub country: String,
    pub starts_on: String,
    pub ends_on: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub organisation_id: Option<String>,
    #[serde(default)]
    pub cities: String,
    /// The further countries after the first, in order (codes as typed).
    #[serde(default)]
    pub more_destinations: Vec<Destination>,
    /// `state_budget` (default), `sponsored` or `mixed`.
    #[serde(default)]
    pub funding: String,
    #[serde(default)]
    pub sponsor_id: Option<String>,
    #[serde(default)]
    pub decision_number: String,
    #[serde(default)]
    pub decision_date: String,
    #[serde(default)]
    pub decision_signer: String,
    #[serde(default)]
    pub notes: String,
}

impl DelegationInput {
    /// The few fields every delegation needs; the rest empty.
    pub fn new(direction: Direction, title: &str, country: &str, starts: &str, ends: &str) -> Self {
        Self {
            direction,
            title: title.to_owned(),
            country: country.to_owned(),
            starts_on: starts.to_owned(),
            ends_on: ends.to_owned(),
            purpose: String::new(),
            event: String::new(),
            organisation_id: None,
            cities: String::new(),
            more_destinations: Vec::new(),
            funding: String::new(),
            sponsor_id: None,
            decision_number: String::new(),
            decision_date: String::new(),
            decision_signer: String::new(),
            notes: String::new(),
        }
    }
}

/// A [`DelegationInput`] that passed every rule, normalised and ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDelegation {
    pub direction: Direction,
    pub title: String,
    pub purpose: String,
    pub event: String,
    pub organisation_id: Option<String>,
    pub country: &'static str,
    pub cities: String,
    /// The further countries, upper-case codes, none repeated nor the first.
    pub more_destinations: Vec<Destination>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub funding: Funding,
    pub sponsor_id: Option<String>,
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: String,
    pub notes: String,
}

pub(crate) fn optional_id(id: &Option<String>) -> Option<String> {
    id.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl DelegationInput {
    /// Checks every field and reports all violations together.
    pub fn validate(&self) -> Result<ValidDelegation, Error> {
        let mut check = Check::new();
        let title = check.required("title", "Title", &self.title);
        let country = check.country("country", "Country", &self.country);
        let starts_on = check.date("starts_on", "Start date", &self.starts_on);
        let ends_on = check.date("ends_on", "End date", &self.ends_on);
        check.range(
            "ends_on",
            "start date",
            "End date",
            starts_on.as_ref(),
            ends_on.as_ref(),
        );
        let purpose = check.multiline("purpose", "Purpose", &self.purpose);
        let event = check.optional("event", "Event", &self.event);
        let cities = check.optional("cities", "Cities", &self.cities);
        let more_destinations = self.check_more_destinations(&mut check, country);
        let funding = if self.funding.trim().is_empty() {
            Some(Funding::StateBudget)
        } else {
            check.one_of("funding", "Funding", &self.funding, &Funding::choices())
        };
        let decision_number =
            check.optional("decision_number", "Decision number", &self.decision_number);
        let decision_date =
            check.optional_date("decision_date", "Decision date", &self.decision_date);
        let decision_signer =
            check.optional("decision_signer", "Decision signer", &self.decision_signer);
        let notes = check.multiline("notes", "Notes", &self.notes);

        check.finish(|| {
            Some(ValidDelegation {
                direction: self.direction,
                title,
                purpose,
                event,
                organisation_id: optional_id(&self.organisation_id),
                country: country?,
                cities,
                more_destinations: more_destinations?,
                starts_on: starts_on?,
                ends_on: ends_on?,
                funding: funding?,
                sponsor_id: optional_id(&self.sponsor_id),
                decision_number,
                decision_date: decision_date?,
                decision_signer,
                notes,
            })
        })
    }
}

impl DelegationInput {
    /// Checks each further country like the first, and that no country comes twice in the
    /// trip. Violations are named `more_destinations.N.country` (N from 0).
    fn check_more_destinations(
        &self,
        check: &mut Check,
        first: Option<&'static str>,
    ) -> Option<Vec<Destination>> {
        let mut seen: Vec<&'static str> = first.into_iter().collect();
        let mut all = Some(Vec::with_capacity(self.more_destinations.len()));
        for (index, destination) in self.more_destinations.iter().enumerate() {
            let field = format!("more_destinations.{index}.country");
            let country = check.country(&field, "Country", &destination.country);
            let cities = check.optional(
                &format!("more_destinations.{index}.cities"),
                "Cities",
                &destination.cities,
            );
            match country {
                Some(code) if seen.contains(&code) => {
                    check.fail(
                        &field,
                        Rule::Duplicate,
                        format!("{code} is already a country of this trip"),
                    );
                    all = None;
                }
                Some(code) => {
                    seen.push(code);
                    if let Some(list) = all.as_mut() {
                        list.push(Destination {
                            country: code.to_owned(),
                            cities,
                        });
                    }
                }
                None => all = None,
            }
        }
        all
    }
}

impl Delegation {
    /// Every country of the trip, in order: the first, then the further ones.
    pub fn countries(&self) -> Vec<&str> {
        std::iter::once(self.country.as_str())
            .chain(self.more_destinations.iter().map(|d| d.country.as_str()))
            .collect()
    }

    /// The cities of every destination, in order (some may be empty).
    pub fn destinations_cities(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.cities.as_str())
            .chain(self.more_destinations.iter().map(|d| d.cities.as_str()))
    }

    /// Every destination of the trip, in order, the first included.
    pub fn destinations(&self) -> Vec<Destination> {
        std::iter::once(Destination {
            country: self.country.clone(),
            cities: self.cities.clone(),
        })
        .chain(self.more_destinations.iter().cloned())
        .collect()
    }

    /// The record as an input again, e.g. to duplicate a past delegation or to edit it.
    pub fn to_input(&self) -> DelegationInput {
        DelegationInput {
            direction: self.direction,
            title: self.title.clone(),
            country: self.country.clone(),
            starts_on: self.starts_on.to_string(),
            ends_on: self.ends_on.to_string(),
            purpose: self.purpose.clone(),
            event: self.event.clone(),
            organisation_id: self.organisation_id.clone(),
            cities: self.cities.clone(),
            more_destinations: self.more_destinations.clone(),
            funding: self.funding.as_str().to_owned(),
            sponsor_id: self.sponsor_id.clone(),
            decision_number: self.decision_number.clone(),
            decision_date: self
                .decision_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            decision_signer: self.decision_signer.clone(),
            notes: self.notes.clone(),
        }
    }

    /// Number of calendar days, both ends included (6–9 Sep is 4 days).
    pub fn days(&self) -> i64 {
        (self.ends_on - self.starts_on).num_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Rule;
    use rstest::rstest;

    fn singapore() -> DelegationInput {
        DelegationInput::new(
            Direction::Outgoing,
            "Phiên họp lần thứ 2 INELI-ASEAN",
            "sg",
            "2016-09-06",
            "2016-09-09",
        )
    }

    fn rules_broken(input: &DelegationInput) -> Vec<(String, Rule)> {
        match input.validate() {
            Ok(_) => Vec::new(),
            Err(e) => {
                assert_eq!(e.kind, ErrorKind::Validation);
                e.violations
                    .into_iter()
                    .map(|v| (v.field, v.rule))
                    .collect()
            }
        }
    }

    #[test]
    fn a_well_formed_delegation_is_accepted_and_normalised() {
        let valid = singapore().validate();
        assert!(
            valid.is_ok(),
            "the seed story's trip must validate: {valid:?}"
        );
        if let Ok(valid) = valid {
            assert_eq!(valid.country, "SG", "country codes are stored upper-case");
            assert_eq!(
                valid.funding,
                Funding::StateBudget,
                "state budget is the default"
            );
            assert_eq!((valid.ends_on - valid.starts_on).num_days(), 3);
        }
    }

    #[test]
    fn a_one_day_visit_is_allowed() {
        let mut input = singapore();
        input.ends_on = input.starts_on.clone();
        assert!(
            input.validate().is_ok(),
            "start and end on the same day is a valid range"
        );
    }

    #[rstest]
    #[case::end_before_start("2016-09-09", "2016-09-06", "ends_on", Rule::EndBeforeStart)]
    #[case::not_a_date("2016-09-06", "09/06/2016", "ends_on", Rule::InvalidDate)]
    #[case::no_such_day("2016-02-30", "2016-03-01", "starts_on", Rule::InvalidDate)]
    #[case::missing("", "2016-03-01", "starts_on", Rule::Required)]
    fn bad_dates_are_refused_against_their_field(
        #[case] starts: &str,
        #[case] ends: &str,
        #[case] field: &str,
        #[case] rule: Rule,
    ) {
        let mut input = singapore();
        input.starts_on = starts.into();
        input.ends_on = ends.into();
        assert_eq!(rules_broken(&input), vec![(field.to_owned(), rule)]);
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let mut input = DelegationInput::new(
            Direction::Incoming,
            "   ",
            "Singapore",
            "2017-11-30",
            "2017-11-27",
        );
        input.funding = "lottery".into();
        assert_eq!(
            rules_broken(&input),
            vec![
                ("title".to_owned(), Rule::Required),
                ("country".to_owned(), Rule::UnknownCode),
                ("ends_on".to_owned(), Rule::EndBeforeStart),
                ("funding".to_owned(), Rule::UnknownCode),
            ],
            "a form shows all its errors together, not one per attempt"
        );
    }

    fn three_countries() -> DelegationInput {
        let mut input = singapore();
        input.more_destinations = vec![
            Destination {
                country: " my ".into(),
                cities: "Kuala Lumpur,  Putrajaya".into(),
            },
            Destination {
                country: "TH".into(),
                cities: "Bangkok".into(),
            },
        ];
        input
    }

    #[test]
    fn further_countries_are_normalised_and_kept_in_order() {
        let valid = three_countries().validate();
        let codes: Vec<(String, String)> = valid
            .map(|v| {
                v.more_destinations
                    .into_iter()
                    .map(|d| (d.country, d.cities))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            codes,
            [
                ("MY".to_owned(), "Kuala Lumpur, Putrajaya".to_owned()),
                ("TH".to_owned(), "Bangkok".to_owned())
            ],
            "codes upper-case and cities cleaned, in the order given"
        );
    }

    #[test]
    fn each_further_country_is_checked_against_its_place_in_the_list() {
        let mut input = three_countries();
        input.more_destinations[0].country = " ".into();
        input.more_destinations[1].country = "Thailandia".into();
        assert_eq!(
            rules_broken(&input),
            vec![
                ("more_destinations.0.country".to_owned(), Rule::Required),
                ("more_destinations.1.country".to_owned(), Rule::UnknownCode),
            ]
        );
    }

    #[rstest]
    #[case::the_first_again("sg")]
    #[case::a_further_one_again("my")]
    fn a_country_comes_once_in_a_trip(#[case] repeated: &str) {
        let mut input = three_countries();
        input.more_destinations[1].country = repeated.into();
        assert_eq!(
            rules_broken(&input),
            vec![("more_destinations.1.country".to_owned(), Rule::Duplicate)]
        );
    }

    #[test]
    fn status_names_round_trip() {
        for status in DelegationStatus::ALL {
            assert_eq!(DelegationStatus::parse(status.as_str()), Some(*status));
        }
    }

    #[test]
    fn a_trip_moves_forward_through_its_life() {
        use DelegationStatus::*;
        let life = [Draft, Approved, Underway, Returned, Reported, Closed];
        for pair in life.windows(2) {
            assert!(pair[0].can_move_to(pair[1]), "{} → {}", pair[0], pair[1]);
        }
    }

    #[test]
    fn a_trip_cannot_skip_ahead_or_be_cancelled_once_underway() {
        use DelegationStatus::*;
        assert!(!Draft.can_move_to(Returned), "a draft has not travelled");
        assert!(
            !Underway.can_move_to(Cancelled),
            "a trip underway cannot be cancelled"
        );
        let error = check_transition(Draft, Closed).err();
        assert_eq!(error.as_ref().map(|e| e.kind), Some(ErrorKind::Conflict));
        assert!(
            error.is_some_and(|e| e.message.contains("approved or cancelled")),
            "the refusal lists the allowed moves"
        );
    }
}
