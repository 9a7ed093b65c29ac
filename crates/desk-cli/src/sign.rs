//! `desk report sign`, the signing options of `desk letters`, and `desk verify`: documents
//! signed with the office's certificate (a PKCS#12 file or a token) and signed PDFs checked.
//! The PIN is read from an environment variable the user names, never from the command line
//! (where other users of the machine could read it), and never printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use desk_domain::{Error, ErrorKind, Language, Rule, Violation};
use desk_ops::sign::{KeySource, SignImages, lang_of};
use desk_sign::{Credential, Lang, TokenChoice, Verification};

use crate::context::{Context, io};
use crate::output;

#[derive(Subcommand)]
pub enum Command {
    /// Check the digital signatures of a PDF: who signed, when, with which certificate,
    /// whether it changed after signing, whether the certificate is trusted.
    Verify {
        #[arg(value_name = "FILE.pdf")]
        file: PathBuf,
        /// A root certificate the office trusts (PEM or DER); may be repeated.
        #[arg(long, value_name = "CA.pem")]
        trust: Vec<PathBuf>,
        /// Also trust the root certificates kept in Settings → Signature of the database
        /// (--db); without it no database is opened.
        #[arg(long)]
        office_roots: bool,
    },
}

impl Command {
    /// Whether the command reads the database (for the office's trusted roots).
    pub fn needs_database(&self) -> bool {
        match self {
            Command::Verify { office_roots, .. } => *office_roots,
        }
    }
}

/// Carries out `desk verify`, trusting `office_roots` (DER) besides the files given.
pub fn run(
    out: &mut dyn Write,
    json: bool,
    command: &Command,
    office_roots: Vec<Vec<u8>>,
) -> Result<(), Error> {
    match command {
        Command::Verify { file, trust, .. } => verify(out, json, file, trust, office_roots),
    }
}

/// How to reach the signing key, and the images of the visible signature.
#[derive(Args, Debug, Clone, Default)]
pub struct KeyArgs {
    /// Sign with the key and certificate of this PKCS#12 file (.p12/.pfx).
    #[arg(long, value_name = "FILE", conflicts_with = "pkcs11")]
    pub p12: Option<PathBuf>,
    /// Sign with a token through this PKCS#11 module (the CA's .so file).
    #[arg(long, value_name = "MODULE")]
    pub pkcs11: Option<PathBuf>,
    /// The token's slot (default: the first slot with a token).
    #[arg(long, requires = "pkcs11")]
    pub slot: Option<u64>,
    /// The label of the key on the token (default: the first key).
    #[arg(long, requires = "pkcs11")]
    pub key_label: Option<String>,
    /// The environment variable holding the PIN (or the PKCS#12 password).
    #[arg(long, value_name = "VAR")]
    pub pin_env: Option<String>,
    /// The signer's signature image (a transparent PNG), shown in blue.
    #[arg(long, value_name = "PNG")]
    pub signature_image: Option<PathBuf>,
    /// The agency's seal image (a transparent PNG), shown in red over the signature.
    #[arg(long, value_name = "PNG")]
    pub seal_image: Option<PathBuf>,
    /// The seal's real width in millimetres.
    #[arg(long, default_value_t = 36.0, value_name = "MM")]
    pub seal_mm: f32,
}

impl KeyArgs {
    /// Whether any key was given (the letters are signed only then).
    pub fn wanted(&self) -> bool {
        self.p12.is_some() || self.pkcs11.is_some()
    }
}

/// A key opened with its PIN, and the images to draw.
pub struct Signing {
    pub credential: Credential,
    pub images: SignImages,
    /// The language of the signing information drawn on the page (the document's).
    pub lang: Lang,
}

/// The terminal speaks English, like the rest of `desk`'s messages.
pub const MESSAGES: Lang = Lang::En;

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| io(path, e))
}

/// Opens the key the options name, with the PIN from the named variable; the images not
/// given as options come from Settings → Signature.
pub fn open(
    store: &desk_store::Store,
    args: &KeyArgs,
    language: Language,
) -> Result<Signing, Error> {
    let lang = lang_of(language);
    let source = match (&args.p12, &args.pkcs11) {
        (Some(p12), None) => KeySource::P12(read(p12)?),
        (None, Some(module)) => KeySource::Token(TokenChoice {
            module: module.display().to_string(),
            slot: args.slot,
            key_label: args.key_label.clone(),
        }),
        _ => {
            return Err(Error::invalid(vec![Violation::new(
                "p12",
                Rule::Required,
                "give the key: --p12 FILE or --pkcs11 MODULE",
            )]));
        }
    };
    let Some(var) = &args.pin_env else {
        return Err(Error::invalid(vec![Violation::new(
            "pin_env",
            Rule::Required,
            "--pin-env VAR names the environment variable holding the PIN",
        )]));
    };
    let pin = std::env::var(var).map_err(|_| {
        Error::invalid(vec![Violation::new(
            "pin_env",
            Rule::Required,
            format!("the environment variable {var} (the PIN) is not set"),
        )])
    })?;
    let mut images = SignImages {
        signature_png: args.signature_image.as_deref().map(read).transpose()?,
        seal_png: args.seal_image.as_deref().map(read).transpose()?,
        seal_mm: args.seal_mm,
    };
    desk_ops::sign::fill_images(&mut images, store)?;
    let credential = desk_ops::sign::open_credential(&source, &pin, MESSAGES)?;
    Ok(Signing {
        credential,
        images,
        lang,
    })
}

/// `desk report sign`.
pub fn report_sign(
    ctx: &mut Context<'_>,
    delegation: &str,
    language: Language,
    file: &Path,
    key: &KeyArgs,
) -> Result<(), Error> {
    let signing = open(ctx.store, key, language)?;
    let (version, bytes) = desk_ops::sign::sign_mission_report(
        ctx.store,
        delegation,
        language,
        &signing.credential,
        &signing.images,
        MESSAGES,
        file,
    )?;
    if ctx.json {
        output::json(
            ctx.out,
            &serde_json::json!({
                "path": file,
                "version": version.version,
                "bytes": bytes,
                "signer": signing.credential.signer_name(),
            }),
        )
    } else {
        output::line(
            ctx.out,
            &format!(
                "Mission report {} signed by {} and written to {} ({} KB); this version is kept.",
                version.report.number,
                signing.credential.signer_name(),
                file.display(),
                bytes.div_ceil(1024)
            ),
        )
    }
}

/// Signs letters at their (last) signature block, in the letters' language.
pub fn sign_letter(
    settings: &desk_domain::Settings,
    s: &Signing,
    doc: &desk_report::hosting::Printed,
) -> Result<Vec<u8>, Error> {
    desk_ops::sign::sign_paper(
        settings,
        desk_ops::sign::Paper::Letter,
        &doc.pdf,
        doc.signature,
        &s.credential,
        &s.images,
        s.lang,
        MESSAGES,
    )
}

/// `desk verify FILE.pdf [--trust CA.pem]...`: exit 0 only when every signature is intact,
/// covers the whole file and chains to a trusted root.
fn verify(
    out: &mut dyn Write,
    json: bool,
    file: &Path,
    trust: &[PathBuf],
    office_roots: Vec<Vec<u8>>,
) -> Result<(), Error> {
    let pdf = read(file)?;
    let mut roots = trust
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>, _>>()?;
    roots.extend(office_roots);
    let report = desk_ops::sign::verify(&pdf, &roots, Lang::En)?;
    if json {
        output::json(out, &report)?;
    } else {
        print_report(out, &report)?;
    }
    if report.signatures.is_empty() {
        return Err(Error::new(
            ErrorKind::Validation,
            format!("{} has no digital signature", file.display()),
        ));
    }
    let bad = report
        .signatures
        .iter()
        .filter(|s| !(s.intact() && s.check.trusted))
        .count();
    if bad > 0 {
        return Err(Error::new(
            ErrorKind::Validation,
            format!(
                "{bad} of {} signature(s) of {} cannot be relied on (see above)",
                report.signatures.len(),
                file.display()
            ),
        ));
    }
    Ok(())
}

fn print_report(out: &mut dyn Write, report: &Verification) -> Result<(), Error> {
    for (i, s) in report.signatures.iter().enumerate() {
        let mut lines = vec![format!(
            "Signature {} ({}): {}",
            i + 1,
            s.field,
            s.sub_filter
        )];
        lines.push(format!("  Signed by: {}", s.check.signer));
        lines.push(format!(
            "  Certificate: serial {}, issued by {}, valid {} to {}{}",
            s.check.serial,
            s.check.issuer,
            s.check.not_before,
            s.check.not_after,
            if s.check.certificate_ok {
                ""
            } else {
                " — NOT valid for signing at the signing time"
            }
        ));
        lines.push(format!(
            "  Signing time: {}",
            s.check.signing_time.as_deref().unwrap_or("not given")
        ));
        lines.push(format!(
            "  Signature: {}",
            if s.check.signature_ok && s.check.digest_ok {
                "valid, the signed bytes are unchanged"
            } else if s.check.signature_ok {
                "the document was CHANGED after signing: the signed bytes no longer match"
            } else {
                "INVALID: not made by this certificate's key"
            }
        ));
        lines.push(format!(
            "  After signing: {}",
            if s.check.bytes_after == 0 {
                "nothing added (the signature covers the whole file)".to_string()
            } else {
                format!(
                    "{} bytes were added after the signed part (a later change)",
                    s.check.bytes_after
                )
            }
        ));
        lines.push(format!(
            "  Trust: {} ({})",
            if s.check.trusted {
                "the certificate chains to a trusted root"
            } else {
                "NOT trusted: no trusted root found"
            },
            s.check.chain.join(" → ")
        ));
        for l in lines {
            output::line(out, &l)?;
        }
    }
    Ok(())
}
