//! Pure statistical process control for Tashil. No I/O, no HTTP, no SQL.

pub mod constants;
pub mod dist;
