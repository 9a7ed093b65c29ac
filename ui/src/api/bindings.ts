// Generated from the Rust types by `desk_domain::ipc::typescript()`. Do not edit:
// run `DESK_UPDATE_BINDINGS=1 cargo test -p desk-tests --test it bindings` instead.

export type Direction = "outgoing" | "incoming";

/**
 * Where a delegation is in its life, from the first draft to the filed report.
 */
export type DelegationStatus = "draft" | "approved" | "underway" | "returned" | "reported" | "closed" | "cancelled";

/**
 * A delegation as stored.
 */
export type Delegation = { 
/**
 * UUIDv7, so that records made on two laptops can later be merged.
 */
id: string, direction: Direction, title: string, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, starts_on: string, ends_on: string, status: DelegationStatus, 
/**
 * RFC 3339 with offset.
 */
created_at: string, updated_at: string, };

/**
 * What a user fills in to create a delegation. Dates arrive as text so that a malformed
 * one is reported against its field instead of failing to parse the whole request.
 */
export type NewDelegation = { direction: Direction, title: string, country: string, starts_on: string, ends_on: string, };

/**
 * What went wrong, as a stable tag the UI and the CLI can act on.
 */
export type ErrorKind = "validation" | "not_found" | "conflict" | "newer_schema" | "storage" | "io" | "internal";

/**
 * The rule a field broke. Stable names: the UI translates them.
 */
export type Rule = "required" | "too_long" | "invalid_date" | "end_before_start" | "unknown_code";

/**
 * One field that broke one rule.
 */
export type Violation = { 
/**
 * The input field, as named in the IPC type (`ends_on`, `title`, ...).
 */
field: string, rule: Rule, 
/**
 * An English sentence naming the field and the rule.
 */
message: string, };

/**
 * The error every operation returns.
 */
export type DeskError = { kind: ErrorKind, message: string, 
/**
 * Non-empty only for [`ErrorKind::Validation`].
 */
violations: Array<Violation>, };

/** Every assigned ISO 3166-1 alpha-2 country code. */
export const COUNTRY_CODES = ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"] as const;

/** Every IPC command: its arguments and what it resolves to. */
export interface Commands {
  list_delegations: { args: Record<string, never>; returns: Array<Delegation> };
  create_delegation: { args: { input: NewDelegation }; returns: Delegation };
}
