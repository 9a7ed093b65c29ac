//! People, organisations and the members of delegations.

use super::prelude::*;

commands! {
    pub fn list_people(desk, filter: DirectoryFilter, page: PageRequest) -> Page<Person> {
        Ok(desk.store()?.people_page(&filter, &page.for_window())?)
    }

    pub fn get_person(desk, id: String) -> PersonProfile {
        Ok(desk.store()?.person_profile(&id)?)
    }

    pub fn create_person(desk, input: PersonInput) -> Person {
        Ok(desk.store()?.create_person(&input)?)
    }

    pub fn update_person(desk, id: String, input: PersonInput) -> Person {
        Ok(desk.store()?.update_person(&id, &input)?)
    }

    pub fn delete_person(desk, id: String) -> () {
        Ok(desk.store()?.delete_person(&id)?)
    }

    pub fn list_organisations(
        desk,
        filter: DirectoryFilter,
        page: PageRequest,
    ) -> Page<Organisation> {
        Ok(desk
            .store()?
            .organisation_page(&filter, &page.for_window())?)
    }

    pub fn get_organisation(desk, id: String) -> Organisation {
        Ok(desk.store()?.organisation(&id)?)
    }

    pub fn create_organisation(desk, input: OrganisationInput) -> Organisation {
        Ok(desk.store()?.create_organisation(&input)?)
    }

    pub fn update_organisation(desk, id: String, input: OrganisationInput) -> Organisation {
        Ok(desk.store()?.update_organisation(&id, &input)?)
    }

    pub fn delete_organisation(desk, id: String) -> () {
        Ok(desk.store()?.delete_organisation(&id)?)
    }

    pub fn list_members(desk, delegation_id: String) -> Vec<MemberDetail> {
        Ok(desk.store()?.members(&delegation_id)?)
    }

    pub fn add_member(desk, delegation_id: String, input: MemberInput) -> MemberSaved {
        Ok(desk.store()?.add_member(&delegation_id, &input)?)
    }

    pub fn update_member(desk, id: String, input: MemberInput) -> MemberSaved {
        Ok(desk.store()?.update_member(&id, &input)?)
    }

    pub fn remove_member(desk, id: String) -> () {
        Ok(desk.store()?.remove_member(&id)?)
    }
}
