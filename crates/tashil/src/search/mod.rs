//! Each node's full-text index, fed from the database. A change to an indexed record appends
//! a row to `search_outbox` in the same transaction ([`outbox::enqueue`]); every node applies
//! the rows past its index's high-water mark ([`sync`]) before it answers a search and on a
//! timer, so two nodes on one PostgreSQL answer alike and a crash loses nothing.

pub mod outbox;
pub mod sync;

pub use sync::Catalogue;
