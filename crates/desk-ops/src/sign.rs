//! Signed documents: the desk's PDFs signed with the office's certificate (a PKCS#12 file or
//! a token), with the appearance Decree 30 gives an electronic document, and signed PDFs
//! verified. The window and the CLI both come here, so both sign the same way.

use std::path::Path;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use desk_domain::{Error, ErrorKind, Language, ReportVersion, Rule, Violation};
use desk_report::SignatureSpace;
use desk_sign::{Appearance, Credential, Lang, PdfRect, SignError, SignRequest, Verification};
use desk_store::Store;

use crate::write_file;

/// Which key a signature uses (a PKCS#12 file or a token's slot), as the window asks for it.
pub use desk_sign::TokenChoice;

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
    error.message = message.clone();
    // The window says it from the code and its parameters; `message` is the sentence in the
    // window's language for the failures it words no better.
    let code = match &e {
        SignError::WrongPin { final_try: true } => "sign_wrong_pin_final".to_owned(),
        other => format!("sign_{}", other.code()),
    };
    let mut params = vec![("message", message)];
    match &e {
        SignError::CertificateExpired {
            subject,
            not_before,
            not_after,
        } => {
            params.push(("subject", subject.clone()));
            params.push(("not_before", not_before.clone()));
            params.push(("not_after", not_after.clone()));
        }
        SignError::NotForSigning { subject } => params.push(("subject", subject.clone())),
        SignError::BadInput { detail, .. } | SignError::Failed(detail) => {
            params.push(("detail", detail.clone()));
        }
        SignError::Module { module, detail } => {
            params.push(("module", module.clone()));
            params.push(("detail", detail.clone()));
        }
        _ => {}
    }
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    error.coded(&code, &params)
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
    let layout = desk_report::layout_with_annex(&doc, Some(&annex)).map_err(Error::from)?;
    let space = desk_report::signature_space(&layout, &doc.signature);
    let pdf = desk_report::draw(&layout, &desk_report::Metadata::for_report(&doc))
        .map_err(Error::from)?;
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
    let paper = desk_domain::print::Paper::MissionReport {
        delegation_id: delegation_id.to_owned(),
        language,
    };
    let (bytes, version) = sign_paper_to(store, &paper, credential, images, messages, path)?;
    let version = version.ok_or_else(|| Error::new(ErrorKind::Internal, "no report version"))?;
    Ok((version, bytes))
}

/// Verifies a PDF's signatures against the office's trusted roots (PEM or DER files' bytes).
pub fn verify(pdf: &[u8], roots: &[Vec<u8>], lang: Lang) -> Result<Verification, Error> {
    let mut trusted = Vec::new();
    for r in roots {
        trusted.extend(desk_sign::read_certificates(r).map_err(|e| sign_error(e, lang))?);
    }
    desk_sign::verify_pdf(pdf, &trusted).map_err(|e| sign_error(e, lang))
}

/// The images Settings → Signature keep, for signing.
pub fn images_from(assets: &desk_store::SigningAssets) -> SignImages {
    SignImages {
        signature_png: assets.signature_png.clone(),
        seal_png: assets.seal_png.clone(),
        seal_mm: assets.seal_mm as f32,
    }
}

/// A signature or seal image is a PNG of at most this many bytes.
pub const MAX_SIGN_IMAGE_BYTES: u64 = 2 << 20;
/// A root certificate file is at most this many bytes.
pub const MAX_ROOT_BYTES: u64 = 256 << 10;

/// Checks a signature or seal image and keeps it in Settings.
pub fn set_sign_image(
    store: &mut Store,
    kind: desk_domain::SignImageKind,
    png: Vec<u8>,
) -> Result<desk_store::SigningAssets, Error> {
    let field = match kind {
        desk_domain::SignImageKind::Signature => "signature_image",
        desk_domain::SignImageKind::Seal => "seal_image",
    };
    if png.len() as u64 > MAX_SIGN_IMAGE_BYTES {
        return Err(Error::invalid(vec![Violation::new(
            field,
            Rule::TooLong,
            format!(
                "The image is larger than {} MB: save it smaller (a signature or seal needs a few hundred KB)",
                MAX_SIGN_IMAGE_BYTES >> 20
            ),
        )])
        .coded(
            "sign_image_too_large",
            &[("mb", &(MAX_SIGN_IMAGE_BYTES >> 20).to_string())],
        ));
    }
    if let Err(e) = desk_sign::check_image(&png, field) {
        let detail = match &e {
            SignError::BadInput { detail, .. } => detail.clone(),
            other => other.to_string(),
        };
        return Err(Error::invalid(vec![Violation::new(
            field,
            Rule::InvalidFormat,
            format!("The image must be a PNG (transparent background): {detail}"),
        )])
        .coded("sign_image_invalid", &[("detail", &detail)]));
    }
    let mut assets = store.signing_assets()?;
    let what = match kind {
        desk_domain::SignImageKind::Signature => {
            assets.signature_png = Some(png);
            "signature image set"
        }
        desk_domain::SignImageKind::Seal => {
            assets.seal_png = Some(png);
            "seal image set"
        }
    };
    Ok(store.save_signing_assets(&assets, what)?)
}

/// Removes the signature or seal image.
pub fn remove_sign_image(
    store: &mut Store,
    kind: desk_domain::SignImageKind,
) -> Result<desk_store::SigningAssets, Error> {
    let mut assets = store.signing_assets()?;
    let what = match kind {
        desk_domain::SignImageKind::Signature => {
            assets.signature_png = None;
            "signature image removed"
        }
        desk_domain::SignImageKind::Seal => {
            assets.seal_png = None;
            "seal image removed"
        }
    };
    Ok(store.save_signing_assets(&assets, what)?)
}

/// Adds the certificates of a PEM or DER file to the office's trusted roots.
pub fn add_trusted_roots(
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
) -> Result<desk_store::SigningAssets, Error> {
    let certs = desk_sign::read_certificates(bytes).map_err(|e| {
        let detail = match &e {
            SignError::BadInput { detail, .. } => detail.clone(),
            other => other.to_string(),
        };
        Error::invalid(vec![Violation::new(
            "trusted_root",
            Rule::InvalidFormat,
            format!("{file_name} is not a certificate (PEM or DER): {detail}"),
        )])
        .coded("root_invalid", &[("name", file_name), ("detail", &detail)])
    })?;
    let mut assets = store.signing_assets()?;
    for cert in certs {
        let der = cert.constructed_data().to_vec();
        let id = desk_store::sha256_hex(&der);
        if assets.roots.iter().any(|r| r.root.id == id) {
            continue;
        }
        assets.roots.push(desk_store::StoredRoot {
            root: desk_domain::TrustedRoot {
                id,
                file_name: file_name.to_owned(),
                subject: desk_sign::subject_of(&cert),
                not_after: cert
                    .validity_not_after()
                    .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
                    .to_rfc3339_opts(SecondsFormat::Secs, false),
            },
            der,
        });
    }
    Ok(store.save_signing_assets(&assets, &format!("trusted roots added from {file_name}"))?)
}

/// Removes a trusted root by its id (the certificate's SHA-256).
pub fn remove_trusted_root(
    store: &mut Store,
    id: &str,
) -> Result<desk_store::SigningAssets, Error> {
    let mut assets = store.signing_assets()?;
    let before = assets.roots.len();
    assets.roots.retain(|r| r.root.id != id);
    if assets.roots.len() == before {
        return Err(Error::not_found("trusted root", id));
    }
    Ok(store.save_signing_assets(&assets, "trusted root removed")?)
}

/// The office's trusted roots as DER, for [`verify`].
pub fn trusted_roots(store: &Store) -> Result<Vec<Vec<u8>>, Error> {
    Ok(store
        .signing_assets()?
        .roots
        .into_iter()
        .map(|r| r.der)
        .collect())
}

/// The findings of [`verify`] as the window shows them (the facts of `desk verify --json`).
pub fn verification_view(file_name: &str, v: &Verification) -> desk_domain::PdfVerification {
    desk_domain::PdfVerification {
        file_name: file_name.to_owned(),
        signatures: v.signatures.iter().map(|s| s.check.clone()).collect(),
    }
}

/// Verifies a PDF attachment against the office's trusted roots.
pub fn verify_attachment(
    store: &Store,
    attachment_id: &str,
    messages: Lang,
) -> Result<desk_domain::PdfVerification, Error> {
    let attachment = store.attachment(attachment_id)?;
    if attachment.media_type != "application/pdf" {
        return Err(Error::new(
            ErrorKind::Validation,
            format!("{} is not a PDF", attachment.file_name),
        )
        .coded("not_a_pdf", &[("name", &attachment.file_name)]));
    }
    let pdf = store.attachment_content(attachment_id)?;
    let roots = trusted_roots(store)?;
    let v = verify(&pdf, &roots, messages)?;
    Ok(verification_view(&attachment.file_name, &v))
}

/// A paper drawn for signing, with the room of its signature block.
pub fn paper_for_signing(
    store: &mut Store,
    paper: &desk_domain::print::Paper,
) -> Result<(Vec<u8>, Option<SignatureSpace>, Paper, Language), Error> {
    use desk_domain::print::Paper as P;
    match paper {
        P::MissionReport {
            delegation_id,
            language,
        } => {
            let data = store.mission_report_data(delegation_id)?;
            let doc = desk_report::mission::document(&data, *language, crate::now())?;
            let layout = desk_report::layout(&doc).map_err(Error::from)?;
            let space = desk_report::signature_space(&layout, &doc.signature);
            let pdf = desk_report::draw(&layout, &desk_report::Metadata::for_report(&doc))
                .map_err(Error::from)?;
            Ok((pdf, space, Paper::MissionReport, *language))
        }
        P::Hosting {
            delegation_id,
            paper:
                which @ (desk_domain::hosting::HostingPaper::Invitations
                | desk_domain::hosting::HostingPaper::VisaLetters),
            languages,
        } => {
            let (printed, _) =
                crate::hosting::hosting_paper(store, delegation_id, *which, languages)?;
            // The signing information is in the language of the last letter, whose
            // signature block carries it.
            let language = languages.last().copied().unwrap_or(Language::Vi);
            Ok((printed.pdf, printed.signature, Paper::Letter, language))
        }
        P::AnnualReport {
            range,
            language,
            country_names,
        } => {
            let (pdf, space) = annual_for(store, range, *language, country_names)?;
            Ok((pdf, space, Paper::AnnualReport, *language))
        }
        P::Itinerary { .. } | P::Estimate { .. } | P::Settlement { .. } | P::Hosting { .. } => {
            Err(not_signable())
        }
    }
}

fn not_signable() -> Error {
    Error::new(
        ErrorKind::Validation,
        "Only papers with a signature block are signed: the mission report, the letters and the annual report",
    )
    .coded("paper_not_signable", &[])
}

/// Refuses, before any dialog, a paper that has no signature block.
pub fn check_signable(paper: &desk_domain::print::Paper) -> Result<(), Error> {
    use desk_domain::hosting::HostingPaper as H;
    use desk_domain::print::Paper as P;
    match paper {
        P::MissionReport { .. }
        | P::AnnualReport { .. }
        | P::Hosting {
            paper: H::Invitations | H::VisaLetters,
            ..
        } => Ok(()),
        _ => Err(not_signable()),
    }
}

/// The annual report of a range as the window draws it, with its signature block's room.
pub fn annual_for(
    store: &Store,
    range: &desk_domain::StatsRangeInput,
    language: Language,
    country_names: &std::collections::BTreeMap<String, String>,
) -> Result<(Vec<u8>, Option<SignatureSpace>), Error> {
    let range = range.validate()?;
    let stats = store.stats(range.from, range.to)?;
    let now = crate::now();
    let mut options = desk_report::AnnualOptions::from_settings(
        &store.settings()?,
        language,
        now.date_naive(),
        now,
    );
    options.country_names = country_names.clone();
    annual_report_pdf(&stats, &options)
}

/// Signs a paper and writes it to `path` (nothing is written if signing fails): its length,
/// and for a mission report the version kept, as for any export.
pub fn sign_paper_to(
    store: &mut Store,
    paper: &desk_domain::print::Paper,
    credential: &Credential,
    images: &SignImages,
    messages: Lang,
    path: &Path,
) -> Result<(usize, Option<ReportVersion>), Error> {
    let (pdf, space, kind, language) = paper_for_signing(store, paper)?;
    let settings = store.settings()?;
    let signed = sign_paper(
        &settings,
        kind,
        &pdf,
        space,
        credential,
        images,
        lang_of(language),
        messages,
    )?;
    write_file(path, &signed)?;
    let version = match paper {
        desk_domain::print::Paper::MissionReport { delegation_id, .. } => {
            let report = store.mission_report_data(delegation_id)?.report;
            Some(store.keep_report_version(&report.id, "signed")?)
        }
        _ => None,
    };
    Ok((signed.len(), version))
}

/// Fills the images not given (on the command line) from Settings → Signature.
pub fn fill_images(images: &mut SignImages, store: &Store) -> Result<(), Error> {
    if images.signature_png.is_some() && images.seal_png.is_some() {
        return Ok(());
    }
    let kept = images_from(&store.signing_assets()?);
    if images.signature_png.is_none() {
        images.signature_png = kept.signature_png;
    }
    if images.seal_png.is_none() {
        images.seal_png = kept.seal_png;
    }
    Ok(())
}
