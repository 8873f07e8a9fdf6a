//! Who may do what at the facilitation desk (seeds 002, 003). The provincial technical
//! committee (provincial officers) triages its province's cases and keeps its bodies'
//! meetings; the national level takes escalated cases; an agency sees and reports on what
//! is assigned to it; a reporter sees its own cases.

use super::{Actor, Denied, OrganisationKind, Role};

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

/// An organisation as the desk's rules see it (read through `identity::organisation_facts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFacts {
    pub id: i64,
    /// `None` for a kind this build does not know: never nameable.
    pub kind: Option<OrganisationKind>,
    pub province: Option<String>,
    pub country: String,
}

/// Where an organisation is named: a province's desk (its bodies, its cases) or the national
/// one (national bodies, escalated cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk<'a> {
    Province(&'a str),
    National,
}

impl<'a> Desk<'a> {
    /// The desk of a body of `province` (`None`: a national body).
    pub fn of_body(province: Option<&'a str>) -> Desk<'a> {
        province.map_or(Desk::National, Desk::Province)
    }

    /// The desk that handles a case of `province` at `level` (`province` or `national`).
    pub fn of_case(province: &'a str, level: &str) -> Desk<'a> {
        if level == "national" {
            Desk::National
        } else {
            Desk::Province(province)
        }
    }
}

/// The one rule for every place that names an organisation: a resolution binding it, a seat
/// on a body, attendance at a meeting. Only the desk's keeper names anyone (a province's
/// committee; the national administrator at the national level), and it names only agencies:
/// a province its own, the nation any. Units, labs, offices and other provinces' agencies are
/// never bound by a province that has no say over them.
pub fn may_name(actor: &Actor, desk: Desk<'_>, org: &OrgFacts) -> Result<(), Denied> {
    let keeper = match desk {
        Desk::Province(p) => {
            actor.role == Role::ProvincialOfficer && actor.province.as_deref() == Some(p)
        }
        Desk::National => actor.role == Role::NationalAdmin,
    };
    if !keeper || org.kind != Some(OrganisationKind::Agency) {
        return Err(Denied::Forbidden);
    }
    match desk {
        Desk::Province(p) if org.province.as_deref() != Some(p) => Err(Denied::Forbidden),
        _ => Ok(()),
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

    fn org(kind: OrganisationKind, province: Option<&str>) -> OrgFacts {
        OrgFacts {
            id: 7,
            kind: Some(kind),
            province: province.map(str::to_owned),
            country: "IR".into(),
        }
    }

    #[test]
    fn a_province_names_only_its_own_agencies_and_the_nation_any_agency() {
        use OrganisationKind::*;
        let qz = actor(Role::ProvincialOfficer, Some("IR-26"));
        let nat = actor(Role::NationalAdmin, None);
        let here = Desk::Province("IR-26");
        assert!(may_name(&qz, here, &org(Agency, Some("IR-26"))).is_ok());
        for other in [
            org(Agency, Some("IR-30")),
            org(Agency, Some("VN-37")),
            org(Agency, None),
            org(ProductionUnit, Some("IR-26")),
            org(Lab, Some("IR-26")),
            org(ProvincialOffice, Some("IR-26")),
            org(NationalBody, None),
        ] {
            assert!(may_name(&qz, here, &other).is_err(), "{other:?}");
        }
        let unknown = OrgFacts {
            kind: None,
            ..org(Agency, Some("IR-26"))
        };
        assert!(may_name(&qz, here, &unknown).is_err());
        // Not the keeper of the desk: another province, the national level, other roles.
        let ab = actor(Role::ProvincialOfficer, Some("IR-30"));
        assert!(may_name(&ab, here, &org(Agency, Some("IR-26"))).is_err());
        assert!(may_name(&qz, Desk::National, &org(Agency, Some("IR-26"))).is_err());
        for role in [
            Role::Inspector,
            Role::AgencyOfficer,
            Role::UnitUser,
            Role::LabUser,
        ] {
            let a = actor(role, Some("IR-26"));
            assert!(
                may_name(&a, here, &org(Agency, Some("IR-26"))).is_err(),
                "{role:?}"
            );
        }
        assert!(may_name(&nat, here, &org(Agency, Some("IR-26"))).is_err());
        for any in [
            org(Agency, Some("IR-30")),
            org(Agency, Some("VN-37")),
            org(Agency, None),
        ] {
            assert!(may_name(&nat, Desk::National, &any).is_ok());
        }
        assert!(may_name(&nat, Desk::National, &org(ProductionUnit, Some("IR-26"))).is_err());
        assert!(may_name(&nat, Desk::National, &org(NationalBody, None)).is_err());
    }

    #[test]
    fn an_agency_follows_up_only_its_own_resolutions() {
        let tax = actor(Role::AgencyOfficer, Some("IR-26"));
        assert!(authorize_follow_up(&tax, 9).is_ok());
        assert!(authorize_follow_up(&tax, 10).is_err());
        assert!(authorize_follow_up(&actor(Role::ProvincialOfficer, Some("IR-26")), 9).is_err());
    }
}
