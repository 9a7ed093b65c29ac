//! Countries as ISO 3166-1 alpha-2 codes.
//!
//! Only the codes live here; their names in Vietnamese and English come from the platform's
//! locale data in the UI (`Intl.DisplayNames`) and never need a hand-kept translation table.

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted.
pub const CODES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The ten CONSAL member countries, the region most delegations travel in.
pub const CONSAL: &[&str] = &["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"];

/// The canonical (upper-case) code if `input` is an assigned alpha-2 code.
pub fn parse(input: &str) -> Option<&'static str> {
    let upper = input.trim().to_ascii_uppercase();
    CODES
        .binary_search(&upper.as_str())
        .ok()
        .and_then(|i| CODES.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique_so_binary_search_works() {
        assert!(
            CODES.windows(2).all(|w| w[0] < w[1]),
            "CODES must be strictly sorted"
        );
        assert_eq!(CODES.len(), 249, "ISO 3166-1 assigns 249 alpha-2 codes");
    }

    #[test]
    fn accepts_any_case_and_refuses_unassigned() {
        assert_eq!(parse("sg"), Some("SG"));
        assert_eq!(parse(" VN "), Some("VN"));
        assert_eq!(parse("XX"), None, "XX is user-assigned, not a country");
        assert_eq!(parse("SGP"), None, "alpha-3 codes are not accepted here");
        assert!(CONSAL.iter().all(|c| parse(c).is_some()));
    }
}
