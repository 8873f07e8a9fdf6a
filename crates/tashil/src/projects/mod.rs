//! Investment projects: an investor's project in a province, its stages and reported progress,
//! the permits it needs and the obstacles filed for it, and when it is stalled (rules as data)
//! so the provincial working group takes it up.

mod model;

pub use model::{
    Milestone, OpenObstacle, OverduePermit, ProgressPlan, ProjectFacts, Stage, StallReason,
    StallRules, stall_reasons,
};
