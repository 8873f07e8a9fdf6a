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

/// The bit a `credentialStatus` entry points at, read from `list`: the list credential the
/// entry names (its `id`), for the entry's purpose, already verified by the caller. `Err` says
/// why the list does not answer for the entry.
pub fn status_bit(list: &Value, entry: &Value) -> Result<bool, &'static str> {
    let url = entry["statusListCredential"]
        .as_str()
        .ok_or("the status entry names no list")?;
    if list["id"].as_str() != Some(url) {
        return Err("not the list the status entry names");
    }
    let subject = &list["credentialSubject"];
    if subject["statusPurpose"] != entry["statusPurpose"] {
        return Err("the list is for another status purpose");
    }
    let index: usize = entry["statusListIndex"]
        .as_str()
        .and_then(|i| i.parse().ok())
        .ok_or("the status entry's index is not a number")?;
    let bits = subject["encodedList"]
        .as_str()
        .and_then(|e| StatusList::decode(e).ok())
        .ok_or("the list's encodedList does not decode")?;
    bits.get(index)
        .map_err(|_| "the status entry's index is past the list's end")
}
