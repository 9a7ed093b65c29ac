//! A test PKI made with OpenSSL at test time: a CA and the signers it issues, each with a
//! PKCS#12 file. The signing tests of desk-sign, of desk-cli and of the workspace's
//! integration tests all need one; each includes this file with `#[path]`, as they share no
//! test-support crate and a library would have to ship it.

use std::path::Path;
use std::process::Command;

/// Runs `openssl` with `args` in `dir`; a failure fails the test with what OpenSSL said.
pub fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl is installed by scripts/test.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A self-signed CA in `dir` (`ca.key`, `ca.crt`), valid for `days` days and marked as a CA
/// that signs certificates, as a real root is.
pub fn ca(dir: &Path, subject: &str, days: &str) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-days",
            days,
            "-utf8",
            "-subj",
            subject,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
}

/// A signer `name` issued by the CA in `dir`: its key (`name.key`), its certificate
/// (`name.crt`) with `key_usage` and valid for `days` days (negative: already expired), and
/// both with the CA's certificate in `name.p12` under `password`.
pub fn signer(dir: &Path, name: &str, subject: &str, key_usage: &str, days: &str, password: &str) {
    std::fs::write(
        dir.join(format!("{name}.cnf")),
        format!("basicConstraints=CA:FALSE\nkeyUsage=critical,{key_usage}\n"),
    )
    .expect("the signer's extension file is written");
    let file = |ending: &str| format!("{name}.{ending}");
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &file("key"),
            "-out",
            &file("csr"),
            "-utf8",
            "-subj",
            subject,
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &file("csr"),
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &file("crt"),
            "-days",
            days,
            "-extfile",
            &file("cnf"),
        ],
    );
    openssl(
        dir,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            &file("key"),
            "-in",
            &file("crt"),
            "-certfile",
            "ca.crt",
            "-out",
            &file("p12"),
            "-passout",
            &format!("pass:{password}"),
            "-name",
            name,
        ],
    );
}
