//! The small rich-text format of report sections: what the editor writes and the PDF
//! draws. Paragraphs are separated by a blank line; a line starting with "- " is a bullet;
//! `**bold**` and `*italic*` mark spans. It is plain text underneath, so it survives any
//! copy, export or merge, and a section with no markup is just paragraphs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum RichBlock {
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
}

/// Parses a section into paragraphs and bullet lists.
pub fn parse(text: &str) -> Vec<RichBlock> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut bullets: Vec<Vec<Span>> = Vec::new();

    fn flush_paragraph(paragraph: &mut Vec<&str>, blocks: &mut Vec<RichBlock>) {
        if !paragraph.is_empty() {
            blocks.push(RichBlock::Paragraph(spans(&paragraph.join(" "))));
            paragraph.clear();
        }
    }
    fn flush_bullets(bullets: &mut Vec<Vec<Span>>, blocks: &mut Vec<RichBlock>) {
        if !bullets.is_empty() {
            blocks.push(RichBlock::Bullets(std::mem::take(bullets)));
        }
    }

    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_bullets(&mut bullets, &mut blocks);
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("• "))
        {
            flush_paragraph(&mut paragraph, &mut blocks);
            bullets.push(spans(item.trim()));
        } else if !bullets.is_empty() && line.starts_with(char::is_whitespace) {
            // An indented line continues the bullet above it.
            if let Some(last) = bullets.last_mut() {
                last.push(Span {
                    text: " ".into(),
                    bold: false,
                    italic: false,
                });
                last.extend(spans(trimmed));
            }
        } else {
            flush_bullets(&mut bullets, &mut blocks);
            paragraph.push(trimmed);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_bullets(&mut bullets, &mut blocks);
    blocks
}

/// Splits a line into spans by `**bold**` and `*italic*` markers. An unmatched marker is
/// kept as a literal asterisk.
pub fn spans(line: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut bold = false;
    let mut italic = false;
    let mut current = String::new();
    let chars: Vec<char> = line.chars().collect();
    let count = |from: usize, marker: &str| -> bool {
        let rest: String = chars[from..].iter().collect();
        rest.matches(marker).count() > 0
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let double = c == '*' && chars.get(i + 1) == Some(&'*');
        if double && (bold || count(i + 2, "**")) {
            push(&mut out, &mut current, bold, italic);
            bold = !bold;
            i += 2;
            continue;
        }
        if c == '*' && !double && (italic || count(i + 1, "*")) {
            push(&mut out, &mut current, bold, italic);
            italic = !italic;
            i += 1;
            continue;
        }
        current.push(c);
        i += 1;
    }
    push(&mut out, &mut current, bold, italic);
    out
}

fn push(out: &mut Vec<Span>, current: &mut String, bold: bool, italic: bool) {
    if current.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut()
        && last.bold == bold
        && last.italic == italic
    {
        last.text.push_str(current);
    } else {
        out.push(Span {
            text: current.clone(),
            bold,
            italic,
        });
    }
    current.clear();
}

/// The text without markup, e.g. for search.
pub fn plain(text: &str) -> String {
    text.replace("**", "").replace('*', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, bold: bool, italic: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn paragraphs_bullets_bold_and_italic() {
        let blocks = parse(
            "Đoàn đã tham dự **đầy đủ** các phiên.\nTiếp tục dòng.\n\n- Hội thảo\n- Thăm *06* thư viện\n\nKết thúc.",
        );
        assert_eq!(
            blocks,
            vec![
                RichBlock::Paragraph(vec![
                    s("Đoàn đã tham dự ", false, false),
                    s("đầy đủ", true, false),
                    s(" các phiên. Tiếp tục dòng.", false, false),
                ]),
                RichBlock::Bullets(vec![
                    vec![s("Hội thảo", false, false)],
                    vec![
                        s("Thăm ", false, false),
                        s("06", false, true),
                        s(" thư viện", false, false)
                    ],
                ]),
                RichBlock::Paragraph(vec![s("Kết thúc.", false, false)]),
            ]
        );
    }

    #[test]
    fn a_lone_asterisk_stays_literal() {
        assert_eq!(spans("5 * 3"), vec![s("5 * 3", false, false)]);
    }
}
