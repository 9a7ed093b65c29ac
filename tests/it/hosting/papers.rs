//! The papers of the demo's 2017 Hà Nội session: programme, badges, transfer list and
//! letters with the right names in every script.

use super::*;

#[test]
fn the_demo_hanoi_session_prints_its_programme_badges_and_transfer_list() {
    let (db, path, hanoi) = demo_db();
    let out = |name: &str| db.dir.path().join(name).to_str().unwrap().to_owned();

    let programme = out("programme.pdf");
    let run = desk(&[
        "--db",
        &path,
        "programme",
        "--delegation",
        &hanoi,
        "--out",
        &programme,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&programme));
    for expected in [
        "CHƯƠNG TRÌNH",
        "PROGRAMME",
        "Thứ Hai, 27/11/2017 · Monday, 27 November 2017",
        "Khai mạc Phiên họp lần thứ 3 Dự án INELI-ASEAN",
        "Lễ · Ceremony",
        "Hội trường tầng 3",
    ] {
        assert!(
            text.contains(expected),
            "the programme shows \"{expected}\": {text}"
        );
    }

    let badges = out("badges.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        &badges,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&badges));
    for expected in [
        "Kanokwan THONGDEE",
        "THAILAND · THÁI LAN",
        "Phouvong SOUVANNAVONG",
        "ĐẠI BIỂU · DELEGATE",
        "3rd INELI-ASEAN session",
    ] {
        assert!(text.contains(expected), "the badges show \"{expected}\"");
    }

    let tents = out("tents.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        &tents,
        "--tent",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&tents));
    assert!(
        text.matches("Kanokwan THONGDEE").count() >= 1,
        "the card carries the name"
    );

    let transfers = out("transfers.pdf");
    let run = desk(&[
        "--db",
        &path,
        "transfers",
        "--delegation",
        &hanoi,
        "--out",
        &transfers,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&transfers));
    for expected in [
        "DANH SÁCH ĐÓN TIỄN SÂN BAY",
        "TG 560",
        "Kanokwan Thongdee",
        "Nội Bài (HAN) T2",
        "Chủ Nhật, 26/11/2017",
    ] {
        assert!(
            text.contains(expected),
            "the transfer list shows \"{expected}\": {text}"
        );
    }

    let rooming = out("rooming.xlsx");
    let run = desk(&[
        "--db",
        &path,
        "rooming",
        "--delegation",
        &hanoi,
        "--out",
        &rooming,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
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

    let letters = db.dir.path().join("visa.pdf");
    let run = desk(&[
        "--db",
        &path,
        "letters",
        "--delegation",
        &hanoi,
        "--kind",
        "visa",
        "--guest",
        &lao.id,
        "--lang",
        "both",
        "--date",
        "2017-10-10",
        "--out",
        letters.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("SOMPHONE KEOMANY") && run.stderr.contains("passport form"),
        "the fallback is said, not silent: {}",
        run.stderr
    );
    let text = pdftotext(&letters);
    for expected in [
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
    ] {
        assert!(
            text.contains(expected),
            "the letters show \"{expected}\": {text}"
        );
    }

    let all = db.dir.path().join("visa-all.pdf");
    let run = desk(&[
        "--db",
        &path,
        "letters",
        "--delegation",
        &hanoi,
        "--kind",
        "visa",
        "--out",
        all.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("6 guest(s) of VN need no visa"),
        "{}",
        run.stderr
    );
    let text = pdftotext(&all);
    assert!(
        text.contains("Kanokwan THONGDEE"),
        "a Thai guest gets a visa letter"
    );
    assert!(
        !text.contains("Lương Đức Anh"),
        "a Vietnamese guest gets none"
    );

    let badges = db.dir.path().join("lao-badges.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        badges.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0);
    assert!(
        pdftotext(&badges).contains("SOMPHONE KEOMANY"),
        "the badge prints the passport form rather than blanks"
    );
}
