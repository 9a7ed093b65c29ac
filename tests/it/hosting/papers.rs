//! The papers of the demo's 2017 Hà Nội session: programme, badges, transfer list and
//! letters with the right names in every script.

use super::*;

/// Runs `desk --db DB COMMAND --delegation ID [EXTRA] --out OUT`, which must succeed, and
/// returns what it said on stderr.
fn write_paper(db: &str, command: &str, delegation: &str, extra: &[&str], out: &str) -> String {
    let mut args = vec!["--db", db, command, "--delegation", delegation];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--out", out]);
    let run = desk(&args);
    assert_eq!(run.code, 0, "desk {command}: {}", run.stderr);
    run.stderr
}

/// The paper's text holds every phrase.
fn assert_shows(paper: &str, text: &str, expected: &[&str]) {
    for phrase in expected {
        assert!(
            text.contains(phrase),
            "the {paper} shows \"{phrase}\": {text}"
        );
    }
}

#[test]
fn the_demo_hanoi_session_prints_its_programme_badges_and_transfer_list() {
    let (db, path, hanoi) = demo_db();
    let out = |name: &str| db.dir.path().join(name).to_str().unwrap().to_owned();

    let programme = out("programme.pdf");
    write_paper(&path, "programme", &hanoi, &[], &programme);
    assert_shows(
        "programme",
        &pdftotext(Path::new(&programme)),
        &[
            "CHƯƠNG TRÌNH",
            "PROGRAMME",
            "Thứ Hai, 27/11/2017 · Monday, 27 November 2017",
            "Khai mạc Phiên họp lần thứ 3 Dự án INELI-ASEAN",
            "Lễ · Ceremony",
            "Hội trường tầng 3",
        ],
    );

    let badges = out("badges.pdf");
    write_paper(&path, "badges", &hanoi, &[], &badges);
    assert_shows(
        "badges",
        &pdftotext(Path::new(&badges)),
        &[
            "Kanokwan THONGDEE",
            "THAILAND · THÁI LAN",
            "Phouvong SOUVANNAVONG",
            "ĐẠI BIỂU · DELEGATE",
            "3rd INELI-ASEAN session",
        ],
    );

    let tents = out("tents.pdf");
    write_paper(&path, "badges", &hanoi, &["--tent"], &tents);
    assert_shows(
        "table card",
        &pdftotext(Path::new(&tents)),
        &["Kanokwan THONGDEE"],
    );

    let transfers = out("transfers.pdf");
    write_paper(&path, "transfers", &hanoi, &[], &transfers);
    assert_shows(
        "transfer list",
        &pdftotext(Path::new(&transfers)),
        &[
            "DANH SÁCH ĐÓN TIỄN SÂN BAY",
            "TG 560",
            "Kanokwan Thongdee",
            "Nội Bài (HAN) T2",
            "Chủ Nhật, 26/11/2017",
        ],
    );

    let rooming = out("rooming.xlsx");
    write_paper(&path, "rooming", &hanoi, &[], &rooming);
    let rows = read_back(&std::fs::read(&rooming).unwrap());
    assert!(
        rows.iter()
            .any(|r| r.contains(&Data::String("Twin 501".into()))),
        "the rooming list names the rooms"
    );
}

#[test]
fn letters_print_passport_details_and_fall_back_to_the_passport_form_for_lao_script() {
    let (db, path, hanoi) = demo_db();
    // A guest whose name is in Lao script.
    let mut store = db.open();
    let lao = store
        .create_person(&desk_domain::PersonInput {
            full_name: "ສົມພອນ ແກ້ວມະນີ".into(),
            passport_name: "SOMPHONE KEOMANY".into(),
            name_order: "given_first".into(),
            nationality: "LA".into(),
            gender: "male".into(),
            passport_no: "LA7777777".into(),
            passport_expires_on: "2027-01-01".into(),
            born_on: "1976-08-30".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_member(
            &hanoi,
            &desk_domain::MemberInput {
                person_id: lao.id.clone(),
                role: "guest".into(),
                ..Default::default()
            },
        )
        .unwrap();
    drop(store);
    let out = |name: &str| db.dir.path().join(name).to_str().unwrap().to_owned();

    let letters = out("visa.pdf");
    let said = write_paper(
        &path,
        "letters",
        &hanoi,
        &[
            "--kind",
            "visa",
            "--guest",
            &lao.id,
            "--lang",
            "both",
            "--date",
            "2017-10-10",
        ],
        &letters,
    );
    assert!(
        said.contains("SOMPHONE KEOMANY") && said.contains("passport form"),
        "the fallback is said, not silent: {said}"
    );
    assert_shows(
        "letters",
        &pdftotext(Path::new(&letters)),
        &[
            "VISA SUPPORT LETTER",
            "The Embassy of the Socialist Republic of Viet Nam in Lao PDR",
            "LA7777777",
            "30 August 1976",
            "Mr SOMPHONE KEOMANY",
            // A công văn: no type heading, its summary under the number.
            "V/v cấp thị thực nhập cảnh",
            "Cục Quản lý xuất nhập cảnh",
            "Ông SOMPHONE KEOMANY",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 10 tháng 10 năm 2017",
        ],
    );

    let all = out("visa-all.pdf");
    let said = write_paper(&path, "letters", &hanoi, &["--kind", "visa"], &all);
    assert!(said.contains("6 guest(s) of VN need no visa"), "{said}");
    let text = pdftotext(Path::new(&all));
    assert!(
        text.contains("Kanokwan THONGDEE"),
        "a Thai guest gets a visa letter"
    );
    assert!(
        !text.contains("Lương Đức Anh"),
        "a Vietnamese guest gets none"
    );

    let badges = out("lao-badges.pdf");
    write_paper(&path, "badges", &hanoi, &[], &badges);
    assert!(
        pdftotext(Path::new(&badges)).contains("SOMPHONE KEOMANY"),
        "the badge prints the passport form rather than blanks"
    );
}
