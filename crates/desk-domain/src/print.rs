//! Printing from the window: which paper, on which printer, how. The shell draws the paper
//! in Rust and hands it to the system's print service; the web view never sees a file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Language;
use crate::check::Check;
use crate::error::{Error, Rule};
use crate::hosting::HostingPaper;

/// A paper the desk can print, named by what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Paper {
    /// A delegation's mission report, in the official layout.
    MissionReport {
        delegation_id: String,
        language: Language,
    },
    /// A delegation's itinerary, for everyone (or one traveller).
    Itinerary {
        delegation_id: String,
        person_id: Option<String>,
        language: Language,
    },
    /// A delegation's cost estimate, computed now by the request as the Money tab shows it,
    /// in the official layout.
    Estimate {
        delegation_id: String,
        request: crate::EstimateRequest,
        language: Language,
    },
    /// A delegation's settlement, in the official layout.
    Settlement {
        delegation_id: String,
        language: Language,
    },
    /// A paper of the hosting kit (programme, badges, tent cards, letters, lists).
    Hosting {
        delegation_id: String,
        paper: HostingPaper,
        languages: Vec<Language>,
    },
    /// The annual report of a range to the ministry; country names in the report's language
    /// come from the window.
    AnnualReport {
        range: crate::StatsRangeInput,
        language: Language,
        country_names: std::collections::BTreeMap<String, String>,
    },
}

/// A printer the system offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Printer {
    pub name: String,
    pub is_default: bool,
}

/// How to print, as chosen in the print dialog. Always A4 at 100 %.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrintRequest {
    pub printer: String,
    #[ts(type = "number")]
    pub copies: u32,
    /// Pages as typed ("1-3, 5"); empty for all.
    pub pages: String,
    /// Both sides of the sheet, turned on the long edge.
    pub two_sided: bool,
}

/// A print request checked: pages as ranges `lp` understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPrint {
    pub printer: String,
    pub copies: u32,
    /// "1-3,5", or `None` for every page.
    pub pages: Option<String>,
    pub two_sided: bool,
}

impl PrintRequest {
    /// Refuses, naming the field, a missing printer, 0 or more than 99 copies, or pages
    /// that are not numbers and ranges ("1-3, 5").
    pub fn validate(&self) -> Result<ValidPrint, Error> {
        let mut check = Check::new();
        let printer = check.required("printer", "Printer", &self.printer);
        let copies = self.copies;
        if !(1..=99).contains(&self.copies) {
            check.fail(
                "copies",
                Rule::OutOfRange,
                format!("Copies must be between 1 and 99, not {}", self.copies),
            );
        }
        let pages = match page_ranges(&self.pages) {
            Ok(p) => p,
            Err(()) => {
                check.fail(
                    "pages",
                    Rule::InvalidFormat,
                    format!(
                        "Pages must be numbers and ranges such as 1-3, 5, not \"{}\"",
                        self.pages.trim()
                    ),
                );
                None
            }
        };
        check.finish(|| {
            Some(ValidPrint {
                printer,
                copies,
                pages,
                two_sided: self.two_sided,
            })
        })
    }
}

fn page_ranges(text: &str) -> Result<Option<String>, ()> {
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| *n > 0).ok_or(());
    let mut out = Vec::new();
    for part in parts {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (number(a)?, number(b)?);
                if b < a {
                    return Err(());
                }
                out.push(format!("{a}-{b}"));
            }
            None => out.push(number(part)?.to_string()),
        }
    }
    Ok(Some(out.join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(pages: &str, copies: u32) -> PrintRequest {
        PrintRequest {
            printer: "PDF".into(),
            copies,
            pages: pages.into(),
            two_sided: false,
        }
    }

    fn refused_fields(r: &PrintRequest) -> Vec<String> {
        match r.validate() {
            Ok(_) => Vec::new(),
            Err(e) => e.violations.into_iter().map(|v| v.field).collect(),
        }
    }

    #[test]
    fn pages_are_numbers_and_ranges() {
        assert_eq!(request("", 1).validate().map(|v| v.pages), Ok(None));
        assert_eq!(
            request(" 1-3, 5 ", 2).validate().map(|v| v.pages),
            Ok(Some("1-3,5".to_owned()))
        );
        for bad in ["a", "3-1", "0", "1;2", "-2"] {
            assert_eq!(refused_fields(&request(bad, 1)), vec!["pages"], "{bad}");
        }
    }

    #[test]
    fn a_printer_and_sensible_copies_are_required() {
        let mut r = request("", 0);
        r.printer = " ".into();
        assert_eq!(refused_fields(&r), vec!["printer", "copies"]);
        assert_eq!(refused_fields(&request("", 100)), vec!["copies"]);
    }
}
