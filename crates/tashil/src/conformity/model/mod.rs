//! The rules of conformity assessment, free of HTTP and SQL: accreditations and their scope,
//! which labs a request may go to, test requests, and a sample's chain of custody.

pub mod accreditation;
pub mod custody;
pub mod request;
pub mod scope;
