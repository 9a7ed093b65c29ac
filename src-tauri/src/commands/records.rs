//! The records that belong to a delegation (segments, stays, programme, tasks, money,
//! transfers) share one shape, so they share one macro; visas belong to a person.

use super::prelude::*;

/// The commands of a kind of record that belongs to a delegation: list, add, update, remove.
macro_rules! child_commands {
    ($input:ty, $list:ident, $add:ident, $update:ident, $remove:ident) => {
        #[tauri::command]
        pub fn $list(
            desk: State<'_, Desk>,
            delegation_id: String,
        ) -> Result<Vec<<$input as desk_store::ChildInput>::Record>> {
            crate::state::guarded(|| Ok(desk.store()?.list::<$input>(&delegation_id)?))
        }

        child_commands!($input, $add, $update, $remove);
    };
    ($input:ty, $add:ident, $update:ident, $remove:ident) => {
        #[tauri::command]
        pub fn $add(
            desk: State<'_, Desk>,
            delegation_id: String,
            input: $input,
        ) -> Result<<$input as desk_store::ChildInput>::Record> {
            crate::state::guarded(|| Ok(desk.store()?.add(&delegation_id, &input)?))
        }

        #[tauri::command]
        pub fn $update(
            desk: State<'_, Desk>,
            id: String,
            input: $input,
        ) -> Result<<$input as desk_store::ChildInput>::Record> {
            crate::state::guarded(|| Ok(desk.store()?.replace(&id, &input)?))
        }

        #[tauri::command]
        pub fn $remove(desk: State<'_, Desk>, id: String) -> Result<()> {
            crate::state::guarded(|| {
                Ok(desk
                    .store()?
                    .remove::<<$input as desk_store::ChildInput>::Record>(&id)?)
            })
        }
    };
}

child_commands!(SegmentInput, add_segment, update_segment, remove_segment);

/// Segments with their offsets and durations across zones.
#[tauri::command]
pub fn list_segments(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<SegmentView>> {
    crate::state::guarded(|| {
        let segments = desk.store()?.list::<SegmentInput>(&delegation_id)?;
        Ok(segments.into_iter().map(SegmentView::of).collect())
    })
}
child_commands!(StayInput, list_stays, add_stay, update_stay, remove_stay);
child_commands!(
    ProgrammeItemInput,
    list_programme,
    add_programme_item,
    update_programme_item,
    remove_programme_item
);
child_commands!(TaskInput, list_tasks, add_task, update_task, remove_task);
child_commands!(ExpenseInput, add_expense, update_expense, remove_expense);

/// Expenses with their VND amounts at their own rates.
#[tauri::command]
pub fn list_expenses(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<ExpenseView>> {
    crate::state::guarded(|| {
        let expenses = desk.store()?.list::<ExpenseInput>(&delegation_id)?;
        Ok(expenses.into_iter().map(ExpenseView::of).collect())
    })
}

#[tauri::command]
pub fn list_visas(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Visa>> {
    crate::state::guarded(|| Ok(desk.store()?.visas_for(&delegation_id)?))
}

#[tauri::command]
pub fn add_visa(desk: State<'_, Desk>, input: VisaInput) -> Result<Visa> {
    crate::state::guarded(|| Ok(desk.store()?.add_visa(&input)?))
}

#[tauri::command]
pub fn update_visa(desk: State<'_, Desk>, id: String, input: VisaInput) -> Result<Visa> {
    crate::state::guarded(|| Ok(desk.store()?.update_visa(&id, &input)?))
}

#[tauri::command]
pub fn remove_visa(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.remove::<Visa>(&id)?))
}

child_commands!(
    TransferInput,
    add_transfer,
    update_transfer,
    remove_transfer
);
