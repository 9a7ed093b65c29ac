//! Builders of unusual databases for the integration tests, kept here so that no SQL lives
//! outside this crate. Compiled only with the `testing` feature.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// An SQLite file with no tables whose `user_version` claims `version`, e.g. one written
/// by a future release.
pub fn write_empty_database_with_version(path: &Path, version: i64) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "user_version", version)?;
    Ok(())
}

/// The schema version of the encrypted database file at `path`, read without migrating it.
pub fn schema_version_of(path: &Path, key: &crate::Key) -> Result<i64, StoreError> {
    let conn = crate::cipher::open_keyed_read_only(path, key)?;
    Ok(crate::schema_version(&conn)?)
}

/// Adds an audit entry to a plaintext database of an earlier app (a fixture copy), as that
/// app wrote them: with the values, passport numbers included.
pub fn add_plain_audit_entry(
    path: &Path,
    entity_id: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    conn.execute(
        "INSERT INTO audit_entry (at, actor, entity, entity_id, field, old_value, new_value)
         VALUES ('2017-01-01T00:00:00Z', 'old app', 'person', ?1, ?2, ?3, ?4)",
        rusqlite::params![entity_id, field, old, new],
    )?;
    Ok(())
}

/// Every table's row count in a plaintext database (a fixture), read without changing it.
pub fn plain_counts(path: &Path) -> Result<Vec<(String, i64)>, StoreError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    crate::cipher::table_counts(&conn)
}

/// Every table's row count in an encrypted database.
pub fn counts(path: &Path, key: &crate::Key) -> Result<Vec<(String, i64)>, StoreError> {
    let conn = crate::cipher::open_keyed_read_only(path, key)?;
    crate::cipher::table_counts(&conn)
}

/// The decrypted bytes of the database at `path`: a plaintext copy written to `into`
/// (SQLCipher's export), so a test can look for values left in free pages.
pub fn decrypted_copy(path: &Path, key: &crate::Key, into: &Path) -> Result<Vec<u8>, StoreError> {
    let conn = crate::cipher::open_keyed(path, key, false)?;
    // The connection may not create files; the copy starts as an empty one.
    std::fs::write(into, b"").map_err(|source| StoreError::Io {
        path: into.to_path_buf(),
        source,
    })?;
    conn.execute(
        "ATTACH DATABASE ?1 AS plaintext KEY ''",
        [into.to_string_lossy()],
    )?;
    conn.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()))?;
    conn.execute_batch("DETACH DATABASE plaintext")?;
    std::fs::read(into).map_err(|source| StoreError::Io {
        path: into.to_path_buf(),
        source,
    })
}

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
        Self {
            first_year: 2007,
            years: 20,
            delegations: 50_000,
            people: 500_000,
            members_per_delegation: 10,
            expenses_per_delegation: 20,
            organisations: 2_000,
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
const STATUSES: &[&str] = &[
    "closed", "closed", "closed", "reported", "returned", "approved",
];
const FUNDING: &[&str] = &["state_budget", "state_budget", "sponsored", "mixed"];
/// Currency, minor digits' factor and a rate to VND.
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

/// Fills `store` with a synthetic database of `size`, in one transaction, writing rows
/// directly (no audit trail, no search index: only what statistics read).
pub fn generate(store: &mut crate::Store, size: &Synthetic) -> Result<Generated, StoreError> {
    use chrono::{Days, NaiveDate};
    use rusqlite::params;

    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut done = Generated::default();
    let stamp = "2026-01-01T00:00:00.000Z";
    let tx = store.conn.transaction()?;
    {
        let mut org = tx.prepare(
            "INSERT INTO organisation (id, name, short_name, country, kind, created_at, updated_at)
             VALUES (?1, ?2, '', ?3, 'library', ?4, ?4)",
        )?;
        for n in 0..size.organisations {
            org.execute(params![
                synthetic_id(1, n),
                format!("Partner library {n}"),
                dice.pick(COUNTRIES),
                stamp
            ])?;
        }
        // The first tenth of the people are staff (with a unit), the rest guests.
        let staff = (size.people / 10).max(1);
        let mut person = tx.prepare(
            "INSERT INTO person (id, full_name, passport_name, family_name, given_name, unit,
                                 organisation_id, nationality, created_at, updated_at)
             VALUES (?1, ?2, ?3, '', '', ?4, ?5, ?6, ?7, ?7)",
        )?;
        for n in 0..size.people {
            let (unit, org_id, nationality) = if n < staff {
                (*dice.pick(UNITS), None, "VN")
            } else {
                let o = dice.below(size.organisations);
                (
                    "",
                    (size.organisations > 0).then(|| synthetic_id(1, o)),
                    *dice.pick(COUNTRIES),
                )
            };
            person.execute(params![
                synthetic_id(2, n),
                format!("Person {n}"),
                format!("PERSON {n}"),
                unit,
                org_id,
                nationality,
                stamp
            ])?;
        }
        done.people = size.people;

        let mut delegation = tx.prepare(
            "INSERT INTO delegation (id, direction, title, country, starts_on, ends_on, status,
                                     created_at, updated_at, purpose, event, organisation_id,
                                     funding, deleted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, '', ?9, ?10, ?11, ?12)",
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
            "INSERT INTO mission_report (id, delegation_id, language, report_date, status,
                                         version, created_at, updated_at)
             VALUES (?1, ?2, 'vi', ?3, 'final', 1, ?4, ?4)",
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
            let status = match roll {
                0..=2 => "cancelled",
                _ => *dice.pick(STATUSES),
            };
            let deleted = (roll == 3).then_some(stamp);
            let id = synthetic_id(3, n);
            let country = if outgoing {
                *dice.pick(COUNTRIES)
            } else {
                "VN"
            };
            delegation.execute(params![
                id,
                if outgoing { "outgoing" } else { "incoming" },
                format!("Delegation {n}"),
                country,
                starts.to_string(),
                ends.to_string(),
                status,
                stamp,
                format!("Event {}", dice.below(200)),
                (size.organisations > 0).then(|| synthetic_id(1, dice.below(size.organisations))),
                dice.pick(FUNDING),
                deleted,
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
                report.execute(params![synthetic_id(6, n), id, date.to_string(), stamp])?;
                done.reports += 1;
            }
        }
        done.delegations = size.delegations;
        done.members = member_n;
        done.expenses = expense_n;
    }
    tx.commit()?;
    Ok(done)
}
