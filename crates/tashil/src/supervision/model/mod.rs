//! The rules of supervision free of HTTP and SQL: the hazard class of a unit's products
//! (`hazard`, a table as data), the explainable risk score (`risk`, weights as data), the
//! inspection planner (`planner`, highest risk first plus a reproducible random share),
//! inspections and their checklists (`inspection`, `checklist`), findings' corrective actions
//! (`capa`), the graduated ladder of measures (`ladder`) and its public figures (`figures`),
//! complaints (`complaint`) and consulting clinics (`clinic`).

pub mod capa;
pub mod checklist;
pub mod clinic;
pub mod complaint;
pub mod figures;
pub mod hazard;
pub mod inspection;
pub mod ladder;
pub mod planner;
pub mod risk;
