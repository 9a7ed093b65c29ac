//! Travel: segments (flights, trains, roads) in local time with their IANA time zones,
//! stays (hotel rooms and who shares them), and visas.
//!
//! A departure and an arrival are stored as the local wall-clock time printed on the ticket
//! plus the zone of the place. Durations are computed through UTC, so they are right across
//! zones, date lines and daylight-saving changes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
/// The IANA zone type, for crates that name zones without depending on chrono-tz.
pub use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::optional_id;
use crate::error::{Error, Rule};
use crate::named;
use crate::places::{self, Lookup};

/// The text form of a local time: `2016-09-05T23:50`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

named! {
    #[derive(Default)]
    pub enum Mode {
        #[default]
        Flight = "flight",
        Train = "train",
        Road = "road",
    }
}

/// Reads a local date-time as typed (`2016-09-05T23:50`) or as stored, with seconds.
pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// Parses an IANA zone name ("Asia/Ho_Chi_Minh").
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// Why a local time could not be placed on the time line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeProblem {
    /// Skipped by a daylight-saving change (02:30 on a spring-forward night).
    DoesNotExist,
}

/// The instant a wall-clock time in `zone` denotes. A time that occurs twice (the hour
/// repeated when clocks go back) is taken at its first occurrence, as timetables do.
pub fn to_utc(local: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, LocalTimeProblem> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(LocalTimeProblem::DoesNotExist)
}

/// Minutes between a departure and an arrival, each in its own zone.
pub fn duration_minutes(
    departs: NaiveDateTime,
    departs_zone: Tz,
    arrives: NaiveDateTime,
    arrives_zone: Tz,
) -> Result<i64, LocalTimeProblem> {
    Ok((to_utc(arrives, arrives_zone)? - to_utc(departs, departs_zone)?).num_minutes())
}

/// The UTC offset in force at a local time, as printed beside it: "+07:00", "-05:00".
pub fn offset_label(local: NaiveDateTime, zone: Tz) -> String {
    match zone.from_local_datetime(&local).earliest() {
        Some(t) => t.format("%:z").to_string(),
        None => String::new(),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub id: String,
    pub delegation_id: String,
    pub mode: Mode,
    /// "Vietnam Airlines", "SQ".
    pub carrier: String,
    /// "VN 661".
    pub number: String,
    /// An IATA code ("HAN") or a city name, as typed.
    pub from_place: String,
    /// IANA zone of the departure place.
    pub from_tz: String,
    /// Local wall-clock time at departure, `YYYY-MM-DDTHH:MM`.
    #[ts(type = "string")]
    pub departs_local: NaiveDateTime,
    pub to_place: String,
    pub to_tz: String,
    #[ts(type = "string")]
    pub arrives_local: NaiveDateTime,
    /// Arrival terminal, for the pickup.
    pub terminal: String,
    /// Who travels on it; empty means every member of the delegation.
    pub passenger_ids: Vec<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Segment {
    /// Duration across zones, in minutes; `None` if a stored time does not exist.
    pub fn duration_minutes(&self) -> Option<i64> {
        let from = parse_zone(&self.from_tz)?;
        let to = parse_zone(&self.to_tz)?;
        duration_minutes(self.departs_local, from, self.arrives_local, to).ok()
    }

    pub fn departs_utc(&self) -> Option<DateTime<Utc>> {
        to_utc(self.departs_local, parse_zone(&self.from_tz)?).ok()
    }

    pub fn arrives_utc(&self) -> Option<DateTime<Utc>> {
        to_utc(self.arrives_local, parse_zone(&self.to_tz)?).ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct SegmentInput {
    /// `flight` (default), `train` or `road`.
    pub mode: String,
    pub carrier: String,
    pub number: String,
    pub from_place: String,
    /// IANA zone; the caller fills it from the place when the user leaves it empty.
    pub from_tz: String,
    /// `YYYY-MM-DDTHH:MM`, local to the departure place.
    pub departs_local: String,
    pub to_place: String,
    pub to_tz: String,
    pub arrives_local: String,
    pub terminal: String,
    pub passenger_ids: Vec<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSegment {
    pub mode: Mode,
    pub carrier: String,
    pub number: String,
    pub from_place: String,
    pub from_tz: Tz,
    pub departs_local: NaiveDateTime,
    pub to_place: String,
    pub to_tz: Tz,
    pub arrives_local: NaiveDateTime,
    pub terminal: String,
    pub passenger_ids: Vec<String>,
    pub notes: String,
}

fn local_time(check: &mut Check, field: &str, label: &str, input: &str) -> Option<NaiveDateTime> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        check.fail(field, Rule::Required, format!("{label} is required"));
        return None;
    }
    match parse_local(trimmed) {
        Some(t) => Some(t),
        None => {
            check.fail(
                field,
                Rule::InvalidTime,
                format!("{label} must be a local date and time written YYYY-MM-DDTHH:MM, not \"{trimmed}\""),
            );
            None
        }
    }
}

fn zone(check: &mut Check, field: &str, label: &str, input: &str) -> Option<Tz> {
    if input.trim().is_empty() {
        check.fail(
            field,
            Rule::Required,
            format!("{label} is required (an IANA zone such as Asia/Singapore)"),
        );
        return None;
    }
    let zone = parse_zone(input);
    if zone.is_none() {
        check.fail(
            field,
            Rule::UnknownTimeZone,
            format!(
                "{label} must be an IANA time zone such as Asia/Ho_Chi_Minh, not \"{}\"",
                input.trim()
            ),
        );
    }
    zone
}

/// The zone of one end of a segment: the one typed, else the place's from the shipped data.
/// An unknown or ambiguous place with no zone typed is a violation on the place's field
/// saying what to give.
fn place_zone(
    check: &mut Check,
    (place_field, tz_field): (&str, &str),
    label: &str,
    place: &str,
    typed_zone: &str,
) -> Option<Tz> {
    if !typed_zone.trim().is_empty() {
        return zone(check, tz_field, &format!("{label} time zone"), typed_zone);
    }
    let place = place.trim();
    if place.is_empty() {
        // The place's own Required violation says it all.
        return None;
    }
    match places::resolve(place) {
        Lookup::Found(found) => parse_zone(&found.tz),
        Lookup::Ambiguous(options) => {
            let list: Vec<String> = options
                .iter()
                .map(|p| format!("{} ({}, {})", p.city, p.country, p.tz))
                .collect();
            check.fail(
                place_field,
                Rule::UnknownCode,
                format!(
                    "{label} place \"{place}\" could be {}: give an airport code or its time zone",
                    list.join(" or ")
                ),
            );
            None
        }
        Lookup::Unknown => {
            check.fail(
                place_field,
                Rule::UnknownCode,
                format!(
                    "{label} place \"{place}\" is not an airport code or a city we know: give its time zone (an IANA zone such as Asia/Singapore)"
                ),
            );
            None
        }
    }
}

/// A place typed as an airport or city code is stored in capitals, as codes are ("han" →
/// "HAN"); a city name is kept as typed.
fn code_in_capitals(place: String) -> String {
    match places::resolve(&place) {
        Lookup::Found(found)
            if matches!(
                found.kind,
                places::PlaceKind::Airport | places::PlaceKind::CityCode
            ) && found.code.eq_ignore_ascii_case(&place) =>
        {
            found.code
        }
        _ => place,
    }
}

/// "2 h 20 min", "45 min", "12 h 00 min": how long a segment takes, as printed.
pub fn duration_label(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.abs();
    if m < 60 {
        format!("{sign}{m} min")
    } else {
        format!("{sign}{} h {:02} min", m / 60, m % 60)
    }
}

impl SegmentInput {
    /// The same input with each empty zone filled from its place (an IATA code or a city in
    /// the shipped data), for a form to show the zone before saving. Places that do not
    /// resolve keep an empty zone; [`SegmentInput::validate`] then says what to give.
    pub fn with_zones_resolved(&self) -> Self {
        let fill = |zone: &str, place: &str| -> String {
            if zone.trim().is_empty() {
                places::zone_of(place)
                    .map(|tz| tz.name().to_owned())
                    .unwrap_or_default()
            } else {
                zone.trim().to_owned()
            }
        };
        Self {
            from_tz: fill(&self.from_tz, &self.from_place),
            to_tz: fill(&self.to_tz, &self.to_place),
            ..self.clone()
        }
    }

    /// Checks every field. An empty zone is taken from the place (see
    /// [`SegmentInput::with_zones_resolved`]); a zone typed always wins over the data.
    pub fn validate(&self) -> Result<ValidSegment, Error> {
        let mut check = Check::new();
        let mode = if self.mode.trim().is_empty() {
            Some(Mode::Flight)
        } else {
            check.one_of("mode", "Mode", &self.mode, &Mode::choices())
        };
        let carrier = check.optional("carrier", "Carrier", &self.carrier);
        let number = check.optional("number", "Number", &self.number);
        let from_place =
            code_in_capitals(check.required("from_place", "Departure place", &self.from_place));
        let from_tz = place_zone(
            &mut check,
            ("from_place", "from_tz"),
            "Departure",
            &self.from_place,
            &self.from_tz,
        );
        let departs = local_time(
            &mut check,
            "departs_local",
            "Departure time",
            &self.departs_local,
        );
        let to_place =
            code_in_capitals(check.required("to_place", "Arrival place", &self.to_place));
        let to_tz = place_zone(
            &mut check,
            ("to_place", "to_tz"),
            "Arrival",
            &self.to_place,
            &self.to_tz,
        );
        let arrives = local_time(
            &mut check,
            "arrives_local",
            "Arrival time",
            &self.arrives_local,
        );
        let terminal = check.optional("terminal", "Terminal", &self.terminal);
        let notes = check.multiline("notes", "Notes", &self.notes);

        if let (Some(d), Some(dz)) = (departs, from_tz)
            && to_utc(d, dz).is_err()
        {
            check.fail(
                "departs_local",
                Rule::InvalidTime,
                format!("Departure time {d} does not exist in {dz}: the clocks skip it"),
            );
        }
        if let (Some(a), Some(az)) = (arrives, to_tz)
            && to_utc(a, az).is_err()
        {
            check.fail(
                "arrives_local",
                Rule::InvalidTime,
                format!("Arrival time {a} does not exist in {az}: the clocks skip it"),
            );
        }
        if let (Some(d), Some(dz), Some(a), Some(az)) = (departs, from_tz, arrives, to_tz)
            && let Ok(minutes) = duration_minutes(d, dz, a, az)
            && minutes < 0
        {
            check.fail(
                "arrives_local",
                Rule::EndBeforeStart,
                format!(
                    "Arrival {a} ({}) is before departure {d} ({}) once time zones are counted",
                    offset_label(a, az),
                    offset_label(d, dz)
                ),
            );
        }
        let passenger_ids = self
            .passenger_ids
            .iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        check.finish(|| {
            Some(ValidSegment {
                mode: mode?,
                carrier,
                number,
                from_place,
                from_tz: from_tz?,
                departs_local: departs?,
                to_place,
                to_tz: to_tz?,
                arrives_local: arrives?,
                terminal,
                passenger_ids,
                notes,
            })
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Stay {
    pub id: String,
    pub delegation_id: String,
    pub hotel: String,
    pub city: String,
    pub address: String,
    /// Room number or type ("Twin 1203").
    pub room: String,
    #[ts(type = "string")]
    pub check_in_on: NaiveDate,
    #[ts(type = "string")]
    pub check_out_on: NaiveDate,
    pub confirmation: String,
    /// Who sleeps in this room; two or more share it.
    pub guest_ids: Vec<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Stay {
    pub fn nights(&self) -> i64 {
        (self.check_out_on - self.check_in_on).num_days()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct StayInput {
    pub hotel: String,
    pub city: String,
    pub address: String,
    pub room: String,
    pub check_in_on: String,
    pub check_out_on: String,
    pub confirmation: String,
    pub guest_ids: Vec<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStay {
    pub hotel: String,
    pub city: String,
    pub address: String,
    pub room: String,
    pub check_in_on: NaiveDate,
    pub check_out_on: NaiveDate,
    pub confirmation: String,
    pub guest_ids: Vec<String>,
    pub notes: String,
}

impl StayInput {
    pub fn validate(&self) -> Result<ValidStay, Error> {
        let mut check = Check::new();
        let hotel = check.required("hotel", "Hotel", &self.hotel);
        let city = check.optional("city", "City", &self.city);
        let address = check.optional("address", "Address", &self.address);
        let room = check.optional("room", "Room", &self.room);
        let check_in_on = check.date("check_in_on", "Check-in date", &self.check_in_on);
        let check_out_on = check.date("check_out_on", "Check-out date", &self.check_out_on);
        check.range(
            "check_out_on",
            "check-in date",
            "Check-out date",
            check_in_on.as_ref(),
            check_out_on.as_ref(),
        );
        let confirmation = check.optional("confirmation", "Confirmation", &self.confirmation);
        let notes = check.multiline("notes", "Notes", &self.notes);
        let guest_ids = self
            .guest_ids
            .iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect();
        check.finish(|| {
            Some(ValidStay {
                hotel,
                city,
                address,
                room,
                check_in_on: check_in_on?,
                check_out_on: check_out_on?,
                confirmation,
                guest_ids,
                notes,
            })
        })
    }
}

named! {
    #[derive(Default)]
    pub enum VisaStatus {
        NotRequired = "not_required",
        #[default]
        ToApply = "to_apply",
        Applied = "applied",
        Granted = "granted",
        Refused = "refused",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Visa {
    pub id: String,
    pub person_id: String,
    pub delegation_id: Option<String>,
    /// The country that issues it.
    pub country: String,
    pub status: VisaStatus,
    pub number: String,
    #[ts(type = "string | null")]
    pub valid_from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub valid_until: Option<NaiveDate>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct VisaInput {
    pub person_id: String,
    pub delegation_id: Option<String>,
    pub country: String,
    /// One of [`VisaStatus`]'s names; empty means `to_apply`.
    pub status: String,
    pub number: String,
    pub valid_from: String,
    pub valid_until: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVisa {
    pub person_id: String,
    pub delegation_id: Option<String>,
    pub country: &'static str,
    pub status: VisaStatus,
    pub number: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub notes: String,
}

impl VisaInput {
    pub fn validate(&self) -> Result<ValidVisa, Error> {
        let mut check = Check::new();
        let person_id = check.required("person_id", "Person", &self.person_id);
        let country = check.country("country", "Country", &self.country);
        let status = if self.status.trim().is_empty() {
            Some(VisaStatus::ToApply)
        } else {
            check.one_of("status", "Status", &self.status, &VisaStatus::choices())
        };
        let number = check.optional("number", "Visa number", &self.number);
        let valid_from = check.optional_date("valid_from", "Valid from", &self.valid_from);
        let valid_until = check.optional_date("valid_until", "Valid until", &self.valid_until);
        check.range(
            "valid_until",
            "valid from",
            "Valid until",
            valid_from.flatten().as_ref(),
            valid_until.flatten().as_ref(),
        );
        let notes = check.multiline("notes", "Notes", &self.notes);
        check.finish(|| {
            Some(ValidVisa {
                person_id,
                delegation_id: optional_id(&self.delegation_id),
                country: country?,
                status: status?,
                number,
                valid_from: valid_from?,
                valid_until: valid_until?,
                notes,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, LOCAL_FORMAT).unwrap_or_default()
    }

    fn zone_of(name: &str) -> Tz {
        parse_zone(name).unwrap_or(Tz::UTC)
    }

    #[test]
    fn hanoi_to_singapore_overnight_is_two_hours_twenty() {
        // HAN 23:50 +07 → SIN 03:10 +08 the next day.
        let minutes = duration_minutes(
            at("2016-09-05T23:50"),
            zone_of("Asia/Ho_Chi_Minh"),
            at("2016-09-06T03:10"),
            zone_of("Asia/Singapore"),
        );
        assert_eq!(minutes, Ok(140));
        assert_eq!(
            offset_label(at("2016-09-05T23:50"), zone_of("Asia/Bangkok")),
            "+07:00"
        );
    }

    #[test]
    fn crossing_the_date_line_backwards_still_gives_the_flight_time() {
        // Tokyo 18:00 → Honolulu 06:20 the same calendar day: 7 h 20 min in the air.
        let minutes = duration_minutes(
            at("2017-06-01T18:00"),
            zone_of("Asia/Tokyo"),
            at("2017-06-01T06:20"),
            zone_of("Pacific/Honolulu"),
        );
        assert_eq!(minutes, Ok(440));
    }

    #[test]
    fn daylight_saving_is_counted() {
        // Paris → Hanoi on the night clocks go forward in Europe (26 March 2017):
        // departs 23:00 CET (+01), arrives 17:00 +07 next day → 12 h.
        let minutes = duration_minutes(
            at("2017-03-25T23:00"),
            zone_of("Europe/Paris"),
            at("2017-03-26T17:00"),
            zone_of("Asia/Ho_Chi_Minh"),
        );
        assert_eq!(minutes, Ok(12 * 60));
        // 02:30 on that night does not exist in Paris.
        assert_eq!(
            to_utc(at("2017-03-26T02:30"), zone_of("Europe/Paris")),
            Err(LocalTimeProblem::DoesNotExist)
        );
    }

    fn flight(departs: &str, arrives: &str) -> SegmentInput {
        SegmentInput {
            from_place: "HAN".into(),
            from_tz: "Asia/Ho_Chi_Minh".into(),
            departs_local: departs.into(),
            to_place: "SIN".into(),
            to_tz: "Asia/Singapore".into(),
            arrives_local: arrives.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_segment_arriving_before_it_departs_is_refused_on_the_arrival() {
        let error = flight("2016-09-06T10:00", "2016-09-06T10:30")
            .validate()
            .err();
        // 10:00 +07 is 11:00 +08, so 10:30 +08 is half an hour before departure.
        assert_eq!(
            error.map(|e| (e.violations[0].field.clone(), e.violations[0].rule)),
            Some(("arrives_local".into(), Rule::EndBeforeStart))
        );
        assert!(
            flight("2016-09-05T23:50", "2016-09-06T03:10")
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn an_unknown_zone_is_named() {
        let mut input = flight("2016-09-05T23:50", "2016-09-06T03:10");
        input.to_tz = "Asia/Atlantis".into();
        let error = input.validate().err();
        assert_eq!(
            error.map(|e| e.violations[0].rule),
            Some(Rule::UnknownTimeZone)
        );
    }

    #[test]
    fn crossing_the_date_line_forwards_lands_a_day_later() {
        // Honolulu 14:00 (-10) → Tokyo 18:00 (+09) the next day: 9 h in the air, a calendar
        // day "lost" on the way west.
        let minutes = duration_minutes(
            at("2017-06-01T14:00"),
            zone_of("Pacific/Honolulu"),
            at("2017-06-02T18:00"),
            zone_of("Asia/Tokyo"),
        );
        assert_eq!(minutes, Ok(9 * 60));
        // Samoa moved across the date line: 30 December 2011 never happened in Apia.
        assert_eq!(
            to_utc(at("2011-12-30T12:00"), zone_of("Pacific/Apia")),
            Err(LocalTimeProblem::DoesNotExist)
        );
        assert_eq!(
            offset_label(at("2011-12-31T12:00"), zone_of("Pacific/Apia")),
            "+14:00"
        );
    }

    #[test]
    fn offsets_follow_daylight_saving_and_odd_quarters() {
        let new_york = zone_of("America/New_York");
        assert_eq!(offset_label(at("2016-07-01T12:00"), new_york), "-04:00");
        assert_eq!(offset_label(at("2016-12-01T12:00"), new_york), "-05:00");
        assert_eq!(
            offset_label(at("2016-09-05T23:50"), zone_of("Asia/Kathmandu")),
            "+05:45"
        );
        // 01:30 happens twice on 6 Nov 2016 in New York; a timetable means the first (EDT).
        let first = to_utc(at("2016-11-06T01:30"), new_york).map(|t| t.to_rfc3339());
        assert_eq!(first, Ok("2016-11-06T05:30:00+00:00".to_owned()));
        // In the week between Europe's clock change (30 Oct) and America's (6 Nov), Paris is
        // five hours ahead, not six: JFK 22:00 EDT (02:00 UTC) → CDG 11:00 CET (10:00 UTC).
        assert_eq!(
            duration_minutes(
                at("2016-11-05T22:00"),
                new_york,
                at("2016-11-06T11:00"),
                zone_of("Europe/Paris"),
            ),
            Ok(8 * 60)
        );
    }

    #[test]
    fn durations_are_printed_in_hours_and_minutes() {
        assert_eq!(duration_label(140), "2 h 20 min");
        assert_eq!(duration_label(45), "45 min");
        assert_eq!(duration_label(720), "12 h 00 min");
    }

    fn by_place(from: &str, departs: &str, to: &str, arrives: &str) -> SegmentInput {
        SegmentInput {
            from_place: from.into(),
            departs_local: departs.into(),
            to_place: to.into(),
            arrives_local: arrives.into(),
            ..Default::default()
        }
    }

    #[test]
    fn empty_zones_come_from_the_places() {
        let input = by_place("HAN", "2016-09-05T23:50", "sin", "2016-09-06T03:10");
        assert_eq!(
            input.validate().map(|v| v.to_place),
            Ok("SIN".to_owned()),
            "a code is stored in capitals"
        );
        let resolved = input.with_zones_resolved();
        assert_eq!(
            (resolved.from_tz.as_str(), resolved.to_tz.as_str()),
            ("Asia/Ho_Chi_Minh", "Asia/Singapore")
        );
        let valid = input.validate();
        assert_eq!(
            valid.as_ref().map(|v| (v.from_tz.name(), v.to_tz.name())),
            Ok(("Asia/Ho_Chi_Minh", "Asia/Singapore")),
            "validate fills the zones itself"
        );
        let minutes = valid.ok().and_then(|v| {
            duration_minutes(v.departs_local, v.from_tz, v.arrives_local, v.to_tz).ok()
        });
        assert_eq!(
            minutes,
            Some(140),
            "HAN 23:50 +07 → SIN 03:10 +08 is 2 h 20 min"
        );
        let by_city = by_place(
            "Hà Nội",
            "2016-09-05T23:50",
            "Singapore",
            "2016-09-06T03:10",
        );
        assert!(by_city.validate().is_ok(), "city names resolve too");
    }

    #[test]
    fn a_typed_zone_wins_over_the_data() {
        let mut input = by_place("HAN", "2016-09-05T23:50", "SIN", "2016-09-06T04:10");
        input.from_tz = "Asia/Bangkok".into();
        input.to_tz = "Asia/Tokyo".into();
        let valid = input.validate();
        assert_eq!(
            valid.map(|v| (v.from_tz.name(), v.to_tz.name())),
            Ok(("Asia/Bangkok", "Asia/Tokyo"))
        );
    }

    #[test]
    fn an_unknown_place_without_a_zone_asks_for_the_zone_on_the_place() {
        let input = by_place("HAN", "2016-09-05T23:50", "Atlantis", "2016-09-06T03:10");
        let error = input.validate().err();
        let violation = error.as_ref().map(|e| {
            (
                e.violations.len(),
                e.violations[0].field.as_str(),
                e.violations[0].rule,
                e.violations[0].message.contains("give its time zone"),
            )
        });
        assert_eq!(violation, Some((1, "to_place", Rule::UnknownCode, true)));
        let mut with_zone = input;
        with_zone.to_tz = "Asia/Singapore".into();
        assert!(
            with_zone.validate().is_ok(),
            "a typed zone makes any place fine"
        );
    }

    #[test]
    fn an_ambiguous_city_lists_its_candidates() {
        let input = by_place("Portland", "2016-09-05T08:00", "HAN", "2016-09-06T23:10");
        let message = input.validate().err().map(|e| {
            (
                e.violations[0].field.clone(),
                e.violations[0].message.clone(),
            )
        });
        assert!(
            message
                .as_ref()
                .is_some_and(|(f, m)| f == "from_place" && m.contains("America/Los_Angeles")),
            "{message:?}"
        );
    }

    #[test]
    fn a_stay_counts_nights_not_days() {
        let valid = StayInput {
            hotel: "Hotel Boss".into(),
            check_in_on: "2016-09-06".into(),
            check_out_on: "2016-09-09".into(),
            ..Default::default()
        }
        .validate();
        assert!(valid.is_ok());
        if let Ok(v) = valid {
            assert_eq!((v.check_out_on - v.check_in_on).num_days(), 3);
        }
    }
}
