//! Deflates the data the binaries carry into `OUT_DIR`: the airports data set, the demo
//! record and the four Liberation Serif faces, about 2.1 MB of text and TrueType that become
//! about 1 MB of each binary. `packed.rs` inflates each one the first time it is asked for.

use std::io::Write;
use std::path::PathBuf;

/// The files, under the repository's `assets/`; `packed.rs` names them in the same order.
const FILES: [&str; 6] = [
    "data/airports.csv",
    "demo/ineli-asean.json",
    "fonts/LiberationSerif-Regular.ttf",
    "fonts/LiberationSerif-Bold.ttf",
    "fonts/LiberationSerif-Italic.ttf",
    "fonts/LiberationSerif-BoldItalic.ttf",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let assets = PathBuf::from("../../assets");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    for file in FILES {
        let source = assets.join(file);
        println!("cargo:rerun-if-changed={}", source.display());
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&std::fs::read(&source)?)?;
        let name = file.rsplit('/').next().unwrap_or(file);
        std::fs::write(out.join(format!("{name}.deflate")), encoder.finish()?)?;
    }
    Ok(())
}
