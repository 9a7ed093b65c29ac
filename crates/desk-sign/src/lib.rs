//! Digital signatures on Delegation Desk's PDFs, as Vietnamese agencies send documents:
//! PAdES baseline B-B (CMS `ETSI.CAdES.detached`, SHA-256, ESS signing-certificate-v2) in an
//! incremental update that leaves the document's bytes as they were, with the visible
//! appearance Decree 30/2020/NĐ-CP gives an electronic document; and verification of any
//! signed PDF.
//!
//! - [`signer`]: the key, from a PKCS#12 file or a PKCS#11 token (USB tokens of the
//!   Vietnamese CAs), with its certificate chain; wrong PIN, locked token, removed token,
//!   expired certificate and a certificate not meant for signing are distinct errors.
//! - [`pdf`]: the incremental update (widget, appearance, `/Sig` dictionary, byte range).
//! - [`appearance`]: the signature and seal images and the signing information.
//! - [`verify`]: digest, signature, certificate, changes after signing, trust.
//!
//! No Tauri and no database here: callers pass bytes and get bytes.
//! B-T (a timestamp from a timestamp authority) is not made: the desk works offline.

pub mod appearance;
mod cms;
mod error;
pub mod pdf;
pub mod signer;
pub mod verify;

pub use appearance::{Appearance, PdfRect, check_image};
pub use error::{Lang, SignError};
pub use pdf::{SignRequest, pdf_date, sign_pdf};
pub use signer::{
    Credential, TokenCertificate, TokenChoice, from_pkcs12, from_token, subject_of,
    token_certificates,
};
pub use verify::{SignatureReport, Verification, read_certificates, verify_pdf};
