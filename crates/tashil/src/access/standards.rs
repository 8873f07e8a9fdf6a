//! Who may do what with the standards catalogue (seeds 001, 004): the national standards
//! body publishes and decides the mandatory list; registered stakeholders comment while a
//! draft is in public enquiry; anyone may read what is published.

use super::{Actor, Denied, Role};

/// May `actor` create, edit, move through the lifecycle, mark mandatory or import standards?
pub fn authorize_manage(actor: &Actor) -> Result<(), Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` see standards that are still drafts (before public enquiry)?
pub fn sees_drafts(actor: Option<&Actor>) -> bool {
    actor.is_some_and(|a| authorize_manage(a).is_ok())
}

/// May `actor` comment on a standard in public enquiry? Registered stakeholders: production
/// units, labs, agencies and associations, and provincial offices. Whether the enquiry is
/// still open is the standard's rule, checked by the service.
pub fn authorize_comment(actor: &Actor) -> Result<(), Denied> {
    match actor.role() {
        Role::UnitUser
        | Role::LabUser
        | Role::AgencyOfficer
        | Role::ProvincialOfficer
        | Role::Inspector => Ok(()),
        Role::NationalAdmin | Role::Public => Err(Denied::Forbidden),
    }
}

/// May `actor` record the technical committee's response to comments?
pub fn authorize_respond(actor: &Actor) -> Result<(), Denied> {
    authorize_manage(actor)
}

/// Whose comments may `actor` read while the enquiry is open? After it closes, all are public.
pub enum CommentReach {
    All,
    Organisation(i64),
    None,
}

pub fn open_comment_reach(actor: Option<&Actor>) -> CommentReach {
    match actor {
        Some(a) if authorize_manage(a).is_ok() => CommentReach::All,
        Some(a) => CommentReach::Organisation(a.organisation_id()),
        None => CommentReach::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor::for_test(role, Some("IR-26"), 7)
    }

    #[test]
    fn only_the_national_body_manages_the_catalogue() {
        for r in Role::ALL {
            assert_eq!(
                authorize_manage(&actor(r)).is_ok(),
                r == Role::NationalAdmin,
                "{r:?}"
            );
        }
    }

    #[test]
    fn stakeholders_comment_but_the_public_and_the_body_do_not() {
        assert!(authorize_comment(&actor(Role::UnitUser)).is_ok());
        assert!(authorize_comment(&actor(Role::LabUser)).is_ok());
        assert!(authorize_comment(&actor(Role::Public)).is_err());
        assert!(authorize_comment(&actor(Role::NationalAdmin)).is_err());
    }
}
