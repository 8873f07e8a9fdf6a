//! The catalogue's filters as a query string carries them: the list page and the export
//! read the same ones, so a list's "export" link exports what the list shows.

use serde::Deserialize;

/// The text query and facets of the list (and of an export of it), as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct ListFilters {
    pub q: String,
    pub body: String,
    pub status: String,
    pub ics: String,
    pub mandatory: String,
    /// The list's page (an export takes every page).
    pub page: String,
}

impl ListFilters {
    /// The mandatory facet: "yes"/"true" and "no"/"false"; anything else is no filter.
    pub fn mandatory(&self) -> Option<bool> {
        match self.mandatory.as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => None,
        }
    }
}
