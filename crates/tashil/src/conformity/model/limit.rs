//! What a clause demands of a result: limits on a value in the clause's unit (a minimum, a
//! maximum or both, each inclusive or exclusive), or a list of allowed values.

/// One end of a limit. A catalogue clause's `min` and `max` are inclusive ("at least 2.5",
/// "at most 10"); a requirement written "more than" or "less than" is exclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

impl Bound {
    pub fn inclusive(value: f64) -> Bound {
        Bound {
            value,
            inclusive: true,
        }
    }

    pub fn exclusive(value: f64) -> Bound {
        Bound {
            value,
            inclusive: false,
        }
    }

    /// Whether `x` satisfies this bound as a minimum.
    fn admits_as_min(self, x: f64) -> bool {
        if self.inclusive {
            x >= self.value
        } else {
            x > self.value
        }
    }

    /// Whether `x` satisfies this bound as a maximum.
    fn admits_as_max(self, x: f64) -> bool {
        if self.inclusive {
            x <= self.value
        } else {
            x < self.value
        }
    }
}

/// Why a requirement cannot be judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("a limit is not a finite number")]
    NotFinite,
    #[error("no value satisfies both limits")]
    Crossed,
    #[error("neither a limit nor allowed values")]
    Missing,
    #[error("limits without a known unit")]
    Unit,
}

impl LimitError {
    /// Stable code; the message is `err-` and the code in kebab case, in `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            LimitError::NotFinite => "limit_not_finite",
            LimitError::Crossed => "limits_crossed",
            LimitError::Missing => "requirement_missing",
            LimitError::Unit => "invalid_unit",
        }
    }
}

/// The values a clause accepts: at least one bound, and some value between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    min: Option<Bound>,
    max: Option<Bound>,
}

impl Limit {
    /// Refused: no bound, a bound that is not finite, or bounds that leave no value between
    /// them (min above max, or equal with either exclusive).
    pub fn new(min: Option<Bound>, max: Option<Bound>) -> Result<Limit, LimitError> {
        if min.is_none() && max.is_none() {
            return Err(LimitError::Missing);
        }
        if [min, max].iter().flatten().any(|b| !b.value.is_finite()) {
            return Err(LimitError::NotFinite);
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && (lo.value > hi.value || (lo.value == hi.value && !(lo.inclusive && hi.inclusive)))
        {
            return Err(LimitError::Crossed);
        }
        Ok(Limit { min, max })
    }

    /// A catalogue clause's limits (both inclusive); `None` when it has neither.
    pub fn of_clause(min: Option<f64>, max: Option<f64>) -> Result<Option<Limit>, LimitError> {
        if min.is_none() && max.is_none() {
            return Ok(None);
        }
        Limit::new(min.map(Bound::inclusive), max.map(Bound::inclusive)).map(Some)
    }

    pub fn min(&self) -> Option<Bound> {
        self.min
    }

    pub fn max(&self) -> Option<Bound> {
        self.max
    }

    /// Whether `x` lies within the limit.
    pub fn admits(&self, x: f64) -> bool {
        self.min.is_none_or(|b| b.admits_as_min(x)) && self.max.is_none_or(|b| b.admits_as_max(x))
    }

    /// Whether `x` lies outside the limit below its minimum, or above its maximum.
    pub(super) fn below(&self, x: f64) -> bool {
        self.min.is_some_and(|b| !b.admits_as_min(x))
    }

    pub(super) fn above(&self, x: f64) -> bool {
        self.max.is_some_and(|b| !b.admits_as_max(x))
    }
}

/// A clause's requirement: limits in its unit, allowed values, or both (a value is judged
/// against the limits, a category against the allowed values).
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    limit: Option<(Limit, &'static str)>,
    allowed: Vec<String>,
}

impl Requirement {
    /// From a clause's parts (`standards`' clause: Rec 20 unit code, inclusive `min` and
    /// `max`, `allowed` values); `limit` given instead of `min`/`max` for exclusive bounds.
    pub fn new(
        unit: &str,
        limit: Option<Limit>,
        allowed: &[String],
    ) -> Result<Requirement, LimitError> {
        let allowed: Vec<String> = allowed
            .iter()
            .filter(|a| !a.trim().is_empty())
            .cloned()
            .collect();
        let limit = match limit {
            Some(l) => {
                let unit = tashil_reference::uom::uom(unit).ok_or(LimitError::Unit)?;
                Some((l, unit.code))
            }
            None if allowed.is_empty() => return Err(LimitError::Missing),
            None => None,
        };
        Ok(Requirement { limit, allowed })
    }

    /// A catalogue clause as the catalogue stores it (inclusive limits).
    pub fn of_clause(
        unit: &str,
        min: Option<f64>,
        max: Option<f64>,
        allowed: &[String],
    ) -> Result<Requirement, LimitError> {
        Requirement::new(unit, Limit::of_clause(min, max)?, allowed)
    }

    /// The limit and the unit its bounds are in.
    pub fn limit(&self) -> Option<(Limit, &'static str)> {
        self.limit
    }

    pub fn allowed(&self) -> &[String] {
        &self.allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_inclusive_and_exclusive() {
        let l = Limit::new(Some(Bound::inclusive(2.0)), Some(Bound::exclusive(5.0))).unwrap();
        assert!(l.admits(2.0) && l.admits(4.999) && !l.admits(5.0) && !l.admits(1.999));
        assert!(l.below(1.999) && !l.below(2.0) && l.above(5.0) && !l.above(4.999));
        let open = Limit::new(Some(Bound::exclusive(2.0)), None).unwrap();
        assert!(!open.admits(2.0) && open.admits(2.001) && !open.above(1e300));
    }

    #[test]
    fn limits_that_admit_nothing_are_refused() {
        let (i, e) = (Bound::inclusive, Bound::exclusive);
        assert_eq!(Limit::new(None, None), Err(LimitError::Missing));
        assert_eq!(
            Limit::new(Some(i(5.0)), Some(i(4.0))),
            Err(LimitError::Crossed)
        );
        assert_eq!(
            Limit::new(Some(e(5.0)), Some(i(5.0))),
            Err(LimitError::Crossed)
        );
        assert_eq!(
            Limit::new(Some(i(5.0)), Some(e(5.0))),
            Err(LimitError::Crossed)
        );
        // Both inclusive at one value: exactly that value.
        let exact = Limit::new(Some(i(5.0)), Some(i(5.0))).unwrap();
        assert!(exact.admits(5.0) && !exact.admits(5.000001));
        assert_eq!(
            Limit::new(Some(i(f64::NAN)), None),
            Err(LimitError::NotFinite)
        );
        assert_eq!(
            Limit::new(None, Some(e(f64::INFINITY))),
            Err(LimitError::NotFinite)
        );
    }

    #[test]
    fn a_requirement_needs_limits_in_a_unit_or_allowed_values() {
        let r = Requirement::of_clause("mpa", Some(2.5), None, &[]).unwrap();
        let (l, unit) = r.limit().unwrap();
        assert_eq!(
            (l.min(), l.max(), unit),
            (Some(Bound::inclusive(2.5)), None, "MPA")
        );
        assert_eq!(
            Requirement::of_clause("", Some(2.5), None, &[]),
            Err(LimitError::Unit)
        );
        assert_eq!(
            Requirement::of_clause("KGM", None, None, &[" ".into()]),
            Err(LimitError::Missing)
        );
        let c = Requirement::of_clause("", None, None, &["negative".into()]).unwrap();
        assert_eq!(
            (c.limit(), c.allowed()),
            (None, &["negative".to_string()][..])
        );
    }
}
