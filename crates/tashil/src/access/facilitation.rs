//! Who may do what at the facilitation desk (seeds 002, 003). The provincial technical
//! committee (provincial officers) triages its province's cases and keeps its bodies'
//! meetings; the national level takes escalated cases; an agency sees and reports on what
//! is assigned to it; a reporter sees its own cases.

use super::{Actor, Denied, Role};

/// Which cases an actor may read.
pub enum CaseReach {
    /// Every case (the national administrator).
    All,
    /// Every case of a province (its technical committee and inspectors).
    Province(String),
    /// Cases the organisation reported, or that were routed or assigned to it.
    Organisation(i64),
}

pub fn case_reach(actor: &Actor) -> Result<CaseReach, Denied> {
    Ok(match actor.role {
        Role::NationalAdmin => CaseReach::All,
        Role::ProvincialOfficer | Role::Inspector => {
            CaseReach::Province(actor.province.clone().ok_or(Denied::Forbidden)?)
        }
        Role::UnitUser | Role::AgencyOfficer => CaseReach::Organisation(actor.organisation_id),
        Role::LabUser | Role::Public => return Err(Denied::Forbidden),
    })
}

/// May `actor` report an obstacle in `province`? A unit for itself; an agency (the chamber of
/// commerce, an association) on behalf of units; the provincial office for a case it received
/// by letter or phone.
pub fn authorize_report(actor: &Actor, province: &str) -> Result<(), Denied> {
    match actor.role {
        Role::UnitUser | Role::AgencyOfficer | Role::ProvincialOfficer
            if actor.province.as_deref() == Some(province) =>
        {
            Ok(())
        }
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` triage cases of `province` at `level` ("province" or "national")?
pub fn authorize_triage(actor: &Actor, province: &str, level: &str) -> Result<(), Denied> {
    match (actor.role, level) {
        (Role::ProvincialOfficer, "province") if actor.province.as_deref() == Some(province) => {
            Ok(())
        }
        (Role::NationalAdmin, "national") => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` keep the meetings of a body of `province` (`None`: a national body)?
pub fn authorize_secretariat(actor: &Actor, province: Option<&str>) -> Result<(), Denied> {
    match (actor.role, province) {
        (Role::ProvincialOfficer, Some(p)) if actor.province.as_deref() == Some(p) => Ok(()),
        (Role::NationalAdmin, None) => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` report progress on, or close, a resolution assigned to `agency_org_id`?
pub fn authorize_follow_up(actor: &Actor, agency_org_id: i64) -> Result<(), Denied> {
    match actor.role {
        Role::AgencyOfficer if actor.organisation_id == agency_org_id => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` confirm, as the reporter, that its case is solved?
pub fn authorize_confirm(actor: &Actor, reporter_org_id: i64) -> Result<(), Denied> {
    if actor.organisation_id == reporter_org_id
        && matches!(
            actor.role,
            Role::UnitUser | Role::AgencyOfficer | Role::ProvincialOfficer
        )
    {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, province: Option<&str>) -> Actor {
        Actor {
            user_id: 1,
            email: "x@example.org".into(),
            display_name: "x".into(),
            role,
            organisation_id: 9,
            province: province.map(str::to_owned),
        }
    }

    #[test]
    fn only_the_provinces_committee_triages_and_the_nation_takes_escalated_cases() {
        let qz = actor(Role::ProvincialOfficer, Some("IR-26"));
        assert!(authorize_triage(&qz, "IR-26", "province").is_ok());
        assert!(authorize_triage(&qz, "IR-30", "province").is_err());
        assert!(authorize_triage(&qz, "IR-26", "national").is_err());
        let nat = actor(Role::NationalAdmin, None);
        assert!(authorize_triage(&nat, "IR-26", "national").is_ok());
        assert!(authorize_triage(&nat, "IR-26", "province").is_err());
    }

    #[test]
    fn an_agency_follows_up_only_its_own_resolutions() {
        let tax = actor(Role::AgencyOfficer, Some("IR-26"));
        assert!(authorize_follow_up(&tax, 9).is_ok());
        assert!(authorize_follow_up(&tax, 10).is_err());
        assert!(authorize_follow_up(&actor(Role::ProvincialOfficer, Some("IR-26")), 9).is_err());
    }
}
