//! Settings → Signature: the signer's signature image, the agency's seal image and the
//! office's trusted root certificates, kept as one JSON value (key `signing`) in the
//! `setting` table, bytes as base64. Kept apart from the office's settings so that the
//! settings form never carries images back and forth. No schema change: the table holds any
//! key.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};

use crate::{Store, StoreError};

const KEY: &str = "signing";

/// The seal's real width when none was given, in millimetres.
pub const DEFAULT_SEAL_MM: u32 = 36;

/// A trusted root as kept: what the screen shows and the certificate itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRoot {
    pub root: desk_domain::TrustedRoot,
    /// The certificate, DER.
    pub der: Vec<u8>,
}

/// What Settings → Signature keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningAssets {
    /// The signer's signature, a PNG.
    pub signature_png: Option<Vec<u8>>,
    /// The agency's seal, a PNG.
    pub seal_png: Option<Vec<u8>>,
    /// The seal's real width in millimetres.
    pub seal_mm: u32,
    pub roots: Vec<StoredRoot>,
}

impl Default for SigningAssets {
    fn default() -> Self {
        Self {
            signature_png: None,
            seal_png: None,
            seal_mm: DEFAULT_SEAL_MM,
            roots: Vec::new(),
        }
    }
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Kept {
    signature_png: Option<String>,
    seal_png: Option<String>,
    seal_mm: Option<u32>,
    roots: Vec<KeptRoot>,
}

#[derive(Serialize, Deserialize)]
struct KeptRoot {
    #[serde(flatten)]
    root: desk_domain::TrustedRoot,
    der: String,
}

fn decode(what: &str, text: &str) -> Result<Vec<u8>, StoreError> {
    BASE64
        .decode(text)
        .map_err(|e| StoreError::Corrupt(format!("signing settings, {what}: {e}")))
}

impl Store {
    /// The signature and seal images and the trusted roots (none when nothing was set).
    pub fn signing_assets(&self) -> Result<SigningAssets, StoreError> {
        let Some(kept) = self.setting_json::<Kept>(KEY, "signing settings")? else {
            return Ok(SigningAssets::default());
        };
        Ok(SigningAssets {
            signature_png: kept
                .signature_png
                .map(|t| decode("signature", &t))
                .transpose()?,
            seal_png: kept.seal_png.map(|t| decode("seal", &t)).transpose()?,
            seal_mm: kept.seal_mm.unwrap_or(DEFAULT_SEAL_MM),
            roots: kept
                .roots
                .into_iter()
                .map(|r| {
                    Ok(StoredRoot {
                        der: decode("root", &r.der)?,
                        root: r.root,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
        })
    }

    /// Keeps the images and roots (checked by the caller). The audit trail says what
    /// changed, not the bytes.
    pub fn save_signing_assets(
        &mut self,
        assets: &SigningAssets,
        what: &str,
    ) -> Result<SigningAssets, StoreError> {
        let kept = Kept {
            signature_png: assets.signature_png.as_ref().map(|b| BASE64.encode(b)),
            seal_png: assets.seal_png.as_ref().map(|b| BASE64.encode(b)),
            seal_mm: Some(assets.seal_mm),
            roots: assets
                .roots
                .iter()
                .map(|r| KeptRoot {
                    root: r.root.clone(),
                    der: BASE64.encode(&r.der),
                })
                .collect(),
        };
        let json = serde_json::to_string(&kept).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let writer = self.writer()?;
        writer.put_setting(KEY, &json)?;
        writer.note("setting", KEY, "*", what)?;
        writer.commit()?;
        Ok(assets.clone())
    }
}
