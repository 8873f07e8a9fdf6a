//! One pass over the documents that match the text: filters, disjunctive facet counts
//! and the top hits.
//!
//! The filters are not part of the tantivy query because each facet counts the
//! matches with every filter *except its own* (disjunctive faceting: choosing
//! «TCVN» still shows how many hits INSO and ISO would give). Each matching document
//! is checked against the four filters once and counted in every facet whose other
//! filters it passes.
//!
//! This runs for every match (all 200k documents when browsing), so the facet values
//! are packed into two `u64` fast fields read with one lookup each ([`pack`]):
//! reading four dictionary-encoded columns, one of them multi-valued, cost several
//! times more. Values outside the packed vocabulary (an unknown body or status, a
//! non-numeric ICS field) set a flag and are read from their string columns.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{ColumnIndex, ColumnValues, StrColumn};
use tantivy::fastfield::FastFieldReaders;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::designation::Body;

/// The statuses the app uses, in their packed order.
pub(crate) const STATUSES: [&str; 5] = ["draft", "enquiry", "published", "amended", "withdrawn"];
const WITHDRAWN: u64 = 4;
/// Packed code of a body or status outside the known ones.
const OTHER: u64 = 15;
const BODY_SHIFT: u32 = 40;
const STATUS_SHIFT: u32 = 44;
const MANDATORY_BIT: u64 = 1 << 48;
/// The document has an ICS field that is not a number 0–99.
const ICS_OTHER_BIT: u64 = 1 << 49;
/// ICS fields 64–99 live in the low bits of the high word.
const ICS_HIGH_MASK: u64 = (1 << 36) - 1;

fn body_code(body: &str) -> u64 {
    body.parse::<Body>().map_or(OTHER, Body::order)
}

fn status_code(status: &str) -> u64 {
    STATUSES
        .iter()
        .position(|s| *s == status)
        .map_or(OTHER, |i| i as u64)
}

/// The ICS field number of a first level ("91" → 91).
pub(crate) fn ics_field_number(top: &str) -> Option<u64> {
    let n: u64 = top.parse().ok()?;
    (top.len() == 2 && top.bytes().all(|b| b.is_ascii_digit()) && n < 100).then_some(n)
}

/// (high, low) words of a document's facet values: ICS fields 0–63 as bits of the low
/// word, 64–99 in bits 0–35 of the high word, then body code, status code, mandatory
/// and the "other ICS" flag.
pub(crate) fn pack(
    body: &str,
    status: &str,
    mandatory: bool,
    ics_tops: &BTreeSet<String>,
) -> (u64, u64) {
    let (mut hi, mut lo) = (0u64, 0u64);
    for top in ics_tops {
        match ics_field_number(top) {
            Some(n) if n < 64 => lo |= 1 << n,
            Some(n) => hi |= 1 << (n - 64),
            None => hi |= ICS_OTHER_BIT,
        }
    }
    hi |= body_code(body) << BODY_SHIFT | status_code(status) << STATUS_SHIFT;
    if mandatory {
        hi |= MANDATORY_BIT;
    }
    (hi, lo)
}

/// Filters already normalised to the stored forms.
#[derive(Debug, Default, Clone)]
pub(crate) struct Filters {
    pub body: Option<String>,
    pub status: Option<String>,
    /// Standards with this status are not there at all (access, not a facet filter).
    pub exclude_status: Option<String>,
    /// An ICS code prefix on a level boundary: "91" or "91.100".
    pub ics: Option<String>,
    pub mandatory: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Order {
    /// Score, then in-force before withdrawn, then index order.
    Score,
    /// Browse: body then number (the `rank` fast field).
    Rank,
}

pub(crate) struct FacetedTop {
    pub filters: Filters,
    /// offset + limit.
    pub want: usize,
    pub order: Order,
}

/// Ordering key: higher is better. (primary, in force, reverse global doc order).
type Key = (u64, u8, u64);

#[derive(Debug, Default)]
pub(crate) struct Fruit {
    /// Best first.
    pub top: Vec<(Score, DocAddress)>,
    pub total: u64,
    pub body: HashMap<String, u64>,
    pub status: HashMap<String, u64>,
    pub mandatory: [u64; 2],
    pub ics: HashMap<String, u64>,
    heap: Vec<(Key, Score, DocAddress)>,
}

/// A body or status filter in one segment.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Any,
    Code(u64),
    /// An unknown value: packed as [`OTHER`], told apart by its ordinal.
    OtherOrd(u64),
    /// The value does not occur in this segment.
    Never,
}

impl Want {
    fn new(value: Option<&str>, code: u64, column: Option<&StrColumn>) -> tantivy::Result<Want> {
        Ok(match value {
            None => Want::Any,
            Some(_) if code != OTHER => Want::Code(code),
            Some(v) => match column
                .map(|c| c.dictionary().term_ord(v))
                .transpose()?
                .flatten()
            {
                Some(ord) => Want::OtherOrd(ord),
                None => Want::Never,
            },
        })
    }

    fn passes(self, code: u64, doc: DocId, column: Option<&StrColumn>) -> bool {
        match self {
            Want::Any => true,
            Want::Code(c) => code == c,
            Want::OtherOrd(o) => code == OTHER && first_ord(column, doc) == Some(o),
            Want::Never => false,
        }
    }
}

fn first_ord(column: Option<&StrColumn>, doc: DocId) -> Option<u64> {
    column.and_then(|c| c.ords().first(doc))
}

/// The ICS filter in one segment.
enum IcsWant {
    Any,
    /// A first level: one bit.
    Field(u64),
    /// A deeper prefix: an ordinal of `ics_path`.
    PathOrd(u64),
    Never,
}

pub(crate) struct SegmentTop {
    segment: SegmentOrdinal,
    order: Order,
    want_n: usize,
    hi: Arc<dyn ColumnValues<u64>>,
    lo: Arc<dyn ColumnValues<u64>>,
    rank: Option<Arc<dyn ColumnValues<u64>>>,
    body: Option<StrColumn>,
    status: Option<StrColumn>,
    ics_path: Option<StrColumn>,
    ics_top: Option<StrColumn>,
    f_body: Want,
    f_status: Want,
    x_status: Want,
    f_ics: IcsWant,
    f_mandatory: Option<bool>,
    body_counts: [u64; 16],
    status_counts: [u64; 16],
    ics_counts: [u64; 100],
    mandatory_counts: [u64; 2],
    /// Counts of values outside the packed vocabulary, by ordinal.
    other_body: HashMap<u64, u64>,
    other_status: HashMap<u64, u64>,
    other_ics: HashMap<u64, u64>,
    total: u64,
    heap: BinaryHeap<Reverse<(Key, DocId)>>,
}

impl Collector for FacetedTop {
    type Fruit = Fruit;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let ff = reader.fast_fields();
        let body = ff.str("body")?;
        let status = ff.str("status")?;
        let ics_path = ff.str("ics_path")?;
        let f = &self.filters;
        let f_ics = match f.ics.as_deref() {
            None => IcsWant::Any,
            Some(p) => match ics_field_number(p) {
                Some(n) => IcsWant::Field(n),
                None => match ics_path
                    .as_ref()
                    .map(|c| c.dictionary().term_ord(p))
                    .transpose()?
                {
                    Some(Some(ord)) => IcsWant::PathOrd(ord),
                    _ => IcsWant::Never,
                },
            },
        };
        Ok(SegmentTop {
            segment,
            order: self.order,
            want_n: self.want,
            hi: dense(ff, "facet_hi")?,
            lo: dense(ff, "facet_lo")?,
            rank: match self.order {
                Order::Rank => Some(dense(ff, "rank")?),
                Order::Score => None,
            },
            f_body: Want::new(
                f.body.as_deref(),
                f.body.as_deref().map_or(OTHER, body_code),
                body.as_ref(),
            )?,
            f_status: Want::new(
                f.status.as_deref(),
                f.status.as_deref().map_or(OTHER, status_code),
                status.as_ref(),
            )?,
            x_status: Want::new(
                f.exclude_status.as_deref(),
                f.exclude_status.as_deref().map_or(OTHER, status_code),
                status.as_ref(),
            )?,
            f_ics,
            f_mandatory: f.mandatory,
            body,
            status,
            ics_path,
            ics_top: ff.str("ics_top")?,
            body_counts: [0; 16],
            status_counts: [0; 16],
            ics_counts: [0; 100],
            mandatory_counts: [0; 2],
            other_body: HashMap::new(),
            other_status: HashMap::new(),
            other_ics: HashMap::new(),
            total: 0,
            heap: BinaryHeap::with_capacity(self.want + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order == Order::Score
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut out = Fruit::default();
        for f in fruits {
            out.total += f.total;
            for (k, v) in f.body {
                *out.body.entry(k).or_default() += v;
            }
            for (k, v) in f.status {
                *out.status.entry(k).or_default() += v;
            }
            for (k, v) in f.ics {
                *out.ics.entry(k).or_default() += v;
            }
            out.mandatory[0] += f.mandatory[0];
            out.mandatory[1] += f.mandatory[1];
            out.heap.extend(f.heap);
        }
        out.heap.sort_unstable_by_key(|e| Reverse(e.0));
        out.heap.truncate(self.want);
        out.top = out.heap.drain(..).map(|(_, s, a)| (s, a)).collect();
        Ok(out)
    }
}

/// The values of a `u64` fast field that every document has, read by document id
/// directly (one lookup, no cardinality check per call).
fn dense(ff: &FastFieldReaders, name: &str) -> tantivy::Result<Arc<dyn ColumnValues<u64>>> {
    let column = ff.u64(name)?;
    Ok(match column.index {
        ColumnIndex::Full => column.values,
        _ => column.first_or_default_col(0),
    })
}

impl SegmentTop {
    fn count_ics(&mut self, doc: DocId, hi: u64, lo: u64) {
        if hi & ICS_OTHER_BIT != 0 {
            // Rare: count every first level of this document by its string.
            if let Some(c) = &self.ics_top {
                for ord in c.ords().values_for_doc(doc) {
                    *self.other_ics.entry(ord).or_default() += 1;
                }
            }
            return;
        }
        let mut bits = lo;
        while bits != 0 {
            self.ics_counts[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
        let mut bits = hi & ICS_HIGH_MASK;
        while bits != 0 {
            self.ics_counts[64 + bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let hi = self.hi.get_val(doc);
        let lo = self.lo.get_val(doc);
        let body = (hi >> BODY_SHIFT) & 15;
        let status = (hi >> STATUS_SHIFT) & 15;
        let mandatory = hi & MANDATORY_BIT != 0;
        if self.x_status != Want::Any && self.x_status.passes(status, doc, self.status.as_ref()) {
            return;
        }
        let ok_body = self.f_body.passes(body, doc, self.body.as_ref());
        let ok_status = self.f_status.passes(status, doc, self.status.as_ref());
        let ok_mandatory = self.f_mandatory.is_none_or(|m| m == mandatory);
        let ok_ics = match self.f_ics {
            IcsWant::Any => true,
            IcsWant::Field(n) if n < 64 => lo & (1 << n) != 0,
            IcsWant::Field(n) => hi & (1 << (n - 64)) != 0,
            IcsWant::PathOrd(o) => self
                .ics_path
                .as_ref()
                .is_some_and(|c| c.ords().values_for_doc(doc).any(|x| x == o)),
            IcsWant::Never => false,
        };
        if ok_status && ok_ics && ok_mandatory {
            match body {
                OTHER => {
                    if let Some(o) = first_ord(self.body.as_ref(), doc) {
                        *self.other_body.entry(o).or_default() += 1;
                    }
                }
                b => self.body_counts[b as usize] += 1,
            }
        }
        if ok_body && ok_ics && ok_mandatory {
            match status {
                OTHER => {
                    if let Some(o) = first_ord(self.status.as_ref(), doc) {
                        *self.other_status.entry(o).or_default() += 1;
                    }
                }
                s => self.status_counts[s as usize] += 1,
            }
        }
        if ok_body && ok_status && ok_ics {
            self.mandatory_counts[usize::from(mandatory)] += 1;
        }
        if ok_body && ok_status && ok_mandatory {
            self.count_ics(doc, hi, lo);
        }
        if !(ok_body && ok_status && ok_ics && ok_mandatory) {
            return;
        }
        self.total += 1;
        let primary = match &self.rank {
            // Scores are never negative, so their bits sort like the numbers.
            None => u64::from(score.max(0.0).to_bits()),
            Some(rank) => u64::MAX - rank.get_val(doc),
        };
        let in_force = u8::from(status != WITHDRAWN);
        let position = u64::MAX - ((u64::from(self.segment) << 32) | u64::from(doc));
        let key = ((primary, in_force, position), doc);
        if self.heap.len() < self.want_n {
            self.heap.push(Reverse(key));
        } else if let Some(Reverse(worst)) = self.heap.peek()
            && key > *worst
        {
            self.heap.pop();
            self.heap.push(Reverse(key));
        }
    }

    fn harvest(self) -> Fruit {
        let by_ord =
            |c: &Option<StrColumn>, counts: HashMap<u64, u64>, out: &mut HashMap<String, u64>| {
                if let Some(c) = c {
                    for (ord, n) in counts {
                        let mut s = String::new();
                        if c.ord_to_str(ord, &mut s).unwrap_or(false) {
                            *out.entry(s).or_default() += n;
                        }
                    }
                }
            };
        let mut body = HashMap::new();
        for (code, &n) in self.body_counts.iter().enumerate() {
            if n > 0
                && let Some(b) = Body::ALL.get(code)
            {
                body.insert(b.as_str().to_owned(), n);
            }
        }
        by_ord(&self.body, self.other_body, &mut body);
        let mut status = HashMap::new();
        for (code, &n) in self.status_counts.iter().enumerate() {
            if n > 0
                && let Some(s) = STATUSES.get(code)
            {
                status.insert((*s).to_owned(), n);
            }
        }
        by_ord(&self.status, self.other_status, &mut status);
        let mut ics = HashMap::new();
        for (field, &n) in self.ics_counts.iter().enumerate() {
            if n > 0 {
                ics.insert(format!("{field:02}"), n);
            }
        }
        by_ord(&self.ics_top, self.other_ics, &mut ics);
        let segment = self.segment;
        let order = self.order;
        Fruit {
            top: vec![],
            total: self.total,
            body,
            status,
            ics,
            mandatory: self.mandatory_counts,
            heap: self
                .heap
                .into_iter()
                .map(|Reverse((key, doc))| {
                    let score = match order {
                        Order::Score => f32::from_bits(key.0 as u32),
                        Order::Rank => 0.0,
                    };
                    (key, score, DocAddress::new(segment, doc))
                })
                .collect(),
        }
    }
}
