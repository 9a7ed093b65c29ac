//! The recovery sheet of a database key: the key, the database's name and the date, in
//! both languages, to print and keep in the office safe. `desk key restore` and the
//! window's unlock screen read the key back from it.

use std::path::Path;

use chrono::NaiveDate;
use desk_store::Key;

/// The sheet as plain text (it prints on any printer, and reads back with `desk key restore`).
pub fn recovery_sheet(db: &Path, key: &Key, date: NaiveDate) -> String {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "DELEGATION DESK — PHIẾU KHÔI PHỤC KHÓA / KEY RECOVERY SHEET\n\
         \n\
         Cơ sở dữ liệu / Database: {name}\n\
         Nơi lưu / Location: {}\n\
         Ngày lập / Date: {}\n\
         \n\
         Khóa / Key: {}\n\
         \n\
         Ai có khóa này và một bản sao của cơ sở dữ liệu thì đọc được toàn bộ dữ liệu: cất\n\
         phiếu trong két của cơ quan. Trên máy khác: desk key restore PHIẾU, hoặc nhập khóa\n\
         vào màn hình mở khóa của ứng dụng.\n\
         Whoever holds this key and a copy of the database can read all of it: keep this\n\
         sheet in the office safe. On another machine: desk key restore SHEET, or type the\n\
         key into the app's unlock screen.\n",
        db.display(),
        date.format("%Y-%m-%d"),
        key.to_groups()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_names_the_database_and_gives_back_its_key() {
        let key = Key::from_hex(&"ab".repeat(32)).unwrap_or_else(|| panic!("a key"));
        let date = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
        let sheet = recovery_sheet(Path::new("/data/desk.sqlite"), &key, date);
        assert!(sheet.contains("desk.sqlite"));
        assert!(sheet.contains("2026-12-02"));
        assert_eq!(Key::find_in(&sheet), Some(key));
    }
}
