//! Licensing's messages and who hears of what: the holder's staff of a renewal coming due
//! (`reminders.rs`); the other side of an application of a message written on it (the unit's
//! staff, or the officers of the office deciding it).

use sea_orm::ConnectionTrait;
use serde_json::json;

use super::entity::application;
use super::error::LicensingError;
use super::model::Status;
use super::read;
use super::reminders::LICENCE_RENEWAL_DUE;
use crate::access::licensing::{NATIONAL, Side};
use crate::identity::recipients;
use crate::mail::{self, MailKind, Recipient};

/// A message was written on an application (its tracking code and permit in the message).
pub const APPLICATION_MESSAGE: MailKind = MailKind::new("application_message");

/// Every message licensing sends.
pub const KINDS: [MailKind; 2] = [LICENCE_RENEWAL_DUE, APPLICATION_MESSAGE];

/// The office that answers `a` now: the one deciding its open step, the national body
/// hearing an appeal, or the one that decided its last step.
async fn answering_office<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
) -> Result<String, LicensingError> {
    if read::status_of(a)? == Status::Appealed {
        return Ok(NATIONAL.to_owned());
    }
    super::steps::last_deciding_office(db, a.id).await
}

/// Tells the side other than `from` that a message was written on `a`.
pub(super) async fn message_written<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    from: Side,
) -> Result<(), LicensingError> {
    let to: Vec<Recipient> = match from {
        Side::Office => {
            let orgs = crate::registry::lookup::organisations_of_units(tx, &[a.unit_id]).await?;
            recipients::of_organisations(tx, &orgs).await?
        }
        Side::Applicant => {
            let office = answering_office(tx, a).await?;
            let province = if office == NATIONAL { "" } else { &office };
            recipients::secretariat(tx, province).await?
        }
    };
    if to.is_empty() {
        return Ok(());
    }
    let permit = super::permit_types::by_id(tx, a.permit_type_id).await?;
    for r in &to {
        let name = permit.name_in(&r.lang);
        let args = json!({
            "code": &a.tracking_code,
            "permit": name,
            "path": format!("/applications/{}", a.id),
        });
        mail::queue(tx, std::slice::from_ref(r), APPLICATION_MESSAGE, &args).await?;
    }
    Ok(())
}
