//! Synthetic databases of an office's whole history, to measure the app with (`desk
//! synthetic --years 20 --out FILE`, the benches, the scale tests).
//!
//! Every record is marked as invented: organisations, people and delegations carry
//! [`SYNTHETIC_NOTE`] in their notes and the database holds the setting `synthetic`. The
//! generator is deterministic (the same size gives the same database), writes rows directly
//! in one transaction (no audit trail: nobody made these changes) and fills the search
//! index at the end, as an import would.

use std::path::Path;

use chrono::{Days, NaiveDate};
use desk_domain::text::passport_form;
use rusqlite::params;

use crate::{Store, StoreError, search};

/// The note every synthetic organisation, person and delegation carries.
pub const SYNTHETIC_NOTE: &str =
    "Synthetic record (desk synthetic): invented to measure the app, not a real one.";

/// The shape of a synthetic database: how many of each record over how many years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synthetic {
    /// The first year; delegations are spread evenly over `years` years from it.
    pub first_year: i32,
    pub years: i32,
    pub delegations: usize,
    /// Staff of the library (who travel out) and guests (who come in) together.
    pub people: usize,
    /// Members per delegation on average (outgoing 2–8, incoming 5–20 by default).
    pub members_per_delegation: usize,
    pub expenses_per_delegation: usize,
    pub organisations: usize,
}

impl Synthetic {
    /// Twenty years of a busy office, as in NOTES-platform.md: 50,000 delegations, 500,000
    /// people, ten members and twenty expense lines per delegation.
    pub fn twenty_years() -> Self {
        Self::years(20)
    }

    /// `years` years of the same office (2,500 delegations, 25,000 people and 100
    /// organisations a year), ending in 2026.
    pub fn years(years: i32) -> Self {
        let years = years.max(1);
        let n = years as usize;
        Self {
            first_year: 2027 - years,
            years,
            delegations: 2_500 * n,
            people: 25_000 * n,
            members_per_delegation: 10,
            expenses_per_delegation: 20,
            organisations: 100 * n,
        }
    }
}

/// How many rows [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Generated {
    pub delegations: usize,
    pub people: usize,
    pub members: usize,
    pub expenses: usize,
    pub reports: usize,
}

/// A small deterministic generator (xorshift64*), so every run builds the same database.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn synthetic_id(kind: u16, n: usize) -> String {
    format!("{:08x}-{kind:04x}-7000-8000-{n:012x}", 0x0190_0000_u32)
}

const COUNTRIES: &[&str] = &[
    "SG", "TH", "MY", "ID", "PH", "LA", "KH", "MM", "BN", "CN", "JP", "KR", "IN", "AU", "NZ", "US",
    "CA", "GB", "FR", "DE", "IT", "ES", "NL", "BE", "SE", "FI", "DK", "NO", "RU", "PL", "CZ", "HU",
    "AT", "CH", "IL", "TR", "EG", "ZA", "BR", "MX",
];
const CITIES: &[&str] = &[
    "Singapore",
    "Bangkok",
    "Kuala Lumpur",
    "Jakarta",
    "Manila",
    "Viêng Chăn",
    "Phnôm Pênh",
    "Yangon",
    "Bắc Kinh",
    "Tokyo",
    "Seoul",
    "New Delhi",
    "Canberra",
    "Washington",
    "London",
    "Paris",
    "Berlin",
    "Roma",
    "Madrid",
    "Stockholm",
    "Moskva",
    "Praha",
];
const UNITS: &[&str] = &[
    "Ban Giám đốc",
    "Phòng Hợp tác quốc tế",
    "Phòng Phục vụ bạn đọc",
    "Phòng Tin học",
    "Phòng Hành chính - Tổng hợp",
    "Phòng Bổ sung - Trao đổi",
    "Phòng Biên mục",
    "Phòng Bảo quản",
    "Phòng Nghiên cứu khoa học",
    "Phòng Số hóa",
    "Phòng Kế toán",
    "Trung tâm Thông tin",
];
const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Hồng", "Xuân", "Mỹ",
];
const GIVEN: &[&str] = &[
    "An", "Anh", "Bình", "Chi", "Dung", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
    "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong",
    "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tú", "Tuấn", "Vân", "Việt", "Yến",
];
const GUEST_FAMILY: &[&str] = &[
    "Tan", "Lim", "Wong", "Smith", "Kim", "Sato", "Suzuki", "Keomany", "Chan", "Garcia", "Muller",
    "Dubois", "Rossi", "Jensen", "Ivanova", "Santos", "Sok", "Aung", "Rahman", "Wijaya",
];
const GUEST_GIVEN: &[&str] = &[
    "Wei", "Mei", "John", "Anna", "Hiroshi", "Yuki", "Minjun", "Somsak", "Maria", "Peter",
    "Sophie", "Lars", "Olga", "David", "Siti", "Ahmad", "Chanthy", "Thida", "Nurul", "Paolo",
];
const LIBRARY_KINDS: &[&str] = &[
    "National Library",
    "University Library",
    "Public Library",
    "Library Association",
    "Archives",
];
const EVENTS: &[&str] = &[
    "Hội nghị CONSAL",
    "Chương trình INELI-ASEAN",
    "Đại hội IFLA WLIC",
    "Hội thảo số hóa di sản",
    "Khóa đào tạo bảo quản tài liệu",
    "Hội chợ sách quốc tế",
    "Diễn đàn thư viện Á - Âu",
    "Hội thảo biên mục RDA",
];
const STATUSES: &[&str] = &[
    "closed", "closed", "closed", "reported", "returned", "approved",
];
const FUNDING: &[&str] = &["state_budget", "state_budget", "sponsored", "mixed"];
/// Currency and a rate to VND.
const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "23150.5"),
    ("EUR", "25410"),
    ("SGD", "16980.25"),
    ("VND", ""),
];
const KINDS: &[&str] = &["estimate", "actual", "actual", "advance"];
const CATEGORIES: &[&str] = &[
    "airfare",
    "accommodation",
    "per_diem",
    "visa",
    "insurance",
    "local_transport",
];

impl Store {
    /// Writes a new synthetic database of `size` at `path`. An existing file is never
    /// touched: the records are made in `path` + `.partial` and renamed at the end. The
    /// database is encrypted, as every database of the app is, with a new key kept where
    /// `keys` says (returned with the records made).
    pub fn create_synthetic(
        path: &Path,
        keys: &crate::KeyChoice,
        size: &Synthetic,
    ) -> Result<(Generated, crate::KeyPlace), StoreError> {
        let refuse = |why: &str| {
            StoreError::Domain(desk_domain::Error::invalid(vec![
                desk_domain::Violation::new(
                    "out",
                    desk_domain::Rule::Duplicate,
                    format!("{}: {why}", path.display()),
                ),
            ]))
        };
        if path.exists() {
            return Err(refuse(
                "a file is already there; synthetic records are written only into a new database",
            ));
        }
        // Only once the path is known to be free: a key kept for it replaces any other.
        let (key, place) = keys.create(path)?;
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = std::path::PathBuf::from(partial);
        for leftover in ["", "-wal", "-shm"] {
            let mut name = partial.as_os_str().to_owned();
            name.push(leftover);
            let _ = std::fs::remove_file(name);
        }
        let made = {
            let mut store = Store::create(&partial, &key)?;
            let made = generate(&mut store, size)?;
            // One file, no write-ahead log beside it, before it takes its name.
            store.conn.pragma_update(None, "journal_mode", "DELETE")?;
            made
        };
        if path.exists() {
            return Err(refuse("a file appeared there while the records were made"));
        }
        std::fs::rename(&partial, path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok((made, place))
    }
}

/// Fills `store` with a synthetic database of `size`, in one transaction, writing rows
/// directly (no audit trail), then its search index.
pub fn generate(store: &mut Store, size: &Synthetic) -> Result<Generated, StoreError> {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut done = Generated::default();
    let stamp = "2026-01-01T00:00:00.000Z";
    let tx = store.conn.transaction()?;
    {
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('synthetic', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [serde_json::json!({
                "note": SYNTHETIC_NOTE,
                "first_year": size.first_year,
                "years": size.years,
            })
            .to_string()],
        )?;
        let mut org = tx.prepare(
            "INSERT INTO organisation (id, name, short_name, country, kind, notes, created_at,
                                       updated_at)
             VALUES (?1, ?2, '', ?3, 'library', ?4, ?5, ?5)",
        )?;
        for n in 0..size.organisations {
            org.execute(params![
                synthetic_id(1, n),
                format!("{} {} {n}", dice.pick(CITIES), dice.pick(LIBRARY_KINDS)),
                dice.pick(COUNTRIES),
                SYNTHETIC_NOTE,
                stamp
            ])?;
        }
        // The first tenth of the people are staff (with a unit), the rest guests.
        let staff = (size.people / 10).max(1);
        let mut person = tx.prepare(
            "INSERT INTO person (id, full_name, passport_name, family_name, given_name, unit,
                                 organisation_id, nationality, passport_no, born_on, notes,
                                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?;
        for n in 0..size.people {
            let (family, given, full_name, unit, org_id, nationality) = if n < staff {
                let (family, middle, given) =
                    (*dice.pick(FAMILY), *dice.pick(MIDDLE), *dice.pick(GIVEN));
                let full = format!("{family} {middle} {given}");
                (family, given, full, *dice.pick(UNITS), None, "VN")
            } else {
                let (family, given) = (*dice.pick(GUEST_FAMILY), *dice.pick(GUEST_GIVEN));
                let o = dice.below(size.organisations);
                (
                    family,
                    given,
                    format!("{given} {family}"),
                    "",
                    (size.organisations > 0).then(|| synthetic_id(1, o)),
                    *dice.pick(COUNTRIES),
                )
            };
            let born = NaiveDate::from_ymd_opt(1950 + dice.below(50) as i32, 1, 1)
                .map(|d| (d + Days::new(dice.below(365) as u64)).to_string());
            person.execute(params![
                synthetic_id(2, n),
                full_name,
                passport_form(&full_name),
                family,
                given,
                unit,
                org_id,
                nationality,
                format!("S{n:08}"),
                born,
                SYNTHETIC_NOTE,
                stamp
            ])?;
        }
        done.people = size.people;

        let mut delegation = tx.prepare(
            "INSERT INTO delegation (id, direction, title, country, starts_on, ends_on, status,
                                     created_at, updated_at, purpose, event, organisation_id,
                                     funding, deleted_at, cities, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, '', ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        let mut member = tx.prepare(
            "INSERT INTO member (id, delegation_id, person_id, role, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'member', ?4, ?4)",
        )?;
        let mut expense = tx.prepare(
            "INSERT INTO expense (id, delegation_id, kind, category, amount, rate_to_vnd,
                                  created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        )?;
        let mut report = tx.prepare(
            "INSERT INTO mission_report (id, delegation_id, language, number, place,
                                         report_date, results, status, version, created_at,
                                         updated_at)
             VALUES (?1, ?2, 'vi', ?3, 'Hà Nội', ?4, ?5, 'final', 1, ?6, ?6)",
        )?;
        let per_year = size.delegations.div_ceil(size.years.max(1) as usize).max(1);
        let mut member_n = 0;
        let mut expense_n = 0;
        let guests = size.people.saturating_sub(staff).max(1);
        for n in 0..size.delegations {
            let year = size.first_year + (n / per_year) as i32;
            let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                continue;
            };
            let starts = first + Days::new(dice.below(360) as u64);
            let ends = starts + Days::new(2 + dice.below(8) as u64);
            let outgoing = dice.below(10) < 6;
            let roll = dice.below(100);
            // As in a real office, the trips of past years are closed (or were cancelled);
            // only the last year's are still moving through their statuses.
            let recent = year >= size.first_year + size.years - 1;
            let status = match roll {
                0..=2 => "cancelled",
                _ if recent => *dice.pick(STATUSES),
                _ => "closed",
            };
            let deleted = (roll == 3).then_some(stamp);
            let id = synthetic_id(3, n);
            let country = if outgoing {
                *dice.pick(COUNTRIES)
            } else {
                "VN"
            };
            let event = format!("{} {}", dice.pick(EVENTS), year);
            let city = if outgoing {
                *dice.pick(CITIES)
            } else {
                "Hà Nội"
            };
            let title = if outgoing {
                format!("Đoàn công tác dự {event} tại {city}")
            } else {
                format!("Đón đoàn khách quốc tế dự {event}")
            };
            delegation.execute(params![
                id,
                if outgoing { "outgoing" } else { "incoming" },
                title,
                country,
                starts.to_string(),
                ends.to_string(),
                status,
                stamp,
                event,
                (size.organisations > 0).then(|| synthetic_id(1, dice.below(size.organisations))),
                dice.pick(FUNDING),
                deleted,
                city,
                SYNTHETIC_NOTE,
            ])?;
            // Outgoing: a few staff; incoming: more guests. Consecutive people from a random
            // start are distinct, as a delegation's members must be.
            let average = size.members_per_delegation.max(1);
            let count = if outgoing {
                (average * 2 / 10).max(1) + dice.below(average * 6 / 10 + 1)
            } else {
                (average / 2).max(1) + dice.below(average * 3 / 2 + 1)
            };
            let (pool_start, pool) = if outgoing {
                (0, staff)
            } else {
                (staff, guests)
            };
            let start = dice.below(pool);
            for k in 0..count.min(pool) {
                let person = pool_start + (start + k) % pool;
                member.execute(params![
                    synthetic_id(4, member_n),
                    id,
                    synthetic_id(2, person),
                    stamp
                ])?;
                member_n += 1;
            }
            for _ in 0..size.expenses_per_delegation {
                let (currency, rate) = *dice.pick(CURRENCIES);
                let minor = if currency == "VND" {
                    1000 * (100 + dice.below(20_000)) as i64
                } else {
                    (1000 + dice.below(200_000)) as i64
                };
                expense.execute(params![
                    synthetic_id(5, expense_n),
                    id,
                    dice.pick(KINDS),
                    dice.pick(CATEGORIES),
                    format!(r#"{{"currency":"{currency}","minor":{minor}}}"#),
                    rate,
                    stamp
                ])?;
                expense_n += 1;
            }
            if outgoing && matches!(status, "reported" | "closed") {
                let date = ends + Days::new(dice.below(30) as u64);
                report.execute(params![
                    synthetic_id(6, n),
                    id,
                    format!("{}/BC-TVQG", 1 + n % per_year),
                    date.to_string(),
                    format!("Kết quả tham dự {event}. {SYNTHETIC_NOTE}"),
                    stamp
                ])?;
                done.reports += 1;
            }
        }
        done.delegations = size.delegations;
        done.members = member_n;
        done.expenses = expense_n;
    }
    search::rebuild(&tx)?;
    tx.commit()?;
    Ok(done)
}
