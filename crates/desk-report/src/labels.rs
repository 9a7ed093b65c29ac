//! The fixed words of an official document in each [`Language`], and the date and number
//! formats that go with them. Kept together so that adding a label means adding it for both
//! languages in one place.

use chrono::{Datelike, NaiveDate};
use desk_domain::Settings;
use desk_domain::text::{clean, passport_form, search_form};

use crate::model::{DocumentNumber, Language, Signature};

/// Every fixed label printed on an official document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// The country's official name, first line of the upper-right block.
    pub national_title: &'static str,
    /// The national motto under it.
    pub motto: &'static str,
    /// What precedes the document number ("Số:").
    pub number_prefix: &'static str,
    /// What precedes the addressees ("Kính gửi:").
    pub addressed_to: &'static str,
    /// The heading of the distribution list in the lower left ("Nơi nhận:").
    pub received_by: &'static str,
    /// The document type printed when the caller gives none.
    pub report_title: &'static str,
}

const VIETNAMESE: Labels = Labels {
    national_title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number_prefix: "Số:",
    addressed_to: "Kính gửi:",
    received_by: "Nơi nhận:",
    report_title: "BÁO CÁO",
};

const ENGLISH: Labels = Labels {
    national_title: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number_prefix: "No.:",
    addressed_to: "To:",
    received_by: "Recipients:",
    report_title: "MISSION REPORT",
};

/// The English month names, for every paper that writes a date in words.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What a printed language says: the fixed labels of a paper in that language.
pub(crate) trait PrintedLanguage {
    /// The label set of this language.
    fn labels(self) -> &'static Labels;
    /// The place-and-date line of the upper-right block.
    ///
    /// Vietnamese follows Decree 30/2020/NĐ-CP: days below 10 and the months January and
    /// February take a leading zero ("ngày 05 tháng 01", "ngày 15 tháng 3"), so that nobody
    /// can turn "tháng 1" into "tháng 11" with a pen. English writes the day with two digits
    /// and the month in words ("Ha Noi, 05 January 2027").
    fn place_and_date(self, place: &str, date: NaiveDate) -> String;
    /// The number line, e.g. "Số: 05/BC-TVQG" (numbers below 10 take a leading zero). A
    /// document not yet registered (sequence 0) leaves room for the number to be written in
    /// by the clerk: "Số:       /DT-TVQG".
    fn number_line(self, number: &DocumentNumber) -> String;
}

impl PrintedLanguage for Language {
    fn labels(self) -> &'static Labels {
        match self {
            Language::Vi => &VIETNAMESE,
            Language::En => &ENGLISH,
        }
    }

    fn place_and_date(self, place: &str, date: NaiveDate) -> String {
        match self {
            Language::Vi => {
                let month = date.month();
                let month = if month <= 2 {
                    format!("{month:02}")
                } else {
                    month.to_string()
                };
                format!(
                    "{place}, ngày {:02} tháng {month} năm {}",
                    date.day(),
                    date.year()
                )
            }
            Language::En => {
                let month = MONTHS
                    .get(date.month0() as usize)
                    .copied()
                    .unwrap_or_default();
                format!("{place}, {:02} {month} {}", date.day(), date.year())
            }
        }
    }

    fn number_line(self, number: &DocumentNumber) -> String {
        if number.sequence == 0 {
            return format!(
                "{}{}/{}",
                self.labels().number_prefix,
                "\u{a0}".repeat(8),
                number.symbol
            );
        }
        format!(
            "{} {:02}/{}",
            self.labels().number_prefix,
            number.sequence,
            number.symbol
        )
    }
}

/// A fixed Vietnamese phrase of the signature block or the distribution list, in English;
/// anything else is returned as written (it is the user's own text). What an English paper
/// must not print in Vietnamese are these office formulas ("KT. GIÁM ĐỐC", "Như trên",
/// "Lưu: VT, HTQT"), which staff type in Vietnamese in the settings and the report.
pub(crate) fn english_phrase(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches([';', '.', ',']).trim_end();
    let folded = search_form(&clean(trimmed));
    let known = match folded.as_str() {
        "kt. giam doc" | "kt giam doc" => Some("P.P. THE DIRECTOR"),
        "tl. giam doc" | "tl giam doc" => Some("BY ORDER OF THE DIRECTOR"),
        "giam doc" => Some("DIRECTOR"),
        "pho giam doc" => Some("DEPUTY DIRECTOR"),
        "nhu tren" => Some("As above"),
        "giam doc (de b/c)" | "giam doc (de bao cao)" => Some("The Director (for information)"),
        "vu hop tac quoc te" => Some("International Cooperation Department"),
        "lanh dao bo van hoa, the thao va du lich" => {
            Some("The Leadership of the Ministry of Culture, Sports and Tourism")
        }
        _ => None,
    };
    if let Some(english) = known {
        return english.to_owned();
    }
    if let Some(rest) = folded.strip_prefix("luu:") {
        // The filing codes after "Lưu:" (VT, HTQT) are the same in both languages.
        let codes = &trimmed[trimmed.len() - rest.len()..];
        return format!("Filed: {}", codes.trim());
    }
    trimmed.to_owned()
}

/// The lines of a distribution list or addressee list as printed in `language`: the
/// office's English lines when `lines` are its Vietnamese defaults and English ones are set,
/// otherwise each line with its fixed phrase translated.
pub(crate) fn lines_in(
    lines: &[String],
    defaults: &[String],
    defaults_en: &[String],
    language: Language,
) -> Vec<String> {
    if language == Language::Vi {
        return lines.to_vec();
    }
    let same = lines.len() == defaults.len()
        && lines
            .iter()
            .zip(defaults)
            .all(|(a, b)| clean(a) == clean(b));
    if same && !defaults_en.is_empty() {
        return defaults_en.to_vec();
    }
    lines.iter().map(|l| english_phrase(l)).collect()
}

impl Signature {
    /// The office's signer from the settings, in `language`.
    pub fn from_settings(settings: &Settings, language: Language) -> Self {
        Self::in_language(
            &settings.signatory_authority,
            &settings.signatory_position,
            &settings.signatory_name,
            settings,
            language,
        )
    }

    /// A signature block written in Vietnamese (as the report record and the settings hold
    /// it), printed in `language`. In English the settings' English authority, position and
    /// name are used when the Vietnamese ones are the settings' own; otherwise the usual
    /// forms are translated and the name is written as in a passport, the rule every name
    /// of an English paper follows (members are listed by their passport names too).
    pub fn in_language(
        authority: &str,
        position: &str,
        name: &str,
        settings: &Settings,
        language: Language,
    ) -> Self {
        let pick = |value: &str, own: &str, own_en: &str, fallback: &dyn Fn(&str) -> String| {
            if language == Language::Vi {
                clean(value)
            } else if clean(value) == clean(own) && !own_en.trim().is_empty() {
                clean(own_en)
            } else {
                fallback(value)
            }
        };
        let authority = pick(
            authority,
            &settings.signatory_authority,
            &settings.signatory_authority_en,
            &english_phrase,
        );
        Self {
            authority: (!authority.is_empty()).then_some(authority),
            position: pick(
                position,
                &settings.signatory_position,
                &settings.signatory_position_en,
                &english_phrase,
            ),
            name: pick(
                name,
                &settings.signatory_name,
                &settings.signatory_name_en,
                &passport_form,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn vietnamese_date_pads_days_below_ten_and_the_first_two_months() {
        let vi = Language::Vi;
        assert_eq!(
            vi.place_and_date("Hà Nội", date(2027, 1, 5)),
            "Hà Nội, ngày 05 tháng 01 năm 2027"
        );
        assert_eq!(
            vi.place_and_date("Hà Nội", date(2027, 2, 28)),
            "Hà Nội, ngày 28 tháng 02 năm 2027"
        );
        assert_eq!(
            vi.place_and_date("Hà Nội", date(2027, 3, 9)),
            "Hà Nội, ngày 09 tháng 3 năm 2027",
            "Decree 30 pads only months 1 and 2"
        );
        assert_eq!(
            vi.place_and_date("Hà Nội", date(2027, 12, 15)),
            "Hà Nội, ngày 15 tháng 12 năm 2027"
        );
    }

    #[test]
    fn english_date_reads_day_month_year() {
        assert_eq!(
            Language::En.place_and_date("Ha Noi", date(2027, 1, 5)),
            "Ha Noi, 05 January 2027"
        );
    }

    #[test]
    fn number_is_zero_padded_below_ten_only() {
        let n = |sequence| DocumentNumber {
            sequence,
            symbol: "BC-TVQG".into(),
        };
        assert_eq!(Language::Vi.number_line(&n(5)), "Số: 05/BC-TVQG");
        assert_eq!(Language::En.number_line(&n(123)), "No.: 123/BC-TVQG");
        assert_eq!(
            Language::Vi.number_line(&n(0)),
            "Số:\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-TVQG",
            "an unregistered document leaves room for its number"
        );
    }
}
