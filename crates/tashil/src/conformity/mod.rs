//! Conformity assessment: lab results judged against the catalogue's clauses, with their
//! measurement uncertainty, under the decision rule a request chose; released reports are
//! corrected only by new revisions. `model` holds the rules (no HTTP, no SQL).

mod model;

pub use model::limit::{Bound, Limit, LimitError, Requirement};
pub use model::measure::{Category, DEFAULT_COVERAGE, MeasureError, Measured, Measurement};
pub use model::revision::{
    ProposedRevision, ReportRevision, RevisionError, ValidRevision, check_revision,
};
pub use model::verdict::{
    DecisionRule, JudgeError, Judgement, ReportVerdict, Verdict, guard_banded, judge,
    report_verdict, simple_acceptance,
};
