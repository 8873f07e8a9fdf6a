//! A sample's chain of custody (ISO/IEC 17025 §7.4): every hand-over names who gave the
//! sample, who received it, when, and whether the seal was intact. A chain is sound only when
//! each giver is the last receiver and time never runs backwards; a broken seal or a gap is
//! flagged on the sample's and the request's pages, never silently accepted.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One hand-over as recorded: the parties are named as the lab records them (a person, or an
/// organisation's desk), compared after trimming and case folding.
#[derive(Debug, Clone, PartialEq)]
pub struct HandOver {
    pub giver: String,
    pub receiver: String,
    pub at: DateTime<Utc>,
    pub seal_intact: bool,
}

/// What is wrong at the `index`th hand-over (0-based, in the order recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CustodyFlag {
    /// The seal was found broken.
    BrokenSeal { index: usize },
    /// The giver is not whoever last received the sample: someone held it unrecorded.
    Gap { index: usize },
    /// Handed over before the previous hand-over (or before the sample was taken).
    TimeBackwards { index: usize },
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The flags of a chain starting when `taker` took the sample at `taken_at`, the hand-overs
/// in the order recorded.
pub fn flags(taker: &str, taken_at: DateTime<Utc>, chain: &[HandOver]) -> Vec<CustodyFlag> {
    let mut out = vec![];
    let (mut holder, mut since) = (taker, taken_at);
    for (index, h) in chain.iter().enumerate() {
        if !same(&h.giver, holder) {
            out.push(CustodyFlag::Gap { index });
        }
        if h.at < since {
            out.push(CustodyFlag::TimeBackwards { index });
        }
        if !h.seal_intact {
            out.push(CustodyFlag::BrokenSeal { index });
        }
        holder = &h.receiver;
        since = since.max(h.at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn hand(giver: &str, receiver: &str, when: &str, seal: bool) -> HandOver {
        HandOver {
            giver: giver.into(),
            receiver: receiver.into(),
            at: at(when),
            seal_intact: seal,
        }
    }

    #[test]
    fn an_unbroken_chain_has_no_flags() {
        let chain = [
            hand("Inspector Rahimi", "Courier", "2026-12-01T08:00:00Z", true),
            hand(" courier ", "Lab reception", "2026-12-01T12:00:00Z", true),
            hand("Lab reception", "Analyst", "2026-12-01T12:00:00Z", true),
        ];
        assert!(flags("inspector rahimi", at("2026-12-01T07:30:00Z"), &chain).is_empty());
        assert!(flags("Inspector Rahimi", at("2026-12-01T07:30:00Z"), &[]).is_empty());
    }

    #[test]
    fn a_giver_who_did_not_hold_the_sample_is_a_gap() {
        let chain = [
            hand("Inspector Rahimi", "Courier", "2026-12-01T08:00:00Z", true),
            hand("Driver", "Lab reception", "2026-12-01T12:00:00Z", true),
        ];
        assert_eq!(
            flags("Inspector Rahimi", at("2026-12-01T07:30:00Z"), &chain),
            [CustodyFlag::Gap { index: 1 }]
        );
        // The first hand-over must come from whoever took the sample.
        assert_eq!(
            flags("Someone else", at("2026-12-01T07:30:00Z"), &chain[..1]),
            [CustodyFlag::Gap { index: 0 }]
        );
    }

    #[test]
    fn time_running_backwards_and_a_broken_seal_are_flagged() {
        let chain = [
            hand("A", "B", "2026-12-01T08:00:00Z", true),
            hand("B", "C", "2026-12-01T07:59:59Z", false),
            hand("C", "D", "2026-12-01T07:59:59Z", true),
        ];
        assert_eq!(
            flags("A", at("2026-12-01T08:00:00Z"), &chain),
            [
                CustodyFlag::TimeBackwards { index: 1 },
                CustodyFlag::BrokenSeal { index: 1 },
                // Still before the latest instant already recorded.
                CustodyFlag::TimeBackwards { index: 2 },
            ]
        );
        assert_eq!(
            flags("A", at("2026-12-02T00:00:00Z"), &chain[..1]),
            [CustodyFlag::TimeBackwards { index: 0 }],
            "handed over before it was taken"
        );
    }
}
