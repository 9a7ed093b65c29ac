//! Writes demo mission reports (Vietnamese and English) to a folder, to look at:
//! `cargo run -p desk-report --example demo -- /tmp/demo`.

#[path = "../tests/common/mod.rs"]
mod common;

use desk_report::{Block, Language, ReportError, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    std::fs::create_dir_all(&dir)?;
    for (language, file) in [(Language::Vi, "demo-vi.pdf"), (Language::En, "demo-en.pdf")] {
        let mut doc = common::report(language, 3, 28, 1);
        doc.blocks.insert(
            6,
            Block::Photo {
                bytes: common::JPEG_SIDEWAYS.to_vec(),
                caption: "Ảnh chụp dọc bằng điện thoại (EXIF xoay 90°)".into(),
            },
        );
        doc.blocks.insert(
            8,
            Block::Photo {
                bytes: common::PNG.to_vec(),
                caption: "Biểu trưng PNG có nền trong suốt".into(),
            },
        );
        if language == Language::En {
            doc.recipients = vec![
                "The Minister of Culture, Sports and Tourism;".into(),
                "The International Cooperation Department of the Ministry.".into(),
            ];
        }
        let pdf = render(&doc).map_err(|e: ReportError| e.to_string())?;
        let path = std::path::Path::new(&dir).join(file);
        std::fs::write(&path, pdf)?;
        println!("{}", path.display());
    }
    Ok(())
}
