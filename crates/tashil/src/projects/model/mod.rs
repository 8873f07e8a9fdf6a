//! Investment projects' rules, free of HTTP and SQL: stages, the progress plan, when a project
//! is stalled.

mod plan;
mod stage;
mod stall;

pub use plan::{Milestone, ProgressPlan};
pub use stage::Stage;
pub use stall::{
    OpenObstacle, OverduePermit, ProjectFacts, StallReason, StallRules, stall_reasons,
};
