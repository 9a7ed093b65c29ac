//! Country names for the places where no locale data exists: printed badges and letters
//! (PDF has no `Intl.DisplayNames`) and guest lists whose "Nationality" column says
//! "Thái Lan", "Lao PDR" or "Filipino" instead of a code.
//!
//! The window still names countries from the platform's locale data; this table covers the
//! countries a national library in South-East Asia actually hosts (CONSAL, its dialogue
//! partners, IFLA's usual suspects). A code outside it prints as the code.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text;

/// Code, English name, Vietnamese name, and other names people write (folded, see
/// [`text::search_form`]): adjectives, old names, names in the partner's own usage.
const NAMES: &[(&str, &str, &str, &[&str])] = &[
    (
        "BN",
        "Brunei Darussalam",
        "Bru-nây",
        &["brunei", "bruneian", "brunei darussalam", "brunay"],
    ),
    (
        "KH",
        "Cambodia",
        "Campuchia",
        &["cambodian", "khmer", "kampuchea", "cam pu chia"],
    ),
    (
        "ID",
        "Indonesia",
        "In-đô-nê-xi-a",
        &["indonesian", "indonexia", "in do ne xi a"],
    ),
    (
        "LA",
        "Lao PDR",
        "Lào",
        &[
            "laos",
            "lao",
            "lao pdr",
            "lao p d r",
            "lao people s democratic republic",
        ],
    ),
    (
        "MY",
        "Malaysia",
        "Ma-lai-xi-a",
        &["malaysian", "malaixia", "ma lai xi a"],
    ),
    (
        "MM",
        "Myanmar",
        "Mi-an-ma",
        &["burma", "burmese", "myanma", "mianma", "mi an ma"],
    ),
    (
        "PH",
        "Philippines",
        "Phi-líp-pin",
        &[
            "philippine",
            "filipino",
            "filipina",
            "philippin",
            "phi lip pin",
        ],
    ),
    (
        "SG",
        "Singapore",
        "Xin-ga-po",
        &["singaporean", "singapo", "xingapo", "xin ga po"],
    ),
    ("TH", "Thailand", "Thái Lan", &["thai", "thai lan"]),
    (
        "VN",
        "Viet Nam",
        "Việt Nam",
        &[
            "vietnam",
            "vietnamese",
            "viet nam",
            "socialist republic of viet nam",
        ],
    ),
    (
        "TL",
        "Timor-Leste",
        "Đông Timor",
        &["east timor", "timor leste", "dong timor"],
    ),
    (
        "CN",
        "China",
        "Trung Quốc",
        &["chinese", "trung quoc", "prc"],
    ),
    ("JP", "Japan", "Nhật Bản", &["japanese", "nhat ban", "nhat"]),
    (
        "KR",
        "Republic of Korea",
        "Hàn Quốc",
        &["korea", "south korea", "korean", "han quoc"],
    ),
    ("IN", "India", "Ấn Độ", &["indian", "an do"]),
    (
        "AU",
        "Australia",
        "Ô-xtrây-li-a",
        &["australian", "uc", "o xtray li a"],
    ),
    (
        "NZ",
        "New Zealand",
        "Niu Di-lân",
        &["new zealander", "niu di lan"],
    ),
    (
        "US",
        "United States",
        "Hoa Kỳ",
        &[
            "usa",
            "u s a",
            "united states of america",
            "american",
            "hoa ky",
            "my",
        ],
    ),
    (
        "GB",
        "United Kingdom",
        "Vương quốc Anh",
        &[
            "uk",
            "britain",
            "great britain",
            "british",
            "anh",
            "vuong quoc anh",
        ],
    ),
    ("FR", "France", "Pháp", &["french", "phap"]),
    ("DE", "Germany", "Đức", &["german", "duc"]),
    (
        "NL",
        "Netherlands",
        "Hà Lan",
        &["dutch", "ha lan", "the netherlands"],
    ),
    (
        "RU",
        "Russia",
        "Nga",
        &[
            "russian",
            "nga",
            "russian federation",
            "lien bang nga",
            "cong hoa lien bang nga",
        ],
    ),
    ("CA", "Canada", "Ca-na-đa", &["canadian", "canada"]),
    ("TW", "Taiwan", "Đài Loan", &["dai loan", "taiwanese"]),
    (
        "HK",
        "Hong Kong",
        "Hồng Kông",
        &["hong kong sar", "hong kong china"],
    ),
];

fn folded(input: &str) -> String {
    let lower = text::search_form(&text::clean(input));
    let spaced: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The code of a country given as a code ("TH"), a name in English or Vietnamese ("Thái
/// Lan"), or a nationality ("Thai"); `None` if unknown.
pub fn from_name(input: &str) -> Option<&'static str> {
    if let Some(code) = crate::country::parse(input) {
        return Some(code);
    }
    let wanted = folded(input);
    if wanted.is_empty() {
        return None;
    }
    by_folded_name().get(&wanted).copied()
}

/// Every name of the table folded once, with its code: a history of 10,000 rows asks for
/// a country on each, and folding the whole table each time would cost more than the rest
/// of reading the row. The first entry that has a name keeps it, as the table is ordered.
fn by_folded_name() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for (code, en, vi, others) in NAMES {
            for name in [folded(en), folded(vi)]
                .into_iter()
                .chain(others.iter().map(|o| (*o).to_owned()))
            {
                table.entry(name).or_insert(*code);
            }
        }
        table
    })
}

/// The English name of a code, or the code itself when the table does not know it.
pub fn english(code: &str) -> String {
    NAMES
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, en, ..)| (*en).to_owned())
}

/// The Vietnamese name of a code, or the code itself.
pub fn vietnamese(code: &str) -> String {
    NAMES
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, _, vi, _)| (*vi).to_owned())
}

/// A code's name in the paper's language.
pub fn in_language(code: &str, language: crate::Language) -> String {
    match language {
        crate::Language::Vi => vietnamese(code),
        crate::Language::En => english(code),
    }
}

/// The countries of a trip as a sentence names them, in order: "Xin-ga-po và Ma-lai-xi-a",
/// "Singapore, Malaysia and Thailand".
pub fn joined(codes: &[&str], language: crate::Language) -> String {
    let names: Vec<String> = codes.iter().map(|c| in_language(c, language)).collect();
    let and = match language {
        crate::Language::Vi => " và ",
        crate::Language::En => " and ",
    };
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// Every destination of a trip with its cities, in order: "Xin-ga-po (Singapore);
/// Ma-lai-xi-a (Kuala Lumpur)". A country without cities is its name alone.
pub fn destinations(destinations: &[crate::Destination], language: crate::Language) -> String {
    destinations
        .iter()
        .map(|d| {
            let name = in_language(&d.country, language);
            if d.cities.trim().is_empty() {
                name
            } else {
                format!("{name} ({})", d.cities.trim())
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trip_names_its_countries_in_order_in_each_language() {
        use crate::Language::{En, Vi};
        assert_eq!(joined(&["SG"], Vi), "Xin-ga-po");
        assert_eq!(joined(&["SG", "MY"], Vi), "Xin-ga-po và Ma-lai-xi-a");
        assert_eq!(
            joined(&["SG", "MY", "TH"], En),
            "Singapore, Malaysia and Thailand"
        );
        let trip = [
            crate::Destination {
                country: "SG".into(),
                cities: "Singapore".into(),
            },
            crate::Destination {
                country: "MY".into(),
                cities: String::new(),
            },
        ];
        assert_eq!(destinations(&trip, En), "Singapore (Singapore); Malaysia");
    }

    #[test]
    fn every_code_in_the_table_is_assigned_and_every_consal_country_is_named() {
        for (code, ..) in NAMES {
            assert!(crate::country::parse(code).is_some(), "{code} is not ISO");
        }
        for code in crate::country::CONSAL {
            assert_ne!(english(code), *code, "{code} has an English name");
            assert_ne!(vietnamese(code), *code, "{code} has a Vietnamese name");
        }
    }

    #[test]
    fn names_adjectives_and_vietnamese_find_the_code() {
        assert_eq!(from_name("Thái Lan"), Some("TH"));
        assert_eq!(from_name("thailand"), Some("TH"));
        assert_eq!(from_name("Thai"), Some("TH"));
        assert_eq!(from_name("Lao PDR"), Some("LA"));
        assert_eq!(from_name("Lào"), Some("LA"));
        assert_eq!(from_name("Việt Nam"), Some("VN"));
        assert_eq!(from_name("Vietnam"), Some("VN"));
        assert_eq!(from_name("Filipino"), Some("PH"));
        assert_eq!(from_name("Brunei Darussalam"), Some("BN"));
        assert_eq!(from_name("sg"), Some("SG"), "codes still work");
        assert_eq!(from_name("Atlantis"), None);
    }
}
