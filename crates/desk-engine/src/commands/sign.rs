//! Signing from the window, Settings → Signature and the Verify button. The PKCS#12 file or
//! the token's PKCS#11 module, the file to write, the signature and seal images and the
//! trusted roots are chosen in system dialogs the window opens at the engine's request
//! (the page never names a path); the PIN typed in the app's dialog is used once and
//! dropped.

use desk_domain::print::Paper;
use desk_ops::sign::TokenChoice;
use desk_ops::sign::{KeySource, lang_of};

use super::prelude::*;

/// A PKCS#12 file is a few kilobytes; anything far larger is not one.
const MAX_P12_BYTES: u64 = 1 << 20;

/// The file name the save dialog proposes for a signed paper.
fn signed_name(paper: &Paper) -> &'static str {
    let vi = |l: &Language| *l == Language::Vi;
    match paper {
        Paper::MissionReport { language, .. } if vi(language) => "BaoCao-da-ky.pdf",
        Paper::MissionReport { .. } => "MissionReport-signed.pdf",
        Paper::AnnualReport { language, .. } if vi(language) => "BaoCaoNam-da-ky.pdf",
        Paper::AnnualReport { .. } => "AnnualReport-signed.pdf",
        Paper::Hosting {
            paper: HostingPaper::VisaLetters,
            languages,
            ..
        } if languages.last().is_some_and(vi) => "ThuHoTroThiThuc-da-ky.pdf",
        Paper::Hosting {
            paper: HostingPaper::VisaLetters,
            ..
        } => "VisaLetters-signed.pdf",
        Paper::Hosting { languages, .. } if languages.last().is_some_and(vi) => "ThuMoi-da-ky.pdf",
        _ => "Invitations-signed.pdf",
    }
}

fn setup(assets: &desk_store::SigningAssets) -> SigningSetup {
    let url = |png: &Option<Vec<u8>>| png.as_ref().map(|b| crate::files::data_url("image/png", b));
    SigningSetup {
        signature_image: url(&assets.signature_png),
        seal_image: url(&assets.seal_png),
        seal_mm: assets.seal_mm,
        trusted_roots: assets.roots.iter().map(|r| r.root.clone()).collect(),
    }
}

commands! {
    /// Signs a paper (mission report, letters, annual report) with the images of Settings →
    /// Signature: asks for the key file (or module) and where to save, then writes the signed
    /// PDF. Returns the path written, or `None` when a dialog was cancelled (nothing written).
    pub fn sign_paper_pdf(
        desk,
        paper: Paper,
        key: SignKeyInput,
        pin: String,
        ui_language: Language,
    ) -> Option<String> {
        let messages = lang_of(ui_language);
        desk_ops::sign::check_signable(&paper)?;
        let source = match key.kind {
            SignKeyKind::P12 => {
                let filter = FileFilter::of("PKCS#12", &["p12", "pfx"]);
                let Some(path) = desk.dialogs().pick_file(filter)? else {
                    return Ok(None);
                };
                KeySource::P12(desk_ops::files::read_file(&path, "key", MAX_P12_BYTES)?)
            }
            SignKeyKind::Pkcs11 => {
                let filter = FileFilter::of("PKCS#11", &["so", "dll", "dylib"]);
                let Some(path) = desk.dialogs().pick_file(filter)? else {
                    return Ok(None);
                };
                KeySource::Token(TokenChoice {
                    module: path.to_string_lossy().into_owned(),
                    slot: key.slot.map(u64::from),
                    key_label: Some(key.key_label.trim().to_owned()).filter(|l| !l.is_empty()),
                })
            }
        };
        // The key is opened (and the PIN checked) before asking where to save.
        let credential = desk_ops::sign::open_credential(&source, &pin, messages)?;
        drop(pin);
        let pdf = vec![FileFilter::of("PDF", &["pdf"])];
        let Some(path) = desk.dialogs().save_file(signed_name(&paper), pdf)? else {
            return Ok(None);
        };
        let mut store = desk.store()?;
        let images = desk_ops::sign::images_from(&store.signing_assets()?);
        desk_ops::sign::sign_paper_to(&mut store, &paper, &credential, &images, messages, &path)?;
        Ok(Some(path.display().to_string()))
    }

    /// Settings → Signature: the images' previews and the trusted roots.
    pub fn get_signing_setup(desk) -> SigningSetup {
        Ok(setup(&desk.store()?.signing_assets()?))
    }

    /// Asks for a transparent PNG in the system's dialog and keeps it as the signer's signature
    /// or the agency's seal. `None` when the dialog was cancelled.
    pub fn choose_sign_image(desk, kind: SignImageKind) -> Option<SigningSetup> {
        let Some(path) = desk.dialogs().pick_file(FileFilter::of("PNG", &["png"]))? else {
            return Ok(None);
        };
        // Read a little past the limit, so that a larger file is named as too large.
        let png =
            desk_ops::files::read_file(&path, "image", desk_ops::sign::MAX_SIGN_IMAGE_BYTES + 1)?;
        let assets = desk_ops::sign::set_sign_image(&mut *desk.store()?, kind, png)?;
        Ok(Some(setup(&assets)))
    }

    pub fn remove_sign_image(desk, kind: SignImageKind) -> SigningSetup {
        Ok(setup(&desk_ops::sign::remove_sign_image(
            &mut *desk.store()?,
            kind,
        )?))
    }

    /// Asks for a root certificate file (PEM or DER) and adds its certificates to the roots the
    /// office trusts. `None` when the dialog was cancelled.
    pub fn add_trusted_root(desk) -> Option<SigningSetup> {
        let filter = FileFilter::of("Certificate", &["pem", "crt", "cer", "der"]);
        let Some(path) = desk.dialogs().pick_file(filter)? else {
            return Ok(None);
        };
        let bytes =
            desk_ops::files::read_file(&path, "trusted_root", desk_ops::sign::MAX_ROOT_BYTES)?;
        let assets = desk_ops::sign::add_trusted_roots(
            &mut *desk.store()?,
            &crate::files::file_name(&path),
            &bytes,
        )?;
        Ok(Some(setup(&assets)))
    }

    pub fn remove_trusted_root(desk, id: String) -> SigningSetup {
        Ok(setup(&desk_ops::sign::remove_trusted_root(
            &mut *desk.store()?,
            &id,
        )?))
    }

    /// Checks the signatures of a PDF attachment against the office's trusted roots.
    pub fn verify_attachment(desk, id: String, ui_language: Language) -> PdfVerification {
        desk_ops::sign::verify_attachment(&*desk.store()?, &id, lang_of(ui_language))
    }
}
