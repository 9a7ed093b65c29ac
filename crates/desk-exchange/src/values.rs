//! Values as partners write them in guest lists: dates in any common form or as spreadsheet
//! serial numbers, times with "h" or "PM", genders as "M", "Nữ" or "Ms", flights as "VN611".

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::grid::Cell;

/// How the day and month of numeric dates are ordered in one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// 12/03/2024 is 12 March: what Viet Nam and most of ASEAN write.
    DayFirst,
    /// 03/12/2024 is 12 March: only when the column shows it (a second number above 12).
    MonthFirst,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// The numbers of a numeric date "dd/mm/yyyy", "d.m.yyyy", "dd-mm-yyyy", "yyyy-mm-dd".
fn numeric_parts(text: &str) -> Option<[u32; 3]> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some([
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    ])
}

/// Whether a numeric date can only be read month first (its second number is above 12).
pub fn only_month_first(text: &str) -> bool {
    matches!(numeric_parts(text.trim()), Some([a, b, y]) if y >= 1000 && a <= 12 && b > 12)
}

/// Whether a numeric date can only be read day first.
pub fn only_day_first(text: &str) -> bool {
    matches!(numeric_parts(text.trim()), Some([a, b, y]) if y >= 1000 && a > 12 && b <= 12)
}

/// A spreadsheet serial day number (1900 date system): 1 is 1900-01-01; Excel's phantom
/// 29 February 1900 is why the epoch is 1899-12-30.
pub fn from_serial(serial: f64) -> Option<NaiveDateTime> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let seconds = (serial * 86_400.0).round() as i64;
    epoch.checked_add_signed(Duration::seconds(seconds))
}

/// A date written as text. Four-digit years only: "12/03/80" is refused rather than guessed.
pub fn parse_date(text: &str, order: DayOrder) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches(',');
    if text.is_empty() {
        return None;
    }
    // A date and a time in one cell: the date part.
    let date_part = text.split_whitespace().next().unwrap_or(text);
    if let Some([a, b, c]) = numeric_parts(date_part) {
        if a >= 1000 {
            return NaiveDate::from_ymd_opt(a as i32, b, c);
        }
        if c < 1000 {
            return None;
        }
        let (day, month) = match order {
            DayOrder::DayFirst => (a, b),
            DayOrder::MonthFirst => (b, a),
        };
        return NaiveDate::from_ymd_opt(c as i32, month, day);
    }
    // "12 Mar 2024", "12-Mar-2024", "12 March 2024", "Mar 12, 2024", "12 tháng 3 năm 2024".
    let words: Vec<String> = text
        .replace(['-', ',', '/'], " ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "ngày" | "ngay" | "năm" | "nam" | "of" | "the"))
        .collect();
    let number = |w: &str| {
        w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse::<u32>()
            .ok()
    };
    match words.as_slice() {
        [d, m, y] if number(d).is_some() && month_of(m).is_some() => {
            let (day, month, year) = (number(d)?, month_of(m)?, y.parse::<i32>().ok()?);
            (year >= 1000).then_some(())?;
            NaiveDate::from_ymd_opt(year, month, day)
        }
        [m, d, y] if month_of(m).is_some() => {
            let year = y.parse::<i32>().ok()?;
            (year >= 1000).then_some(())?;
            NaiveDate::from_ymd_opt(year, month_of(m)?, number(d)?)
        }
        [d, thang, m, y] if *thang == "tháng" || *thang == "thang" => {
            let year = y.parse::<i32>().ok()?;
            (year >= 1000).then_some(())?;
            NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// A time of day: "14:35", "14h35", "2:35 PM", "1435".
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_lowercase();
    let (t, pm, am) = if let Some(x) = t.strip_suffix("pm") {
        (x.trim().to_owned(), true, false)
    } else if let Some(x) = t.strip_suffix("am") {
        (x.trim().to_owned(), false, true)
    } else {
        (t, false, false)
    };
    let (h, m) = if let Some((h, m)) = t.split_once([':', 'h', '.']) {
        (
            h.trim().parse::<u32>().ok()?,
            if m.trim().is_empty() {
                0
            } else {
                m.trim().get(..2)?.parse::<u32>().ok()?
            },
        )
    } else if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        (t[..2].parse().ok()?, t[2..].parse().ok()?)
    } else {
        return None;
    };
    let h = match (pm, am, h) {
        (true, _, h) if h < 12 => h + 12,
        (_, true, 12) => 0,
        (_, _, h) => h,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A date (and maybe a time) from a cell: a date cell, a serial number, or text.
pub fn cell_date(cell: &Cell, order: DayOrder) -> Option<(NaiveDate, Option<NaiveTime>)> {
    match cell {
        Cell::DateTime(d) => Some((d.date(), (d.time() != NaiveTime::MIN).then_some(d.time()))),
        Cell::Number(n) => {
            from_serial(*n).map(|d| (d.date(), (d.time() != NaiveTime::MIN).then_some(d.time())))
        }
        Cell::Text(t) => {
            let t = t.trim();
            if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) && t.len() == 5 {
                // A serial number that lost its format on the way through CSV.
                return from_serial(t.parse().ok()?).map(|d| (d.date(), None));
            }
            let date = parse_date(t, order)?;
            let time = t
                .split_once(char::is_whitespace)
                .and_then(|(_, rest)| parse_time(rest));
            Some((date, time))
        }
        Cell::Bool(_) => None,
    }
}

/// A time from a cell: a time cell (a fraction of a day) or text.
pub fn cell_time(cell: &Cell) -> Option<NaiveTime> {
    match cell {
        Cell::DateTime(d) => Some(d.time()),
        Cell::Number(n) if (0.0..1.0).contains(n) => {
            let minutes = (n * 1440.0).round() as u32;
            NaiveTime::from_hms_opt(minutes / 60 % 24, minutes % 60, 0)
        }
        Cell::Text(t) => parse_time(t),
        _ => None,
    }
}

/// `female`, `male` or `other` from what lists write.
pub fn parse_gender(text: &str) -> Option<&'static str> {
    let t = desk_domain::text::search_form(&desk_domain::text::clean(text));
    let t = t.trim_end_matches('.');
    match t {
        "f" | "female" | "woman" | "nu" | "ms" | "mrs" | "miss" | "madam" | "ba" | "w" => {
            Some("female")
        }
        "m" | "male" | "man" | "nam" | "mr" | "ong" => Some("male"),
        "other" | "x" | "khac" => Some("other"),
        _ => None,
    }
}

/// A flight written "VN 611", "VN611", "vn-611 BKK" or "VN 611 (BKK)": the number, and a
/// three-letter airport code if one follows.
pub fn parse_flight(text: &str) -> Option<(String, Option<String>)> {
    let upper = text
        .trim()
        .to_uppercase()
        .replace(['-', '(', ')', '/', ','], " ");
    let tokens: Vec<&str> = upper.split_whitespace().collect();
    let (number, rest) = match tokens.as_slice() {
        [airline, digits, rest @ ..]
            if airline.len() == 2
                && airline.chars().all(|c| c.is_ascii_alphanumeric())
                && airline.chars().any(|c| c.is_ascii_alphabetic())
                && digits.len() <= 4
                && digits.chars().all(|c| c.is_ascii_digit()) =>
        {
            (format!("{airline} {digits}"), rest)
        }
        [joined, rest @ ..]
            // ASCII only: byte offsets 2 are then character boundaries ("NỮ" is not a
            // flight, and slicing it at byte 2 would panic).
            if joined.is_ascii()
                && joined.len() >= 3
                && joined.len() <= 6
                && joined[..2].chars().all(|c| c.is_ascii_alphanumeric())
                && joined[..2].chars().any(|c| c.is_ascii_alphabetic())
                && joined[2..].chars().all(|c| c.is_ascii_digit()) =>
        {
            (format!("{} {}", &joined[..2], &joined[2..]), rest)
        }
        _ => return None,
    };
    let place = rest
        .iter()
        .find(|t| t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|t| (*t).to_owned());
    Some((number, place))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_as_partners_write_them() {
        let o = DayOrder::DayFirst;
        assert_eq!(parse_date("12/03/2024", o), d(2024, 3, 12));
        assert_eq!(parse_date("2024-03-12", o), d(2024, 3, 12));
        assert_eq!(parse_date("12 Mar 2024", o), d(2024, 3, 12));
        assert_eq!(parse_date("12-Mar-2024", o), d(2024, 3, 12));
        assert_eq!(parse_date("March 12, 2024", o), d(2024, 3, 12));
        assert_eq!(parse_date("12 tháng 3 năm 2024", o), d(2024, 3, 12));
        assert_eq!(parse_date("1.2.1975", o), d(1975, 2, 1));
        assert_eq!(
            parse_date("03/12/2024", DayOrder::MonthFirst),
            d(2024, 3, 12)
        );
        assert_eq!(parse_date("31/02/1980", o), None, "no 31 February");
        assert_eq!(
            parse_date("12/03/80", o),
            None,
            "two-digit years are not guessed"
        );
    }

    #[test]
    fn serials_count_from_the_1900_system() {
        assert_eq!(from_serial(43066.0).map(|t| t.date()), d(2017, 11, 27));
        assert_eq!(
            from_serial(43066.6041666667).map(|t| t.time()),
            NaiveTime::from_hms_opt(14, 30, 0)
        );
        assert_eq!(from_serial(-3.0), None);
    }

    #[test]
    fn times_genders_and_flights() {
        assert_eq!(parse_time("14h35"), NaiveTime::from_hms_opt(14, 35, 0));
        assert_eq!(parse_time("2:35 PM"), NaiveTime::from_hms_opt(14, 35, 0));
        assert_eq!(parse_gender("Nữ"), Some("female"));
        assert_eq!(parse_gender("Mr."), Some("male"));
        assert_eq!(parse_flight("vn611"), Some(("VN 611".into(), None)));
        // Found by the fuzzing: a word with a wide letter at byte 2 is not a flight (it
        // panicked on slicing).
        assert_eq!(parse_flight("NỮ"), None);
        assert_eq!(parse_flight("Nữ 12"), None);
        assert_eq!(
            parse_flight("TG 560 (BKK)"),
            Some(("TG 560".into(), Some("BKK".into())))
        );
        assert_eq!(parse_flight("by car"), None);
    }
}
