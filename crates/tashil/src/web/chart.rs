//! Bar charts drawn on the server (`templates/shared/chart.html`): each bar's length is its
//! share of the longest, and its figure is also in its text, so the chart reads without sight.

use super::PageCtx;

/// One bar of a chart, with its length as a share of the longest bar.
pub struct Bar {
    /// The label, shortened to fit the chart; `full` keeps the whole of it.
    pub label: String,
    pub full: String,
    pub value_text: String,
    pub percent: u64,
}

pub fn bars(page: &PageCtx, items: Vec<(String, u64)>) -> Vec<Bar> {
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1);
    items
        .into_iter()
        .map(|(full, value)| Bar {
            label: if full.chars().count() > 30 {
                full.chars().take(28).chain(['…']).collect()
            } else {
                full.clone()
            },
            full,
            value_text: page.num(&value),
            percent: value * 100 / max,
        })
        .collect()
}
