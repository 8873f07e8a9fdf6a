//! Page numbers as clients send them. Any `u64` is a page a client may ask for; the offset it
//! becomes must stay inside SQL's signed 64-bit integers (SQLite and PostgreSQL alike), or the
//! query fails instead of answering an empty page.

/// No list is this long: a page past it is simply empty.
const MAX_OFFSET: u64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    page: u64,
    per_page: u64,
}

impl Paging {
    /// `page` from 1 (0 and absent mean the first); `per_page` clamped to `1..=max`.
    pub fn new(page: Option<u64>, per_page: Option<u64>, default: u64, max: u64) -> Paging {
        Paging {
            page: page.unwrap_or(1).max(1),
            per_page: per_page.unwrap_or(default).clamp(1, max.max(1)),
        }
    }

    /// A fixed page size.
    pub fn fixed(page: Option<u64>, per_page: u64) -> Paging {
        Paging::new(page, Some(per_page), per_page, per_page)
    }

    pub fn page(&self) -> u64 {
        self.page
    }

    pub fn per_page(&self) -> u64 {
        self.per_page
    }

    pub fn offset(&self) -> u64 {
        (self.page - 1)
            .saturating_mul(self.per_page)
            .min(MAX_OFFSET)
    }

    pub fn limit(&self) -> u64 {
        self.per_page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_page_a_client_sends_gives_an_offset_sql_can_hold() {
        for page in [0, 1, 2, i64::MAX as u64, u64::MAX, 200_000_000_000_000_000] {
            for per_page in [0, 1, 50, u64::MAX] {
                let p = Paging::new(Some(page), Some(per_page), 50, 200);
                assert!(p.offset() <= i64::MAX as u64);
                assert!((1..=200).contains(&p.limit()));
            }
        }
        assert_eq!(Paging::new(Some(3), None, 50, 200).offset(), 100);
        assert_eq!(Paging::new(None, None, 50, 200).offset(), 0);
        assert_eq!(Paging::fixed(Some(0), 20).offset(), 0);
    }
}
