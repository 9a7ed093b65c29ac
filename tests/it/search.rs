//! Search as staff type: without diacritics, in any case, a few letters at a time.

use desk_store::Store;
use rstest::{fixture, rstest};

#[fixture]
fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    store
}

fn labels(store: &Store, query: &str, kind: &str) -> Vec<String> {
    store
        .search(query, 50)
        .unwrap()
        .into_iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| g.hits.into_iter().map(|h| h.label))
        .collect()
}

#[rstest]
#[case::no_diacritics("tran my dung", "Trần Mỹ Dung")]
#[case::upper_case("TRẦN MỸ DUNG", "Trần Mỹ Dung")]
#[case::d_with_stroke("dang quoc dat", "Đặng Quốc Đạt")]
#[case::prefix_while_typing("tran my d", "Trần Mỹ Dung")]
#[case::passport_form("NGUYEN THI HONG", "Nguyễn Thị Hồng Nhung")]
fn people_are_found_without_diacritics(demo: Store, #[case] query: &str, #[case] expected: &str) {
    let found = labels(&demo, query, "person");
    assert!(
        found.contains(&expected.to_owned()),
        "{query:?} found {found:?}"
    );
}

#[rstest]
fn hoa_finds_both_spellings(demo: Store) {
    let people = labels(&demo, "hoa", "person");
    assert!(people.contains(&"Võ Thị Hoà".to_owned()), "{people:?}");
    assert!(people.contains(&"Bùi Thanh Hòa".to_owned()), "{people:?}");
}

#[rstest]
fn da_nang_finds_da_nang() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_delegation(&desk_domain::DelegationInput {
            cities: "Đà Nẵng".into(),
            ..desk_domain::DelegationInput::new(
                desk_domain::Direction::Incoming,
                "Hội thảo thư viện miền Trung",
                "VN",
                "2018-05-10",
                "2018-05-11",
            )
        })
        .unwrap();
    assert_eq!(
        labels(&store, "da nang", "delegation"),
        ["Hội thảo thư viện miền Trung"]
    );
}

#[rstest]
fn results_are_grouped_by_kind(demo: Store) {
    let kinds: Vec<String> = demo
        .search("ineli", 50)
        .unwrap()
        .into_iter()
        .map(|g| g.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "organisation",
            "delegation",
            "programme_item",
            "mission_report"
        ],
        "one group per kind, in a fixed order"
    );
    let programme = labels(&demo, "van mieu", "programme_item");
    assert_eq!(programme, ["Tham quan Văn Miếu - Quốc Tử Giám"]);
}

#[rstest]
fn fts_syntax_in_a_query_is_harmless(demo: Store) {
    for query in ["\"", "*", "AND OR NOT", "a NEAR b", "(", "dung\"*"] {
        assert!(
            demo.search(query, 10).is_ok(),
            "{query:?} must not be an error"
        );
    }
}
