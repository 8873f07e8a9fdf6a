//! Conformity assessment (issue 19): accredited labs and certification bodies with the scope
//! of their accreditation, the public directory of those in force, test requests routed to a
//! lab whose accreditation covers every clause asked, samples and their custody; and the rules
//! by which results are judged against the catalogue's clauses (`model`: no HTTP, no SQL).
//! Reads start from `access::conformity`'s scopes; entities stay private.

mod api;
mod application_tests;
mod entity;
mod error;
mod figures;
mod figures_api;
mod figures_page;
mod import;
mod instrument_api;
mod instrument_pages;
mod instrument_reminders;
mod instruments;
mod labs;
mod model;
mod pages;
mod push;
mod query;
mod report_api;
mod report_pages;
mod report_view;
mod reports;
mod request_pages;
mod requests;
mod results;
mod samples;
mod view;
mod waiting;

pub use application_tests::{ApplicationTests, application_tests};
pub use error::{AmendError, ConformityError, ERROR_CODES, SAMPLE_LOCKED};
pub use import::import;
pub use instrument_reminders::{KINDS as MAIL_KINDS, remind as remind_calibrations};
pub use instruments::{
    calibrate as record_calibration, get as instrument, list as instruments,
    register as register_instrument,
};
pub use labs::{DirectoryFilter, accredit, add_scope_entry, directory, set_status};
pub use model::accreditation::{AccreditationDraft, AccreditationStatus, StatusDraft};
pub use model::custody::{
    CustodyFlag, HandOver, HandOverDraft, SampleAmendmentDraft, SampleDraft, flags as custody_flags,
};
pub use model::instrument::{CalibrationDraft, DueState, InstrumentDraft};
pub use model::limit::{Bound, Limit, LimitError, Requirement};
pub use model::measure::{Category, DEFAULT_COVERAGE, MeasureError, Measured, Measurement};
pub use model::request::{DeclineDraft, Purpose, RequestStatus, TestRequestDraft};
pub use model::result::{MAX_ROWS as MAX_RESULT_ROWS, ResultDraft};
pub use model::revision::{
    ProposedRevision, ReportRevision, RevisionError, ValidRevision, check_revision,
};
pub use model::scope::ScopeEntryDraft;
pub use model::verdict::{
    DecisionRule, JudgeError, Judgement, ReportVerdict, Verdict, guard_banded, judge,
    report_verdict, simple_acceptance,
};
pub use push::{COLUMNS as RESULT_COLUMNS, PushAnswer, PushBody, ResultPush, push as push_results};
pub use report_view::{ReportStatus, ReportView, RequestReport, ResultView, get as report};
pub use reports::{release, revise};
pub use requests::{accept, decline, get as request, offers, send};
pub use results::{RowOutcome, STORED_RESULT_COLUMNS, Written, enter as enter_results};
pub use samples::{
    HandOverView, SampleAmendmentView, SampleView, amend as amend_sample, hand_over, record_sample,
};
pub use view::{
    AccreditationView, CalibrationView, InstrumentDetail, InstrumentView, OfferView,
    TestRequestView,
};
pub use waiting::{KEYS as WAITING_KEYS, waiting};

/// Calibration reminders, queued on the lab's day (`instrument_reminders.rs`).
pub const JOBS: &[crate::jobs::Job] = &[crate::jobs::Job::new(
    "remind_instrument_calibrations",
    instrument_reminders::job,
)];

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::access::conformity as rules;
use crate::web::{AppState, NavEntry};

/// Its pages and its API (each API path and its OpenAPI entry written once, on the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(
        pages::routes()
            .merge(instrument_pages::routes())
            .merge(figures_page::routes()),
    )
    .merge(api::api())
    .merge(figures_api::api())
    .merge(instrument_api::api())
}

/// Test requests, accreditations and (a lab's users) instruments for those who work on them; the directory of labs for
/// anyone.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    let mut out = vec![];
    if let Some(a) = actor {
        if rules::works_on_requests(a) {
            out.push(NavEntry::work("/test-requests", "nav-test-requests"));
        }
        if rules::works_on_labs(a) {
            out.push(NavEntry::work("/accreditations", "nav-accreditations"));
        }
        if rules::works_on_instruments(a) {
            out.push(NavEntry::work("/instruments", "nav-instruments"));
        }
    }
    out.push(NavEntry::public("/labs", "nav-labs"));
    out
}

// Supervision's risk score reads the failed reports (issue 21).
mod failed_reports;
pub use failed_reports::failed_reports_by_requester;
