//! The audit trail: every state change appends who, what, when, before and after to a
//! hash-chained log. Each entry's hash covers its fields and the previous entry's hash, so an
//! edited, inserted or deleted entry breaks the chain at that point (`tashil audit verify`).

mod chain;
mod verify;

pub use chain::{Change, GENESIS, record, record_many};
pub use verify::{Finding, Report, verify};
