//! An inspection's states and what each allows: scheduled → in progress → recorded (signed
//! by the unit, or its refusal to sign noted with a reason). A recorded inspection is read
//! only.

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
// Named apart in the OpenAPI document from the standards' `Status`: one name, one schema.
#[schema(as = InspectionStatus)]
pub enum Status {
    Scheduled,
    InProgress,
    Recorded,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::InProgress => "in_progress",
            Status::Recorded => "recorded",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Scheduled, Status::InProgress, Status::Recorded]
            .into_iter()
            .find(|x| x.as_str() == s)
    }

    /// Whether the inspection may start (its checklist generated).
    pub fn may_start(self) -> bool {
        self == Status::Scheduled
    }

    /// Whether answers, findings and evidence may be added or changed.
    pub fn is_open(self) -> bool {
        self == Status::InProgress
    }
}

/// How the record was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "signature")]
pub enum Signature {
    /// The unit's user signed.
    Signed,
    /// The unit refused; the inspector notes why.
    Refused { reason: String },
}

/// Checks a signature: a refusal names its reason (at most 2,000 characters).
pub fn check_signature(s: &Signature) -> Result<(), FieldError> {
    match s {
        Signature::Signed => Ok(()),
        Signature::Refused { reason } if reason.trim().is_empty() => {
            Err(FieldError::new("reason", "required"))
        }
        Signature::Refused { reason } if reason.chars().count() > 2000 => {
            Err(FieldError::new("reason", "too_long"))
        }
        Signature::Refused { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_allow_in_order() {
        assert!(Status::Scheduled.may_start());
        assert!(!Status::InProgress.may_start());
        assert!(Status::InProgress.is_open());
        assert!(!Status::Recorded.is_open() && !Status::Recorded.may_start());
        for s in [Status::Scheduled, Status::InProgress, Status::Recorded] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("done"), None);
    }

    #[test]
    fn a_refusal_names_its_reason() {
        assert!(check_signature(&Signature::Signed).is_ok());
        let r = |s: &str| Signature::Refused { reason: s.into() };
        assert_eq!(check_signature(&r("  ")).unwrap_err().code, "required");
        assert_eq!(
            check_signature(&r(&"x".repeat(2001))).unwrap_err().code,
            "too_long"
        );
        assert!(check_signature(&r("the manager is away")).is_ok());
    }
}
