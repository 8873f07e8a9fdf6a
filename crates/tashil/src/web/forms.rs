//! Field errors as the forms show them: translated, beside the field they belong to.

use crate::i18n::Lang;
use crate::registry::FieldError;

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
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(String, String)] {
        &self.0
    }
}
