//! The shape VC Data Model 2.0 asks of a credential and of a presentation, before any proof is
//! looked at: what an issuer refuses to sign and a verifier refuses to accept. Each refusal
//! names the rule it breaks.

use crate::contexts::CREDENTIALS_V2;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Why a document is not a VC 2.0 credential (or presentation): the member at fault, a stable
/// code, and the rule it breaks in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ShapeError {
    pub field: &'static str,
    pub code: &'static str,
    pub message: &'static str,
}

const fn fault(field: &'static str, code: &'static str, message: &'static str) -> ShapeError {
    ShapeError {
        field,
        code,
        message,
    }
}

const NOT_OBJECT: ShapeError = fault("", "vc_not_an_object", "not a JSON object");
const CONTEXT_MISSING: ShapeError = fault("@context", "vc_context_missing", "@context is missing");
const CONTEXT_NOT_LIST: ShapeError =
    fault("@context", "vc_context_not_list", "@context must be a list");
const CONTEXT_FIRST: ShapeError = fault(
    "@context",
    "vc_context_first",
    "@context must start with the VC 2.0 context",
);
const TYPE_MALFORMED: ShapeError = fault(
    "type",
    "vc_type_malformed",
    "type must be a string or a list of strings",
);
const TYPE_VC: ShapeError = fault("type", "vc_type_missing", "type lacks VerifiableCredential");
const TYPE_VP: ShapeError = fault(
    "type",
    "vp_type_missing",
    "type lacks VerifiablePresentation",
);
const ID_NOT_URL: ShapeError = fault("id", "vc_id_not_url", "id is not a URL");
const ISSUER_MISSING: ShapeError = fault("issuer", "vc_issuer_missing", "no issuer");
const ISSUER_NO_ID: ShapeError = fault("issuer", "vc_issuer_no_id", "issuer has no id");
const ISSUER_MALFORMED: ShapeError = fault(
    "issuer",
    "vc_issuer_not_url",
    "issuer must be a URL or an object with an id",
);
const ISSUER_NOT_URL: ShapeError = fault("issuer", "vc_issuer_not_url", "issuer is not a URL");
const SUBJECT_MISSING: ShapeError = fault(
    "credentialSubject",
    "vc_subject_missing",
    "no credentialSubject",
);
const SUBJECT_EMPTY: ShapeError = fault(
    "credentialSubject",
    "vc_subject_missing",
    "credentialSubject must be a non-empty object or list of them",
);
const VALID_FROM: ShapeError = fault(
    "validFrom",
    "vc_date_invalid",
    "validFrom is not a dateTimeStamp",
);
const VALID_UNTIL: ShapeError = fault(
    "validUntil",
    "vc_date_invalid",
    "validUntil is not a dateTimeStamp",
);
const VALIDITY_ORDER: ShapeError = fault(
    "validUntil",
    "vc_validity_order",
    "validUntil is before validFrom",
);
const STATUS_UNTYPED: ShapeError = fault(
    "credentialStatus",
    "vc_status_untyped",
    "every credentialStatus entry must have a type",
);
const HOLDER_NOT_URL: ShapeError = fault("holder", "vp_holder_not_url", "holder is not a URL");
const UNTYPED: &str = "vc_entry_untyped";
/// VC 2.0 §4.5: the objects of these members each name their type.
const TYPED_MEMBERS: [ShapeError; 4] = [
    fault(
        "termsOfUse",
        UNTYPED,
        "every termsOfUse entry must be an object with a type",
    ),
    fault(
        "evidence",
        UNTYPED,
        "every evidence entry must be an object with a type",
    ),
    fault(
        "refreshService",
        UNTYPED,
        "every refreshService entry must be an object with a type",
    ),
    fault(
        "credentialSchema",
        UNTYPED,
        "every credentialSchema entry must be an object with a type",
    ),
];
const SCHEMA_ID: ShapeError = fault(
    "credentialSchema",
    "vc_schema_id_not_url",
    "every credentialSchema entry needs an id that is a URL",
);
const RESOURCE_ID: ShapeError = fault(
    "relatedResource",
    "vc_related_resource_id",
    "every relatedResource entry must be an object whose id is a URL",
);
const RESOURCE_DUPLICATE: ShapeError = fault(
    "relatedResource",
    "vc_related_resource_duplicate",
    "two relatedResource entries have the same id",
);
const RESOURCE_DIGEST: ShapeError = fault(
    "relatedResource",
    "vc_related_resource_no_digest",
    "every relatedResource entry needs a digestSRI or a digestMultibase",
);

/// Every code a [`ShapeError`] may carry (each needs a message where codes are shown).
pub const CODES: &[&str] = &[
    "vc_not_an_object",
    "vc_context_missing",
    "vc_context_not_list",
    "vc_context_first",
    "vc_type_malformed",
    "vc_type_missing",
    "vp_type_missing",
    "vc_id_not_url",
    "vc_issuer_missing",
    "vc_issuer_no_id",
    "vc_issuer_not_url",
    "vc_subject_missing",
    "vc_date_invalid",
    "vc_validity_order",
    "vc_status_untyped",
    "vp_holder_not_url",
    UNTYPED,
    "vc_schema_id_not_url",
    "vc_related_resource_id",
    "vc_related_resource_duplicate",
    "vc_related_resource_no_digest",
];

/// VC 2.0 §4.3: `@context` is a list whose first entry is the VC 2.0 context.
fn context(document: &Value) -> Result<(), ShapeError> {
    let first = match &document["@context"] {
        Value::Array(contexts) => contexts.first(),
        Value::Null => return Err(CONTEXT_MISSING),
        _ => return Err(CONTEXT_NOT_LIST),
    };
    if first.and_then(Value::as_str) != Some(CREDENTIALS_V2) {
        return Err(CONTEXT_FIRST);
    }
    Ok(())
}

/// Whether `value` is a list of (or one) strings holding `wanted`; `Err` when it is not strings.
fn has_type(value: &Value, wanted: &str) -> Result<bool, ShapeError> {
    match value {
        Value::String(single) => Ok(single == wanted),
        Value::Array(types) if types.iter().all(Value::is_string) => {
            Ok(types.iter().any(|t| t == wanted))
        }
        Value::Null => Ok(false),
        _ => Err(TYPE_MALFORMED),
    }
}

/// A URL as VC 2.0 means it (RFC 3986): a scheme, a colon, and no whitespace.
pub fn is_url(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut letters = scheme.chars();
    letters.next().is_some_and(|c| c.is_ascii_alphabetic())
        && letters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An XML Schema `dateTimeStamp` (VC 2.0 §4.9): a date and time with its offset.
pub fn date_time_stamp(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    // chrono also takes a space or a lower-case `t` between date and time; XML Schema does not.
    if bytes.get(10) != Some(&b'T') || text.ends_with('z') {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A credential's `validFrom` and `validUntil`, each if stated.
pub type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The `validFrom` and `validUntil` a credential states, each checked as a `dateTimeStamp`.
pub fn validity(credential: &Value) -> Result<Window, ShapeError> {
    let read = |field: &str, bad: ShapeError| match credential.get(field) {
        None => Ok(None),
        Some(Value::String(text)) => date_time_stamp(text).map(Some).ok_or(bad),
        Some(_) => Err(bad),
    };
    let from = read("validFrom", VALID_FROM)?;
    let until = read("validUntil", VALID_UNTIL)?;
    if let (Some(from), Some(until)) = (from, until)
        && until < from
    {
        return Err(VALIDITY_ORDER);
    }
    Ok((from, until))
}

/// The id of `issuer`: a URL, or an object whose `id` is one.
fn issuer(credential: &Value) -> Result<String, ShapeError> {
    let id = match &credential["issuer"] {
        Value::String(id) => id.as_str(),
        Value::Object(issuer) => match issuer.get("id") {
            Some(Value::String(id)) => id.as_str(),
            _ => return Err(ISSUER_NO_ID),
        },
        Value::Null => return Err(ISSUER_MISSING),
        _ => return Err(ISSUER_MALFORMED),
    };
    if !is_url(id) {
        return Err(ISSUER_NOT_URL);
    }
    Ok(id.to_owned())
}

/// The entries of a member that holds one object or a list of them (none when absent).
fn entries(value: &Value) -> &[Value] {
    match value {
        Value::Null => &[],
        Value::Array(list) => list,
        one => std::slice::from_ref(one),
    }
}

/// Whether `entry` is an object that names its type.
fn typed(entry: &Value) -> bool {
    entry.get("type").is_some_and(|t| !t.is_null())
}

/// VC 2.0 §4.5 and §4.11: typed terms of use, evidence, refresh services and schemas, each
/// schema named by a URL.
fn typed_members(credential: &Value) -> Result<(), ShapeError> {
    for rule in TYPED_MEMBERS {
        if !entries(&credential[rule.field]).iter().all(typed) {
            return Err(rule);
        }
    }
    let schema_named = |s: &Value| s["id"].as_str().is_some_and(is_url);
    if !entries(&credential["credentialSchema"])
        .iter()
        .all(schema_named)
    {
        return Err(SCHEMA_ID);
    }
    Ok(())
}

/// VC 2.0 §5.3: each related resource an object with a URL `id` unique among them and a digest.
fn related_resources(credential: &Value) -> Result<(), ShapeError> {
    let mut seen = std::collections::HashSet::new();
    for resource in entries(&credential["relatedResource"]) {
        let id = resource["id"].as_str().filter(|id| is_url(id));
        let id = id.ok_or(RESOURCE_ID)?;
        if !seen.insert(id) {
            return Err(RESOURCE_DUPLICATE);
        }
        if resource.get("digestSRI").is_none() && resource.get("digestMultibase").is_none() {
            return Err(RESOURCE_DIGEST);
        }
    }
    Ok(())
}

/// VC 2.0 §4: the base context first, the `VerifiableCredential` type, a URL `id` if any, an
/// issuer that is a URL, a non-empty subject, `dateTimeStamp` validity dates in order, typed
/// status entries, terms of use, evidence, refresh services and schemas, and well-formed
/// related resources (§5.3). Returns the issuer's id.
pub fn credential(credential: &Value) -> Result<String, ShapeError> {
    if !credential.is_object() {
        return Err(NOT_OBJECT);
    }
    context(credential)?;
    if !has_type(&credential["type"], "VerifiableCredential")? {
        return Err(TYPE_VC);
    }
    if let Some(id) = credential.get("id")
        && !id.as_str().is_some_and(is_url)
    {
        return Err(ID_NOT_URL);
    }
    let issuer = issuer(credential)?;
    let subject_ok = |s: &Value| s.as_object().is_some_and(|o| !o.is_empty());
    match &credential["credentialSubject"] {
        Value::Null => return Err(SUBJECT_MISSING),
        Value::Array(subjects) if !subjects.is_empty() && subjects.iter().all(subject_ok) => {}
        one if subject_ok(one) => {}
        _ => return Err(SUBJECT_EMPTY),
    }
    validity(credential)?;
    if !entries(&credential["credentialStatus"]).iter().all(typed) {
        return Err(STATUS_UNTYPED);
    }
    typed_members(credential)?;
    related_resources(credential)?;
    Ok(issuer)
}

/// VC 2.0 §4.13: the base context first, the `VerifiablePresentation` type, a URL `holder` if
/// any. Returns the credentials it carries (an object, a string for a `vc+jwt`, or an
/// `EnvelopedVerifiableCredential` of one).
pub fn presentation(presentation: &Value) -> Result<Vec<Value>, ShapeError> {
    if !presentation.is_object() {
        return Err(NOT_OBJECT);
    }
    context(presentation)?;
    if !has_type(&presentation["type"], "VerifiablePresentation")? {
        return Err(TYPE_VP);
    }
    if let Some(holder) = presentation.get("holder") {
        let id = match holder {
            Value::String(id) => Some(id.as_str()),
            Value::Object(h) => h.get("id").and_then(Value::as_str),
            _ => None,
        };
        if !id.is_some_and(is_url) {
            return Err(HOLDER_NOT_URL);
        }
    }
    Ok(match &presentation["verifiableCredential"] {
        Value::Null => vec![],
        Value::Array(list) => list.clone(),
        one => vec![one.clone()],
    })
}

/// The `holder` of a presentation, if it names one.
pub fn holder(presentation: &Value) -> Option<&str> {
    match &presentation["holder"] {
        Value::String(id) => Some(id),
        Value::Object(h) => h.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// The `vc+jwt` an `EnvelopedVerifiableCredential` carries as a `data:` URL, if it is one.
pub fn enveloped_jwt(credential: &Value) -> Option<String> {
    if !has_type(&credential["type"], "EnvelopedVerifiableCredential").unwrap_or(false) {
        return None;
    }
    let id = credential["id"].as_str()?;
    let (media, data) = id.strip_prefix("data:")?.split_once(',')?;
    (media == "application/vc+jwt").then(|| data.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "@context": [CREDENTIALS_V2],
            "type": ["VerifiableCredential"],
            "issuer": "did:key:z6Mk",
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"id": "urn:x:1"},
        })
    }

    #[test]
    fn a_minimal_credential_passes_and_each_broken_rule_is_named() {
        assert_eq!(credential(&minimal()).unwrap(), "did:key:z6Mk");
        let broken = [
            ("@context", Value::Null, "@context is missing"),
            (
                "@context",
                json!(["https://www.w3.org/2018/credentials/v1"]),
                "@context must start with the VC 2.0 context",
            ),
            (
                "type",
                json!(["Credential"]),
                "type lacks VerifiableCredential",
            ),
            ("issuer", json!("not a url"), "issuer is not a URL"),
            ("issuer", json!({"name": "x"}), "issuer has no id"),
            (
                "validFrom",
                json!("2026-01-01"),
                "validFrom is not a dateTimeStamp",
            ),
            (
                "validFrom",
                json!("2026-01-01T00:00:00"),
                "validFrom is not a dateTimeStamp",
            ),
            (
                "credentialSubject",
                json!({}),
                "credentialSubject must be a non-empty object or list of them",
            ),
            ("id", json!("12"), "id is not a URL"),
        ];
        for (field, value, why) in broken {
            let mut c = minimal();
            if value.is_null() {
                c.as_object_mut().unwrap().remove(field);
            } else {
                c[field] = value;
            }
            assert_eq!(credential(&c).map_err(|e| e.message), Err(why), "{field}");
        }
        let mut c = minimal();
        c["validUntil"] = json!("2025-01-01T00:00:00+03:30");
        assert_eq!(credential(&c), Err(VALIDITY_ORDER));
    }

    #[test]
    fn typed_members_and_related_resources_follow_vc_2_0() {
        let digest = "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k";
        let with = |field: &str, value: Value| {
            let mut c = minimal();
            c[field] = value;
            credential(&c).map(|_| ()).map_err(|e| (e.field, e.code))
        };
        for field in ["termsOfUse", "evidence", "refreshService"] {
            assert_eq!(
                with(field, json!({"type": "Policy", "id": "urn:x:2"})),
                Ok(())
            );
            assert_eq!(
                with(field, json!([{"id": "urn:x:2"}])),
                Err((field, UNTYPED))
            );
            assert_eq!(with(field, json!(["urn:x:2"])), Err((field, UNTYPED)));
        }
        let schema = |id: &str| json!({"type": "JsonSchema", "id": id});
        assert_eq!(
            with("credentialSchema", schema("https://s.example/1")),
            Ok(())
        );
        assert_eq!(
            with("credentialSchema", json!({"id": "https://s.example/1"})),
            Err(("credentialSchema", UNTYPED))
        );
        assert_eq!(
            with("credentialSchema", schema("https ://s.example/1")),
            Err(("credentialSchema", "vc_schema_id_not_url"))
        );
        let resource = |id: &str| json!({"id": id, "digestMultibase": digest});
        let cases = [
            (json!(resource(CREDENTIALS_V2)), Ok(())),
            (json!([CREDENTIALS_V2]), Err("vc_related_resource_id")),
            (
                json!([{"digestMultibase": digest}]),
                Err("vc_related_resource_id"),
            ),
            (
                json!([resource(CREDENTIALS_V2), resource(CREDENTIALS_V2)]),
                Err("vc_related_resource_duplicate"),
            ),
            (
                json!([{"id": CREDENTIALS_V2}]),
                Err("vc_related_resource_no_digest"),
            ),
        ];
        for (value, outcome) in cases {
            let got = with("relatedResource", value.clone()).map_err(|(_, code)| code);
            assert_eq!(got, outcome, "{value}");
        }
    }

    #[test]
    fn an_enveloped_jwt_is_read_from_its_data_url() {
        let e = json!({"@context": [CREDENTIALS_V2], "type": "EnvelopedVerifiableCredential",
            "id": "data:application/vc+jwt,eyJ.x.y"});
        assert_eq!(enveloped_jwt(&e).as_deref(), Some("eyJ.x.y"));
        assert_eq!(enveloped_jwt(&minimal()), None);
    }
}
