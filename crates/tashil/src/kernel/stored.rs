//! Values read back from the database. One this build does not know was written by a newer
//! build or edited by hand: an internal error (logged, with a correlation id), never a silent
//! default that would show a case as "reported" or a board as a working group.

use sea_orm::DbErr;

/// `raw` as a `T`, or an error naming `what` and the value.
pub fn stored<T>(what: &str, raw: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, DbErr> {
    parse(raw).ok_or_else(|| DbErr::Custom(format!("unknown {what} {raw:?} in the database")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_stored_value_is_an_error_naming_it() {
        let parse = |s: &str| (s == "open").then_some(1);
        assert_eq!(super::stored("status", "open", parse).unwrap(), 1);
        let e = super::stored("status", "opened", parse).unwrap_err();
        assert!(e.to_string().contains("\"opened\""), "{e}");
    }
}
