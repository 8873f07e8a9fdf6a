//! A licence as a UNTP Digital Conformity Credential (VC Data Model 2.0, the bundled UNTP DCC
//! context): the national body attests, by certification under government approval, that the
//! holder's products conform to the standards named, for the licence's validity. Pure: the
//! facts and the addresses in, the unsigned credential out. A test report will use the same
//! shape with attestation type `testing`.

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde_json::{Value, json};
use tashil_credentials::contexts::{CREDENTIALS_V2, UNTP_DCC};

use crate::licensing::LicenceFacts;

/// Who issues, and where the installation is reached.
pub struct IssuerRef<'a> {
    pub base: &'a str,
    pub did: &'a str,
    pub name: &'a str,
}

/// The public verification URL of the credential with `code`.
pub fn verification_url(base: &str, code: &str) -> String {
    format!("{base}/v/{code}")
}

/// The first instant of `day` in the licence's province, in UTC.
fn start_of(province: &str, day: NaiveDate) -> DateTime<Utc> {
    let tz = crate::kernel::clock::zone(province);
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The holder's name in the language of the licence's country (Persian in Iran, Vietnamese in
/// Vietnam), else in English, else in any.
fn holder_name(facts: &LicenceFacts) -> String {
    let h = &facts.entry.holder;
    let own = if facts.entry.province.starts_with("VN") {
        &h.vi
    } else {
        &h.fa
    };
    [own, &h.en, &h.fa, &h.vi]
        .into_iter()
        .find(|n| !n.trim().is_empty())
        .cloned()
        .unwrap_or_default()
}

/// The unsigned credential of licence `facts`, known publicly by `code` and at `index` in the
/// status lists (`status` holds its `credentialStatus` entries).
pub fn licence_credential(
    issuer: &IssuerRef,
    facts: &LicenceFacts,
    code: &str,
    status: Value,
) -> Value {
    let e = &facts.entry;
    let base = issuer.base;
    let subject_id = format!("{base}/api/v1/licences/{}", e.id);
    let standard_body = json!({"id": issuer.did, "name": issuer.name});
    let assessments: Vec<Value> = e
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            let name = if p.brand.is_empty() {
                p.product.clone()
            } else {
                format!("{} ({})", p.product, p.brand)
            };
            let mut a = json!({
                "type": ["ConformityAssessment", "Declaration"],
                "id": format!("{subject_id}#assessment-{n}"),
                "name": name,
                "conformityTopic": "governance.compliance",
                "conformance": true,
                "assessedProduct": [{
                    "product": {"id": format!("{subject_id}#product-{n}"), "name": name},
                    "IDverifiedByCAB": true,
                }],
            });
            if let Some(st) = p.standard.as_ref().filter(|s| !s.is_empty()) {
                a["referenceStandard"] = json!({
                    "type": ["Standard"],
                    "id": format!("{base}/standards?q={}", urlencode(st)),
                    "name": st,
                    "issuingParty": standard_body,
                });
            }
            a
        })
        .collect();
    let until = start_of(
        &e.province,
        e.valid_until.succ_opt().unwrap_or(e.valid_until),
    ) - chrono::Duration::seconds(1);
    json!({
        "@context": [CREDENTIALS_V2, UNTP_DCC],
        "type": ["DigitalConformityCredential", "VerifiableCredential"],
        "id": verification_url(base, code),
        "issuer": {"type": ["CredentialIssuer"], "id": issuer.did, "name": issuer.name},
        "validFrom": stamp(start_of(&e.province, e.valid_from)),
        "validUntil": stamp(until),
        "credentialStatus": status,
        "credentialSubject": {
            "type": ["ConformityAttestation", "Attestation"],
            "id": subject_id,
            "name": format!("{} {}", e.permit_type, e.number),
            "assessorLevel": "3rdParty",
            "assessmentLevel": "GovtApproval",
            "attestationType": "certification",
            "issuedToParty": {
                "id": format!("{base}/units/{}", facts.unit_id),
                "name": holder_name(facts),
                "registeredId": facts.national_id,
            },
            "assessment": assessments,
        },
    })
}

pub(super) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
