//! Where a document's signature goes: the room the closing leaves between the signer's
//! position and name, found in the laid-out pages. Signing (desk-sign) draws the signature
//! image there, as Decree 30 places it for an electronic document.

use unicode_normalization::UnicodeNormalization;

use crate::layout::{Layout, Rect, Role};
use crate::model::Signature;

/// The signature's room on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignatureSpace {
    /// The page, counted from 0.
    pub page: usize,
    /// The room, in points from the page's top-left corner (the layout's coordinates); as
    /// wide as the signature column.
    pub rect: Rect,
    /// The page's height, to turn `rect` into PDF coordinates.
    pub page_height: f32,
}

impl SignatureSpace {
    /// The room in PDF user space: `[x0, y0, x1, y1]`, origin bottom-left.
    pub fn pdf_rect(&self) -> [f32; 4] {
        [
            self.rect.x,
            self.page_height - self.rect.bottom(),
            self.rect.right(),
            self.page_height - self.rect.y,
        ]
    }
}

fn same(run: &str, wanted: &str) -> bool {
    let a: String = run.trim().nfc().collect();
    let b: String = wanted.trim().nfc().collect();
    !b.is_empty() && (a == b || a == b.to_uppercase())
}

/// The last signature block of `layout` for `signature`: below the run of the signer's
/// position (printed in capitals) and above the run of the name, in the signature column
/// (centred on the name, reaching the right margin).
pub fn signature_space(layout: &Layout, signature: &Signature) -> Option<SignatureSpace> {
    let g = layout.geometry;
    // The closing records its space as it lays it out; that is exact. The search below is
    // for layouts made otherwise.
    if let Some((index, rect)) = layout
        .pages
        .iter()
        .enumerate()
        .rev()
        .find_map(|(n, page)| page.signature_space.map(|r| (n, r)))
    {
        return Some(SignatureSpace {
            page: index,
            rect,
            page_height: g.height,
        });
    }
    for (index, page) in layout.pages.iter().enumerate().rev() {
        let runs: Vec<_> = page.texts().filter(|t| t.role == Role::Content).collect();
        let Some(position) = runs
            .iter()
            .rev()
            .find(|t| same(&t.text, &signature.position))
        else {
            continue;
        };
        let centre = position.x + position.width / 2.0;
        let below = position.baseline + position.descent;
        // The name is the next run under the position in the same column.
        let name = runs
            .iter()
            .filter(|t| t.baseline > position.baseline)
            .filter(|t| (t.x + t.width / 2.0 - centre).abs() < 2.0)
            .min_by(|a, b| a.baseline.total_cmp(&b.baseline));
        let right = g.width - g.margin_right;
        let half = (right - centre).max(10.0);
        let bottom = match name {
            Some(n) if same(&n.text, &signature.name) => n.baseline - n.ascent,
            _ => below + crate::layout::mm(crate::official::SIGNATURE_SPACE_MM),
        };
        return Some(SignatureSpace {
            page: index,
            rect: Rect {
                x: centre - half,
                y: below,
                width: 2.0 * half,
                height: bottom - below,
            },
            page_height: g.height,
        });
    }
    None
}
