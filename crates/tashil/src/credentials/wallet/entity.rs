//! SeaORM entities of wallet issuance (tables: migration m0038).

use crate::db::entity::entity;

entity!(
    /// A credential offer: its pre-authorized code and transaction code as SHA-256 digests;
    /// once redeemed, the digest of the access token it gave.
    offer, "credential_offers", {
    licence_id: i64,
    user_id: i64,
    code_hash: String,
    tx_code_hash: String,
    tx_attempts: i32,
    expires_at: DateTimeUtc,
    redeemed_at: Option<DateTimeUtc>,
    token_hash: Option<String>,
    token_expires_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
});

entity!(
    /// A nonce given to a wallet for its key proof: taken back when a proof answers it.
    nonce, "credential_nonces", {
    nonce: String,
    expires_at: DateTimeUtc,
    created_at: DateTimeUtc,
});
