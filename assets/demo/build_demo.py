#!/usr/bin/env python3
"""Writes ineli-asean.json, the demo data set, in Delegation Desk's export format.

The story is the National Library of Viet Nam's news article on the 2nd INELI-ASEAN session
(Singapore, 6-9 Sep 2016) and the 3rd session it hosted in Ha Noi (27-30 Nov 2017). What the
article does not say -- every person's name, passport, flight, hotel, amount -- is invented
and only illustrative. Run it again after changing it; the output is deterministic.
"""
import base64
import hashlib
import json
import random
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(20161106)
STAMP = "2024-06-01T08:00:00.000Z"
_counter = [0]


def uid():
    """A UUIDv7-shaped id: a fixed millisecond time (2024-06-01) and a counter."""
    _counter[0] += 1
    ms = 1717228800000 + _counter[0]
    hexms = f"{ms:012x}"
    rand = f"{rng.getrandbits(62):016x}"
    return f"{hexms[:8]}-{hexms[8:12]}-7{rand[:3]}-{'89ab'[_counter[0] % 4]}{rand[3:6]}-{rand[6:16]}{_counter[0]:02x}"[:36]


def stamped(**fields):
    fields.setdefault("created_at", STAMP)
    fields.setdefault("updated_at", STAMP)
    return fields


def fold(s):
    import unicodedata
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).upper()


def nfc(s):
    import unicodedata
    return unicodedata.normalize("NFC", s)


orgs, people, delegations, members = [], [], [], []
segments, stays, visas, programme, tasks, transfers = [], [], [], [], [], []
attachments, expenses, reports = [], [], []


def org(name, short, country, kind, notes=""):
    o = stamped(id=uid(), name=nfc(name), short_name=short, country=country, kind=kind, notes=notes)
    orgs.append(o)
    return o


def person(full, org_id=None, title="", unit="", gender=None, born=None, nat="VN",
           passport=None, expires=None, order="family_first", passport_name=None,
           email="", phone="", dietary="", level="", notes=""):
    full = nfc(full)
    words = full.split()
    if order == "family_first":
        family, given = words[0], " ".join(words[1:])
    else:
        family, given = words[-1], " ".join(words[:-1])
    p = stamped(
        id=uid(), full_name=full, passport_name=passport_name or fold(full),
        family_name=family, given_name=given, name_order=order, title=nfc(title), unit=nfc(unit),
        organisation_id=org_id, gender=gender, born_on=born, nationality=nat,
        passport_no=passport or "", passport_expires_on=expires, email=email, phone=phone,
        dietary=dietary, access_needs="", staff_level=level, notes=notes,
    )
    people.append(p)
    return p


# --- Organisations ---------------------------------------------------------------------------
nlv = org("Thư viện Quốc gia Việt Nam", "TVQG", "VN", "library",
          "National Library of Viet Nam, 31 Tràng Thi, Hà Nội.")
mocst = org("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", "VN", "ministry")
binh_duong = org("Thư viện tỉnh Bình Dương", "TV Bình Dương", "VN", "library",
                 "Binh Duong Provincial Library.")
khanh_hoa = org("Thư viện tỉnh Khánh Hòa", "TV Khánh Hòa", "VN", "library",
                "Khanh Hoa Provincial Library.")
consal = org("Congress of Southeast Asian Librarians", "CONSAL", "", "association",
             "Runs the INELI-ASEAN project with its member countries.")
gates = org("Bill & Melinda Gates Foundation", "BMGF", "US", "sponsor",
            "Sponsor of the INELI-ASEAN project.")
nlb = org("National Library Board Singapore", "NLB", "SG", "library",
          "Host of the 2nd INELI-ASEAN session, 2016.")
national_libraries = {
    "BN": org("Dewan Bahasa dan Pustaka Brunei", "DBP", "BN", "library"),
    "KH": org("National Library of Cambodia", "NLC", "KH", "library"),
    "ID": org("Perpustakaan Nasional Republik Indonesia", "Perpusnas", "ID", "library"),
    "LA": org("National Library of Laos", "NLL", "LA", "library"),
    "MY": org("Perpustakaan Negara Malaysia", "PNM", "MY", "library"),
    "MM": org("National Library of Myanmar", "NLM", "MM", "library"),
    "PH": org("National Library of the Philippines", "NLP", "PH", "library"),
    "SG": nlb,
    "TH": org("National Library of Thailand", "NLT", "TH", "library"),
}

# --- Staff of the National Library and the two provincial libraries (illustrative names) ------
head = person("Nguyễn Thị Hồng Nhung", nlv["id"], "Phó Giám đốc", "Ban Giám đốc", "female",
              "1968-04-12", passport="C1234567", expires="2020-05-30", level="leader",
              email="nhung.nth@nlv.gov.vn")
dung = person("Trần Mỹ Dung", nlv["id"], "Chuyên viên", "Phòng Hợp tác quốc tế", "female",
              "1985-10-02", passport="C2345678", expires="2017-01-20", level="staff",
              email="dung.tm@nlv.gov.vn", dietary="Ăn chay")
thanh = person("Lê Văn Thành", nlv["id"], "Trưởng phòng", "Phòng Phục vụ bạn đọc", "male",
               "1975-07-19", passport="C3456789", expires="2019-11-02", level="staff")
ha = person("Phạm Thu Hà", nlv["id"], "Phó Trưởng phòng", "Phòng Tin học", "female",
            "1982-01-25", passport="C4567890", expires="2021-03-14", level="staff")
tuan = person("Đỗ Minh Tuấn", binh_duong["id"], "Phó Giám đốc", "", "male", "1979-09-09",
              passport="C5678901", expires="2022-08-08", level="leader")
hoa = person("Võ Thị Hoà", khanh_hoa["id"], "Trưởng phòng Nghiệp vụ", "", "female",
             "1983-12-01", passport="C6789012", expires="2018-02-10", level="staff",
             notes="Spelt Hoà (with the mark on a), as on her passport.")
dat = person("Đặng Quốc Đạt", nlv["id"], "Chuyên viên", "Phòng Hợp tác quốc tế", "male",
             "1990-03-03", level="staff")
hoa2 = person("Bùi Thanh Hòa", nlv["id"], "Trưởng phòng", "Phòng Hành chính - Tổng hợp", "female",
              "1977-05-21", level="staff")
lan = person("Hoàng Ngọc Lan", nlv["id"], "Chuyên viên", "Phòng Hợp tác quốc tế", "female",
             "1992-08-14", level="staff")

# --- The 2nd INELI-ASEAN session, Singapore, 6-9 September 2016 (outgoing) ---------------------
sg = stamped(
    id=uid(), direction="outgoing",
    title=nfc("Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore"),
    purpose=nfc(
        "Tham dự Phiên họp lần thứ 2 Dự án Mạng lưới quốc tế các nhà đổi mới thư viện "
        "mới nổi khu vực Đông Nam Á (INELI-ASEAN): hội thảo, họp nhóm, báo cáo kết quả "
        "nghiên cứu và thăm 06 mô hình thư viện tiên tiến của nước chủ nhà; nhận cờ đăng cai "
        "Phiên họp lần thứ 3 năm 2017 tại Việt Nam."),
    event="2nd INELI-ASEAN session", organisation_id=nlb["id"], country="SG",
    cities="Singapore", starts_on="2016-09-05", ends_on="2016-09-09", status="closed",
    funding="mixed", sponsor_id=gates["id"], decision_number="512/QĐ-TVQG",
    decision_date="2016-08-22", decision_signer=nfc("Giám đốc Thư viện Quốc gia Việt Nam"),
    notes=nfc("Vé máy bay và khách sạn do Dự án INELI-ASEAN (Quỹ Bill & Melinda Gates) tài trợ; "
              "công tác phí do ngân sách nhà nước chi."), deleted_at=None,
)
delegations.append(sg)
sg_people = [(head, "head"), (dung, "secretary"), (thanh, "member"), (ha, "member"),
             (tuan, "member"), (hoa, "member")]
for p, role in sg_people:
    members.append(stamped(id=uid(), delegation_id=sg["id"], person_id=p["id"], role=role,
                           joins_on=None, leaves_on=None, notes=""))
out_flight = stamped(
    id=uid(), delegation_id=sg["id"], mode="flight", carrier="Vietnam Airlines", number="VN 651",
    from_place="HAN", from_tz="Asia/Ho_Chi_Minh", departs_local="2016-09-05T23:50:00",
    to_place="SIN", to_tz="Asia/Singapore", arrives_local="2016-09-06T03:10:00", terminal="T4",
    passenger_ids=[], notes="Illustrative flight.")
back_flight = stamped(
    id=uid(), delegation_id=sg["id"], mode="flight", carrier="Singapore Airlines", number="SQ 176",
    from_place="SIN", from_tz="Asia/Singapore", departs_local="2016-09-09T16:40:00",
    to_place="HAN", to_tz="Asia/Ho_Chi_Minh", arrives_local="2016-09-09T18:55:00", terminal="T2",
    passenger_ids=[], notes="")
segments += [out_flight, back_flight]
for room, guests in [("Twin 1203", [head, dung]), ("Twin 1205", [thanh, tuan]),
                     ("Twin 1207", [ha, hoa])]:
    stays.append(stamped(id=uid(), delegation_id=sg["id"], hotel="Hotel Boss", city="Singapore",
                         address="500 Jalan Sultan, Singapore 199020", room=room,
                         check_in_on="2016-09-06", check_out_on="2016-09-09",
                         confirmation="HB-16-0906", guest_ids=[g["id"] for g in guests], notes=""))
for p, _ in sg_people:
    visas.append(stamped(id=uid(), person_id=p["id"], delegation_id=sg["id"], country="SG",
                         status="not_required", number="", valid_from=None, valid_until=None,
                         notes=nfc("Công dân ASEAN được miễn thị thực 30 ngày.")))
sg_programme = [
    ("2016-09-06", "09:00", "12:00", "ceremony", "Khai mạc phiên họp và phát biểu chào mừng", "National Library Building", "Plaza, Level 16"),
    ("2016-09-06", "13:30", "17:00", "workshop", "Hội thảo: vai trò, chức năng, nhiệm vụ của Dự án INELI-ASEAN", "National Library Building", "Imagination Room"),
    ("2016-09-07", "09:00", "12:00", "meeting", "Họp nhóm: báo cáo kết quả nghiên cứu của các nhà đổi mới", "National Library Building", "Possibility Room"),
    ("2016-09-07", "14:00", "17:30", "visit", "Thăm Thư viện Jurong và Thư viện Trung tâm Sengkang", "Jurong Regional Library", ""),
    ("2016-09-08", "09:00", "12:00", "workshop", "Phiên toàn thể: 05 vấn đề trọng tâm của thư viện công cộng", "National Library Building", "Plaza, Level 16"),
    ("2016-09-08", "14:00", "17:30", "visit", "Thăm Thư viện Bishan, Thư viện Trẻ em và library@orchard", "Bishan Public Library", ""),
    ("2016-09-09", "09:00", "11:00", "meeting", "Thảo luận thành lập Mạng thông tin thư viện công cộng ASEAN (APLiN)", "National Library Building", "Imagination Room"),
    ("2016-09-09", "11:00", "12:30", "ceremony", "Bế mạc; Việt Nam nhận cờ đăng cai Phiên họp lần thứ 3", "National Library Building", "Plaza, Level 16"),
]
for day, start, end, kind, title, venue, room in sg_programme:
    programme.append(stamped(id=uid(), delegation_id=sg["id"], kind=kind, title=nfc(title),
                             on_date=day, starts_at=f"{start}:00", ends_at=f"{end}:00",
                             venue=venue, room=room, responsible_id=dung["id"], audience="all",
                             audience_note="", notes=""))


def expense(deleg, kind, category, currency, minor, rate="", rate_date=None, source="",
            person_id=None, description="", spent_on=None):
    expenses.append(stamped(id=uid(), delegation_id=deleg["id"], person_id=person_id, kind=kind,
                            category=category, description=nfc(description),
                            amount={"currency": currency, "minor": minor}, rate_to_vnd=rate,
                            rate_date=rate_date, rate_source=source, spent_on=spent_on,
                            receipt_id=None))


VCB = "Vietcombank, tỷ giá bán"
for p, _ in sg_people:
    lead = p["staff_level"] == "leader"
    # Per diem from the state budget: 4 days at an illustrative daily rate.
    expense(sg, "estimate", "per_diem", "USD", (70 if lead else 60) * 4 * 100, "22300",
            "2016-08-22", VCB, p["id"], "Công tác phí 4 ngày (dự toán)")
    expense(sg, "advance", "per_diem", "USD", (70 if lead else 60) * 4 * 100, "22310",
            "2016-08-30", VCB, p["id"], "Tạm ứng công tác phí")
    expense(sg, "actual", "per_diem", "USD", (70 if lead else 60) * 4 * 100, "22310",
            "2016-08-30", VCB, p["id"], "Công tác phí thực chi", "2016-09-09")
expense(sg, "estimate", "insurance", "VND", 6 * 350000, description="Bảo hiểm du lịch 6 người")
expense(sg, "actual", "insurance", "VND", 6 * 330000, description="Bảo hiểm du lịch 6 người",
        spent_on="2016-09-01")
expense(sg, "actual", "local_transport", "SGD", 18640, "16350", "2016-09-06", VCB,
        description="Taxi sân bay và đi lại tham quan", spent_on="2016-09-08")
expense(sg, "actual", "gifts", "VND", 2400000, description="Quà tặng nước chủ nhà",
        spent_on="2016-09-03")


def photo(caption, label, colour):
    """An illustrative JPEG drawn with ImageMagick (no real photo ships with the demo)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "photo.jpg"
        subprocess.run([
            "convert", "-size", "960x640", f"gradient:{colour}-white", "-gravity", "center",
            "-font", "DejaVu-Sans", "-pointsize", "40", "-fill", "#1f2937",
            "-annotate", "+0+0", label, "-quality", "82", str(out)], check=True)
        data = out.read_bytes()
    a = stamped(id=uid(), delegation_id=sg["id"], person_id=None, kind="photo",
                file_name=f"{label.lower().replace(' ', '-')}.jpg", media_type="image/jpeg",
                size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), caption=nfc(caption))
    attachments.append({**a, "content_base64": base64.b64encode(data).decode()})
    return a


photo1 = photo("Đoàn Việt Nam tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN (ảnh minh họa)",
               "INELI-ASEAN 2016", "#9ec5e8")
photo2 = photo("Đoàn Việt Nam nhận cờ đăng cai Phiên họp năm 2017 (ảnh minh họa)",
               "Host flag 2017", "#f3c98b")

reports.append(stamped(
    id=uid(), delegation_id=sg["id"], language="vi", number="15/BC-TVQG", place="Hà Nội",
    report_date="2016-09-20",
    recipients=[nfc("Lãnh đạo Bộ Văn hóa, Thể thao và Du lịch"), nfc("Vụ Hợp tác quốc tế")],
    purpose=nfc(
        "Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN nhằm tiếp tục xây dựng mạng lưới các nhà "
        "đổi mới thư viện mới nổi có tầm nhìn về tương lai của hệ thống thư viện công cộng "
        "Đông Nam Á.\n\nYêu cầu: tham gia đầy đủ các hoạt động của phiên họp; chuẩn bị và nhận "
        "cờ đăng cai Phiên họp lần thứ 3 tổ chức tại Việt Nam năm 2017."),
    activities=nfc(
        "Phiên họp quy tụ hơn 60 đại biểu là Giám đốc các thư viện quốc gia, Chủ tịch các Hội "
        "thư viện, chuyên gia thư viện - thông tin của 10 nước thành viên CONSAL. Trong các giờ "
        "nghỉ, đoàn đã thăm **06 mô hình thư viện tiên tiến** của Singapore."),
    results=nfc(
        "Các nhóm đã trình bày tuyên bố về 05 vấn đề trọng tâm:\n\n"
        "- xây dựng nội dung và tổ chức các dịch vụ thư viện tiên tiến;\n"
        "- tạo không gian hấp dẫn bạn đọc;\n"
        "- đo lường tác động của thư viện đối với cộng đồng;\n"
        "- tìm kiếm hỗ trợ để xây dựng chương trình hoạt động phù hợp;\n"
        "- xây dựng quan hệ hợp tác để phát huy nguồn lực cộng đồng.\n\n"
        "Tại phiên bế mạc, đoàn Việt Nam đã phát biểu nhận đăng cai, giới thiệu phim về Thư viện "
        "Quốc gia Việt Nam và Thủ đô Hà Nội, và *nhận cờ đăng cai* Phiên họp lần thứ 3."),
    assessment=nfc(
        "Chuyến công tác hoàn thành tốt mục đích, yêu cầu đề ra. Các mô hình thư viện được tham "
        "quan là ví dụ thực tiễn sinh động về đổi mới dịch vụ, sử dụng không gian thư viện và "
        "dịch vụ tự phục vụ."),
    proposals=nfc(
        "Đề nghị Bộ cho phép Thư viện Quốc gia Việt Nam đăng cai Phiên họp lần thứ 3 từ ngày "
        "27 đến 30/11/2017, nhân dịp kỷ niệm 100 năm thành lập Thư viện (29/11/1917 - "
        "29/11/2017)."),
    photos=[{"attachment_id": photo1["id"], "caption": photo1["caption"]},
            {"attachment_id": photo2["id"], "caption": photo2["caption"]}],
    received_by=[nfc("Như trên"), nfc("Giám đốc (để b/c)"), nfc("Lưu: VT, HTQT")],
    signatory_authority=nfc("KT. GIÁM ĐỐC"), signatory_position=nfc("PHÓ GIÁM ĐỐC"),
    signatory_name=head["full_name"], status="final", version=3,
))

# --- The 3rd INELI-ASEAN session, Ha Noi, 27-30 November 2017 (incoming, hosted) --------------
hn = stamped(
    id=uid(), direction="incoming",
    title=nfc("Đăng cai Phiên họp lần thứ 3 Dự án INELI-ASEAN tại Hà Nội"),
    purpose=nfc("Tổ chức Phiên họp lần thứ 3 Dự án INELI-ASEAN cho hơn 60 đại biểu của 10 nước "
                "thành viên CONSAL, nhân dịp kỷ niệm 100 năm thành lập Thư viện Quốc gia Việt Nam."),
    event="3rd INELI-ASEAN session", organisation_id=consal["id"], country="VN",
    cities=nfc("Hà Nội"), starts_on="2017-11-27", ends_on="2017-11-30", status="closed",
    funding="sponsored", sponsor_id=gates["id"], decision_number="1450/QĐ-BVHTTDL",
    decision_date="2017-09-15", decision_signer=nfc("Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
    notes="", deleted_at=None,
)
delegations.append(hn)

GUESTS = {
    "BN": [("Siti Nurhaliza binti Ahmad", "female"), ("Mohd Hazwan bin Abdullah", "male"),
           ("Nur Amalina binti Yusof", "female"), ("Awang Haji Rosli", "male"),
           ("Dayang Norazizah", "female"), ("Pengiran Khairul Anwar", "male")],
    "KH": [("Sok Chanthy", "female"), ("Chea Sophal", "male"), ("Keo Sreyneang", "female"),
           ("Heng Vuthy", "male"), ("Lim Sopheap", "female"), ("Chan Dara", "male")],
    "ID": [("Dewi Lestari", "female"), ("Budi Santoso", "male"), ("Sri Wahyuni", "female"),
           ("Agus Setiawan", "male"), ("Ratna Sari", "female"), ("Hendra Gunawan", "male"),
           ("Yulia Rahmawati", "female")],
    "LA": [("Somphone Keomany", "female"), ("Khamla Phommachanh", "male"),
           ("Vilayvanh Sengdara", "female"), ("Bounmy Sisouphanh", "male"),
           ("Chanthala Inthavong", "female"), ("Phouvong Souvannavong", "male")],
    "MY": [("Nurul Aini binti Hassan", "female"), ("Tan Wei Ming", "male"),
           ("Kavitha Subramaniam", "female"), ("Ahmad Faizal bin Omar", "male"),
           ("Lee Siew Ling", "female"), ("Mohd Rizal bin Ismail", "male"),
           ("Farah Hanim binti Zainal", "female")],
    "MM": [("Aung Ko Ko", "male"), ("Thandar Win", "female"), ("Kyaw Zin Htet", "male"),
           ("Ei Ei Phyo", "female"), ("Min Thu Aung", "male"), ("Hnin Wai Lwin", "female")],
    "PH": [("Maria Santos Reyes", "female"), ("Jose Dela Cruz", "male"),
           ("Ana Liza Bautista", "female"), ("Ramon Villanueva", "male"),
           ("Cristina Mendoza", "female"), ("Paolo Garcia", "male")],
    "SG": [("Lim Mei Ling", "female"), ("Rajesh Kumar", "male"), ("Chua Hui Min", "female"),
           ("Nur Syafiqah Rahman", "female"), ("Ong Kian Seng", "male"), ("Tan Li Ting", "female")],
    "TH": [("Siriporn Chaiyaporn", "female"), ("Somchai Wongsakul", "male"),
           ("Kanokwan Thongdee", "female"), ("Prasert Boonmee", "male"),
           ("Nattaya Srisuk", "female"), ("Wichai Rattanakorn", "male"),
           ("Pimchanok Saelim", "female")],
}
FAMILY_FIRST = {"KH", "MM"}  # Khmer names family first; Burmese names have no family name.
VN_GUESTS = [("Nguyễn Văn Hùng", "male", binh_duong), ("Trịnh Thị Thu", "female", khanh_hoa),
             ("Lương Đức Anh", "male", None), ("Mai Phương Thảo", "female", None),
             ("Vũ Hoàng Long", "male", None), ("Đinh Thị Ngọc Ánh", "female", None)]
FLIGHTS = {
    "BN": ("Royal Brunei Airlines", "BI 605", "BWN", "Asia/Brunei", "2017-11-26T13:20:00", "2017-11-26T15:30:00"),
    "KH": ("Vietnam Airlines", "VN 840", "PNH", "Asia/Phnom_Penh", "2017-11-26T17:25:00", "2017-11-26T19:20:00"),
    "ID": ("Vietnam Airlines", "VN 630", "CGK", "Asia/Jakarta", "2017-11-26T09:40:00", "2017-11-26T13:10:00"),
    "LA": ("Lao Airlines", "QV 311", "VTE", "Asia/Vientiane", "2017-11-26T10:35:00", "2017-11-26T11:40:00"),
    "MY": ("Malaysia Airlines", "MH 752", "KUL", "Asia/Kuala_Lumpur", "2017-11-26T09:35:00", "2017-11-26T11:40:00"),
    "MM": ("Vietnam Airlines", "VN 956", "RGN", "Asia/Yangon", "2017-11-26T12:05:00", "2017-11-26T14:50:00"),
    "PH": ("Philippine Airlines", "PR 595", "MNL", "Asia/Manila", "2017-11-26T07:45:00", "2017-11-26T09:50:00"),
    "SG": ("Singapore Airlines", "SQ 176", "SIN", "Asia/Singapore", "2017-11-26T08:35:00", "2017-11-26T10:50:00"),
    "TH": ("Thai Airways", "TG 560", "BKK", "Asia/Bangkok", "2017-11-26T14:00:00", "2017-11-26T15:55:00"),
}
hosts = [dat, hoa2, lan]
for p, role in [(head, "head"), (dat, "secretary"), (hoa2, "member"), (lan, "interpreter")]:
    members.append(stamped(id=uid(), delegation_id=hn["id"], person_id=p["id"], role=role,
                           joins_on=None, leaves_on=None, notes=nfc("Ban tổ chức")))
guests_by_country = {}
for country, names in GUESTS.items():
    lib = national_libraries[country]
    for i, (name, gender) in enumerate(names):
        order = "family_first" if country in FAMILY_FIRST else "given_first"
        g = person(name, lib["id"], "Librarian" if i else "Director", "", gender,
                   f"{rng.randint(1965, 1992)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   country, f"{country}{rng.randint(1000000, 9999999)}",
                   f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   order, dietary=rng.choice(["", "", "", "Halal", "Vegetarian", "No seafood"]),
                   level="")
        guests_by_country.setdefault(country, []).append(g)
        members.append(stamped(id=uid(), delegation_id=hn["id"], person_id=g["id"], role="guest",
                               joins_on=None, leaves_on=None, notes=""))
for name, gender, lib in VN_GUESTS:
    g = person(name, (lib or nlv)["id"], "Thủ thư", "", gender, None, "VN", level="staff")
    guests_by_country.setdefault("VN", []).append(g)
    members.append(stamped(id=uid(), delegation_id=hn["id"], person_id=g["id"], role="guest",
                           joins_on=None, leaves_on=None, notes=""))

for country, (carrier, number, origin, tz, dep, arr) in FLIGHTS.items():
    guests = guests_by_country[country]
    seg = stamped(id=uid(), delegation_id=hn["id"], mode="flight", carrier=carrier, number=number,
                  from_place=origin, from_tz=tz, departs_local=dep, to_place="HAN",
                  to_tz="Asia/Ho_Chi_Minh", arrives_local=arr,
                  terminal="T2" if carrier != "Vietnam Airlines" else "T2",
                  passenger_ids=[g["id"] for g in guests], notes="")
    segments.append(seg)
    hh, mm = arr[11:13], arr[14:16]
    pickup = f"{arr[:11]}{hh}:{mm}:00"
    transfers.append(stamped(
        id=uid(), delegation_id=hn["id"], segment_id=seg["id"], kind="arrival", at_local=pickup,
        time_zone="Asia/Ho_Chi_Minh", from_place="Nội Bài (HAN) T2",
        to_place="Hotel Nikko Hanoi", terminal="T2", passenger_ids=[g["id"] for g in guests],
        vehicle=nfc("Xe 16 chỗ 29B-123.45") if len(guests) > 5 else nfc("Xe 7 chỗ 30A-678.90"),
        driver=rng.choice([nfc("Anh Nguyễn Văn Bình"), nfc("Anh Trần Quang Huy"), nfc("Anh Phạm Đức Mạnh")]),
        driver_phone=f"09{rng.randint(10000000, 99999999)}", notes=""))

room_no = 501
for country, guests in guests_by_country.items():
    if country == "VN":
        continue
    for i in range(0, len(guests), 2):
        pair = guests[i:i + 2]
        stays.append(stamped(id=uid(), delegation_id=hn["id"], hotel="Hotel Nikko Hanoi",
                             city=nfc("Hà Nội"), address=nfc("84 Trần Nhân Tông, Hà Nội"),
                             room=f"{'Twin' if len(pair) == 2 else 'Single'} {room_no}",
                             check_in_on="2017-11-26", check_out_on="2017-12-01",
                             confirmation=f"NIKKO-1711-{room_no}",
                             guest_ids=[g["id"] for g in pair], notes=""))
        room_no += 1

hn_programme = [
    ("2017-11-27", "08:30", "09:00", "other", "Đón tiếp, đăng ký đại biểu", "Thư viện Quốc gia Việt Nam", "Sảnh tầng 1", "all", dat),
    ("2017-11-27", "09:00", "11:30", "ceremony", "Khai mạc Phiên họp lần thứ 3 Dự án INELI-ASEAN", "Thư viện Quốc gia Việt Nam", "Hội trường tầng 3", "all", hoa2),
    ("2017-11-27", "13:30", "17:00", "workshop", "Hội thảo: thư viện công cộng và phát triển cộng đồng", "Thư viện Quốc gia Việt Nam", "Hội trường tầng 3", "all", lan),
    ("2017-11-27", "18:30", "20:30", "meal", "Tiệc chào mừng", "Hotel Nikko Hanoi", "Ballroom", "all", hoa2),
    ("2017-11-28", "08:30", "12:00", "meeting", "Họp nhóm các nhà đổi mới", "Thư viện Quốc gia Việt Nam", "Phòng họp A, B, C", "group", lan),
    ("2017-11-28", "14:00", "17:00", "visit", "Thăm Thư viện Hà Nội và mô hình thư viện trường học", "Thư viện Hà Nội", "", "all", dat),
    ("2017-11-29", "08:00", "11:00", "ceremony", "Lễ kỷ niệm 100 năm thành lập Thư viện Quốc gia Việt Nam", "Thư viện Quốc gia Việt Nam", "Hội trường tầng 3", "vip", hoa2),
    ("2017-11-29", "14:00", "17:00", "visit", "Tham quan Văn Miếu - Quốc Tử Giám", "Văn Miếu - Quốc Tử Giám", "", "all", dat),
    ("2017-11-30", "08:30", "11:30", "meeting", "Phiên toàn thể: kế hoạch hoạt động 2 năm tới của Dự án", "Thư viện Quốc gia Việt Nam", "Hội trường tầng 3", "all", lan),
    ("2017-11-30", "11:30", "12:30", "ceremony", "Bế mạc và trao cờ đăng cai Phiên họp lần thứ 4", "Thư viện Quốc gia Việt Nam", "Hội trường tầng 3", "all", hoa2),
]
for day, start, end, kind, title, venue, room, audience, who in hn_programme:
    programme.append(stamped(id=uid(), delegation_id=hn["id"], kind=kind, title=nfc(title),
                             on_date=day, starts_at=f"{start}:00", ends_at=f"{end}:00",
                             venue=nfc(venue), room=nfc(room), responsible_id=who["id"],
                             audience=audience,
                             audience_note=nfc("Nhóm 1-3 theo danh sách") if audience == "group" else "",
                             notes=""))
hn_tasks = [
    ("Gửi thư mời đại biểu các nước", "2017-09-28", dat),
    ("Gửi thư hỗ trợ xin thị thực", "2017-10-13", dat),
    ("Xác nhận đặt phòng khách sạn", "2017-10-28", hoa2),
    ("In thẻ đại biểu và biển tên", "2017-11-20", lan),
    ("Chốt danh sách đón tiễn sân bay", "2017-11-24", dat),
    ("Chuẩn bị quà lưu niệm", "2017-11-22", hoa2),
]
for title, due, who in hn_tasks:
    tasks.append(stamped(id=uid(), delegation_id=hn["id"], title=nfc(title), assignee_id=who["id"],
                         due_on=due, status="done", notes=""))
expense(hn, "actual", "hosting", "VND", 185000000, description="Hội trường, âm thanh, phiên dịch",
        spent_on="2017-11-30")
expense(hn, "actual", "accommodation", "USD", 31 * 4 * 9500, "22700", "2017-11-24", VCB,
        description="Khách sạn cho đại biểu (Dự án tài trợ)", spent_on="2017-12-01")
expense(hn, "actual", "local_transport", "VND", 42000000, description="Xe đưa đón đại biểu",
        spent_on="2017-11-30")

data = {
    "format": "delegation-desk",
    "schema_version": 2,
    "note": ("Demo data: the INELI-ASEAN story of the National Library of Viet Nam (2016, 2017). "
             "The events follow the library's news article; every name, passport, flight, "
             "hotel, amount and photo is invented and only illustrative."),
    "settings": None,
    "organisations": sorted(orgs, key=lambda r: r["id"]),
    "people": sorted(people, key=lambda r: r["id"]),
    "delegations": sorted(delegations, key=lambda r: r["id"]),
    "members": sorted(members, key=lambda r: r["id"]),
    "segments": sorted(segments, key=lambda r: r["id"]),
    "stays": sorted(stays, key=lambda r: r["id"]),
    "visas": sorted(visas, key=lambda r: r["id"]),
    "programme_items": sorted(programme, key=lambda r: r["id"]),
    "tasks": sorted(tasks, key=lambda r: r["id"]),
    "transfers": sorted(transfers, key=lambda r: r["id"]),
    "attachments": sorted(attachments, key=lambda r: r["id"]),
    "expenses": sorted(expenses, key=lambda r: r["id"]),
    "mission_reports": sorted(reports, key=lambda r: r["id"]),
    "report_versions": [],
    "audit": [],
}
(HERE / "ineli-asean.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
guests_total = sum(len(v) for v in guests_by_country.values())
print(f"{len(people)} people ({guests_total} guests), {len(delegations)} delegations, "
      f"{len(members)} members")
