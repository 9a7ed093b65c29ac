// Generated from the Rust types by `desk_domain::ipc::typescript()`. Do not edit:
// run `DESK_UPDATE_BINDINGS=1 cargo test -p desk-tests --test it bindings` instead.

import type { Channel } from '@tauri-apps/api/core';

/**
 * What went wrong, as a stable tag the UI and the CLI can act on.
 */
export type ErrorKind = "validation" | "not_found" | "conflict" | "newer_schema" | "storage" | "io" | "locked" | "damaged" | "cancelled" | "internal";

/**
 * The rule a field broke. Stable names: the UI translates them.
 */
export type Rule = "required" | "too_long" | "invalid_date" | "end_before_start" | "unknown_code" | "invalid_time" | "unknown_time_zone" | "invalid_amount" | "out_of_range" | "invalid_format" | "too_large" | "unknown_record" | "duplicate";

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
violations: Array<Violation>, 
/**
 * A stable name for what went wrong when it is not about one field
 * (`"status_move"`, `"in_trash"`...): the UI says it in its language with `params`.
 * Empty when the failure has no such name.
 */
code: string, 
/**
 * The values the sentence for `code` names (`from`, `to`, `title`...).
 */
params: { [key in string]: string }, };

/**
 * What the window shows about the app itself.
 */
export type AppInfo = { version: string, database_path: string, schema_version: number, };

/**
 * A file the user chose: the token to hand back to a command, and its name to show.
 */
export type ChosenFile = { token: string, 
/**
 * The file's name without its folder, for the window to show.
 */
name: string, };

/**
 * A filter of the system dialog: a label and the extensions it shows (without dots).
 */
export type FileFilter = { name: string, extensions: Array<string>, };

export type Direction = "outgoing" | "incoming";

/**
 * Where a delegation is in its life, from the first draft to the filed report.
 */
export type DelegationStatus = "draft" | "approved" | "underway" | "returned" | "reported" | "closed" | "cancelled";

/**
 * Who pays.
 */
export type Funding = "state_budget" | "sponsored" | "mixed";

/**
 * One country of a trip, with the cities visited there.
 */
export type Destination = { 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, 
/**
 * Cities, as written: "Kuala Lumpur" or "Hà Nội, Hạ Long".
 */
cities: string, };

/**
 * A delegation as stored.
 */
export type Delegation = { 
/**
 * UUIDv7, so that records made on two laptops can later be merged.
 */
id: string, direction: Direction, title: string, purpose: string, 
/**
 * The event attended or hosted: "2nd INELI-ASEAN session".
 */
event: string, 
/**
 * The host (outgoing) or visiting (incoming) organisation.
 */
organisation_id: string | null, 
/**
 * ISO 3166-1 alpha-2 of the (main) country visited, or of the visitors.
 */
country: string, 
/**
 * Cities, as written: "Singapore" or "Hà Nội, Hạ Long".
 */
cities: string, 
/**
 * The further countries of a trip to several, after the first (`country`, `cities`),
 * in the order they are visited; empty for a trip to one country.
 */
more_destinations: Array<Destination>, starts_on: string, ends_on: string, status: DelegationStatus, funding: Funding, sponsor_id: string | null, 
/**
 * The decision that sends or receives the delegation: number, date, signer.
 */
decision_number: string, decision_date: string | null, decision_signer: string, notes: string, 
/**
 * Set when moved to the trash; restored by clearing it.
 */
deleted_at: string | null, 
/**
 * RFC 3339 with offset.
 */
created_at: string, updated_at: string, };

/**
 * What a user fills in to create or edit a delegation. Dates arrive as text so that a
 * malformed one is reported against its field instead of failing the whole request.
 */
export type DelegationInput = { direction: Direction, title: string, country: string, starts_on: string, ends_on: string, purpose: string, event: string, organisation_id: string | null, cities: string, 
/**
 * The further countries after the first, in order (codes as typed).
 */
more_destinations: Array<Destination>, 
/**
 * `state_budget` (default), `sponsored` or `mixed`.
 */
funding: string, sponsor_id: string | null, decision_number: string, decision_date: string, decision_signer: string, notes: string, };

/**
 * What the delegation list can be narrowed to. Every field is optional.
 */
export type DelegationFilter = { direction: Direction | null, 
/**
 * Delegations that start in this year.
 */
year: number | null, status: DelegationStatus | null, country: string | null, organisation_id: string | null, 
/**
 * Words typed in the search box, matched like the search palette.
 */
text: string | null, 
/**
 * The trash instead of the live list.
 */
trashed: boolean, 
/**
 * The order of the live list (the trash is always the latest thrown away first).
 */
sort: DelegationSort, };

/**
 * The orders the delegation list can be read in, each served by an index so that a page
 * costs the same wherever it starts.
 */
export type DelegationSort = "newest" | "oldest" | "title";

/**
 * What the people and organisation lists can be narrowed to.
 */
export type DirectoryFilter = { 
/**
 * Words typed in the search box, matched like the search palette.
 */
text: string | null, };

/**
 * Which page of a list to read: at most `limit` rows (all when absent) after the row a
 * previous page's `next` cursor names (from the start when absent).
 */
export type PageRequest = { limit: number | null, after: string | null, };

/**
 * One page of a list in its order: the rows, the cursor of the next page (none after the
 * last), and how many rows the whole list has.
 */
export type Page<T> = { items: Array<T>, next: string | null, total: number, };

export type OrganisationKind = "library" | "association" | "sponsor" | "ministry" | "university" | "other";

export type Organisation = { id: string, name: string, short_name: string, 
/**
 * ISO 3166-1 alpha-2, or empty for international bodies.
 */
country: string, kind: OrganisationKind, notes: string, created_at: string, updated_at: string, };

export type OrganisationInput = { name: string, short_name: string, country: string, 
/**
 * One of [`OrganisationKind`]'s names; empty means `other`.
 */
kind: string, notes: string, };

export type Gender = "female" | "male" | "other";

/**
 * How the parts of a name are ordered when written in full.
 */
export type NameOrder = "family_first" | "given_first";

export type Person = { id: string, 
/**
 * As written, NFC: "Trần Mỹ Dung".
 */
full_name: string, 
/**
 * As in the passport's machine-readable zone: "TRAN MY DUNG".
 */
passport_name: string, family_name: string, given_name: string, name_order: NameOrder, 
/**
 * Position or title: "Phó Giám đốc", "Director".
 */
title: string, 
/**
 * Department or unit inside the organisation.
 */
unit: string, organisation_id: string | null, gender: Gender | null, born_on: string | null, 
/**
 * ISO 3166-1 alpha-2, or empty.
 */
nationality: string, passport_no: string, passport_expires_on: string | null, email: string, phone: string, dietary: string, access_needs: string, 
/**
 * The staff level a per-diem table distinguishes (e.g. "leader", "staff"); empty for
 * guests.
 */
staff_level: string, notes: string, created_at: string, updated_at: string, };

export type PersonInput = { full_name: string, 
/**
 * Empty: derived from the full name.
 */
passport_name: string, family_name: string, given_name: string, 
/**
 * `family_first` (default) or `given_first`.
 */
name_order: string, title: string, unit: string, organisation_id: string | null, 
/**
 * `female`, `male`, `other` or empty.
 */
gender: string, born_on: string, nationality: string, passport_no: string, passport_expires_on: string, email: string, phone: string, dietary: string, access_needs: string, staff_level: string, notes: string, };

/**
 * A person's page: who they are, where they work, every trip they were on, their visas.
 */
export type PersonProfile = { person: Person, organisation: Organisation | null, delegations: Array<PersonTrip>, visas: Array<Visa>, };

/**
 * One trip of a person.
 */
export type PersonTrip = { delegation: Delegation, member: Member, };

export type MemberRole = "head" | "deputy" | "member" | "interpreter" | "secretary" | "guest";

export type Member = { id: string, delegation_id: string, person_id: string, role: MemberRole, 
/**
 * Empty: from the delegation's first day.
 */
joins_on: string | null, 
/**
 * Empty: to the delegation's last day.
 */
leaves_on: string | null, notes: string, created_at: string, updated_at: string, };

export type MemberInput = { person_id: string, 
/**
 * One of [`MemberRole`]'s names; empty means `member`.
 */
role: string, joins_on: string, leaves_on: string, notes: string, };

/**
 * A member with the person they are, as lists show them.
 */
export type MemberDetail = { member: Member, person: Person, };

/**
 * The result of adding or changing a member: the record, and what deserves attention.
 */
export type MemberSaved = { member: Member, warnings: Array<Warning>, };

export type Warning = { "kind": "overlapping_trip", person_id: string, person_name: string, other_delegation_id: string, other_title: string, } | { "kind": "days_outside_trip", person_id: string, person_name: string, };

export type Mode = "flight" | "train" | "road";

export type Segment = { id: string, delegation_id: string, mode: Mode, 
/**
 * "Vietnam Airlines", "SQ".
 */
carrier: string, 
/**
 * "VN 661".
 */
number: string, 
/**
 * An IATA code ("HAN") or a city name, as typed.
 */
from_place: string, 
/**
 * IANA zone of the departure place.
 */
from_tz: string, 
/**
 * Local wall-clock time at departure, `YYYY-MM-DDTHH:MM`.
 */
departs_local: string, to_place: string, to_tz: string, arrives_local: string, 
/**
 * Arrival terminal, for the pickup.
 */
terminal: string, 
/**
 * Who travels on it; empty means every member of the delegation.
 */
passenger_ids: Array<string>, notes: string, created_at: string, updated_at: string, };

export type SegmentInput = { 
/**
 * `flight` (default), `train` or `road`.
 */
mode: string, carrier: string, number: string, from_place: string, 
/**
 * IANA zone; the caller fills it from the place when the user leaves it empty.
 */
from_tz: string, 
/**
 * `YYYY-MM-DDTHH:MM`, local to the departure place.
 */
departs_local: string, to_place: string, to_tz: string, arrives_local: string, terminal: string, passenger_ids: Array<string>, notes: string, };

/**
 * A segment as the Travel tab shows it: the local times as entered, the UTC offset in force
 * at each end, and the duration computed across zones.
 */
export type SegmentView = { segment: Segment, 
/**
 * "+07:00".
 */
departs_offset: string, arrives_offset: string, 
/**
 * `None` when a stored time does not exist in its zone.
 */
duration_minutes: number | null, 
/**
 * Calendar days between the local departure and arrival dates (1 for "next day").
 */
day_shift: number, };

export type Stay = { id: string, delegation_id: string, hotel: string, city: string, address: string, 
/**
 * Room number or type ("Twin 1203").
 */
room: string, check_in_on: string, check_out_on: string, confirmation: string, 
/**
 * Who sleeps in this room; two or more share it.
 */
guest_ids: Array<string>, notes: string, created_at: string, updated_at: string, };

export type StayInput = { hotel: string, city: string, address: string, room: string, check_in_on: string, check_out_on: string, confirmation: string, guest_ids: Array<string>, notes: string, };

export type VisaStatus = "not_required" | "to_apply" | "applied" | "granted" | "refused";

export type Visa = { id: string, person_id: string, delegation_id: string | null, 
/**
 * The country that issues it.
 */
country: string, status: VisaStatus, number: string, valid_from: string | null, valid_until: string | null, notes: string, created_at: string, updated_at: string, };

export type VisaInput = { person_id: string, delegation_id: string | null, country: string, 
/**
 * One of [`VisaStatus`]'s names; empty means `to_apply`.
 */
status: string, number: string, valid_from: string, valid_until: string, notes: string, };

export type ProgrammeKind = "meeting" | "workshop" | "visit" | "ceremony" | "meal" | "transfer" | "other";

/**
 * Who attends a hosted item.
 */
export type Audience = "all" | "group" | "vip";

export type ProgrammeItem = { id: string, delegation_id: string, kind: ProgrammeKind, title: string, 
/**
 * The title in English, for the bilingual programme and the English papers; empty: the
 * Vietnamese title serves both.
 */
title_en: string, on_date: string, 
/**
 * Local `HH:MM` at the venue, or empty for an all-day item.
 */
starts_at: string | null, ends_at: string | null, venue: string, room: string, responsible_id: string | null, audience: Audience, 
/**
 * Which group, when the audience is a group.
 */
audience_note: string, notes: string, created_at: string, updated_at: string, };

export type ProgrammeItemInput = { 
/**
 * One of [`ProgrammeKind`]'s names; empty means `other`.
 */
kind: string, title: string, title_en: string, on_date: string, starts_at: string, ends_at: string, venue: string, room: string, responsible_id: string | null, 
/**
 * One of [`Audience`]'s names; empty means `all`.
 */
audience: string, audience_note: string, notes: string, };

export type TaskStatus = "todo" | "doing" | "done" | "cancelled";

export type Task = { id: string, delegation_id: string, title: string, assignee_id: string | null, due_on: string | null, status: TaskStatus, notes: string, created_at: string, updated_at: string, };

export type TaskInput = { title: string, assignee_id: string | null, due_on: string, 
/**
 * One of [`TaskStatus`]'s names; empty means `todo`.
 */
status: string, notes: string, };

export type ExpenseKind = "estimate" | "advance" | "actual";

export type ExpenseCategory = "airfare" | "accommodation" | "per_diem" | "visa" | "insurance" | "registration" | "local_transport" | "gifts" | "hosting" | "other";

/**
 * An amount of money: an integer count of the currency's minor units (cents, xu, ...).
 */
export type Money = { currency: string, 
/**
 * In minor units: 12.50 USD is 1250; 3,000,000 VND is 3000000.
 */
minor: number, };

export type Expense = { id: string, delegation_id: string, 
/**
 * The member it is for, or none for the delegation as a whole.
 */
person_id: string | null, kind: ExpenseKind, category: ExpenseCategory, description: string, amount: Money, 
/**
 * VND per one major unit of the currency, as a decimal string ("17250.5"); empty for
 * VND amounts.
 */
rate_to_vnd: string, rate_date: string | null, 
/**
 * Where the rate comes from ("Vietcombank selling rate").
 */
rate_source: string, spent_on: string | null, 
/**
 * The receipt, an attachment.
 */
receipt_id: string | null, created_at: string, updated_at: string, };

export type ExpenseInput = { person_id: string | null, kind: string, category: string, description: string, currency: string, 
/**
 * Major units with a dot for decimals: "1234.50".
 */
amount: string, rate_to_vnd: string, rate_date: string, rate_source: string, spent_on: string, receipt_id: string | null, };

/**
 * An expense with its amount in VND at its own recorded rate.
 */
export type ExpenseView = { expense: Expense, 
/**
 * `None` for a foreign amount with no rate yet.
 */
vnd: number | null, };

export type AttachmentKind = "invitation" | "decision" | "ticket" | "photo" | "receipt" | "letter" | "other";

export type Attachment = { id: string, delegation_id: string | null, person_id: string | null, kind: AttachmentKind, file_name: string, 
/**
 * Sniffed from the content: `image/jpeg`, `image/png`, `application/pdf`, ...
 */
media_type: string, size_bytes: number, 
/**
 * Lower-case hex SHA-256 of the content.
 */
sha256: string, caption: string, created_at: string, updated_at: string, };

export type AttachmentInput = { delegation_id: string | null, person_id: string | null, 
/**
 * One of [`AttachmentKind`]'s names; empty: `photo` for images, else `other`.
 */
kind: string, file_name: string, caption: string, };

export type SearchHit = { record_id: string, 
/**
 * The delegation to open for this hit (itself, or the one an item belongs to).
 */
delegation_id: string | null, label: string, detail: string, };

export type SearchGroup = { 
/**
 * `person`, `organisation`, `delegation`, `programme_item` or `mission_report`.
 */
kind: string, hits: Array<SearchHit>, };

/**
 * A delegation on the calendar, with who is away on it.
 */
export type CalendarEntry = { delegation: Delegation, people: Array<CalendarPerson>, };

/**
 * One person away with a delegation, on their own days.
 */
export type CalendarPerson = { person_id: string, name: string, first_day: string, last_day: string, };

export type Language = "vi" | "en";

export type ReportStatus = "draft" | "final";

/**
 * A photo chosen for the report: an attachment and the caption printed under it.
 */
export type ReportPhoto = { attachment_id: string, caption: string, };

export type MissionReport = { id: string, delegation_id: string, language: Language, 
/**
 * "05/BC-TVQG": the number as printed after "Số:".
 */
number: string, 
/**
 * "Hà Nội".
 */
place: string, report_date: string, 
/**
 * "Kính gửi": one line each.
 */
recipients: Array<string>, 
/**
 * 1. Purpose and requirements (rich text, see `richtext`).
 */
purpose: string, 
/**
 * 3. Programme and activities: what is written beyond the programme items.
 */
activities: string, 
/**
 * 4. Results.
 */
results: string, 
/**
 * 5. Assessment.
 */
assessment: string, 
/**
 * 6. Proposals.
 */
proposals: string, photos: Array<ReportPhoto>, 
/**
 * "Nơi nhận": one line each, the last usually "Lưu: VT, HTQT".
 */
received_by: Array<string>, 
/**
 * "KT. GIÁM ĐỐC" — empty when the head signs in their own name.
 */
signatory_authority: string, 
/**
 * "PHÓ GIÁM ĐỐC".
 */
signatory_position: string, signatory_name: string, status: ReportStatus, 
/**
 * Increases each time the report is saved; exported versions are kept.
 */
version: number, created_at: string, updated_at: string, };

export type MissionReportInput = { 
/**
 * `vi` (default) or `en`.
 */
language: string, number: string, place: string, report_date: string, recipients: Array<string>, purpose: string, activities: string, results: string, assessment: string, proposals: string, photos: Array<ReportPhoto>, received_by: Array<string>, signatory_authority: string, signatory_position: string, signatory_name: string, };

/**
 * A saved state of a report: what was printed or made final, kept for good.
 */
export type ReportVersion = { id: string, report_id: string, version: number, 
/**
 * `exported`, `finalised` or `reopened`.
 */
reason: string, report: MissionReport, created_at: string, };

/**
 * Where the signing key is.
 */
export type SignKeyKind = "p12" | "pkcs11";

/**
 * The key chosen in the Sign dialog.
 */
export type SignKeyInput = { kind: SignKeyKind, 
/**
 * The token's slot; the first slot with a token when absent.
 */
slot: number | null, 
/**
 * The key's label on the token; the first key when empty.
 */
key_label: string, };

/**
 * Which picture of a visible signature Settings keep.
 */
export type SignImageKind = "signature" | "seal";

/**
 * A root certificate the office trusts, added in Settings.
 */
export type TrustedRoot = { 
/**
 * The SHA-256 of the certificate (hex): names it for removal.
 */
id: string, 
/**
 * The file it was added from.
 */
file_name: string, 
/**
 * The certificate's subject.
 */
subject: string, 
/**
 * The end of its validity (RFC 3339).
 */
not_after: string, };

/**
 * Settings → Signature, as the screen shows it.
 */
export type SigningSetup = { 
/**
 * The signer's signature image as a `data:image/png;base64,` URL, for the preview.
 */
signature_image: string | null, 
/**
 * The agency's seal image, likewise.
 */
seal_image: string | null, 
/**
 * The seal's real width in millimetres.
 */
seal_mm: number, trusted_roots: Array<TrustedRoot>, };

/**
 * One signature of a PDF, as `desk verify --json` reports it.
 */
export type SignatureCheck = { 
/**
 * The signer's name on the certificate.
 */
signer: string, 
/**
 * The certificate's issuer and serial number (hex).
 */
issuer: string, serial: string, 
/**
 * The certificate's validity (RFC 3339).
 */
not_before: string, not_after: string, 
/**
 * The signing time in Viet Nam time (RFC 3339, +07:00).
 */
signing_time: string | null, 
/**
 * The signed bytes still hash to the signature's digest.
 */
digest_ok: boolean, 
/**
 * The signature was made by the certificate's key.
 */
signature_ok: boolean, 
/**
 * Bytes added after the signed part (0: the signature covers the whole file).
 */
bytes_after: number, 
/**
 * The certificate was valid at the signing time and allows signing.
 */
certificate_ok: boolean, 
/**
 * The chain from the signer up.
 */
chain: Array<string>, 
/**
 * The chain ends at a root the office trusts (Settings → Signature).
 */
trusted: boolean, };

/**
 * What a PDF's signatures say.
 */
export type PdfVerification = { file_name: string, signatures: Array<SignatureCheck>, };

/**
 * A laid-out document as the window previews it: the same boxes the PDF draws, in points
 * from the top-left corner of each page.
 */
export type DocumentPreview = { page_width: number, page_height: number, pages: Array<Array<PreviewItem>>, 
/**
 * Photos as `data:` URLs, referenced by index.
 */
images: Array<string>, 
/**
 * Characters the font cannot print (they would show as empty boxes).
 */
missing_glyphs: Array<string>, };

export type PreviewItem = { "kind": "text", text: string, x: number, baseline: number, size: number, bold: boolean, italic: boolean, 
/**
 * Extra space after each space (justification), in points.
 */
word_gap: number, } | { "kind": "rule", x1: number, y1: number, x2: number, y2: number, thickness: number, } | { "kind": "shape", points: Array<number>, 
/**
 * CSS colour, "rgb(31, 78, 121)".
 */
fill: string, } | { "kind": "image", image: number, x: number, y: number, width: number, height: number, };

/**
 * How urgent an item is; the order is the order of the Today screen.
 */
export type Severity = "overdue" | "due_soon" | "info";

/**
 * What an agenda item is about. Stable names: the UI translates by them.
 */
export type AgendaKind = "delegation_starts" | "delegation_ends" | "segment_departs" | "segment_arrives" | "passport_missing" | "passport_expiring" | "visa_not_granted" | "overlapping_trip" | "days_outside_trip" | "report_due" | "settlement_due" | "hosting_request_due" | "task_due";

/**
 * One line of the agenda. The English `message` is for the terminal; the UI builds its own
 * sentence from `kind` and the parameters, each named for what it holds.
 */
export type AgendaItem = { kind: AgendaKind, severity: Severity, 
/**
 * The day the item falls on: the travel day, the deadline, the departure a passport or
 * visa is needed for, the first shared day of two trips, a task's due date.
 */
due_on: string | null, 
/**
 * `due_on` minus today, in days: negative when overdue, 0 today.
 */
days_left: number | null, delegation_id: string | null, delegation_title: string, direction: Direction | null, 
/**
 * The person concerned (passport, visa, overlap, days outside).
 */
person_id: string | null, person_name: string, task_id: string | null, segment_id: string | null, 
/**
 * The other delegation of an overlap.
 */
other_delegation_id: string | null, 
/**
 * What else the sentence names: a task's title, the other delegation's title, a
 * segment as "VN 651 HAN → SIN".
 */
subject: string, 
/**
 * The delegation's country (the visa's, for a visa item).
 */
country: string, 
/**
 * A second date the sentence needs: the passport's expiry; the return for a report or
 * settlement; the first day for a request to host.
 */
related_on: string | null, 
/**
 * The rule's number behind a deadline or a passport item: months of passport validity
 * required after the return; days before departure for a visa; days after the return
 * for a report or settlement; days before the first day for a request to host.
 */
threshold: number | null, message: string, };

/**
 * So many lines of each section of the Today screen: how many to send, or how many there are.
 */
export type SectionCounts = { overdue: number, due_soon: number, info: number, };

/**
 * The Today screen's agenda: the first lines of each section, most urgent first, and how
 * many each section holds in all. An office's whole history can have thousands of lines
 * due (2,599 on twenty synthetic years, 1.46 MB as JSON); the window asks for the few it
 * draws.
 */
export type AgendaSections = { items: Array<AgendaItem>, counts: SectionCounts, };

/**
 * One segment as the itinerary shows it.
 */
export type Leg = { segment: Segment, 
/**
 * UTC offset at departure, "+07:00".
 */
departs_offset: string, 
/**
 * UTC offset at arrival, "+08:00".
 */
arrives_offset: string, 
/**
 * Minutes from departure to arrival across zones; `None` if a stored zone is unknown.
 */
duration_minutes: number | null, 
/**
 * "2 h 20 min", or empty.
 */
duration: string, 
/**
 * The departure place as printed: an airport or city code with its name from the data
 * ("HAN – Noi Bai International Airport"), else the place as typed ("Hà Nội").
 */
from_label: string, to_label: string, };

/**
 * Something in the itinerary that deserves attention.
 */
export type ItineraryWarning = { "kind": "nights_without_stay", 
/**
 * The city, as typed on the arriving segment ("SIN").
 */
place: string, arriving_segment_id: string, leaving_segment_id: string, 
/**
 * Each night without a stay, as the date it begins.
 */
nights: Array<string>, person_ids: Array<string>, person_names: Array<string>, };

/**
 * The itinerary of a delegation, or of one person in it.
 */
export type Itinerary = { delegation: Delegation, 
/**
 * The person this itinerary is restricted to, if any.
 */
person_id: string | null, 
/**
 * Segments in the order they depart (by the instant, not the local clock).
 */
legs: Array<Leg>, stays: Array<Stay>, warnings: Array<ItineraryWarning>, };

/**
 * What a typed place was recognised as.
 */
export type PlaceKind = "airport" | "city_code" | "city" | "zone_city";

/**
 * A place recognised in what the user typed, with its time zone.
 */
export type Place = { kind: PlaceKind, 
/**
 * The IATA code when the place is, or has exactly one, airport; else empty.
 */
code: string, 
/**
 * What to show: the airport's name, or the city.
 */
name: string, 
/**
 * The city, as the data writes it ("Hanoi"); may be empty for a remote airfield.
 */
city: string, 
/**
 * ISO 3166-1 alpha-2, or empty when the place is only known by its zone.
 */
country: string, 
/**
 * IANA zone.
 */
tz: string, };

/**
 * What a user asks for when estimating: which table (none: the one in force on the
 * delegation's first day) and the exchange rate for the table's currency (all three
 * fields, or none of them).
 */
export type EstimateRequest = { table_id: string | null, 
/**
 * VND per unit of the table's currency: "23500".
 */
rate: string, 
/**
 * `YYYY-MM-DD`.
 */
rate_date: string, rate_source: string, };

/**
 * An exchange rate to VND, with the day it was read and where.
 */
export type ExchangeRate = { 
/**
 * The foreign currency (ISO 4217).
 */
currency: string, 
/**
 * VND per one major unit, as a decimal string ("22300" or "22310.5").
 */
rate: string, date: string, 
/**
 * "Vietcombank, tỷ giá bán".
 */
source: string, };

/**
 * How a line's amount was reached.
 */
export type Basis = { "kind": "per_diem", days: number, first_day: string, last_day: string, rate: Money, group: string, level: string, } | { "kind": "accommodation", nights: number, rate: Money, group: string, level: string, } | { "kind": "entered", description: string, };

/**
 * Where an estimate line comes from.
 */
export type LineSource = "table" | "entered";

export type EstimateLine = { 
/**
 * The member it is for; none for the delegation as a whole.
 */
person_id: string | null, 
/**
 * Their name as written; empty for the delegation as a whole.
 */
person_name: string, category: ExpenseCategory, source: LineSource, 
/**
 * The estimate expense behind an entered line.
 */
expense_id: string | null, amount: Money, 
/**
 * The amount in VND, when a rate is known.
 */
vnd: number | null, 
/**
 * The rate used for `vnd` (VND per unit, "22300"); empty for VND or when none is known.
 */
rate: string, basis: Basis, 
/**
 * How it was computed, in English: "5 days (2016-09-05 – 2016-09-09) × 70.00 USD
 * (group B, leader)". [`EstimateLine::explain`] gives it in Vietnamese too.
 */
explanation: string, };

/**
 * Why a line is shown but not counted.
 */
export type Exclusion = { "kind": "sponsored", funding: Funding, } | { "kind": "computed_by_table" } | { "kind": "no_group", country: string, } | { "kind": "no_rate", group: string, level: string, };

/**
 * A line left out of the totals, and why.
 */
export type ExcludedLine = { person_id: string | null, person_name: string, category: ExpenseCategory, source: LineSource, expense_id: string | null, 
/**
 * What it would have cost, when that is known.
 */
amount: Money | null, 
/**
 * How that amount was reached, when it is known.
 */
basis: Basis | null, reason: Exclusion, 
/**
 * In English, like [`EstimateLine::explanation`].
 */
explanation: string, };

/**
 * One member's (or the delegation's) subtotal.
 */
export type PersonTotal = { person_id: string | null, person_name: string, 
/**
 * One amount per currency, in code order.
 */
totals: Array<Money>, 
/**
 * `None` when a line of theirs has no VND amount.
 */
vnd: number | null, };

/**
 * A computed estimate: which table it used, every line with how it was reached, what was
 * left out, and the totals.
 */
export type Estimate = { delegation_id: string, table_id: string, 
/**
 * The regulation the figures come from, as the table names it.
 */
table_name: string, table_valid_from: string, 
/**
 * The table's currency.
 */
currency: string, 
/**
 * The user's rate for the table's currency, if given.
 */
exchange: ExchangeRate | null, lines: Array<EstimateLine>, excluded: Array<ExcludedLine>, 
/**
 * Per member (in the delegation's order), then the delegation as a whole.
 */
people: Array<PersonTotal>, 
/**
 * One amount per currency, in code order.
 */
totals: Array<Money>, 
/**
 * The sum of the lines' VND; `None` when a line could not be converted.
 */
total_vnd: number | null, 
/**
 * Currencies with no rate to VND (give one to get a VND total).
 */
unconverted: Array<string>, };

/**
 * An estimate kept as it was computed, with the table it used: what was approved.
 */
export type SavedEstimate = { id: string, delegation_id: string, table_name: string, table_valid_from: string, estimate: Estimate, created_at: string, };

/**
 * How a line differs between two estimates.
 */
export type ChangeKind = "added" | "removed" | "changed";

/**
 * One line that differs between a saved estimate and a new computation.
 */
export type LineChange = { change: ChangeKind, person_id: string | null, person_name: string, category: ExpenseCategory, source: LineSource, before: Money | null, after: Money | null, before_vnd: number | null, after_vnd: number | null, before_explanation: string, after_explanation: string, };

/**
 * A fresh estimate beside the last saved one, and what changed since.
 */
export type EstimateReview = { estimate: Estimate, saved: SavedEstimate | null, changes: Array<LineChange>, };

/**
 * Estimate, advance and actual in one currency (or in VND), and the balance.
 */
export type Figures = { currency: string, estimate: number, advance: number, actual: number, 
/**
 * Actual above advance: what the agency still pays the member (never negative).
 */
to_pay: number, 
/**
 * Advance above actual: what the member pays back (never negative).
 */
owed_back: number, };

/**
 * One line of money behind the settlement: an expense, or a line of the saved estimate.
 */
export type SettlementLine = { 
/**
 * The expense; none for a line of a saved estimate.
 */
expense_id: string | null, person_id: string | null, person_name: string, kind: ExpenseKind, category: ExpenseCategory, description: string, amount: Money, vnd: number | null, 
/**
 * The rate used, as recorded ("22310"); empty for VND or when none is known.
 */
rate_to_vnd: string, rate_date: string | null, spent_on: string | null, receipt_id: string | null, };

/**
 * One member's account, or the delegation's shared one (no person).
 */
export type SettlementParty = { person_id: string | null, 
/**
 * Empty for the delegation's shared expenses.
 */
name: string, 
/**
 * One row per currency, in code order.
 */
by_currency: Array<Figures>, 
/**
 * Everything converted to VND (lines without a rate left out; see `unconverted`).
 */
vnd: Figures, 
/**
 * Actual expenses (other than per diem) without a receipt.
 */
missing_receipts: number, 
/**
 * Lines in a foreign currency without a rate.
 */
unconverted: number, };

/**
 * Where the estimate column comes from.
 */
export type EstimateFrom = { "kind": "saved", estimate_id: string, saved_at: string, table_name: string, table_valid_from: string, } | { "kind": "entered" };

export type Settlement = { delegation_id: string, estimate_from: EstimateFrom, 
/**
 * Members in the delegation's order, then anyone else with expenses, then the
 * delegation's shared account.
 */
parties: Array<SettlementParty>, by_currency: Array<Figures>, vnd: Figures, lines: Array<SettlementLine>, missing_receipts: number, unconverted: number, };

/**
 * The caps for one group and staff level, per day and per night, in the table's currency.
 */
export type LevelRate = { 
/**
 * A [`CountryGroup::code`].
 */
group: string, 
/**
 * A [`crate::Person::staff_level`] ("leader", "staff"), or `*` for any other level.
 */
level: string, 
/**
 * Daily allowance, in minor units of the table's currency (70 USD is 7000).
 */
per_diem: number, 
/**
 * Accommodation cap per night, in minor units of the table's currency.
 */
accommodation: number, };

/**
 * A group of countries sharing one set of rates ("Nhóm A").
 */
export type CountryGroup = { 
/**
 * Short code the rates refer to: "A", "B".
 */
code: string, 
/**
 * What the regulation calls it: "Nhóm A: châu Âu, Bắc Mỹ...".
 */
label: string, 
/**
 * ISO 3166-1 alpha-2 codes, or `*` for every country no other group lists.
 */
countries: Array<string>, };

/**
 * The expense categories a sponsor pays for when a delegation has this funding; the
 * estimate leaves them out.
 */
export type SponsorCover = { 
/**
 * `sponsored` or `mixed` (a state-budget trip has no sponsor).
 */
funding: Funding, categories: Array<ExpenseCategory>, };

/**
 * A per-diem regulation as the office keeps it.
 */
export type RateTable = { id: string, 
/**
 * The regulation, as cited: "Thông tư 102/2012/TT-BTC (ví dụ)".
 */
name: string, 
/**
 * The first day the table applies to (a trip starting on or after it).
 */
valid_from: string, 
/**
 * ISO 4217 code of every amount in the table (USD in the Vietnamese circulars).
 */
currency: string, notes: string, groups: Array<CountryGroup>, rates: Array<LevelRate>, 
/**
 * What a sponsor pays for, by the delegation's funding.
 */
sponsor_covers: Array<SponsorCover>, created_at: string, updated_at: string, };

export type Settings = { 
/**
 * "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH": the parent agency on the report's header.
 */
parent_agency: string, 
/**
 * "THƯ VIỆN QUỐC GIA VIỆT NAM".
 */
agency: string, 
/**
 * The same two in English for English documents.
 */
parent_agency_en: string, agency_en: string, 
/**
 * The suffix of report numbers: "BC-TVQG" gives "05/BC-TVQG".
 */
report_number_prefix: string, 
/**
 * "Hà Nội".
 */
place: string, place_en: string, 
/**
 * Default "Kính gửi" recipients, one per line.
 */
report_recipients: Array<string>, 
/**
 * Default "Nơi nhận" lines.
 */
report_received_by: Array<string>, 
/**
 * Who signs the office's papers (annual report, estimates, settlements, letters): on
 * whose behalf ("KT. GIÁM ĐỐC"), the position ("PHÓ GIÁM ĐỐC") and the full name printed
 * under the space for the signature and seal.
 */
signatory_authority: string, signatory_position: string, signatory_name: string, 
/**
 * The same three for English papers ("P.P. THE DIRECTOR", "DEPUTY DIRECTOR", the name as
 * in the passport). Empty: the usual Vietnamese forms are translated and the name is
 * written in its passport form.
 */
signatory_authority_en: string, signatory_position_en: string, signatory_name_en: string, 
/**
 * "Kính gửi" and "Nơi nhận" lines for English papers; empty: the Vietnamese lines, with
 * the usual fixed phrases ("Như trên", "Lưu: …") translated.
 */
report_recipients_en: Array<string>, report_received_by_en: Array<string>, 
/**
 * A mission report is due this many days after the return.
 */
report_due_days: number, 
/**
 * A settlement is due this many days after the return.
 */
settlement_due_days: number, 
/**
 * Warn when a passport expires less than this many months after the return.
 */
passport_months: number, 
/**
 * Warn when a visa is not granted this many days before departure.
 */
visa_days: number, 
/**
 * The request to host a delegation is due this many days before it arrives.
 */
hosting_request_days: number, 
/**
 * ... or this many when the Prime Minister decides.
 */
pm_hosting_request_days: number, };

/**
 * One backup of the database, as `desk backups --json` and the Backups screen list them.
 */
export type BackupInfo = { 
/**
 * The backup file (the CLI gives its path; the window only its name).
 */
file: string, 
/**
 * When it was made (RFC 3339, UTC).
 */
made_at: string, 
/**
 * Its size in bytes.
 */
size: number, 
/**
 * Whether its copy passed SQLite's integrity check (a copy left half-made says false).
 */
verified: boolean, 
/**
 * Why it was made: daily, manual, migration, import, guest-import, purge, restore.
 */
reason: string, };

/**
 * Settings → Sync: whether this device shares a folder, and what waits.
 */
export type SyncStatus = { 
/**
 * The folder's name (never its path), once chosen.
 */
folder: string | null, 
/**
 * This device has joined the folder (synced at least once).
 */
joined: boolean, 
/**
 * This device's name as the others see it.
 */
device_name: string, 
/**
 * The passphrase is kept (system keyring or DESK_SYNC_PASSPHRASE): "Sync now" needs
 * nothing typed.
 */
passphrase_kept: boolean, open_conflicts: number, 
/**
 * The last sync that ended well (RFC 3339, UTC).
 */
last_sync: string | null, 
/**
 * Sync by itself: when the window opens, every five minutes, and when it closes (with
 * the passphrase kept; off until a person turns it on).
 */
auto: boolean, };

/**
 * What one sync did.
 */
export type SyncReport = { 
/**
 * This device's id in the folder.
 */
device: string, 
/**
 * This device joined the folder in this sync (from another device's snapshot, when its
 * database was empty).
 */
joined: boolean, 
/**
 * Changes of this device written to the folder.
 */
sent: number, 
/**
 * Changes of other devices applied.
 */
received: number, 
/**
 * Conflicts waiting for a person, after this sync.
 */
open_conflicts: number, 
/**
 * Devices whose changes wait for this copy of the desk to be updated (they were made by
 * a newer one); nothing of theirs is lost, it is applied after the update.
 */
held_back: Array<string>, };

/**
 * A change that met another on a second device, from this device's side.
 */
export type SyncConflict = { id: string, 
/**
 * The table of the record: `delegation`, `person`, `member`, …
 */
record_kind: string, record_id: string, 
/**
 * The record's name or title as search shows it.
 */
record_label: string, 
/**
 * The field, or `*` for the whole record (edited on one side, deleted on the other, or
 * two records that clash on a unique rule).
 */
field: string, 
/**
 * This device's value (`null` where the record is deleted).
 */
mine: unknown, theirs: unknown, 
/**
 * The other device's name.
 */
their_device: string, 
/**
 * When the other side's change was made (RFC 3339, UTC).
 */
their_time: string, 
/**
 * Which side the records hold now: `mine` or `theirs`.
 */
applied: string, };

/**
 * Which side of a conflict a person keeps.
 */
export type Keep = "mine" | "theirs";

/**
 * Whether the window can use its database, and the backups it could restore: the unlock
 * screen shows when `problem` is locked, the recovery screen when it is anything else.
 */
export type DatabaseStatus = { 
/**
 * Why the database is not open (or was found damaged), if it is not.
 */
problem: DeskError | null, 
/**
 * The database's file name (never its path).
 */
name: string, 
/**
 * Its backups, the newest first (names only).
 */
backups: Array<BackupInfo>, };

export type AuditEntry = { id: number, 
/**
 * RFC 3339, UTC.
 */
at: string, 
/**
 * The operating-system user who made the change.
 */
actor: string, 
/**
 * The kind of record: "delegation", "person", ...
 */
entity: string, entity_id: string, 
/**
 * "title", or "*" for the creation or deletion of the whole record.
 */
field: string, 
/**
 * JSON of the old value (the whole record, less private and empty fields, when it was
 * deleted); `None` when the record was created.
 */
old_value: string | null, 
/**
 * JSON of the new value; `None` when the record was created (its first values are the
 * record's own, and the old values of the changes after it) or deleted.
 */
new_value: string | null, 
/**
 * The machine the change was made on (its name), when it came from another one through
 * sync; `None` for this machine's own changes.
 */
device: string | null, };

/**
 * A range of days, both ends included.
 */
export type StatsRange = { from: string, to: string, };

/**
 * A range as typed (`YYYY-MM-DD` twice), e.g. in the Statistics screen or on the command
 * line.
 */
export type StatsRangeInput = { from: string, to: string, };

/**
 * Some delegations and how many they are: what one bar of a chart or one cell shows.
 */
export type Tally = { count: number, delegation_ids: Array<string>, };

/**
 * Money in VND, by kind, over some delegations (counting rule 5).
 */
export type MoneyTotals = { 
/**
 * Actual expenses.
 */
actual_vnd: number, 
/**
 * Estimates.
 */
estimate_vnd: number, 
/**
 * Advances, apart: settled by the actual expenses, so in neither of the others.
 */
advance_vnd: number, 
/**
 * Each delegation's actual expenses if it has any, else its estimate.
 */
cost_vnd: number, 
/**
 * The delegations whose cost is their estimate (no actual expense recorded yet).
 */
estimated_ids: Array<string>, };

/**
 * One group of delegations (a country, an organisation, an event), both directions.
 */
export type StatsBucket = { 
/**
 * What groups them: an ISO country code, an organisation id, an event as written
 * (lower-cased); empty for "none given".
 */
key: string, 
/**
 * What to show: the country code (the UI names it in its language), the organisation's
 * name, the event as first written; empty for "none given".
 */
label: string, outgoing: Tally, incoming: Tally, 
/**
 * Delegations in both directions.
 */
total: number, 
/**
 * Trips (members) in those delegations.
 */
trips: number, };

/**
 * One month: delegations out and in that start in it.
 */
export type MonthStats = { 
/**
 * "2017-11".
 */
month: string, outgoing: Tally, incoming: Tally, };

/**
 * Delegations by who pays, with their money.
 */
export type FundingStats = { funding: Funding, outgoing: Tally, incoming: Tally, total: number, money: MoneyTotals, };

/**
 * One person's trips abroad.
 */
export type PersonDays = { person_id: string, full_name: string, 
/**
 * The unit they are counted under (counting rule 4); empty for none.
 */
unit: string, trips: number, days: number, delegation_ids: Array<string>, };

/**
 * One unit's trips abroad.
 */
export type UnitDays = { 
/**
 * The unit as written, or the organisation's name (counting rule 4); empty for none.
 */
unit: string, people: number, trips: number, days: number, delegation_ids: Array<string>, };

/**
 * Where a delegation's mission report stands (counting rule 6).
 */
export type ReportState = "on_time" | "late" | "late_unfiled" | "pending" | "not_required";

/**
 * Mission reports of the outgoing delegations, by state.
 */
export type ReportTimeliness = { due_days: number, on_time: Tally, late: Tally, late_unfiled: Tally, pending: Tally, };

/**
 * One delegation as the annex lists it, with its own figures.
 */
export type DelegationLine = { id: string, direction: Direction, title: string, 
/**
 * The first country of the trip; the further ones are `more_destinations`.
 */
country: string, cities: string, more_destinations: Array<Destination>, event: string, 
/**
 * The host or visiting organisation's name; empty if none.
 */
organisation: string, starts_on: string, ends_on: string, status: DelegationStatus, funding: Funding, 
/**
 * Trips: its members.
 */
members: number, 
/**
 * Person-days abroad (outgoing only, else 0).
 */
person_days: number, actual_vnd: number, estimate_vnd: number, advance_vnd: number, cost_vnd: number, 
/**
 * No actual expense yet: the cost is the estimate.
 */
cost_is_estimate: boolean, report: ReportState, report_due_on: string | null, 
/**
 * The date of the final report, if filed.
 */
report_filed_on: string | null, };

/**
 * An expense left out of the sums: a foreign amount with no rate to VND.
 */
export type UnconvertedExpense = { expense_id: string, delegation_id: string, kind: ExpenseKind, amount: Money, };

/**
 * The headline figures of a range.
 */
export type StatsTotals = { outgoing: Tally, incoming: Tally, 
/**
 * Both directions.
 */
delegations: number, 
/**
 * Cancelled, not counted anywhere else.
 */
cancelled: Tally, trips_outgoing: number, trips_incoming: number, trips: number, people_outgoing: number, people_incoming: number, 
/**
 * Distinct people over both directions.
 */
people: number, person_days_abroad: number, money: MoneyTotals, reports: ReportTimeliness, };

/**
 * A figure compared with the previous range.
 */
export type StatsMetric = "outgoing" | "incoming" | "delegations" | "trips" | "people" | "person_days_abroad" | "actual_vnd" | "estimate_vnd" | "cost_vnd" | "reports_on_time" | "reports_late";

export type Trend = "up" | "down" | "same";

/**
 * One figure, now and in the previous range.
 */
export type StatsChange = { metric: StatsMetric, current: number, previous: number, 
/**
 * `current - previous`.
 */
delta: number, trend: Trend, 
/**
 * The change in percent of the previous figure, one decimal ("12.5", "-100"); none
 * when the previous figure is 0.
 */
percent: string | null, };

/**
 * Everything the Statistics screen and the annual report show about a range.
 */
export type YearStats = { range: StatsRange, previous_range: StatsRange, as_of: string, totals: StatsTotals, 
/**
 * The same figures for the previous range.
 */
previous: StatsTotals, changes: Array<StatsChange>, 
/**
 * Every month of the range, in order, even empty ones.
 */
by_month: Array<MonthStats>, 
/**
 * Ranked (counting rule 8).
 */
by_country: Array<StatsBucket>, 
/**
 * By host (outgoing) or visiting (incoming) organisation, ranked.
 */
by_organisation: Array<StatsBucket>, 
/**
 * By event, ranked.
 */
by_event: Array<StatsBucket>, 
/**
 * State budget, sponsored, mixed: always the three, in that order.
 */
by_funding: Array<FundingStats>, 
/**
 * By status (Cancelled apart, in `cancelled`).
 */
by_status: Array<StatsBucket>, 
/**
 * Person-days abroad per person, the most days first.
 */
person_days_by_person: Array<PersonDays>, 
/**
 * Person-days abroad per unit, the most days first.
 */
person_days_by_unit: Array<UnitDays>, 
/**
 * Every counted delegation, by first day.
 */
delegations: Array<DelegationLine>, 
/**
 * Cancelled delegations of the range, not counted elsewhere.
 */
cancelled: Array<DelegationLine>, 
/**
 * Expenses not converted to VND for want of a rate (counting rule 5).
 */
unconverted: Array<UnconvertedExpense>, };

/**
 * What a column of the history sheet holds.
 */
export type HistoryField = "direction" | "title" | "purpose" | "country" | "cities" | "starts_on" | "ends_on" | "period" | "members" | "partner" | "funding" | "decision_number" | "notes";

/**
 * Which column holds what, when the headers alone do not say: `{"columns": {"Nội dung
 * chính": "title", "F": "members"}, "header_row": 4}`.
 */
export type HistoryMapping = { 
/**
 * Header text or column letter → field. Headers match without case or diacritics.
 */
columns: { [key in string]: HistoryField }, 
/**
 * The 1-based row holding the headers; `None`: found by looking for known headers.
 */
header_row: number | null, 
/**
 * Headers or column letters not to import.
 */
ignore: Array<string>, };

/**
 * One column of the sheet as read.
 */
export type HistoryColumn = { 
/**
 * Spreadsheet letter: "A", "B", ... "AA".
 */
column: string, 
/**
 * The header as written.
 */
header: string, 
/**
 * What it holds; `None`: not imported.
 */
field: HistoryField | null, mapped_by: MappedBy | null, };

/**
 * A person named in the members cell: "Nguyễn Thị Hồng Nhung (Phó Giám đốc)".
 */
export type HistoryMember = { 
/**
 * As written, cleaned (NFC, trimmed, single spaces).
 */
full_name: string, 
/**
 * What stood in parentheses, if anything.
 */
title: string, 
/**
 * The person already in the directory with exactly this name, when there is one.
 */
person_id: string | null, };

/**
 * One past delegation as read from its row.
 */
export type HistoryTrip = { direction: Direction | null, title: string, purpose: string, 
/**
 * ISO codes, in the order written.
 */
countries: Array<string>, cities: string, starts_on: string | null, ends_on: string | null, members: Array<HistoryMember>, 
/**
 * Partner organisations by name, as written.
 */
partners: Array<string>, funding: Funding | null, decision_number: string, notes: string, };

/**
 * What is wrong with a row of the history sheet.
 */
export type HistoryProblemKind = "missing_title" | "missing_start" | "bad_date" | "end_before_start" | "unknown_country" | "bad_value" | "duplicate_in_file" | "possible_match";

/**
 * One problem, named by row and column.
 */
export type HistoryProblem = { 
/**
 * 1-based spreadsheet row.
 */
row: number, 
/**
 * Spreadsheet letter of the column, or empty when the problem is the whole row's.
 */
column: string, field: HistoryField | null, kind: HistoryProblemKind, 
/**
 * An English sentence naming row, column and what is wrong.
 */
message: string, };

/**
 * A name in the file that may be a person already in the directory.
 */
export type PossibleMatch = { 
/**
 * The name as written in the file.
 */
written: string, person_id: string, 
/**
 * Their name as the directory has it.
 */
full_name: string, };

/**
 * The delegation already recorded that a row describes.
 */
export type KnownTrip = { delegation_id: string, title: string, };

/**
 * One row of the sheet with what was read and what is wrong with it.
 */
export type HistoryRow = { 
/**
 * 1-based spreadsheet row.
 */
row: number, trip: HistoryTrip, problems: Array<HistoryProblem>, 
/**
 * Set when the trip is already in the database: the row is not added again.
 */
already_recorded: KnownTrip | null, 
/**
 * Names that may be known people, for a person to confirm or refuse.
 */
possible_matches: Array<PossibleMatch>, };

/**
 * The office's history as read from a file.
 */
export type HistorySheet = { file_name: string, 
/**
 * The worksheet read (empty for CSV).
 */
sheet: string, 
/**
 * 1-based row of the headers.
 */
header_row: number, columns: Array<HistoryColumn>, rows: Array<HistoryRow>, 
/**
 * Things worth knowing that are not problems ("column H \"STT\" is not imported").
 */
notes: Array<string>, };

/**
 * What a person decided about names the preview offered as possible matches.
 */
export type PeopleDecisions = { 
/**
 * Name as written → the known person it is.
 */
same: { [key in string]: string }, 
/**
 * Names as written that are new people, although they look like known ones.
 */
new: Array<string>, };

/**
 * What an import wrote.
 */
export type HistoryImported = { delegations: number, people_created: number, people_known: number, organisations_created: number, 
/**
 * Rows that describe trips already recorded (not added again).
 */
already_recorded: Array<number>, 
/**
 * Rows left out for their problems (with skip-invalid).
 */
skipped_rows: Array<number>, };

/**
 * What a guest-list column holds. The names of person fields are the names of
 * [`PersonInput`]'s fields, so a violation of the person rules points at its column.
 */
export type GuestField = "full_name" | "family_name" | "given_name" | "passport_name" | "passport_no" | "passport_expires_on" | "born_on" | "nationality" | "gender" | "organisation" | "title" | "unit" | "email" | "phone" | "dietary" | "access_needs" | "arrival_flight" | "arrival_date" | "arrival_time" | "arrival_from" | "departure_flight" | "departure_date" | "departure_time" | "departure_to" | "notes";

/**
 * A column mapping: which header (as written, or a column letter such as `"C"`) holds
 * which field. Given as a JSON file (`{"columns": {"Họ và tên": "full_name", "D":
 * "passport_no"}, "header_row": 3}`) or remembered per organisation after an import.
 */
export type GuestMapping = { 
/**
 * Header text or column letter → field. Headers match without case or diacritics.
 */
columns: { [key in string]: GuestField }, 
/**
 * The 1-based row holding the headers; `None`: found by looking for known headers.
 */
header_row: number | null, 
/**
 * Headers or column letters not to import, even when their header is a known name
 * (a "Name of spouse" column that reads like a name).
 */
ignore: Array<string>, };

/**
 * How a column came to mean what it means.
 */
export type MappedBy = "header" | "mapping" | "remembered";

/**
 * One column of the sheet as read.
 */
export type SheetColumn = { 
/**
 * Spreadsheet letter: "A", "B", ... "AA".
 */
column: string, 
/**
 * The header as written.
 */
header: string, 
/**
 * What it holds; `None`: not imported.
 */
field: GuestField | null, mapped_by: MappedBy | null, };

/**
 * A flight named on a guest's row.
 */
export type FlightInput = { 
/**
 * "VN 611".
 */
number: string, date: string | null, time: string | null, 
/**
 * The other end: where an arrival comes from, where a departure goes to.
 */
place: string, };

/**
 * One guest as read from one row, before any record exists.
 */
export type GuestInput = { person: PersonInput, 
/**
 * The organisation's name as written; matched or created by name.
 */
organisation: string, arrival: FlightInput | null, departure: FlightInput | null, };

/**
 * What is wrong with a row.
 */
export type ProblemKind = "missing_name" | "bad_date" | "bad_value" | "passport_expired" | "duplicate_person" | "duplicate_in_file" | "already_member";

/**
 * One problem, named by row and column.
 */
export type ImportProblem = { 
/**
 * 1-based spreadsheet row.
 */
row: number, 
/**
 * Spreadsheet letter of the column, or empty when the problem is the whole row's.
 */
column: string, field: GuestField | null, kind: ProblemKind, 
/**
 * An English sentence naming row, column and what is wrong.
 */
message: string, 
/**
 * The person already in the directory, for a duplicate.
 */
existing_person_id: string | null, 
/**
 * Their full name, so the window can say who without reading the directory.
 */
existing_person_name: string | null, };

/**
 * One row of the sheet with what was read and what is wrong with it.
 */
export type GuestRow = { 
/**
 * 1-based spreadsheet row.
 */
row: number, guest: GuestInput, problems: Array<ImportProblem>, };

/**
 * A guest list as read from a file: the preview, before (and after) the store has checked
 * it against the directory and the delegation.
 */
export type GuestSheet = { file_name: string, 
/**
 * The worksheet read (empty for CSV).
 */
sheet: string, 
/**
 * 1-based row of the headers.
 */
header_row: number, columns: Array<SheetColumn>, rows: Array<GuestRow>, 
/**
 * Things worth knowing that are not problems ("column H \"Remarks\" is not imported").
 */
notes: Array<string>, };

/**
 * A guest file as the window previews it: the sheet read and checked, and the worksheets
 * the file has (to choose another; empty for CSV).
 */
export type GuestFilePreview = { sheet: GuestSheet, sheets: Array<string>, };

/**
 * What an import did.
 */
export type GuestImported = { 
/**
 * New people, as created.
 */
people: Array<Person>, 
/**
 * Organisations created because no organisation had the name written.
 */
organisations_created: Array<Organisation>, 
/**
 * Members added (role guest).
 */
members: Array<Member>, 
/**
 * Flights created from the arrival and departure columns.
 */
segments_created: number, 
/**
 * Flights that already existed and gained a passenger.
 */
segments_joined: number, 
/**
 * Rows left out because they had problems (with `skip_invalid`).
 */
skipped_rows: Array<number>, };

/**
 * A guest with everything hosting needs about them: their record, organisation, flights,
 * rooms and whether they have arrived.
 */
export type GuestRecord = { member: Member, person: Person, organisation: Organisation | null, 
/**
 * Their first flight arriving in the host country.
 */
arrival: Segment | null, 
/**
 * Their last flight leaving it.
 */
departure: Segment | null, stays: Array<Stay>, 
/**
 * When they were ticked at the welcome desk (RFC 3339).
 */
checked_in_at: string | null, };

/**
 * A member's arrival at the welcome desk.
 */
export type CheckIn = { member_id: string, person_id: string, full_name: string, 
/**
 * RFC 3339, or `None`: not arrived yet.
 */
at: string | null, 
/**
 * Who ticked it.
 */
by: string, };

/**
 * One line of a checklist template: a duty due some days before the event's first day, with
 * its title in both languages.
 */
export type ChecklistLine = { 
/**
 * Vietnamese title.
 */
title: string, title_en: string, 
/**
 * Days before the first day (60 = two months ahead; negative = after it started).
 */
days_before: number, };

/**
 * A checklist template (data: `assets/checklists/hosting.json` is the default).
 */
export type ChecklistTemplate = { name: string, items: Array<ChecklistLine>, };

/**
 * What applying a checklist did.
 */
export type ChecklistApplied = { created: Array<Task>, 
/**
 * Titles already present, not added again.
 */
skipped: Array<string>, };

/**
 * A person as lists print them.
 */
export type PersonName = { person_id: string, full_name: string, passport_name: string, 
/**
 * ISO code.
 */
nationality: string, phone: string, };

export type TransferKind = "arrival" | "departure" | "local";

export type Transfer = { id: string, delegation_id: string, 
/**
 * The flight it meets or catches, if any.
 */
segment_id: string | null, kind: TransferKind, 
/**
 * Local pickup time, `YYYY-MM-DDTHH:MM`, in `time_zone`.
 */
at_local: string, time_zone: string, from_place: string, to_place: string, terminal: string, passenger_ids: Array<string>, vehicle: string, driver: string, driver_phone: string, notes: string, created_at: string, updated_at: string, };

export type TransferInput = { segment_id: string | null, 
/**
 * One of [`TransferKind`]'s names; empty means `arrival`.
 */
kind: string, at_local: string, time_zone: string, from_place: string, to_place: string, terminal: string, passenger_ids: Array<string>, vehicle: string, driver: string, driver_phone: string, notes: string, };

/**
 * One pickup or drop-off with its flight and passengers.
 */
export type TransferRow = { transfer: Transfer, segment: Segment | null, passengers: Array<PersonName>, };

/**
 * The transfers of one day, by time.
 */
export type TransferDay = { date: string, transfers: Array<TransferRow>, };

/**
 * The transport team's board: pickups by day and time, and who is not on any arrival
 * transfer yet.
 */
export type TransferBoard = { days: Array<TransferDay>, without_arrival_transfer: Array<PersonName>, };

/**
 * One room: its stay record and who sleeps in it.
 */
export type RoomRow = { stay: Stay, guests: Array<PersonName>, nights: number, };

/**
 * A hotel and its rooms, by room.
 */
export type HotelRooms = { hotel: string, address: string, rooms: Array<RoomRow>, };

/**
 * Nights per guest, summed over their rooms.
 */
export type GuestNights = { guest: PersonName, nights: number, 
/**
 * "Hotel Nikko Hanoi, Twin 501" (several joined with "; ").
 */
rooms: string, 
/**
 * Who shares with them.
 */
shares_with: Array<string>, };

/**
 * The rooming list for the hotel.
 */
export type RoomingList = { hotels: Array<HotelRooms>, nights: Array<GuestNights>, 
/**
 * Guests with no room.
 */
without_room: Array<PersonName>, };

/**
 * A programme item with the staff member in charge.
 */
export type ProgrammeLine = { item: ProgrammeItem, responsible: PersonName | null, };

/**
 * One day of the programme.
 */
export type ProgrammeDay = { date: string, lines: Array<ProgrammeLine>, };

/**
 * A paper the hosting kit prints as PDF.
 */
export type HostingPaper = "programme" | "transfers" | "rooming" | "badges" | "tent_cards" | "invitations" | "visa_letters";

/**
 * A list the hosting kit writes as a spreadsheet (XLSX or CSV).
 */
export type HostingList = "guests" | "rooming" | "transfers";

/**
 * What an export wrote.
 */
export type Written = { path: string, 
/**
 * Pages of a PDF; 0 for a spreadsheet.
 */
pages: number, 
/**
 * Names printed in another form, characters left blank.
 */
warnings: Array<string>, 
/**
 * Guests who got no letter (they need no visa).
 */
left_out: Array<string>, };

/**
 * How far a piece of work is: `done` of `total` steps (records, for an import).
 */
export type Progress = { done: number, total: number, };

/**
 * A paper the desk can print, named by what it is about.
 */
export type Paper = { "kind": "mission_report", delegation_id: string, language: Language, } | { "kind": "itinerary", delegation_id: string, person_id: string | null, language: Language, } | { "kind": "estimate", delegation_id: string, request: EstimateRequest, language: Language, } | { "kind": "settlement", delegation_id: string, language: Language, } | { "kind": "hosting", delegation_id: string, paper: HostingPaper, languages: Array<Language>, } | { "kind": "annual_report", range: StatsRangeInput, language: Language, country_names: { [key in string]: string }, };

/**
 * A printer the system offers.
 */
export type Printer = { name: string, is_default: boolean, };

/**
 * How to print, as chosen in the print dialog. Always A4 at 100 %.
 */
export type PrintRequest = { printer: string, copies: number, 
/**
 * Pages as typed ("1-3, 5"); empty for all.
 */
pages: string, 
/**
 * Both sides of the sheet, turned on the long edge.
 */
two_sided: boolean, };

/** Every assigned ISO 3166-1 alpha-2 country code. */
export const COUNTRY_CODES = ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"] as const;

/** The statuses a delegation may move to from each status (`DelegationStatus::next`). */
export const STATUS_MOVES: { readonly [S in DelegationStatus]: readonly DelegationStatus[] } = {
  draft: ["approved", "cancelled"],
  approved: ["underway", "draft", "cancelled"],
  underway: ["returned"],
  returned: ["reported", "underway"],
  reported: ["closed", "returned"],
  closed: ["reported"],
  cancelled: ["draft"],
};

/** Every kind of failure the UI acts on. */
export const ERROR_KINDS = ["validation", "not_found", "conflict", "newer_schema", "storage", "io", "locked", "damaged", "cancelled", "internal"] as const;

/** A task's statuses, in the order of its board. */
export const TASK_STATUSES = ["todo", "doing", "done", "cancelled"] as const;

/** Kinds of organisation, as the form offers them. */
export const ORGANISATION_KINDS = ["library", "association", "sponsor", "ministry", "university", "other"] as const;

/** Kinds of attached document. */
export const ATTACHMENT_KINDS = ["invitation", "decision", "ticket", "photo", "receipt", "letter", "other"] as const;

/** Kinds of programme item. */
export const PROGRAMME_KINDS = ["meeting", "workshop", "visit", "ceremony", "meal", "transfer", "other"] as const;

/** Kinds of transfer. */
export const TRANSFER_KINDS = ["arrival", "departure", "local"] as const;

/** Kinds of expense line, in the order of the Money tab. */
export const EXPENSE_KINDS = ["estimate", "advance", "actual"] as const;

/** Every IPC command: its arguments and what it resolves to. */
export interface Commands {
  app_info: { args: Record<string, never>; returns: AppInfo };
  is_empty: { args: Record<string, never>; returns: boolean };
  list_printers: { args: Record<string, never>; returns: Array<Printer> };
  print_paper: { args: { paper: Paper; how: PrintRequest }; returns: null };
  load_demo: { args: Record<string, never>; returns: null };
  list_delegations: { args: { filter: DelegationFilter; page: PageRequest }; returns: Page<Delegation> };
  get_delegation: { args: { id: string }; returns: Delegation };
  create_delegation: { args: { input: DelegationInput }; returns: Delegation };
  update_delegation: { args: { id: string; input: DelegationInput }; returns: Delegation };
  set_delegation_status: { args: { id: string; status: DelegationStatus }; returns: Delegation };
  duplicate_delegation: { args: { id: string; title: string }; returns: Delegation };
  trash_delegation: { args: { id: string }; returns: Delegation };
  restore_delegation: { args: { id: string }; returns: Delegation };
  purge_delegation: { args: { id: string }; returns: null };
  list_people: { args: { filter: DirectoryFilter; page: PageRequest }; returns: Page<Person> };
  get_person: { args: { id: string }; returns: PersonProfile };
  create_person: { args: { input: PersonInput }; returns: Person };
  update_person: { args: { id: string; input: PersonInput }; returns: Person };
  delete_person: { args: { id: string }; returns: null };
  list_organisations: { args: { filter: DirectoryFilter; page: PageRequest }; returns: Page<Organisation> };
  get_organisation: { args: { id: string }; returns: Organisation };
  create_organisation: { args: { input: OrganisationInput }; returns: Organisation };
  update_organisation: { args: { id: string; input: OrganisationInput }; returns: Organisation };
  delete_organisation: { args: { id: string }; returns: null };
  list_members: { args: { delegationId: string }; returns: Array<MemberDetail> };
  add_member: { args: { delegationId: string; input: MemberInput }; returns: MemberSaved };
  update_member: { args: { id: string; input: MemberInput }; returns: MemberSaved };
  remove_member: { args: { id: string }; returns: null };
  list_segments: { args: { delegationId: string }; returns: Array<SegmentView> };
  add_segment: { args: { delegationId: string; input: SegmentInput }; returns: Segment };
  update_segment: { args: { id: string; input: SegmentInput }; returns: Segment };
  remove_segment: { args: { id: string }; returns: null };
  list_stays: { args: { delegationId: string }; returns: Array<Stay> };
  add_stay: { args: { delegationId: string; input: StayInput }; returns: Stay };
  update_stay: { args: { id: string; input: StayInput }; returns: Stay };
  remove_stay: { args: { id: string }; returns: null };
  list_programme: { args: { delegationId: string }; returns: Array<ProgrammeItem> };
  add_programme_item: { args: { delegationId: string; input: ProgrammeItemInput }; returns: ProgrammeItem };
  update_programme_item: { args: { id: string; input: ProgrammeItemInput }; returns: ProgrammeItem };
  remove_programme_item: { args: { id: string }; returns: null };
  list_tasks: { args: { delegationId: string }; returns: Array<Task> };
  add_task: { args: { delegationId: string; input: TaskInput }; returns: Task };
  update_task: { args: { id: string; input: TaskInput }; returns: Task };
  remove_task: { args: { id: string }; returns: null };
  list_expenses: { args: { delegationId: string }; returns: Array<ExpenseView> };
  add_expense: { args: { delegationId: string; input: ExpenseInput }; returns: Expense };
  update_expense: { args: { id: string; input: ExpenseInput }; returns: Expense };
  remove_expense: { args: { id: string }; returns: null };
  list_visas: { args: { delegationId: string }; returns: Array<Visa> };
  add_visa: { args: { input: VisaInput }; returns: Visa };
  update_visa: { args: { id: string; input: VisaInput }; returns: Visa };
  remove_visa: { args: { id: string }; returns: null };
  list_attachments: { args: { delegationId: string }; returns: Array<Attachment> };
  choose_open_files: { args: { filters: Array<FileFilter>; multiple: boolean }; returns: Array<ChosenFile> };
  choose_save_file: { args: { fileName: string; filters: Array<FileFilter> }; returns: ChosenFile | null };
  add_attachment_file: { args: { input: AttachmentInput; file: string }; returns: Attachment };
  attachment_data_url: { args: { id: string }; returns: string };
  update_attachment: { args: { id: string; kind: string; caption: string }; returns: Attachment };
  remove_attachment: { args: { id: string }; returns: null };
  search: { args: { query: string; limit: number }; returns: Array<SearchGroup> };
  calendar: { args: { from: string; to: string }; returns: Array<CalendarEntry> };
  get_report: { args: { delegationId: string }; returns: MissionReport | null };
  start_report: { args: { delegationId: string }; returns: MissionReport };
  save_report: { args: { id: string; input: MissionReportInput }; returns: MissionReport };
  finalise_report: { args: { id: string }; returns: MissionReport };
  reopen_report: { args: { id: string; reason: string }; returns: MissionReport };
  report_versions: { args: { reportId: string }; returns: Array<ReportVersion> };
  report_preview: { args: { delegationId: string; language: Language }; returns: DocumentPreview };
  export_report_pdf: { args: { delegationId: string; language: Language; file: string }; returns: ReportVersion };
  sign_paper_pdf: { args: { paper: Paper; key: SignKeyInput; pin: string; uiLanguage: Language }; returns: string | null };
  get_signing_setup: { args: Record<string, never>; returns: SigningSetup };
  choose_sign_image: { args: { kind: SignImageKind }; returns: SigningSetup | null };
  remove_sign_image: { args: { kind: SignImageKind }; returns: SigningSetup };
  add_trusted_root: { args: Record<string, never>; returns: SigningSetup | null };
  remove_trusted_root: { args: { id: string }; returns: SigningSetup };
  verify_attachment: { args: { id: string; uiLanguage: Language }; returns: PdfVerification };
  agenda: { args: { today: string | null; delegationId: string | null }; returns: Array<AgendaItem> };
  today_agenda: { args: { today: string | null; shown: SectionCounts }; returns: AgendaSections };
  suggest_places: { args: { typed: string }; returns: Array<Place> };
  get_itinerary: { args: { delegationId: string }; returns: Itinerary };
  export_itinerary_pdf: { args: { delegationId: string; person: string | null; language: Language; file: string }; returns: null };
  export_itinerary_ics: { args: { delegationId: string; person: string | null; file: string }; returns: null };
  export_calendar_ics: { args: { from: string; to: string; file: string }; returns: null };
  review_estimate: { args: { delegationId: string; request: EstimateRequest }; returns: EstimateReview };
  save_estimate: { args: { delegationId: string; request: EstimateRequest }; returns: SavedEstimate };
  settlement: { args: { delegationId: string }; returns: Settlement };
  export_estimate: { args: { delegationId: string; request: EstimateRequest; language: Language; file: string }; returns: null };
  export_settlement: { args: { delegationId: string; language: Language; file: string }; returns: null };
  list_rate_tables: { args: Record<string, never>; returns: Array<RateTable> };
  import_rate_table_file: { args: { file: string }; returns: RateTable };
  export_rate_table_file: { args: { id: string; file: string }; returns: null };
  delete_rate_table: { args: { id: string }; returns: null };
  load_example_rates: { args: Record<string, never>; returns: RateTable };
  get_settings: { args: Record<string, never>; returns: Settings };
  database_status: { args: Record<string, never>; returns: DatabaseStatus };
  unlock_database: { args: { key: string }; returns: DatabaseStatus };
  sync_status: { args: Record<string, never>; returns: SyncStatus };
  choose_sync_folder: { args: Record<string, never>; returns: SyncStatus };
  sync_now: { args: { passphrase: string | null }; returns: SyncReport };
  set_auto_sync: { args: { on: boolean }; returns: SyncStatus };
  list_conflicts: { args: Record<string, never>; returns: Array<SyncConflict> };
  resolve_conflict: { args: { id: string; keep: Keep }; returns: SyncConflict };
  list_backups: { args: Record<string, never>; returns: Array<BackupInfo> };
  make_backup: { args: Record<string, never>; returns: BackupInfo };
  restore_backup: { args: { file: string }; returns: DatabaseStatus };
  import_data_file: { args: { file: string; replaceSettings: boolean; work: string; onProgress: Channel<Progress> }; returns: null };
  cancel_work: { args: { id: string }; returns: null };
  recovery_sheet: { args: Record<string, never>; returns: string };
  save_recovery_sheet: { args: { file: string }; returns: null };
  save_settings: { args: { settings: Settings }; returns: Settings };
  audit_of: { args: { entity: string; id: string }; returns: Array<AuditEntry> };
  stats_years: { args: Record<string, never>; returns: Array<number> };
  get_stats: { args: { range: StatsRangeInput }; returns: YearStats };
  get_stats_in_full: { args: { range: StatsRangeInput }; returns: YearStats };
  export_annual_report: { args: { range: StatsRangeInput; language: Language; file: string; countryNames: { [key in string]: string } }; returns: string };
  export_annual_workbook: { args: { range: StatsRangeInput; language: Language; file: string }; returns: string };
  preview_history_file: { args: { file: string; sheet: string | null; mapping: HistoryMapping | null; decisions: PeopleDecisions }; returns: HistorySheet };
  import_history_file: { args: { file: string; sheet: string | null; mapping: HistoryMapping | null; decisions: PeopleDecisions; skipInvalid: boolean; work: string; onProgress: Channel<Progress> }; returns: HistoryImported };
  preview_guest_file: { args: { delegationId: string; file: string; sheet: string | null; mapping: GuestMapping | null }; returns: GuestFilePreview };
  import_guest_file: { args: { delegationId: string; file: string; sheet: string | null; mapping: GuestMapping | null; skipInvalid: boolean }; returns: GuestImported };
  list_guests: { args: { delegationId: string }; returns: Array<GuestRecord> };
  check_in: { args: { delegationId: string; personId: string }; returns: CheckIn };
  undo_check_in: { args: { delegationId: string; personId: string }; returns: CheckIn };
  default_checklist: { args: Record<string, never>; returns: ChecklistTemplate };
  apply_checklist: { args: { delegationId: string; assigneeId: string | null; language: Language }; returns: ChecklistApplied };
  generate_transfers: { args: { delegationId: string }; returns: Array<Transfer> };
  transfer_board: { args: { delegationId: string }; returns: TransferBoard };
  add_transfer: { args: { delegationId: string; input: TransferInput }; returns: Transfer };
  update_transfer: { args: { id: string; input: TransferInput }; returns: Transfer };
  remove_transfer: { args: { id: string }; returns: null };
  rooming_list: { args: { delegationId: string }; returns: RoomingList };
  move_guest: { args: { delegationId: string; personId: string; fromStayId: string | null; toStayId: string | null }; returns: Array<Stay> };
  programme_days: { args: { delegationId: string }; returns: Array<ProgrammeDay> };
  export_hosting_list: { args: { delegationId: string; list: HostingList; file: string }; returns: Written };
  export_hosting_paper: { args: { delegationId: string; paper: HostingPaper; languages: Array<Language>; file: string }; returns: Written };
}
