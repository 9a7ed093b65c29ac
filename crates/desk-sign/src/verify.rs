//! Reads the signatures of a PDF and says, for each: who signed, when, with which
//! certificate; whether the signed bytes still hash to the digest in the signature and the
//! signature is the certificate's; whether the file has bytes after the signed range (it was
//! changed or added to after signing); and whether the certificate chains to a root the
//! office trusts. Works on any signed PDF (partners' documents too), not only ours.

use cryptographic_message_syntax::SignedData;
use desk_domain::SignatureCheck;
use lopdf::{Document, Object};
use serde::Serialize;
use x509_certificate::CapturedX509Certificate;

use crate::error::SignError;
use crate::signer::{allows_signing, subject_of, vietnam};

/// One signature's findings.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    /// The field's name (`/T`).
    pub field: String,
    /// `/SubFilter` (e.g. `ETSI.CAdES.detached`).
    pub sub_filter: String,
    /// The `/M` entry as written (the time the signer's software claims).
    pub claimed_time: Option<String>,
    /// The four numbers of `/ByteRange`.
    pub byte_range: Vec<u64>,
    /// Who signed, when, with which certificate, and whether it all holds: the facts the
    /// window shows, the same record `desk verify --json` prints beside the fields above.
    #[serde(flatten)]
    pub check: SignatureCheck,
}

impl SignatureReport {
    /// The signature is intact and covers the whole file, with a usable certificate.
    pub fn intact(&self) -> bool {
        let c = &self.check;
        c.digest_ok && c.signature_ok && c.bytes_after == 0 && c.certificate_ok
    }
}

/// What a PDF's signatures say.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// The file's length.
    pub file_len: u64,
    /// One report per signature, in file order.
    pub signatures: Vec<SignatureReport>,
}

/// The DER element's full length (header + content), so the zero padding after it in the
/// `/Contents` hole is not read as part of it.
fn der_len(b: &[u8]) -> Option<usize> {
    let first = *b.get(1)?;
    if first < 0x80 {
        return Some(2 + first as usize);
    }
    let n = (first & 0x7f) as usize;
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = (len << 8) | *b.get(2 + i)? as usize;
    }
    Some(2 + n + len)
}

fn text(obj: Option<&Object>) -> Option<String> {
    let bytes = obj?.as_str().ok()?;
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Verifies every signature in `pdf`, trusting `roots`.
pub fn verify_pdf(
    pdf: &[u8],
    roots: &[CapturedX509Certificate],
) -> Result<Verification, SignError> {
    let doc = Document::load_mem(pdf)
        .map_err(|e| SignError::bad("pdf", format!("the PDF cannot be read ({e})")))?;
    let mut signatures = Vec::new();
    for object in doc.objects.values() {
        let Ok(widget) = object.as_dict() else {
            continue;
        };
        if widget.get(b"FT").and_then(Object::as_name).ok() != Some(b"Sig".as_slice()) {
            continue;
        }
        let value = match widget.get(b"V") {
            Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok(),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let Some(sig) = value else { continue };
        let field = text(widget.get(b"T").ok()).unwrap_or_default();
        signatures.push(check_one(pdf, &field, sig, roots));
    }
    Ok(Verification {
        file_len: pdf.len() as u64,
        signatures,
    })
}

fn check_one(
    pdf: &[u8],
    field: &str,
    sig: &lopdf::Dictionary,
    roots: &[CapturedX509Certificate],
) -> SignatureReport {
    let mut report = SignatureReport {
        field: field.to_string(),
        sub_filter: sig
            .get(b"SubFilter")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default(),
        claimed_time: text(sig.get(b"M").ok()),
        byte_range: Vec::new(),
        check: SignatureCheck::default(),
    };
    let range: Vec<u64> = sig
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|o| o.as_i64().ok())
                .filter_map(|v| u64::try_from(v).ok())
                .collect()
        })
        .unwrap_or_default();
    report.byte_range = range.clone();
    let len = pdf.len() as u64;
    let signed = match range.as_slice() {
        [a, b, c, d]
            if a.checked_add(*b).is_some_and(|e| e <= len)
                && c.checked_add(*d).is_some_and(|e| e <= len) =>
        {
            report.check.bytes_after = len - (c + d);
            let mut v = pdf[*a as usize..(*a + *b) as usize].to_vec();
            v.extend_from_slice(&pdf[*c as usize..(*c + *d) as usize]);
            v
        }
        _ => return report,
    };
    let Ok(contents) = sig.get(b"Contents").and_then(Object::as_str) else {
        return report;
    };
    let der = der_len(contents)
        .and_then(|n| contents.get(..n))
        .unwrap_or(contents);
    let Ok(sd) = SignedData::parse_ber(der) else {
        return report;
    };
    let Some(signer) = sd.signers().next() else {
        return report;
    };
    report.check.digest_ok = signer.verify_message_digest_with_content(&signed).is_ok();
    report.check.signature_ok = signer.verify_signature_with_signed_data(&sd).is_ok();
    let signing_time = signer
        .signed_attributes()
        .and_then(|a| a.signing_time().copied());
    report.check.signing_time = signing_time.map(vietnam);

    let certs: Vec<CapturedX509Certificate> = sd.certificates().cloned().collect();
    let cert = signer
        .certificate_issuer_and_serial()
        .and_then(|(issuer, serial)| {
            certs
                .iter()
                .find(|c| c.issuer_name() == issuer && c.serial_number_asn1() == serial)
        });
    let Some(cert) = cert else {
        return report;
    };
    report.check.signer = subject_of(cert);
    report.check.issuer = cert.issuer_common_name().unwrap_or_default();
    report.check.serial = cert
        .serial_number_asn1()
        .as_slice()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    report.check.not_before = vietnam(cert.validity_not_before());
    report.check.not_after = vietnam(cert.validity_not_after());
    report.check.certificate_ok = cert.time_constraints_valid(signing_time) && allows_signing(cert);
    let (chain, trusted) = chain_to_root(cert, &certs, roots);
    report.check.chain = chain;
    report.check.trusted = trusted;
    report
}

/// Follows issuers through the certificates the signature carries until a trusted root
/// signs (or is) the current certificate. Each link is checked cryptographically.
fn chain_to_root(
    leaf: &CapturedX509Certificate,
    carried: &[CapturedX509Certificate],
    roots: &[CapturedX509Certificate],
) -> (Vec<String>, bool) {
    let mut names = vec![subject_of(leaf)];
    let mut current = leaf.clone();
    for _ in 0..8 {
        if roots.iter().any(|r| r == &current) {
            return (names, true);
        }
        if let Some(root) = roots.iter().find(|r| {
            r.subject_name() == current.issuer_name()
                && current.verify_signed_by_certificate(r).is_ok()
        }) {
            names.push(subject_of(root));
            return (names, true);
        }
        let next = carried.iter().find(|c| {
            *c != &current
                && c.subject_name() == current.issuer_name()
                && current.verify_signed_by_certificate(c).is_ok()
        });
        match next {
            Some(n) => {
                names.push(subject_of(n));
                current = n.clone();
            }
            None => break,
        }
    }
    (names, false)
}

/// Reads certificates from PEM (one or many) or DER bytes.
pub fn read_certificates(bytes: &[u8]) -> Result<Vec<CapturedX509Certificate>, SignError> {
    let certs = if bytes.starts_with(b"-----") || bytes.windows(5).any(|w| w == b"-----") {
        CapturedX509Certificate::from_pem_multiple(bytes)
    } else {
        CapturedX509Certificate::from_der(bytes.to_vec()).map(|c| vec![c])
    }
    .map_err(|e| SignError::bad("trusted_root", format!("not a certificate ({e})")))?;
    if certs.is_empty() {
        return Err(SignError::bad(
            "trusted_root",
            "the file holds no certificate",
        ));
    }
    Ok(certs)
}
