//! Signing from the window: the PKCS#12 file or the token's PKCS#11 module and the file to
//! write are chosen in system dialogs opened here, in Rust (the page never names a path);
//! the PIN typed in the app's dialog is used once and dropped. Runs off the main thread,
//! since the dialogs block until the person answers.

use desk_ops::sign::{KeySource, SignImages, lang_of};
use desk_sign::TokenChoice;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use super::prelude::*;

/// A PKCS#12 file is a few kilobytes; anything far larger is not one.
const MAX_P12_BYTES: u64 = 1 << 20;

fn chosen(path: tauri_plugin_dialog::FilePath) -> Result<std::path::PathBuf> {
    path.into_path()
        .map_err(|e| Error::new(ErrorKind::Io, format!("the chosen file has no path: {e}")))
}

/// Signs the mission report: asks for the key file (or module) and where to save, then
/// writes the signed PDF and keeps that state as a version. `None` when a dialog was
/// cancelled (nothing written).
#[tauri::command(async)]
pub fn sign_report_pdf(
    app: AppHandle,
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
    key: SignKeyInput,
    pin: String,
    ui_language: Language,
) -> Result<Option<ReportVersion>> {
    crate::state::guarded(|| {
        let messages = lang_of(ui_language);
        let source = match key.kind {
            SignKeyKind::P12 => {
                let Some(file) = app
                    .dialog()
                    .file()
                    .add_filter("PKCS#12", &["p12", "pfx"])
                    .blocking_pick_file()
                else {
                    return Ok(None);
                };
                let path = chosen(file)?;
                KeySource::P12(desk_ops::files::read_file(&path, "key", MAX_P12_BYTES)?)
            }
            SignKeyKind::Pkcs11 => {
                let Some(file) = app
                    .dialog()
                    .file()
                    .add_filter("PKCS#11", &["so", "dll", "dylib"])
                    .blocking_pick_file()
                else {
                    return Ok(None);
                };
                KeySource::Token(TokenChoice {
                    module: chosen(file)?.to_string_lossy().into_owned(),
                    slot: key.slot.map(u64::from),
                    key_label: Some(key.key_label.trim().to_owned()).filter(|l| !l.is_empty()),
                })
            }
        };
        // The key is opened (and the PIN checked) before asking where to save.
        let credential = desk_ops::sign::open_credential(&source, &pin, messages)?;
        drop(pin);
        let name = match language {
            Language::Vi => "BaoCao-da-ky.pdf",
            Language::En => "MissionReport-signed.pdf",
        };
        let Some(target) = app
            .dialog()
            .file()
            .set_file_name(name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file()
        else {
            return Ok(None);
        };
        let path = chosen(target)?;
        let (version, _) = desk_ops::sign::sign_mission_report(
            &mut *desk.store()?,
            &delegation_id,
            language,
            &credential,
            &SignImages::default(),
            messages,
            &path,
        )?;
        Ok(Some(version))
    })
}
