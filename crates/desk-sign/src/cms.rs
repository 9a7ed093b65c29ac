//! The CMS SignedData put in the PDF's `/Contents`: detached (the signed bytes are the PDF's
//! byte ranges), SHA-256, with content-type, message-digest, signing-time and the ESS
//! signing-certificate-v2 attribute that PAdES baseline B-B requires (it binds the
//! signature to the signer's certificate), and the signer's certificate chain. The CMS crate
//! builds and signs it; this module only chooses what goes in.

use bcder::encode;
use bcder::{Captured, Mode, OctetString, Oid};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use cryptographic_message_syntax::{SignedDataBuilder, SignerBuilder};
use sha2::{Digest, Sha256};
use x509_certificate::asn1time::UtcTime;
use x509_certificate::rfc5652::AttributeValue;

use crate::error::SignError;
use crate::signer::Credential;

/// id-aa-signingCertificateV2, 1.2.840.113549.1.9.16.2.47 (RFC 5035).
const OID_SIGNING_CERTIFICATE_V2: &[u8] = &[
    0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x2f,
];

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }` with one
/// `ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING }`: SHA-256 is the default hash
/// algorithm, so it is left out as DER requires.
fn signing_certificate_v2(cert_der: &[u8]) -> AttributeValue {
    let hash = Sha256::digest(cert_der);
    let value = encode::sequence(encode::sequence(encode::sequence(
        OctetString::new(Bytes::copy_from_slice(&hash)).encode(),
    )));
    AttributeValue::new(Captured::from_values(Mode::Der, value))
}

/// Signs `content` (the PDF's signed byte ranges) and returns the DER ContentInfo.
pub fn sign_detached(
    credential: &Credential,
    content: &[u8],
    at: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let cert = credential.certificate().clone();
    let cert_der = cert.constructed_data().to_vec();
    let signer = SignerBuilder::new(credential.key.as_ref(), cert).signed_attribute(
        Oid(Bytes::from_static(OID_SIGNING_CERTIFICATE_V2)),
        vec![signing_certificate_v2(&cert_der)],
    );
    let builder = SignedDataBuilder::default()
        .content_external(content.to_vec())
        .signer(signer)
        .certificates(credential.chain.iter().skip(1).cloned())
        .signing_time(UtcTime::from(at));
    builder.build_der().map_err(|e| {
        credential
            .take_token_failure()
            .unwrap_or_else(|| SignError::Failed(e.to_string()))
    })
}
