//! The rules of supervision free of HTTP and SQL: the hazard class of a unit's products
//! (`hazard`, a table as data), the explainable risk score (`risk`, weights as data) and the
//! inspection planner (`planner`, highest risk first plus a reproducible random share).

pub mod figures;
pub mod hazard;
pub mod ladder;
pub mod planner;
pub mod risk;
