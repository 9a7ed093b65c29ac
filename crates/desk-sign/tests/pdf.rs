//! Signing and verifying at the library level, with a PKCS#12 made by OpenSSL at test time:
//! the original bytes stay as they were, a second signature (the agency after the signer)
//! shows the first as followed by a later change, and bad images are refused before any
//! byte is produced.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, Utc};
use desk_sign::{Appearance, Lang, PdfRect, SignRequest, from_pkcs12, sign_pdf, verify_pdf};
use lopdf::{Document, Object, Stream, dictionary};

#[path = "common/pki.rs"]
mod test_pki;

const FONT: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");

/// (CA certificate PEM, PKCS#12 bytes with password "pw").
fn pki() -> (Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    test_pki::ca(d, "/CN=Lib Test CA", "5");
    test_pki::signer(d, "s", "/CN=Lib Signer", "nonRepudiation", "5", "pw");
    (
        std::fs::read(d.join("ca.crt")).unwrap(),
        std::fs::read(d.join("s.p12")).unwrap(),
    )
}

/// A one-page A4 PDF with a line of text.
fn small_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 12 Tf 72 720 Td (Report) Tj ET".to_vec(),
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn request(appearance: Option<Appearance>) -> SignRequest {
    SignRequest {
        at: Utc::now().with_timezone(&FixedOffset::east_opt(7 * 3600).unwrap()),
        name: String::new(),
        reason: "Test".into(),
        location: "Hà Nội".into(),
        appearance,
    }
}

fn appearance(signature_png: Option<Vec<u8>>) -> Appearance {
    Appearance {
        page: 0,
        space: PdfRect {
            x0: 300.0,
            y0: 100.0,
            x1: 560.0,
            y1: 180.0,
        },
        signature_png,
        seal: None,
        lines: vec![
            "Ký bởi: THƯ VIỆN".into(),
            "Thời gian ký: 2026-12-02T15:00:00+07:00".into(),
        ],
        font: FONT,
    }
}

#[test]
fn the_original_bytes_stay_and_a_second_signature_marks_the_first_as_followed_by_a_change() {
    let (ca, p12) = pki();
    let roots = desk_sign::read_certificates(&ca).unwrap();
    let credential = from_pkcs12(&p12, "pw").unwrap();
    let original = small_pdf();

    let once = sign_pdf(&original, &credential, &request(Some(appearance(None)))).unwrap();
    assert!(
        once.starts_with(&original),
        "the original is left byte for byte"
    );
    let report = verify_pdf(&once, &roots).unwrap();
    assert_eq!(report.signatures.len(), 1);
    let s = &report.signatures[0];
    assert!(s.intact() && s.check.trusted, "{s:?}");
    assert_eq!(s.check.signer, "Lib Signer");
    assert_eq!(s.sub_filter, "ETSI.CAdES.detached");

    // Another signature after it (the agency's after the signer's).
    let twice = sign_pdf(&once, &credential, &request(None)).unwrap();
    assert!(twice.starts_with(&once));
    let report = verify_pdf(&twice, &roots).unwrap();
    assert_eq!(report.signatures.len(), 2);
    let (first, second): (Vec<_>, Vec<_>) = report
        .signatures
        .iter()
        .partition(|s| s.check.bytes_after > 0);
    assert_eq!((first.len(), second.len()), (1, 1));
    assert!(
        first[0].check.digest_ok && first[0].check.signature_ok,
        "still intact itself"
    );
    assert!(second[0].intact());

    // Not trusted without the office's root, though intact.
    let report = verify_pdf(&once, &[]).unwrap();
    assert!(report.signatures[0].intact() && !report.signatures[0].check.trusted);
}

#[test]
fn a_bad_image_or_password_is_refused_before_anything_is_made() {
    let (_, p12) = pki();
    let wrong = from_pkcs12(&p12, "nope").unwrap_err();
    assert_eq!(wrong.code(), "wrong_pin");
    let credential = from_pkcs12(&p12, "pw").unwrap();
    let e = sign_pdf(
        &small_pdf(),
        &credential,
        &request(Some(appearance(Some(b"not a png".to_vec())))),
    )
    .unwrap_err();
    assert_eq!(e.code(), "bad_input");
    assert!(
        e.message(Lang::Vi).starts_with("signature_image"),
        "{}",
        e.message(Lang::Vi)
    );
    assert!(e.message(Lang::En).contains("not a readable PNG"));

    let e = sign_pdf(b"%PDF-1.7 broken", &credential, &request(None)).unwrap_err();
    assert_eq!(e.code(), "bad_input");
}
