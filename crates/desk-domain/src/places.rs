//! Places a traveller names (an IATA airport code, an IATA city code, a city) and the IANA
//! time zone each one is in, from the `airportsdata` data set shipped in `assets/data/`.
//!
//! The data is compiled in (deflated, see [`crate::packed`]; no file is read at run time) and indexed on
//! first use. A city is matched without diacritics, case or spaces, so "Hà Nội", "ha noi"
//! and "Hanoi" are one city. When a name is shared (Paris, France and Paris, Texas), the city
//! the data set lists as a metropolitan area (PAR) wins, then the one with an international
//! airport; if that still leaves two zones, the name is ambiguous and the caller asks for an
//! airport code or a zone. The zones' own city names (`Asia/Phnom_Penh`) are the last resort,
//! for cities whose airport the data no longer lists.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::named;
use crate::text;

/// `iata,name,city,country,tz`, one airport a line (see `assets/data/README.md`).
fn airports_csv() -> &'static str {
    crate::packed::Packed::Airports.text()
}
/// `code,city,country,airport`: metropolitan-area codes and their airports.
const CITY_CODES_CSV: &str = include_str!("../../../assets/data/iata-cities.csv");

/// One airport of the data set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Airport {
    /// IATA code, upper case: "HAN".
    pub iata: String,
    /// "Noi Bai International Airport".
    pub name: String,
    /// The city it serves, as the data set writes it ("Hanoi"); may be empty.
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// IANA zone: "Asia/Ho_Chi_Minh".
    pub tz: String,
}

named! {
    /// What a typed place was recognised as.
    pub enum PlaceKind {
        /// An IATA airport code: "HAN".
        Airport = "airport",
        /// An IATA metropolitan-area code: "PAR" (CDG, ORY...).
        CityCode = "city_code",
        /// A city name from the airports' data: "Hà Nội".
        City = "city",
        /// A city known only as the name of its time zone: "Phnom Penh".
        ZoneCity = "zone_city",
    }
}

/// A place recognised in what the user typed, with its time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Place {
    pub kind: PlaceKind,
    /// The IATA code when the place is, or has exactly one, airport; else empty.
    pub code: String,
    /// What to show: the airport's name, or the city.
    pub name: String,
    /// The city, as the data writes it ("Hanoi"); may be empty for a remote airfield.
    pub city: String,
    /// ISO 3166-1 alpha-2, or empty when the place is only known by its zone.
    pub country: String,
    /// IANA zone.
    pub tz: String,
}

/// What a typed place resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(Place),
    /// The name fits places in different zones; the candidates, one per zone and country.
    Ambiguous(Vec<Place>),
    Unknown,
}

struct Data {
    /// Sorted by code, so code look-ups are a binary search.
    airports: Vec<Airport>,
    /// City key → indexes into `airports`.
    by_city: HashMap<String, Vec<usize>>,
    /// "Ho Chi Minh City" is also found as "Ho Chi Minh"; only used when the full key fails.
    by_alias: HashMap<String, Vec<usize>>,
    /// Metropolitan code → (city, country, indexes of its airports).
    city_codes: HashMap<String, (String, String, Vec<usize>)>,
    /// (city key, country) of every metropolitan area: the city a bare name usually means.
    metro: Vec<(String, String)>,
    /// Key of a zone's city part ("phnompenh") → the zone, when only one zone has that name.
    zone_cities: HashMap<String, Tz>,
    /// (city key, name key) of each airport, in `airports` order, for suggestions.
    keys: Vec<(String, String)>,
}

/// The form in which place names are compared: no diacritics, no case, letters and digits
/// only. "Hà Nội", "ha noi" and "Hanoi" all give "hanoi".
pub fn city_key(name: &str) -> String {
    text::search_form(&text::clean(name))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// "hochiminhcity" → "hochiminh": a city written with and without "City".
fn alias_key(key: &str) -> Option<&str> {
    key.strip_suffix("city").filter(|k| k.len() >= 3)
}

fn parse_csv(source: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(source.as_bytes())
        .records()
        .filter_map(Result::ok)
        .collect()
}

fn build() -> Data {
    let mut airports: Vec<Airport> = parse_csv(airports_csv())
        .iter()
        .filter_map(|r| {
            let field = |i: usize| r.get(i).unwrap_or_default().to_owned();
            let airport = Airport {
                iata: field(0),
                name: field(1),
                city: field(2),
                country: field(3),
                tz: field(4),
            };
            // A zone this chrono-tz does not know is left out rather than guessed; the unit
            // test `every_zone_in_the_data_is_known` keeps that from happening silently.
            (airport.iata.len() == 3 && airport.tz.parse::<Tz>().is_ok()).then_some(airport)
        })
        .collect();
    airports.sort_by(|a, b| a.iata.cmp(&b.iata));

    let mut by_city: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
    let keys: Vec<(String, String)> = airports
        .iter()
        .map(|a| (city_key(&a.city), city_key(&a.name)))
        .collect();
    for (i, (key, _)) in keys.iter().enumerate() {
        let key = key.clone();
        if key.is_empty() {
            continue;
        }
        if let Some(alias) = alias_key(&key) {
            by_alias.entry(alias.to_owned()).or_default().push(i);
        }
        by_city.entry(key).or_default().push(i);
    }

    let index_of = |code: &str| {
        airports
            .binary_search_by(|a| a.iata.as_str().cmp(code))
            .ok()
    };
    let mut city_codes: HashMap<String, (String, String, Vec<usize>)> = HashMap::new();
    let mut metro = Vec::new();
    for r in parse_csv(CITY_CODES_CSV) {
        let (code, city, country, airport) = (
            r.get(0).unwrap_or_default(),
            r.get(1).unwrap_or_default(),
            r.get(2).unwrap_or_default(),
            r.get(3).unwrap_or_default(),
        );
        let Some(i) = index_of(airport) else { continue };
        let entry = city_codes
            .entry(code.to_owned())
            .or_insert_with(|| (city.to_owned(), country.to_owned(), Vec::new()));
        entry.2.push(i);
        let pair = (city_key(city), country.to_owned());
        if !metro.contains(&pair) {
            metro.push(pair);
        }
    }

    let mut zone_cities: HashMap<String, Option<Tz>> = HashMap::new();
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
        if !name.contains('/') || name.starts_with("Etc/") {
            continue;
        }
        let city = name
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace('_', " ");
        zone_cities
            .entry(city_key(&city))
            .and_modify(|existing| {
                if existing.is_some_and(|e| e.name() != name) {
                    *existing = None;
                }
            })
            .or_insert(Some(tz));
    }
    let zone_cities = zone_cities
        .into_iter()
        .filter_map(|(k, tz)| Some((k, tz?)))
        .collect();

    Data {
        airports,
        by_city,
        by_alias,
        city_codes,
        metro,
        zone_cities,
        keys,
    }
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(build)
}

/// Every airport of the shipped data set, sorted by IATA code.
pub fn airports() -> &'static [Airport] {
    &data().airports
}

/// The airport with this IATA code, in any case: "han" → Noi Bai.
pub fn airport(code: &str) -> Option<&'static Airport> {
    let code = code.trim().to_ascii_uppercase();
    let d = data();
    d.airports
        .binary_search_by(|a| a.iata.as_str().cmp(&code))
        .ok()
        .and_then(|i| d.airports.get(i))
}

fn airport_place(a: &Airport) -> Place {
    Place {
        kind: PlaceKind::Airport,
        code: a.iata.clone(),
        name: a.name.clone(),
        city: a.city.clone(),
        country: a.country.clone(),
        tz: a.tz.clone(),
    }
}

/// A city code ("PAR") as a place, if all its airports share one zone.
fn city_code_place(code: &str) -> Option<Place> {
    let d = data();
    let (city, country, indexes) = d.city_codes.get(&code.trim().to_ascii_uppercase())?;
    let zones = distinct(
        indexes
            .iter()
            .filter_map(|&i| d.airports.get(i))
            .map(|a| &a.tz),
    );
    match zones.as_slice() {
        [tz] => Some(Place {
            kind: PlaceKind::CityCode,
            code: code.trim().to_ascii_uppercase(),
            name: city.clone(),
            city: city.clone(),
            country: country.clone(),
            tz: (*tz).clone(),
        }),
        _ => None,
    }
}

fn distinct<'a, T: PartialEq + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut out: Vec<&T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The candidates for a city key, narrowed as the module doc says; `country` narrows first.
fn city_lookup(key: &str, country: Option<&str>) -> Lookup {
    let d = data();
    let matching = |map: &HashMap<String, Vec<usize>>| -> Vec<&'static Airport> {
        map.get(key)
            .map(|ix| {
                ix.iter()
                    .filter_map(|&i| d.airports.get(i))
                    .filter(|a| country.is_none_or(|c| a.country == c))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut candidates = matching(&d.by_city);
    if candidates.is_empty() {
        candidates = matching(&d.by_alias);
    }
    if candidates.is_empty() {
        return match d.zone_cities.get(key) {
            Some(tz) => Lookup::Found(Place {
                kind: PlaceKind::ZoneCity,
                code: String::new(),
                name: zone_city_name(tz.name()),
                city: zone_city_name(tz.name()),
                country: String::new(),
                tz: tz.name().to_owned(),
            }),
            None => Lookup::Unknown,
        };
    }
    let one_zone = |set: &[&Airport]| -> bool {
        set.first()
            .is_some_and(|first| set.iter().all(|a| a.tz == first.tz))
    };
    let metro: Vec<&Airport> = candidates
        .iter()
        .copied()
        .filter(|a| d.metro.contains(&(key.to_owned(), a.country.clone())))
        .collect();
    let international: Vec<&Airport> = candidates
        .iter()
        .copied()
        .filter(|a| a.name.contains("International"))
        .collect();
    let chosen = [candidates.clone(), metro, international]
        .into_iter()
        .find(|set| one_zone(set));
    match chosen {
        Some(set) => Lookup::Found(city_place(&set)),
        None => {
            let mut options: Vec<Place> = Vec::new();
            for a in candidates {
                if !options
                    .iter()
                    .any(|p| p.tz == a.tz && p.country == a.country)
                {
                    let same: Vec<&Airport> = [a].to_vec();
                    options.push(city_place(&same));
                }
            }
            Lookup::Ambiguous(options)
        }
    }
}

fn city_place(set: &[&Airport]) -> Place {
    let first = set.first();
    let field = |f: fn(&Airport) -> &String| first.map(|a| f(a).clone()).unwrap_or_default();
    let country = match distinct(set.iter().map(|a| &a.country)).as_slice() {
        [one] => (*one).clone(),
        _ => String::new(),
    };
    Place {
        kind: PlaceKind::City,
        code: match set {
            [only] => only.iata.clone(),
            _ => String::new(),
        },
        name: field(|a| &a.city),
        city: field(|a| &a.city),
        country,
        tz: field(|a| &a.tz),
    }
}

fn zone_city_name(zone: &str) -> String {
    zone.rsplit('/')
        .next()
        .unwrap_or_default()
        .replace('_', " ")
}

/// Splits "Paris, FR" into the name and a country code that narrows the search.
fn split_country(text: &str) -> (&str, Option<&'static str>) {
    if let Some((name, tail)) = text.rsplit_once(',')
        && let Some(code) = crate::country::parse(tail)
        && tail.trim().len() == 2
    {
        return (name.trim(), Some(code));
    }
    (text, None)
}

/// Resolves what a user typed as a place.
///
/// Three letters in capitals are a code first ("HUE" is Humera, Ethiopia); anything else is a
/// city first and a code second ("Hue" is Huế, "han" is Hanoi's airport, as no city is called
/// Han). "Paris, FR" narrows a city to a country.
pub fn resolve(typed: &str) -> Lookup {
    let cleaned = text::clean(typed);
    let (name, country) = split_country(&cleaned);
    if name.is_empty() {
        return Lookup::Unknown;
    }
    let looks_like_code = name.len() == 3 && name.chars().all(|c| c.is_ascii_alphabetic());
    let by_code = || {
        if !looks_like_code {
            return None;
        }
        airport(name)
            .map(airport_place)
            .or_else(|| city_code_place(name))
            .filter(|p| country.is_none_or(|c| p.country == c))
    };
    let upper = name.chars().all(|c| c.is_ascii_uppercase());
    if upper && let Some(place) = by_code() {
        return Lookup::Found(place);
    }
    match city_lookup(&city_key(name), country) {
        Lookup::Unknown => by_code().map_or(Lookup::Unknown, Lookup::Found),
        found => found,
    }
}

/// The zone of a typed place, when it resolves to exactly one.
pub fn zone_of(typed: &str) -> Option<Tz> {
    match resolve(typed) {
        Lookup::Found(place) => place.tz.parse().ok(),
        _ => None,
    }
}

/// The key a place is compared by when asking "is this the same city?": the city of an
/// airport or city code ("SIN" → "singapore"), else the typed name's key. "Hà Nội", "HAN"
/// and "Hanoi" give the same key; so do "Ho Chi Minh City" and "Hồ Chí Minh".
pub fn same_city_key(typed: &str) -> String {
    let city = match resolve(typed) {
        Lookup::Found(place) if !place.city.is_empty() => place.city,
        _ => typed.to_owned(),
    };
    let key = city_key(&city);
    match alias_key(&key) {
        Some(alias) => alias.to_owned(),
        None => key,
    }
}

/// The zone most of a country's airports are in, when the country has one zone only
/// (Viet Nam, Singapore; not Indonesia or the United States).
pub fn zone_of_country(code: &str) -> Option<Tz> {
    let code = crate::country::parse(code)?;
    let zones = distinct(
        data()
            .airports
            .iter()
            .filter(|a| a.country == code)
            .map(|a| &a.tz),
    );
    match zones.as_slice() {
        [one] => one.parse().ok(),
        _ => None,
    }
}

/// Places whose code, city or name starts with what was typed, for a place picker: codes
/// first, then cities, then airport names; at most `limit`.
pub fn suggest(typed: &str, limit: usize) -> Vec<Place> {
    let key = city_key(typed);
    if key.is_empty() || limit == 0 {
        return Vec::new();
    }
    let upper = typed.trim().to_ascii_uppercase();
    let d = data();
    let mut out: Vec<Place> = Vec::new();
    let push = |place: Place, out: &mut Vec<Place>| {
        if out.len() < limit && !out.iter().any(|p| p == &place) {
            out.push(place);
        }
    };
    if let Some(a) = airport(&upper) {
        push(airport_place(a), &mut out);
    }
    if let Some(p) = city_code_place(&upper) {
        push(p, &mut out);
    }
    let pairs = || d.airports.iter().zip(&d.keys);
    for (a, _) in pairs().filter(|(_, (city, _))| city.starts_with(&key)) {
        push(airport_place(a), &mut out);
    }
    for (a, _) in pairs().filter(|(_, (_, name))| name.starts_with(&key)) {
        push(airport_place(a), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(typed: &str) -> Place {
        match resolve(typed) {
            Lookup::Found(place) => place,
            other => panic!("\"{typed}\" should resolve to one place, got {other:?}"),
        }
    }

    #[test]
    fn every_zone_in_the_data_is_known() {
        let rows = airports_csv().lines().count() - 1;
        assert_eq!(
            airports().len(),
            rows,
            "every airport row must have a three-letter code and a zone chrono-tz knows"
        );
        assert!(rows > 7000, "the whole data set is shipped, not a sample");
    }

    #[test]
    fn airport_codes_resolve_in_any_case() {
        let hanoi = found("HAN");
        assert_eq!(hanoi.kind, PlaceKind::Airport);
        // The data set places Noi Bai in Asia/Ho_Chi_Minh (same +07:00 as Asia/Bangkok).
        assert_eq!(hanoi.tz, "Asia/Ho_Chi_Minh");
        assert_eq!(hanoi.country, "VN");
        assert_eq!(
            found("han").code,
            "HAN",
            "a lower-case code is still the airport"
        );
        assert_eq!(found(" sin ").tz, "Asia/Singapore");
        assert_eq!(found("CDG").tz, "Europe/Paris");
        assert_eq!(found("JFK").tz, "America/New_York");
        assert_eq!(found("HNL").tz, "Pacific/Honolulu");
    }

    #[test]
    fn city_names_match_with_or_without_diacritics_and_spaces() {
        for typed in [
            "Hà Nội",
            "ha noi",
            "Hanoi",
            "HA NOI",
            "Ha\u{300} No\u{323}\u{302}i",
        ] {
            let place = found(typed);
            assert_eq!(place.tz, "Asia/Ho_Chi_Minh", "{typed}");
            assert_eq!(place.code, "HAN", "{typed}: Hanoi has one airport");
        }
        assert_eq!(found("Đà Nẵng").code, "DAD");
        assert_eq!(found("Singapore").tz, "Asia/Singapore");
        assert_eq!(found("Hồ Chí Minh").tz, "Asia/Ho_Chi_Minh");
        assert_eq!(
            found("Bangkok").tz,
            "Asia/Bangkok",
            "two airports, one zone"
        );
    }

    #[test]
    fn a_capitalised_code_wins_over_a_city_and_a_city_wins_over_a_lower_case_code() {
        assert_eq!(
            found("HUE").country,
            "ET",
            "HUE is the code of Humera, Ethiopia"
        );
        assert_eq!(found("Hue").tz, "Asia/Ho_Chi_Minh", "Hue the city is Huế");
        assert_eq!(found("Huế").country, "VN");
    }

    #[test]
    fn a_shared_city_name_means_the_metropolis_or_the_international_airport() {
        assert_eq!(found("Paris").tz, "Europe/Paris", "not Paris, Texas");
        assert_eq!(found("London").tz, "Europe/London");
        assert_eq!(
            found("Manila").tz,
            "Asia/Manila",
            "the international airport's city"
        );
        assert_eq!(
            found("Paris, US").tz,
            "America/Chicago",
            "a country narrows it"
        );
        assert_eq!(found("PAR").kind, PlaceKind::CityCode);
        assert_eq!(found("PAR").tz, "Europe/Paris");
    }

    #[test]
    fn a_name_shared_by_zones_without_a_clear_choice_is_ambiguous() {
        match resolve("Portland") {
            Lookup::Ambiguous(options) => {
                assert!(options.len() >= 2, "{options:?}");
                assert!(options.iter().any(|p| p.tz == "America/Los_Angeles"));
                assert!(options.iter().any(|p| p.tz == "America/New_York"));
            }
            other => panic!("Portland (Oregon or Maine) must be ambiguous, got {other:?}"),
        }
    }

    #[test]
    fn a_city_whose_airport_is_gone_is_found_by_its_zone() {
        // Phnom Penh's old airport left the data set; the zone still names the city.
        let place = found("Phnom Penh");
        assert_eq!(place.kind, PlaceKind::ZoneCity);
        assert_eq!(place.tz, "Asia/Phnom_Penh");
        assert_eq!(resolve("Atlantis"), Lookup::Unknown);
        assert_eq!(resolve("  "), Lookup::Unknown);
    }

    #[test]
    fn same_city_keys_join_codes_and_names() {
        assert_eq!(same_city_key("SIN"), same_city_key("Singapore"));
        assert_eq!(same_city_key("HAN"), same_city_key("Hà Nội"));
        assert_eq!(same_city_key("SGN"), same_city_key("Hồ Chí Minh"));
        assert_ne!(same_city_key("HAN"), same_city_key("SGN"));
    }

    #[test]
    fn one_zone_countries_have_a_zone() {
        assert_eq!(
            zone_of_country("vn").map(|z| z.name()),
            Some("Asia/Ho_Chi_Minh")
        );
        assert_eq!(
            zone_of_country("SG").map(|z| z.name()),
            Some("Asia/Singapore")
        );
        assert_eq!(zone_of_country("ID"), None, "Indonesia spans three zones");
    }

    #[test]
    fn suggestions_put_the_code_first() {
        let list = suggest("sin", 5);
        assert_eq!(list.first().map(|p| p.code.as_str()), Some("SIN"));
        assert!(list.len() <= 5);
        assert!(suggest("", 5).is_empty());
    }
}
