//! Who may do what with complaints and consulting clinics (issue 21, items 7 and 6).
//!
//! | role | file a complaint | read and move complaints | offer clinic sessions, record outcomes | book a session |
//! |---|---|---|---|---|
//! | anyone, signed in or not | yes | no | no | no |
//! | national administrator | yes | all provinces (read only) | any province | no |
//! | provincial officer | yes | its province | its province | no |
//! | inspector | yes | its province | no | no |
//! | unit user | yes | no (a unit never sees complaints) | no | for its unit, in its province |
//!
//! The complainant's identity (name, email, phone, address) is shown to nobody: no grant
//! here reads it. A complaint or session out of reach reads as absent (404).

use super::{Actor, Denied, Role};

/// The complaints an actor may read: all, or one province's. Only this module makes one.
///
/// ```compile_fail,E0423
/// let _ = tashil::access::complaints::ComplaintScope(None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintScope(Option<String>);

impl ComplaintScope {
    /// The province the scope is held to (`None`: all).
    pub fn province(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// Whether a complaint of `province` is in reach.
    pub fn covers(&self, province: &str) -> bool {
        self.0.as_deref().is_none_or(|p| p == province)
    }
}

pub fn complaint_scope(actor: &Actor) -> Result<ComplaintScope, Denied> {
    match (actor.role(), actor.province()) {
        (Role::NationalAdmin, _) => Ok(ComplaintScope(None)),
        (Role::ProvincialOfficer | Role::Inspector, Some(p)) => {
            Ok(ComplaintScope(Some(p.to_owned())))
        }
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to move a province's complaints through their states: its officers and inspectors.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::complaints::HandleGrant { province: String::new() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandleGrant {
    province: String,
}

impl HandleGrant {
    pub fn province(&self) -> &str {
        &self.province
    }
}

pub fn authorize_handle(actor: &Actor) -> Result<HandleGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::ProvincialOfficer | Role::Inspector, Some(p)) => Ok(HandleGrant {
            province: p.to_owned(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to offer clinic sessions and record their outcomes: a province's officer for its
/// province, the national body for any (`None`).
///
/// ```compile_fail,E0451
/// let _ = tashil::access::complaints::ClinicGrant { province: None };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicGrant {
    province: Option<String>,
}

impl ClinicGrant {
    /// The province held to (`None`: any).
    pub fn province(&self) -> Option<&str> {
        self.province.as_deref()
    }

    pub fn covers(&self, province: &str) -> bool {
        self.province.as_deref().is_none_or(|p| p == province)
    }
}

pub fn authorize_clinics(actor: &Actor) -> Result<ClinicGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::NationalAdmin, _) => Ok(ClinicGrant { province: None }),
        (Role::ProvincialOfficer, Some(p)) => Ok(ClinicGrant {
            province: Some(p.to_owned()),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to book sessions for one's unit: a unit user (the unit is its organisation's).
///
/// ```compile_fail,E0451
/// let _ = tashil::access::complaints::BookGrant { organisation: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookGrant {
    organisation: i64,
}

impl BookGrant {
    /// The organisation whose unit books.
    pub fn organisation(&self) -> i64 {
        self.organisation
    }
}

pub fn authorize_book(actor: &Actor) -> Result<BookGrant, Denied> {
    match actor.role() {
        Role::UnitUser => Ok(BookGrant {
            organisation: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the clinics page is among the actor's working pages.
pub fn sees_clinics(actor: &Actor) -> bool {
    authorize_clinics(actor).is_ok()
        || authorize_book(actor).is_ok()
        || complaint_scope(actor).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reaches_its_own() {
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        assert_eq!(complaint_scope(&admin).unwrap().province(), None);
        assert!(authorize_handle(&admin).is_err());
        assert_eq!(authorize_clinics(&admin).unwrap().province(), None);
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 5);
        for a in [&officer, &inspector] {
            assert!(complaint_scope(a).unwrap().covers("IR-26"));
            assert!(!complaint_scope(a).unwrap().covers("IR-30"));
            assert_eq!(authorize_handle(a).unwrap().province(), "IR-26");
        }
        assert!(authorize_clinics(&officer).unwrap().covers("IR-26"));
        assert!(authorize_clinics(&inspector).is_err());
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 9);
        assert!(complaint_scope(&unit).is_err());
        assert_eq!(authorize_book(&unit).unwrap().organisation(), 9);
        assert!(authorize_book(&officer).is_err());
        for role in [Role::LabUser, Role::AgencyOfficer, Role::Public] {
            let a = Actor::for_test(role, Some("IR-26"), 9);
            assert!(complaint_scope(&a).is_err());
            assert!(!sees_clinics(&a));
        }
    }
}
