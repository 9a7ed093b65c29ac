//! The days of the visit: check-in at the welcome desk, the duty checklist, transfers from
//! flights, rooms, and the host's own staff kept apart from the guests.

use super::*;

fn no_tick_exported(store: &Store) -> bool {
    let export = store.export("").unwrap();
    export
        .hosting
        .iter()
        .all(|k| !k.key.starts_with("checkin:"))
}

#[test]
fn check_in_ticks_arrivals_and_travels_with_the_export() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    let first = &guests[0].person.id;
    let tick = store.set_arrival(&delegation, first, true).unwrap();
    assert!(tick.at.is_some());
    let again = store.set_arrival(&delegation, first, true).unwrap();
    assert_eq!(
        again.at, tick.at,
        "ticking twice keeps the first arrival time"
    );
    let missing: Vec<String> = store
        .check_ins(&delegation)
        .unwrap()
        .into_iter()
        .filter(|c| c.at.is_none())
        .map(|c| c.person_id)
        .collect();
    assert_eq!(missing.len(), 2, "two guests have not arrived");
    assert!(!missing.contains(first));

    let export = store.export("").unwrap();
    assert!(
        export.hosting.iter().any(|k| k.key.starts_with("checkin:")),
        "the tick is in the export"
    );
    let mut copy = Store::open_in_memory().unwrap();
    copy.import(&export, desk_store::SettingsMode::Replace)
        .unwrap();
    assert_eq!(
        copy.check_ins(&delegation)
            .unwrap()
            .iter()
            .filter(|c| c.at.is_some())
            .count(),
        1
    );
    // A crafted file: a tick without its time, or for a member the file does not hold,
    // is refused with what is wrong, and nothing is imported.
    for (edit, says) in [("no time", "has no time"), ("no member", "names no member")] {
        let mut crafted = export.clone();
        let tick = crafted
            .hosting
            .iter_mut()
            .find(|k| k.key.starts_with("checkin:"))
            .unwrap();
        if edit == "no time" {
            tick.value = serde_json::json!({ "by": "desk" });
        } else {
            tick.key = "checkin:00000000-0000-0000-0000-000000000000".into();
        }
        let mut empty = Store::open_in_memory().unwrap();
        let refused = empty
            .import(&crafted, desk_store::SettingsMode::Replace)
            .unwrap_err();
        let refused = desk_domain::Error::from(refused);
        assert!(
            refused.message.contains(says),
            "{edit}: {}",
            refused.message
        );
        assert!(empty.is_empty().unwrap(), "{edit}: nothing was imported");
    }

    let round = copy.export("").unwrap();
    assert!(
        serde_json::to_string(&round).unwrap() == serde_json::to_string(&export).unwrap(),
        "export, import, export is identical"
    );

    store.set_arrival(&delegation, first, false).unwrap();
    assert!(
        store
            .check_ins(&delegation)
            .unwrap()
            .iter()
            .all(|c| c.at.is_none())
    );
    let member = store.member_of(&delegation, first).unwrap();
    store.set_arrival(&delegation, first, true).unwrap();
    store.remove_member(&member.id).unwrap();
    assert!(
        no_tick_exported(&store),
        "a removed member's tick goes with them"
    );

    let second = &guests[1].person.id;
    store.set_arrival(&delegation, second, true).unwrap();
    store.trash_delegation(&delegation).unwrap();
    store.purge_delegation(&delegation).unwrap();
    assert!(
        no_tick_exported(&store),
        "a delegation deleted for good takes its guests' ticks with it"
    );
}

#[test]
fn a_checklist_counts_back_from_the_first_day_and_is_not_applied_twice() {
    let (mut store, delegation, _) = hosting_store();
    let staff = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Trần Mỹ Dung".into(),
            ..Default::default()
        })
        .unwrap();
    let template = desk_store::default_checklist().unwrap();
    let applied = store
        .apply_checklist(&delegation, &template, Some(&staff.id), Language::Vi)
        .unwrap();
    assert_eq!(applied.created.len(), template.items.len());
    let due = |title: &str| {
        applied
            .created
            .iter()
            .find(|t| t.title == title)
            .and_then(|t| t.due_on)
            .map(|d| d.to_string())
    };
    assert_eq!(
        due("Gửi thư mời đại biểu các nước").as_deref(),
        Some("2017-09-28"),
        "60 days before 27 Nov"
    );
    assert_eq!(
        due("Gửi thư hỗ trợ xin thị thực").as_deref(),
        Some("2017-10-13"),
        "45 days before"
    );
    assert_eq!(
        due("Xác nhận đặt phòng khách sạn").as_deref(),
        Some("2017-10-28"),
        "30 days before"
    );
    assert_eq!(
        due("Chốt danh sách đón tiễn sân bay").as_deref(),
        Some("2017-11-24"),
        "3 days before"
    );
    assert!(
        applied
            .created
            .iter()
            .all(|t| t.assignee_id.as_deref() == Some(staff.id.as_str()))
    );
    let english = store
        .apply_checklist(&delegation, &template, None, Language::En)
        .unwrap();
    assert!(
        english.created.is_empty(),
        "the same duties in English are the same tasks"
    );
    assert_eq!(english.skipped.len(), template.items.len());
    let nobody =
        store.apply_checklist(&delegation, &template, Some("no-such-person"), Language::Vi);
    assert!(nobody.is_err(), "an unknown assignee is refused");
}

#[test]
fn transfers_are_made_once_per_flight_and_listed_by_day() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let made = store.generate_transfers(&delegation).unwrap();
    assert_eq!(made.len(), 2, "TG 560 and QV 311");
    assert!(
        store.generate_transfers(&delegation).unwrap().is_empty(),
        "a flight with a transfer gets no second one"
    );
    let board = store.transfer_board(&delegation).unwrap();
    assert_eq!(board.days.len(), 1);
    let times: Vec<String> = board.days[0]
        .transfers
        .iter()
        .map(|t| t.transfer.at_local.format("%H:%M").to_string())
        .collect();
    assert_eq!(
        times,
        vec!["11:40", "15:55"],
        "pickups in time order at the arrival times"
    );
    assert_eq!(
        board.without_arrival_transfer.len(),
        1,
        "Ei Ei Phyo gave no flight"
    );
    assert_eq!(board.without_arrival_transfer[0].full_name, "Ei Ei Phyo");
}

#[test]
fn moving_a_guest_between_rooms_leaves_them_in_exactly_one() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    let (a, b) = (&guests[0].person.id, &guests[1].person.id);
    let room = |store: &mut Store, name: &str, guests: Vec<String>| {
        store
            .add(
                &delegation,
                &desk_domain::StayInput {
                    hotel: "Hotel Nikko Hanoi".into(),
                    room: name.into(),
                    check_in_on: "2017-11-26".into(),
                    check_out_on: "2017-11-30".into(),
                    guest_ids: guests,
                    ..Default::default()
                },
            )
            .unwrap()
    };
    let twin = room(&mut store, "Twin 501", vec![a.clone()]);
    let single = room(&mut store, "Single 502", vec![]);

    // Into a first room, beside the guest already there: they share.
    let changed = store
        .move_guest(&delegation, b, None, Some(&twin.id))
        .unwrap();
    assert_eq!(changed.len(), 1, "only the room joined changes");
    let list = store.rooming_list(&delegation).unwrap();
    let shares = list
        .nights
        .iter()
        .find(|n| &n.guest.person_id == b)
        .map(|n| n.shares_with.len());
    assert_eq!(shares, Some(1), "the second guest shares the twin");
    assert_eq!(
        list.nights
            .iter()
            .find(|n| &n.guest.person_id == b)
            .map(|n| n.nights),
        Some(4),
        "26 to 30 November is four nights"
    );

    // From the twin to the single: out of one, into the other, together.
    store
        .move_guest(&delegation, b, Some(&twin.id), Some(&single.id))
        .unwrap();
    let rooms_of_b: Vec<String> = store
        .guests(&delegation)
        .unwrap()
        .into_iter()
        .find(|g| &g.person.id == b)
        .map(|g| g.stays.into_iter().map(|s| s.room).collect())
        .unwrap_or_default();
    assert_eq!(rooms_of_b, vec!["Single 502".to_owned()]);

    // A move from a room the guest is not in changes nothing.
    let refused = store
        .move_guest(&delegation, b, Some(&twin.id), None)
        .unwrap_err();
    let refused: desk_domain::Error = refused.into();
    assert_eq!(refused.violations[0].field, "from_stay_id");
    assert_eq!(refused.violations[0].rule, Rule::UnknownRecord);
    let single_now: desk_domain::Stay = store.get(&single.id).unwrap();
    assert_eq!(
        single_now.guest_ids,
        vec![b.clone()],
        "the refused move left the guest where they were"
    );

    // Leaving every room puts the guest on the list of guests without one.
    store
        .move_guest(&delegation, b, Some(&single.id), None)
        .unwrap();
    let list = store.rooming_list(&delegation).unwrap();
    assert!(
        list.without_room.iter().any(|p| &p.person_id == b),
        "the guest who left their room has none"
    );
}

#[test]
fn the_hosts_own_staff_are_never_guests_of_a_delegation_we_receive() {
    let (mut store, delegation, _) = hosting_store();
    let secretary = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Đặng Quốc Đạt".into(),
            nationality: "VN".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_member(
            &delegation,
            &desk_domain::MemberInput {
                person_id: secretary.id.clone(),
                role: "secretary".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        store.guests(&delegation).unwrap().is_empty(),
        "before the guest list comes, the secretary is not shown as a guest"
    );
    assert!(
        store.check_ins(&delegation).unwrap().is_empty(),
        "nobody to tick at the welcome desk"
    );
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    assert!(!guests.is_empty());
    assert!(
        guests.iter().all(|g| g.person.id != secretary.id),
        "the secretary is still not a guest"
    );
}
