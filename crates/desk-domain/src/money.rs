//! Money: integer amounts in a currency's minor units, exchange rates as decimals. There is
//! no floating point anywhere on the way from a receipt to a total.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Active ISO 4217 codes with their number of minor-unit digits.
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BDT", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BOV", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHE", 2),
    ("CHF", 2),
    ("CHW", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("COU", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MXV", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TOP", 2),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("USN", 2),
    ("UYI", 0),
    ("UYU", 2),
    ("UYW", 4),
    ("UZS", 2),
    ("VED", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XCG", 2),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWG", 2),
];

/// The home currency every total is also given in.
pub const HOME_CURRENCY: &str = "VND";

/// Minor-unit digits of an ISO 4217 code (VND 0, USD 2, KWD 3), or `None` if unknown.
pub fn minor_digits(code: &str) -> Option<u32> {
    CURRENCIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .and_then(|i| CURRENCIES.get(i))
        .map(|(_, digits)| *digits)
}

/// The canonical code if `input` is an active ISO 4217 code.
pub fn parse_currency(input: &str) -> Option<&'static str> {
    let upper = input.trim().to_ascii_uppercase();
    CURRENCIES
        .binary_search_by(|(c, _)| (*c).cmp(upper.as_str()))
        .ok()
        .and_then(|i| CURRENCIES.get(i))
        .map(|(c, _)| *c)
}

/// Every currency code, for pickers.
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    CURRENCIES.iter().map(|(c, _)| *c)
}

/// An amount of money: an integer count of the currency's minor units (cents, xu, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Money {
    pub currency: String,
    /// In minor units: 12.50 USD is 1250; 3,000,000 VND is 3000000.
    #[ts(type = "number")]
    pub minor: i64,
}

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("\"{0}\" is not an ISO 4217 currency code")]
    UnknownCurrency(String),
    #[error("\"{0}\" is not a number written like 1234.50")]
    NotANumber(String),
    #[error("{currency} has {digits} decimal places; \"{input}\" has more")]
    TooManyDecimals {
        currency: String,
        digits: u32,
        input: String,
    },
    #[error("\"{0}\" is too large")]
    TooLarge(String),
}

impl Money {
    /// Reads an amount written with a dot for decimals ("1234.5", "-20", "1 234.50"), exact
    /// to the currency's minor units; more decimals than the currency has are refused rather
    /// than silently rounded.
    pub fn parse(currency: &str, input: &str) -> Result<Self, AmountError> {
        let code = parse_currency(currency)
            .ok_or_else(|| AmountError::UnknownCurrency(currency.trim().to_owned()))?;
        let digits = minor_digits(code).unwrap_or(2);
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_')
            .collect();
        let valid_shape = !compact.is_empty()
            && compact
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
            && compact.matches('.').count() <= 1
            && compact
                .trim_start_matches('-')
                .chars()
                .any(|c| c.is_ascii_digit());
        if !valid_shape {
            return Err(AmountError::NotANumber(input.trim().to_owned()));
        }
        let value: Decimal = compact
            .parse()
            .map_err(|_| AmountError::TooLarge(input.trim().to_owned()))?;
        if value.scale() > digits {
            return Err(AmountError::TooManyDecimals {
                currency: code.to_owned(),
                digits,
                input: input.trim().to_owned(),
            });
        }
        let minor = value
            .checked_mul(Decimal::from(10_i64.pow(digits)))
            .and_then(|m| i64::try_from(m.trunc()).ok())
            .ok_or_else(|| AmountError::TooLarge(input.trim().to_owned()))?;
        Ok(Self {
            currency: code.to_owned(),
            minor,
        })
    }

    /// The amount as a decimal in major units (12.50).
    pub fn major(&self) -> Decimal {
        Decimal::new(self.minor, minor_digits(&self.currency).unwrap_or(2))
    }

    /// "1234.50": major units with exactly the currency's decimals, dot separated.
    pub fn plain(&self) -> String {
        let digits = minor_digits(&self.currency).unwrap_or(2);
        format!("{:.*}", digits as usize, self.major())
    }

    /// This amount in VND at `rate` VND per major unit, rounded half away from zero to
    /// whole dong (VND has no minor units). `None` on overflow.
    pub fn to_home(&self, rate: Decimal) -> Option<i64> {
        if self.currency == HOME_CURRENCY {
            return Some(self.minor);
        }
        let vnd = self.major().checked_mul(rate)?;
        let rounded = vnd.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        i64::try_from(rounded).ok()
    }
}

/// Groups the digits of a non-negative integer written in decimal with `separator`
/// every three digits from the right: ("1234567", '.') → "1.234.567".
fn group_digits(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// An amount of dong as Vietnamese documents print it: dots between thousands and the ₫
/// sign after a space ("1.234.567 ₫", "-250.000 ₫").
pub fn format_vnd(dong: i64) -> String {
    let sign = if dong < 0 { "-" } else { "" };
    format!(
        "{sign}{} ₫",
        group_digits(&dong.unsigned_abs().to_string(), '.')
    )
}

impl Money {
    /// The amount as printed on a document: VND Vietnamese style ("1.234.567 ₫"), any other
    /// currency with commas between thousands, a dot before the currency's decimals and
    /// the code after ("1,234.50 USD", "12,000 JPY"). Exact: no rounding happens here.
    pub fn display(&self) -> String {
        if self.currency == HOME_CURRENCY {
            return format_vnd(self.minor);
        }
        let digits = minor_digits(&self.currency).unwrap_or(2);
        let scale = 10_u64.pow(digits);
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        let whole = group_digits(&(abs / scale).to_string(), ',');
        if digits == 0 {
            format!("{sign}{whole} {}", self.currency)
        } else {
            let fraction = abs % scale;
            format!(
                "{sign}{whole}.{fraction:0width$} {}",
                self.currency,
                width = digits as usize
            )
        }
    }

    /// The amount times a whole count (days, nights), exactly; `None` on overflow.
    pub fn times(&self, count: i64) -> Option<Self> {
        Some(Self {
            currency: self.currency.clone(),
            minor: self.minor.checked_mul(count)?,
        })
    }
}

/// Reads an exchange rate ("25 120.5" VND per unit): positive, at most 10 decimals.
pub fn parse_rate(input: &str) -> Option<Decimal> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let value: Decimal = compact.parse().ok()?;
    (value > Decimal::ZERO && value.scale() <= 10).then_some(value)
}

/// Adds amounts of one currency exactly; `None` on overflow.
pub fn sum_minor(amounts: impl IntoIterator<Item = i64>) -> Option<i64> {
    amounts.into_iter().try_fold(0_i64, i64::checked_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn amounts_are_exact_in_minor_units() {
        assert_eq!(Money::parse("usd", "12.5").map(|m| m.minor), Ok(1250));
        assert_eq!(
            Money::parse("SGD", "1 234.05").map(|m| m.minor),
            Ok(123_405)
        );
        assert_eq!(
            Money::parse("VND", "3000000").map(|m| m.minor),
            Ok(3_000_000)
        );
        assert_eq!(Money::parse("KWD", "1.125").map(|m| m.minor), Ok(1125));
        // 0.1 + 0.2 is exactly 0.3 here, unlike in floating point.
        let sum = sum_minor([
            Money::parse("USD", "0.1").map(|m| m.minor).unwrap_or(0),
            Money::parse("USD", "0.2").map(|m| m.minor).unwrap_or(0),
        ]);
        assert_eq!(sum, Some(30));
    }

    #[test]
    fn more_decimals_than_the_currency_has_are_refused_not_rounded() {
        assert!(matches!(
            Money::parse("VND", "1000.5"),
            Err(AmountError::TooManyDecimals { digits: 0, .. })
        ));
        assert!(matches!(
            Money::parse("USD", "1.005"),
            Err(AmountError::TooManyDecimals { digits: 2, .. })
        ));
    }

    #[test]
    fn bad_amounts_name_the_problem() {
        assert!(matches!(
            Money::parse("XYZ", "1"),
            Err(AmountError::UnknownCurrency(_))
        ));
        assert!(matches!(
            Money::parse("USD", "1,5"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("USD", "1e5"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("USD", ""),
            Err(AmountError::NotANumber(_))
        ));
    }

    #[test]
    fn conversion_to_vnd_rounds_half_away_from_zero_to_whole_dong() {
        let rate = parse_rate("17250.5").unwrap_or_default();
        let sgd = Money::parse("SGD", "0.01").unwrap_or(Money {
            currency: "SGD".into(),
            minor: 0,
        });
        // 0.01 × 17250.5 = 172.505 → 173
        assert_eq!(sgd.to_home(rate), Some(173));
        let vnd = Money::parse("VND", "500000").unwrap_or(sgd);
        assert_eq!(vnd.to_home(rate), Some(500_000), "VND is never converted");
        assert_eq!(parse_rate("0"), None, "a rate must be positive");
    }

    #[test]
    fn documents_print_vnd_vietnamese_style_and_other_currencies_with_their_decimals() {
        let m = |currency: &str, minor: i64| Money {
            currency: currency.into(),
            minor,
        };
        assert_eq!(m("VND", 1_234_567).display(), "1.234.567 ₫");
        assert_eq!(m("VND", 999).display(), "999 ₫");
        assert_eq!(m("VND", -250_000).display(), "-250.000 ₫");
        assert_eq!(m("USD", 123_450).display(), "1,234.50 USD");
        assert_eq!(
            m("USD", 5).display(),
            "0.05 USD",
            "cents keep their leading zero"
        );
        assert_eq!(
            m("JPY", 12_000).display(),
            "12,000 JPY",
            "no decimals for yen"
        );
        assert_eq!(
            m("KWD", 1_125).display(),
            "1.125 KWD",
            "three decimals for dinar"
        );
        assert_eq!(m("USD", -100_000).display(), "-1,000.00 USD");
    }

    #[test]
    fn plain_form_has_the_currency_decimals() {
        let m = Money::parse("USD", "7").unwrap_or(Money {
            currency: "USD".into(),
            minor: 0,
        });
        assert_eq!(m.plain(), "7.00");
    }
}
