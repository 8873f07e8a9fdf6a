use serde::{Deserialize, Serialize};

/// The roles of `docs/domain.md` ("Organisations and roles"). Stored as the snake_case string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    NationalAdmin,
    ProvincialOfficer,
    Inspector,
    AgencyOfficer,
    UnitUser,
    LabUser,
    Public,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::NationalAdmin,
        Role::ProvincialOfficer,
        Role::Inspector,
        Role::AgencyOfficer,
        Role::UnitUser,
        Role::LabUser,
        Role::Public,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::NationalAdmin => "national_admin",
            Role::ProvincialOfficer => "provincial_officer",
            Role::Inspector => "inspector",
            Role::AgencyOfficer => "agency_officer",
            Role::UnitUser => "unit_user",
            Role::LabUser => "lab_user",
            Role::Public => "public",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Roles whose authority is a province: they must have one.
    pub fn is_provincial(self) -> bool {
        matches!(
            self,
            Role::ProvincialOfficer | Role::Inspector | Role::AgencyOfficer
        )
    }
}

/// Kinds of organisation a user belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    NationalBody,
    ProvincialOffice,
    Agency,
    ProductionUnit,
    Lab,
    CertificationBody,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 6] = [
        OrganisationKind::NationalBody,
        OrganisationKind::ProvincialOffice,
        OrganisationKind::Agency,
        OrganisationKind::ProductionUnit,
        OrganisationKind::Lab,
        OrganisationKind::CertificationBody,
    ];

    /// The kind of organisation a new user of `role` is created in when none is named (the
    /// CLI's and the demo's users).
    pub fn home_of(role: Role) -> OrganisationKind {
        match role {
            Role::NationalAdmin => OrganisationKind::NationalBody,
            Role::ProvincialOfficer | Role::Inspector => OrganisationKind::ProvincialOffice,
            Role::AgencyOfficer | Role::Public => OrganisationKind::Agency,
            Role::UnitUser => OrganisationKind::ProductionUnit,
            Role::LabUser => OrganisationKind::Lab,
        }
    }

    pub fn parse(s: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::NationalBody => "national_body",
            OrganisationKind::ProvincialOffice => "provincial_office",
            OrganisationKind::Agency => "agency",
            OrganisationKind::ProductionUnit => "production_unit",
            OrganisationKind::Lab => "lab",
            OrganisationKind::CertificationBody => "certification_body",
        }
    }
}
