//! The stages an investment project passes through, in order: land, permits, construction,
//! equipment, trial production, operation. A project in operation is finished for the desk.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Land,
    Permits,
    Construction,
    Equipment,
    TrialProduction,
    Operation,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Land,
        Stage::Permits,
        Stage::Construction,
        Stage::Equipment,
        Stage::TrialProduction,
        Stage::Operation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Land => "land",
            Stage::Permits => "permits",
            Stage::Construction => "construction",
            Stage::Equipment => "equipment",
            Stage::TrialProduction => "trial_production",
            Stage::Operation => "operation",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// A project in operation needs no more following: it is never stalled.
    pub fn is_finished(self) -> bool {
        self == Stage::Operation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_reads_back_from_its_name_and_stages_keep_their_order() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
        }
        assert!(Stage::Land < Stage::Operation);
        assert_eq!(Stage::parse("Operation"), None);
        assert!(Stage::Operation.is_finished() && !Stage::TrialProduction.is_finished());
    }
}
