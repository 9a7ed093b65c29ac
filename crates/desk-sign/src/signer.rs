//! Where the private key lives: a PKCS#12 file (offices without a token) or a USB token
//! reached through its PKCS#11 module. Both end as a [`Credential`]: something that signs
//! bytes, with the signer's certificate and the chain above it. The key never leaves the
//! token; the PIN is used once to log in and never kept.

use std::sync::Mutex;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as P11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::types::AuthPin;
use x509_certificate::{
    CapturedX509Certificate, InMemorySigningKeyPair, KeyAlgorithm, KeyInfoSigner, Sign,
    SignatureAlgorithm, Signer,
};
use zeroize::Zeroizing;

use crate::error::SignError;

/// A key that can sign, with its certificate chain (signer first).
pub struct Credential {
    pub(crate) key: Box<dyn KeyInfoSigner>,
    /// The signer's certificate, then the certificates above it that came with it.
    pub chain: Vec<CapturedX509Certificate>,
    /// Set when the token failed while signing (the CMS crate only passes on "failed").
    pub(crate) token_failure: Option<std::sync::Arc<Mutex<Option<SignError>>>>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("subject", &self.signer_name())
            .finish()
    }
}

impl Credential {
    /// The signer's certificate.
    pub fn certificate(&self) -> &CapturedX509Certificate {
        &self.chain[0]
    }

    /// The common name on the signer's certificate (or its whole subject).
    pub fn signer_name(&self) -> String {
        subject_of(self.certificate())
    }

    /// Refuses a certificate that is not valid at `at` or whose key usage does not allow
    /// signing documents, before anything is written.
    pub fn check_usable(&self, at: DateTime<Utc>) -> Result<(), SignError> {
        check_certificate(self.certificate(), at)
    }

    pub(crate) fn take_token_failure(&self) -> Option<SignError> {
        self.token_failure
            .as_ref()
            .and_then(|f| f.lock().ok().and_then(|mut g| g.take()))
    }
}

/// The common name of a certificate's subject, or the whole subject if it has none.
pub fn subject_of(cert: &CapturedX509Certificate) -> String {
    cert.subject_common_name()
        .or_else(|| cert.subject_name().user_friendly_str().ok())
        .unwrap_or_default()
}

/// `digitalSignature` and `nonRepudiation` in the first byte of the key-usage bit string.
const KU_SIGNING_BITS: u8 = 0x80 | 0x40;
/// id-ce-keyUsage, 2.5.29.15.
const OID_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];

/// Whether the key usage (if the certificate restricts it) allows document signatures.
pub fn allows_signing(cert: &CapturedX509Certificate) -> bool {
    for ext in cert.iter_extensions() {
        if ext.id.as_ref() == OID_KEY_USAGE {
            // The value is a DER BIT STRING: tag 03, length, unused bits, then the bits.
            let v = ext.value.to_bytes();
            return v.len() >= 4 && v[0] == 0x03 && v[3] & KU_SIGNING_BITS != 0;
        }
    }
    // No key-usage extension: RFC 5280 puts no restriction on the key.
    true
}

/// An instant as people in Viet Nam read it (RFC 3339, +07:00).
pub(crate) fn vietnam(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub(crate) fn check_certificate(
    cert: &CapturedX509Certificate,
    at: DateTime<Utc>,
) -> Result<(), SignError> {
    if !cert.time_constraints_valid(Some(at)) {
        return Err(SignError::CertificateExpired {
            subject: subject_of(cert),
            not_before: vietnam(cert.validity_not_before()),
            not_after: vietnam(cert.validity_not_after()),
        });
    }
    if !allows_signing(cert) {
        return Err(SignError::NotForSigning {
            subject: subject_of(cert),
        });
    }
    Ok(())
}

/// Opens a PKCS#12 file with its password.
pub fn from_pkcs12(bytes: &[u8], password: &str) -> Result<Credential, SignError> {
    use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
    let store = KeyStore::from_pkcs12(bytes, password, Pkcs12ImportPolicy::Strict).map_err(
        |e| match e {
            p12_keystore::error::Error::MacError(_) => SignError::WrongPin { final_try: false },
            other => SignError::bad("p12", format!("not a readable PKCS#12 file ({other})")),
        },
    )?;
    let (_, chain) = store
        .private_key_chain()
        .ok_or(SignError::NoKey { label: None })?;
    let key = InMemorySigningKeyPair::from_pkcs8_der(chain.key().as_der())
        .map_err(|e| SignError::bad("p12", format!("its key cannot sign ({e})")))?;
    let certs = chain
        .certs()
        .iter()
        .map(|c| CapturedX509Certificate::from_der(c.as_der().to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| SignError::bad("p12", format!("a certificate cannot be read ({e})")))?;
    if certs.is_empty() {
        return Err(SignError::bad("p12", "it holds no certificate for its key"));
    }
    Ok(Credential {
        key: Box::new(key),
        chain: certs,
        token_failure: None,
    })
}

/// Which key on which token.
#[derive(Debug, Clone, Default)]
pub struct TokenChoice {
    /// The PKCS#11 module (e.g. the CA's `.so`).
    pub module: String,
    /// The slot id; the first slot with a token when absent.
    pub slot: Option<u64>,
    /// The private key's label; the first private key when absent.
    pub key_label: Option<String>,
}

/// A certificate found on a token, for the window's choice.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenCertificate {
    /// The slot it is in.
    pub slot: u64,
    /// The token's label.
    pub token: String,
    /// The key's label.
    pub key_label: String,
    /// Who the certificate names.
    pub subject: String,
    /// Its issuer.
    pub issuer: String,
    /// End of validity (RFC 3339).
    pub not_after: String,
}

fn map_p11(e: P11Error) -> SignError {
    match e {
        P11Error::Pkcs11(rv, _) => match rv {
            RvError::PinIncorrect | RvError::PinInvalid | RvError::PinLenRange => {
                SignError::WrongPin { final_try: false }
            }
            RvError::PinLocked => SignError::PinLocked,
            RvError::DeviceRemoved
            | RvError::TokenNotPresent
            | RvError::SessionHandleInvalid
            | RvError::SessionClosed
            | RvError::DeviceError => SignError::TokenRemoved,
            other => SignError::Failed(format!("the token answered {other}")),
        },
        other => SignError::Failed(other.to_string()),
    }
}

fn open_module(module: &str) -> Result<Pkcs11, SignError> {
    let p11 = Pkcs11::new(module).map_err(|e| SignError::Module {
        module: module.to_string(),
        detail: e.to_string(),
    })?;
    p11.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .map_err(|e| SignError::Module {
            module: module.to_string(),
            detail: e.to_string(),
        })?;
    Ok(p11)
}

fn choose_slot(p11: &Pkcs11, slot: Option<u64>) -> Result<cryptoki::slot::Slot, SignError> {
    let slots = p11.get_slots_with_token().map_err(map_p11)?;
    match slot {
        Some(id) => slots
            .into_iter()
            .find(|s| s.id() == id)
            .ok_or(SignError::NoToken { slot: Some(id) }),
        None => slots
            .into_iter()
            .next()
            .ok_or(SignError::NoToken { slot: None }),
    }
}

fn attribute_bytes(
    session: &Session,
    object: ObjectHandle,
    kind: AttributeType,
) -> Result<Option<Vec<u8>>, SignError> {
    let attrs = session.get_attributes(object, &[kind]).map_err(map_p11)?;
    Ok(attrs.into_iter().find_map(|a| match a {
        Attribute::Value(v) | Attribute::Id(v) | Attribute::Label(v) => Some(v),
        _ => None,
    }))
}

/// The certificates on a token whose private key is there too (no PIN needed to list them
/// on most tokens; the ones that hide them are listed after login).
pub fn token_certificates(
    module: &str,
    pin: Option<&str>,
) -> Result<Vec<TokenCertificate>, SignError> {
    let p11 = open_module(module)?;
    let mut out = Vec::new();
    for slot in p11.get_slots_with_token().map_err(map_p11)? {
        let info = p11.get_token_info(slot).map_err(map_p11)?;
        let session = p11.open_ro_session(slot).map_err(map_p11)?;
        if let Some(pin) = pin {
            login(&session, &info, pin)?;
        }
        let certs = session
            .find_objects(&[Attribute::Class(ObjectClass::CERTIFICATE)])
            .map_err(map_p11)?;
        for handle in certs {
            let Some(der) = attribute_bytes(&session, handle, AttributeType::Value)? else {
                continue;
            };
            let Ok(cert) = CapturedX509Certificate::from_der(der) else {
                continue;
            };
            let label = attribute_bytes(&session, handle, AttributeType::Label)?
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .unwrap_or_default();
            out.push(TokenCertificate {
                slot: slot.id(),
                token: info.label().trim().to_string(),
                key_label: label,
                subject: subject_of(&cert),
                issuer: cert.issuer_common_name().unwrap_or_default(),
                not_after: cert.validity_not_after().to_rfc3339(),
            });
        }
    }
    Ok(out)
}

fn login(session: &Session, info: &cryptoki::slot::TokenInfo, pin: &str) -> Result<(), SignError> {
    if info.user_pin_locked() {
        return Err(SignError::PinLocked);
    }
    let final_try = info.user_pin_final_try();
    match session.login(UserType::User, Some(&AuthPin::from(pin.to_string()))) {
        Ok(()) => Ok(()),
        Err(P11Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
        Err(e) => match map_p11(e) {
            SignError::WrongPin { .. } => Err(SignError::WrongPin { final_try }),
            other => Err(other),
        },
    }
}

/// Logs in to the token and finds the key and its certificate. The session stays open in
/// the returned credential until it is dropped.
pub fn from_token(choice: &TokenChoice, pin: &str) -> Result<Credential, SignError> {
    let p11 = open_module(&choice.module)?;
    let slot = choose_slot(&p11, choice.slot)?;
    let info = p11.get_token_info(slot).map_err(map_p11)?;
    let session = p11.open_ro_session(slot).map_err(map_p11)?;
    login(&session, &info, pin)?;

    let mut template = vec![Attribute::Class(ObjectClass::PRIVATE_KEY)];
    if let Some(label) = &choice.key_label {
        template.push(Attribute::Label(label.as_bytes().to_vec()));
    }
    let key = session
        .find_objects(&template)
        .map_err(map_p11)?
        .into_iter()
        .next()
        .ok_or_else(|| SignError::NoKey {
            label: choice.key_label.clone(),
        })?;
    let id = attribute_bytes(&session, key, AttributeType::Id)?;
    // The certificate is the one with the key's CKA_ID (or its label when it has no id).
    let mut cert_template = vec![Attribute::Class(ObjectClass::CERTIFICATE)];
    match (&id, &choice.key_label) {
        (Some(id), _) if !id.is_empty() => cert_template.push(Attribute::Id(id.clone())),
        (_, Some(label)) => cert_template.push(Attribute::Label(label.as_bytes().to_vec())),
        _ => {}
    }
    let mut chain = Vec::new();
    for handle in session.find_objects(&cert_template).map_err(map_p11)? {
        if let Some(der) = attribute_bytes(&session, handle, AttributeType::Value)? {
            let cert = CapturedX509Certificate::from_der(der)
                .map_err(|e| SignError::bad("certificate", e.to_string()))?;
            chain.push(cert);
            break;
        }
    }
    if chain.is_empty() {
        return Err(SignError::bad(
            "certificate",
            "the token holds no certificate for this key",
        ));
    }
    // Other certificates on the token (the CA's) complete the chain when they issued ours.
    for handle in session
        .find_objects(&[Attribute::Class(ObjectClass::CERTIFICATE)])
        .map_err(map_p11)?
    {
        if let Some(der) = attribute_bytes(&session, handle, AttributeType::Value)?
            && let Ok(cert) = CapturedX509Certificate::from_der(der)
            && !chain.contains(&cert)
        {
            chain.push(cert);
        }
    }
    if chain[0].key_algorithm() != Some(KeyAlgorithm::Rsa) {
        return Err(SignError::bad(
            "certificate",
            "only RSA keys on a token are supported (the Vietnamese CAs issue RSA keys)",
        ));
    }
    let failure = std::sync::Arc::new(Mutex::new(None));
    let public_key = chain[0].public_key_data();
    Ok(Credential {
        key: Box::new(TokenKey {
            _p11: p11,
            session,
            key,
            public_key,
            failure: failure.clone(),
        }),
        chain,
        token_failure: Some(failure),
    })
}

/// A private key on a token: the token computes SHA-256 and the RSA PKCS#1 v1.5 signature.
struct TokenKey {
    // Kept so the module stays loaded and initialised as long as the session lives.
    _p11: Pkcs11,
    session: Session,
    key: ObjectHandle,
    public_key: Bytes,
    failure: std::sync::Arc<Mutex<Option<SignError>>>,
}

impl Signer<x509_certificate::Signature> for TokenKey {
    fn try_sign(&self, msg: &[u8]) -> Result<x509_certificate::Signature, signature::Error> {
        match self.session.sign(&Mechanism::Sha256RsaPkcs, self.key, msg) {
            Ok(sig) => Ok(sig.into()),
            Err(e) => {
                if let Ok(mut slot) = self.failure.lock() {
                    *slot = Some(map_p11(e));
                }
                Err(signature::Error::new())
            }
        }
    }
}

impl Sign for TokenKey {
    fn sign(
        &self,
        message: &[u8],
    ) -> Result<(Vec<u8>, SignatureAlgorithm), x509_certificate::X509CertificateError> {
        let sig = self.try_sign(message)?;
        Ok((sig.into(), SignatureAlgorithm::RsaSha256))
    }

    fn key_algorithm(&self) -> Option<KeyAlgorithm> {
        Some(KeyAlgorithm::Rsa)
    }

    fn public_key_data(&self) -> Bytes {
        self.public_key.clone()
    }

    fn signature_algorithm(
        &self,
    ) -> Result<SignatureAlgorithm, x509_certificate::X509CertificateError> {
        Ok(SignatureAlgorithm::RsaSha256)
    }

    fn private_key_data(&self) -> Option<Zeroizing<Vec<u8>>> {
        None
    }

    fn rsa_primes(
        &self,
    ) -> Result<
        Option<(Zeroizing<Vec<u8>>, Zeroizing<Vec<u8>>)>,
        x509_certificate::X509CertificateError,
    > {
        Ok(None)
    }
}

impl KeyInfoSigner for TokenKey {}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::error::Lang;
    use cryptoki::context::Function;

    fn rv(e: RvError) -> SignError {
        map_p11(P11Error::Pkcs11(e, Function::Sign))
    }

    #[test]
    fn token_failures_become_errors_a_person_can_act_on_in_both_languages() {
        let locked = rv(RvError::PinLocked);
        assert_eq!(locked.code(), "pin_locked");
        assert!(locked.message(Lang::En).contains("locked"));
        assert!(locked.message(Lang::Vi).contains("bị khóa"));

        for removed in [
            RvError::DeviceRemoved,
            RvError::TokenNotPresent,
            RvError::SessionHandleInvalid,
        ] {
            let e = rv(removed);
            assert_eq!(e.code(), "token_removed");
            assert!(e.message(Lang::En).contains("removed"));
            assert!(e.message(Lang::Vi).contains("rút ra"));
        }

        let wrong = rv(RvError::PinIncorrect);
        assert_eq!(wrong.code(), "wrong_pin");
        assert!(wrong.message(Lang::Vi).starts_with("Mã PIN không đúng"));
        let last = SignError::WrongPin { final_try: true };
        assert!(
            last.message(Lang::En)
                .contains("one more wrong PIN locks the token")
        );
    }

    #[test]
    fn a_missing_module_names_the_module() {
        let e = open_module("/nowhere/libtoken.so").unwrap_err();
        assert_eq!(e.code(), "module");
        assert!(e.message(Lang::En).contains("/nowhere/libtoken.so"));
    }
}
