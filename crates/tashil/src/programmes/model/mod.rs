//! Programmes' rules, free of HTTP and SQL: KPIs, their reporting periods, their standing.

mod kpi;
mod periods;
mod standing;

pub use kpi::{DEFAULT_GRACE_DAYS, Direction, Frequency, KpiPlan, Reckoning, Report};
pub use periods::{Period, periods};
pub use standing::{DEFAULT_TOLERANCE, Latest, Standing, Status, standing};
