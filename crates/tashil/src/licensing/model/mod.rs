//! The licensing rules: permit types as versioned definitions, the fast track, and how an
//! application moves. No HTTP, no SQL.

pub mod definition;
pub mod fast_track;
pub mod flow;

pub use definition::{
    Condition, DocumentDef, Fee, PermitDefinition, StepActor, StepDef, StepKind, Tri,
};
pub use fast_track::{Applied, Effect, Fact, FastTrackRule, UnitRecord, first_applying, plan};
pub use flow::{Move, Mover, Position, Refusal, Rejection, Status, StepOutcome, Transition};
pub mod lifecycle;
pub use lifecycle::{Grounds, LicenceMove, LicenceStatus};
pub mod lead_time;
