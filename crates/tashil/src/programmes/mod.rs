//! Production programmes: a province's programme (e.g. "Production leap 1405") with its action
//! areas, each agency's plan of KPIs (baseline, target, direction, frequency), the agencies'
//! periodic reports, and where each KPI stands.

mod model;

pub use model::{
    DEFAULT_GRACE_DAYS, DEFAULT_TOLERANCE, Direction, Frequency, KpiPlan, Latest, Period,
    Reckoning, Report, Standing, Status, periods, standing,
};
