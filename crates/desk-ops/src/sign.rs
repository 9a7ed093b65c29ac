//! Signed documents: the desk's PDFs signed with the office's certificate (a PKCS#12 file or
//! a token), with the appearance Decree 30 gives an electronic document, and signed PDFs
//! verified. The window and the CLI both come here, so both sign the same way.

use std::path::Path;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use desk_domain::{Error, ErrorKind, Language, ReportVersion, Rule, Violation};
use desk_report::SignatureSpace;
use desk_sign::{
    Appearance, Credential, Lang, PdfRect, SignError, SignRequest, TokenChoice, Verification,
};
use desk_store::Store;

use crate::{print_language, write_file};

/// Where the key is.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// A PKCS#12 file's bytes.
    P12(Vec<u8>),
    /// A token through its PKCS#11 module.
    Token(TokenChoice),
}

/// The images of a visible signature (set once in Settings, or given on the command line).
#[derive(Debug, Clone, Default)]
pub struct SignImages {
    /// The signer's signature, a transparent PNG.
    pub signature_png: Option<Vec<u8>>,
    /// The agency's seal, a transparent PNG, when the agency signs.
    pub seal_png: Option<Vec<u8>>,
    /// The seal's real width in millimetres.
    pub seal_mm: f32,
}

/// The error language for a document language.
pub fn lang_of(language: Language) -> Lang {
    match language {
        Language::Vi => Lang::Vi,
        Language::En => Lang::En,
    }
}

/// A signing failure as the desk's error, its message in `lang`, naming the field.
pub fn sign_error(e: SignError, lang: Lang) -> Error {
    let message = e.message(lang);
    let (field, rule) = match &e {
        SignError::WrongPin { .. } | SignError::PinLocked => ("pin", Rule::InvalidFormat),
        SignError::TokenRemoved | SignError::NoToken { .. } | SignError::Module { .. } => {
            ("token", Rule::UnknownRecord)
        }
        SignError::NoKey { .. } => ("key_label", Rule::UnknownRecord),
        SignError::CertificateExpired { .. } => ("certificate", Rule::OutOfRange),
        SignError::NotForSigning { .. } => ("certificate", Rule::InvalidFormat),
        SignError::BadInput { field, .. } => (*field, Rule::InvalidFormat),
        SignError::Failed(_) => return Error::new(ErrorKind::Internal, message),
    };
    let mut error = Error::invalid(vec![Violation::new(field, rule, message.clone())]);
    error.message = message;
    error
}

/// Opens the key with the PIN (or the file's password). The PIN is not kept.
pub fn open_credential(source: &KeySource, pin: &str, lang: Lang) -> Result<Credential, Error> {
    match source {
        KeySource::P12(bytes) => desk_sign::from_pkcs12(bytes, pin),
        KeySource::Token(choice) => desk_sign::from_token(choice, pin),
    }
    .map_err(|e| sign_error(e, lang))
}

/// Now in Viet Nam time (+07:00), whatever the computer's zone: the Decree's signing time.
pub fn vietnam_now() -> DateTime<FixedOffset> {
    Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .fixed_offset()
}

/// The signing information the Decree asks for: the agency and the time (ISO 8601).
pub fn signing_lines(agency: &str, at: &DateTime<FixedOffset>, lang: Lang) -> Vec<String> {
    let time = at.to_rfc3339_opts(SecondsFormat::Secs, false);
    match lang {
        Lang::Vi => vec![format!("Ký bởi: {agency}"), format!("Thời gian ký: {time}")],
        Lang::En => vec![
            format!("Signed by: {agency}"),
            format!("Signing time: {time}"),
        ],
    }
}

/// What a signature says about itself.
#[derive(Debug, Clone)]
pub struct SignDetails<'a> {
    pub agency: &'a str,
    pub place: &'a str,
    pub reason: &'a str,
    /// The language of the signing information (the document's).
    pub lang: Lang,
    /// The language of error messages (the window's; English in the terminal).
    pub messages: Lang,
}

/// Signs a PDF the desk drew, at its signature block when there is one.
pub fn sign_pdf(
    pdf: &[u8],
    space: Option<SignatureSpace>,
    credential: &Credential,
    images: &SignImages,
    details: &SignDetails<'_>,
) -> Result<Vec<u8>, Error> {
    let at = vietnam_now();
    let appearance = space.map(|s| {
        let [x0, y0, x1, y1] = s.pdf_rect();
        Appearance {
            page: s.page,
            space: PdfRect { x0, y0, x1, y1 },
            signature_png: images.signature_png.clone(),
            seal: images.seal_png.clone().map(|png| (png, images.seal_mm)),
            lines: signing_lines(details.agency, &at, details.lang),
            font: desk_report::FontFace::Regular.bytes(),
        }
    });
    desk_sign::sign_pdf(
        pdf,
        credential,
        &SignRequest {
            at,
            name: String::new(),
            reason: details.reason.to_string(),
            location: details.place.to_string(),
            appearance,
        },
    )
    .map_err(|e| sign_error(e, details.messages))
}

/// The papers the desk signs, each with the reason its signature gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    MissionReport,
    Letter,
    AnnualReport,
}

impl Paper {
    fn reason(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Paper::MissionReport, Lang::Vi) => "Ký phát hành báo cáo",
            (Paper::MissionReport, Lang::En) => "Report issued",
            (Paper::Letter, Lang::Vi) => "Ký phát hành thư",
            (Paper::Letter, Lang::En) => "Letter issued",
            (Paper::AnnualReport, Lang::Vi) => "Ký phát hành báo cáo năm",
            (Paper::AnnualReport, Lang::En) => "Annual report issued",
        }
    }
}

/// Signs a paper the desk drew in `lang`, in the agency's name and place from Settings.
#[allow(clippy::too_many_arguments)]
pub fn sign_paper(
    settings: &desk_domain::Settings,
    paper: Paper,
    pdf: &[u8],
    space: Option<SignatureSpace>,
    credential: &Credential,
    images: &SignImages,
    lang: Lang,
    messages: Lang,
) -> Result<Vec<u8>, Error> {
    let (agency, place) = match lang {
        Lang::Vi => (&settings.agency, &settings.place),
        Lang::En => (&settings.agency_en, &settings.place_en),
    };
    sign_pdf(
        pdf,
        space,
        credential,
        images,
        &SignDetails {
            agency,
            place,
            reason: paper.reason(lang),
            lang,
            messages,
        },
    )
}

/// The annual report drawn, with the room of its signature block.
pub fn annual_report_pdf(
    stats: &desk_domain::YearStats,
    options: &desk_report::AnnualOptions,
) -> Result<(Vec<u8>, Option<SignatureSpace>), Error> {
    let (doc, annex) = desk_report::annual_report(stats, options);
    let layout = desk_report::layout_with_annex(&doc, Some(&annex))
        .map_err(desk_report::mission::user_error)?;
    let space = desk_report::signature_space(&layout, &doc.signature);
    let pdf = desk_report::draw(&layout, &desk_report::Metadata::for_report(&doc))
        .map_err(desk_report::mission::user_error)?;
    Ok((pdf, space))
}

/// The mission report signed, written to `path` (nothing is written if signing fails), and
/// kept as a version like any export.
pub fn sign_mission_report(
    store: &mut Store,
    delegation_id: &str,
    language: Language,
    credential: &Credential,
    images: &SignImages,
    messages: Lang,
    path: &Path,
) -> Result<(ReportVersion, usize), Error> {
    let data = store.mission_report_data(delegation_id)?;
    let doc = desk_report::mission::document(&data, print_language(language), crate::now())?;
    let layout = desk_report::layout(&doc).map_err(desk_report::mission::user_error)?;
    let space = desk_report::signature_space(&layout, &doc.signature);
    let pdf = desk_report::draw(&layout, &desk_report::Metadata::for_report(&doc))
        .map_err(desk_report::mission::user_error)?;
    let settings = store.settings()?;
    let signed = sign_paper(
        &settings,
        Paper::MissionReport,
        &pdf,
        space,
        credential,
        images,
        lang_of(language),
        messages,
    )?;
    write_file(path, &signed)?;
    Ok((
        store.keep_report_version(&data.report.id, "signed")?,
        signed.len(),
    ))
}

/// Verifies a PDF's signatures against the office's trusted roots (PEM or DER files' bytes).
pub fn verify(pdf: &[u8], roots: &[Vec<u8>], lang: Lang) -> Result<Verification, Error> {
    let mut trusted = Vec::new();
    for r in roots {
        trusted.extend(desk_sign::read_certificates(r).map_err(|e| sign_error(e, lang))?);
    }
    desk_sign::verify_pdf(pdf, &trusted).map_err(|e| sign_error(e, lang))
}
