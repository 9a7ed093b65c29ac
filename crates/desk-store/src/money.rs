//! Money: per-diem rate tables (kept, imported and exported as CSV), cost estimates computed
//! from them and saved as approved, and the settlement after the trip.
//!
//! The rules are in `desk_domain::{rates, estimate, settlement}`; this module gathers the
//! records they need and writes what must be kept, each change in one audited transaction.

use std::collections::BTreeMap;

use desk_domain::estimate::{EstimateInput, Traveller};
use desk_domain::rates::in_force;
use desk_domain::settlement::SettlementInput;
use desk_domain::{
    Delegation, Error, Estimate, EstimateRequest, EstimateReview, Expense, ExpenseInput, Person,
    RateTable, RateTableInput, Rule, SavedEstimate, Settlement, Violation,
};

use crate::record;
use crate::{Store, StoreError, new_id};

fn duplicate(name: &str, valid_from: &str) -> StoreError {
    StoreError::Domain(Error::invalid(vec![Violation::new(
        "valid_from",
        Rule::Duplicate,
        format!("A rate table \"{name}\" valid from {valid_from} already exists"),
    )]))
}

impl Store {
    /// Every rate table, the most recent `valid_from` first.
    pub fn rate_tables(&self) -> Result<Vec<RateTable>, StoreError> {
        record::select(&self.conn, "1", "valid_from DESC, name, id", &[])
    }

    pub fn rate_table(&self, id: &str) -> Result<RateTable, StoreError> {
        record::get(&self.conn, id)
    }

    fn rate_table_named(
        &self,
        name: &str,
        valid_from: &str,
    ) -> Result<Option<RateTable>, StoreError> {
        Ok(record::select::<RateTable>(
            &self.conn,
            "name = ?1 AND valid_from = ?2",
            "id",
            &[&name, &valid_from],
        )?
        .into_iter()
        .next())
    }

    /// Adds a rate table; a second table with the same name and valid-from date is refused.
    pub fn create_rate_table(&mut self, input: &RateTableInput) -> Result<RateTable, StoreError> {
        let v = input.validate()?;
        let valid_from = v.valid_from.to_string();
        if self.rate_table_named(&v.name, &valid_from)?.is_some() {
            return Err(duplicate(&v.name, &valid_from));
        }
        let writer = self.writer()?;
        let table = v.into_table(new_id(), writer.at.clone(), writer.at.clone());
        writer.create(&table)?;
        writer.commit()?;
        Ok(table)
    }

    /// Replaces a rate table's contents (Settings' editor saves through this).
    pub fn update_rate_table(
        &mut self,
        id: &str,
        input: &RateTableInput,
    ) -> Result<RateTable, StoreError> {
        let v = input.validate()?;
        let old: RateTable = record::get(&self.conn, id)?;
        let valid_from = v.valid_from.to_string();
        if let Some(other) = self.rate_table_named(&v.name, &valid_from)?
            && other.id != id
        {
            return Err(duplicate(&v.name, &valid_from));
        }
        let writer = self.writer()?;
        let new = v.into_table(old.id.clone(), old.created_at.clone(), writer.at.clone());
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// Deletes a rate table. Saved estimates keep the table's name and date, so they stay
    /// explainable.
    pub fn delete_rate_table(&mut self, id: &str) -> Result<(), StoreError> {
        self.remove::<RateTable>(id)
    }

    /// Adds the table, or replaces the one with the same name and valid-from date (a
    /// corrected version of the same regulation). All or nothing.
    pub fn import_rate_table(&mut self, input: &RateTableInput) -> Result<RateTable, StoreError> {
        let v = input.validate()?;
        match self.rate_table_named(&v.name, &v.valid_from.to_string())? {
            Some(existing) => self.update_rate_table(&existing.id, input),
            None => self.create_rate_table(input),
        }
    }

    /// Adds the table unless one of the same name and first day is already there (which is
    /// then returned as it is): how the shipped example table is loaded.
    pub fn add_rate_table_unless_there(
        &mut self,
        input: &RateTableInput,
    ) -> Result<RateTable, StoreError> {
        let v = input.validate()?;
        match self.rate_table_named(&v.name, &v.valid_from.to_string())? {
            Some(existing) => Ok(existing),
            None => self.create_rate_table(input),
        }
    }

    /// The members as the estimate counts them: in the delegation's order (the head first),
    /// each with their staff level and their own days or the delegation's.
    fn travellers(&self, delegation: &Delegation) -> Result<Vec<Traveller>, StoreError> {
        Ok(self
            .members(&delegation.id)?
            .into_iter()
            .map(|m| {
                let (first_day, last_day) = m.member.days(delegation.starts_on, delegation.ends_on);
                Traveller {
                    person_id: m.person.id,
                    name: m.person.full_name,
                    level: m.person.staff_level,
                    first_day,
                    last_day,
                }
            })
            .collect())
    }

    /// Names of the people expenses refer to who are not among `known`.
    fn other_names(
        &self,
        expenses: &[Expense],
        known: &[String],
    ) -> Result<BTreeMap<String, String>, StoreError> {
        let mut names = BTreeMap::new();
        for id in expenses.iter().filter_map(|e| e.person_id.as_ref()) {
            if known.contains(id) || names.contains_key(id) {
                continue;
            }
            if let Some(person) = record::find::<Person>(&self.conn, id)? {
                names.insert(id.clone(), person.full_name);
            }
        }
        Ok(names)
    }

    /// Computes the estimate of an outgoing delegation by the table asked for, or else the
    /// table in force on its first day. Nothing is written.
    pub fn estimate(
        &self,
        delegation_id: &str,
        request: &EstimateRequest,
    ) -> Result<Estimate, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        let table = match request.table_id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => self.rate_table(id)?,
            _ => {
                let tables = self.rate_tables()?;
                in_force(&tables, delegation.starts_on)
                    .cloned()
                    .ok_or_else(|| {
                        StoreError::Domain(Error::invalid(vec![Violation::new(
                            "table_id",
                            Rule::Required,
                            format!(
                                "No rate table is in force on {}: import one (desk rates import \
                                 FILE.csv) or choose a table",
                                delegation.starts_on
                            ),
                        )]))
                    })?
            }
        };
        let exchange = request.exchange(&table.currency)?;
        let travellers = self.travellers(&delegation)?;
        let expenses = self.list::<ExpenseInput>(delegation_id)?;
        let known: Vec<String> = travellers.iter().map(|t| t.person_id.clone()).collect();
        let other_names = self.other_names(&expenses, &known)?;
        Ok(desk_domain::estimate::compute(&EstimateInput {
            delegation: &delegation,
            travellers: &travellers,
            table: &table,
            expenses: &expenses,
            other_names: &other_names,
            exchange,
        })?)
    }

    /// The saved estimates of a delegation, the latest first.
    pub fn saved_estimates(&self, delegation_id: &str) -> Result<Vec<SavedEstimate>, StoreError> {
        record::select(
            &self.conn,
            "delegation_id = ?1",
            "created_at DESC, id DESC",
            &[&delegation_id],
        )
    }

    /// A fresh estimate, the last saved one, and what changed between them (dates moved,
    /// members added or removed, a new rate...).
    pub fn review_estimate(
        &self,
        delegation_id: &str,
        request: &EstimateRequest,
    ) -> Result<EstimateReview, StoreError> {
        let estimate = self.estimate(delegation_id, request)?;
        let saved = self.saved_estimates(delegation_id)?.into_iter().next();
        let changes = saved
            .as_ref()
            .map(|s| desk_domain::estimate::diff(&s.estimate, &estimate))
            .unwrap_or_default();
        Ok(EstimateReview {
            estimate,
            saved,
            changes,
        })
    }

    /// Computes the estimate and keeps it as it is, with the table's name and date: the
    /// estimate that goes for approval and that the settlement compares against.
    pub fn save_estimate(
        &mut self,
        delegation_id: &str,
        request: &EstimateRequest,
    ) -> Result<SavedEstimate, StoreError> {
        let estimate = self.estimate(delegation_id, request)?;
        let writer = self.writer()?;
        let saved = SavedEstimate {
            id: new_id(),
            delegation_id: estimate.delegation_id.clone(),
            table_name: estimate.table_name.clone(),
            table_valid_from: estimate.table_valid_from,
            estimate,
            created_at: writer.at.clone(),
        };
        writer.create(&saved)?;
        writer.commit()?;
        Ok(saved)
    }

    /// The settlement of a delegation: per member and for the delegation, estimate (the last
    /// saved one, else the estimate expenses) against advances and actual expenses.
    pub fn settlement(&self, delegation_id: &str) -> Result<Settlement, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        let members: Vec<(String, String)> = self
            .members(&delegation.id)?
            .into_iter()
            .map(|m| (m.person.id, m.person.full_name))
            .collect();
        let expenses = self.list::<ExpenseInput>(delegation_id)?;
        let known: Vec<String> = members.iter().map(|(id, _)| id.clone()).collect();
        let other_names: Vec<(String, String)> =
            self.other_names(&expenses, &known)?.into_iter().collect();
        let saved = self.saved_estimates(delegation_id)?.into_iter().next();
        Ok(desk_domain::settlement::settle(&SettlementInput {
            delegation_id,
            members: &members,
            other_names: &other_names,
            expenses: &expenses,
            saved: saved.as_ref(),
        })?)
    }
}
