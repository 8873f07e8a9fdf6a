//! The header row of a file a machine sends (a lab's results, a unit's subgroups): each
//! known column found once, the required ones present, anything else refused, every
//! problem named on the field `file`.

use std::collections::HashMap;

use super::FieldError;

/// A problem of the whole file (`file`), with what was found.
pub fn file_error(code: &'static str, detail: impl Into<String>) -> FieldError {
    FieldError::new("file", code).with_detail(detail)
}

/// Where each of `known` stands in `headers` (case and spaces around ignored; empty
/// headers skipped). A column named twice, a `required` one missing or a header not among
/// `known` (refused with `unknown_code`) is an error; all of them are reported together.
pub fn columns_of<'k>(
    headers: &[String],
    known: &[&'k str],
    required: &[&str],
    unknown_code: &'static str,
) -> Result<HashMap<&'k str, usize>, Vec<FieldError>> {
    let mut errs = vec![];
    let mut at: HashMap<&'k str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let key = h.trim().to_lowercase();
        match known.iter().find(|c| **c == key) {
            Some(c) if at.contains_key(c) => errs.push(file_error("duplicate_column", h)),
            Some(c) => {
                at.insert(c, i);
            }
            None if key.is_empty() => {}
            None => errs.push(file_error(unknown_code, h)),
        }
    }
    for r in required {
        if !at.contains_key(r) {
            errs.push(file_error("missing_column", *r));
        }
    }
    if errs.is_empty() { Ok(at) } else { Err(errs) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_problem_of_the_header_row_is_named() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let at = super::columns_of(&h(&[" A ", "", "b"]), &["a", "b", "c"], &["a"], "x").unwrap();
        assert_eq!((at["a"], at["b"], at.get("c")), (0, 2, None));
        let errs = super::columns_of(&h(&["a", "A", "z"]), &["a", "b"], &["b"], "x").unwrap_err();
        let codes: Vec<_> = errs.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["duplicate_column", "x", "missing_column"]);
    }
}
