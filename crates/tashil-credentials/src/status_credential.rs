//! The credentials of Bitstring Status List v1.0: the list credential an issuer publishes
//! (§2.2) and the `credentialStatus` entry each listed credential carries (§2.1).

use crate::contexts::CREDENTIALS_V2;
use crate::status_list::{StatusList, StatusPurpose};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

/// The unsigned BitstringStatusListCredential at `url` (sign it like any credential).
pub fn status_list_credential(
    url: &str,
    issuer: &str,
    purpose: StatusPurpose,
    list: &StatusList,
    valid_from: DateTime<Utc>,
) -> Value {
    json!({
        "@context": [CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from.to_rfc3339_opts(SecondsFormat::Secs, true),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose.name(),
            "encodedList": list.encode(),
        },
    })
}

/// The `credentialStatus` entry pointing at bit `index` of the list at `list_url`.
pub fn status_entry(list_url: &str, purpose: StatusPurpose, index: usize) -> Value {
    json!({
        "id": format!("{list_url}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose.name(),
        // §2.1: the index is a string of base-10 digits.
        "statusListIndex": index.to_string(),
        "statusListCredential": list_url,
    })
}
