//! `desk`: the same operations as the window, from a terminal.
//!
//! Exit codes scripts can rely on: 0 success, 1 refused input or a failed operation (the
//! reason on stderr, naming the field and the rule), 2 a usage error. Tables for people by
//! default; stable JSON with `--json`.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use desk_domain::{DelegationStatus, Direction, Error, ErrorKind};
use desk_store::Store;

mod commands;
mod hosting;
mod money;
mod output;
mod safety;
mod travel;

/// Exit code for a refused input or a failed operation.
pub const EXIT_REFUSED: u8 = 1;
/// Exit code for a command line that could not be understood.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(name = "desk", version, about = "Delegation Desk from the terminal")]
struct Cli {
    /// The database file (default: $DESK_DB, else the app-data folder shared with the app).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// The database's key file, 64 hexadecimal characters (default: $DESK_KEY_FILE, else the
    /// system keyring, else a key file beside the database). Created, readable by you
    /// only, when a new database is created. `--key-file=` (empty) means none.
    #[arg(
        long = "key-file",
        global = true,
        value_name = "FILE",
        value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from)
    )]
    key_file: Option<PathBuf>,
    /// Print stable JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (or bring it up to date) and say where it is.
    Init,
    /// Load the demo data set (the INELI-ASEAN story, 2016-2017).
    Demo,
    /// Delegations sent abroad or received.
    #[command(subcommand)]
    Delegation(DelegationCommand),
    /// People: staff and guests.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Organisations: partners, associations, sponsors, ministries.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Members of a delegation.
    #[command(subcommand)]
    Member(MemberCommand),
    /// Search people, organisations, delegations, programme and reports (no diacritics needed).
    Search {
        /// What to look for, e.g. "khanh hoa".
        query: String,
        /// At most this many results per kind.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write the whole database to a JSON file.
    Export {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
    /// Add every record of a JSON export (all or nothing).
    Import {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        /// The office's settings: keep them (default) or replace them by the file's.
        #[arg(long, default_value = "keep", value_parser = parse_settings_mode)]
        settings: desk_store::SettingsMode,
    },
    /// Check the database: integrity, references and schema; on damage, name the backup to
    /// restore.
    Check,
    /// Make a verified, encrypted backup now (into the backups folder, or FILE).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the backups, the newest first.
    Backups,
    /// Put a backup in place of the database; the file it replaces is kept aside.
    Restore {
        /// The backup file.
        #[arg(value_name = "FILE", required_unless_present = "latest")]
        file: Option<PathBuf>,
        /// The newest verified backup.
        #[arg(long, conflicts_with = "file")]
        latest: bool,
    },
    /// The database key: its recovery sheet, or a key restored on another machine.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Per-diem rate tables: list, import from CSV, export to CSV.
    #[command(subcommand)]
    Rates(RatesCommand),
    /// The cost estimate of an outgoing delegation, by the rate table in force.
    Estimate(money::EstimateArgs),
    /// The settlement of a delegation: estimate, advances and actual expenses per person.
    Settlement(money::SettlementArgs),
    /// Mission reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Guest lists of a hosted delegation: import from XLSX or CSV, export, list.
    #[command(subcommand)]
    Guests(GuestsCommand),
    /// The transfer board (pickups by day and time); a PDF, XLSX or CSV list with --out.
    Transfers {
        #[arg(long)]
        delegation: String,
        /// FILE.pdf for the transport team, or FILE.xlsx / FILE.csv.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// First make one transfer per arriving or departing flight that has none.
        #[arg(long)]
        generate: bool,
    },
    /// Who sleeps where, who shares, nights per guest; a PDF, XLSX or CSV list with --out.
    Rooming {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The bilingual programme, day by day, as PDF.
    Programme {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Duty checklists whose due dates count back from the event.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Tick a guest's arrival at the welcome desk, or list who has (not) arrived.
    Checkin {
        #[arg(long)]
        delegation: String,
        /// The guest to tick.
        #[arg(long)]
        person: Option<String>,
        /// List only the guests who have not arrived.
        #[arg(long, conflicts_with = "person")]
        missing: bool,
        /// Take back a tick made by mistake.
        #[arg(long, requires = "person")]
        undo: bool,
    },
    /// Name badges (8 per A4 sheet, with cut marks) or table tent cards, as PDF.
    Badges {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Foldable table cards (the name twice, one upside down) instead of badges.
        #[arg(long)]
        tent: bool,
    },
    /// Invitation or visa-support letters to the guests, in the official layout, as PDF.
    Letters {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_parser = parse_letter_kind)]
        kind: desk_report::hosting::LetterKind,
        /// One guest only (their person id).
        #[arg(long)]
        guest: Option<String>,
        /// en, vi or both.
        #[arg(long, default_value = "en", value_parser = parse_letter_languages)]
        lang: LetterLanguages,
        /// The date of the letters (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// FILE.pdf for all in one file, or a folder for one file per guest.
        #[arg(long, value_name = "FILE.pdf|DIR")]
        out: PathBuf,
    },
    /// Travel segments (flights, trains, roads) of a delegation.
    #[command(subcommand)]
    Segment(SegmentCommand),
    /// A delegation's itinerary: segments with zones and durations, stays, nights without a
    /// stay; as a table, JSON, a printable PDF or a calendar file.
    Itinerary(ItineraryArgs),
    /// Everything the Today screen shows: travel ahead, passports, visas, overlaps, deadlines.
    Warnings {
        /// The day to look from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// The year in numbers: delegations out and in per month, by country, partner, event and
    /// funding (VND), days abroad, reports on time, compared with the period before.
    Stats {
        #[command(flatten)]
        range: RangeArgs,
    },
    /// The annual report to the ministry: a PDF in the official layout with charts and the
    /// list of delegations, and/or an XLSX workbook with one sheet per table.
    AnnualReport(AnnualArgs),
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Print the recovery sheet (the key, the database's name and the date) or write it to
    /// FILE, for the office safe.
    Recovery {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Keep the key of a recovery sheet for the database on this machine.
    Restore {
        /// The recovery sheet as a text file.
        #[arg(value_name = "SHEET", required_unless_present = "key")]
        sheet: Option<PathBuf>,
        /// The key as typed from the printed sheet.
        #[arg(long, conflicts_with = "sheet")]
        key: Option<String>,
    },
}

fn parse_settings_mode(s: &str) -> Result<desk_store::SettingsMode, String> {
    match s {
        "keep" => Ok(desk_store::SettingsMode::Keep),
        "replace" => Ok(desk_store::SettingsMode::Replace),
        _ => Err(format!("expected keep or replace, not \"{s}\"")),
    }
}

#[derive(Subcommand)]
enum RatesCommand {
    /// List the rate tables, the most recent first.
    List,
    /// Import a rate table from CSV (replaces the table with the same name and date).
    Import {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
    /// Export a rate table to CSV (default: the most recent).
    Export {
        /// The table's id (see `desk rates list`).
        id: Option<String>,
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
    /// Load the example table shipped with the app (illustrative figures only).
    Example,
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Write a delegation's mission report as PDF (the official layout).
    Export {
        #[arg(long)]
        delegation: String,
        /// vi (the official Vietnamese layout) or en (the English variant).
        #[arg(long, default_value = "vi", value_parser = parse_language)]
        lang: desk_domain::Language,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
}

fn parse_language(s: &str) -> Result<desk_domain::Language, String> {
    desk_domain::Language::parse(s).ok_or_else(|| format!("expected vi or en, not \"{s}\""))
}

#[derive(Clone)]
struct LetterLanguages(Vec<desk_report::Language>);

fn parse_letter_kind(s: &str) -> Result<desk_report::hosting::LetterKind, String> {
    match s {
        "invitation" => Ok(desk_report::hosting::LetterKind::Invitation),
        "visa" => Ok(desk_report::hosting::LetterKind::VisaSupport),
        _ => Err(format!("expected invitation or visa, not \"{s}\"")),
    }
}

fn parse_letter_languages(s: &str) -> Result<LetterLanguages, String> {
    use desk_report::Language::{English, Vietnamese};
    match s {
        "en" => Ok(LetterLanguages(vec![English])),
        "vi" => Ok(LetterLanguages(vec![Vietnamese])),
        "both" => Ok(LetterLanguages(vec![English, Vietnamese])),
        _ => Err(format!("expected en, vi or both, not \"{s}\"")),
    }
}

fn parse_checklist_language(s: &str) -> Result<desk_domain::hosting::ChecklistLanguage, String> {
    match s {
        "vi" => Ok(desk_domain::hosting::ChecklistLanguage::Vietnamese),
        "en" => Ok(desk_domain::hosting::ChecklistLanguage::English),
        _ => Err(format!("expected vi or en, not \"{s}\"")),
    }
}

#[derive(Subcommand)]
enum GuestsCommand {
    /// Read a guest list (XLSX or CSV) and add its guests to the delegation, all or nothing.
    Import {
        #[arg(long)]
        delegation: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The worksheet to read (the first one by default).
        #[arg(long)]
        sheet: Option<String>,
        /// A JSON file saying which column holds what.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// Show what would be imported and every problem by row and column; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows and leave out the rows with problems.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Write the guest list to FILE.xlsx or FILE.csv.
    Export {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// List the guests with their arrival.
    List {
        #[arg(long)]
        delegation: String,
    },
}

#[derive(Subcommand)]
enum ChecklistCommand {
    /// Add the checklist's duties as tasks (titles already there are not added again).
    Apply {
        #[arg(long)]
        delegation: String,
        /// A checklist template (JSON); the built-in hosting checklist by default.
        #[arg(long, value_name = "FILE.json")]
        template: Option<PathBuf>,
        /// Who the tasks are assigned to (a person id).
        #[arg(long)]
        assignee: Option<String>,
        /// The language of the task titles: vi or en.
        #[arg(long, default_value = "vi", value_parser = parse_checklist_language)]
        lang: desk_domain::hosting::ChecklistLanguage,
    },
}

#[derive(Subcommand)]
enum SegmentCommand {
    /// Add a segment and print the new id. Times are local to each place; a place's zone
    /// comes from its IATA code or city unless --from-tz/--to-tz say otherwise.
    Add(AddSegment),
}

#[derive(Args)]
struct AddSegment {
    #[arg(long)]
    delegation: String,
    /// An IATA code (HAN) or a city (Hà Nội).
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    /// Local time at the departure place, YYYY-MM-DDTHH:MM.
    #[arg(long)]
    departs: String,
    /// Local time at the arrival place, YYYY-MM-DDTHH:MM.
    #[arg(long)]
    arrives: String,
    /// flight, train or road.
    #[arg(long, default_value = "flight")]
    mode: String,
    #[arg(long, default_value = "")]
    carrier: String,
    #[arg(long, default_value = "")]
    number: String,
    /// IANA zone of the departure place, e.g. Asia/Ho_Chi_Minh (default: from the place).
    #[arg(long = "from-tz", default_value = "")]
    from_tz: String,
    #[arg(long = "to-tz", default_value = "")]
    to_tz: String,
    #[arg(long, default_value = "")]
    terminal: String,
    /// A person on this segment (repeat for several); none means every member.
    #[arg(long = "passenger", value_name = "PERSON_ID")]
    passengers: Vec<String>,
}

#[derive(Args)]
struct ItineraryArgs {
    #[arg(long)]
    delegation: String,
    /// Only this person's segments and stays.
    #[arg(long, value_name = "PERSON_ID")]
    person: Option<String>,
    /// Write a printable itinerary (a page per person) to this file.
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Write the trip as an iCalendar file for a diary.
    #[arg(long, value_name = "FILE.ics")]
    ics: Option<PathBuf>,
    /// Language of the PDF: vi (default) or en.
    #[arg(long, default_value = "vi", value_parser = parse_language)]
    lang: desk_domain::Language,
}

/// A year, or a range of days.
#[derive(Args)]
struct RangeArgs {
    /// A calendar year, e.g. 2017.
    #[arg(long, required_unless_present = "from")]
    year: Option<i32>,
    /// First day of a range (YYYY-MM-DD), with --to.
    #[arg(long, requires = "to", conflicts_with = "year")]
    from: Option<String>,
    /// Last day of a range (YYYY-MM-DD), with --from.
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// The day by which an unfiled report is judged late (YYYY-MM-DD; default today).
    #[arg(long = "as-of")]
    as_of: Option<String>,
}

#[derive(Args)]
struct AnnualArgs {
    #[command(flatten)]
    range: RangeArgs,
    /// vi (the official version) or en.
    #[arg(long, default_value = "vi", value_parser = ["vi", "en"])]
    lang: String,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE.pdf", required_unless_present = "xlsx")]
    out: Option<PathBuf>,
    /// Where to write the XLSX workbook.
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<PathBuf>,
    /// The date printed on the report (YYYY-MM-DD; default today).
    #[arg(long)]
    date: Option<String>,
    /// The number in the register; left blank for the registry when not given.
    #[arg(long)]
    number: Option<u32>,
}

#[derive(Subcommand)]
enum DelegationCommand {
    /// List delegations, the latest first.
    List(ListArgs),
    /// Create a Draft delegation and print its id.
    Add(AddDelegation),
    /// Show one delegation with its members, travel and programme.
    Show { id: String },
    /// Move a delegation to another status.
    SetStatus {
        id: String,
        #[arg(value_parser = parse_status)]
        status: DelegationStatus,
    },
}

#[derive(Args)]
struct ListArgs {
    #[arg(long, value_parser = parse_direction)]
    direction: Option<Direction>,
    #[arg(long)]
    year: Option<i32>,
    #[arg(long, value_parser = parse_status)]
    status: Option<DelegationStatus>,
    /// ISO 3166-1 alpha-2.
    #[arg(long)]
    country: Option<String>,
    /// Show the trash instead.
    #[arg(long)]
    trashed: bool,
}

#[derive(Args)]
struct AddDelegation {
    #[arg(long, value_parser = parse_direction)]
    direction: Direction,
    #[arg(long)]
    title: String,
    /// ISO 3166-1 alpha-2 code, e.g. SG.
    #[arg(long)]
    country: String,
    #[arg(long, default_value = "")]
    city: String,
    /// YYYY-MM-DD
    #[arg(long)]
    starts: String,
    /// YYYY-MM-DD
    #[arg(long)]
    ends: String,
    #[arg(long, default_value = "")]
    purpose: String,
    #[arg(long, default_value = "")]
    event: String,
    /// The host or visiting organisation's id.
    #[arg(long)]
    org: Option<String>,
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Add a person and print the new id.
    Add(AddPerson),
    /// List everyone.
    List,
    /// Show a person, their passport and visas, and every delegation they were part of.
    Show { id: String },
}

#[derive(Args)]
struct AddPerson {
    /// The full name as written, diacritics kept: "Trần Mỹ Dung".
    #[arg(long)]
    name: String,
    #[arg(long)]
    org: Option<String>,
    #[arg(long, default_value = "")]
    title: String,
    /// ISO 3166-1 alpha-2.
    #[arg(long, default_value = "")]
    nationality: String,
    /// YYYY-MM-DD
    #[arg(long, default_value = "")]
    born: String,
    #[arg(long, default_value = "")]
    passport: String,
    /// YYYY-MM-DD
    #[arg(long = "passport-expires", default_value = "")]
    passport_expires: String,
    /// female, male or other.
    #[arg(long, default_value = "")]
    gender: String,
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation and print the new id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long = "short", default_value = "")]
        short_name: String,
        #[arg(long, default_value = "")]
        country: String,
        /// library, association, sponsor, ministry, university or other.
        #[arg(long, default_value = "")]
        kind: String,
    },
    /// List every organisation.
    List,
}

#[derive(Subcommand)]
enum MemberCommand {
    /// Add a person to a delegation; warnings (overlapping trips) go to stderr.
    Add {
        #[arg(long)]
        delegation: String,
        #[arg(long)]
        person: String,
        /// head, deputy, member, interpreter, secretary or guest.
        #[arg(long, default_value = "member")]
        role: String,
        /// YYYY-MM-DD, if not from the first day.
        #[arg(long, default_value = "")]
        joins: String,
        /// YYYY-MM-DD, if not to the last day.
        #[arg(long, default_value = "")]
        leaves: String,
    },
    /// Take a person out of a delegation.
    Remove {
        #[arg(long)]
        delegation: String,
        #[arg(long)]
        person: String,
    },
}

impl RangeArgs {
    /// The range and the as-of day, checked; a bad date is refused naming its option.
    fn into_query(self) -> Result<commands::StatsQuery, Error> {
        let range = match (self.year, self.from, self.to) {
            (Some(year), _, _) => desk_domain::StatsRange::year(year).ok_or_else(|| {
                Error::invalid(vec![desk_domain::Violation::new(
                    "year",
                    desk_domain::Rule::OutOfRange,
                    format!("Year {year} is outside the calendar"),
                )])
            })?,
            (None, from, to) => desk_domain::StatsRangeInput {
                from: from.unwrap_or_default(),
                to: to.unwrap_or_default(),
            }
            .validate()?,
        };
        let as_of = match self.as_of {
            Some(text) => Some(text.trim().parse().map_err(|_| {
                Error::invalid(vec![desk_domain::Violation::new(
                    "as_of",
                    desk_domain::Rule::InvalidDate,
                    format!("--as-of must be a date written YYYY-MM-DD, not \"{text}\""),
                )])
            })?),
            None => None,
        };
        Ok(commands::StatsQuery { range, as_of })
    }
}

fn parse_direction(s: &str) -> Result<Direction, String> {
    Direction::parse(s).ok_or_else(|| format!("expected outgoing or incoming, not \"{s}\""))
}

fn parse_status(s: &str) -> Result<DelegationStatus, String> {
    DelegationStatus::parse(s).ok_or_else(|| {
        let names: Vec<&str> = DelegationStatus::ALL.iter().map(|s| s.as_str()).collect();
        format!("expected one of {}, not \"{s}\"", names.join(", "))
    })
}

/// Runs one command line and returns the process exit code.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(usage) => {
            // --help and --version are not errors.
            let code = if usage.use_stderr() { EXIT_USAGE } else { 0 };
            let target: &mut dyn Write = if usage.use_stderr() { err } else { out };
            let _ = write!(target, "{}", usage.render());
            return code;
        }
    };
    match execute(cli, out, err) {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(err, "desk: {error}");
            EXIT_REFUSED
        }
    }
}

fn database_path(flag: Option<PathBuf>) -> Result<PathBuf, Error> {
    flag.or_else(|| {
        std::env::var_os("DESK_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(desk_store::default_database_path)
    .ok_or_else(|| {
        Error::new(
            ErrorKind::Io,
            "no app-data folder on this system: pass --db FILE or set DESK_DB",
        )
    })
}

fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Error> {
    let path = database_path(cli.db)?;
    let keys = desk_store::KeyChoice::from_flag_or_env(cli.key_file);
    // What works on a database that may be damaged or locked, without opening it.
    match &cli.command {
        Command::Backups => return safety::list(out, cli.json, &path).map(drop),
        Command::Restore { file, .. } => {
            return safety::restore(out, cli.json, &path, &keys, file.clone());
        }
        Command::Key(KeyCommand::Restore { sheet, key }) => {
            return safety::key_restore(out, &path, &keys, sheet.as_deref(), key.as_deref());
        }
        _ => {}
    }
    // Only these create a database where there is none.
    let may_create = matches!(cli.command, Command::Init | Command::Demo);
    let opening = desk_store::open_database(&path, &keys, may_create)
        .map_err(|e| safety::opening_failed(e.into(), &path))?;
    if opening.encrypted_now {
        let _ = writeln!(
            err,
            "desk: {} was a plaintext database of an earlier version; it is now encrypted \
             (its key is kept in {})",
            path.display(),
            opening.key_place
        );
    }
    if let Some(failed) = &opening.backup_failed {
        let _ = writeln!(err, "desk: warning: the daily backup failed: {failed}");
    }
    let key_place = opening.key_place.clone();
    let mut store: Store = opening.store;
    let ctx = &mut commands::Context {
        store: &mut store,
        json: cli.json,
        out,
        err,
    };
    match cli.command {
        Command::Init => commands::init(ctx, &path, &key_place),
        Command::Demo => commands::demo(ctx),
        Command::Delegation(DelegationCommand::List(a)) => commands::delegation_list(
            ctx,
            desk_store::DelegationFilter {
                direction: a.direction,
                year: a.year,
                status: a.status,
                country: a.country,
                organisation_id: None,
                text: None,
                trashed: a.trashed,
            },
        ),
        Command::Delegation(DelegationCommand::Add(a)) => {
            let mut input = desk_domain::DelegationInput::new(
                a.direction,
                &a.title,
                &a.country,
                &a.starts,
                &a.ends,
            );
            input.cities = a.city;
            input.purpose = a.purpose;
            input.event = a.event;
            input.organisation_id = a.org;
            commands::delegation_add(ctx, &input)
        }
        Command::Delegation(DelegationCommand::Show { id }) => commands::delegation_show(ctx, &id),
        Command::Delegation(DelegationCommand::SetStatus { id, status }) => {
            commands::delegation_set_status(ctx, &id, status)
        }
        Command::Person(PersonCommand::Add(a)) => commands::person_add(
            ctx,
            &desk_domain::PersonInput {
                full_name: a.name,
                organisation_id: a.org,
                title: a.title,
                nationality: a.nationality,
                born_on: a.born,
                passport_no: a.passport,
                passport_expires_on: a.passport_expires,
                gender: a.gender,
                ..Default::default()
            },
        ),
        Command::Person(PersonCommand::List) => commands::person_list(ctx),
        Command::Person(PersonCommand::Show { id }) => commands::person_show(ctx, &id),
        Command::Org(OrgCommand::Add {
            name,
            short_name,
            country,
            kind,
        }) => commands::org_add(
            ctx,
            &desk_domain::OrganisationInput {
                name,
                short_name,
                country,
                kind,
                notes: String::new(),
            },
        ),
        Command::Org(OrgCommand::List) => commands::org_list(ctx),
        Command::Member(MemberCommand::Add {
            delegation,
            person,
            role,
            joins,
            leaves,
        }) => commands::member_add(
            ctx,
            &delegation,
            &desk_domain::MemberInput {
                person_id: person,
                role,
                joins_on: joins,
                leaves_on: leaves,
                notes: String::new(),
            },
        ),
        Command::Member(MemberCommand::Remove { delegation, person }) => {
            commands::member_remove(ctx, &delegation, &person)
        }
        Command::Search { query, limit } => commands::search(ctx, &query, limit),
        Command::Export { out: file } => commands::export(ctx, &file),
        Command::Import { file, settings } => commands::import(ctx, &file, settings),
        Command::Check => safety::check(ctx, &path),
        Command::Backup { out: file } => safety::backup(ctx, file.as_deref()),
        Command::Key(KeyCommand::Recovery { out: file }) => {
            safety::key_recovery(ctx, &path, file.as_deref())
        }
        // Handled above, before the database is opened.
        Command::Backups | Command::Restore { .. } | Command::Key(KeyCommand::Restore { .. }) => {
            Ok(())
        }
        Command::Report(ReportCommand::Export {
            delegation,
            lang,
            out: file,
        }) => commands::report_export(ctx, &delegation, lang, &file),
        Command::Rates(RatesCommand::List) => money::rates_list(ctx),
        Command::Rates(RatesCommand::Import { file }) => money::rates_import(ctx, &file),
        Command::Rates(RatesCommand::Export { id, out }) => {
            money::rates_export(ctx, id.as_deref(), &out)
        }
        Command::Rates(RatesCommand::Example) => money::rates_example(ctx),
        Command::Estimate(args) => money::estimate(ctx, &args),
        Command::Settlement(args) => money::settlement(ctx, &args),
        Command::Guests(GuestsCommand::Import {
            delegation,
            file,
            sheet,
            mapping,
            dry_run,
            skip_invalid,
        }) => hosting::guests_import(
            ctx,
            hosting::GuestImportArgs {
                delegation: &delegation,
                file: &file,
                sheet,
                mapping: mapping.as_deref(),
                dry_run,
                skip_invalid,
            },
        ),
        Command::Guests(GuestsCommand::Export { delegation, out }) => {
            hosting::guests_export(ctx, &delegation, &out)
        }
        Command::Guests(GuestsCommand::List { delegation }) => {
            hosting::guests_list(ctx, &delegation)
        }
        Command::Transfers {
            delegation,
            out,
            generate,
        } => hosting::transfers(ctx, &delegation, out.as_deref(), generate),
        Command::Rooming { delegation, out } => hosting::rooming(ctx, &delegation, out.as_deref()),
        Command::Programme { delegation, out } => hosting::programme(ctx, &delegation, &out),
        Command::Checklist(ChecklistCommand::Apply {
            delegation,
            template,
            assignee,
            lang,
        }) => hosting::checklist_apply(
            ctx,
            &delegation,
            template.as_deref(),
            assignee.as_deref(),
            lang,
        ),
        Command::Checkin {
            delegation,
            person,
            missing,
            undo,
        } => hosting::checkin(ctx, &delegation, person.as_deref(), missing, undo),
        Command::Badges {
            delegation,
            out,
            tent,
        } => hosting::badges(ctx, &delegation, &out, tent),
        Command::Letters {
            delegation,
            kind,
            guest,
            lang,
            date,
            out,
        } => hosting::letters(
            ctx,
            hosting::LetterArgs {
                delegation: &delegation,
                kind,
                guest: guest.as_deref(),
                languages: lang.0,
                date,
                out: &out,
            },
        ),
        Command::Segment(SegmentCommand::Add(a)) => travel::segment_add(
            ctx,
            &a.delegation,
            &desk_domain::SegmentInput {
                mode: a.mode,
                carrier: a.carrier,
                number: a.number,
                from_place: a.from,
                from_tz: a.from_tz,
                departs_local: a.departs,
                to_place: a.to,
                to_tz: a.to_tz,
                arrives_local: a.arrives,
                terminal: a.terminal,
                passenger_ids: a.passengers,
                notes: String::new(),
            },
        ),
        Command::Itinerary(a) => travel::itinerary(
            ctx,
            &travel::ItineraryRequest {
                delegation: &a.delegation,
                person: a.person.as_deref(),
                pdf: a.pdf.as_deref(),
                ics: a.ics.as_deref(),
                language: a.lang,
            },
        ),
        Command::Warnings { today } => travel::warnings(ctx, today.as_deref()),
        Command::Stats { range } => commands::stats(ctx, &range.into_query()?),
        Command::AnnualReport(a) => commands::annual_report(
            ctx,
            &a.range.into_query()?,
            &commands::AnnualFiles {
                english: a.lang == "en",
                pdf: a.out,
                xlsx: a.xlsx,
                date: a.date,
                number: a.number,
            },
        ),
    }
}
