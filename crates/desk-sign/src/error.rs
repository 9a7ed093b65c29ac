//! Why a signature could not be made or read, in words a person acts on. Each variant has a
//! message in both of the desk's languages ([`SignError::message`]); the English one is also
//! its `Display`, for logs and the terminal.

use thiserror::Error;

/// The language a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese (the desk's default).
    Vi,
    /// English.
    En,
}

/// Everything that can stop signing or verifying.
#[derive(Debug, Error)]
pub enum SignError {
    /// The PIN (or the PKCS#12 password) is wrong.
    #[error("the PIN is wrong{}", remaining_en(*.final_try))]
    WrongPin {
        /// The token warned that one more wrong PIN locks it.
        final_try: bool,
    },
    /// The token refuses any PIN until it is unlocked with its SO PIN.
    #[error("the token is locked after too many wrong PINs: unlock it with the tool of its CA")]
    PinLocked,
    /// The token was taken out (or the session died) before the signature was made.
    #[error("the token was removed before the signature was made: plug it in and sign again")]
    TokenRemoved,
    /// No token in the chosen slot, or no slot with that number.
    #[error("no token found{}", slot_en(.slot))]
    NoToken {
        /// The slot asked for, if any.
        slot: Option<u64>,
    },
    /// No private key (with that label) on the token or in the file.
    #[error("no signing key found{}", label_en(.label))]
    NoKey {
        /// The key label asked for, if any.
        label: Option<String>,
    },
    /// The PKCS#11 module could not be loaded.
    #[error("cannot load the token's PKCS#11 module {module}: {detail}")]
    Module {
        /// The module's path.
        module: String,
        /// What the loader said.
        detail: String,
    },
    /// The certificate is not yet valid or has expired.
    #[error("the certificate of {subject} is valid from {not_before} to {not_after}, not now")]
    CertificateExpired {
        /// Who the certificate names.
        subject: String,
        /// Start of validity (ISO 8601).
        not_before: String,
        /// End of validity (ISO 8601).
        not_after: String,
    },
    /// The certificate may not be used for signatures (key usage).
    #[error(
        "the certificate of {subject} does not allow signing documents (its key usage has neither digitalSignature nor nonRepudiation)"
    )]
    NotForSigning {
        /// Who the certificate names.
        subject: String,
    },
    /// A file or an image is not what it should be.
    #[error("{field}: {detail}")]
    BadInput {
        /// Which input ("p12", "signature_image", "pdf"...).
        field: &'static str,
        /// What is wrong with it.
        detail: String,
    },
    /// The token or the crypto library failed for another reason.
    #[error("the signature could not be made: {0}")]
    Failed(String),
}

fn remaining_en(final_try: bool) -> &'static str {
    if final_try {
        " (one more wrong PIN locks the token)"
    } else {
        ""
    }
}

fn slot_en(slot: &Option<u64>) -> String {
    slot.map(|s| format!(" in slot {s}")).unwrap_or_default()
}

fn label_en(label: &Option<String>) -> String {
    label
        .as_ref()
        .map(|l| format!(" with the label \"{l}\""))
        .unwrap_or_default()
}

impl SignError {
    /// A short stable name of the error, for the UI and for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::WrongPin { .. } => "wrong_pin",
            SignError::PinLocked => "pin_locked",
            SignError::TokenRemoved => "token_removed",
            SignError::NoToken { .. } => "no_token",
            SignError::NoKey { .. } => "no_key",
            SignError::Module { .. } => "module",
            SignError::CertificateExpired { .. } => "certificate_expired",
            SignError::NotForSigning { .. } => "not_for_signing",
            SignError::BadInput { .. } => "bad_input",
            SignError::Failed(_) => "failed",
        }
    }

    /// The message in the window's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SignError::WrongPin { final_try } => format!(
                "Mã PIN không đúng{}",
                if *final_try {
                    " (nhập sai thêm một lần nữa thiết bị ký sẽ bị khóa)"
                } else {
                    ""
                }
            ),
            SignError::PinLocked => "Thiết bị ký (token) đã bị khóa do nhập sai mã PIN quá số lần cho phép: hãy mở khóa bằng công cụ của nhà cung cấp chứng thư số".into(),
            SignError::TokenRemoved => "Thiết bị ký (token) đã bị rút ra trước khi ký xong: hãy cắm lại và ký lại".into(),
            SignError::NoToken { slot } => format!(
                "Không tìm thấy thiết bị ký (token){}",
                slot.map(|s| format!(" ở khe {s}")).unwrap_or_default()
            ),
            SignError::NoKey { label } => format!(
                "Không tìm thấy khóa ký{}",
                label
                    .as_ref()
                    .map(|l| format!(" có nhãn \"{l}\""))
                    .unwrap_or_default()
            ),
            SignError::Module { module, detail } => {
                format!("Không nạp được thư viện PKCS#11 của thiết bị ký {module}: {detail}")
            }
            SignError::CertificateExpired {
                subject,
                not_before,
                not_after,
            } => format!(
                "Chứng thư số của {subject} chỉ có hiệu lực từ {not_before} đến {not_after}, không còn hiệu lực lúc ký"
            ),
            SignError::NotForSigning { subject } => format!(
                "Chứng thư số của {subject} không được phép dùng để ký văn bản (mục đích sử dụng khóa không có digitalSignature hay nonRepudiation)"
            ),
            SignError::BadInput { field, detail } => format!("{field}: {detail}"),
            SignError::Failed(detail) => format!("Không ký được: {detail}"),
        }
    }

    pub(crate) fn bad(field: &'static str, detail: impl Into<String>) -> Self {
        SignError::BadInput {
            field,
            detail: detail.into(),
        }
    }
}
