//! What the public check (`/v/{code}`) reads of a licence, kept per node under the token of
//! the status stamp (`kernel::Stamped`). Every change of a licence's status writes a new stamp
//! in its transaction (`status::licence_status_changed`), and nothing else of what the check
//! shows changes after issue, so one query for the token per request tells whether what is
//! kept still stands: a suspension or revocation through any node is seen at the next request.
//! Whether the day is past the licence's last is worked out per request from what is kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::error::CredentialError;
use super::licence::by_code;
use crate::kernel::Stamped;
use crate::licensing::LicenceEntry;

/// A licence's credential as the check shows it.
pub(super) struct Checked {
    pub entry: LicenceEntry,
    /// `national`, or the province whose issuer signs it.
    pub issuer: String,
}

type ByCode = Mutex<HashMap<String, Arc<Checked>>>;

/// By stamp token, the last two (the one in force, and the one before for requests that
/// read it just before a change).
static KEPT: Stamped<String, ByCode> = Stamped::new(2);

/// Codes kept per stamp: a kilobyte or two each, so at most some 30 MB for the two stamps
/// kept, which a province's small process can spare. Past it, the node starts over. The QR
/// code is not kept: drawn as SVG it is about ten times the entry.
const PER_STAMP: usize = 10_000;

/// The licence behind public code `code`, as the stamp in force has it (`None`: no such code,
/// or a credential of the VC API, which has no page).
pub(super) async fn checked(
    db: &DatabaseConnection,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<Arc<Checked>>, CredentialError> {
    let token = super::status::token(db, now).await?;
    let kept = KEPT
        .get_or_build(token, || async {
            Ok::<_, CredentialError>(ByCode::default())
        })
        .await?;
    if let Some(known) = lock(&kept).get(code) {
        return Ok(Some(known.clone()));
    }
    // Read after the token: a change committed meanwhile is in what is read, and is kept
    // under the older token, which the next request no longer names.
    let Some(c) = by_code(db, code).await? else {
        return Ok(None);
    };
    let Some(licence) = c.licence_id else {
        return Ok(None);
    };
    let entry = crate::licensing::licence_entry(db, licence).await?;
    let checked = Arc::new(Checked {
        entry,
        issuer: c.issuer,
    });
    let mut by_code = lock(&kept);
    if by_code.len() >= PER_STAMP {
        by_code.clear();
    }
    by_code.insert(code.to_owned(), checked.clone());
    Ok(Some(checked))
}

fn lock(kept: &ByCode) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Checked>>> {
    kept.lock().expect("kept check answers")
}
