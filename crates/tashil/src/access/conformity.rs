//! Who may do what in conformity assessment (issue 19).
//!
//! | role | enter accreditations and scope | read accreditations | send a test request | answer one | read requests |
//! |---|---|---|---|---|---|
//! | national administrator | yes | all | no | no | all |
//! | provincial officer, inspector | no | its province's labs | inspector: market samples | no | its province's |
//! | unit user | no | the public directory | for its unit | no | its organisation's |
//! | lab user | no | its own lab's | no | its lab's (and enter their results) | those addressed to its lab |
//! | others, anyone signed out | no | the public directory | no | no | none |
//!
//! A recorded sample's condition on receipt and storage: amended only by the addressed lab's
//! users, while its report is unreleased.
//!
//! Instruments and their calibrations: a lab's users register and calibrate their own; the
//! national administrator reads all, the province's office and inspectors its labs'.
//!
//! The public directory lists only accreditations active and valid on the day.

use super::{Actor, Denied, Role};

/// The accreditations an actor may read past the public directory. Only this module makes
/// one, and the context's queries start from it.
///
/// ```compile_fail,E0423
/// use tashil::access::conformity::{LabReach, LabScope};
/// let _ = LabScope(LabReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabScope(LabReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabReach {
    All,
    /// The labs of one province (its office and inspectors).
    Province(String),
    /// One lab's own accreditations.
    Lab(i64),
}

impl LabScope {
    pub fn reach(&self) -> &LabReach {
        &self.0
    }
}

pub fn lab_scope(actor: &Actor) -> Result<LabScope, Denied> {
    Ok(LabScope(match actor.role() {
        Role::NationalAdmin => LabReach::All,
        Role::ProvincialOfficer | Role::Inspector => LabReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::LabUser => LabReach::Lab(actor.organisation_id()),
        Role::UnitUser | Role::AgencyOfficer | Role::Public => return Err(Denied::Forbidden),
    }))
}

/// Leave to enter and change accreditations and their scope: the national body's. Only this
/// module makes one.
///
/// ```compile_fail,E0423
/// let _ = tashil::access::conformity::AccreditationGrant(());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccreditationGrant(());

pub fn authorize_accreditation(actor: &Actor) -> Result<AccreditationGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(AccreditationGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the accreditations' register is among the actor's working pages.
pub fn works_on_labs(actor: &Actor) -> bool {
    lab_scope(actor).is_ok()
}

/// The test requests an actor may read. Only this module makes one.
///
/// ```compile_fail,E0423
/// use tashil::access::conformity::{RequestReach, RequestScope};
/// let _ = RequestScope(RequestReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestScope(RequestReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestReach {
    All,
    /// Requests sent from a province (its office and inspectors).
    Province(String),
    /// Requests addressed to one lab, and nothing else of it.
    Lab(i64),
    /// Requests an organisation sent (a unit's).
    Requester(i64),
}

impl RequestScope {
    pub fn reach(&self) -> &RequestReach {
        &self.0
    }
}

pub fn request_scope(actor: &Actor) -> Result<RequestScope, Denied> {
    Ok(RequestScope(match actor.role() {
        Role::NationalAdmin => RequestReach::All,
        Role::ProvincialOfficer | Role::Inspector => RequestReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::LabUser => RequestReach::Lab(actor.organisation_id()),
        Role::UnitUser => RequestReach::Requester(actor.organisation_id()),
        Role::AgencyOfficer | Role::Public => return Err(Denied::Forbidden),
    }))
}

/// Whether test requests are among the actor's working pages.
pub fn works_on_requests(actor: &Actor) -> bool {
    request_scope(actor).is_ok()
}

/// What a requester may ask for: for its own unit (and its applications), or a market sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequesterKind {
    Unit,
    Inspector,
}

/// Leave to send a test request from one province. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::conformity::RequestGrant { province: "IR-26".into(), kind: tashil::access::conformity::RequesterKind::Unit };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestGrant {
    province: String,
    kind: RequesterKind,
}

impl RequestGrant {
    pub fn province(&self) -> &str {
        &self.province
    }

    pub fn kind(&self) -> RequesterKind {
        self.kind
    }
}

/// May `actor` send a test request? A unit user for its unit, an inspector for a market
/// sample, each from its province.
pub fn authorize_request(actor: &Actor) -> Result<RequestGrant, Denied> {
    let kind = match actor.role() {
        Role::UnitUser => RequesterKind::Unit,
        Role::Inspector => RequesterKind::Inspector,
        _ => return Err(Denied::Forbidden),
    };
    let province = actor.province().ok_or(Denied::Forbidden)?.to_string();
    Ok(RequestGrant { province, kind })
}

/// Leave to answer the requests addressed to one lab. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::conformity::AnswerGrant { lab_org_id: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerGrant {
    lab_org_id: i64,
}

impl AnswerGrant {
    pub fn lab_org_id(&self) -> i64 {
        self.lab_org_id
    }
}

/// May `actor` accept or decline a request addressed to `lab_org_id`? That lab's users only.
pub fn authorize_answer(actor: &Actor, lab_org_id: i64) -> Result<AnswerGrant, Denied> {
    match actor.role() {
        Role::LabUser if actor.organisation_id() == lab_org_id => Ok(AnswerGrant { lab_org_id }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to enter results for the requests addressed to one lab. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::conformity::ResultsGrant { lab_org_id: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsGrant {
    lab_org_id: i64,
}

impl ResultsGrant {
    pub fn lab_org_id(&self) -> i64 {
        self.lab_org_id
    }
}

/// May `actor` enter results? A lab's users, for the requests addressed to their lab.
pub fn authorize_results(actor: &Actor) -> Result<ResultsGrant, Denied> {
    match actor.role() {
        Role::LabUser => Ok(ResultsGrant {
            lab_org_id: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to record a request's sample and its hand-overs. Only this module makes one.
///
/// ```compile_fail,E0423
/// let _ = tashil::access::conformity::CustodyGrant(());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustodyGrant(());

/// May `actor` record the sample of a request from `requester_org_id` in `province` addressed
/// to `lab_org_id`, and its hand-overs? Those who hold it: the requesting unit, the province's
/// inspectors (who take market samples), the addressed lab.
pub fn authorize_custody(
    actor: &Actor,
    requester_org_id: i64,
    lab_org_id: i64,
    province: &str,
) -> Result<CustodyGrant, Denied> {
    match actor.role() {
        Role::UnitUser if actor.organisation_id() == requester_org_id => Ok(CustodyGrant(())),
        Role::Inspector if actor.province() == Some(province) => Ok(CustodyGrant(())),
        Role::LabUser if actor.organisation_id() == lab_org_id => Ok(CustodyGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to amend a recorded sample's condition on receipt and storage. Only this module
/// makes one.
///
/// ```compile_fail,E0423
/// let _ = tashil::access::conformity::SampleAmendmentGrant(());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleAmendmentGrant(());

/// May `actor` amend the condition and storage of the sample of a request addressed to
/// `lab_org_id`? Only that lab's users, who received it and keep it: not the requester nor
/// the province, who hold the sample before it reaches the lab.
pub fn authorize_sample_amendment(
    actor: &Actor,
    lab_org_id: i64,
) -> Result<SampleAmendmentGrant, Denied> {
    match actor.role() {
        Role::LabUser if actor.organisation_id() == lab_org_id => Ok(SampleAmendmentGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// The instruments an actor may read: a lab its own, the province's office and inspectors
/// its province's labs' (those accredited there), the national body all. Only this module
/// makes one.
///
/// ```compile_fail,E0423
/// use tashil::access::conformity::{InstrumentScope, LabReach};
/// let _ = InstrumentScope(LabReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentScope(LabReach);

impl InstrumentScope {
    pub fn reach(&self) -> &LabReach {
        &self.0
    }
}

pub fn instrument_scope(actor: &Actor) -> Result<InstrumentScope, Denied> {
    lab_scope(actor).map(|s| InstrumentScope(s.0))
}

/// Leave to register one lab's instruments and record their calibrations. Only this module
/// makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::conformity::InstrumentGrant { lab_org_id: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentGrant {
    lab_org_id: i64,
}

impl InstrumentGrant {
    pub fn lab_org_id(&self) -> i64 {
        self.lab_org_id
    }
}

/// May `actor` register instruments and record calibrations? A lab's users, for their lab.
pub fn authorize_instruments(actor: &Actor) -> Result<InstrumentGrant, Denied> {
    match actor.role() {
        Role::LabUser => Ok(InstrumentGrant {
            lab_org_id: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the instruments' register is among the actor's working pages (a lab's users).
pub fn works_on_instruments(actor: &Actor) -> bool {
    authorize_instruments(actor).is_ok()
}

/// How much of the conformity figures (`/labs/figures`) an actor reads. Anyone reads the
/// aggregates (no unit named, cells of too few organisations left out); the national
/// administrator reads the full table with the units, every province; a province's officers
/// read it for their own province. Only this module makes one.
///
/// ```compile_fail,E0423
/// use tashil::access::conformity::{FiguresReach, FiguresScope};
/// let _ = FiguresScope(FiguresReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiguresScope(FiguresReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiguresReach {
    /// The aggregates only.
    Public,
    /// The full table of every province.
    All,
    /// The full table of one province.
    Province(String),
}

impl FiguresScope {
    pub fn reach(&self) -> &FiguresReach {
        &self.0
    }

    /// Whether the full table (units named) may be read for `province` (`None`: every
    /// province at once).
    pub fn full_for(&self, province: Option<&str>) -> bool {
        match (&self.0, province) {
            (FiguresReach::All, _) => true,
            (FiguresReach::Province(p), Some(asked)) => p == asked,
            _ => false,
        }
    }
}

pub fn figures_scope(actor: Option<&Actor>) -> FiguresScope {
    FiguresScope(match actor.map(Actor::role) {
        Some(Role::NationalAdmin) => FiguresReach::All,
        Some(Role::ProvincialOfficer) => match actor.and_then(Actor::province) {
            Some(p) => FiguresReach::Province(p.to_owned()),
            None => FiguresReach::Public,
        },
        _ => FiguresReach::Public,
    })
}
