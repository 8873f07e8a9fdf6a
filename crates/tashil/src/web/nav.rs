//! The main navigation, contributed by the contexts: each says which of its pages an actor
//! sees (deciding through `access/`), `app.rs` lists the contexts once, and the layout shows
//! the actor's work first, then what anyone may consult. So `web/` knows no context.

use crate::access::Actor;

/// Where an entry stands in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NavGroup {
    /// The lists the actor works on (units, cases, resolutions …).
    Work,
    /// What anyone may consult (the catalogue, the provinces, the API).
    Public,
}

/// One link of the main navigation; `key` names its label in `locales/*/*.ftl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavEntry {
    pub href: &'static str,
    pub key: &'static str,
    pub group: NavGroup,
}

impl NavEntry {
    pub const fn work(href: &'static str, key: &'static str) -> Self {
        NavEntry {
            href,
            key,
            group: NavGroup::Work,
        }
    }

    pub const fn public(href: &'static str, key: &'static str) -> Self {
        NavEntry {
            href,
            key,
            group: NavGroup::Public,
        }
    }
}

/// The navigation entries an actor (or a visitor) sees: a context's contract, and the whole
/// navigation `app.rs` assembles from them.
pub type NavFn = fn(Option<&Actor>) -> Vec<NavEntry>;

/// The actor's work first, then the public entries; within a group, in the order given.
pub fn arrange(entries: impl IntoIterator<Item = NavEntry>) -> Vec<NavEntry> {
    let mut all: Vec<NavEntry> = entries.into_iter().collect();
    all.sort_by_key(|e| e.group);
    all
}

/// No entries: a context with no page in the navigation, and a state not composed by
/// `app::router` (the metrics listener).
pub fn none(_: Option<&Actor>) -> Vec<NavEntry> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::{NavEntry, arrange};

    #[test]
    fn work_comes_first_and_each_group_keeps_its_order() {
        let got = arrange([
            NavEntry::public("/standards", "a"),
            NavEntry::work("/units", "b"),
            NavEntry::public("/provinces", "c"),
            NavEntry::work("/cases", "d"),
        ]);
        let hrefs: Vec<_> = got.iter().map(|e| e.href).collect();
        assert_eq!(hrefs, ["/units", "/cases", "/standards", "/provinces"]);
    }
}
