//! Where a digital signature goes: the room between the signer's position and name of the
//! demo's mission report, on its last page, with nothing printed in it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, TimeZone};
use desk_report::{Language, PageGeometry, layout, mission, mm, signature_space};
use desk_store::Store;

const SINGAPORE: &str = "018fd2d0-0819-7186-9072-600a56b24d19";

#[test]
fn the_signature_room_of_the_demo_report_is_between_position_and_name_and_empty() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let data = store.mission_report_data(SINGAPORE).unwrap();
    let at = FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2016, 9, 20, 9, 0, 0)
        .unwrap();
    for language in [Language::Vi, Language::En] {
        let doc = mission::document(&data, language, at).unwrap();
        let laid = layout(&doc).unwrap();
        let space = signature_space(&laid, &doc.signature).expect("a signature block");
        assert_eq!(space.page, laid.pages.len() - 1, "on the last page");
        let r = space.rect;
        assert!(
            (mm(25.0)..mm(40.0)).contains(&r.height),
            "about the 28 mm left for signature and seal: {} mm",
            r.height / mm(1.0)
        );
        let g = PageGeometry::decree_30_a4();
        assert!(
            (r.right() - (g.width - g.margin_right)).abs() < 0.5,
            "to the right margin"
        );
        assert!(
            r.x > g.margin_left + g.text_width() / 3.0,
            "in the right-hand column"
        );
        let page = &laid.pages[space.page];
        let name = page
            .texts()
            .find(|t| t.text.trim() == doc.signature.name)
            .expect("the signer's name");
        assert!(
            name.bounds().y >= r.bottom() - 0.01,
            "the name is under the room"
        );
        assert!(
            page.texts().all(|t| !t.bounds().overlaps(&r)),
            "nothing is printed in the room"
        );
        let [x0, y0, x1, y1] = space.pdf_rect();
        assert!(x0 < x1 && y0 < y1 && (y1 - y0 - r.height).abs() < 0.01);
        assert!(
            (y1 - (g.height - r.y)).abs() < 0.01,
            "PDF space counts from the bottom"
        );
    }
}
