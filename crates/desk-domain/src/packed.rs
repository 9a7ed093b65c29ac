//! The data compiled into the binaries, deflated by `build.rs`: no file is read at run time,
//! and the window app carries about 1 MB less than the plain files would take. Each one is
//! inflated the first time it is asked for and kept for the life of the process.

use std::sync::OnceLock;

/// One of the files `build.rs` packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    /// `assets/data/airports.csv`: `iata,name,city,country,tz`.
    Airports,
    /// `assets/demo/ineli-asean.json`: the illustrative record the demo loads.
    Demo,
    /// Liberation Serif, upright.
    SerifRegular,
    /// Liberation Serif, bold.
    SerifBold,
    /// Liberation Serif, italic.
    SerifItalic,
    /// Liberation Serif, bold italic.
    SerifBoldItalic,
}

/// The deflated bytes `build.rs` wrote into `OUT_DIR` under the file's name.
macro_rules! deflated {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".deflate"))
    };
}

impl Packed {
    fn index(self) -> usize {
        self as usize
    }

    fn deflated(self) -> &'static [u8] {
        match self {
            Packed::Airports => deflated!("airports.csv"),
            Packed::Demo => deflated!("ineli-asean.json"),
            Packed::SerifRegular => deflated!("LiberationSerif-Regular.ttf"),
            Packed::SerifBold => deflated!("LiberationSerif-Bold.ttf"),
            Packed::SerifItalic => deflated!("LiberationSerif-Italic.ttf"),
            Packed::SerifBoldItalic => deflated!("LiberationSerif-BoldItalic.ttf"),
        }
    }

    /// The file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        static ALL: [OnceLock<Vec<u8>>; 6] = [const { OnceLock::new() }; 6];
        ALL[self.index()].get_or_init(|| {
            let packed = self.deflated();
            let mut bytes = Vec::with_capacity(packed.len() * 3);
            // The build script deflated these exact bytes; inflating them cannot fail unless
            // the binary itself is damaged, and then what is read is empty or cut short: a
            // font error on the paper, no airports, a demo that does not parse; never a panic.
            let _ = std::io::Read::read_to_end(
                &mut flate2::read::DeflateDecoder::new(packed),
                &mut bytes,
            );
            bytes
        })
    }

    /// The file as text (the data sets are UTF-8; empty if the bytes are not).
    pub fn text(self) -> &'static str {
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_comes_back_as_it_is_in_assets() {
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
        for (packed, file) in [
            (Packed::Airports, "data/airports.csv"),
            (Packed::Demo, "demo/ineli-asean.json"),
            (Packed::SerifRegular, "fonts/LiberationSerif-Regular.ttf"),
            (Packed::SerifBold, "fonts/LiberationSerif-Bold.ttf"),
            (Packed::SerifItalic, "fonts/LiberationSerif-Italic.ttf"),
            (
                Packed::SerifBoldItalic,
                "fonts/LiberationSerif-BoldItalic.ttf",
            ),
        ] {
            let plain = std::fs::read(assets.join(file)).unwrap_or_default();
            assert!(!plain.is_empty(), "{file} is in assets/");
            assert_eq!(packed.bytes(), plain.as_slice(), "{file}");
            assert!(
                packed.deflated().len() < plain.len() * 3 / 4,
                "{file} is packed"
            );
        }
        assert!(
            Packed::Airports
                .text()
                .starts_with("iata,name,city,country,tz")
        );
    }
}
