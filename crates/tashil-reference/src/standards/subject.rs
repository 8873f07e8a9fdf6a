//! What a synthetic standard is about: a demo product or a topic.

use super::profiles::{Class, PROFILES, Profile};
use super::requirements::Req;
use super::topics::Topic;
use crate::products::{PRODUCTS, Product};

/// What a standard is about.
#[derive(Debug, Clone, Copy)]
pub(super) enum Subject {
    Product(&'static Product, &'static Profile),
    Topic(&'static Topic),
}

impl Subject {
    pub(super) fn product(i: usize) -> Subject {
        Subject::Product(&PRODUCTS[i], &PROFILES[i])
    }

    pub(super) fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Subject::Product(p, _) => (p.name_en, p.name_fa, p.name_vi),
            Subject::Topic(t) => (t.en, t.fa, t.vi),
        }
    }

    pub(super) fn class(self) -> Class {
        match self {
            Subject::Product(_, pr) => pr.class,
            Subject::Topic(t) => t.class,
        }
    }

    pub(super) fn spec(self) -> &'static [Req] {
        match self {
            Subject::Product(_, pr) => pr.spec,
            Subject::Topic(t) => t.spec,
        }
    }

    pub(super) fn ics(self) -> &'static [&'static str] {
        match self {
            Subject::Product(_, pr) => pr.ics,
            Subject::Topic(t) => t.ics,
        }
    }

    pub(super) fn ministry(self) -> &'static str {
        match self {
            Subject::Product(_, pr) => pr.ministry,
            Subject::Topic(t) => t.ministry,
        }
    }
}
