//! A delegation's itinerary: its segments in time order with the zone offsets and durations
//! a traveller reads, its stays, and the nights nobody booked a bed for.
//!
//! Pure: the store hands in the records, this arranges them. The same value is printed by
//! `desk itinerary`, drawn as a PDF per person and written as a calendar.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::places::{self, PlaceKind};
use crate::travel::{duration_label, offset_label, parse_zone};
use crate::{Delegation, MemberDetail, Segment, Stay};

/// One segment as the itinerary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Leg {
    pub segment: Segment,
    /// UTC offset at departure, "+07:00".
    pub departs_offset: String,
    /// UTC offset at arrival, "+08:00".
    pub arrives_offset: String,
    /// Minutes from departure to arrival across zones; `None` if a stored zone is unknown.
    #[ts(type = "number | null")]
    pub duration_minutes: Option<i64>,
    /// "2 h 20 min", or empty.
    pub duration: String,
    /// The departure place as printed: an airport or city code with its name from the data
    /// ("HAN – Noi Bai International Airport"), else the place as typed ("Hà Nội").
    pub from_label: String,
    pub to_label: String,
}

/// Something in the itinerary that deserves attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItineraryWarning {
    /// Travellers arrive in a city and leave it days later, but no stay covers some of the
    /// nights in between.
    NightsWithoutStay {
        /// The city, as typed on the arriving segment ("SIN").
        place: String,
        arriving_segment_id: String,
        leaving_segment_id: String,
        /// Each night without a stay, as the date it begins.
        #[ts(type = "Array<string>")]
        nights: Vec<NaiveDate>,
        person_ids: Vec<String>,
        person_names: Vec<String>,
    },
}

impl ItineraryWarning {
    pub fn message(&self) -> String {
        match self {
            Self::NightsWithoutStay {
                place,
                nights,
                person_names,
                ..
            } => {
                let nights: Vec<String> = nights.iter().map(ToString::to_string).collect();
                let who = if person_names.is_empty() {
                    "The delegation".to_owned()
                } else {
                    person_names.join(", ")
                };
                format!(
                    "{who}: no stay booked in {place} for the night{} of {}",
                    if nights.len() == 1 { "" } else { "s" },
                    nights.join(", ")
                )
            }
        }
    }
}

/// The itinerary of a delegation, or of one person in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Itinerary {
    pub delegation: Delegation,
    /// The person this itinerary is restricted to, if any.
    pub person_id: Option<String>,
    /// Segments in the order they depart (by the instant, not the local clock).
    pub legs: Vec<Leg>,
    pub stays: Vec<Stay>,
    pub warnings: Vec<ItineraryWarning>,
}

fn place_label(typed: &str) -> String {
    match places::resolve(typed) {
        places::Lookup::Found(p) if matches!(p.kind, PlaceKind::Airport | PlaceKind::CityCode) => {
            format!("{} – {}", p.code, p.name)
        }
        _ => typed.trim().to_owned(),
    }
}

fn leg(segment: Segment) -> Leg {
    let from = parse_zone(&segment.from_tz);
    let to = parse_zone(&segment.to_tz);
    let duration_minutes = segment.duration_minutes();
    Leg {
        departs_offset: from
            .map(|z| offset_label(segment.departs_local, z))
            .unwrap_or_default(),
        arrives_offset: to
            .map(|z| offset_label(segment.arrives_local, z))
            .unwrap_or_default(),
        duration: duration_minutes.map(duration_label).unwrap_or_default(),
        duration_minutes,
        from_label: place_label(&segment.from_place),
        to_label: place_label(&segment.to_place),
        segment,
    }
}

/// Whether a traveller is on a segment: an empty passenger list means every member.
fn travels(segment: &Segment, person: Option<&str>) -> bool {
    match person {
        None => true,
        Some(id) => {
            segment.passenger_ids.is_empty() || segment.passenger_ids.iter().any(|p| p == id)
        }
    }
}

/// Whether a traveller sleeps in a stay: an empty guest list means the whole delegation.
fn sleeps(stay: &Stay, person: Option<&str>) -> bool {
    match person {
        None => true,
        Some(id) => stay.guest_ids.is_empty() || stay.guest_ids.iter().any(|g| g == id),
    }
}

/// The nights one traveller spends between two segments in the same city with no stay
/// there: (arriving leg index, leaving leg index, missing nights).
fn gaps_of(
    legs: &[Leg],
    stays: &[Stay],
    person: Option<&str>,
) -> Vec<(usize, usize, Vec<NaiveDate>)> {
    let mine: Vec<usize> = (0..legs.len())
        .filter(|&i| legs.get(i).is_some_and(|l| travels(&l.segment, person)))
        .collect();
    // Nights at home are no one's business: the place the traveller's first leg leaves.
    let home = mine
        .first()
        .and_then(|&i| legs.get(i))
        .map(|l| places::same_city_key(&l.segment.from_place));
    let mut out = Vec::new();
    for pair in mine.windows(2) {
        let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let (Some(arriving), Some(leaving)) = (legs.get(a), legs.get(b)) else {
            continue;
        };
        let city = places::same_city_key(&arriving.segment.to_place);
        if city != places::same_city_key(&leaving.segment.from_place)
            || Some(&city) == home.as_ref()
        {
            continue;
        }
        let first_night = arriving.segment.arrives_local.date();
        let leaves_on = leaving.segment.departs_local.date();
        let covered: BTreeSet<NaiveDate> = stays
            .iter()
            .filter(|s| sleeps(s, person))
            .filter(|s| s.city.trim().is_empty() || places::same_city_key(&s.city) == city)
            .flat_map(|s| {
                s.check_in_on
                    .iter_days()
                    .take_while(move |d| *d < s.check_out_on)
            })
            .collect();
        let missing: Vec<NaiveDate> = first_night
            .iter_days()
            .take_while(|d| *d < leaves_on)
            .filter(|d| !covered.contains(d))
            .collect();
        if !missing.is_empty() {
            out.push((a, b, missing));
        }
    }
    out
}

/// Arranges a delegation's records into its itinerary, with a warning for each run of
/// nights in a city that no stay covers (one warning per run, naming everyone it concerns).
pub fn build(
    delegation: Delegation,
    segments: Vec<Segment>,
    stays: Vec<Stay>,
    members: &[MemberDetail],
) -> Itinerary {
    let mut legs: Vec<Leg> = segments.into_iter().map(leg).collect();
    legs.sort_by_key(|l| {
        (
            l.segment.departs_utc().map(|t| t.naive_utc()),
            l.segment.departs_local,
            l.segment.id.clone(),
        )
    });
    let travellers: Vec<(Option<&str>, &str)> = if members.is_empty() {
        vec![(None, "")]
    } else {
        members
            .iter()
            .map(|m| (Some(m.person.id.as_str()), m.person.full_name.as_str()))
            .collect()
    };
    let mut warnings: Vec<ItineraryWarning> = Vec::new();
    for (id, name) in travellers {
        for (a, b, nights) in gaps_of(&legs, &stays, id) {
            let (Some(arriving), Some(leaving)) = (legs.get(a), legs.get(b)) else {
                continue;
            };
            let same = warnings.iter_mut().find(|w| match w {
                ItineraryWarning::NightsWithoutStay {
                    arriving_segment_id,
                    leaving_segment_id,
                    nights: n,
                    ..
                } => {
                    *arriving_segment_id == arriving.segment.id
                        && *leaving_segment_id == leaving.segment.id
                        && *n == nights
                }
            });
            match same {
                Some(ItineraryWarning::NightsWithoutStay {
                    person_ids,
                    person_names,
                    ..
                }) => {
                    if let Some(id) = id {
                        person_ids.push(id.to_owned());
                        person_names.push(name.to_owned());
                    }
                }
                None => warnings.push(ItineraryWarning::NightsWithoutStay {
                    place: arriving.segment.to_place.clone(),
                    arriving_segment_id: arriving.segment.id.clone(),
                    leaving_segment_id: leaving.segment.id.clone(),
                    nights,
                    person_ids: id.map(str::to_owned).into_iter().collect(),
                    person_names: id.map(|_| name.to_owned()).into_iter().collect(),
                }),
            }
        }
    }
    Itinerary {
        delegation,
        person_id: None,
        legs,
        stays,
        warnings,
    }
}

impl Itinerary {
    /// What one person travels on and sleeps in, and the warnings that name them.
    pub fn for_person(&self, person_id: &str) -> Self {
        Self {
            delegation: self.delegation.clone(),
            person_id: Some(person_id.to_owned()),
            legs: self
                .legs
                .iter()
                .filter(|l| travels(&l.segment, Some(person_id)))
                .cloned()
                .collect(),
            stays: self
                .stays
                .iter()
                .filter(|s| sleeps(s, Some(person_id)))
                .cloned()
                .collect(),
            warnings: self
                .warnings
                .iter()
                .filter(|w| match w {
                    ItineraryWarning::NightsWithoutStay { person_ids, .. } => {
                        person_ids.is_empty() || person_ids.iter().any(|p| p == person_id)
                    }
                })
                .cloned()
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Direction;
    use crate::fixtures::{self, member_detail, person, stay};

    fn delegation() -> Delegation {
        fixtures::delegation("d1", Direction::Outgoing, "SG", "2016-09-05", "2016-09-09")
    }

    fn segment(
        id: &str,
        from: (&str, &str, &str),
        to: (&str, &str, &str),
        passengers: &[&str],
    ) -> Segment {
        fixtures::segment(id, "d1", from, to, passengers)
    }

    fn member(id: &str, name: &str) -> MemberDetail {
        member_detail("d1", person(id, name, None))
    }

    const HAN: &str = "Asia/Ho_Chi_Minh";
    const SIN: &str = "Asia/Singapore";

    fn out_and_back() -> Vec<Segment> {
        vec![
            // Listed back first: the itinerary must sort them.
            segment(
                "sq176",
                ("SIN", SIN, "2016-09-09T16:40"),
                ("HAN", HAN, "2016-09-09T18:55"),
                &[],
            ),
            segment(
                "vn651",
                ("HAN", HAN, "2016-09-05T23:50"),
                ("SIN", SIN, "2016-09-06T03:10"),
                &[],
            ),
        ]
    }

    #[test]
    fn legs_are_in_departure_order_with_offsets_and_durations() {
        let it = build(delegation(), out_and_back(), vec![], &[]);
        let rows: Vec<(&str, &str, &str, &str)> = it
            .legs
            .iter()
            .map(|l| {
                (
                    l.segment.id.as_str(),
                    l.departs_offset.as_str(),
                    l.arrives_offset.as_str(),
                    l.duration.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("vn651", "+07:00", "+08:00", "2 h 20 min"),
                ("sq176", "+08:00", "+07:00", "3 h 15 min"),
            ]
        );
        assert_eq!(it.legs[0].from_label, "HAN – Noi Bai International Airport");
    }

    #[test]
    fn a_stay_covering_every_night_abroad_raises_nothing() {
        // Arrive 03:10 on the 6th, leave on the 9th: the nights of the 6th, 7th and 8th.
        let it = build(
            delegation(),
            out_and_back(),
            vec![stay("s", "Singapore", "2016-09-06", "2016-09-09", &[])],
            &[],
        );
        assert!(it.warnings.is_empty(), "{:?}", it.warnings);
    }

    #[test]
    fn nights_without_a_stay_are_flagged_with_who_and_when() {
        let members = [member("a", "Trần Mỹ Dung"), member("b", "Lê Văn Thành")];
        let stays = vec![
            // Dung checks out a night early; Thành's room is in the wrong city.
            stay("s1", "Singapore", "2016-09-06", "2016-09-08", &["a"]),
            stay("s2", "Kuala Lumpur", "2016-09-06", "2016-09-09", &["b"]),
        ];
        let it = build(delegation(), out_and_back(), stays, &members);
        let found: Vec<(Vec<String>, Vec<String>)> = it
            .warnings
            .iter()
            .map(|w| match w {
                ItineraryWarning::NightsWithoutStay {
                    nights, person_ids, ..
                } => (
                    nights.iter().map(ToString::to_string).collect(),
                    person_ids.clone(),
                ),
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (vec!["2016-09-08".to_owned()], vec!["a".to_owned()]),
                (
                    vec![
                        "2016-09-06".into(),
                        "2016-09-07".into(),
                        "2016-09-08".into()
                    ],
                    vec!["b".to_owned()]
                ),
            ]
        );
        assert!(
            it.warnings[0].message().contains("Trần Mỹ Dung"),
            "{}",
            it.warnings[0].message()
        );
        assert_eq!(
            it.for_person("a").warnings.len(),
            1,
            "Dung sees only her gap"
        );
    }

    #[test]
    fn everyone_missing_the_same_nights_is_one_warning() {
        let members = [member("a", "A"), member("b", "B"), member("c", "C")];
        let it = build(delegation(), out_and_back(), vec![], &members);
        assert_eq!(it.warnings.len(), 1, "{:?}", it.warnings);
        assert!(matches!(
            &it.warnings[0],
            ItineraryWarning::NightsWithoutStay { person_ids, .. } if person_ids.len() == 3
        ));
    }

    #[test]
    fn a_same_day_connection_needs_no_bed_and_home_is_not_checked() {
        // HAN → SIN → CGK on the same day, back to HAN later; a night in Jakarta is booked.
        let segments = vec![
            segment(
                "a",
                ("HAN", HAN, "2016-09-05T08:00"),
                ("SIN", SIN, "2016-09-05T11:20"),
                &[],
            ),
            segment(
                "b",
                ("SIN", SIN, "2016-09-05T13:00"),
                ("CGK", "Asia/Jakarta", "2016-09-05T13:50"),
                &[],
            ),
            segment(
                "c",
                ("CGK", "Asia/Jakarta", "2016-09-06T09:00"),
                ("HAN", HAN, "2016-09-06T12:30"),
                &[],
            ),
            segment(
                "d",
                ("HAN", HAN, "2016-09-10T09:00"),
                ("SIN", SIN, "2016-09-10T12:20"),
                &[],
            ),
        ];
        let stays = vec![stay("s", "Jakarta", "2016-09-05", "2016-09-06", &[])];
        let it = build(delegation(), segments, stays, &[]);
        assert!(
            it.warnings.is_empty(),
            "Singapore is a connection, Hanoi is home: {:?}",
            it.warnings
        );
    }

    #[test]
    fn a_person_sees_only_their_own_segments_and_rooms() {
        let mut segments = out_and_back();
        segments.push(segment(
            "late",
            ("SGN", HAN, "2016-09-06T08:00"),
            ("SIN", SIN, "2016-09-06T11:00"),
            &["b"],
        ));
        let stays = vec![
            stay("s1", "Singapore", "2016-09-06", "2016-09-09", &["a"]),
            stay("s2", "Singapore", "2016-09-06", "2016-09-09", &["b"]),
        ];
        let it = build(
            delegation(),
            segments,
            stays,
            &[member("a", "A"), member("b", "B")],
        );
        let a = it.for_person("a");
        assert_eq!(a.legs.len(), 2, "the late flight is B's only");
        assert_eq!(a.stays.len(), 1);
        assert_eq!(it.for_person("b").legs.len(), 3);
    }
}
