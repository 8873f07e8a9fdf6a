//! SeaORM entities of credentials, private to the context (tables: migrations m0036, m0039).

use crate::db::entity::entity;

entity!(
    /// An issuer's Ed25519 key: the highest generation signs, every one stays in the DID
    /// document. The seed is sealed under `TASHIL_CREDENTIAL_KEY`, bound to the key's method.
    issuer_key, "credential_issuer_keys", {
    issuer: String,
    generation: i32,
    /// Multikey (`z6Mk…`).
    public_key: String,
    sealed_seed: String,
    created_at: DateTimeUtc,
});

entity!(
    /// A credential's status slots: its id is its index in the status lists. A licence's
    /// (on both lists) or, without a licence, one the VC API issued (m0040).
    credential, "credentials", {
    licence_id: Option<i64>,
    code: String,
    suspended: bool,
    revoked: bool,
    di_rdfc: Option<String>,
    di_jcs: Option<String>,
    vc_jwt: Option<String>,
    key_id: Option<i64>,
    signed_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    /// `national`, or the code of the province whose issuer signs it (m0039).
    issuer: String,
    /// The lists (`revocation`, `suspension`, comma-separated) a VC API credential is on.
    purposes: Option<String>,
    /// The administrator who had a VC API credential issued.
    issued_by: Option<i64>,
    /// A VC API credential's `id`, when it has one.
    vc_id: Option<String>,
});

entity!(
    /// A province whose office issues in its own name (m0039): its did:web is the
    /// installation's host with `provinces:{code}`, its keys those of issuer `{code}`.
    provincial_issuer, "credential_provincial_issuers", {
    province_code: String,
    created_at: DateTimeUtc,
});

entity!(
    /// A state of the status lists, of a licence's status or of the issuers and their keys:
    /// its token keys what each node keeps built from them.
    stamp, "credential_status_stamps", {
    token: String,
    stamped_at: DateTimeUtc,
});
