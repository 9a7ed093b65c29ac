//! Settings → Signature and the Verify of a PDF attachment, as the window's commands use
//! them through `desk-ops`: images checked and kept in the database, trusted roots added and
//! removed, a paper signed with the kept images, and a signed attachment verified against
//! the kept roots (who, when in +07:00, unchanged, trusted).

use std::path::Path;

use desk_domain::print::Paper;
use desk_domain::{AttachmentInput, Language, SignImageKind, StatsRangeInput};
use desk_ops::sign::{self, KeySource};
use desk_sign::Lang;
use desk_tests::{TempDb, desk};

#[path = "../../crates/desk-sign/tests/common/pki.rs"]
mod test_pki;

/// A test CA and a signer's PKCS#12 file (password 1234) in `dir`.
fn pki(dir: &Path) {
    test_pki::ca(dir, "/CN=Desk Settings CA/O=Desk Tests", "30");
    test_pki::signer(
        dir,
        "signer",
        "/CN=Signer of the Office",
        "digitalSignature,nonRepudiation",
        "30",
        "1234",
    );
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        if (x + y) % 7 == 0 {
            image::Rgba([0, 0, 0, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn signature_images_are_checked_kept_and_removed() {
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    let signature = png(300, 120);
    sign::set_sign_image(&mut store, SignImageKind::Signature, signature.clone()).unwrap();
    sign::set_sign_image(&mut store, SignImageKind::Seal, png(200, 200)).unwrap();

    let not_png =
        sign::set_sign_image(&mut store, SignImageKind::Seal, b"GIF89a....".to_vec()).unwrap_err();
    assert_eq!(not_png.code, "sign_image_invalid", "{not_png:?}");
    let huge = vec![0u8; (sign::MAX_SIGN_IMAGE_BYTES + 1) as usize];
    let too_large = sign::set_sign_image(&mut store, SignImageKind::Signature, huge).unwrap_err();
    assert_eq!(too_large.code, "sign_image_too_large");

    // Kept in the database, apart from the office's settings.
    drop(store);
    let mut store = db.open();
    let kept = store.signing_assets().unwrap();
    assert_eq!(kept.signature_png.as_deref(), Some(signature.as_slice()));
    assert!(kept.seal_png.is_some());
    assert_eq!(kept.seal_mm, 36);
    assert_eq!(store.settings().unwrap(), desk_domain::Settings::default());

    let left = sign::remove_sign_image(&mut store, SignImageKind::Seal).unwrap();
    assert!(left.seal_png.is_none() && left.signature_png.is_some());
}

#[test]
fn a_signed_annual_report_attached_verifies_against_the_roots_of_settings() {
    let dir = tempfile::tempdir().unwrap();
    pki(dir.path());
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    store.load_demo().unwrap();
    sign::set_sign_image(&mut store, SignImageKind::Signature, png(300, 120)).unwrap();

    // A file that holds no certificate is refused; the CA's root is added once.
    let bad = sign::add_trusted_roots(&mut store, "notes.txt", b"hello").unwrap_err();
    assert_eq!(bad.code, "root_invalid");
    let ca = std::fs::read(dir.path().join("ca.crt")).unwrap();
    sign::add_trusted_roots(&mut store, "ca.crt", &ca).unwrap();
    let roots = sign::add_trusted_roots(&mut store, "ca.crt", &ca)
        .unwrap()
        .roots;
    assert_eq!(roots.len(), 1, "the same root is kept once");
    assert_eq!(roots[0].root.subject, "Desk Settings CA");
    assert!(roots[0].root.not_after.ends_with("+07:00"));

    // A wrong password: no file.
    let p12 = KeySource::P12(std::fs::read(dir.path().join("signer.p12")).unwrap());
    let wrong = sign::open_credential(&p12, "0000", Lang::Vi).unwrap_err();
    assert_eq!(wrong.code, "sign_wrong_pin");

    let credential = sign::open_credential(&p12, "1234", Lang::En).unwrap();
    let paper = Paper::AnnualReport {
        range: StatsRangeInput {
            from: "2017-01-01".into(),
            to: "2017-12-31".into(),
        },
        language: Language::Vi,
        country_names: Default::default(),
    };
    let out = dir.path().join("annual.pdf");
    let images = sign::images_from(&store.signing_assets().unwrap());
    let (bytes, version) =
        sign::sign_paper_to(&mut store, &paper, &credential, &images, Lang::En, &out).unwrap();
    assert!(version.is_none());
    let pdf = std::fs::read(&out).unwrap();
    assert_eq!(pdf.len(), bytes);

    // Itineraries have no signature block: refused before any dialog.
    let itinerary = Paper::Itinerary {
        delegation_id: "x".into(),
        person_id: None,
        language: Language::Vi,
    };
    assert_eq!(
        sign::check_signable(&itinerary).unwrap_err().code,
        "paper_not_signable"
    );

    let delegation = store.list_delegations().unwrap()[0].id.clone();
    let attachment = store
        .add_attachment(
            &AttachmentInput {
                delegation_id: Some(delegation),
                file_name: "annual.pdf".into(),
                ..Default::default()
            },
            &pdf,
        )
        .unwrap();
    let found = sign::verify_attachment(&store, &attachment.id, Lang::Vi).unwrap();
    assert_eq!(found.signatures.len(), 1);
    let s = &found.signatures[0];
    assert_eq!(s.signer, "Signer of the Office");
    assert!(s.digest_ok && s.signature_ok && s.certificate_ok && s.bytes_after == 0);
    assert!(s.trusted, "the root of Settings makes it trusted: {s:?}");
    assert!(s.signing_time.as_deref().unwrap().ends_with("+07:00"));

    // `desk verify --office-roots` trusts the same roots; without it, none.
    drop(store);
    let file = out.to_str().unwrap();
    let plain = desk(&["--db", db.arg(), "--json", "verify", file]);
    assert_ne!(plain.code, 0, "no root given: not trusted");
    let office = desk(&["--db", db.arg(), "--json", "verify", file, "--office-roots"]);
    assert_eq!(office.code, 0, "{}{}", office.stdout, office.stderr);
    assert!(
        office.stdout.contains("\"trusted\": true"),
        "{}",
        office.stdout
    );
    let mut store = db.open();

    // Without the root it is intact but not trusted.
    let id = roots[0].root.id.clone();
    sign::remove_trusted_root(&mut store, &id).unwrap();
    let found = sign::verify_attachment(&store, &attachment.id, Lang::Vi).unwrap();
    assert!(!found.signatures[0].trusted);

    // A photo is not a PDF.
    let photo = store
        .add_attachment(
            &AttachmentInput {
                delegation_id: Some(attachment.delegation_id.clone().unwrap()),
                file_name: "sig.png".into(),
                ..Default::default()
            },
            &png(10, 10),
        )
        .unwrap();
    let err = sign::verify_attachment(&store, &photo.id, Lang::Vi).unwrap_err();
    assert_eq!(err.code, "not_a_pdf");
}
