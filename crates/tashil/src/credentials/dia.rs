//! A registered unit's register entry as a UNTP Digital Identity Anchor (VC Data Model 2.0, the
//! bundled UNTP DIA context): the national body, which keeps the register, attests that the
//! unit is registered under its national ID. Pure: the entry and the addresses in, the
//! unsigned credential out.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use tashil_credentials::contexts::{CREDENTIALS_V2, UNTP_DIA};

use super::dcc::IssuerRef;
use crate::registry::lookup::UnitIdentity;

/// How long an identity anchor is valid: a year, after which the holder asks again and the
/// register's entry is stated afresh (an anchor is not in the status lists).
pub const VALIDITY_DAYS: i64 = 365;

/// UN/CEFACT's country codes, the vocabulary of `registrationCountry` in UNTP core.
const COUNTRY_CODES: &str = "https://vocabulary.uncefact.org/CountryId#";

/// The unit's page, its identifier in every credential Tashil issues about it.
pub fn unit_url(base: &str, unit_id: i64) -> String {
    format!("{base}/units/{unit_id}")
}

/// The unit's registered name in the language of its country, else in English, else in any.
fn registered_name(unit: &UnitIdentity) -> String {
    let [fa, en, vi] = &unit.names;
    let own = if unit.country == "VN" { vi } else { fa };
    [own, en, fa, vi]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .cloned()
        .unwrap_or_default()
}

/// The unsigned anchor of `unit`, issued at `now` with identifier `id`; `register` names the
/// register in the unit's country's language.
pub fn identity_credential(
    issuer: &IssuerRef,
    unit: &UnitIdentity,
    register: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Value {
    let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    json!({
        "@context": [CREDENTIALS_V2, UNTP_DIA],
        "type": ["DigitalIdentityAnchor", "VerifiableCredential"],
        "id": id,
        "issuer": {"type": ["CredentialIssuer"], "id": issuer.did, "name": issuer.name},
        "validFrom": stamp(now),
        "validUntil": stamp(now + chrono::Duration::days(VALIDITY_DAYS)),
        "credentialSubject": {
            // The DIA context defines `registrationCountry` only on UNTP's `Party`, whose
            // protected terms clash with `RegisteredIdentity`'s; this node takes the term as
            // UNTP core defines it (a UN/CEFACT country code).
            "@context": {"registrationCountry": {
                "@id": "untp-core:registrationCountry",
                "@type": "@vocab",
                "@context": {"@vocab": COUNTRY_CODES},
            }},
            "type": ["RegisteredIdentity"],
            "id": unit_url(issuer.base, unit.id),
            "name": registered_name(unit),
            "registeredId": unit.national_id,
            "idScheme": {
                "type": ["IdentifierScheme"],
                "id": format!("{}/units", issuer.base),
                "name": register,
            },
            "registerType": "Business",
            "registrationCountry": unit.country,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tashil_credentials::{Contexts, Cryptosuite};

    #[test]
    fn an_anchor_expands_strictly_under_the_bundled_contexts() {
        let unit = UnitIdentity {
            id: 7,
            national_id: "10380284790".into(),
            names: ["لبنیات نمونه".into(), String::new(), String::new()],
            province: "IR-26".into(),
            country: "IR".into(),
            status: "active".into(),
            registered_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let issuer = IssuerRef {
            base: "https://tashil.example",
            did: "did:web:tashil.example",
            name: "سازمان ملی استاندارد",
        };
        let c = identity_credential(&issuer, &unit, "دفتر ثبت", "urn:uuid:1", Utc::now());
        let quads = Cryptosuite::EddsaRdfc2022
            .canonicalize(&c, &Contexts::bundled())
            .unwrap();
        // The country is UN/CEFACT's code as an IRI, under UNTP core's property.
        assert!(quads.contains(
            "<https://test.uncefact.org/vocabulary/untp/core/working/registrationCountry> <https://vocabulary.uncefact.org/CountryId#IR>"
        ), "{quads}");
        assert_eq!(c["credentialSubject"]["name"], "لبنیات نمونه");
    }
}
