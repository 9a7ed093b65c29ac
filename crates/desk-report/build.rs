//! Deflates the four Liberation Serif faces into `OUT_DIR` so that the binaries carry them
//! compressed (1.5 MB of TrueType becomes about 0.9 MB); `fonts.rs` inflates a face once, the
//! first time a paper needs it.

use std::io::Write;
use std::path::PathBuf;

const FACES: [&str; 4] = [
    "LiberationSerif-Regular",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fonts = PathBuf::from("../../assets/fonts");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    for face in FACES {
        let source = fonts.join(format!("{face}.ttf"));
        println!("cargo:rerun-if-changed={}", source.display());
        let bytes = std::fs::read(&source)?;
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&bytes)?;
        let packed = encoder.finish()?;
        std::fs::write(out.join(format!("{face}.ttf.deflate")), packed)?;
    }
    Ok(())
}
