//! Pure statistical process control for Tashil. No I/O, no HTTP, no SQL.

pub mod chart;
pub mod constants;
pub mod dist;
pub mod error;

pub use chart::{ChartKind, ChartParams, ChartPoint, FrozenLimits, Plotted, Subgroup, Summary};
pub use error::SpcError;
pub mod rules;
pub use rules::{Rule, RuleSet, Violation};
pub mod capability;
pub use capability::{Capability, CapabilityAccumulator, Interval, Specification, WithinMethod};
pub mod monitor;
pub use monitor::{Evaluation, LateUpdate, Monitor, Update, evaluate};
