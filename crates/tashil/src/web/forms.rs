//! Field errors as the forms show them: translated, beside the field they belong to.

use crate::i18n::Lang;
use crate::kernel::FieldError;

#[derive(Clone, Debug, Default)]
pub struct FormErrors(Vec<(String, String)>);

impl FormErrors {
    pub fn from_fields(lang: Lang, errs: &[FieldError]) -> Self {
        FormErrors(
            errs.iter()
                .map(|e| (e.field.clone(), super::error_render::message(lang, e.code)))
                .collect(),
        )
    }

    pub fn single(field: &str, message: String) -> Self {
        FormErrors(vec![(field.to_string(), message)])
    }

    /// The message for `field`, or an empty string (templates test `!= ""`).
    pub fn get(&self, field: &str) -> String {
        self.find(field)
    }

    /// The message for row `index` of a repeated group, e.g. `products[2].hs_code`.
    pub fn at(&self, group: &str, index: &usize, field: &str) -> String {
        self.find(&format!("{group}[{index}].{field}"))
    }

    /// The error of a form repeated per record (`response-17`).
    pub fn of(&self, form: &str, id: &i64) -> String {
        self.find(&format!("{form}-{id}"))
    }

    fn find(&self, field: &str) -> String {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One `<option>`, with its selection decided in Rust rather than in the template.
#[derive(Clone, Debug)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub fn options(items: impl IntoIterator<Item = (String, String)>, selected: &str) -> Vec<Opt> {
    items
        .into_iter()
        .map(|(value, label)| Opt {
            selected: value == selected,
            value,
            label,
        })
        .collect()
}
