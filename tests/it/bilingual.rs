//! Papers bilingual where they are bilingual: a programme item has a title in English beside
//! the Vietnamese one; the bilingual programme prints both, the English mission report the
//! English one, the Vietnamese report the Vietnamese one.

use std::path::Path;

use desk_domain::{ProgrammeItem, ProgrammeItemInput};
use desk_tests::{TempDb, demo_delegation, desk, pdf_text};

/// Gives the delegation's first programme item an English title; returns its Vietnamese one.
fn name_in_english(db: &TempDb, delegation: &str, english: &str) -> String {
    let mut store = db.open();
    let items = store.list::<ProgrammeItemInput>(delegation).unwrap();
    let first: &ProgrammeItem = items.first().expect("the demo trip has a programme");
    let input = ProgrammeItemInput {
        kind: first.kind.as_str().into(),
        title: first.title.clone(),
        title_en: english.into(),
        on_date: first.on_date.to_string(),
        starts_at: first
            .starts_at
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        ends_at: first
            .ends_at
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        venue: first.venue.clone(),
        room: first.room.clone(),
        responsible_id: first.responsible_id.clone(),
        audience: first.audience.as_str().into(),
        audience_note: first.audience_note.clone(),
        notes: first.notes.clone(),
    };
    let saved = store.replace(&first.id, &input).unwrap();
    assert_eq!(saved.title_en, english);
    first.title.clone()
}

/// Text of a PDF with its lines joined, so a title wrapped in a table cell reads whole.
fn flat_text(pdf: &Path) -> String {
    pdf_text(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_bilingual_programme_prints_both_titles_of_an_item() {
    let (db, path, hanoi) = demo_delegation("incoming");
    let vietnamese = name_in_english(&db, &hanoi, "Welcome and registration");
    let out = db.dir.path().join("programme.pdf");
    let run = desk(&[
        "--db",
        &path,
        "programme",
        "--delegation",
        &hanoi,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = flat_text(&out);
    // The cell holds "Vietnamese / English"; a narrow column wraps it, so the text layer
    // interleaves it with its neighbours: each part is looked for on its own.
    assert!(text.contains("/ Welcome and registration"), "{text}");
    let first_words: String = vietnamese
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&first_words), "\"{first_words}\" in: {text}");
}

#[test]
fn the_english_report_names_a_programme_item_in_english() {
    let (db, path, singapore) = demo_delegation("outgoing");
    let vietnamese = name_in_english(&db, &singapore, "Visit to the Library Supporting Centre");
    let report = |lang: &str| {
        let out = db.dir.path().join(format!("report-{lang}.pdf"));
        let run = desk(&[
            "--db",
            &path,
            "report",
            "export",
            "--delegation",
            &singapore,
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        flat_text(&out)
    };
    let english = report("en");
    assert!(
        english.contains("Visit to the Library Supporting Centre"),
        "{english}"
    );
    assert!(
        !english.contains(&vietnamese),
        "no Vietnamese title in the English report: {english}"
    );
    let official = report("vi");
    assert!(official.contains(&vietnamese), "{official}");
    assert!(
        !official.contains("Visit to the Library Supporting Centre"),
        "{official}"
    );
}
