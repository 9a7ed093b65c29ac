//! Signed documents as an office makes and checks them: a test CA and signer made with
//! OpenSSL at test time, the key on a SoftHSM2 token and in a PKCS#12 file, the demo's
//! mission report signed both ways with `desk report sign`, then checked by poppler's
//! `pdfsig` against an NSS database that trusts the test CA, by `desk verify`, and by
//! looking at the rendered page. The `desk` binary runs as a separate process, as a script
//! would run it, with the PIN in an environment variable and the token's configuration in
//! `SOFTHSM2_CONF`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../desk-sign/tests/common/pki.rs"]
mod test_pki;

const SINGAPORE: &str = "018fd2d0-0819-7186-9072-600a56b24d19";
const SOFTHSM: &str = "/usr/lib/softhsm/libsofthsm2.so";
const PIN: &str = "1234";

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} could not start (scripts/test.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A test PKI in a temporary folder: CA, signers, PKCS#12 files, an NSS database trusting
/// the CA, and a SoftHSM2 token holding the good signer's key.
struct Pki {
    dir: tempfile::TempDir,
}

impl Pki {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A signer certificate issued by the CA with the given key usage and validity days.
    fn signer(&self, name: &str, subject: &str, key_usage: &str, days: &str) {
        test_pki::signer(self.dir.path(), name, subject, key_usage, days, PIN);
    }

    fn new() -> Self {
        let pki = Pki {
            dir: tempfile::tempdir().unwrap(),
        };
        test_pki::ca(pki.dir.path(), "/CN=Desk Test CA/O=Desk Tests", "30");
        pki.signer(
            "signer",
            "/CN=Nguyễn Thị Hồng Nhung/O=Thư viện Quốc gia Việt Nam",
            "digitalSignature,nonRepudiation",
            "30",
        );
        // NSS database that trusts the test CA, for pdfsig.
        let nss = format!("sql:{}", pki.path("nss").display());
        std::fs::create_dir(pki.path("nss")).unwrap();
        run(Command::new("certutil").args(["-N", "-d", &nss, "--empty-password"]));
        run(Command::new("certutil").args([
            "-A",
            "-d",
            &nss,
            "-n",
            "testca",
            "-t",
            "C,C,C",
            "-i",
            pki.path("ca.crt").to_str().unwrap(),
        ]));
        pki
    }

    fn nss(&self) -> String {
        format!("sql:{}", self.path("nss").display())
    }

    /// A SoftHSM2 token "desk" (user PIN 1234) with the signer's key and certificate.
    fn token(&self) -> PathBuf {
        let tokens = self.path("tokens");
        std::fs::create_dir_all(&tokens).unwrap();
        let conf = self.path("softhsm2.conf");
        std::fs::write(
            &conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                tokens.display()
            ),
        )
        .unwrap();
        let env = |c: &mut Command| {
            c.env("SOFTHSM2_CONF", &conf).current_dir(self.dir.path());
        };
        let mut init = Command::new("softhsm2-util");
        init.args([
            "--init-token",
            "--free",
            "--label",
            "desk",
            "--pin",
            PIN,
            "--so-pin",
            "5678",
        ]);
        env(&mut init);
        run(&mut init);
        let mut key = Command::new("softhsm2-util");
        key.args([
            "--import",
            "signer.key",
            "--token",
            "desk",
            "--label",
            "signer",
            "--id",
            "01",
            "--pin",
            PIN,
        ]);
        env(&mut key);
        run(&mut key);
        test_pki::openssl(
            self.dir.path(),
            &[
                "x509",
                "-in",
                "signer.crt",
                "-outform",
                "der",
                "-out",
                "signer.der",
            ],
        );
        let mut cert = Command::new("pkcs11-tool");
        cert.args([
            "--module",
            SOFTHSM,
            "--login",
            "--pin",
            PIN,
            "--write-object",
            "signer.der",
            "--type",
            "cert",
            "--id",
            "01",
            "--label",
            "signer",
        ]);
        env(&mut cert);
        run(&mut cert);
        conf
    }
}

/// Runs the `desk` binary with the PIN in `DESK_PIN`.
fn desk(pki: &Pki, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_desk"));
    cmd.args(["--db", pki.path("desk.sqlite").to_str().unwrap()])
        .args(args)
        .env("TZ", "UTC")
        .current_dir(pki.dir.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A transparent PNG drawn by `ink(x, y) -> alpha`.
fn png(path: &Path, w: u32, h: u32, colour: [u8; 3], ink: impl Fn(f32, f32) -> bool) {
    let mut data = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let a = if ink(x as f32, y as f32) { 255 } else { 0 };
            data.extend_from_slice(&[colour[0], colour[1], colour[2], a]);
        }
    }
    let file = std::fs::File::create(path).unwrap();
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&data).unwrap();
}

/// A scribbled signature in black ink, and a round seal (any colour: it is shown in red).
fn images(pki: &Pki) {
    png(&pki.path("signature.png"), 400, 160, [0, 0, 0], |x, y| {
        let curve = 80.0 + 50.0 * (x / 40.0).sin() * (1.0 - x / 500.0);
        (y - curve).abs() < 5.0 && (20.0..380.0).contains(&x)
    });
    png(&pki.path("seal.png"), 400, 400, [0, 0, 0], |x, y| {
        let r = ((x - 200.0).powi(2) + (y - 200.0).powi(2)).sqrt();
        (180.0..195.0).contains(&r) || (100.0..110.0).contains(&r) || r < 30.0
    });
}

fn demo(pki: &Pki) {
    let out = desk(pki, &[], &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A test PKI with the signature images drawn and the demo loaded: where every signing test
/// starts.
fn office() -> Pki {
    let pki = Pki::new();
    images(&pki);
    demo(&pki);
    pki
}

/// Asserts that `printed` (what desk wrote) contains `words`, showing all of it if not.
fn assert_printed(printed: &[u8], words: &str) {
    let printed = text(printed);
    assert!(printed.contains(words), "{printed}");
}

fn pdfsig(pki: &Pki, pdf: &Path) -> String {
    let out = Command::new("pdfsig")
        .args(["-nssdir", &pki.nss()])
        .arg(pdf)
        .env("TZ", "Asia/Ho_Chi_Minh")
        .output()
        .expect("pdfsig (poppler-utils) is installed by scripts/test.sh");
    text(&out.stdout) + &text(&out.stderr)
}

/// pdfsig's report on a file signed by the test signer: PAdES, valid, trusted, whole file.
fn valid_for_pdfsig(pki: &Pki, pdf: &Path) -> String {
    let sig = pdfsig(pki, pdf);
    for expected in [
        "Signer Certificate Common Name: Nguyễn Thị Hồng Nhung",
        "Signature Type: ETSI.CAdES.detached",
        "Total document signed",
        "Signature is Valid.",
        "Certificate is Trusted.",
    ] {
        assert!(sig.contains(expected), "pdfsig says {expected:?}:\n{sig}");
    }
    sig
}

/// The images `images()` draws, as signing commands take them.
const IMAGES: [&str; 4] = [
    "--signature-image",
    "signature.png",
    "--seal-image",
    "seal.png",
];

fn sign_args<'a>(out: &'a str, key: &'a [&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "report",
        "sign",
        "--delegation",
        SINGAPORE,
        "--lang",
        "vi",
        "--out",
        out,
        "--pin-env",
        "DESK_PIN",
    ];
    args.extend_from_slice(&IMAGES);
    args.extend_from_slice(key);
    args
}

fn pdftotext(pdf: &Path) -> String {
    text(&run(Command::new("pdftotext").arg(pdf).arg("-")).stdout)
}

/// The `desk verify --json` report of a file, and its exit code.
fn verify_json(pki: &Pki, pdf: &Path) -> (serde_json::Value, i32) {
    let out = desk(
        pki,
        &[],
        &[
            "--json",
            "verify",
            pdf.to_str().unwrap(),
            "--trust",
            "ca.crt",
        ],
    );
    (
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", text(&out.stdout), text(&out.stderr))),
        out.status.code().unwrap_or(-1),
    )
}

/// Coloured pixels of the rendered page: (count, mean x) for blue ink and red ink.
fn ink_on_page(pdf: &Path, page: usize, prefix: &Path) -> ((usize, f32), (usize, f32)) {
    let p = page.to_string();
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-singlefile", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg(prefix));
    let file = std::fs::File::open(prefix.with_extension("png")).unwrap();
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (mut blue, mut red) = ((0usize, 0f32), (0usize, 0f32));
    for (i, px) in buf[..info.buffer_size()].chunks_exact(channels).enumerate() {
        let x = (i as u32 % info.width) as f32;
        let (r, g, b) = (px[0] as i32, px[1] as i32, px[2] as i32);
        if b > 120 && b > r + 60 && b > g + 40 {
            blue.0 += 1;
            blue.1 += x;
        }
        if r > 150 && r > g + 80 && r > b + 80 {
            red.0 += 1;
            red.1 += x;
        }
    }
    let mean = |(n, s): (usize, f32)| (n, if n > 0 { s / n as f32 } else { 0.0 });
    (mean(blue), mean(red))
}

fn last_page(pdf: &Path) -> usize {
    let info = text(&run(Command::new("pdfinfo").arg(pdf)).stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn the_demo_report_signed_with_a_pkcs12_file_is_valid_trusted_and_shows_signature_and_seal() {
    let pki = office();
    let signed = pki.path("signed.pdf");
    let out = desk(
        &pki,
        &[("DESK_PIN", PIN)],
        &sign_args(signed.to_str().unwrap(), &["--p12", "signer.p12"]),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_printed(&out.stdout, "signed by Nguyễn Thị Hồng Nhung");

    let sig = valid_for_pdfsig(&pki, &signed);

    // desk verify agrees, and gives the signing time in Viet Nam time.
    let (report, code) = verify_json(&pki, &signed);
    assert_eq!(code, 0, "{report}");
    let s = &report["signatures"][0];
    assert_eq!(s["signer"], "Nguyễn Thị Hồng Nhung");
    assert_eq!(s["digest_ok"], true);
    assert_eq!(s["signature_ok"], true);
    assert_eq!(s["trusted"], true);
    assert_eq!(s["bytes_after"], 0);
    let time = s["signing_time"].as_str().unwrap();
    assert!(time.ends_with("+07:00"), "{time}");
    // pdfsig (run with TZ=Asia/Ho_Chi_Minh) prints the same wall-clock time.
    let at = chrono::DateTime::parse_from_rfc3339(time).unwrap();
    let shown = at.format("Signing Time: %b %d %Y %H:%M").to_string();
    assert!(sig.contains(&shown), "pdfsig shows {shown:?}:\n{sig}");
    // The claimed time in /M is written with the +07'00' offset, the Decree's zone.
    assert!(
        s["claimed_time"].as_str().unwrap().ends_with("+07'00'"),
        "{}",
        s["claimed_time"]
    );

    let plain = pki.path("plain.pdf");
    let out = desk(
        &pki,
        &[],
        &[
            "report",
            "export",
            "--delegation",
            SINGAPORE,
            "--lang",
            "vi",
            "--out",
            plain.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The text of the document is the unsigned export's, plus the signing information in
    // the signature's appearance (agency and time with +07:00).
    let signed_text = pdftotext(&signed);
    assert!(
        signed_text.contains("Ký bởi: THƯ VIỆN QUỐC GIA VIỆT NAM"),
        "{signed_text}"
    );
    let info = format!("Thời gian ký: {time}");
    assert!(signed_text.contains(&info), "{info} in:\n{signed_text}");
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.trim().is_empty())
            .filter(|l| !l.starts_with("Ký bởi:") && !l.starts_with("Thời gian ký:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(lines(&signed_text), lines(&pdftotext(&plain)));

    // On the last page: the blue signature, and the red seal over its left part.
    let page = last_page(&signed);
    let ((blue, blue_x), (red, red_x)) = ink_on_page(&signed, page, &pki.path("signed-page"));
    assert!(blue > 40, "the signature shows in blue: {blue} px");
    assert!(red > 200, "the seal shows in red: {red} px");
    assert!(
        red_x < blue_x,
        "the seal sits left of the signature's middle"
    );
    let ((b0, _), (r0, _)) = ink_on_page(&plain, page, &pki.path("plain-page"));
    assert_eq!((b0, r0), (0, 0), "the unsigned page has neither");

    // One byte changed inside the signed part: both pdfsig and desk verify say so.
    let mut bytes = std::fs::read(&signed).unwrap();
    let at = bytes.windows(7).position(|w| w == b"stream\n").unwrap() + 40;
    bytes[at] ^= 0x01;
    let tampered = pki.path("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let sig = pdfsig(&pki, &tampered);
    assert!(sig.contains("Digest Mismatch."), "{sig}");
    let out = desk(
        &pki,
        &[],
        &["verify", tampered.to_str().unwrap(), "--trust", "ca.crt"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_printed(&out.stdout, "CHANGED after signing");

    // Bytes added after signing (a later incremental change) are reported too.
    let mut bytes = std::fs::read(&signed).unwrap();
    bytes.extend_from_slice(b"\n% added later\n");
    let grown = pki.path("grown.pdf");
    std::fs::write(&grown, &bytes).unwrap();
    let (report, code) = verify_json(&pki, &grown);
    assert_eq!(code, 1);
    assert_eq!(report["signatures"][0]["bytes_after"], 15);
    let sig = pdfsig(&pki, &grown);
    assert!(sig.contains("Not total document signed"), "{sig}");

    // Without the office's root the signature is intact but not trusted.
    let out = desk(&pki, &[], &["verify", signed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_printed(&out.stdout, "NOT trusted");
}

#[test]
fn the_demo_report_signed_on_a_softhsm_token_is_valid_and_a_wrong_pin_writes_nothing() {
    let pki = office();
    let conf = pki.token();
    let conf = conf.to_str().unwrap();
    let token = ["--pkcs11", SOFTHSM, "--key-label", "signer"];

    let wrong = pki.path("wrong.pdf");
    let out = desk(
        &pki,
        &[("DESK_PIN", "0000"), ("SOFTHSM2_CONF", conf)],
        &sign_args(wrong.to_str().unwrap(), &token),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_printed(&out.stderr, "the PIN is wrong");
    assert!(!wrong.exists(), "nothing is written after a wrong PIN");

    let out = desk(
        &pki,
        &[("DESK_PIN", PIN), ("SOFTHSM2_CONF", conf)],
        &sign_args(
            wrong.to_str().unwrap(),
            &["--pkcs11", SOFTHSM, "--key-label", "nobody"],
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_printed(
        &out.stderr,
        "no signing key found with the label \"nobody\"",
    );
    assert!(!wrong.exists());

    let signed = pki.path("token.pdf");
    let out = desk(
        &pki,
        &[("DESK_PIN", PIN), ("SOFTHSM2_CONF", conf)],
        &sign_args(signed.to_str().unwrap(), &token),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    valid_for_pdfsig(&pki, &signed);
    let (report, code) = verify_json(&pki, &signed);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn expired_and_non_signing_certificates_and_a_wrong_password_are_refused_before_writing() {
    let pki = office();
    pki.signer("expired", "/CN=Expired Signer", "digitalSignature", "-1");
    pki.signer("encipher", "/CN=Encryption Only", "keyEncipherment", "30");
    let out_pdf = pki.path("refused.pdf");
    let out = out_pdf.to_str().unwrap();
    for (p12, pin, says) in [
        ("expired.p12", PIN, "is valid from"),
        ("encipher.p12", PIN, "does not allow signing documents"),
        ("signer.p12", "9999", "the PIN is wrong"),
    ] {
        let run = desk(&pki, &[("DESK_PIN", pin)], &sign_args(out, &["--p12", p12]));
        assert_eq!(run.status.code(), Some(1), "{p12}");
        assert!(
            text(&run.stderr).contains(says),
            "{p12}: {}",
            text(&run.stderr)
        );
        assert!(!out_pdf.exists(), "{p12}: nothing written");
    }
    // The PIN never comes from the command line: without its variable nothing happens.
    let run = desk(&pki, &[], &sign_args(out, &["--p12", "signer.p12"]));
    assert_eq!(run.status.code(), Some(1));
    assert_printed(&run.stderr, "DESK_PIN");
}

#[test]
fn invitation_letters_are_signed_at_their_signature_block() {
    let pki = office();
    let list = desk(&pki, &[], &["--json", "delegation", "list"]);
    let parsed: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let incoming = parsed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["direction"] == "incoming")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let letters = pki.path("letters.pdf");
    let out = desk(
        &pki,
        &[("DESK_PIN", PIN)],
        &[
            &[
                "letters",
                "--delegation",
                &incoming,
                "--kind",
                "invitation",
                "--lang",
                "en",
                "--out",
                letters.to_str().unwrap(),
                "--p12",
                "signer.p12",
                "--pin-env",
                "DESK_PIN",
            ][..],
            &IMAGES,
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    valid_for_pdfsig(&pki, &letters);
    let page = last_page(&letters);
    let ((blue, _), (red, _)) = ink_on_page(&letters, page, &pki.path("letter-page"));
    assert!(blue > 40 && red > 200, "blue {blue}, red {red}");
}

#[test]
fn the_annual_report_is_signed_in_the_name_of_the_signer_in_settings() {
    let pki = office();
    let annual = pki.path("annual.pdf");
    let args = |pin_env: &'static str| {
        vec![
            "annual-report".to_string(),
            "--year".into(),
            "2017".into(),
            "--out".into(),
            annual.to_str().unwrap().into(),
            "--p12".into(),
            "signer.p12".into(),
            "--pin-env".into(),
            pin_env.into(),
        ]
        .into_iter()
        .chain(IMAGES.map(String::from))
        .collect::<Vec<_>>()
    };
    // A wrong password: refused, in so many words, and no file.
    let wrong = args("DESK_WRONG");
    let wrong: Vec<&str> = wrong.iter().map(String::as_str).collect();
    let out = desk(&pki, &[("DESK_WRONG", "0000")], &wrong);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).to_lowercase().contains("password")
            || text(&out.stderr).to_lowercase().contains("pin"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !annual.exists(),
        "nothing is written when the key cannot open"
    );

    let good = args("DESK_PIN");
    let good: Vec<&str> = good.iter().map(String::as_str).collect();
    let out = desk(&pki, &[("DESK_PIN", PIN)], &good);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_printed(&out.stdout, "signed by");
    let sig = valid_for_pdfsig(&pki, &annual);
    assert!(sig.contains("+07") || sig.contains("Signing Time"), "{sig}");
    let words = pdftotext(&annual);
    assert!(
        words.contains("Ký bởi: THƯ VIỆN QUỐC GIA VIỆT NAM"),
        "{words}"
    );
    assert!(words.contains("+07:00"), "{words}");
    let (report, code) = verify_json(&pki, &annual);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["signatures"].as_array().unwrap().len(), 1);
}
