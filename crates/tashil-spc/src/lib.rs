//! Pure statistical process control for Tashil's online quality assurance. No I/O, no
//! HTTP, no SQL: numbers in, numbers out, every input error a [`SpcError`] with a stable
//! code.
//!
//! - [`chart`]: the seven Shewhart charts (X̄-R, X̄-S, I-MR, p, np, c, u), phase-I
//!   estimates as [`FrozenLimits`] the caller stores and versions, and each later
//!   subgroup plotted against them.
//! - [`rules`]: the eight Nelson rules and the four Western Electric rules, each naming
//!   the points where it fires; re-checking after a late subgroup.
//! - [`capability`]: Cp, Cpk, Pp, Ppk with confidence intervals, one- or two-sided
//!   specifications, in batch or from running sums.
//! - [`monitor`]: the live state of one characteristic, updated subgroup by subgroup in
//!   O(rule window), giving the same answers as a batch recomputation.
//! - [`constants`]: d2, d3, c4 and the A2, A3, B3, B4, D3, D4 factors for n = 2..=25.
//! - [`dist`]: the normal and chi-square functions behind them.
//! - [`svg`]: the charts drawn as SVG on the server (labels and number formatting from
//!   the caller, mirrored right to left).
//!
//! ```
//! use tashil_spc::*;
//!
//! // Phase I: the quality manager picks the baseline subgroups; the limits are frozen.
//! let baseline: Vec<Subgroup> = [[9.9, 10.1, 10.0], [10.2, 10.0, 9.8], [10.1, 9.9, 10.0]]
//!     .iter()
//!     .map(|s| Subgroup::measured(s))
//!     .collect();
//! let limits = FrozenLimits::estimate(ChartKind::XbarR, &baseline)?;
//! let stored = serde_json::to_string(&limits).unwrap(); // versioned by the caller
//!
//! // Phase II: subgroups arrive one by one.
//! let limits: FrozenLimits = serde_json::from_str(&stored).unwrap();
//! let mut monitor = Monitor::new(limits, RuleSet::nelson(), RuleSet::new(&[Rule::BeyondLimits]));
//! let update = monitor.push(Subgroup::measured(&[10.6, 10.7, 10.5]))?;
//! assert_eq!(update.violations[0].rule, Rule::BeyondLimits);
//!
//! let spec = Specification::new(Some(9.0), Some(11.0))?;
//! let capability = monitor.capability(&spec, 0.95)?;
//! assert!(capability.cpk.estimate < capability.cp.unwrap().estimate);
//! # Ok::<(), SpcError>(())
//! ```

pub mod capability;
pub mod chart;
pub mod constants;
pub mod dist;
pub mod error;
pub mod monitor;
pub mod rules;
pub mod svg;

pub use capability::{Capability, CapabilityAccumulator, Interval, Specification, WithinMethod};
pub use chart::{ChartKind, ChartParams, ChartPoint, FrozenLimits, Plotted, Subgroup, Summary};
pub use error::SpcError;
pub use monitor::{Evaluation, LateUpdate, Monitor, Update, evaluate};
pub use rules::{Rule, RuleSet, Violation};
