//! Who may have the national body sign a credential through the VC API (`POST
//! /credentials/issue`): the national administrator alone (ADR 0016). The issuer key speaks for
//! the national body in every province and for any claim given to it, so a provincial officer's
//! licensing work reaches credentials only through the licences it issues, each built by Tashil.

use super::{Actor, Denied, Role};

/// Proof that the actor may sign a given credential with the national issuer key.
#[derive(Debug)]
pub struct IssueGrant(());

/// May `actor` sign a credential it wrote with the national issuer key?
pub fn authorize_issue(actor: &Actor) -> Result<IssueGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(IssueGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// Proof that the actor may turn on a province's own issuer (ADR 0019).
#[derive(Debug)]
pub struct IssuersGrant(());

/// May `actor` turn on a province's own issuer? The national administrator alone: the office
/// then signs in its own name every licence it decides.
pub fn authorize_issuers(actor: &Actor) -> Result<IssuersGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(IssuersGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_national_administrator_issues_through_the_vc_api() {
        for r in Role::ALL {
            let a = Actor::for_test(r, Some("IR-26"), 7);
            assert_eq!(
                authorize_issue(&a).is_ok(),
                r == Role::NationalAdmin,
                "{r:?}"
            );
            assert_eq!(
                authorize_issuers(&a).is_ok(),
                r == Role::NationalAdmin,
                "{r:?}"
            );
        }
    }
}
