//! What the credentials context reads of other contexts on an actor's behalf: a unit (for its
//! identity anchor) and the licence of an application (for a wallet offer), each through the
//! owning context's scoped lookup, so a record out of the actor's reach is never loaded and
//! answers as one that does not exist (review finding D7: one reader, not one per use case).

use sea_orm::{DatabaseConnection, DbErr};

use crate::access::{Actor, Denied};
use crate::licensing::LicensingError;
use crate::registry::lookup::{self, UnitIdentity};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Denied(#[from] Denied),
    /// Not there, or not within the actor's reach.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<LicensingError> for ReadError {
    fn from(e: LicensingError) -> Self {
        match e {
            LicensingError::Denied(d) => ReadError::Denied(d),
            LicensingError::Db(e) => ReadError::Db(e),
            _ => ReadError::NotFound,
        }
    }
}

/// A licence as a reader found it.
pub struct ScopedLicence {
    pub id: i64,
    pub number: String,
}

/// Reads for `actor`, each read through the scope the owning context gives it.
pub struct ScopedReader<'a> {
    db: &'a DatabaseConnection,
    actor: &'a Actor,
}

impl<'a> ScopedReader<'a> {
    pub fn new(db: &'a DatabaseConnection, actor: &'a Actor) -> Self {
        ScopedReader { db, actor }
    }

    /// Unit `id`'s register entry, read as the unit's page reads it.
    pub async fn unit(&self, id: i64) -> Result<UnitIdentity, ReadError> {
        let scope = crate::access::units::read_scope(self.actor)?;
        lookup::identity(self.db, &scope, id)
            .await?
            .ok_or(ReadError::NotFound)
    }

    /// The licence issued on application `id`, read as the application's page reads it:
    /// `None` when the application may be read but has no licence.
    pub async fn licence_of_application(
        &self,
        id: i64,
    ) -> Result<Option<ScopedLicence>, ReadError> {
        let a = crate::licensing::application(self.db, self.actor, id).await?;
        let Some(number) = a.licence.map(|l| l.number) else {
            return Ok(None);
        };
        Ok(crate::licensing::licence_by_number(self.db, &number)
            .await?
            .map(|id| ScopedLicence { id, number }))
    }
}
