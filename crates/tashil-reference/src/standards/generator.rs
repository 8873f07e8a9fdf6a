//! Building the demo catalogue.

use super::aspects::{self, ASPECTS, Aspect, SPEC_AND_METHODS, Source};
use super::clause::clause;
use super::numbers::{CXC, CXS, INSO, Numbers, TCVN, qcvn_number, slot_of};
use super::profiles::{Class, PROFILES};
use super::real::{REAL, build_real};
use super::requirements::{self as r, Req};
use super::rng::SplitMix64;
use super::subject::Subject;
use super::text::{scope, title};
use super::topics::TOPICS;
use super::{DemoBody, DemoClause, DemoStandard, DemoStatus, designation_of};
use crate::country::Country;
use crate::products::PRODUCTS;

/// The latest publication year of a published synthetic standard.
const LAST_YEAR: u32 = 2025;
/// Probability that a published or amended standard gets a withdrawn older edition.
const P_OLDER_EDITION: f64 = 0.0931;
/// Probability that a draw makes a multi-part series.
const P_SERIES: f64 = 0.12;
/// Probability that an eligible INSO standard (on a product under mandatory standards,
/// of an aspect that can be mandatory, in force) is mandatory.
const P_MANDATORY_INSO: f64 = 0.24;

/// How many entries at the start of the catalogue are real standards.
pub fn real_count() -> usize {
    REAL.len()
}

/// How many entries at the start of the catalogue are fixed: the real standards and the
/// core standards that cover every demo product. Coverage of the products is guaranteed
/// for catalogues at least this long.
pub fn fixed_count() -> usize {
    REAL.len() + core_plan().len()
}

/// The demo catalogue: `count` standards, deterministic for `(count, seed)`. See the
/// [module documentation](super).
pub fn demo_catalogue(count: usize, seed: u64) -> Vec<DemoStandard> {
    let mut g = Generator::new(count, seed);
    g.push_real();
    g.push_core();
    while g.out.len() < count {
        g.push_random();
    }
    g.out
}

/// What kind of document, and so how its title, scope and clauses are made.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Aspect(&'static Aspect),
    Regulation,
    CodexStandard,
    CodexPractice,
}

/// The core standards: one specification per product that needs covering.
fn core_plan() -> Vec<(DemoBody, usize)> {
    let mut plan = Vec::new();
    for (i, p) in PRODUCTS.iter().enumerate() {
        let covered = |bodies: &[DemoBody], mandatory: bool| {
            REAL.iter().any(|r| {
                bodies.contains(&r.body)
                    && (!mandatory || r.mandatory_from.is_some())
                    && r.status.in_force()
                    && r.products.contains(&p.code)
            })
        };
        if p.mandatory_in_ir && !covered(&[DemoBody::Inso], true) {
            plan.push((DemoBody::Inso, i));
        }
        if p.typical_of(Country::Vn) && !covered(&[DemoBody::Tcvn, DemoBody::Qcvn], false) {
            plan.push((DemoBody::Tcvn, i));
        }
    }
    plan
}

struct Generator {
    count: usize,
    rng: SplitMix64,
    numbers: Numbers,
    out: Vec<DemoStandard>,
    /// Subjects each body writes about.
    pools: [Vec<Subject>; 6],
    /// Per class, the aspects that apply and their weights.
    aspects_of: Vec<(Class, Vec<usize>, Vec<u32>)>,
}

fn body_index(body: DemoBody) -> usize {
    DemoBody::ALL.iter().position(|&b| b == body).unwrap()
}

impl Generator {
    fn new(count: usize, seed: u64) -> Self {
        let mut pools: [Vec<Subject>; 6] = Default::default();
        for body in DemoBody::ALL {
            let pool = &mut pools[body_index(body)];
            for (i, p) in PRODUCTS.iter().enumerate() {
                let class = PROFILES[i].class;
                let fits = match body {
                    DemoBody::Inso => p.typical_of(Country::Ir) || p.mandatory_in_ir,
                    DemoBody::Tcvn | DemoBody::Qcvn => p.typical_of(Country::Vn),
                    DemoBody::Iso => class != Class::Electrical,
                    DemoBody::Iec => class == Class::Electrical,
                    DemoBody::Codex => class == Class::Food,
                };
                if fits {
                    pool.push(Subject::product(i));
                }
            }
            for t in TOPICS {
                let fits = match body {
                    DemoBody::Inso | DemoBody::Tcvn | DemoBody::Qcvn => true,
                    DemoBody::Iso => t.class != Class::Electrical,
                    DemoBody::Iec => t.class == Class::Electrical,
                    DemoBody::Codex => false,
                };
                if fits {
                    pool.push(Subject::Topic(t));
                }
            }
        }
        let classes = [
            Class::Food,
            Class::Building,
            Class::Metal,
            Class::Wood,
            Class::Paper,
            Class::Textile,
            Class::Chemical,
            Class::Plastic,
            Class::Vehicle,
            Class::Electrical,
            Class::Gas,
            Class::Toy,
            Class::Environment,
            Class::Fuel,
            Class::Protective,
            Class::Metrology,
        ];
        let aspects_of = classes
            .iter()
            .map(|&class| {
                let idx: Vec<usize> = (0..ASPECTS.len())
                    .filter(|&i| ASPECTS[i].classes & class.bit() != 0)
                    .collect();
                let weights = idx
                    .iter()
                    .map(|&i| match i {
                        0 => 6,
                        1 => 3,
                        2 => 3,
                        _ => 1,
                    })
                    .collect();
                (class, idx, weights)
            })
            .collect();
        Generator {
            count,
            rng: SplitMix64::new(seed ^ 0x7A5E_11C0_DE5E_ED00),
            numbers: Numbers::new(),
            out: Vec::with_capacity(count),
            pools,
            aspects_of,
        }
    }

    fn full(&self) -> bool {
        self.out.len() >= self.count
    }

    fn push_real(&mut self) {
        for r in REAL {
            if self.full() {
                return;
            }
            let s = build_real(r, &self.out);
            self.out.push(s);
        }
    }

    fn push_core(&mut self) {
        for (body, i) in core_plan() {
            if self.full() {
                return;
            }
            let subject = Subject::product(i);
            let aspect = &ASPECTS[SPEC_AND_METHODS];
            let year = self.rng.range(1995, 2023) as u16;
            let slot = if body == DemoBody::Inso { INSO } else { TCVN };
            let number = self.numbers.base(slot, &mut self.rng).to_string();
            let edition = self.rng.range(1, 3) as u8;
            let mandatory = body == DemoBody::Inso && PRODUCTS[i].mandatory_in_ir;
            let s = self.build(
                body,
                subject,
                Kind::Aspect(aspect),
                number,
                year,
                edition,
                DemoStatus::Published,
                None,
                mandatory,
            );
            self.out.push(s);
        }
    }

    fn pick_body(&mut self) -> DemoBody {
        // INSO, TCVN, QCVN, ISO, IEC, CODEX: 40/25/5/20/7/3 % of the output, where a
        // draw for the first four bodies is sometimes a series of several parts.
        DemoBody::ALL[self.rng.weighted(&[323, 202, 50, 161, 56, 30])]
    }

    fn pick_subject(&mut self, body: DemoBody) -> Subject {
        let pool = &self.pools[body_index(body)];
        // Topics are at the end of each pool; give them a fixed share.
        let topics = pool
            .iter()
            .filter(|s| matches!(s, Subject::Topic(_)))
            .count();
        let products = pool.len() - topics;
        let topic_share = match body {
            DemoBody::Qcvn => 0.3,
            DemoBody::Iec => 0.5,
            _ => 0.1,
        };
        let i = if topics > 0 && (products == 0 || self.rng.chance(topic_share)) {
            products + self.rng.below(topics as u64) as usize
        } else {
            self.rng.below(products as u64) as usize
        };
        pool[i]
    }

    fn pick_aspect(&mut self, class: Class) -> &'static Aspect {
        let (_, idx, weights) = self
            .aspects_of
            .iter()
            .find(|(c, _, _)| *c == class)
            .expect("every class has aspects");
        let k = self.rng.weighted(weights);
        &ASPECTS[idx[k]]
    }

    fn pick_status(&mut self, body: DemoBody) -> DemoStatus {
        let weights: &[u32] = if body == DemoBody::Qcvn {
            &[0, 0, 86, 6]
        } else {
            &[3, 3, 80, 6]
        };
        DemoStatus::ALL[self.rng.weighted(weights)]
    }

    fn pick_year(&mut self, body: DemoBody) -> u16 {
        let first = match body {
            DemoBody::Inso => 1975,
            DemoBody::Tcvn => 1995,
            DemoBody::Qcvn => 2009,
            DemoBody::Iso => 1985,
            DemoBody::Iec => 1990,
            DemoBody::Codex => 1970,
        };
        // Skewed towards recent years, as catalogues are.
        let u = self.rng.unit();
        let span = f64::from(LAST_YEAR - first + 1);
        (LAST_YEAR - (span * u * u) as u32) as u16
    }

    fn push_random(&mut self) {
        let body = self.pick_body();
        let subject = self.pick_subject(body);
        match body {
            DemoBody::Qcvn => {
                self.push_with_history(body, subject, Kind::Regulation, None);
            }
            DemoBody::Codex => {
                let kind = if self.rng.chance(0.75) {
                    Kind::CodexStandard
                } else {
                    Kind::CodexPractice
                };
                self.push_with_history(body, subject, kind, None);
            }
            _ => {
                let class = subject.class();
                if self.rng.chance(P_SERIES) {
                    // A series: parts 1..=k on distinct aspects, sharing a base number.
                    let k = self.rng.range(2, 4) as usize;
                    let mut chosen: Vec<&Aspect> = Vec::with_capacity(k);
                    let slot = slot_of(body);
                    let base = self.numbers.base(slot, &mut self.rng);
                    // Parts of a series come out within a few years of each other.
                    let first_year = self.pick_year(body);
                    let mut part = 0;
                    for _ in 0..k * 3 {
                        if part == k {
                            break;
                        }
                        let a = self.pick_aspect(class);
                        if chosen.iter().any(|c| std::ptr::eq(*c, a)) {
                            continue;
                        }
                        chosen.push(a);
                        part += 1;
                        let number = format!("{base}-{part}");
                        let year = (u32::from(first_year) + self.rng.range(0, 2)).min(LAST_YEAR);
                        self.push_with_history(
                            body,
                            subject,
                            Kind::Aspect(a),
                            Some((number, part as u32, year as u16)),
                        );
                    }
                } else {
                    let a = self.pick_aspect(class);
                    self.push_with_history(body, subject, Kind::Aspect(a), None);
                }
            }
        }
    }

    /// Pushes one standard and, sometimes, a withdrawn older edition of it.
    fn push_with_history(
        &mut self,
        body: DemoBody,
        subject: Subject,
        kind: Kind,
        part: Option<(String, u32, u16)>,
    ) {
        let status = self.pick_status(body);
        let older = status.in_force() && self.rng.chance(P_OLDER_EDITION);
        let (mut year, mut edition) = match (status, &part) {
            (DemoStatus::Draft | DemoStatus::Enquiry, _) => (self.rng.range(2025, 2026) as u16, 1),
            (_, Some((_, _, year))) => (*year, self.rng.range(1, 3) as u8),
            (_, None) => (self.pick_year(body), self.rng.range(1, 3) as u8),
        };
        if older {
            edition = edition.max(2);
            // Leave room for an older edition (QCVN exist since 2008).
            year = year.max(match body {
                DemoBody::Qcvn => 2020,
                _ => 1990,
            });
        }
        let (number, part_no) = match part {
            Some((number, k, _)) => (number, Some(k)),
            None => (self.fresh_number(body, subject, kind, year), None),
        };
        let mandatory = match body {
            DemoBody::Qcvn => true,
            DemoBody::Inso => {
                let eligible = match (subject, kind) {
                    (Subject::Product(p, _), Kind::Aspect(a)) => {
                        p.mandatory_in_ir && a.may_be_mandatory && status.in_force()
                    }
                    _ => false,
                };
                eligible && self.rng.chance(P_MANDATORY_INSO)
            }
            _ => false,
        };
        let older_year = year - self.rng.range(3, 12) as u16;
        if self.full() {
            return;
        }
        let s = self.build(
            body, subject, kind, number, year, edition, status, part_no, mandatory,
        );
        let index = self.out.len();
        self.out.push(s);
        if older && !self.full() {
            let w = self.older_edition(index, subject, older_year);
            self.out.push(w);
        }
    }

    fn fresh_number(&mut self, body: DemoBody, subject: Subject, kind: Kind, year: u16) -> String {
        match body {
            DemoBody::Qcvn => {
                self.numbers.qcvn_seq += 1;
                qcvn_number(self.numbers.qcvn_seq, year, subject.ministry())
            }
            DemoBody::Codex => match kind {
                Kind::CodexPractice => {
                    format!("CXC {}", self.numbers.base(CXC, &mut self.rng))
                }
                _ => self.numbers.base(CXS, &mut self.rng).to_string(),
            },
            _ => self.numbers.base(slot_of(body), &mut self.rng).to_string(),
        }
    }

    /// A withdrawn older edition of the standard at `index`.
    fn older_edition(&mut self, index: usize, subject: Subject, year: u16) -> DemoStandard {
        let newer = self.out[index].clone();
        let mut w = newer.clone();
        w.year = year;
        w.edition = newer.edition - 1;
        w.status = DemoStatus::Withdrawn;
        w.replaced_by = Some(index);
        if w.body == DemoBody::Qcvn {
            let seq: u32 = newer
                .number
                .split([':', '-'])
                .next()
                .and_then(|s| s.parse().ok())
                .expect("synthetic QCVN numbers start with their sequence");
            w.number = qcvn_number(seq, year, subject.ministry());
            w.mandatory_from = Some(self.mandatory_date(year));
        } else {
            w.mandatory = false;
            w.mandatory_from = None;
        }
        let (old, new) = (newer.designation(), w.designation());
        for c in &mut w.clauses {
            if c.test_method.starts_with(&old) {
                c.test_method = c.test_method.replacen(&old, &new, 1);
            }
        }
        w
    }

    fn mandatory_date(&mut self, year: u16) -> (i32, u32, u32) {
        (
            i32::from(year) + self.rng.range(1, 2) as i32,
            self.rng.range(1, 12),
            self.rng.range(1, 28),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &mut self,
        body: DemoBody,
        subject: Subject,
        kind: Kind,
        number: String,
        year: u16,
        edition: u8,
        status: DemoStatus,
        part: Option<u32>,
        mandatory: bool,
    ) -> DemoStandard {
        let designation = designation_of(body, &number, year);
        let (en, fa, vi) = subject.names();
        let (title_en, title_fa, title_vi) = title(kind, en, fa, vi, part);
        let (scope_en, scope_fa, scope_vi) = scope(body, kind, en, fa, vi);

        let mut ics: Vec<&'static str> = subject.ics().to_vec();
        if let Kind::Aspect(a) = kind
            && let Some(extra) = a.extra_ics
            && !ics.contains(&extra)
        {
            ics.push(extra);
        }

        let (products, hs_prefixes) = match subject {
            Subject::Product(p, _) => {
                let hs = if self.rng.chance(0.5) {
                    p.hs
                } else {
                    p.hs_heading()
                };
                (vec![p.code], vec![hs])
            }
            Subject::Topic(_) => (Vec::new(), Vec::new()),
        };

        let clauses = self.clauses(body, subject, kind, &designation);
        let mandatory_from = mandatory.then(|| self.mandatory_date(year));

        DemoStandard {
            body,
            number,
            year,
            edition,
            title_fa,
            title_en,
            title_vi,
            scope_fa,
            scope_en,
            scope_vi,
            ics,
            status,
            replaced_by: None,
            mandatory,
            mandatory_from,
            products,
            hs_prefixes,
            clauses,
        }
    }

    fn clauses(
        &mut self,
        body: DemoBody,
        subject: Subject,
        kind: Kind,
        designation: &str,
    ) -> Vec<DemoClause> {
        let class = subject.class();
        let (source, section) = match kind {
            Kind::Aspect(a) => (a.source, a.section),
            Kind::Regulation => (Source::Spec, 2),
            Kind::CodexStandard => (Source::Spec, 3),
            Kind::CodexPractice => (Source::Fixed(r::HYGIENIC_PRACTICE), 3),
        };
        let (list, keep_limits) = match source {
            Source::Spec => (subject.spec(), true),
            Source::Methods => (subject.spec(), false),
            Source::Safety => (aspects::class_safety(class).unwrap_or(subject.spec()), true),
            Source::Energy => (aspects::class_energy(class), true),
            Source::Fixed(list) => (list, true),
        };
        let n = list.len();
        // A regulation closes with its certification clause.
        let max = n.min(if matches!(kind, Kind::Regulation) {
            7
        } else {
            8
        });
        let min = if matches!(source, Source::Spec) {
            (n / 2).clamp(2, max)
        } else {
            2.min(max)
        };
        let k = self.rng.range(min as u32, max as u32) as usize;
        let mut picked: Vec<&Req> = Vec::with_capacity(k + 1);
        // Selection sampling: exactly k items, in template order.
        for (i, req) in list.iter().enumerate() {
            let left = (n - i) as u64;
            if self.rng.below(left) < (k - picked.len()) as u64 {
                picked.push(req);
            }
        }
        let nested = picked.len() > 4 && matches!(source, Source::Spec);
        let mut clauses: Vec<DemoClause> = picked
            .iter()
            .enumerate()
            .map(|(i, req)| {
                let number = if nested {
                    format!("{section}.{}.{}", 1 + i / 3, 1 + i % 3)
                } else {
                    format!("{section}.{}", i + 1)
                };
                clause(number, req, body, designation, keep_limits)
            })
            .collect();
        if matches!(kind, Kind::Regulation) {
            clauses.push(clause(
                "3.1".to_owned(),
                &r::CONFORMITY_CERTIFICATION[0],
                body,
                designation,
                true,
            ));
        }
        clauses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_plan_covers_what_it_should() {
        let plan = core_plan();
        assert!(
            plan.len() > 50 && plan.len() < 2 * PRODUCTS.len(),
            "{}",
            plan.len()
        );
        // Cement and rebar are covered by real mandatory INSO standards.
        let cement = PRODUCTS
            .iter()
            .position(|p| p.code == "portland-cement")
            .unwrap();
        assert!(!plan.contains(&(DemoBody::Inso, cement)));
        assert!(!plan.contains(&(DemoBody::Tcvn, cement)));
    }
}
