//! The rules of online quality assurance: no HTTP, no SQL. What a characteristic is and how
//! its draft is checked (`characteristic`), and what a subgroup sent by a unit must be
//! (`subgroup`). The statistics themselves are `tashil_spc`'s.

pub mod characteristic;
pub mod subgroup;
