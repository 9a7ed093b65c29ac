//! Calendars out: iCalendar (RFC 5545) files for staff's own diaries.
//!
//! Two uses: a trip (its segments at their local times in their own zones, its stays and its
//! programme) and the Calendar screen's delegations as all-day events. Times keep their IANA
//! zone (`DTSTART;TZID=Asia/Ho_Chi_Minh:20160905T235000`), and each zone used gets a
//! `VTIMEZONE` built from chrono-tz's offsets around the events' dates, so a calendar app
//! shows 23:50 in Hanoi whatever zone its user is in, even without its own zone database.
//!
//! The writer follows RFC 5545 to the letter where apps are strict: CRLF line ends, lines
//! folded at 75 octets without splitting a UTF-8 character, TEXT escaped (`\\`, `\;`, `\,`,
//! `\n`), a `DTSTAMP` on every event (given by the caller, so the same records give the same
//! bytes), `UID`s made from record ids, all-day ends exclusive.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use desk_domain::travel::{duration_label, offset_label, parse_zone};
use desk_domain::{Delegation, Itinerary, Leg, ProgrammeItem, Stay};

/// What the file says made it.
pub const PRODID: &str = "-//Delegation Desk//Delegation Desk//EN";
/// The domain part of every UID: a record id is unique, this says whose ids they are.
pub const UID_DOMAIN: &str = "delegation-desk";

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// Local wall-clock times, each in its own zone (a flight leaves in one, lands in another).
    Zoned {
        start: NaiveDateTime,
        start_zone: Tz,
        end: NaiveDateTime,
        end_zone: Tz,
    },
    /// Local times with no zone known ("floating": the same clock time wherever one is).
    Floating {
        start: NaiveDateTime,
        end: Option<NaiveDateTime>,
    },
    /// Whole days, `last` included (written with an exclusive `DTEND` of the day after).
    AllDay { first: NaiveDate, last: NaiveDate },
}

/// One `VEVENT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The record id; written as `<id>@delegation-desk`.
    pub id: String,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub when: When,
}

/// A calendar: a name for it and its events.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    pub name: String,
    pub events: Vec<Event>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds one content line into physical lines of at most 75 octets, each continuation
/// starting with a space, never splitting a character; every line ends with CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// "+0700", "-0430", "+054500" for offsets with seconds.
fn offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The offset in force in `zone` at an instant: (total seconds, DST or not, abbreviation).
fn observance(zone: Tz, at: NaiveDateTime) -> (i32, bool, String) {
    let o = zone.offset_from_utc_datetime(&at);
    let total = o.fix().local_minus_utc();
    let name = o
        .abbreviation()
        .map(str::to_owned)
        .unwrap_or_else(|| offset(total));
    (total, !o.dst_offset().is_zero(), name)
}

/// The instants in `[from, to)` at which `zone`'s offset or name changes. Sampled daily,
/// then each change is narrowed to the minute (zones change at most once a day).
fn transitions(zone: Tz, from: NaiveDateTime, to: NaiveDateTime) -> Vec<NaiveDateTime> {
    let mut out = Vec::new();
    let mut t = from;
    let mut before = observance(zone, t);
    while t < to {
        let next = t + Duration::days(1);
        let after = observance(zone, next);
        if after != before {
            // Whole minutes after `t`: the change happens in (lo, hi].
            let (mut lo, mut hi) = (0_i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if observance(zone, t + Duration::minutes(mid)) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(t + Duration::minutes(hi));
            before = after;
        }
        t = next;
    }
    out
}

/// A `VTIMEZONE` for `zone` valid from `from` to `to` (UTC): the observance in force at
/// `from`, then one for each change in between.
fn vtimezone(zone: Tz, from: NaiveDateTime, to: NaiveDateTime) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{}", zone.name()),
    ];
    let component = |from_offset: i32, at_utc: NaiveDateTime, lines: &mut Vec<String>| {
        let (to_offset, dst, name) = observance(zone, at_utc);
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        // DTSTART of an observance is the local time of the onset in the offset before it.
        let onset = at_utc + Duration::seconds(i64::from(from_offset));
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", local(onset)));
        lines.push(format!("TZOFFSETFROM:{}", offset(from_offset)));
        lines.push(format!("TZOFFSETTO:{}", offset(to_offset)));
        lines.push(format!("TZNAME:{}", escape(&name)));
        lines.push(format!("END:{kind}"));
        to_offset
    };
    let first = observance(zone, from).0;
    let mut previous = component(first, from, &mut lines);
    for at in transitions(zone, from, to) {
        previous = component(previous, at, &mut lines);
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// The UTC window each zone's `VTIMEZONE` must cover: from the first of January of the
/// earliest event's year to the last of December of the latest's.
fn window(events: &[Event]) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let days = events.iter().flat_map(|e| match &e.when {
        When::Zoned { start, end, .. } => vec![start.date(), end.date()],
        _ => Vec::new(),
    });
    let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
    for d in days {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    let year_start =
        |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).map(|d| d.and_time(chrono::NaiveTime::MIN));
    use chrono::Datelike;
    Some((year_start(first?.year())?, year_start(last?.year() + 1)?))
}

fn event_lines(event: &Event, stamp: DateTime<Utc>) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@{UID_DOMAIN}", event.id),
        format!("DTSTAMP:{}", utc(stamp)),
    ];
    match &event.when {
        When::Zoned {
            start,
            start_zone,
            end,
            end_zone,
        } => {
            lines.push(format!(
                "DTSTART;TZID={}:{}",
                start_zone.name(),
                local(*start)
            ));
            lines.push(format!("DTEND;TZID={}:{}", end_zone.name(), local(*end)));
        }
        When::Floating { start, end } => {
            lines.push(format!("DTSTART:{}", local(*start)));
            if let Some(end) = end {
                lines.push(format!("DTEND:{}", local(*end)));
            }
        }
        When::AllDay { first, last } => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", date(*first)));
            lines.push(format!(
                "DTEND;VALUE=DATE:{}",
                date(*last.max(first) + Duration::days(1))
            ));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&event.summary)));
    if !event.location.trim().is_empty() {
        lines.push(format!("LOCATION:{}", escape(&event.location)));
    }
    if !event.description.trim().is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
    }
    lines.push("END:VEVENT".to_owned());
    lines
}

/// Writes a calendar as an iCalendar file (UTF-8, CRLF). `stamp` is written as every
/// event's `DTSTAMP`: when the file was made.
pub fn write(calendar: &Calendar, stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    if !calendar.name.trim().is_empty() {
        lines.push(format!("NAME:{}", escape(&calendar.name)));
        lines.push(format!("X-WR-CALNAME:{}", escape(&calendar.name)));
    }
    let zones: BTreeSet<&str> = calendar
        .events
        .iter()
        .flat_map(|e| match &e.when {
            When::Zoned {
                start_zone,
                end_zone,
                ..
            } => vec![start_zone.name(), end_zone.name()],
            _ => Vec::new(),
        })
        .collect();
    if let Some((from, to)) = window(&calendar.events) {
        for zone in zones.iter().filter_map(|z| z.parse::<Tz>().ok()) {
            lines.extend(vtimezone(zone, from, to));
        }
    }
    for event in &calendar.events {
        lines.extend(event_lines(event, stamp));
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// A segment as an event in its two zones; `None` when a stored zone is unknown.
pub fn segment_event(leg: &Leg) -> Option<Event> {
    let s = &leg.segment;
    let start_zone = parse_zone(&s.from_tz)?;
    let end_zone = parse_zone(&s.to_tz)?;
    let flight = [s.carrier.trim(), s.number.trim()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let route = format!("{} → {}", s.from_place, s.to_place);
    let summary = if flight.is_empty() {
        route.clone()
    } else {
        format!("{flight}: {route}")
    };
    let mut description = vec![format!(
        "{} {} ({}) → {} {} ({})",
        s.from_place,
        s.departs_local.format("%Y-%m-%d %H:%M"),
        offset_label(s.departs_local, start_zone),
        s.to_place,
        s.arrives_local.format("%Y-%m-%d %H:%M"),
        offset_label(s.arrives_local, end_zone),
    )];
    if let Some(minutes) = s.duration_minutes() {
        description.push(duration_label(minutes));
    }
    if !s.terminal.is_empty() {
        description.push(format!("Terminal {}", s.terminal));
    }
    if !s.notes.is_empty() {
        description.push(s.notes.clone());
    }
    Some(Event {
        id: s.id.clone(),
        summary,
        location: leg.from_label.clone(),
        description: description.join("\n"),
        when: When::Zoned {
            start: s.departs_local,
            start_zone,
            end: s.arrives_local,
            end_zone,
        },
    })
}

/// A stay as all-day events from check-in to the last night (the check-out day is the
/// exclusive end).
pub fn stay_event(stay: &Stay) -> Event {
    let summary = if stay.city.is_empty() {
        stay.hotel.clone()
    } else {
        format!("{} ({})", stay.hotel, stay.city)
    };
    let mut description = Vec::new();
    if !stay.room.is_empty() {
        description.push(format!("Room {}", stay.room));
    }
    if !stay.confirmation.is_empty() {
        description.push(format!("Confirmation {}", stay.confirmation));
    }
    Event {
        id: stay.id.clone(),
        summary,
        location: stay.address.clone(),
        description: description.join("\n"),
        when: When::AllDay {
            first: stay.check_in_on,
            last: (stay.check_out_on - Duration::days(1)).max(stay.check_in_on),
        },
    }
}

/// A programme item: at its times in `zone` if both are known, at floating times if only
/// the times are, else all day.
pub fn programme_event(item: &ProgrammeItem, zone: Option<Tz>) -> Event {
    let location = [item.venue.trim(), item.room.trim()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let when = match (item.starts_at, zone) {
        (Some(start), Some(zone)) => {
            let start = item.on_date.and_time(start);
            let end = item
                .ends_at
                .map_or(start + Duration::hours(1), |e| item.on_date.and_time(e));
            When::Zoned {
                start,
                start_zone: zone,
                end,
                end_zone: zone,
            }
        }
        (Some(start), None) => When::Floating {
            start: item.on_date.and_time(start),
            end: item.ends_at.map(|e| item.on_date.and_time(e)),
        },
        (None, _) => When::AllDay {
            first: item.on_date,
            last: item.on_date,
        },
    };
    Event {
        id: item.id.clone(),
        summary: item.title.clone(),
        location,
        description: item.notes.clone(),
        when,
    }
}

/// A delegation as an all-day event over its dates, both ends included.
pub fn delegation_event(delegation: &Delegation) -> Event {
    // Every destination in order, as "cities, country": "Singapore, SG; Kuala Lumpur, MY".
    let location = delegation
        .destinations()
        .iter()
        .map(|d| {
            [d.cities.trim(), d.country.trim()]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Event {
        id: delegation.id.clone(),
        summary: delegation.title.clone(),
        location,
        description: delegation.event.clone(),
        when: When::AllDay {
            first: delegation.starts_on,
            last: delegation.ends_on,
        },
    }
}

/// The Calendar screen's export: each delegation as an all-day event.
pub fn delegations(delegations: &[Delegation], name: &str, stamp: DateTime<Utc>) -> String {
    write(
        &Calendar {
            name: name.to_owned(),
            events: delegations.iter().map(delegation_event).collect(),
        },
        stamp,
    )
}

/// A whole trip: every segment in its zones, every stay, and the programme (at its times
/// in `programme_zone`, the zone of the place visited, when known).
pub fn trip(
    itinerary: &Itinerary,
    programme: &[ProgrammeItem],
    programme_zone: Option<Tz>,
    stamp: DateTime<Utc>,
) -> String {
    let mut events: Vec<Event> = itinerary.legs.iter().filter_map(segment_event).collect();
    events.extend(itinerary.stays.iter().map(stay_event));
    events.extend(programme.iter().map(|p| programme_event(p, programme_zone)));
    write(
        &Calendar {
            name: itinerary.delegation.title.clone(),
            events,
        },
        stamp,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let line = format!("SUMMARY:{}", "Thư viện Quốc gia Việt Nam ".repeat(8));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical:?}",
                physical.len()
            );
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line, "unfolding gives the line back");
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn offsets_are_written_as_rfc_5545_wants() {
        assert_eq!(offset(7 * 3600), "+0700");
        assert_eq!(offset(-(4 * 3600 + 1800)), "-0430");
        assert_eq!(offset(5 * 3600 + 45 * 60), "+0545");
        assert_eq!(offset(0), "+0000");
    }

    #[test]
    fn transitions_are_found_to_the_minute() {
        let paris: Tz = "Europe/Paris".parse().unwrap_or(Tz::UTC);
        let from = NaiveDate::from_ymd_opt(2017, 1, 1)
            .unwrap_or_default()
            .and_time(chrono::NaiveTime::MIN);
        let to = from + Duration::days(365);
        let found: Vec<String> = transitions(paris, from, to)
            .iter()
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .collect();
        assert_eq!(
            found,
            vec!["2017-03-26 01:00", "2017-10-29 01:00"],
            "UTC instants"
        );
        assert!(transitions("Asia/Ho_Chi_Minh".parse().unwrap_or(Tz::UTC), from, to).is_empty());
    }
}
