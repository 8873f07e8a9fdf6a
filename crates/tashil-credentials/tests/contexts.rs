//! The bundled contexts and the strict JSON-LD expansion that `eddsa-rdfc-2022` signs through.

mod common;

use common::{hex, json};
use serde_json::json;
use sha2::{Digest, Sha256};
use tashil_credentials::Contexts;
use tashil_credentials::contexts::{CREDENTIALS_V2, bundled_text};
use tashil_credentials::rdf::{JsonLdError, canonical_nquads};

/// VC Data Model 2.0 (W3C Recommendation, 15 May 2025), appendix B.1 "Base Context": the
/// published SHA2-256 digest of https://www.w3.org/ns/credentials/v2.
const PUBLISHED_VC2_DIGEST: &str =
    "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734";

#[test]
fn the_bundled_vc2_context_is_the_one_the_recommendation_publishes() {
    let text = bundled_text(CREDENTIALS_V2).unwrap();
    assert_eq!(hex(&Sha256::digest(text)), PUBLISHED_VC2_DIGEST);
}

#[test]
fn an_unknown_context_is_an_error_not_a_fetch() {
    let credential = json!({
        "@context": [CREDENTIALS_V2, "https://example.org/contexts/v1"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:subject"},
    });
    assert_eq!(
        canonical_nquads(&credential, &Contexts::bundled()),
        Err(JsonLdError::UnknownContext(
            "https://example.org/contexts/v1".into()
        ))
    );
}

#[test]
fn a_term_no_context_defines_is_refused_rather_than_dropped() {
    // The VC 2.0 context has no @vocab: default JSON-LD would drop `licenceNumber`, and a
    // signature would not cover it.
    let credential = json!({
        "@context": [CREDENTIALS_V2],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:subject", "licenceNumber": "1405-1"},
    });
    assert_eq!(
        canonical_nquads(&credential, &Contexts::bundled()),
        Err(JsonLdError::UndefinedTerm("licenceNumber".into()))
    );
}

#[test]
fn untp_conformity_and_identity_credentials_expand_strictly() {
    for file in ["untp/untp-dcc-instance.json", "untp/untp-dia-instance.json"] {
        let nquads = canonical_nquads(&json(file), &Contexts::bundled())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        assert!(nquads.lines().count() > 10, "{file}");
    }
}

fn with_subject(subject: serde_json::Value) -> serde_json::Value {
    json!({
        "@context": [CREDENTIALS_V2],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": subject,
    })
}

#[test]
fn what_rdf_would_silently_leave_out_is_refused() {
    let contexts = Contexts::bundled();
    // A relative id: every claim about the subject would vanish from the signed RDF.
    assert_eq!(
        canonical_nquads(
            &with_subject(json!({"id": "unit-42", "name": "x"})),
            &contexts
        ),
        Err(JsonLdError::NotAnIri("unit-42".into()))
    );
    let mut credential = with_subject(json!({"id": "did:example:unit"}));
    credential["issuer"] = json!("not an iri");
    assert_eq!(
        canonical_nquads(&credential, &contexts),
        Err(JsonLdError::NotAnIri("not an iri".into()))
    );
    let name = json!({"@value": "سیمان قزوین", "@language": "not a tag!"});
    assert_eq!(
        canonical_nquads(
            &with_subject(json!({"id": "did:example:unit", "name": name})),
            &contexts
        ),
        Err(JsonLdError::BadLanguageTag("not a tag!".into()))
    );
    // An undefined type is an expansion error, not a dropped type.
    let mut credential = with_subject(json!({"id": "did:example:unit"}));
    credential["type"] = json!(["VerifiableCredential", "LicenceCredential"]);
    assert!(matches!(
        canonical_nquads(&credential, &contexts),
        Err(JsonLdError::Expansion(_))
    ));
}

#[test]
fn language_tags_keep_the_case_the_document_wrote() {
    let name = json!({"@value": "سیمان قزوین", "@language": "fa-IR"});
    let nquads = canonical_nquads(
        &with_subject(json!({"id": "did:example:unit", "name": name})),
        &Contexts::bundled(),
    )
    .unwrap();
    assert!(nquads.contains("\"سیمان قزوین\"@fa-IR"), "{nquads}");
}

/// A `@context` of bundled URLs is processed once and kept; a `@context` with anything else
/// (here an empty inline context, which changes nothing) is processed each time. Both must
/// give the same N-Quads, the first time and every time after.
#[test]
fn a_kept_processed_context_gives_what_processing_it_again_gives() {
    let contexts = Contexts::bundled();
    for file in ["untp/untp-dcc-instance.json", "untp/untp-dia-instance.json"] {
        let kept = json(file);
        let mut again = kept.clone();
        again["@context"]
            .as_array_mut()
            .expect("a list of contexts")
            .push(json!({}));
        let processed_each_time = canonical_nquads(&again, &contexts).unwrap();
        let first = canonical_nquads(&kept, &contexts).unwrap();
        let second = canonical_nquads(&kept, &contexts).unwrap();
        assert_eq!(first, processed_each_time, "{file}");
        assert_eq!(second, processed_each_time, "{file}");
    }
}

#[test]
fn a_kept_context_still_refuses_an_undefined_term() {
    let contexts = Contexts::bundled();
    let ok = with_subject(json!({"id": "did:example:subject"}));
    canonical_nquads(&ok, &contexts).unwrap();
    let mut bad = ok.clone();
    bad["credentialSubject"]["licenceNumber"] = json!("1405-1");
    assert_eq!(
        canonical_nquads(&bad, &contexts),
        Err(JsonLdError::UndefinedTerm("licenceNumber".into()))
    );
}
