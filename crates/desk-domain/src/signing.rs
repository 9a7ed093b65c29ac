//! What the window sends to sign a document (which kind of key, and on a token which slot
//! and key; the file or module itself is chosen in a system dialog the shell opens, and the
//! PIN travels once, in the command, and is never stored), what Settings → Signature shows
//! (the signature and seal images, the trusted roots) and what a signed PDF's check says.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the signing key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignKeyKind {
    /// A PKCS#12 file (.p12, .pfx).
    P12,
    /// A USB token through its PKCS#11 module.
    Pkcs11,
}

/// The key chosen in the Sign dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignKeyInput {
    pub kind: SignKeyKind,
    /// The token's slot; the first slot with a token when absent.
    pub slot: Option<u32>,
    /// The key's label on the token; the first key when empty.
    pub key_label: String,
}

/// Which picture of a visible signature Settings keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignImageKind {
    /// The signer's signature (shown in blue).
    Signature,
    /// The agency's seal (shown in red, at its real size).
    Seal,
}

/// A root certificate the office trusts, added in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrustedRoot {
    /// The SHA-256 of the certificate (hex): names it for removal.
    pub id: String,
    /// The file it was added from.
    pub file_name: String,
    /// The certificate's subject.
    pub subject: String,
    /// The end of its validity (RFC 3339).
    pub not_after: String,
}

/// Settings → Signature, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SigningSetup {
    /// The signer's signature image as a `data:image/png;base64,` URL, for the preview.
    pub signature_image: Option<String>,
    /// The agency's seal image, likewise.
    pub seal_image: Option<String>,
    /// The seal's real width in millimetres.
    #[ts(type = "number")]
    pub seal_mm: u32,
    pub trusted_roots: Vec<TrustedRoot>,
}

/// One signature of a PDF, as `desk verify --json` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct SignatureCheck {
    /// The signer's name on the certificate.
    pub signer: String,
    /// The certificate's issuer and serial number (hex).
    pub issuer: String,
    pub serial: String,
    /// The certificate's validity (RFC 3339).
    pub not_before: String,
    pub not_after: String,
    /// The signing time in Viet Nam time (RFC 3339, +07:00).
    pub signing_time: Option<String>,
    /// The signed bytes still hash to the signature's digest.
    pub digest_ok: bool,
    /// The signature was made by the certificate's key.
    pub signature_ok: bool,
    /// Bytes added after the signed part (0: the signature covers the whole file).
    #[ts(type = "number")]
    pub bytes_after: u64,
    /// The certificate was valid at the signing time and allows signing.
    pub certificate_ok: bool,
    /// The chain from the signer up.
    pub chain: Vec<String>,
    /// The chain ends at a root the office trusts (Settings → Signature).
    pub trusted: bool,
}

/// What a PDF's signatures say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PdfVerification {
    pub file_name: String,
    pub signatures: Vec<SignatureCheck>,
}
