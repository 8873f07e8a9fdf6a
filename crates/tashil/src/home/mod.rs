//! Each actor's home page: what waits for it in every context, most urgent first. The
//! contexts' `waiting` functions reach it through `AppState` (listed once, in `app.rs`), so
//! the home page knows no context.

mod page;

pub use page::routes;
