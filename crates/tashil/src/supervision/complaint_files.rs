//! What a complainant may attach when filing: a few files (a photo of the product, the
//! receipt), each passing `kernel::upload`'s check, all of them within the form's one upload
//! limit (10 MB). The office reads them with the complaint; the public follow-up never shows them.

use crate::kernel::FieldError;
use crate::kernel::upload::FIELD;

/// Files one complaint may carry: the product, its label, the receipt.
pub const MAX_FILES: usize = 3;

/// The refusal of `count` files past [`MAX_FILES`].
pub(super) fn too_many(count: usize) -> Option<FieldError> {
    (count > MAX_FILES).then(|| FieldError::new(FIELD, "too_many_complaint_files"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn three_files_pass_a_fourth_is_refused() {
        assert!(super::too_many(3).is_none());
        assert_eq!(
            super::too_many(4).map(|e| e.code),
            Some("too_many_complaint_files")
        );
    }
}
