//! Numbers of synthetic standards: fresh per body, never a real standard's number.

use std::collections::HashSet;

use super::DemoBody;
use super::profiles::ministry_in;
use super::real::REAL;
use super::rng::SplitMix64;

/// Per-body number counters.
pub(super) struct Numbers {
    next: [u32; 6],
    reserved: HashSet<(usize, u32)>,
    pub(super) qcvn_seq: u32,
}

/// Counter slots.
pub(super) const INSO: usize = 0;
pub(super) const TCVN: usize = 1;
pub(super) const ISO: usize = 2;
pub(super) const IEC: usize = 3;
pub(super) const CXS: usize = 4;
pub(super) const CXC: usize = 5;

impl Numbers {
    pub(super) fn new() -> Self {
        let mut reserved = HashSet::new();
        for r in REAL {
            let (slot, rest) = match r.body {
                DemoBody::Inso => (INSO, r.number),
                DemoBody::Tcvn => (TCVN, r.number),
                DemoBody::Iso => (ISO, r.number),
                DemoBody::Iec => (IEC, r.number),
                DemoBody::Codex => match r.number.strip_prefix("CXC ") {
                    Some(n) => (CXC, n),
                    None => (CXS, r.number),
                },
                DemoBody::Qcvn => continue,
            };
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                reserved.insert((slot, n));
            }
        }
        Numbers {
            next: [1000, 4000, 1000, 60000, 330, 100],
            reserved,
            qcvn_seq: 100,
        }
    }

    /// A fresh base number for `slot`.
    pub(super) fn base(&mut self, slot: usize, rng: &mut SplitMix64) -> u32 {
        let max_step = if slot == IEC || slot >= CXS { 2 } else { 3 };
        loop {
            let n = self.next[slot] + rng.range(1, max_step);
            self.next[slot] = n;
            if !self.reserved.contains(&(slot, n)) {
                return n;
            }
        }
    }
}

pub(super) fn slot_of(body: DemoBody) -> usize {
    match body {
        DemoBody::Inso => INSO,
        DemoBody::Tcvn => TCVN,
        DemoBody::Iso => ISO,
        DemoBody::Iec => IEC,
        DemoBody::Codex => CXS,
        DemoBody::Qcvn => unreachable!("QCVN numbers are not allocated by base"),
    }
}

pub(super) fn qcvn_number(seq: u32, year: u16, ministry: &'static str) -> String {
    format!("{seq}:{year}/{}", ministry_in(ministry, year))
}
