//! The record as staff build it: people in delegations, warnings, the trash, statuses,
//! attachments, reports and the audit trail.

use desk_domain::{
    DelegationInput, DelegationStatus, Direction, ErrorKind, MemberInput, MissionReportInput,
    OrganisationInput, PersonInput, ReportStatus, Warning,
};
use desk_store::Store;

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

fn trip(store: &mut Store, title: &str, starts: &str, ends: &str) -> String {
    store
        .create_delegation(&DelegationInput::new(
            Direction::Outgoing,
            title,
            "SG",
            starts,
            ends,
        ))
        .unwrap()
        .id
}

fn person(store: &mut Store, name: &str) -> String {
    store
        .create_person(&PersonInput {
            full_name: name.into(),
            ..Default::default()
        })
        .unwrap()
        .id
}

fn join(store: &mut Store, delegation: &str, person: &str, role: &str) -> Vec<Warning> {
    store
        .add_member(
            delegation,
            &MemberInput {
                person_id: person.into(),
                role: role.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .warnings
}

#[test]
fn a_person_on_two_overlapping_trips_is_warned_not_refused() {
    let mut s = store();
    let singapore = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let bangkok = trip(&mut s, "Bangkok", "2016-09-09", "2016-09-12");
    let dung = person(&mut s, "Trần Mỹ Dung");
    assert!(join(&mut s, &singapore, &dung, "secretary").is_empty());
    let warnings = join(&mut s, &bangkok, &dung, "member");
    assert_eq!(warnings.len(), 1, "9 September is on both trips");
    assert!(
        matches!(&warnings[0], Warning::OverlappingTrip { other_title, .. } if other_title == "Singapore"),
        "{warnings:?}"
    );
    assert_eq!(
        s.members(&bangkok).unwrap().len(),
        1,
        "the member was added all the same"
    );
}

#[test]
fn the_same_person_cannot_be_added_twice() {
    let mut s = store();
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let p = person(&mut s, "Lê Văn Thành");
    join(&mut s, &d, &p, "member");
    let error = desk_domain::Error::from(
        s.add_member(
            &d,
            &MemberInput {
                person_id: p,
                ..Default::default()
            },
        )
        .unwrap_err(),
    );
    assert_eq!(error.violations[0].rule, desk_domain::Rule::Duplicate);
}

#[test]
fn members_are_listed_head_first() {
    let mut s = store();
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    for (name, role) in [("An", "member"), ("Bình", "head"), ("Chi", "deputy")] {
        let p = person(&mut s, name);
        join(&mut s, &d, &p, role);
    }
    let names: Vec<String> = s
        .members(&d)
        .unwrap()
        .into_iter()
        .map(|m| m.person.full_name)
        .collect();
    assert_eq!(names, ["Bình", "Chi", "An"]);
}

#[test]
fn a_trashed_delegation_leaves_the_list_and_search_and_comes_back_whole() {
    let mut s = store();
    let d = trip(&mut s, "Hội nghị CONSAL", "2018-04-23", "2018-04-27");
    let p = person(&mut s, "Phạm Thu Hà");
    join(&mut s, &d, &p, "head");
    s.trash_delegation(&d).unwrap();
    assert!(
        s.list_delegations().unwrap().is_empty(),
        "gone from the list"
    );
    assert!(
        s.search("consal", 10).unwrap().is_empty(),
        "gone from search"
    );
    let trash = s
        .list_delegations_where(&desk_domain::DelegationFilter {
            trashed: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(trash.len(), 1, "it is in the trash");

    s.restore_delegation(&d).unwrap();
    assert_eq!(s.list_delegations().unwrap().len(), 1, "back in the list");
    assert_eq!(s.members(&d).unwrap().len(), 1, "with its members");
    assert_eq!(s.search("consal", 10).unwrap().len(), 1, "and found again");
}

#[test]
fn statuses_follow_the_life_of_a_trip() {
    let mut s = store();
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let refused = desk_domain::Error::from(
        s.set_delegation_status(&d, DelegationStatus::Returned)
            .unwrap_err(),
    );
    assert_eq!(
        refused.kind,
        ErrorKind::Conflict,
        "a draft cannot have returned"
    );
    for status in [
        DelegationStatus::Approved,
        DelegationStatus::Underway,
        DelegationStatus::Returned,
    ] {
        assert_eq!(s.set_delegation_status(&d, status).unwrap().status, status);
    }
}

#[test]
fn every_change_is_in_the_audit_trail_field_by_field() {
    let mut s = store();
    s.set_actor("dung");
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let mut input = s.delegation(&d).unwrap().to_input();
    input.title = "Singapore, INELI-ASEAN".into();
    input.cities = "Singapore".into();
    s.update_delegation(&d, &input).unwrap();
    s.set_delegation_status(&d, DelegationStatus::Approved)
        .unwrap();

    let trail = s.audit_of("delegation", &d).unwrap();
    let fields: Vec<&str> = trail.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["*", "title", "cities", "status"]);
    assert_eq!(
        (trail[0].old_value.as_deref(), trail[0].new_value.as_deref()),
        (None, None),
        "a creation says who and when; what it held is the record less the changes after it"
    );
    assert!(
        trail.iter().all(|e| e.actor == "dung"),
        "who made the change is kept"
    );
    assert_eq!(trail[1].old_value.as_deref(), Some("\"Singapore\""));
    assert_eq!(
        trail[1].new_value.as_deref(),
        Some("\"Singapore, INELI-ASEAN\"")
    );
    assert_eq!(trail[3].new_value.as_deref(), Some("\"approved\""));
}

#[test]
fn an_organisation_name_finds_its_people() {
    let mut s = store();
    let org = s
        .create_organisation(&OrganisationInput {
            name: "Thư viện tỉnh Khánh Hòa".into(),
            kind: "library".into(),
            ..Default::default()
        })
        .unwrap();
    s.create_person(&PersonInput {
        full_name: "Võ Thị Hoà".into(),
        organisation_id: Some(org.id.clone()),
        ..Default::default()
    })
    .unwrap();
    let groups = s.search("khanh hoa", 10).unwrap();
    let kinds: Vec<&str> = groups.iter().map(|g| g.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["person", "organisation"],
        "the person first, then the library"
    );
    assert_eq!(groups[0].hits[0].label, "Võ Thị Hoà");
}

#[test]
fn attachments_keep_their_bytes_type_and_hash() {
    let mut s = store();
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let pdf = b"%PDF-1.4 decision".to_vec();
    let a = s
        .add_attachment(
            &desk_domain::AttachmentInput {
                delegation_id: Some(d.clone()),
                file_name: "quyet-dinh.pdf".into(),
                kind: "decision".into(),
                ..Default::default()
            },
            &pdf,
        )
        .unwrap();
    assert_eq!(a.media_type, "application/pdf");
    assert_eq!(a.size_bytes, pdf.len() as i64);
    assert_eq!(a.sha256, desk_store::sha256_hex(&pdf));
    assert_eq!(s.attachment_content(&a.id).unwrap(), pdf);
}

#[test]
fn a_report_is_final_only_after_the_return_locked_then_and_reopening_is_audited() {
    let mut s = store();
    let d = trip(&mut s, "Singapore", "2016-09-05", "2016-09-09");
    let report = s.start_report(&d).unwrap();
    assert!(
        report.number.ends_with("/BC-TVQG"),
        "numbered from the settings: {}",
        report.number
    );
    assert_eq!(report.signatory_authority, "KT. GIÁM ĐỐC");

    let mut input: MissionReportInput = report.to_input();
    input.results = "Đoàn hoàn thành nhiệm vụ.".into();
    input.purpose = "Tham dự phiên họp.".into();
    input.signatory_name = "Nguyễn Thị Hồng Nhung".into();
    let saved = s.save_report(&report.id, &input).unwrap();
    assert_eq!(
        saved.version,
        report.version + 1,
        "each save is a new version"
    );

    let early = desk_domain::Error::from(s.finalise_report(&report.id).unwrap_err());
    assert_eq!(
        early.kind,
        ErrorKind::Conflict,
        "the delegation has not returned yet"
    );

    for status in [
        DelegationStatus::Approved,
        DelegationStatus::Underway,
        DelegationStatus::Returned,
    ] {
        s.set_delegation_status(&d, status).unwrap();
    }
    let final_report = s.finalise_report(&report.id).unwrap();
    assert_eq!(final_report.status, ReportStatus::Final);
    input.results = "Changed after the fact".into();
    let locked = desk_domain::Error::from(s.save_report(&report.id, &input).unwrap_err());
    assert_eq!(locked.kind, ErrorKind::Conflict, "a final report is locked");

    s.reopen_report(&report.id, "typo in section 4").unwrap();
    let trail = s.audit_of("mission_report", &report.id).unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.field == "reopened"
                && e.new_value.as_deref() == Some("\"typo in section 4\"")),
        "the reopening and its reason are audited"
    );
    let versions = s.report_versions(&report.id).unwrap();
    let reasons: Vec<&str> = versions.iter().map(|v| v.reason.as_str()).collect();
    assert_eq!(reasons, ["reopened", "finalised"], "the final text is kept");
    assert_eq!(versions[1].report.results, "Đoàn hoàn thành nhiệm vụ.");
    assert!(
        s.save_report(&report.id, &input).is_ok(),
        "editable again once reopened"
    );
}
