//! The benchmark's sample report (~20 pages, 10 photos), for whole-process timing:
//! - `bench_sample pdf OUT.pdf` lays out and renders it with this crate;
//! - `bench_sample html DIR` writes the same content as HTML (+ the photo) for
//!   `chromium --headless --print-to-pdf`, the alternative we compare with.
//!
//! See `benches/README.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::Path;

use desk_report::{Block, Column, Language, Span, render};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let t = escape(&s.text);
            match (s.bold, s.italic) {
                (true, true) => format!("<b><i>{t}</i></b>"),
                (true, false) => format!("<b>{t}</b>"),
                (false, true) => format!("<i>{t}</i>"),
                (false, false) => t,
            }
        })
        .collect()
}

/// A table with its header row, as HTML. Figures are written like any table: the HTML side
/// of the comparison does not align or embolden them either.
fn table<'a>(
    h: &mut String,
    columns: &[Column],
    rows: impl Iterator<Item = &'a [String]>,
) -> std::fmt::Result {
    h.push_str("<table><thead><tr>");
    for c in columns {
        write!(h, "<th>{}</th>", escape(&c.title))?;
    }
    h.push_str("</tr></thead><tbody>");
    for row in rows {
        h.push_str("<tr>");
        for cell in row {
            write!(h, "<td>{}</td>", escape(cell))?;
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    Ok(())
}

fn html(doc: &desk_report::ReportDocument) -> Result<String, std::fmt::Error> {
    let mut h = String::new();
    h.push_str(
        "<!doctype html><html lang=vi><meta charset=utf-8><style>\
         @page{size:A4;margin:20mm 15mm 20mm 30mm}\
         body{font:13pt/1.3 'Liberation Serif',serif;margin:0}\
         .head{display:flex;justify-content:space-between;text-align:center;font-size:12pt}\
         h1{font-size:14pt;text-align:center;margin:8mm 0 0}h2{font-size:13pt;margin:9pt 0 0 10mm}\
         p{text-align:justify;text-indent:10mm;margin:6pt 0 0}\
         table{border-collapse:collapse;width:100%;font-size:12pt;margin-top:6pt}\
         td,th{border:.5pt solid #000;padding:2pt 1.5mm}thead{display:table-header-group}\
         tr{break-inside:avoid}figure{margin:12pt 0 0;break-inside:avoid;text-align:center}\
         img{width:100%}figcaption{font:italic 12pt 'Liberation Serif',serif}\
         .close{display:flex;break-inside:avoid;margin-top:6mm}.close>div{flex:1}\
         </style><body>",
    );
    write!(
        h,
        "<div class=head><div>{}<br><b>{}</b><br>Số: 05/{}</div>\
         <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>\
         <i>{}, ngày 05 tháng 01 năm 2027</i></div></div><h1>BÁO CÁO<br>{}</h1>\
         <p style='text-align:center;text-indent:0'>Kính gửi: {}</p>",
        escape(&doc.heading.agency.parent.to_uppercase()),
        escape(&doc.heading.agency.name.to_uppercase()),
        escape(&doc.heading.number.symbol),
        escape(&doc.heading.place),
        escape(&doc.subtitle),
        escape(&doc.recipients.join("; "))
    )?;
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => write!(h, "<h2>{}</h2>", escape(t))?,
            Block::Paragraph(s) => write!(h, "<p>{}</p>", spans(s))?,
            Block::Bullets(items) => {
                for item in items {
                    write!(h, "<p>- {}</p>", spans(item))?;
                }
            }
            Block::Table { columns, rows } => {
                table(&mut h, columns, rows.iter().map(Vec::as_slice))?;
            }
            Block::Figures { columns, rows, .. } => {
                table(&mut h, columns, rows.iter().map(|r| r.cells.as_slice()))?;
            }
            Block::Photo { caption, .. } => write!(
                h,
                "<figure><img src=photo.jpg><figcaption>{}</figcaption></figure>",
                escape(caption)
            )?,
            // The sample has no chart; a caption keeps the place of one.
            Block::Chart(chart) => write!(h, "<p>{}</p>", escape(&chart.title))?,
        }
    }
    write!(
        h,
        "<div class=close><div style='font-size:11pt'><b><i style='font-size:12pt'>Nơi nhận:</i></b><br>- {}</div>\
         <div style='text-align:center'><b>KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC</b><br><br><br><br><br><b>{}</b></div></div>\
         </body></html>",
        doc.received_by
            .iter()
            .map(|r| escape(r))
            .collect::<Vec<_>>()
            .join("<br>- "),
        escape(&doc.signature.name)
    )?;
    Ok(h)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(mode), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: bench_sample pdf OUT.pdf | html DIR".into());
    };
    let doc = common::report(Language::Vi, 26, 20, 10);
    match mode.as_str() {
        "pdf" => std::fs::write(&out, render(&doc).map_err(|e| e.to_string())?)?,
        "html" => {
            let dir = Path::new(&out);
            std::fs::create_dir_all(dir)?;
            std::fs::write(dir.join("photo.jpg"), common::JPEG)?;
            std::fs::write(dir.join("report.html"), html(&doc)?)?;
        }
        _ => return Err(format!("unknown mode {mode}").into()),
    }
    Ok(())
}
