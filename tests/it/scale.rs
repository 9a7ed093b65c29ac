//! An office's whole history in the window: lists read a page at a time in their order,
//! search stops at a limit per kind with the best matches first, the search index is keyed
//! so that a write touches one entry, and synthetic databases to measure with.

use std::collections::HashSet;
use std::sync::OnceLock;

use desk_domain::{
    Delegation, DelegationFilter, DelegationSort, Direction, DirectoryFilter, Page, PageRequest,
    Person,
};
use desk_store::testing::{Synthetic, generate};
use desk_store::{SYNTHETIC_NOTE, Store};
use desk_tests::{TempDb, desk};

/// One year of the twenty-year office (2,500 delegations, 25,000 people) with fewer
/// expense lines: large enough that a whole list is megabytes, small enough for a debug
/// build. Made once per test run and shared.
fn office() -> &'static TempDb {
    static MADE: OnceLock<TempDb> = OnceLock::new();
    MADE.get_or_init(|| {
        let db = TempDb::new().unwrap();
        let mut store = db.create();
        let size = Synthetic {
            expenses_per_delegation: 2,
            ..Synthetic::years(1)
        };
        generate(&mut store, &size).unwrap();
        db
    })
}

/// Every page of a list, following the cursors.
fn all_pages<T>(mut read: impl FnMut(&PageRequest) -> Page<T>, size: u32) -> Vec<T> {
    let mut out = Vec::new();
    let mut request = PageRequest::first(size);
    loop {
        let page = read(&request);
        assert!(
            page.items.len() <= size as usize,
            "a page holds at most its limit"
        );
        out.extend(page.items);
        match page.next {
            Some(next) => request.after = Some(next),
            None => return out,
        }
    }
}

#[test]
fn the_first_pages_of_delegations_and_people_cross_in_under_200_kb() {
    let store = office().open();
    // What the shell's commands return for a first page (the window's request, bounded).
    let delegations = store
        .delegation_page(
            &DelegationFilter::default(),
            &PageRequest::default().for_window(),
        )
        .unwrap();
    let people = store
        .people_page(
            &DirectoryFilter::default(),
            &PageRequest::default().for_window(),
        )
        .unwrap();
    let all_people = store.list_people().unwrap();
    for (what, bytes, total) in [
        (
            "delegations",
            serde_json::to_vec(&delegations).unwrap().len(),
            delegations.total,
        ),
        (
            "people",
            serde_json::to_vec(&people).unwrap().len(),
            people.total,
        ),
    ] {
        assert!(bytes < 200_000, "first page of {what}: {bytes} bytes");
        assert!(
            total >= 2_400,
            "{what}: the count is of the whole list ({total})"
        );
    }
    assert_eq!(people.total as usize, all_people.len());
    assert!(
        serde_json::to_vec(&all_people).unwrap().len() > 2_000_000,
        "the whole directory would be megabytes: the bound is what keeps the page small"
    );
    assert!(
        delegations.next.is_some() && people.next.is_some(),
        "more to come"
    );
}

#[test]
fn pages_follow_each_order_to_the_end_without_a_row_twice() {
    let store = office().open();
    for sort in [
        DelegationSort::Newest,
        DelegationSort::Oldest,
        DelegationSort::Title,
    ] {
        let filter = DelegationFilter {
            sort,
            direction: Some(Direction::Outgoing),
            ..Default::default()
        };
        let paged = all_pages(|p| store.delegation_page(&filter, p).unwrap(), 333);
        let whole = store.list_delegations_where(&filter).unwrap();
        assert_eq!(
            ids(&paged),
            ids(&whole),
            "{sort:?}: pages add up to the list"
        );
        let distinct: HashSet<&str> = paged.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(distinct.len(), paged.len(), "{sort:?}: no row twice");
        assert!(paged.iter().all(|d| d.direction == Direction::Outgoing));
        let in_order = paged.windows(2).all(|w| match sort {
            DelegationSort::Newest => w[0].starts_on >= w[1].starts_on,
            DelegationSort::Oldest => w[0].starts_on <= w[1].starts_on,
            DelegationSort::Title => w[0].title.to_lowercase() <= w[1].title.to_lowercase(),
        });
        assert!(in_order, "{sort:?}: in order across pages");
    }
    let people = all_pages(
        |p| store.people_page(&DirectoryFilter::default(), p).unwrap(),
        5_000,
    );
    assert_eq!(people.len(), 25_000);
    assert!(
        people
            .windows(2)
            .all(|w| w[0].full_name.to_lowercase() <= w[1].full_name.to_lowercase()),
        "people by name across pages"
    );
}

fn ids(list: &[Delegation]) -> Vec<&str> {
    list.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn the_year_filter_counts_the_delegations_that_start_in_it() {
    let mut store = Store::open_in_memory().unwrap();
    for (title, starts, ends) in [
        ("New year's eve", "2016-12-31", "2017-01-03"),
        ("First of January", "2017-01-01", "2017-01-02"),
        ("Last of the year", "2017-12-31", "2018-01-01"),
        ("Next year", "2018-01-01", "2018-01-05"),
    ] {
        store
            .create_delegation(&desk_domain::DelegationInput::new(
                Direction::Outgoing,
                title,
                "SG",
                starts,
                ends,
            ))
            .unwrap();
    }
    let page = store
        .delegation_page(
            &DelegationFilter {
                year: Some(2017),
                ..Default::default()
            },
            &PageRequest::first(1),
        )
        .unwrap();
    assert_eq!(page.total, 2, "counted without reading them");
    assert_eq!(page.items[0].title, "Last of the year", "newest first");
    let rest = store
        .delegation_page(
            &DelegationFilter {
                year: Some(2017),
                ..Default::default()
            },
            &PageRequest {
                limit: Some(1),
                after: page.next.clone(),
            },
        )
        .unwrap();
    assert_eq!(rest.items[0].title, "First of January");
    assert_eq!(rest.next, None, "the last page says so");
}

/// The first `limit` delegations of the trash, as the window's Trash view reads them.
fn trash_page(store: &Store, limit: u32) -> Page<Delegation> {
    let trash = DelegationFilter {
        trashed: true,
        ..Default::default()
    };
    store
        .delegation_page(&trash, &PageRequest::first(limit))
        .unwrap()
}

#[test]
fn a_cursor_stays_right_when_rows_before_it_are_thrown_away() {
    let mut store = Store::open_in_memory().unwrap();
    let made: Vec<Delegation> = (1..=6)
        .map(|day| {
            store
                .create_delegation(&desk_domain::DelegationInput::new(
                    Direction::Incoming,
                    &format!("Visit {day}"),
                    "VN",
                    &format!("2019-03-{day:02}"),
                    &format!("2019-03-{day:02}"),
                ))
                .unwrap()
        })
        .collect();
    let first = store
        .delegation_page(&DelegationFilter::default(), &PageRequest::first(3))
        .unwrap();
    assert_eq!(
        first
            .items
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>(),
        ["Visit 6", "Visit 5", "Visit 4"]
    );
    // Someone trashes a row already shown: the next page still starts after Visit 4.
    store.trash_delegation(&made[4].id).unwrap();
    let next = store
        .delegation_page(
            &DelegationFilter::default(),
            &PageRequest {
                limit: Some(3),
                after: first.next,
            },
        )
        .unwrap();
    assert_eq!(
        next.items
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>(),
        ["Visit 3", "Visit 2", "Visit 1"]
    );
    assert_eq!(next.total, 5);
    let trash = trash_page(&store, 10);
    assert_eq!(trash.total, 1);
    assert_eq!(trash.items[0].title, "Visit 5");
    let refused = store.delegation_page(
        &DelegationFilter::default(),
        &PageRequest {
            limit: Some(3),
            after: Some("not-a-cursor".into()),
        },
    );
    match refused {
        Err(desk_store::StoreError::Domain(e)) => assert_eq!(e.violations[0].field, "after"),
        other => panic!("a made-up cursor must be refused by name, got {other:?}"),
    }
}

#[test]
fn search_puts_names_that_begin_with_the_words_first_and_stops_at_the_limit() {
    let mut store = Store::open_in_memory().unwrap();
    let add = |store: &mut Store, name: &str, notes: &str| -> Person {
        store
            .create_person(&desk_domain::PersonInput {
                full_name: name.into(),
                notes: notes.into(),
                ..Default::default()
            })
            .unwrap()
    };
    let mentions = add(
        &mut store,
        "Lê Văn Bình",
        "Gặp bà Trần Mỹ Dung tại Singapore",
    );
    let dung = add(&mut store, "Trần Mỹ Dung", "");
    for n in 0..30 {
        add(&mut store, &format!("Trần Văn Học {n}"), "");
    }
    let groups = store.search("tran my", 5).unwrap();
    let people = &groups.iter().find(|g| g.kind == "person").unwrap().hits;
    assert_eq!(
        people[0].record_id, dung.id,
        "the name that begins so first"
    );
    assert_eq!(people[1].record_id, mentions.id, "then a mention in notes");
    assert_eq!(people.len(), 2);
    let many = store.search("tran", 5).unwrap();
    assert_eq!(many[0].hits.len(), 5, "each kind stops at the limit");
}

#[test]
fn a_replaced_entry_is_found_by_its_new_words_only_and_the_rest_stay_found() {
    let mut store = Store::open_in_memory().unwrap();
    let mut made = Vec::new();
    for n in 0..50 {
        let input = desk_domain::DelegationInput::new(
            Direction::Outgoing,
            &format!("Hội nghị Bangkok {n}"),
            "TH",
            "2019-05-01",
            "2019-05-03",
        );
        made.push(store.create_delegation(&input).unwrap().id);
    }
    let input = desk_domain::DelegationInput::new(
        Direction::Outgoing,
        "Hội thảo Chiang Mai",
        "TH",
        "2019-05-01",
        "2019-05-03",
    );
    store.update_delegation(&made[7], &input).unwrap();
    let found = |store: &Store, q: &str| -> Vec<String> {
        store
            .search(q, 100)
            .unwrap()
            .into_iter()
            .flat_map(|g| g.hits.into_iter().map(|h| h.record_id))
            .collect()
    };
    assert_eq!(found(&store, "chiang mai"), vec![made[7].clone()]);
    assert_eq!(found(&store, "bangkok").len(), 49, "the old words are gone");
    let filtered = store
        .list_delegations_where(&DelegationFilter {
            text: Some("chiang".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&filtered), vec![made[7].as_str()]);
    store.trash_delegation(&made[8]).unwrap();
    assert_eq!(
        found(&store, "bangkok").len(),
        48,
        "the trash is not searched"
    );
}

/// `desk --json delegation list --limit 2` on the database at `db`, with `more` arguments
/// (a cursor) after: a script reading the list two at a time.
fn list_two(db: &str, more: &[&str]) -> desk_tests::Run {
    let mut args = vec!["--db", db, "--json", "delegation", "list", "--limit", "2"];
    args.extend_from_slice(more);
    desk(&args)
}

#[test]
fn desk_synthetic_writes_a_marked_database_and_never_into_an_existing_one() {
    let tmp = TempDb::new().unwrap();
    let out = tmp.dir.path().join("one-year.sqlite");
    let out_arg = out.to_str().unwrap();
    // The test key file, never the user's keyring.
    let key_file = desk_tests::key_file_for(&out);
    let key_arg = format!("--key-file={}", key_file.display());
    let made = desk(&["synthetic", "--years", "1", "--out", out_arg, &key_arg]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        made.stdout.contains("2,500") || made.stdout.contains("2500"),
        "{}",
        made.stdout
    );
    let again = desk(&["synthetic", "--years", "1", "--out", out_arg, &key_arg]);
    assert_ne!(again.code, 0, "an existing file is refused");
    assert!(again.stderr.contains("already"), "{}", again.stderr);

    let key = desk_store::KeyChoice {
        file: Some(key_file),
    }
    .find(&out)
    .unwrap()
    .0;
    let store = Store::open(&out, &key).unwrap();
    let first = store
        .delegation_page(&DelegationFilter::default(), &PageRequest::first(3))
        .unwrap();
    let trash = trash_page(&store, 1);
    assert_eq!(first.total + trash.total, 2_500, "a year of delegations");
    assert!(
        trash.total > 0 && trash.total < 100,
        "about 1% in the trash"
    );
    assert!(first.items.iter().all(|d| d.notes == SYNTHETIC_NOTE));
    let people = store
        .people_page(&DirectoryFilter::default(), &PageRequest::first(3))
        .unwrap();
    assert!(people.items.iter().all(|p| p.notes == SYNTHETIC_NOTE));
    assert!(
        !store.search("nguyen", 5).unwrap().is_empty(),
        "the search index is filled"
    );
    let listed = list_two(out_arg, &[]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    let rows: serde_json::Value = serde_json::from_str(&listed.stdout).unwrap();
    assert_eq!(rows["items"].as_array().map(Vec::len), Some(2));
    let cursor = rows["next"].as_str().unwrap();
    let after = list_two(out_arg, &["--after", cursor]);
    let more: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    assert_ne!(
        more["items"][0]["id"], rows["items"][0]["id"],
        "the next page starts after the cursor"
    );
    assert_eq!(more["items"][0]["id"], first.items[2].id.as_str());
}

/// The People screen's count, as the window asks for it.
fn people_shown(store: &Store) -> u32 {
    store
        .people_page(&DirectoryFilter::default(), &PageRequest::first(1))
        .unwrap()
        .total
}

#[test]
fn the_count_of_people_stays_exact_through_every_kind_of_write() {
    let mut store = Store::open_in_memory().unwrap();
    let counted = |store: &Store| store.list_people().unwrap().len() as u32;
    assert_eq!(people_shown(&store), 0);
    let mut made = Vec::new();
    for n in 0..12 {
        let person = store
            .create_person(&desk_domain::PersonInput {
                full_name: format!("Phạm Thu Hà {n}"),
                ..Default::default()
            })
            .unwrap();
        made.push(person.id);
    }
    assert_eq!(people_shown(&store), 12, "after adding people");
    store.delete_person(&made[3]).unwrap();
    assert!(store.delete_person("no-such-person").is_err());
    assert_eq!(
        people_shown(&store),
        11,
        "after removing one (and failing one)"
    );

    // A guest list adds the guests nobody knew yet.
    let (delegation, sheet) = desk_tests::delegation_and_guest_list(&mut store, 0, 40);
    store.import_guests(&delegation, &sheet, false).unwrap();
    assert_eq!(people_shown(&store), counted(&store), "after a guest list");
    assert_eq!(people_shown(&store), 51);

    // Trash, restore and purge of the delegation, and a copy of the demo imported.
    store.trash_delegation(&delegation).unwrap();
    assert_eq!(people_shown(&store), counted(&store), "after the trash");
    store.restore_delegation(&delegation).unwrap();
    store.trash_delegation(&delegation).unwrap();
    store.purge_delegation(&delegation).unwrap();
    assert_eq!(people_shown(&store), counted(&store), "after a purge");
    let demo = desk_store::testing::demo_copy().unwrap();
    store.import(&demo, desk_store::SettingsMode::Keep).unwrap();
    assert_eq!(people_shown(&store), counted(&store), "after an import");
    assert!(people_shown(&store) > 51);

    // Organisations are counted the same way.
    let organisations = store
        .organisation_page(&DirectoryFilter::default(), &PageRequest::first(1))
        .unwrap();
    assert_eq!(
        organisations.total as usize,
        store.list_organisations().unwrap().len()
    );

    // A filtered list is still counted by what matches.
    let filter = DirectoryFilter {
        text: Some("pham thu ha".into()),
    };
    let filtered = store.people_page(&filter, &PageRequest::first(1)).unwrap();
    let every = all_pages(|r| store.people_page(&filter, r).unwrap(), 500);
    assert_eq!(filtered.total as usize, every.len());
    assert!(filtered.total >= 11);
}

#[test]
fn a_database_of_the_previous_schema_counts_its_people_and_finds_names_by_their_start() {
    let db = TempDb::new().unwrap();
    std::fs::copy(
        desk_tests::repo_root().join("tests/fixtures/schema-v7.sqlite"),
        &db.path,
    )
    .unwrap();
    let mut store = db.open();
    let people = store.list_people().unwrap();
    assert_eq!(people_shown(&store) as usize, people.len());
    let name = &people.first().expect("the fixture has people").full_name;
    let start: String = name.chars().take(3).collect();
    let found = store.search(&start, 50).unwrap();
    let hits = &found.iter().find(|g| g.kind == "person").unwrap().hits;
    assert!(
        hits.iter().any(|h| &h.label == name),
        "{start} finds {name}: {hits:?}"
    );
    store
        .create_person(&desk_domain::PersonInput {
            full_name: "Vũ Minh Khang".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(people_shown(&store) as usize, people.len() + 1);
}

/// The best matches as the search promises them, worked out from every record: people
/// whose name begins with the words typed (newest first), then the others that contain
/// them (newest first), up to `limit`.
#[test]
fn search_finds_the_newest_names_that_begin_so_whether_few_or_thousands_do() {
    let mut store = Store::open_in_memory().unwrap();
    let mut add = |name: String, notes: &str| -> String {
        store
            .create_person(&desk_domain::PersonInput {
                full_name: name,
                notes: notes.into(),
                ..Default::default()
            })
            .unwrap()
            .id
    };
    // More names beginning with "Bùi" than the store reads one by one from its index.
    let mut bui = Vec::new();
    for n in 0..2_100 {
        bui.push(add(format!("Bùi Anh {n}"), ""));
        if n == 1_000 {
            add("Đặng Quốc Bảo".into(), "");
        }
    }
    let mention = add("Lê Thị Hoa".into(), "Đi cùng ông Bùi Anh và bà Đặng");
    let dang = add("Đặng Văn Lâm".into(), "");
    let person_hits = |q: &str, limit: usize| -> Vec<String> {
        store
            .search(q, limit)
            .unwrap()
            .into_iter()
            .find(|g| g.kind == "person")
            .map(|g| g.hits.into_iter().map(|h| h.record_id).collect())
            .unwrap_or_default()
    };
    let newest_bui: Vec<String> = bui.iter().rev().take(5).cloned().collect();
    assert_eq!(
        person_hits("bui", 5),
        newest_bui,
        "thousands begin so: the newest"
    );
    assert_eq!(person_hits("Bùi A", 5), newest_bui);
    assert_eq!(person_hits("b", 5), newest_bui, "one letter");
    // Few begin with "Đặng": both, newest first, then the mention in notes.
    let dang_hits = person_hits("dang", 5);
    assert_eq!(dang_hits.len(), 3, "{dang_hits:?}");
    assert_eq!(dang_hits[0], dang);
    assert_eq!(dang_hits[2], mention, "a mention comes after the names");
    assert_ne!(dang_hits[1], dang);
    assert_eq!(person_hits("dang van lam", 5), vec![dang.clone()]);
    assert_eq!(person_hits("hoa", 5), vec![mention]);
}

#[test]
fn on_a_busy_year_a_delegations_own_warnings_are_todays_for_it() {
    let store = office().open();
    let newest = store
        .delegation_page(&DelegationFilter::default(), &PageRequest::first(40))
        .unwrap()
        .items;
    let today = newest[20].starts_on - chrono::Duration::days(3);
    let all = store.agenda(today).unwrap();
    let mut compared = 0;
    for d in &newest {
        let expected: Vec<_> = all
            .iter()
            .filter(|i| i.delegation_id.as_deref() == Some(d.id.as_str()))
            .cloned()
            .collect();
        let own = store.agenda_of(today, &d.id).unwrap();
        assert_eq!(own, expected, "{}", d.title);
        compared += own.len();
    }
    assert!(compared > 0, "the busy year has something due");
}

#[test]
fn the_statistics_screen_gets_a_busy_years_figures_without_the_lists_behind_them() {
    let store = office().open();
    let year = store.stats_years().unwrap()[0];
    let range = desk_domain::StatsRange::year(year).unwrap();
    let as_of = chrono::Local::now().date_naive();
    let whole = store.stats_as_of(range.from, range.to, as_of).unwrap();
    let whole_bytes = serde_json::to_vec(&whole).unwrap().len();
    let figures = whole.clone().figures_only();
    let figures_bytes = serde_json::to_vec(&figures).unwrap().len();
    // What `get_stats` sends the screen at each visit, against what `get_stats_in_full`
    // sends once someone opens the delegations behind a figure.
    eprintln!("statistics of {year}: {figures_bytes} bytes drawn, {whole_bytes} in full");
    assert!(
        whole.delegations.len() >= 2_000,
        "a busy year ({} delegations)",
        whole.delegations.len()
    );
    assert!(
        figures_bytes * 3 < whole_bytes,
        "the screen's figures are a fraction of the whole: {figures_bytes} of {whole_bytes} bytes"
    );
    assert_eq!(figures.totals.outgoing.count, whole.totals.outgoing.count);
}
