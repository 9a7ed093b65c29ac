//! What the window sends to sign a document: which kind of key, and on a token which slot
//! and key. The file or module itself is chosen in a system dialog the shell opens, and the
//! PIN travels once, in the command, and is never stored.

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
