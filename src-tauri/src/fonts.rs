//! The report's typeface for the window, served from the same bytes the PDFs embed.
//!
//! The mission report's preview draws text at the positions the PDF uses, so it must be set
//! in the very same Liberation Serif. Rather than bundle a second copy of the four faces with
//! the web assets (0.9 MB of the window app), the page asks for `deskfont://localhost/<face>`
//! and this handler answers with the bytes `desk_domain::packed` holds for
//! `desk_report`. Nothing else is served:
//! any other path is a 404, and the scheme names no file on disk.

use std::borrow::Cow;

use desk_domain::packed::Packed;
use tauri::http::{Response, StatusCode, header};

/// The URI scheme the page's `@font-face` rules name (also allowed by the CSP's `font-src`).
pub const SCHEME: &str = "deskfont";

/// The face a request's path names, if it names one.
fn face(path: &str) -> Option<Packed> {
    match path.trim_start_matches('/') {
        "regular" => Some(Packed::SerifRegular),
        "bold" => Some(Packed::SerifBold),
        "italic" => Some(Packed::SerifItalic),
        "bold-italic" => Some(Packed::SerifBoldItalic),
        _ => None,
    }
}

/// The response for a request's path: the face's TrueType bytes, or 404.
pub fn respond(path: &str) -> Response<Cow<'static, [u8]>> {
    let built = match face(path) {
        Some(face) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "font/ttf")
            // The bytes never change while the app runs.
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(Cow::Borrowed(face.bytes())),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Cow::Borrowed(&[][..])),
    };
    built.unwrap_or_else(|_| Response::new(Cow::Borrowed(&[][..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_faces_are_served_and_nothing_else() {
        for (path, face) in [
            ("/regular", Packed::SerifRegular),
            ("/bold", Packed::SerifBold),
            ("/italic", Packed::SerifItalic),
            ("/bold-italic", Packed::SerifBoldItalic),
        ] {
            let response = respond(path);
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.body().as_ref(), face.bytes(), "{path}");
            // A TrueType file starts with version 1.0.
            assert_eq!(&response.body()[..4], &[0, 1, 0, 0], "{path}");
        }
        for path in [
            "/",
            "/../../etc/passwd",
            "/regular.ttf",
            "/Regular",
            "/etc/fonts",
        ] {
            assert_eq!(respond(path).status(), StatusCode::NOT_FOUND, "{path}");
            assert!(respond(path).body().is_empty(), "{path}");
        }
    }
}
