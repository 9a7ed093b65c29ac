//! Records for unit tests, built in one line each with the fields a test cares about; the
//! rest empty. Only compiled for tests.

use chrono::{NaiveDate, NaiveDateTime};

use crate::travel::LOCAL_FORMAT;
use crate::{
    Delegation, DelegationStatus, Direction, Funding, Member, MemberDetail, MemberRole, Mode,
    NameOrder, Person, Segment, Stay, Task, TaskStatus, Visa, VisaStatus,
};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, LOCAL_FORMAT).unwrap_or_default()
}

pub fn delegation(
    id: &str,
    direction: Direction,
    country: &str,
    starts: &str,
    ends: &str,
) -> Delegation {
    Delegation {
        id: id.into(),
        direction,
        title: format!("Trip {id}"),
        country: country.into(),
        starts_on: d(starts),
        ends_on: d(ends),
        status: DelegationStatus::Approved,
        funding: Funding::StateBudget,
        ..Default::default()
    }
}

pub fn person(id: &str, name: &str, passport_expires: Option<&str>) -> Person {
    Person {
        id: id.into(),
        full_name: name.into(),
        name_order: NameOrder::FamilyFirst,
        nationality: "VN".into(),
        passport_no: if passport_expires.is_some() {
            format!("C{id}")
        } else {
            String::new()
        },
        passport_expires_on: passport_expires.map(d),
        ..Default::default()
    }
}

pub fn member(delegation_id: &str, person_id: &str) -> Member {
    Member {
        id: format!("m-{delegation_id}-{person_id}"),
        delegation_id: delegation_id.into(),
        person_id: person_id.into(),
        role: MemberRole::Member,
        ..Default::default()
    }
}

pub fn member_detail(delegation_id: &str, person: Person) -> MemberDetail {
    MemberDetail {
        member: member(delegation_id, &person.id),
        person,
    }
}

/// A flight; `from` and `to` are (place, zone, local time).
pub fn segment(
    id: &str,
    delegation_id: &str,
    from: (&str, &str, &str),
    to: (&str, &str, &str),
    passengers: &[&str],
) -> Segment {
    Segment {
        id: id.into(),
        delegation_id: delegation_id.into(),
        mode: Mode::Flight,
        number: id.to_uppercase(),
        from_place: from.0.into(),
        from_tz: from.1.into(),
        departs_local: at(from.2),
        to_place: to.0.into(),
        to_tz: to.1.into(),
        arrives_local: at(to.2),
        passenger_ids: passengers.iter().map(|p| (*p).to_owned()).collect(),
        ..Default::default()
    }
}

pub fn stay(id: &str, city: &str, check_in: &str, check_out: &str, guests: &[&str]) -> Stay {
    Stay {
        id: id.into(),
        delegation_id: "d1".into(),
        hotel: "Hotel Boss".into(),
        city: city.into(),
        check_in_on: d(check_in),
        check_out_on: d(check_out),
        guest_ids: guests.iter().map(|g| (*g).to_owned()).collect(),
        ..Default::default()
    }
}

pub fn visa(person_id: &str, country: &str, status: VisaStatus) -> Visa {
    Visa {
        id: format!("v-{person_id}-{country}"),
        person_id: person_id.into(),
        country: country.into(),
        status,
        ..Default::default()
    }
}

pub fn task(id: &str, delegation_id: &str, due: Option<&str>, status: TaskStatus) -> Task {
    Task {
        id: id.into(),
        delegation_id: delegation_id.into(),
        title: format!("Task {id}"),
        due_on: due.map(d),
        status,
        ..Default::default()
    }
}

pub fn report(delegation_id: &str, status: crate::ReportStatus) -> crate::MissionReport {
    crate::MissionReport {
        id: format!("r-{delegation_id}"),
        delegation_id: delegation_id.into(),
        language: crate::Language::Vi,
        report_date: d("2016-09-20"),
        status,
        version: 1,
        ..Default::default()
    }
}
