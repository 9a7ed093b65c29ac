//! The records that belong to a delegation (segments, stays, programme, tasks, money,
//! transfers) share one shape, so their commands are written once, by `children!`; visas
//! belong to a person.

use desk_store::ChildInput;

use super::prelude::*;

/// The commands of the kinds of record that belong to a delegation: for each, its input
/// type and the names of its commands: list in brackets (when the records are listed as
/// stored), add, update, remove. Writes `children`, which runs them, and their names.
macro_rules! children {
    ($($input:ty => [$($list:ident)?] $add:ident, $update:ident, $remove:ident;)*) => {
        /// Runs the command `name` of a kind of record of a delegation, if it is one.
        pub(super) fn children(
            desk: &Desk,
            name: &str,
            args: &mut super::Args,
        ) -> Option<Result<serde_json::Value>> {
            $(
                $(if name == stringify!($list) {
                    return Some(args.take::<String>("delegation_id").and_then(|id| {
                        super::to_value(desk.store()?.list::<$input>(&id)?)
                    }));
                })?
                if name == stringify!($add) {
                    return Some((|| {
                        let delegation_id: String = args.take("delegation_id")?;
                        let input: $input = args.take("input")?;
                        super::to_value(desk.store()?.add(&delegation_id, &input)?)
                    })());
                }
                if name == stringify!($update) {
                    return Some((|| {
                        let id: String = args.take("id")?;
                        let input: $input = args.take("input")?;
                        super::to_value(desk.store()?.replace(&id, &input)?)
                    })());
                }
                if name == stringify!($remove) {
                    return Some(args.take::<String>("id").and_then(|id| {
                        let mut store = desk.store()?;
                        super::to_value(store.remove::<<$input as ChildInput>::Record>(&id)?)
                    }));
                }
            )*
            None
        }

        /// The names of the commands [`children`] runs.
        #[cfg(test)]
        pub(super) const CHILDREN: &[&str] = &[
            $($(stringify!($list),)? stringify!($add), stringify!($update), stringify!($remove),)*
        ];
    };
}

children! {
    SegmentInput => [] add_segment, update_segment, remove_segment;
    StayInput => [list_stays] add_stay, update_stay, remove_stay;
    ProgrammeItemInput =>
        [list_programme] add_programme_item, update_programme_item, remove_programme_item;
    TaskInput => [list_tasks] add_task, update_task, remove_task;
    ExpenseInput => [] add_expense, update_expense, remove_expense;
    TransferInput => [] add_transfer, update_transfer, remove_transfer;
}

commands! {
    /// Segments with their offsets and durations across zones.
    pub fn list_segments(desk, delegation_id: String) -> Vec<SegmentView> {
        let segments = desk.store()?.list::<SegmentInput>(&delegation_id)?;
        Ok(segments.into_iter().map(SegmentView::of).collect())
    }

    /// Expenses with their VND amounts at their own rates.
    pub fn list_expenses(desk, delegation_id: String) -> Vec<ExpenseView> {
        let expenses = desk.store()?.list::<ExpenseInput>(&delegation_id)?;
        Ok(expenses.into_iter().map(ExpenseView::of).collect())
    }

    pub fn list_visas(desk, delegation_id: String) -> Vec<Visa> {
        Ok(desk.store()?.visas_for(&delegation_id)?)
    }

    pub fn add_visa(desk, input: VisaInput) -> Visa {
        Ok(desk.store()?.add_visa(&input)?)
    }

    pub fn update_visa(desk, id: String, input: VisaInput) -> Visa {
        Ok(desk.store()?.update_visa(&id, &input)?)
    }

    pub fn remove_visa(desk, id: String) -> () {
        Ok(desk.store()?.remove::<Visa>(&id)?)
    }
}
