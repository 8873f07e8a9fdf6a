//! The rules of online quality assurance free of HTTP and SQL: what a characteristic is and
//! how its draft is checked (`characteristic`), what a subgroup sent by a unit must be
//! (`subgroup`), advice before enforcement (`advice`), when an advice reaches the provincial
//! office (`escalation`), and each unit's monthly compliance summary (`compliance`). The
//! charts, rules and capability themselves are in the `tashil-spc` crate.

pub mod advice;
pub mod characteristic;
pub mod compliance;
pub mod escalation;
pub mod subgroup;
