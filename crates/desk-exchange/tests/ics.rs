//! Calendars written by `ics` read back by another iCalendar implementation (the
//! `icalendar` crate), as a calendar app would: the times and zones a traveller sees, the
//! zone definitions that place them, all-day events, and text that survives escaping.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use desk_domain::{
    Delegation, DelegationStatus, Direction, Funding, Mode, ProgrammeItem, ProgrammeKind, Segment,
    Stay,
};
use desk_exchange::ics;
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2016, 8, 25, 9, 0, 0).unwrap()
}

fn delegation() -> Delegation {
    Delegation {
        id: "018fd2d0-0819-7186-9072-600a56b24d19".into(),
        direction: Direction::Outgoing,
        title: "Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore".into(),
        event: "2nd INELI-ASEAN session".into(),
        country: "SG".into(),
        cities: "Singapore".into(),
        starts_on: d("2016-09-05"),
        ends_on: d("2016-09-09"),
        status: DelegationStatus::Approved,
        funding: Funding::StateBudget,
        ..Default::default()
    }
}

fn flight(id: &str, number: &str, from: (&str, &str, &str), to: (&str, &str, &str)) -> Segment {
    Segment {
        id: id.into(),
        delegation_id: delegation().id,
        mode: Mode::Flight,
        carrier: "Vietnam Airlines".into(),
        number: number.into(),
        from_place: from.0.into(),
        from_tz: from.1.into(),
        departs_local: at(from.2),
        to_place: to.0.into(),
        to_tz: to.1.into(),
        arrives_local: at(to.2),
        terminal: "T1".into(),
        ..Default::default()
    }
}

fn stay() -> Stay {
    Stay {
        id: "stay-1".into(),
        delegation_id: delegation().id,
        hotel: "Hotel Boss".into(),
        city: "Singapore".into(),
        address: "500 Jalan Sultan, Singapore 199020".into(),
        room: "Twin 1203".into(),
        check_in_on: d("2016-09-06"),
        check_out_on: d("2016-09-09"),
        confirmation: "BOSS-0906".into(),
        ..Default::default()
    }
}

const TRICKY_TITLE: &str = "Hội thảo: thư viện, cộng đồng; đổi mới \\ sáng tạo";

fn workshop() -> ProgrammeItem {
    ProgrammeItem {
        id: "prog-1".into(),
        delegation_id: delegation().id,
        kind: ProgrammeKind::Workshop,
        title: TRICKY_TITLE.into(),
        on_date: d("2016-09-07"),
        starts_at: Some(chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
        ends_at: Some(chrono::NaiveTime::from_hms_opt(11, 30, 0).unwrap()),
        venue: "National Library Board, 100 Victoria Street".into(),
        room: "Level 5".into(),
        audience: desk_domain::Audience::All,
        notes: "Mang theo tài liệu\nvà danh thiếp".into(),
        ..Default::default()
    }
}

const HAN: &str = "Asia/Ho_Chi_Minh";
const SIN: &str = "Asia/Singapore";

fn singapore_trip() -> String {
    let segments = vec![
        flight(
            "vn651",
            "VN 651",
            ("HAN", HAN, "2016-09-05T23:50"),
            ("SIN", SIN, "2016-09-06T03:10"),
        ),
        flight(
            "sq176",
            "SQ 176",
            ("SIN", SIN, "2016-09-09T16:40"),
            ("HAN", HAN, "2016-09-09T18:55"),
        ),
    ];
    let itinerary = desk_domain::itinerary::build(delegation(), segments, vec![stay()], &[]);
    ics::trip(&itinerary, &[workshop()], SIN.parse().ok(), stamp())
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar = icalendar::Calendar::from_str(text).expect("the calendar parses");
    calendar
        .components
        .iter()
        .filter_map(|c| c.as_event().cloned())
        .collect()
}

fn event(text: &str, uid: &str) -> icalendar::Event {
    events(text)
        .into_iter()
        .find(|e| e.get_uid() == Some(&format!("{uid}@delegation-desk")))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

fn zoned(value: Option<DatePerhapsTime>) -> (NaiveDateTime, String) {
    match value {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            (date_time, tzid)
        }
        other => panic!("expected a local time with a TZID, got {other:?}"),
    }
}

/// The offset a calendar app derives for `local` from the file's own VTIMEZONE for `tzid`:
/// the observance with the latest onset at or before that time.
fn offset_from_vtimezone(text: &str, tzid: &str, local: NaiveDateTime) -> String {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let zone = calendar
        .components
        .iter()
        .find(|c| {
            c.name.as_str() == "VTIMEZONE"
                && c.find_prop("TZID").map(|p| p.val.as_str()) == Some(tzid)
        })
        .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"));
    let mut best: Option<(NaiveDateTime, String)> = None;
    for observance in &zone.components {
        let onset = NaiveDateTime::parse_from_str(
            observance.find_prop("DTSTART").unwrap().val.as_str(),
            "%Y%m%dT%H%M%S",
        )
        .unwrap();
        let to = observance
            .find_prop("TZOFFSETTO")
            .unwrap()
            .val
            .as_str()
            .to_owned();
        if onset <= local && best.as_ref().is_none_or(|(b, _)| onset > *b) {
            best = Some((onset, to));
        }
    }
    best.map(|(_, to)| to).unwrap_or_default()
}

fn chrono_offset(zone: &str, local: NaiveDateTime) -> String {
    let tz: Tz = zone.parse().unwrap();
    tz.from_local_datetime(&local)
        .earliest()
        .unwrap()
        .format("%z")
        .to_string()
}

#[test]
fn segments_keep_their_local_times_and_zones() {
    let text = singapore_trip();
    let (start, start_zone) = zoned(event(&text, "vn651").get_start());
    let (end, end_zone) = zoned(event(&text, "vn651").get_end());
    assert_eq!(
        (start, start_zone.as_str(), end, end_zone.as_str()),
        (at("2016-09-05T23:50"), HAN, at("2016-09-06T03:10"), SIN),
        "the traveller's ticket times, each in its own zone"
    );
    let from: Tz = start_zone.parse().unwrap();
    let to: Tz = end_zone.parse().unwrap();
    let minutes = (to.from_local_datetime(&end).unwrap()
        - from.from_local_datetime(&start).unwrap())
    .num_minutes();
    assert_eq!(minutes, 140, "read back, the flight still takes 2 h 20 min");
    let summary = event(&text, "vn651").get_summary().map(str::to_owned);
    assert_eq!(
        summary.as_deref(),
        Some("Vietnam Airlines VN 651: HAN → SIN")
    );
    assert!(
        event(&text, "vn651")
            .get_location()
            .is_some_and(|l| l.contains("Noi Bai")),
        "the location names the airport from the shipped data"
    );
}

#[test]
fn every_zone_used_has_a_definition_that_gives_the_right_offset() {
    let text = singapore_trip();
    for (zone, local) in [
        (HAN, at("2016-09-05T23:50")),
        (SIN, at("2016-09-06T03:10")),
        (SIN, at("2016-09-07T09:00")),
    ] {
        assert_eq!(
            offset_from_vtimezone(&text, zone, local),
            chrono_offset(zone, local),
            "{zone} at {local}"
        );
    }
}

#[test]
fn a_daylight_saving_zone_gets_both_observances() {
    // Paris → Hanoi on the night Europe's clocks go forward, and back in the autumn.
    let segments = vec![
        flight(
            "af1",
            "VN 18",
            ("CDG", "Europe/Paris", "2017-03-25T23:00"),
            ("HAN", HAN, "2017-03-26T17:00"),
        ),
        flight(
            "af2",
            "VN 19",
            ("HAN", HAN, "2017-10-28T23:30"),
            ("CDG", "Europe/Paris", "2017-10-29T06:00"),
        ),
    ];
    let itinerary = desk_domain::itinerary::build(delegation(), segments, vec![], &[]);
    let text = ics::trip(&itinerary, &[], None, stamp());
    for local in [
        at("2017-03-25T23:00"),
        at("2017-03-26T03:30"),
        at("2017-07-14T12:00"),
        at("2017-10-29T06:00"),
    ] {
        assert_eq!(
            offset_from_vtimezone(&text, "Europe/Paris", local),
            chrono_offset("Europe/Paris", local),
            "Paris at {local}"
        );
    }
    assert!(
        text.contains("BEGIN:DAYLIGHT\r\n"),
        "summer time is a DAYLIGHT observance"
    );
    assert!(text.contains("TZNAME:CEST\r\n"));
    assert!(
        text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20170326T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        ),
        "clocks go forward at 02:00 local time, CET to CEST:\n{text}"
    );
    assert!(
        text.contains(
            "BEGIN:STANDARD\r\nDTSTART:20171029T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        ),
        "and back at 03:00 CEST"
    );
    let (start, zone) = zoned(event(&text, "af2").get_end());
    assert_eq!(
        (start, zone.as_str()),
        (at("2017-10-29T06:00"), "Europe/Paris")
    );
}

#[test]
fn stays_and_untimed_items_are_all_day_with_an_exclusive_end() {
    let text = singapore_trip();
    let hotel = event(&text, "stay-1");
    assert_eq!(
        hotel.get_start(),
        Some(DatePerhapsTime::Date(d("2016-09-06")))
    );
    assert_eq!(
        hotel.get_end(),
        Some(DatePerhapsTime::Date(d("2016-09-09"))),
        "three nights: the 6th, 7th and 8th; the check-out day is the exclusive end"
    );
    let sg = delegation();
    let calendar = ics::delegations(&[sg], "Lịch đoàn", stamp());
    let trip = event(&calendar, "018fd2d0-0819-7186-9072-600a56b24d19");
    assert_eq!(
        trip.get_start(),
        Some(DatePerhapsTime::Date(d("2016-09-05")))
    );
    assert_eq!(
        trip.get_end(),
        Some(DatePerhapsTime::Date(d("2016-09-10"))),
        "5–9 September inclusive ends on the 10th, exclusive"
    );
    assert!(calendar.contains("X-WR-CALNAME:Lịch đoàn\r\n"));
}

#[test]
fn text_with_commas_semicolons_backslashes_and_newlines_survives() {
    let text = singapore_trip();
    let unfolded = icalendar::parser::unfold(&text);
    assert!(
        unfolded.contains("SUMMARY:Hội thảo: thư viện\\, cộng đồng\\; đổi mới \\\\ sáng tạo\r\n"),
        "TEXT is escaped on the wire"
    );
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let workshop = calendar
        .components
        .iter()
        .find(|c| c.find_prop("UID").map(|p| p.val.as_str()) == Some("prog-1@delegation-desk"))
        .unwrap();
    let summary = workshop
        .find_prop("SUMMARY")
        .unwrap()
        .val
        .clone()
        .unescape_text();
    assert_eq!(summary.as_str(), TRICKY_TITLE);
    let notes = workshop
        .find_prop("DESCRIPTION")
        .unwrap()
        .val
        .clone()
        .unescape_text();
    assert_eq!(notes.as_str(), "Mang theo tài liệu\nvà danh thiếp");
    let (start, zone) = zoned(event(&text, "prog-1").get_start());
    assert_eq!((start, zone.as_str()), (at("2016-09-07T09:00"), SIN));
}

#[test]
fn the_file_is_crlf_folded_at_75_octets_and_stamped() {
    let text = singapore_trip();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let vevents = text.matches("BEGIN:VEVENT").count();
    assert_eq!(vevents, 4, "two flights, a stay and a workshop");
    assert_eq!(text.matches("DTSTAMP:20160825T090000Z").count(), vevents);
    assert_eq!(
        text.matches("BEGIN:VTIMEZONE").count(),
        2,
        "one per zone used"
    );
    assert_eq!(
        singapore_trip(),
        text,
        "the same records give the same bytes"
    );
}
