//! The agenda: what the Today screen and `desk warnings` show. Departures and arrivals coming
//! up, passports and visas that will not do, people booked twice, and deadlines (mission
//! report, settlement, the request to host, hosting tasks).
//!
//! A pure function of a date, the rules and the records: [`compute`]. The store gathers the
//! records ([`AgendaInput`]); nothing here reads a clock, so every rule is tested on a fixed
//! day. Cancelled delegations and those in the trash are left out.
//!
//! Which items appear:
//! - travel (a delegation starting or ending, a segment departing, a guest arriving) when its
//!   day is within the next [`Rules::upcoming_days`], both ends included;
//! - passport and visa problems, people on two trips at once and days outside a trip, for
//!   every trip not yet over: they take weeks to put right, so they show as soon as they exist;
//! - deadlines (report, settlement, request to host) from [`Rules::upcoming_days`] before they
//!   fall due until they are met, overdue ones included;
//! - open hosting tasks overdue or due within [`Rules::task_days`].
//!
//! Severity: a deadline that has passed is overdue; one within `upcoming_days` is due soon;
//! anything else is information. Travel is always information.

use std::collections::HashMap;

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::warning::Days;
use crate::{
    Delegation, DelegationStatus, Direction, Member, MissionReport, Person, ReportStatus, Segment,
    Settings, Task, Visa, VisaStatus, named, text,
};

named! {
    /// What an agenda item is about. Stable names: the UI translates by them.
    pub enum AgendaKind {
        /// An outgoing delegation leaves, or an incoming one arrives (its first day).
        DelegationStarts = "delegation_starts",
        /// An outgoing delegation comes back, or an incoming one leaves (its last day).
        DelegationEnds = "delegation_ends",
        /// A segment departs (`subject`: "VN 651 HAN → SIN").
        SegmentDeparts = "segment_departs",
        /// A segment of an incoming delegation arrives: guests to meet.
        SegmentArrives = "segment_arrives",
        /// A member of an outgoing delegation has no passport number or expiry on record.
        PassportMissing = "passport_missing",
        /// A passport expires less than `passport_months` after the member's return.
        PassportExpiring = "passport_expiring",
        /// No granted (or not-required) visa for the destination; due `visa_days` before
        /// departure.
        VisaNotGranted = "visa_not_granted",
        /// A person is on two delegations on some of the same days.
        OverlappingTrip = "overlapping_trip",
        /// A member's join/leave days fall outside the delegation's dates.
        DaysOutsideTrip = "days_outside_trip",
        /// The mission report is due `report_due_days` after the return, until it is final.
        ReportDue = "report_due",
        /// The settlement is due `settlement_due_days` after the last day, until the
        /// delegation is closed.
        SettlementDue = "settlement_due",
        /// The request to host an incoming delegation is due 30 days before it arrives
        /// (40 when the Prime Minister decides), until the decision is recorded.
        HostingRequestDue = "hosting_request_due",
        /// An open hosting task is overdue or due soon (`subject`: its title).
        TaskDue = "task_due",
    }
}

named! {
    /// How urgent an item is; the order is the order of the Today screen.
    pub enum Severity {
        Overdue = "overdue",
        DueSoon = "due_soon",
        Info = "info",
    }
}

/// One line of the agenda. The English `message` is for the terminal; the UI builds its own
/// sentence from `kind` and the parameters, each named for what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub severity: Severity,
    /// The day the item falls on: the travel day, the deadline, the departure a passport or
    /// visa is needed for, the first shared day of two trips, a task's due date.
    #[ts(type = "string | null")]
    pub due_on: Option<NaiveDate>,
    /// `due_on` minus today, in days: negative when overdue, 0 today.
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    pub delegation_id: Option<String>,
    pub delegation_title: String,
    pub direction: Option<Direction>,
    /// The person concerned (passport, visa, overlap, days outside).
    pub person_id: Option<String>,
    pub person_name: String,
    pub task_id: Option<String>,
    pub segment_id: Option<String>,
    /// The other delegation of an overlap.
    pub other_delegation_id: Option<String>,
    /// What else the sentence names: a task's title, the other delegation's title, a
    /// segment as "VN 651 HAN → SIN".
    pub subject: String,
    /// The delegation's country (the visa's, for a visa item).
    pub country: String,
    /// A second date the sentence needs: the passport's expiry; the return for a report or
    /// settlement; the first day for a request to host.
    #[ts(type = "string | null")]
    pub related_on: Option<NaiveDate>,
    /// The rule's number behind a deadline or a passport item: months of passport validity
    /// required after the return; days before departure for a visa; days after the return
    /// for a report or settlement; days before the first day for a request to host.
    #[ts(type = "number | null")]
    pub threshold: Option<i64>,
    pub message: String,
}

/// The thresholds the agenda applies. Built from the office's [`Settings`]; the ones
/// Settings does not hold yet take the defaults of [`Rules::default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Travel and deadlines this many days ahead are shown (14).
    pub upcoming_days: i64,
    /// Open tasks due within this many days, today included, are shown (7: this week).
    pub task_days: i64,
    pub passport_months: u32,
    pub visa_days: i64,
    pub report_due_days: i64,
    pub settlement_due_days: i64,
    /// The request to host is due this many days before the first day (30).
    pub hosting_request_days: i64,
    /// ... or this many when the Prime Minister decides (40).
    pub pm_hosting_request_days: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Self::from_settings(&Settings::default())
    }
}

impl Rules {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            upcoming_days: 14,
            task_days: 7,
            passport_months: settings.passport_months,
            visa_days: i64::from(settings.visa_days),
            report_due_days: i64::from(settings.report_due_days),
            settlement_due_days: i64::from(settings.settlement_due_days),
            hosting_request_days: i64::from(settings.hosting_request_days),
            pm_hosting_request_days: i64::from(settings.pm_hosting_request_days),
        }
    }
}

/// The records the agenda looks at. The store may pass more than needed (every live
/// delegation and what belongs to them); records of cancelled or trashed delegations are
/// ignored here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaInput {
    pub delegations: Vec<Delegation>,
    pub members: Vec<Member>,
    pub people: Vec<Person>,
    pub segments: Vec<Segment>,
    pub visas: Vec<Visa>,
    pub tasks: Vec<Task>,
    pub reports: Vec<MissionReport>,
}

/// Whether the Prime Minister decides on hosting this delegation, read from who signs (or
/// will sign) its decision: "Thủ tướng Chính phủ", "Phó Thủ tướng", "Prime Minister". The
/// signer is the decider, so no separate flag is kept.
pub fn prime_minister_decides(delegation: &Delegation) -> bool {
    let signer = text::search_form(&delegation.decision_signer);
    signer.contains("thu tuong") || signer.contains("prime minister")
}

/// The day a deadline for `delegation` falls on, by kind, under `rules`.
pub fn deadline(kind: AgendaKind, delegation: &Delegation, rules: &Rules) -> Option<NaiveDate> {
    let days = |n: i64| Duration::days(n);
    match kind {
        AgendaKind::ReportDue => Some(delegation.ends_on + days(rules.report_due_days)),
        AgendaKind::SettlementDue => Some(delegation.ends_on + days(rules.settlement_due_days)),
        AgendaKind::HostingRequestDue => Some(
            delegation.starts_on
                - days(if prime_minister_decides(delegation) {
                    rules.pm_hosting_request_days
                } else {
                    rules.hosting_request_days
                }),
        ),
        _ => None,
    }
}

struct Ctx<'a> {
    today: NaiveDate,
    rules: &'a Rules,
    input: &'a AgendaInput,
    by: Lookup<'a>,
    items: Vec<AgendaItem>,
}

/// The input's records found by key, so that the agenda of a year of busy trips costs
/// its size, not its size squared. Lists keep the input's order.
#[derive(Default)]
struct Lookup<'a> {
    people: HashMap<&'a str, &'a Person>,
    members: HashMap<&'a str, Vec<&'a Member>>,
    segments: HashMap<&'a str, Vec<&'a Segment>>,
    tasks: HashMap<&'a str, Vec<&'a Task>>,
    reports: HashMap<&'a str, Vec<&'a MissionReport>>,
    visas: HashMap<&'a str, Vec<&'a Visa>>,
}

impl<'a> Lookup<'a> {
    fn new(input: &'a AgendaInput) -> Self {
        fn group<'a, T>(
            items: &'a [T],
            key: impl Fn(&'a T) -> &'a str,
        ) -> HashMap<&'a str, Vec<&'a T>> {
            let mut out: HashMap<&'a str, Vec<&'a T>> = HashMap::new();
            for item in items {
                out.entry(key(item)).or_default().push(item);
            }
            out
        }
        let mut people = HashMap::new();
        for p in &input.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        Self {
            people,
            members: group(&input.members, |m| &m.delegation_id),
            segments: group(&input.segments, |s| &s.delegation_id),
            tasks: group(&input.tasks, |t| &t.delegation_id),
            reports: group(&input.reports, |r| &r.delegation_id),
            visas: group(&input.visas, |v| &v.person_id),
        }
    }
}

/// The records of `key` in `map`, none if it has none.
fn of<'a, T>(map: &HashMap<&'a str, Vec<&'a T>>, key: &str) -> Vec<&'a T> {
    map.get(key).cloned().unwrap_or_default()
}

impl<'a> Ctx<'a> {
    fn horizon(&self) -> NaiveDate {
        self.today + Duration::days(self.rules.upcoming_days)
    }

    fn upcoming(&self, day: NaiveDate) -> bool {
        self.today <= day && day <= self.horizon()
    }

    fn deadline_severity(&self, due: NaiveDate) -> Severity {
        if due < self.today {
            Severity::Overdue
        } else if due <= self.horizon() {
            Severity::DueSoon
        } else {
            Severity::Info
        }
    }

    fn person(&self, id: &str) -> Option<&'a Person> {
        self.by.people.get(id).copied()
    }

    fn item(
        &self,
        kind: AgendaKind,
        severity: Severity,
        d: &Delegation,
        due: Option<NaiveDate>,
    ) -> AgendaItem {
        AgendaItem {
            kind,
            severity,
            due_on: due,
            days_left: due.map(|day| (day - self.today).num_days()),
            delegation_id: Some(d.id.clone()),
            delegation_title: d.title.clone(),
            direction: Some(d.direction),
            person_id: None,
            person_name: String::new(),
            task_id: None,
            segment_id: None,
            other_delegation_id: None,
            subject: String::new(),
            country: d.country.clone(),
            related_on: None,
            threshold: None,
            message: String::new(),
        }
    }

    fn push(&mut self, mut item: AgendaItem) {
        item.message = message(&item);
        self.items.push(item);
    }
}

fn live(d: &Delegation) -> bool {
    d.deleted_at.is_none() && d.status != DelegationStatus::Cancelled
}

/// "VN 651 HAN → SIN": the number if there is one, else the carrier, and the places.
fn segment_label(s: &Segment) -> String {
    let name = if s.number.trim().is_empty() {
        s.carrier.trim().to_owned()
    } else {
        s.number.trim().to_owned()
    };
    if name.is_empty() {
        format!("{} → {}", s.from_place, s.to_place)
    } else {
        format!("{name} {} → {}", s.from_place, s.to_place)
    }
}

fn travel(ctx: &mut Ctx<'_>, d: &Delegation) {
    if ctx.upcoming(d.starts_on) {
        let item = ctx.item(
            AgendaKind::DelegationStarts,
            Severity::Info,
            d,
            Some(d.starts_on),
        );
        ctx.push(item);
    }
    if ctx.upcoming(d.ends_on) {
        let item = ctx.item(
            AgendaKind::DelegationEnds,
            Severity::Info,
            d,
            Some(d.ends_on),
        );
        ctx.push(item);
    }
    let segments: Vec<&Segment> = of(&ctx.by.segments, &d.id);
    for s in segments {
        let departs = s.departs_local.date();
        let arrives = s.arrives_local.date();
        let mut found = Vec::new();
        if ctx.upcoming(departs) {
            found.push((AgendaKind::SegmentDeparts, departs));
        }
        // Arrivals matter where someone waits at the airport: the guests we host.
        if d.direction == Direction::Incoming && ctx.upcoming(arrives) {
            found.push((AgendaKind::SegmentArrives, arrives));
        }
        for (kind, day) in found {
            let mut item = ctx.item(kind, Severity::Info, d, Some(day));
            item.segment_id = Some(s.id.clone());
            item.subject = segment_label(s);
            ctx.push(item);
        }
    }
}

/// The members of `d` whose own days are not over, with their person and days.
fn current_members<'a>(ctx: &Ctx<'a>, d: &Delegation) -> Vec<(&'a Member, &'a Person, Days)> {
    of(&ctx.by.members, &d.id)
        .into_iter()
        .filter_map(|m| {
            let (first, last) = m.days(d.starts_on, d.ends_on);
            let person = ctx.person(&m.person_id)?;
            (last >= ctx.today).then_some((m, person, Days::new(first, last)))
        })
        .collect()
}

fn papers(ctx: &mut Ctx<'_>, d: &Delegation) {
    if d.direction != Direction::Outgoing || d.ends_on < ctx.today {
        return;
    }
    for (_, person, days) in current_members(ctx, d) {
        let about = |ctx: &Ctx<'_>, kind, due: NaiveDate| {
            let mut item = ctx.item(kind, ctx.deadline_severity(due), d, Some(due));
            item.person_id = Some(person.id.clone());
            item.person_name = person.full_name.clone();
            item
        };
        // A passport is on record when both its number and its expiry are.
        let passport = person
            .passport_expires_on
            .filter(|_| !person.passport_no.trim().is_empty());
        match passport {
            None => {
                let item = about(ctx, AgendaKind::PassportMissing, days.first);
                ctx.push(item);
            }
            Some(expires) => {
                let needed = days
                    .last
                    .checked_add_months(Months::new(ctx.rules.passport_months))
                    .unwrap_or(days.last);
                if expires < needed {
                    let mut item = about(ctx, AgendaKind::PassportExpiring, days.first);
                    item.related_on = Some(expires);
                    item.threshold = Some(i64::from(ctx.rules.passport_months));
                    ctx.push(item);
                }
            }
        }
        // A visa for every country of the trip but the traveller's own.
        for country in d.countries() {
            if person.nationality == country {
                continue;
            }
            let covered = of(&ctx.by.visas, &person.id).iter().any(|v| {
                v.person_id == person.id
                    && v.country == country
                    && matches!(v.status, VisaStatus::Granted | VisaStatus::NotRequired)
                    && v.valid_from.is_none_or(|from| from <= days.first)
                    && v.valid_until.is_none_or(|until| until >= days.last)
            });
            if !covered {
                let due = days.first - Duration::days(ctx.rules.visa_days);
                let mut item = about(ctx, AgendaKind::VisaNotGranted, due);
                item.related_on = Some(days.first);
                item.threshold = Some(ctx.rules.visa_days);
                item.country = country.to_owned();
                ctx.push(item);
            }
        }
    }
}

fn days_outside(ctx: &mut Ctx<'_>, d: &Delegation) {
    if d.ends_on < ctx.today {
        return;
    }
    let trip = Days::new(d.starts_on, d.ends_on);
    for (_, person, days) in current_members(ctx, d) {
        if !trip.contains(days) {
            let mut item = ctx.item(
                AgendaKind::DaysOutsideTrip,
                ctx.deadline_severity(d.starts_on),
                d,
                Some(d.starts_on),
            );
            item.person_id = Some(person.id.clone());
            item.person_name = person.full_name.clone();
            ctx.push(item);
        }
    }
}

fn overlaps(ctx: &mut Ctx<'_>, delegations: &[&Delegation]) {
    let mut trips: Vec<(&Person, &Delegation, Days)> = Vec::new();
    let mut by_id: HashMap<&str, &Delegation> = HashMap::new();
    for d in delegations {
        by_id.entry(d.id.as_str()).or_insert(d);
    }
    for m in &ctx.input.members {
        let Some(d) = by_id.get(m.delegation_id.as_str()) else {
            continue;
        };
        let Some(person) = ctx.person(&m.person_id) else {
            continue;
        };
        let (first, last) = m.days(d.starts_on, d.ends_on);
        trips.push((person, d, Days::new(first, last)));
    }
    trips.sort_by(|a, b| (&a.0.id, a.2.first, &a.1.id).cmp(&(&b.0.id, b.2.first, &b.1.id)));
    let mut found = Vec::new();
    for (i, (person, a, a_days)) in trips.iter().enumerate() {
        for (other, b, b_days) in trips.iter().skip(i + 1) {
            // Sorted by person: the rest of the list is other people's trips.
            if other.id != person.id {
                break;
            }
            if a.id == b.id || !a_days.overlaps(*b_days) {
                continue;
            }
            if a_days.last.max(b_days.last) < ctx.today {
                continue;
            }
            let first_shared = a_days.first.max(b_days.first);
            let mut item = ctx.item(
                AgendaKind::OverlappingTrip,
                ctx.deadline_severity(first_shared),
                a,
                Some(first_shared),
            );
            item.person_id = Some(person.id.clone());
            item.person_name = person.full_name.clone();
            item.other_delegation_id = Some(b.id.clone());
            item.subject = b.title.clone();
            found.push(item);
        }
    }
    for item in found {
        ctx.push(item);
    }
}

fn deadlines(ctx: &mut Ctx<'_>, d: &Delegation) {
    let due = |ctx: &mut Ctx<'_>, kind: AgendaKind, related: NaiveDate| {
        if let Some(day) = deadline(kind, d, ctx.rules)
            && day <= ctx.horizon()
        {
            let mut item = ctx.item(kind, ctx.deadline_severity(day), d, Some(day));
            item.related_on = Some(related);
            item.threshold = Some((day - related).num_days().abs());
            ctx.push(item);
        }
    };
    // A draft was never decided, so nobody went: it owes no report and no settlement (a
    // forgotten draft is not a late trip).
    let went = d.status != DelegationStatus::Draft;
    if went && d.direction == Direction::Outgoing {
        let final_report = of(&ctx.by.reports, &d.id)
            .iter()
            .any(|r| r.status == ReportStatus::Final);
        if !final_report {
            due(ctx, AgendaKind::ReportDue, d.ends_on);
        }
    }
    if went && d.status != DelegationStatus::Closed {
        due(ctx, AgendaKind::SettlementDue, d.ends_on);
    }
    // The request is made until the decision is recorded (a number, or the approval);
    // once the visit is over it no longer matters.
    let decided = !d.decision_number.trim().is_empty() || d.status != DelegationStatus::Draft;
    if d.direction == Direction::Incoming && !decided && ctx.today <= d.ends_on {
        due(ctx, AgendaKind::HostingRequestDue, d.starts_on);
    }
}

fn tasks(ctx: &mut Ctx<'_>, d: &Delegation) {
    let last = ctx.today + Duration::days(ctx.rules.task_days - 1);
    let tasks: Vec<&Task> = of(&ctx.by.tasks, &d.id)
        .into_iter()
        .filter(|t| t.status.is_open())
        .collect();
    for t in tasks {
        let Some(due) = t.due_on.filter(|due| *due <= last) else {
            continue;
        };
        let severity = if due < ctx.today {
            Severity::Overdue
        } else {
            Severity::DueSoon
        };
        let mut item = ctx.item(AgendaKind::TaskDue, severity, d, Some(due));
        item.task_id = Some(t.id.clone());
        item.subject = t.title.clone();
        if let Some(person) = t.assignee_id.as_deref().and_then(|id| ctx.person(id)) {
            item.person_id = Some(person.id.clone());
            item.person_name = person.full_name.clone();
        }
        ctx.push(item);
    }
}

/// Everything the Today screen shows on `today`, most urgent first, then by day.
pub fn compute(today: NaiveDate, settings: &Settings, input: &AgendaInput) -> Vec<AgendaItem> {
    compute_with(today, &Rules::from_settings(settings), input)
}

/// [`compute`] with explicit rules.
pub fn compute_with(today: NaiveDate, rules: &Rules, input: &AgendaInput) -> Vec<AgendaItem> {
    let mut ctx = Ctx {
        today,
        rules,
        input,
        by: Lookup::new(input),
        items: Vec::new(),
    };
    let delegations: Vec<&Delegation> = input.delegations.iter().filter(|d| live(d)).collect();
    for d in &delegations {
        travel(&mut ctx, d);
        papers(&mut ctx, d);
        days_outside(&mut ctx, d);
        deadlines(&mut ctx, d);
        tasks(&mut ctx, d);
    }
    overlaps(&mut ctx, &delegations);
    let mut items = ctx.items;
    items.sort_by(|a, b| {
        (
            a.severity,
            a.due_on,
            a.kind,
            &a.delegation_title,
            &a.person_name,
            &a.subject,
        )
            .cmp(&(
                b.severity,
                b.due_on,
                b.kind,
                &b.delegation_title,
                &b.person_name,
                &b.subject,
            ))
    });
    items
}

/// So many lines of each section of the Today screen: how many to send, or how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionCounts {
    pub overdue: u32,
    pub due_soon: u32,
    pub info: u32,
}

impl SectionCounts {
    fn of(&mut self, severity: Severity) -> &mut u32 {
        match severity {
            Severity::Overdue => &mut self.overdue,
            Severity::DueSoon => &mut self.due_soon,
            Severity::Info => &mut self.info,
        }
    }
}

/// The Today screen's agenda: the first lines of each section, most urgent first, and how
/// many each section holds in all. An office's whole history can have thousands of lines
/// due (2,599 on twenty synthetic years, 1.46 MB as JSON); the window asks for the few it
/// draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgendaSections {
    pub items: Vec<AgendaItem>,
    pub counts: SectionCounts,
}

impl AgendaSections {
    /// Keeps the first lines of each section, as many as `shown` says, from `items` in
    /// [`compute`]'s order.
    pub fn first(items: Vec<AgendaItem>, shown: SectionCounts) -> Self {
        let mut counts = SectionCounts {
            overdue: 0,
            due_soon: 0,
            info: 0,
        };
        let mut kept = shown;
        let items = items
            .into_iter()
            .filter(|item| {
                *counts.of(item.severity) += 1;
                let left = kept.of(item.severity);
                let keep = *left > 0;
                *left = left.saturating_sub(1);
                keep
            })
            .collect();
        Self { items, counts }
    }
}

fn when(item: &AgendaItem) -> String {
    match (item.due_on, item.days_left) {
        (Some(day), Some(0)) => format!("today ({day})"),
        (Some(day), Some(1)) => format!("tomorrow ({day})"),
        (Some(day), Some(n)) if n < 0 => format!("{day}, {} days ago", -n),
        (Some(day), Some(n)) => format!("{day}, in {n} days"),
        _ => String::new(),
    }
}

/// The English sentence for an item, from its kind and parameters.
pub fn message(item: &AgendaItem) -> String {
    let title = &item.delegation_title;
    let who = &item.person_name;
    let when = when(item);
    let on = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let incoming = item.direction == Some(Direction::Incoming);
    match item.kind {
        AgendaKind::DelegationStarts if incoming => format!("\"{title}\" arrives {when}"),
        AgendaKind::DelegationStarts => format!("\"{title}\" departs {when}"),
        AgendaKind::DelegationEnds if incoming => format!("\"{title}\" leaves {when}"),
        AgendaKind::DelegationEnds => format!("\"{title}\" returns {when}"),
        AgendaKind::SegmentDeparts => format!("{} departs {when} (\"{title}\")", item.subject),
        AgendaKind::SegmentArrives => format!("{} arrives {when} (\"{title}\")", item.subject),
        AgendaKind::PassportMissing => {
            format!("{who} has no passport on record for \"{title}\" (departs {when})")
        }
        AgendaKind::PassportExpiring if item.related_on < item.due_on => format!(
            "{who}'s passport expires {}, before departing on \"{title}\" ({when})",
            on(item.related_on),
        ),
        AgendaKind::PassportExpiring => format!(
            "{who}'s passport expires {}, less than {} months after the return from \"{title}\" (departs {when})",
            on(item.related_on),
            item.threshold.unwrap_or_default(),
        ),
        AgendaKind::VisaNotGranted => format!(
            "{who} has no visa for {} yet for \"{title}\" (due {when}; departs {})",
            item.country,
            on(item.related_on)
        ),
        AgendaKind::OverlappingTrip => format!(
            "{who} is on \"{title}\" and \"{}\" on the same days (from {when})",
            item.subject
        ),
        AgendaKind::DaysOutsideTrip => {
            format!("{who}'s days fall outside the dates of \"{title}\"")
        }
        AgendaKind::ReportDue => format!(
            "The mission report of \"{title}\" is due {when} (returned {})",
            on(item.related_on)
        ),
        AgendaKind::SettlementDue => format!(
            "The settlement of \"{title}\" is due {when} (ended {})",
            on(item.related_on)
        ),
        AgendaKind::HostingRequestDue => format!(
            "The request to host \"{title}\" is due {when} (arrives {})",
            on(item.related_on)
        ),
        AgendaKind::TaskDue if who.is_empty() => {
            format!("Task \"{}\" for \"{title}\" is due {when}", item.subject)
        }
        AgendaKind::TaskDue => format!(
            "Task \"{}\" for \"{title}\" ({who}) is due {when}",
            item.subject
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TaskStatus;
    use crate::fixtures::{d, delegation, member, person, segment, task, visa};

    /// The day before the Singapore trip's paperwork is looked at.
    const TODAY: &str = "2016-08-25";

    fn run(input: &AgendaInput) -> Vec<AgendaItem> {
        compute(d(TODAY), &Settings::default(), input)
    }

    fn line(severity: Severity, title: &str) -> AgendaItem {
        AgendaItem {
            kind: AgendaKind::ReportDue,
            severity,
            due_on: None,
            days_left: None,
            delegation_id: None,
            delegation_title: title.to_owned(),
            direction: None,
            person_id: None,
            person_name: String::new(),
            task_id: None,
            segment_id: None,
            other_delegation_id: None,
            subject: String::new(),
            country: String::new(),
            related_on: None,
            threshold: None,
            message: String::new(),
        }
    }

    #[test]
    fn today_gets_the_first_lines_of_each_section_and_every_section_counted() {
        let mut items: Vec<AgendaItem> = (0..120)
            .map(|n| line(Severity::Overdue, &format!("overdue {n}")))
            .collect();
        items.extend((0..3).map(|n| line(Severity::DueSoon, &format!("soon {n}"))));
        items.push(line(Severity::Info, "info"));
        let shown = SectionCounts {
            overdue: 50,
            due_soon: 50,
            info: 0,
        };
        let sections = AgendaSections::first(items, shown);
        let expected = SectionCounts {
            overdue: 120,
            due_soon: 3,
            info: 1,
        };
        assert_eq!(sections.counts, expected, "every line is counted");
        let titles: Vec<&str> = sections
            .items
            .iter()
            .map(|i| i.delegation_title.as_str())
            .collect();
        assert_eq!(titles.len(), 53, "50 overdue, 3 due soon, no info line");
        assert_eq!(titles[0], "overdue 0", "the most urgent first");
        assert_eq!(titles[49], "overdue 49");
        assert_eq!(titles[50..], ["soon 0", "soon 1", "soon 2"]);
    }

    fn kinds(items: &[AgendaItem]) -> Vec<(AgendaKind, Severity, Option<i64>)> {
        items
            .iter()
            .map(|i| (i.kind, i.severity, i.days_left))
            .collect()
    }

    fn of(items: &[AgendaItem], kind: AgendaKind) -> Vec<&AgendaItem> {
        items.iter().filter(|i| i.kind == kind).collect()
    }

    /// An outgoing trip to Singapore with one member whose passport expires on `expires`.
    fn singapore(expires: Option<&str>) -> AgendaInput {
        AgendaInput {
            delegations: vec![delegation(
                "sg",
                Direction::Outgoing,
                "SG",
                "2016-09-05",
                "2016-09-09",
            )],
            members: vec![member("sg", "dung")],
            people: vec![person("dung", "Trần Mỹ Dung", expires)],
            visas: vec![visa("dung", "SG", VisaStatus::NotRequired)],
            ..Default::default()
        }
    }

    #[test]
    fn a_year_of_busy_trips_lists_each_overlap_once_and_answers_in_moments() {
        // 3,000 trips of 8 people each over a year: everyone travels once, except one
        // person who is in two trips that overlap.
        let mut input = AgendaInput::default();
        for n in 0..3_000u64 {
            let id = format!("t{n}");
            let starts = d("2016-01-01") + chrono::Days::new(n / 10);
            let ends = starts + chrono::Days::new(4);
            let mut trip = delegation(&id, Direction::Outgoing, "SG", "2016-01-01", "2016-01-01");
            trip.starts_on = starts;
            trip.ends_on = ends;
            input.delegations.push(trip);
            for k in 0..8 {
                let who = format!("p{n}-{k}");
                input
                    .people
                    .push(person(&who, &format!("Person {n} {k}"), None));
                input.visas.push(visa(&who, "SG", VisaStatus::NotRequired));
                input.members.push(member(&id, &who));
            }
        }
        input.members.push(member("t2801", "p2800-0"));
        let today = d("2016-10-01");
        let started = std::time::Instant::now();
        let items = compute_with(today, &Rules::default(), &input);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
        let overlaps: Vec<&AgendaItem> = items
            .iter()
            .filter(|i| i.kind == AgendaKind::OverlappingTrip)
            .collect();
        assert_eq!(overlaps.len(), 1, "{overlaps:?}");
        assert_eq!(overlaps[0].person_id.as_deref(), Some("p2800-0"));
        assert!(
            items.iter().any(|i| i.kind == AgendaKind::DelegationStarts),
            "the trips about to start are listed"
        );
    }

    #[test]
    fn travel_is_listed_fourteen_days_ahead_both_ends_included() {
        let mut input = AgendaInput {
            delegations: vec![
                delegation(
                    "in14",
                    Direction::Outgoing,
                    "VN",
                    "2016-09-08",
                    "2016-09-10",
                ),
                delegation(
                    "in15",
                    Direction::Outgoing,
                    "VN",
                    "2016-09-09",
                    "2016-09-10",
                ),
                delegation(
                    "ends",
                    Direction::Incoming,
                    "VN",
                    "2016-08-20",
                    "2016-08-25",
                ),
            ],
            ..Default::default()
        };
        input.segments = vec![
            segment(
                "vn1",
                "in14",
                ("HAN", "Asia/Ho_Chi_Minh", "2016-09-08T23:50"),
                ("SGN", "Asia/Ho_Chi_Minh", "2016-09-09T01:50"),
                &[],
            ),
            segment(
                "g1",
                "ends",
                ("SIN", "Asia/Singapore", "2016-08-24T23:00"),
                ("HAN", "Asia/Ho_Chi_Minh", "2016-08-25T00:30"),
                &[],
            ),
        ];
        let items = run(&input);
        let travel: Vec<(AgendaKind, Option<String>, Option<i64>)> = items
            .iter()
            .filter(|i| i.severity == Severity::Info)
            .map(|i| (i.kind, i.delegation_id.clone(), i.days_left))
            .collect();
        assert_eq!(
            travel,
            vec![
                (AgendaKind::DelegationEnds, Some("ends".into()), Some(0)),
                (AgendaKind::SegmentArrives, Some("ends".into()), Some(0)),
                (AgendaKind::DelegationStarts, Some("in14".into()), Some(14)),
                (AgendaKind::SegmentDeparts, Some("in14".into()), Some(14)),
            ],
            "exactly 14 days ahead is listed, 15 is not; a guest arriving today is; the \
             departure of a guest's flight yesterday is not"
        );
        assert_eq!(
            of(&items, AgendaKind::SegmentDeparts)[0].subject,
            "VN1 HAN → SGN"
        );
        assert!(items[0].message.contains("today"), "{}", items[0].message);
    }

    #[test]
    fn a_passport_valid_exactly_six_months_after_the_return_is_enough() {
        assert!(
            of(
                &run(&singapore(Some("2017-03-09"))),
                AgendaKind::PassportExpiring
            )
            .is_empty(),
            "return 2016-09-09 + 6 months = 2017-03-09: valid then is enough"
        );
        let items = run(&singapore(Some("2017-03-08")));
        let expiring = of(&items, AgendaKind::PassportExpiring);
        assert_eq!(expiring.len(), 1, "one day short of six months");
        let item = expiring[0];
        assert_eq!(item.person_name, "Trần Mỹ Dung");
        assert_eq!(item.related_on, Some(d("2017-03-08")));
        assert_eq!(
            item.due_on,
            Some(d("2016-09-05")),
            "it must be fixed by departure"
        );
        assert_eq!(item.severity, Severity::DueSoon);
        assert_eq!(item.threshold, Some(6));
        assert!(
            item.message.contains("less than 6 months"),
            "{}",
            item.message
        );
    }

    #[test]
    fn the_members_own_return_day_counts_and_a_missing_passport_is_flagged() {
        let mut input = singapore(Some("2017-03-08"));
        input.members[0].leaves_on = Some(d("2016-09-07"));
        assert!(
            of(&run(&input), AgendaKind::PassportExpiring).is_empty(),
            "she leaves on the 7th: 2017-03-07 is the day that matters"
        );
        let items = run(&singapore(None));
        assert_eq!(of(&items, AgendaKind::PassportMissing).len(), 1);
        let items = run(&singapore(Some("2016-08-30")));
        let expired = of(&items, AgendaKind::PassportExpiring);
        assert!(
            expired[0].message.contains("before departing"),
            "a passport that runs out before the trip says so: {}",
            expired[0].message
        );
        let settings = Settings {
            passport_months: 3,
            ..Settings::default()
        };
        let items = compute(d(TODAY), &settings, &singapore(Some("2016-12-10")));
        assert!(
            of(&items, AgendaKind::PassportExpiring).is_empty(),
            "the threshold comes from the settings"
        );
    }

    #[test]
    fn a_trip_to_two_countries_needs_a_visa_for_each() {
        let mut input = singapore(Some("2020-01-01"));
        input.delegations[0].more_destinations = vec![crate::Destination {
            country: "MY".into(),
            cities: "Kuala Lumpur".into(),
        }];
        input.visas = vec![visa("dung", "SG", VisaStatus::Granted)];
        let items = run(&input);
        let missing: Vec<&str> = of(&items, AgendaKind::VisaNotGranted)
            .iter()
            .map(|i| i.country.as_str())
            .collect();
        assert_eq!(missing, ["MY"], "Singapore is granted, Malaysia is not");
    }

    #[test]
    fn guests_and_past_trips_are_not_asked_for_passports() {
        let mut input = singapore(None);
        input.delegations[0].direction = Direction::Incoming;
        assert!(of(&run(&input), AgendaKind::PassportMissing).is_empty());
        let mut input = singapore(None);
        input.delegations[0].starts_on = d("2016-08-01");
        input.delegations[0].ends_on = d("2016-08-05");
        assert!(of(&run(&input), AgendaKind::PassportMissing).is_empty());
    }

    #[test]
    fn a_visa_not_granted_is_due_visa_days_before_departure() {
        let mut input = singapore(Some("2020-01-01"));
        input.visas.clear();
        let items = run(&input);
        let visa_items = of(&items, AgendaKind::VisaNotGranted);
        assert_eq!(visa_items.len(), 1);
        assert_eq!(
            visa_items[0].due_on,
            Some(d("2016-08-15")),
            "21 days before 5 Sep"
        );
        assert_eq!(visa_items[0].severity, Severity::Overdue);
        assert_eq!(visa_items[0].days_left, Some(-10));
        assert_eq!(visa_items[0].country, "SG");

        for (status, flagged) in [
            (VisaStatus::Granted, false),
            (VisaStatus::NotRequired, false),
            (VisaStatus::Applied, true),
            (VisaStatus::Refused, true),
        ] {
            let mut input = singapore(Some("2020-01-01"));
            input.visas = vec![visa("dung", "SG", status)];
            assert_eq!(
                of(&run(&input), AgendaKind::VisaNotGranted).len(),
                usize::from(flagged),
                "{status}"
            );
        }
        let mut input = singapore(Some("2020-01-01"));
        input.visas = vec![visa("dung", "SG", VisaStatus::Granted)];
        input.visas[0].valid_until = Some(d("2016-09-08"));
        assert_eq!(
            of(&run(&input), AgendaKind::VisaNotGranted).len(),
            1,
            "a visa that ends before the return does not cover the trip"
        );
        let mut input = singapore(Some("2020-01-01"));
        input.visas.clear();
        input.people[0].nationality = "SG".into();
        assert!(
            of(&run(&input), AgendaKind::VisaNotGranted).is_empty(),
            "no visa for one's own country"
        );
    }

    #[test]
    fn a_visa_deadline_falling_today_is_due_soon() {
        let mut input = singapore(Some("2020-01-01"));
        input.visas.clear();
        input.delegations[0].starts_on = d("2016-09-15");
        input.delegations[0].ends_on = d("2016-09-20");
        let items = run(&input);
        let item = of(&items, AgendaKind::VisaNotGranted)[0];
        assert_eq!(
            (item.severity, item.days_left),
            (Severity::DueSoon, Some(0))
        );
    }

    #[test]
    fn a_person_on_two_trips_at_once_is_flagged_once() {
        let input = AgendaInput {
            delegations: vec![
                delegation("a", Direction::Outgoing, "SG", "2016-09-05", "2016-09-09"),
                delegation("b", Direction::Incoming, "VN", "2016-09-09", "2016-09-12"),
                delegation("c", Direction::Incoming, "VN", "2016-09-10", "2016-09-12"),
            ],
            members: vec![
                member("a", "p"),
                member("b", "p"),
                member("c", "q"),
                member("a", "q"),
            ],
            people: vec![
                person("p", "P", Some("2030-01-01")),
                person("q", "Q", Some("2030-01-01")),
            ],
            visas: vec![
                visa("p", "SG", VisaStatus::Granted),
                visa("q", "SG", VisaStatus::Granted),
            ],
            ..Default::default()
        };
        let items = run(&input);
        let overlaps = of(&items, AgendaKind::OverlappingTrip);
        assert_eq!(
            overlaps.len(),
            1,
            "P shares the 9th; Q's trips only touch: {overlaps:?}"
        );
        assert_eq!(overlaps[0].person_id.as_deref(), Some("p"));
        assert_eq!(overlaps[0].delegation_id.as_deref(), Some("a"));
        assert_eq!(overlaps[0].other_delegation_id.as_deref(), Some("b"));
        assert_eq!(overlaps[0].due_on, Some(d("2016-09-09")));

        let mut cancelled = input.clone();
        cancelled.delegations[1].status = DelegationStatus::Cancelled;
        assert!(of(&run(&cancelled), AgendaKind::OverlappingTrip).is_empty());
    }

    #[test]
    fn a_member_joining_before_the_trip_is_flagged() {
        let mut input = singapore(Some("2030-01-01"));
        input.members[0].joins_on = Some(d("2016-09-04"));
        let items = run(&input);
        assert_eq!(of(&items, AgendaKind::DaysOutsideTrip).len(), 1);
        assert_eq!(
            of(
                &run(&singapore(Some("2030-01-01"))),
                AgendaKind::DaysOutsideTrip
            )
            .len(),
            0
        );
    }

    #[test]
    fn the_report_is_due_fifteen_days_after_return_until_it_is_final() {
        let input = AgendaInput {
            delegations: vec![
                // Returned 10 Aug: due 25 Aug, today.
                delegation("due", Direction::Outgoing, "SG", "2016-08-06", "2016-08-10"),
                // Returned yesterday: due in 14 days, listed.
                delegation(
                    "soon",
                    Direction::Outgoing,
                    "SG",
                    "2016-08-20",
                    "2016-08-24",
                ),
                // Returns today: due in 15 days, not yet.
                delegation(
                    "later",
                    Direction::Outgoing,
                    "SG",
                    "2016-08-21",
                    "2016-08-25",
                ),
            ],
            ..Default::default()
        };
        let items = run(&input);
        let reports: Vec<(Option<String>, Severity, Option<i64>)> =
            of(&items, AgendaKind::ReportDue)
                .iter()
                .map(|i| (i.delegation_id.clone(), i.severity, i.days_left))
                .collect();
        assert_eq!(
            reports,
            vec![
                (Some("due".into()), Severity::DueSoon, Some(0)),
                (Some("soon".into()), Severity::DueSoon, Some(14)),
            ]
        );
        let mut done = input.clone();
        done.reports = vec![crate::fixtures::report("due", ReportStatus::Final)];
        let items = run(&done);
        assert_eq!(
            of(&items, AgendaKind::ReportDue).len(),
            1,
            "the final report is done"
        );
        let mut late = input;
        late.delegations.truncate(1);
        let items = compute(d("2016-08-26"), &Settings::default(), &late);
        assert_eq!(
            of(&items, AgendaKind::ReportDue)[0].severity,
            Severity::Overdue
        );
    }

    #[test]
    fn the_settlement_is_due_thirty_days_after_the_end_until_the_delegation_is_closed() {
        let mut input = AgendaInput {
            delegations: vec![delegation(
                "x",
                Direction::Incoming,
                "VN",
                "2016-07-20",
                "2016-07-25",
            )],
            ..Default::default()
        };
        let items = run(&input);
        let settle = of(&items, AgendaKind::SettlementDue);
        assert_eq!(settle.len(), 1);
        assert_eq!(
            (settle[0].due_on, settle[0].threshold),
            (Some(d("2016-08-24")), Some(30))
        );
        assert_eq!(settle[0].severity, Severity::Overdue);
        assert!(
            of(&items, AgendaKind::ReportDue).is_empty(),
            "hosted visits file no mission report"
        );
        input.delegations[0].status = DelegationStatus::Closed;
        assert!(run(&input).is_empty(), "a closed delegation is settled");
    }

    #[test]
    fn a_draft_that_was_never_decided_owes_no_report_and_no_settlement() {
        let mut draft = delegation("x", Direction::Outgoing, "SG", "2016-07-20", "2016-07-25");
        draft.status = DelegationStatus::Draft;
        let mut input = AgendaInput {
            delegations: vec![draft],
            ..Default::default()
        };
        let items = run(&input);
        assert!(of(&items, AgendaKind::ReportDue).is_empty(), "{items:?}");
        assert!(
            of(&items, AgendaKind::SettlementDue).is_empty(),
            "{items:?}"
        );
        input.delegations[0].status = DelegationStatus::Returned;
        let items = run(&input);
        assert_eq!(
            of(&items, AgendaKind::ReportDue).len(),
            1,
            "once it went, it reports"
        );
        assert_eq!(
            of(&items, AgendaKind::SettlementDue).len(),
            1,
            "and settles"
        );
    }

    #[test]
    fn the_request_to_host_is_due_thirty_days_before_or_forty_when_the_prime_minister_decides() {
        let mut hosted = delegation("h", Direction::Incoming, "VN", "2016-09-24", "2016-09-27");
        hosted.status = DelegationStatus::Draft;
        let mut input = AgendaInput {
            delegations: vec![hosted],
            ..Default::default()
        };
        let items = run(&input);
        let request = of(&items, AgendaKind::HostingRequestDue);
        assert_eq!(request.len(), 1);
        assert_eq!(
            (request[0].due_on, request[0].severity),
            (Some(d("2016-08-25")), Severity::DueSoon)
        );

        input.delegations[0].decision_signer = "Thủ tướng Chính phủ".into();
        let items = run(&input);
        let request = of(&items, AgendaKind::HostingRequestDue);
        assert_eq!(
            (request[0].due_on, request[0].severity),
            (Some(d("2016-08-15")), Severity::Overdue)
        );
        assert_eq!(request[0].threshold, Some(40));

        input.delegations[0].decision_number = "123/QĐ-TTg".into();
        assert!(
            of(&run(&input), AgendaKind::HostingRequestDue).is_empty(),
            "decided"
        );
        input.delegations[0].decision_number.clear();
        input.delegations[0].status = DelegationStatus::Approved;
        assert!(
            of(&run(&input), AgendaKind::HostingRequestDue).is_empty(),
            "approved"
        );
    }

    #[test]
    fn open_tasks_overdue_or_due_this_week_are_listed() {
        let input = AgendaInput {
            delegations: vec![delegation(
                "h",
                Direction::Incoming,
                "VN",
                "2016-11-27",
                "2016-11-30",
            )],
            tasks: vec![
                task("late", "h", Some("2016-08-24"), TaskStatus::Doing),
                task("sixth", "h", Some("2016-08-31"), TaskStatus::Todo),
                task("seventh", "h", Some("2016-09-01"), TaskStatus::Todo),
                task("done", "h", Some("2016-08-20"), TaskStatus::Done),
                task("undated", "h", None, TaskStatus::Todo),
            ],
            people: vec![person("an", "Nguyễn An", None)],
            ..Default::default()
        };
        let mut input = input;
        input.tasks[0].assignee_id = Some("an".into());
        let items = run(&input);
        assert_eq!(
            kinds(&items),
            vec![
                (AgendaKind::TaskDue, Severity::Overdue, Some(-1)),
                (AgendaKind::TaskDue, Severity::DueSoon, Some(6)),
            ],
            "today and the six days after it are this week; done and undated tasks wait"
        );
        assert_eq!(items[0].task_id.as_deref(), Some("late"));
        assert_eq!(items[0].person_name, "Nguyễn An");
    }

    #[test]
    fn cancelled_and_trashed_delegations_are_left_out() {
        let mut cancelled = singapore(None);
        cancelled.delegations[0].status = DelegationStatus::Cancelled;
        cancelled.tasks = vec![task("t", "sg", Some("2016-08-20"), TaskStatus::Todo)];
        assert!(run(&cancelled).is_empty());
        let mut trashed = singapore(None);
        trashed.delegations[0].deleted_at = Some("2016-08-01T00:00:00Z".into());
        assert!(run(&trashed).is_empty());
    }

    #[test]
    fn the_most_urgent_come_first() {
        let mut input = singapore(Some("2017-01-20"));
        input.visas.clear();
        let items = run(&input);
        let severities: Vec<Severity> = items.iter().map(|i| i.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
        assert_eq!(
            items[0].kind,
            AgendaKind::VisaNotGranted,
            "the overdue visa leads"
        );
    }
}
