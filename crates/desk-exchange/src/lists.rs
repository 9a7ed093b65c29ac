//! The hosting lists as tables: the guest list (which reads back in as a guest list), the
//! rooming list for the hotel and the transfer list for the transport team. Headers are
//! bilingual, Vietnamese first, as the office's own papers are.

use desk_domain::hosting::{GuestRecord, RoomingList, TransferBoard};
use desk_domain::{Segment, country_names};

use crate::out::{OutCell, Table};

fn t(s: impl Into<String>) -> OutCell {
    OutCell::Text(s.into())
}

fn flight(segment: &Option<Segment>) -> (OutCell, OutCell, OutCell) {
    match segment {
        Some(s) => (
            t(format!(
                "{} {}",
                s.number,
                if s.carrier.is_empty() {
                    String::new()
                } else {
                    format!("({})", s.carrier)
                }
            )
            .trim()),
            OutCell::DateTime(s.arrives_local),
            t(format!("{} → {}", s.from_place, s.to_place)),
        ),
        None => (t(""), t(""), t("")),
    }
}

/// The guest list: one row per guest, columns the import recognises.
pub fn guest_table(title: &str, guests: &[GuestRecord]) -> Table {
    let headers = [
        "STT / No.",
        "Họ và tên / Full name",
        "Họ / Family name",
        "Tên / Given name",
        "Tên trong hộ chiếu / Name in passport",
        "Giới tính / Gender",
        "Ngày sinh / Date of birth",
        "Quốc tịch / Nationality",
        "Số hộ chiếu / Passport No.",
        "Ngày hết hạn / Date of expiry",
        "Cơ quan / Organisation",
        "Chức vụ / Title",
        "Email",
        "Điện thoại / Phone",
        "Ăn kiêng / Dietary",
        "Chuyến bay đến / Arrival flight",
        "Ngày đến / Arrival date",
        "Chuyến bay đi / Departure flight",
        "Ngày đi / Departure date",
        "Khách sạn / Hotel",
        "Đã đến / Checked in",
    ];
    let rows = guests
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let p = &g.person;
            let date = |d: Option<chrono::NaiveDate>| d.map_or(t(""), OutCell::Date);
            let (arrival, arrives, _) = flight(&g.arrival);
            let departure = g.departure.as_ref();
            let hotel = g
                .stays
                .iter()
                .map(|s| format!("{} {}", s.hotel, s.room).trim().to_owned())
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                OutCell::Number((n + 1) as f64),
                t(&p.full_name),
                t(&p.family_name),
                t(&p.given_name),
                t(&p.passport_name),
                t(p.gender.map(|g| g.as_str()).unwrap_or_default()),
                date(p.born_on),
                t(if p.nationality.is_empty() {
                    String::new()
                } else {
                    country_names::english(&p.nationality)
                }),
                t(&p.passport_no),
                date(p.passport_expires_on),
                t(g.organisation
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default()),
                t(&p.title),
                t(&p.email),
                t(&p.phone),
                t(&p.dietary),
                arrival,
                arrives,
                t(departure.map(|s| s.number.clone()).unwrap_or_default()),
                departure.map_or(t(""), |s| OutCell::DateTime(s.departs_local)),
                t(hotel),
                t(g.checked_in_at.clone().unwrap_or_default()),
            ]
        })
        .collect();
    Table {
        name: "Guests".into(),
        title: title.to_owned(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

/// The rooming list: one row per room, who sleeps in it, nights.
pub fn rooming_table(title: &str, list: &RoomingList) -> Table {
    let headers = [
        "Khách sạn / Hotel",
        "Phòng / Room",
        "Khách / Guests",
        "Tên trong hộ chiếu / Passport names",
        "Nhận phòng / Check-in",
        "Trả phòng / Check-out",
        "Số đêm / Nights",
        "Mã đặt phòng / Confirmation",
    ];
    let mut rows = Vec::new();
    for hotel in &list.hotels {
        for room in &hotel.rooms {
            rows.push(vec![
                t(&hotel.hotel),
                t(&room.stay.room),
                t(room
                    .guests
                    .iter()
                    .map(|g| g.full_name.clone())
                    .collect::<Vec<_>>()
                    .join("; ")),
                t(room
                    .guests
                    .iter()
                    .map(|g| g.passport_name.clone())
                    .collect::<Vec<_>>()
                    .join("; ")),
                OutCell::Date(room.stay.check_in_on),
                OutCell::Date(room.stay.check_out_on),
                OutCell::Number(room.nights as f64),
                t(&room.stay.confirmation),
            ]);
        }
    }
    Table {
        name: "Rooming".into(),
        title: title.to_owned(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

/// The transfer list: one row per pickup, by day and time.
pub fn transfer_table(title: &str, board: &TransferBoard) -> Table {
    let headers = [
        "Ngày / Date",
        "Giờ đón / Pickup",
        "Loại / Kind",
        "Chuyến bay / Flight",
        "Từ / From",
        "Đến / To",
        "Nhà ga / Terminal",
        "Số khách / Passengers",
        "Khách / Names",
        "Xe / Vehicle",
        "Lái xe / Driver",
        "Điện thoại lái xe / Driver's phone",
    ];
    let mut rows = Vec::new();
    for day in &board.days {
        for row in &day.transfers {
            let tr = &row.transfer;
            rows.push(vec![
                OutCell::Date(day.date),
                t(tr.at_local.format("%H:%M").to_string()),
                t(tr.kind.as_str()),
                t(row
                    .segment
                    .as_ref()
                    .map(|s| s.number.clone())
                    .unwrap_or_default()),
                t(&tr.from_place),
                t(&tr.to_place),
                t(&tr.terminal),
                OutCell::Number(row.passengers.len() as f64),
                t(row
                    .passengers
                    .iter()
                    .map(|p| p.full_name.clone())
                    .collect::<Vec<_>>()
                    .join("; ")),
                t(&tr.vehicle),
                t(&tr.driver),
                t(&tr.driver_phone),
            ]);
        }
    }
    Table {
        name: "Transfers".into(),
        title: title.to_owned(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}
