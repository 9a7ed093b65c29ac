//! The annual report and its charts, checked on the layout as a reader would see them: bars
//! as long as their values, nothing printed over anything, everything inside the margins,
//! the annex on its own pages with its header repeated; then the PDF read back.

mod common;

use std::process::Command;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use desk_domain::{Settings, YearStats};
use desk_report::{
    AnnualOptions, BarChart, Block, ChartSeries, Item, Language, Layout, Orientation,
    ReportDocument, ReportError, Shape, annual_report, layout, layout_with_annex,
    render_annual_report, series_colour,
};
use desk_store::Store;
use desk_store::testing::{Synthetic, generate};

use common::assert_well_formed;

fn day(text: &str) -> NaiveDate {
    match text.parse() {
        Ok(d) => d,
        Err(e) => panic!("{text}: {e}"),
    }
}

fn ok<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e}"),
    }
}

/// The demo's statistics for a year (the INELI-ASEAN story).
fn demo_year(year: i32) -> YearStats {
    let mut store = ok(Store::open_in_memory(), "a database");
    ok(store.load_demo(), "the demo data");
    ok(
        store.stats_as_of(
            day(&format!("{year}-01-01")),
            day(&format!("{year}-12-31")),
            day("2026-11-01"),
        ),
        "statistics",
    )
}

/// A busy synthetic year: 150 delegations, enough for an annex of several pages.
fn busy_year() -> YearStats {
    let mut store = ok(Store::open_in_memory(), "a database");
    ok(
        generate(
            &mut store,
            &Synthetic {
                first_year: 2020,
                years: 2,
                delegations: 300,
                people: 3_000,
                members_per_delegation: 6,
                expenses_per_delegation: 4,
                organisations: 40,
            },
        ),
        "synthetic records",
    );
    ok(
        store.stats_as_of(day("2021-01-01"), day("2021-12-31"), day("2026-11-01")),
        "statistics",
    )
}

fn options(language: Language) -> AnnualOptions {
    let created = FixedOffset::east_opt(7 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2018, 1, 15, 9, 0, 0).single());
    let Some(created) = created else {
        panic!("a fixed creation time")
    };
    let mut o =
        AnnualOptions::from_settings(&Settings::default(), language, day("2018-01-15"), created);
    o.signature.name = "Nguyễn Thị Hồng Nhung".into();
    o
}

/// Every word of every table (headings and cells) is printed whole somewhere: no number or
/// heading is cut across two lines of a narrow column.
fn assert_words_whole(doc: &ReportDocument, annex: &desk_report::Annex, layout: &Layout) {
    let printed: std::collections::HashSet<String> = layout
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .flat_map(|t| {
            t.text
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    for block in doc.blocks.iter().chain(&annex.blocks) {
        if let Block::Table { columns, rows } = block {
            let words = columns
                .iter()
                .map(|c| c.title.as_str())
                .chain(rows.iter().flatten().map(String::as_str))
                .flat_map(str::split_whitespace);
            for word in words {
                assert!(
                    printed.contains(word),
                    "\"{word}\" is printed whole, not cut across lines"
                );
            }
        }
    }
}

fn chart_doc(chart: BarChart) -> ReportDocument {
    let (mut doc, _) = annual_report(&demo_year(2016), &options(Language::Vi));
    doc.blocks = vec![Block::Chart(chart)];
    doc
}

fn shapes(layout: &Layout) -> Vec<&Shape> {
    layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Shape(s) => Some(s),
            _ => None,
        })
        .collect()
}

#[test]
fn columns_are_as_tall_as_their_values_and_stand_on_one_axis() {
    let values = vec![1, 0, 4, 2];
    let chart = BarChart {
        title: "Biểu đồ thử".into(),
        categories: vec!["T1".into(), "T2".into(), "T3".into(), "T4".into()],
        series: vec![ChartSeries {
            name: "Đoàn ra".into(),
            values: values.clone(),
            labels: Vec::new(),
        }],
        orientation: Orientation::Columns,
    };
    let laid = ok(layout(&chart_doc(chart)), "layout");
    assert_well_formed(&laid);
    let bars = shapes(&laid);
    assert_eq!(
        bars.len(),
        3,
        "a zero draws no bar; one bar per other value"
    );
    let heights: Vec<f32> = bars.iter().map(|s| s.bounds().height).collect();
    let unit = heights[0];
    for (bar, value) in heights.iter().zip([1.0, 4.0, 2.0]) {
        assert!(
            (bar / unit - value).abs() < 0.001,
            "bar heights {heights:?} must be proportional to 1, 4, 2"
        );
    }
    let bottoms: Vec<f32> = bars.iter().map(|s| s.bounds().bottom()).collect();
    assert!(
        bottoms.windows(2).all(|w| (w[0] - w[1]).abs() < 0.001),
        "every column stands on the axis: {bottoms:?}"
    );
    let lefts: Vec<f32> = bars.iter().map(|s| s.bounds().x).collect();
    assert!(
        lefts.windows(2).all(|w| w[0] < w[1]),
        "months run left to right"
    );
    let text = laid.pages[0].plain_text();
    for label in ["T1", "T2", "T3", "T4", "4"] {
        assert!(text.contains(label), "the chart shows \"{label}\"");
    }
}

#[test]
fn ranked_bars_run_from_one_axis_as_long_as_their_values_in_series_colours() {
    let chart = BarChart {
        title: "Kinh phí".into(),
        categories: vec![
            "Ngân sách nhà nước".into(),
            "Tài trợ".into(),
            "Ngân sách và tài trợ".into(),
        ],
        series: vec![
            ChartSeries {
                name: "Đoàn ra".into(),
                values: vec![300, 100, 0],
                labels: vec!["300.000".into(), "100.000".into(), String::new()],
            },
            ChartSeries {
                name: "Đoàn vào".into(),
                values: vec![150, 0, 600],
                labels: Vec::new(),
            },
        ],
        orientation: Orientation::Bars,
    };
    let laid = ok(layout(&chart_doc(chart)), "layout");
    assert_well_formed(&laid);
    let all = shapes(&laid);
    // Two legend keys, then the four non-zero bars.
    let bars: Vec<&&Shape> = all.iter().filter(|s| s.bounds().width > 8.0).collect();
    assert_eq!(bars.len(), 4, "{all:?}");
    let widths: Vec<f32> = bars.iter().map(|s| s.bounds().width).collect();
    for (w, value) in widths.iter().zip([300.0, 150.0, 100.0, 600.0]) {
        assert!(
            (w / widths[0] - value / 300.0).abs() < 0.001,
            "bar lengths {widths:?} must be proportional to 300, 150, 100, 600"
        );
    }
    let lefts: Vec<f32> = bars.iter().map(|s| s.bounds().x).collect();
    assert!(lefts.windows(2).all(|w| (w[0] - w[1]).abs() < 0.001));
    assert_eq!(bars[0].fill, series_colour(0));
    assert_eq!(
        bars[1].fill,
        series_colour(1),
        "the second series has its own colour"
    );
    let text = laid.pages[0].plain_text();
    assert!(
        text.contains("300.000") && text.contains("Đoàn vào"),
        "{text}"
    );
}

#[test]
fn a_chart_with_a_missing_value_or_a_negative_one_is_refused() {
    let mut chart = BarChart {
        title: "x".into(),
        categories: vec!["a".into(), "b".into()],
        series: vec![ChartSeries {
            name: "s".into(),
            values: vec![1],
            labels: Vec::new(),
        }],
        orientation: Orientation::Columns,
    };
    assert!(matches!(
        layout(&chart_doc(chart.clone())),
        Err(ReportError::ChartShape {
            chart: 1,
            values: 1,
            categories: 2,
            ..
        })
    ));
    chart.series[0].values = vec![1, -2];
    assert!(matches!(
        layout(&chart_doc(chart)),
        Err(ReportError::ChartValue { value: -2, .. })
    ));
}

#[test]
fn the_annual_report_of_2016_gives_the_hand_counted_figures_in_both_languages() {
    let stats = demo_year(2016);
    for (language, actual, days, heading) in [
        (
            Language::Vi,
            "41.338.840",
            "30 ngày-người",
            "I. KẾT QUẢ CHUNG",
        ),
        (Language::En, "41,338,840", "30 person-days", "I. OVERVIEW"),
    ] {
        let (doc, annex) = annual_report(&stats, &options(language));
        let laid = ok(layout_with_annex(&doc, Some(&annex)), "layout");
        assert_well_formed(&laid);
        assert_words_whole(&doc, &annex, &laid);
        let text: String = laid
            .pages
            .iter()
            .map(|p| p.plain_text())
            .collect::<Vec<_>>()
            .join(" ");
        for wanted in [actual, days, heading, "Singapore", "SG"] {
            assert!(
                text.contains(wanted),
                "{language:?}: \"{wanted}\" is in the report"
            );
        }
        let charts = laid
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Shape(_)))
            .count();
        assert!(charts >= 3, "the charts are drawn as vector shapes");
    }
}

#[test]
fn the_annex_starts_after_the_signature_and_repeats_its_header_on_every_page() {
    let stats = busy_year();
    assert!(
        stats.totals.delegations > 100,
        "a busy year for a long annex"
    );
    let (doc, annex) = annual_report(&stats, &options(Language::Vi));
    let laid = ok(layout_with_annex(&doc, Some(&annex)), "layout");
    assert_well_formed(&laid);
    assert_words_whole(&doc, &annex, &laid);
    let english = annual_report(&stats, &options(Language::En));
    let english_laid = ok(layout_with_annex(&english.0, Some(&english.1)), "layout");
    assert_well_formed(&english_laid);
    assert_words_whole(&english.0, &english.1, &english_laid);
    let signature = laid
        .pages
        .iter()
        .position(|p| p.plain_text().contains("PHÓ GIÁM ĐỐC"))
        .unwrap_or(usize::MAX);
    let annex_start = laid
        .pages
        .iter()
        .position(|p| p.plain_text().contains("PHỤ LỤC"))
        .unwrap_or(0);
    assert!(
        annex_start > signature,
        "the annex (page {annex_start}) follows the signature (page {signature})"
    );
    let annex_pages = &laid.pages[annex_start..];
    assert!(annex_pages.len() >= 3, "150-odd rows take several pages");
    for (n, page) in annex_pages.iter().enumerate() {
        assert!(
            ["STT", "Loại", "Thời gian"]
                .iter()
                .all(|h| page.texts().any(|t| t.text.trim() == *h)),
            "annex page {} carries the table header, each heading whole on its line",
            n + 1
        );
    }
    let last_row = stats.totals.delegations.to_string();
    assert!(
        annex_pages
            .iter()
            .any(|p| p.texts().any(|t| t.text.trim() == last_row)),
        "every delegation is listed, up to number {last_row}: {}",
        annex_pages
            .last()
            .map(|p| p.plain_text())
            .unwrap_or_default()
    );
}

#[test]
fn the_pdf_reads_back_with_its_figures() {
    let bytes = ok(
        render_annual_report(&demo_year(2017), &options(Language::Vi)),
        "render",
    );
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    let dir = ok(tempfile::tempdir(), "a temporary folder");
    let path = dir.path().join("annual.pdf");
    ok(std::fs::write(&path, &bytes), "write");
    let output = Command::new("pdftotext").arg(&path).arg("-").output();
    let output = match output {
        Ok(o) if o.status.success() => o,
        other => panic!("pdftotext is needed (apt-get install poppler-utils): {other:?}"),
    };
    // Lines may break anywhere a reader's eye would not notice.
    let text = String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for wanted in [
        "Tình hình đoàn ra, đoàn vào năm 2017",
        "494.406.000",
        "Kính gửi:",
        "PHỤ LỤC",
        // A table cell's lines come back between its neighbours' words.
        "Dự án INELI-ASEAN tại Hà Nội",
    ] {
        assert!(
            text.contains(wanted),
            "\"{wanted}\" reads back from the PDF:\n{text}"
        );
    }
}
