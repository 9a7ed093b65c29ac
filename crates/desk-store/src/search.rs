//! Full-text search over people, organisations, delegations, programme items and reports,
//! without diacritics: "tran my dung" finds "Trần Mỹ Dung", "da nang" finds "Đà Nẵng".
//!
//! Both the indexed text and the query are folded by `desk_domain::text::search_form`
//! (FTS5's `remove_diacritics` never turns `đ` into `d`). Every word of the query must
//! match the start of a word in the record, so results appear while typing.
//!
//! Names and titles that begin with what was typed come first. They are found through
//! `search_entry.label_key` (the folded label, words joined by one space) and its index,
//! a range read, rather than by a phrase query over the full-text index, which reads the
//! whole list of records that merely contain the first letters.

use desk_domain::text::search_form;
use desk_domain::{
    Delegation, MissionReport, Organisation, Person, ProgrammeItem, SearchGroup, SearchHit,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::StoreError;
use crate::record::{self, Record};

/// Kinds of record search returns, in the order their groups are shown.
pub const KINDS: &[&str] = &[
    "person",
    "organisation",
    "delegation",
    "programme_item",
    "mission_report",
];

/// Each kind owns the `doc` numbers `n << KIND_SHIFT ..` (n = its place in [`KINDS`] + 1):
/// a search within one kind is a rowid range, which FTS5 seeks to instead of filtering.
const KIND_SHIFT: u32 = 40;

/// The first and last `doc` number of a kind.
pub(crate) fn doc_range(kind: &str) -> Option<(i64, i64)> {
    let n = KINDS.iter().position(|k| *k == kind)? as i64 + 1;
    Some((n << KIND_SHIFT, ((n + 1) << KIND_SHIFT) - 1))
}

/// An SQL condition on `column` (a record id) that holds for the records of `kind` whose
/// search text matches the FTS5 expression bound to parameter `?{param}`.
pub(crate) fn matching_ids(kind: &str, column: &str, param: usize) -> String {
    let (first, last) = doc_range(kind).unwrap_or((0, -1));
    format!(
        "{column} IN (SELECT record_id FROM search_entry WHERE doc IN \
         (SELECT rowid FROM search_text WHERE search_text MATCH ?{param} \
          AND rowid BETWEEN {first} AND {last}))"
    )
}

/// The full-text writes of one transaction, kept until its end and written there in two
/// statements. FTS5 holds the terms of its pending writes in memory and flushes them into a
/// new segment at the start of every later statement of the transaction (its savepoint
/// method): a bulk import that wrote each record's text by itself, between the record's own
/// statements, paid a flush per statement (about a tenth of a 10,000-guest import, plus
/// the merges of all those small segments). `search_entry`, an ordinary table, is still
/// written at once, so numbers are given and found as before.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    /// Texts to write, by number (ascending: the order FTS5 appends best).
    texts: BTreeMap<i64, (String, String)>,
    /// Numbers whose text was already in the index when the transaction began (or at the
    /// last flush) and must go before their new text, if any, is written.
    stale: BTreeSet<i64>,
    /// The next free number of each kind, once read: the numbers this transaction gives are
    /// counted here rather than read again from `search_entry` for every new record.
    next: HashMap<&'static str, i64>,
}

/// How many texts a rebuild keeps before writing them: bounds its memory on twenty years.
const FLUSH_AT: usize = 20_000;

impl Pending {
    /// Drops the text the index holds for `number`, or the one waiting to be written.
    fn forget(&mut self, number: i64) {
        if self.texts.remove(&number).is_none() {
            self.stale.insert(number);
        }
    }

    /// A number for a new entry of `kind`: one past the highest it has given or the index
    /// holds.
    fn new_number(
        &mut self,
        tx: &Transaction<'_>,
        kind: &'static str,
        (first, last): (i64, i64),
    ) -> Result<i64, StoreError> {
        let number = match self.next.get(kind) {
            Some(number) => *number,
            None => tx
                .prepare_cached(
                    "SELECT coalesce(max(doc) + 1, ?1) FROM search_entry
                     WHERE doc BETWEEN ?1 AND ?2",
                )?
                .query_row([first, last], |row| row.get(0))?,
        };
        self.next.insert(kind, number + 1);
        Ok(number)
    }

    /// `number`'s text is (label, text) from now on.
    fn put(&mut self, number: i64, existed: bool, label: String, text: String) {
        // A number given in this transaction has no text in the index yet, unless the
        // number was freed and given again (then `stale` already holds it).
        if existed && !self.texts.contains_key(&number) {
            self.stale.insert(number);
        }
        self.texts.insert(number, (label, text));
    }

    /// Writes what is pending: the stale texts out, then every new text in one statement.
    /// Must run before the transaction commits and before it reads `search_text`.
    pub(crate) fn flush(&mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if !self.stale.is_empty() {
            let mut delete = tx.prepare_cached("DELETE FROM search_text WHERE rowid = ?1")?;
            for number in std::mem::take(&mut self.stale) {
                delete.execute([number])?;
            }
        }
        if self.texts.is_empty() {
            return Ok(());
        }
        let rows: Vec<(i64, String, String)> = std::mem::take(&mut self.texts)
            .into_iter()
            .map(|(number, (label, text))| (number, label, text))
            .collect();
        let json = serde_json::to_string(&rows)
            .map_err(|e| StoreError::Corrupt(format!("search texts: {e}")))?;
        // One statement for them all: a JSON array of [number, label, text] read back by
        // json_each, so no statement of ours runs between FTS5's writes.
        tx.prepare_cached(
            "INSERT INTO search_text (rowid, label, text)
             SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1)",
        )?
        .execute([json])?;
        Ok(())
    }

    /// Flushes once enough texts are waiting (a rebuild of every record).
    fn flush_if_large(&mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if self.texts.len() >= FLUSH_AT {
            self.flush(tx)?;
        }
        Ok(())
    }
}

/// Writes (or replaces) the record's search entry: one row of `search_entry` found by its
/// key now, and its text in `search_text` (by the entry's number) when `pending` is
/// flushed, so the cost does not grow with the index.
pub(crate) fn index<T: Record>(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    record: &T,
) -> Result<(), StoreError> {
    write_entry(tx, pending, record, false)
}

/// [`index`] for a record just inserted, which has no entry yet: nothing to look up.
pub(crate) fn index_new<T: Record>(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    record: &T,
) -> Result<(), StoreError> {
    write_entry(tx, pending, record, true)
}

fn write_entry<T: Record>(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    record: &T,
    new: bool,
) -> Result<(), StoreError> {
    let Some(range) = doc_range(T::TABLE) else {
        return Ok(()); // a kind search does not find
    };
    let Some(doc) = record.search_doc() else {
        return unindex(tx, pending, T::TABLE, record.id());
    };
    // People and delegations are also found by their organisation's name.
    let organisation = match &doc.organisation_id {
        Some(id) => organisation_names(tx, id)?,
        None => String::new(),
    };
    let label = search_form(&doc.label);
    let key = label_key(&label);
    let text = search_form(&format!("{} {organisation}", doc.text));
    // The record keeps its number (the rowid of its text) once it has one.
    let found = if new {
        None
    } else {
        entry(tx, T::TABLE, record.id())?
    };
    let (number, existed) = match found {
        Some(number) => (number, true),
        None => (pending.new_number(tx, T::TABLE, range)?, false),
    };
    tx.prepare_cached(
        "INSERT INTO search_entry
         (doc, kind, record_id, delegation_id, label, detail, label_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (doc) DO UPDATE SET delegation_id = excluded.delegation_id,
           label = excluded.label, detail = excluded.detail, label_key = excluded.label_key",
    )?
    .execute(params![
        number,
        T::TABLE,
        record.id(),
        doc.delegation_id,
        doc.label,
        doc.detail,
        key
    ])?;
    pending.put(number, existed, label, text);
    Ok(())
}

fn entry(tx: &Transaction<'_>, kind: &str, id: &str) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .prepare_cached("SELECT doc FROM search_entry WHERE kind = ?1 AND record_id = ?2")?
        .query_row(params![kind, id], |row| row.get(0))
        .optional()?)
}

fn organisation_names(tx: &Transaction<'_>, organisation_id: &str) -> Result<String, StoreError> {
    // By the organisation's own key: a join from the record written a moment ago was
    // prepared again on every call (a third of a 10,000-row import's writing).
    Ok(tx
        .prepare_cached("SELECT name || ' ' || short_name FROM organisation WHERE id = ?1")?
        .query_row([organisation_id], |row| row.get(0))
        .optional()?
        .unwrap_or_default())
}

fn forget(tx: &Transaction<'_>, pending: &mut Pending, number: i64) -> Result<(), StoreError> {
    pending.forget(number);
    tx.prepare_cached("DELETE FROM search_entry WHERE doc = ?1")?
        .execute([number])?;
    Ok(())
}

pub(crate) fn unindex(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    kind: &str,
    id: &str,
) -> Result<(), StoreError> {
    if doc_range(kind).is_none() {
        return Ok(());
    }
    if let Some(number) = entry(tx, kind, id)? {
        forget(tx, pending, number)?;
    }
    Ok(())
}

/// Removes the entries of a delegation's programme items and report (its own is removed
/// with it).
pub(crate) fn unindex_belonging_to(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    delegation_id: &str,
) -> Result<(), StoreError> {
    let numbers = tx
        .prepare_cached(
            "SELECT doc FROM search_entry WHERE delegation_id = ?1 AND kind <> 'delegation'",
        )?
        .query_map([delegation_id], |row| row.get::<_, i64>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    for number in numbers {
        forget(tx, pending, number)?;
    }
    Ok(())
}

/// Empties the index and fills it again from every searchable record: after the upgrade
/// that keyed it, and after records were written in bulk without it.
pub(crate) fn rebuild(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(
        "INSERT INTO search_text (search_text) VALUES ('delete-all');
         DELETE FROM search_entry;",
    )?;
    fn all<T: Record>(tx: &Transaction<'_>, pending: &mut Pending) -> Result<(), StoreError> {
        for item in record::select::<T>(tx, "1", "id", &[])? {
            index(tx, pending, &item)?;
            pending.flush_if_large(tx)?;
        }
        Ok(())
    }
    let mut pending = Pending::default();
    all::<Organisation>(tx, &mut pending)?;
    all::<Person>(tx, &mut pending)?;
    all::<Delegation>(tx, &mut pending)?;
    all::<ProgrammeItem>(tx, &mut pending)?;
    all::<MissionReport>(tx, &mut pending)?;
    pending.flush(tx)?;
    optimize(tx)
}

/// Brings the search entry of one row up to date with the record as it is now (or
/// removes it, the record gone): after changes applied from another device, which reach the
/// tables without passing through a [`crate::write::Writer`]. The text waits in `pending`.
pub(crate) fn reindex_row(
    tx: &Transaction<'_>,
    pending: &mut Pending,
    table: &str,
    id: &str,
) -> Result<(), StoreError> {
    fn one<T: Record>(
        tx: &Transaction<'_>,
        pending: &mut Pending,
        id: &str,
    ) -> Result<(), StoreError> {
        match record::find::<T>(tx, id)? {
            Some(item) => index(tx, pending, &item),
            None => unindex(tx, pending, T::TABLE, id),
        }
    }
    match table {
        "person" => one::<Person>(tx, pending, id),
        "organisation" => one::<Organisation>(tx, pending, id),
        "delegation" => one::<Delegation>(tx, pending, id),
        "programme_item" => one::<ProgrammeItem>(tx, pending, id),
        "mission_report" => one::<MissionReport>(tx, pending, id),
        _ => Ok(()),
    }
}

/// Merges the full-text index into one segment: after it was written in bulk, a prefix
/// query reads each word's list once instead of once per segment (on twenty years, the
/// three-letter prefixes answer in half the time; 2.4 s, once).
fn optimize(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO search_text (search_text) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

/// Writes every entry's `label_key` from its label: after the upgrade that added the
/// column (schema 8), when the rest of the index is already right; then merges the index.
pub(crate) fn fill_label_keys(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let labels = tx
        .prepare("SELECT doc, label FROM search_entry")?
        .query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut update = tx.prepare("UPDATE search_entry SET label_key = ?2 WHERE doc = ?1")?;
    for (doc, label) in labels {
        update.execute(params![doc, label_key(&label)])?;
    }
    optimize(tx)
}

/// A label as its start is looked up: folded, its words joined by one space.
pub(crate) fn label_key(label: &str) -> String {
    words(label).join(" ")
}

/// The words typed, folded, each a whole word of the text except the last (which may be
/// cut short); empty when nothing searchable was typed.
fn words(typed: &str) -> Vec<String> {
    search_form(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The FTS5 query for what a user typed: each word folded, quoted (so that no character
/// of theirs is FTS syntax) and matched as a prefix.
pub fn match_expression(typed: &str) -> Option<String> {
    let words: Vec<String> = words(typed)
        .into_iter()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Above this many names or titles of a kind that begin with what was typed (four letters
/// or more), the newest of them are found by walking, newest first, the labels that begin
/// with the same three letters (they are common among those); up to it, by reading them all
/// from the index and keeping the newest.
const FEW_STARTS: usize = 2_000;

/// The newest entries of a kind whose label begins with the letters `?2` (one, two or three
/// of them: the index of that length) and lies in `?3 .. ?4`, at most `?5`. `+label_key`
/// keeps SQLite on that index (whose order is the newest first) rather than the range one.
const NEWEST_STARTS: [&str; 3] = [
    "SELECT doc FROM search_entry WHERE kind = ?1 AND substr(label_key, 1, 1) = ?2
     AND +label_key >= ?3 AND +label_key < ?4 ORDER BY doc DESC LIMIT ?5",
    "SELECT doc FROM search_entry WHERE kind = ?1 AND substr(label_key, 1, 2) = ?2
     AND +label_key >= ?3 AND +label_key < ?4 ORDER BY doc DESC LIMIT ?5",
    "SELECT doc FROM search_entry WHERE kind = ?1 AND substr(label_key, 1, 3) = ?2
     AND +label_key >= ?3 AND +label_key < ?4 ORDER BY doc DESC LIMIT ?5",
];

/// The entry numbers of up to `limit` records of `kind` whose label begins with `start`
/// (a [`label_key`] cut short), newest first.
fn label_starts(
    conn: &Connection,
    kind: &str,
    start: &str,
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    // Every text that begins with `start` sorts from `start` to just before `end`.
    let end = format!("{start}{}", char::MAX);
    let letters = start.chars().count();
    let newest = |n: usize| -> Result<Vec<i64>, StoreError> {
        let lead: String = start.chars().take(n).collect();
        Ok(conn
            .prepare_cached(NEWEST_STARTS[n - 1])?
            .query_map(params![kind, lead, start, end, limit as i64], |row| {
                row.get(0)
            })?
            .collect::<Result<_, _>>()?)
    };
    if letters == 0 {
        return Ok(Vec::new());
    }
    if letters <= 3 {
        return newest(letters);
    }
    let mut numbers: Vec<i64> = conn
        .prepare_cached(
            "SELECT doc FROM search_entry
             WHERE kind = ?1 AND label_key >= ?2 AND label_key < ?3 LIMIT ?4",
        )?
        .query_map(params![kind, start, end, FEW_STARTS as i64 + 1], |row| {
            row.get(0)
        })?
        .collect::<Result<_, _>>()?;
    if numbers.len() <= FEW_STARTS {
        numbers.sort_unstable_by(|a, b| b.cmp(a));
        numbers.truncate(limit);
        return Ok(numbers);
    }
    newest(3)
}

/// Up to `limit` hits per kind, grouped by kind, best first: names and titles that begin
/// with what was typed, then every other record that has each typed word at the start of
/// one of its words; newest first within each. Each kind stops at `limit`, so a
/// keystroke costs the same on twenty years of records as on one.
pub(crate) fn query(
    conn: &Connection,
    typed: &str,
    limit: usize,
) -> Result<Vec<SearchGroup>, StoreError> {
    let Some(anywhere) = match_expression(typed) else {
        return Ok(Vec::new());
    };
    let start = label_key(typed);
    let mut numbers = conn.prepare_cached(
        "SELECT rowid FROM search_text WHERE search_text MATCH ?1
         AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT ?4",
    )?;
    let mut hit = conn.prepare_cached(
        "SELECT record_id, delegation_id, label, detail FROM search_entry WHERE doc = ?1",
    )?;
    let mut groups = Vec::new();
    for kind in KINDS {
        let Some((first, last)) = doc_range(kind) else {
            continue;
        };
        let mut found = label_starts(conn, kind, &start, limit)?;
        if found.len() < limit {
            // Asking for `limit` more than were found covers the ones found again.
            let wanted = (limit + found.len()) as i64;
            let more = numbers
                .query_map(params![&anywhere, first, last, wanted], |row| row.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            for number in more {
                if found.len() < limit && !found.contains(&number) {
                    found.push(number);
                }
            }
        }
        let hits = found
            .iter()
            .map(|number| {
                hit.query_row([number], |row| {
                    Ok(SearchHit {
                        record_id: row.get(0)?,
                        delegation_id: row.get(1)?,
                        label: row.get(2)?,
                        detail: row.get(3)?,
                    })
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !hits.is_empty() {
            groups.push(SearchGroup {
                kind: (*kind).to_owned(),
                hits,
            });
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_quoted_prefixes_without_diacritics() {
        assert_eq!(
            match_expression("Trần Mỹ"),
            Some("\"tran\"* \"my\"*".to_owned())
        );
        assert_eq!(
            match_expression("Đà-Nẵng"),
            Some("\"da\"* \"nang\"*".to_owned())
        );
        assert_eq!(
            match_expression("\" OR * NEAR("),
            Some("\"or\"* \"near\"*".to_owned()),
            "FTS syntax typed by a user is only words"
        );
        assert_eq!(match_expression("  --  "), None);
    }

    #[test]
    fn a_label_is_looked_up_by_its_folded_words_joined_by_one_space() {
        assert_eq!(label_key("Trần  Mỹ-Dung"), "tran my dung");
        assert_eq!(label_key("Đoàn ĐHQG (Hà Nội)"), "doan dhqg ha noi");
        assert_eq!(label_key("*"), "");
    }

    fn ok<T, E: std::fmt::Display>(result: Result<T, E>) -> T {
        result.unwrap_or_else(|e| panic!("{e}"))
    }

    /// The labels that `typed` finds.
    fn found(store: &crate::Store, typed: &str) -> Vec<String> {
        ok(store.search(typed, 8))
            .into_iter()
            .flat_map(|g| g.hits)
            .map(|h| h.label)
            .collect()
    }

    fn organisation(name: &str, at: &str) -> Organisation {
        desk_domain::OrganisationInput {
            name: name.into(),
            kind: "library".into(),
            ..Default::default()
        }
        .validate()
        .map(|valid| valid.into_organisation(crate::new_id(), at))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn records_created_renamed_and_removed_in_one_transaction_are_found_as_they_end() {
        // The texts of a transaction are written at its commit: what it created, then
        // renamed, then removed must end as the records do, for records that were there
        // before it and for records it made.
        let mut store = ok(crate::Store::open_in_memory());
        let writer = ok(store.writer());
        let kept = organisation("Thư viện Quốc gia Lào", &writer.at);
        let gone = organisation("Thư viện Hoàng gia Campuchia", &writer.at);
        ok(writer.create(&kept));
        ok(writer.create(&gone));
        ok(writer.commit());
        assert_eq!(found(&store, "lao"), ["Thư viện Quốc gia Lào"]);

        let writer = ok(store.writer());
        let renamed = Organisation {
            name: "Thư viện Quốc gia Thái Lan".into(),
            ..kept.clone()
        };
        ok(writer.change(&kept, &renamed));
        ok(writer.remove(&gone));
        let made = organisation("Thư viện Sejong", &writer.at);
        let remade = Organisation {
            name: "Thư viện Sejong Seoul".into(),
            ..made.clone()
        };
        ok(writer.create(&made));
        ok(writer.change(&made, &remade));
        let fleeting = organisation("Thư viện Tạm", &writer.at);
        ok(writer.create(&fleeting));
        ok(writer.remove(&fleeting));
        ok(writer.commit());

        assert!(found(&store, "lao").is_empty(), "the old name is gone");
        assert_eq!(found(&store, "thai lan"), ["Thư viện Quốc gia Thái Lan"]);
        assert!(found(&store, "campuchia").is_empty(), "a removed record");
        assert_eq!(found(&store, "sejong seoul"), ["Thư viện Sejong Seoul"]);
        assert!(found(&store, "tam").is_empty(), "made and removed at once");
        assert_eq!(found(&store, "thu vien").len(), 2, "each record once");
        let check = store.conn.execute(
            "INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 0)",
            [],
        );
        assert!(
            check.is_ok(),
            "the full-text index agrees with itself: {check:?}"
        );
    }

    #[test]
    fn each_kind_owns_its_own_range_of_numbers() {
        let ranges: Vec<(i64, i64)> = KINDS.iter().filter_map(|k| doc_range(k)).collect();
        assert_eq!(ranges.len(), KINDS.len());
        for pair in ranges.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{pair:?} overlap");
        }
        assert_eq!(doc_range("expense"), None);
    }
}
