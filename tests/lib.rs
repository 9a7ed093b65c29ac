//! Shared helpers for the workspace's one integration-test binary (`it/main.rs`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// A database file in a fresh temporary folder; the folder goes when the guard drops.
pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new() -> std::io::Result<Self> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("desk.sqlite");
        Ok(Self { dir, path })
    }
}

/// What one run of `desk` printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `desk` CLI in-process with `args` (without the program name).
pub fn desk(args: &[&str]) -> Run {
    let mut argv: Vec<OsString> = vec!["desk".into()];
    argv.extend(args.iter().map(OsString::from));
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = desk_cli::run(argv, &mut stdout, &mut stderr);
    Run {
        code,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) on a PDF and returns what it
/// printed. Poppler is installed by `scripts/test.sh`; its absence fails the test loudly.
pub fn poppler(tool: &str, pdf: &Path, extra: &[&str]) -> String {
    let output = std::process::Command::new(tool)
        .args(extra)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} must be installed (apt-get install poppler-utils): {e}")
        });
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF, in reading order.
pub fn pdf_text(pdf: &Path) -> String {
    poppler("pdftotext", pdf, &["-layout"])
}
