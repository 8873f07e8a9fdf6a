//! A JSON-LD document as canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0), the
//! transformation of `eddsa-rdfc-2022` (vc-di-eddsa §3.2.2).
//!
//! Expansion is strict: a term no context defines is an error. JSON-LD's default is to drop
//! such a term silently, and a dropped term is a claim the signature does not cover.

use crate::contexts::{Contexts, Recording};
use json_ld::expansion::{Action, Policy};
use json_ld::object::FragmentRef;
use json_ld::rdf::RdfQuads;
use json_ld::rdf_types::{Id, LiteralType, Term, generator};
use json_ld::syntax::Parse;
use json_ld::{Expand, ExpandedDocument, Options, Process};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, Quad, Subject};
use serde_json::Value;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonLdError {
    #[error("context {0} is not bundled")]
    UnknownContext(String),
    #[error("term `{0}` is not defined by any context")]
    UndefinedTerm(String),
    #[error("`{0}` is not an absolute IRI or blank node, so it would drop out of the RDF")]
    NotAnIri(String),
    #[error("language tag `{0}` is malformed, so its string would drop out of the RDF")]
    BadLanguageTag(String),
    #[error("JSON-LD expansion failed: {0}")]
    Expansion(String),
    #[error("RDF canonicalization failed: {0}")]
    Canonicalization(String),
}

impl JsonLdError {
    pub fn code(&self) -> &'static str {
        match self {
            JsonLdError::UnknownContext(_) => "jsonld_unknown_context",
            JsonLdError::UndefinedTerm(_) => "jsonld_undefined_term",
            JsonLdError::NotAnIri(_) => "jsonld_not_an_iri",
            JsonLdError::BadLanguageTag(_) => "jsonld_bad_language_tag",
            JsonLdError::Expansion(_) => "jsonld_expansion_failed",
            JsonLdError::Canonicalization(_) => "rdf_canonicalization_failed",
        }
    }
}

/// Reject keys that expand to no IRI. Terms mapped through a context's `@vocab` stay allowed:
/// that context chose to define every term (the W3C examples context does, and UNTP uses
/// `@vocab` for its code lists), so nothing is dropped.
fn strict() -> Policy {
    Policy {
        invalid: Action::Reject,
        vocab: Action::Keep,
        allow_undefined: false,
    }
}

/// The canonical N-Quads of `document`, ending in a newline as RDFC-1.0 writes them.
pub fn canonical_nquads(document: &Value, contexts: &Contexts) -> Result<String, JsonLdError> {
    let quads = to_quads(document, contexts)?;
    rdf_canon::canonicalize_quads(&quads)
        .map_err(|error| JsonLdError::Canonicalization(error.to_string()))
}

fn to_quads(document: &Value, contexts: &Contexts) -> Result<Vec<Quad>, JsonLdError> {
    let loader = Recording::new(contexts);
    let failed = |error: json_ld::expansion::Error| match loader.missed.borrow().clone() {
        Some(url) => JsonLdError::UnknownContext(url),
        None => expansion_error(error),
    };
    // As `to_rdf_full` runs it: unordered expansion from an empty active context, no base.
    let options = Options::<json_ld::IriBuf> {
        expansion_policy: strict(),
        ..Options::default()
    }
    .unordered()
    .expansion_options();
    // A top-level `@context` of bundled URLs is applied processed, as kept: expansion's first
    // step (JSON-LD 1.1 API §5.1.2 step 9) on the same input gives the same active context.
    let key = document
        .get("@context")
        .and_then(|context| contexts.processed_key(context));
    let (active, text) = match key {
        Some(key) => {
            let active = match contexts.processed(&key) {
                Some(active) => active,
                None => {
                    let processed = Arc::new(process(&key, &loader, options).map_err(failed)?);
                    contexts.keep_processed(key, processed.clone());
                    processed
                }
            };
            let mut rest = document.as_object().cloned().unwrap_or_default();
            rest.remove("@context");
            ((*active).clone(), Value::Object(rest).to_string())
        }
        None => (json_ld::Context::new(None), document.to_string()),
    };
    let (input, _) = json_ld::syntax::Value::parse_str(&text)
        .map_err(|error| JsonLdError::Expansion(error.to_string()))?;
    let mut vocabulary = ();
    let run = input.expand_full(&mut vocabulary, active, None, &loader, options, ());
    let mut expanded = futures::executor::block_on(run).map_err(failed)?;
    if let Some(error) = first_dropped_part(&expanded) {
        return Err(error);
    }
    // What `ToRdf` does with its defaults (no rdf:direction, no generalized RDF).
    let mut blanks = generator::Blank::new();
    expanded.relabel_and_canonicalize_with(&mut (), &mut blanks);
    expanded
        .rdf_quads_full(&mut (), &mut blanks, None, false)
        .cloned()
        .map(|json_ld::rdf_types::Quad(s, p, o, g)| {
            Ok(Quad {
                subject: subject(s)?,
                predicate: iri(p)?,
                object: match o {
                    Term::Id(id) => match subject(id)? {
                        Subject::NamedNode(node) => node.into(),
                        Subject::BlankNode(node) => node.into(),
                    },
                    Term::Literal(literal) => literal_of(literal)?.into(),
                },
                graph_name: match g {
                    None => GraphName::DefaultGraph,
                    Some(name) => match subject(name)? {
                        Subject::NamedNode(node) => node.into(),
                        Subject::BlankNode(node) => node.into(),
                    },
                },
            })
        })
        .collect()
}

/// The active context `@context` `text` gives, processed as expansion processes a top-level
/// `@context` (from an empty active context, no base URL).
fn process(
    text: &str,
    loader: &Recording<'_>,
    options: json_ld::expansion::Options,
) -> Result<json_ld::Context, json_ld::expansion::Error> {
    use json_ld::syntax::TryFromJson;
    // `text` is serde_json's own writing of a JSON value.
    let (value, _) = json_ld::syntax::Value::parse_str(text).expect("JSON text parses");
    let local = json_ld::syntax::context::Context::try_from_json(value)?;
    let (mut vocabulary, empty) = ((), json_ld::Context::new(None));
    let run = local.process_with(&mut vocabulary, &empty, loader, None, options.into());
    Ok(futures::executor::block_on(run)?.into_processed())
}

/// JSON-LD to RDF leaves out, silently, every triple whose subject, type or object is a
/// relative or malformed IRI, and every string whose language tag is malformed (JSON-LD 1.1 API
/// §8.1, like an undefined term): a credentialSubject with `"id": "unit-42"` would lose all its
/// claims from what is signed. Such a document is refused instead.
fn first_dropped_part(document: &ExpandedDocument) -> Option<JsonLdError> {
    document.traverse().find_map(|fragment| {
        let object = match fragment {
            FragmentRef::Object(object) => object,
            FragmentRef::IndexedObject(object) => object.inner(),
            FragmentRef::Node(node) => return invalid_id_of(node),
            FragmentRef::IndexedNode(node) => return invalid_id_of(node.inner()),
            _ => return None,
        };
        if let Some(node) = object.as_node() {
            return invalid_id_of(node);
        }
        match object.as_value()? {
            json_ld::Value::LangString(text) => text
                .language()
                .filter(|tag| !tag.is_well_formed())
                .map(|tag| JsonLdError::BadLanguageTag(tag.as_str().to_owned())),
            _ => None,
        }
    })
}

fn invalid_id_of(node: &json_ld::Node) -> Option<JsonLdError> {
    node.id
        .iter()
        .chain(node.types.iter().flatten())
        .find_map(|id| match id {
            json_ld::Id::Invalid(reference) => Some(JsonLdError::NotAnIri(reference.clone())),
            json_ld::Id::Valid(_) => None,
        })
}

fn expansion_error(error: json_ld::expansion::Error) -> JsonLdError {
    match error {
        json_ld::expansion::Error::KeyExpansionFailed(term) => JsonLdError::UndefinedTerm(term),
        // Worded as the processor's own error wraps it.
        other => JsonLdError::Expansion(json_ld::ExpandError::Expansion(other).to_string()),
    }
}

type JsonLdId = Id<json_ld::IriBuf, json_ld::BlankIdBuf>;

fn subject(id: JsonLdId) -> Result<Subject, JsonLdError> {
    Ok(match id {
        Id::Iri(iri) => Subject::NamedNode(named(iri.as_str())?),
        Id::Blank(blank) => Subject::BlankNode(
            BlankNode::new(blank.suffix())
                .map_err(|error| JsonLdError::Expansion(error.to_string()))?,
        ),
    })
}

fn iri(id: JsonLdId) -> Result<NamedNode, JsonLdError> {
    match id {
        Id::Iri(iri) => named(iri.as_str()),
        Id::Blank(blank) => Err(JsonLdError::Expansion(format!(
            "blank node {blank} as a predicate"
        ))),
    }
}

fn named(iri: &str) -> Result<NamedNode, JsonLdError> {
    NamedNode::new(iri).map_err(|error| JsonLdError::Expansion(format!("{iri}: {error}")))
}

fn literal_of(literal: json_ld::rdf_types::Literal) -> Result<Literal, JsonLdError> {
    Ok(match literal.type_ {
        LiteralType::Any(datatype) => Literal::new_typed_literal(literal.value, named(&datatype)?),
        // The tag as the document wrote it: JSON-LD 1.1 leaves case as is, and so do the
        // JavaScript verifiers other parties will use.
        LiteralType::LangString(tag) => {
            Literal::new_language_tagged_literal_unchecked(literal.value, tag.as_str())
        }
    })
}
