//! The CMS SignedData put in the PDF's `/Contents`: detached (the signed bytes are the PDF's
//! byte ranges), SHA-256, with content-type, message-digest, signing-time and the ESS
//! signing-certificate-v2 attribute that PAdES baseline B-B requires (it binds the
//! signature to the signer's certificate), and the signer's certificate chain.
//!
//! The structure is assembled from the CMS crate's RFC 5652 types and encoded by them; the
//! key signs the DER of the signed attributes as RFC 5652 §5.4 says. The crate's own builder
//! is not used: it only comes with its `http` feature, whose time-stamp client brings an
//! HTTP and TLS stack (~1 MB of the window app) into an app that never goes online.

use bcder::encode::{self, PrimitiveContent, Values};
use bcder::{Captured, Mode, OctetString, Oid};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use cryptographic_message_syntax::asn1::rfc5652::{
    CertificateChoices, CertificateSet, CmsVersion, DigestAlgorithmIdentifiers,
    EncapsulatedContentInfo, IssuerAndSerialNumber, OID_CONTENT_TYPE, OID_ID_DATA,
    OID_MESSAGE_DIGEST, OID_SIGNING_TIME, SignedAttributes, SignedData, SignerIdentifier,
    SignerInfo, SignerInfos,
};
use sha2::{Digest, Sha256};
use x509_certificate::DigestAlgorithm;
use x509_certificate::asn1time::UtcTime;
use x509_certificate::rfc5652::{Attribute, AttributeValue};

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

/// One signed attribute with a single value.
fn attribute(oid: &[u8], value: impl Values) -> Attribute {
    Attribute {
        typ: Oid(Bytes::copy_from_slice(oid)),
        values: vec![AttributeValue::new(Captured::from_values(Mode::Der, value))],
    }
}

/// Signs `content` (the PDF's signed byte ranges) and returns the DER ContentInfo.
pub fn sign_detached(
    credential: &Credential,
    content: &[u8],
    at: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let failed = |what: String| {
        credential
            .take_token_failure()
            .unwrap_or(SignError::Failed(what))
    };
    let cert = credential.certificate();
    let digest = Sha256::digest(content);
    let mut attributes = SignedAttributes::default();
    attributes.push(attribute(
        OID_CONTENT_TYPE.as_ref(),
        Oid(Bytes::copy_from_slice(OID_ID_DATA.as_ref())).encode_ref(),
    ));
    attributes.push(attribute(
        OID_MESSAGE_DIGEST.as_ref(),
        OctetString::new(Bytes::copy_from_slice(&digest)).encode(),
    ));
    attributes.push(attribute(
        OID_SIGNING_TIME.as_ref(),
        UtcTime::from(at).encode(),
    ));
    attributes.push(Attribute {
        typ: Oid(Bytes::from_static(OID_SIGNING_CERTIFICATE_V2)),
        values: vec![signing_certificate_v2(cert.constructed_data())],
    });
    // A SET in DER is sorted by its elements' encodings; bcder writes it in the given order.
    let attributes = attributes.as_sorted().map_err(|e| failed(e.to_string()))?;

    let algorithm = credential
        .key
        .signature_algorithm()
        .map_err(|e| failed(e.to_string()))?;
    let mut signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: cert.issuer_name().clone(),
            serial_number: cert.serial_number_asn1().clone(),
        }),
        digest_algorithm: DigestAlgorithm::Sha256.into(),
        signed_attributes: Some(attributes),
        signature_algorithm: algorithm.into(),
        signature: OctetString::new(Bytes::new()),
        unsigned_attributes: None,
        signed_attributes_data: None,
    };
    // What the key signs: the signed attributes' DER, tagged as the SET it is (§5.4).
    let to_sign = signer
        .signed_attributes_digested_content()
        .map_err(|e| failed(e.to_string()))?
        .ok_or_else(|| failed("the signed attributes could not be encoded".into()))?;
    let signature = credential
        .key
        .try_sign(&to_sign)
        .map_err(|e| failed(e.to_string()))?;
    signer.signature = OctetString::new(Bytes::from(signature));

    let mut digest_algorithms = DigestAlgorithmIdentifiers::default();
    digest_algorithms.push(DigestAlgorithm::Sha256.into());
    let mut signer_infos = SignerInfos::default();
    signer_infos.push(signer);
    // Issuers before the certificates they issued, as most readers prefer: the chain is held
    // signer first.
    let mut certificates = CertificateSet::default();
    certificates.extend(
        credential
            .chain
            .iter()
            .rev()
            .map(|c| CertificateChoices::Certificate(Box::new(c.clone().into()))),
    );
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms,
        content_info: EncapsulatedContentInfo {
            content_type: Oid(Bytes::copy_from_slice(OID_ID_DATA.as_ref())),
            content: None,
        },
        certificates: Some(certificates),
        crls: None,
        signer_infos,
    };
    let mut der = Vec::new();
    signed
        .encode_ref()
        .write_encoded(Mode::Der, &mut der)
        .map_err(|e| failed(e.to_string()))?;
    Ok(der)
}
