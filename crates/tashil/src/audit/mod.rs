//! The audit trail: every state change appends who, what, when, before and after to a
//! hash-chained log. Each entry's hash covers its fields and the previous entry's hash, so an
//! edited, inserted or deleted entry breaks the chain at that point (`tashil audit verify`).
//! Signed checkpoints of the head, published at `/audit/checkpoints` for outside parties to
//! keep, catch what the chain alone cannot: a log cut short, or rewritten and re-hashed.

mod against;
mod chain;
mod checkpoint;
mod key;
/// The public URL of the checkpoints, with their OpenAPI entries.
pub mod public;
mod verify;

pub use against::{Standing, check};
pub use chain::{Change, GENESIS, insert, record, record_many};
pub use checkpoint::{
    BadSignature, CHECKPOINT_EVERY, Checkpoint, CheckpointError, PER_PAGE, checkpoint,
    checkpoint_if_due, latest,
};
pub use key::{AuditKey, KEY_ENV, key_id};
pub use public::router;
pub use verify::{Finding, Report, verify};
