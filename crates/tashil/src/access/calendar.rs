//! Who may load and export the working calendar (holiday tables and declared closures):
//! the national administrator alone, since a load moves deadlines in every province.

use super::{Actor, Denied, Role};

/// May `actor` load, export or read the loaded working calendar?
pub fn authorize_manage(actor: &Actor) -> Result<(), Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the calendar's page is among `actor`'s work.
pub fn manages(actor: Option<&Actor>) -> bool {
    actor.is_some_and(|a| authorize_manage(a).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_national_administrator_manages_the_calendar() {
        for r in Role::ALL {
            let a = Actor::for_test(r, Some("IR-26"), 7);
            assert_eq!(
                authorize_manage(&a).is_ok(),
                r == Role::NationalAdmin,
                "{r:?}"
            );
            assert_eq!(manages(Some(&a)), r == Role::NationalAdmin, "{r:?}");
        }
        assert!(!manages(None));
    }
}
