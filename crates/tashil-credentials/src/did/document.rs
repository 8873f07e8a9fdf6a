//! An issuer's DID document (DID Core 1.0): its keys as Multikey verification methods, each also
//! listed under `assertionMethod` so it may sign credentials.
//!
//! Rotation adds a key and never removes one: a credential signed before the rotation names
//! its old key, and a verifier must still find that key in the document.

use crate::multikey::{KeyError, PublicKey};
use serde_json::{Value, json};

const DID_CONTEXT: &str = "https://www.w3.org/ns/did/v1";
const MULTIKEY_CONTEXT: &str = "https://w3id.org/security/multikey/v1";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DidError {
    #[error("not a valid did:web: {0}")]
    InvalidDidWeb(String),
    #[error("the DID document is malformed: {0}")]
    Malformed(&'static str),
    #[error("verification method {0} appears twice")]
    DuplicateMethod(String),
    #[error("a key of the DID document: {0}")]
    Key(#[from] KeyError),
}

impl DidError {
    pub fn code(&self) -> &'static str {
        match self {
            DidError::InvalidDidWeb(_) => "did_invalid_web",
            DidError::Malformed(_) => "did_document_malformed",
            DidError::DuplicateMethod(_) => "did_duplicate_method",
            DidError::Key(error) => error.code(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationMethod {
    pub id: String,
    pub controller: String,
    pub key: PublicKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidDocument {
    id: String,
    methods: Vec<VerificationMethod>,
    assertion: Vec<String>,
}

impl DidDocument {
    pub fn new(did: impl Into<String>) -> Self {
        DidDocument {
            id: did.into(),
            methods: Vec::new(),
            assertion: Vec::new(),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn methods(&self) -> &[VerificationMethod] {
        &self.methods
    }

    /// Lists `key` as `{did}#{fragment}` for assertions and returns that method's id.
    pub fn add_key(&mut self, fragment: &str, key: &PublicKey) -> Result<String, DidError> {
        let id = format!("{}#{fragment}", self.id);
        if self.methods.iter().any(|method| method.id == id) {
            return Err(DidError::DuplicateMethod(id));
        }
        self.methods.push(VerificationMethod {
            id: id.clone(),
            controller: self.id.clone(),
            key: *key,
        });
        self.assertion.push(id.clone());
        Ok(id)
    }

    /// The key of `method_id` if the document lets it make assertions (sign credentials).
    pub fn assertion_key(&self, method_id: &str) -> Option<&PublicKey> {
        if !self.assertion.iter().any(|id| id == method_id) {
            return None;
        }
        self.methods
            .iter()
            .find(|method| method.id == method_id)
            .map(|method| &method.key)
    }

    pub fn to_json(&self) -> Value {
        let methods: Vec<Value> = self
            .methods
            .iter()
            .map(|method| {
                json!({
                    "id": method.id,
                    "type": "Multikey",
                    "controller": method.controller,
                    "publicKeyMultibase": method.key.to_multibase(),
                })
            })
            .collect();
        json!({
            "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
            "id": self.id,
            "verificationMethod": methods,
            "assertionMethod": self.assertion,
        })
    }

    /// Reads a published document. Relative method ids (`#key-1`) are resolved against the
    /// document's id; `assertionMethod` may reference a method or embed one (DID Core §5.3).
    pub fn from_json(document: &Value) -> Result<Self, DidError> {
        let id = document["id"]
            .as_str()
            .ok_or(DidError::Malformed("id"))?
            .to_owned();
        let absolute = |method_id: &str| match method_id.strip_prefix('#') {
            Some(fragment) => format!("{id}#{fragment}"),
            None => method_id.to_owned(),
        };
        let read_method = |value: &Value| -> Result<VerificationMethod, DidError> {
            let method_id = value["id"]
                .as_str()
                .ok_or(DidError::Malformed("verificationMethod.id"))?;
            if value["type"] != "Multikey" {
                return Err(DidError::Malformed("verificationMethod.type"));
            }
            let multibase = value["publicKeyMultibase"]
                .as_str()
                .ok_or(DidError::Malformed("publicKeyMultibase"))?;
            Ok(VerificationMethod {
                id: absolute(method_id),
                controller: value["controller"].as_str().unwrap_or(&id).to_owned(),
                key: PublicKey::from_multibase(multibase)?,
            })
        };
        let mut methods = Vec::new();
        for value in as_list(&document["verificationMethod"]) {
            methods.push(read_method(value)?);
        }
        let mut assertion = Vec::new();
        for value in as_list(&document["assertionMethod"]) {
            match value {
                Value::String(reference) => assertion.push(absolute(reference)),
                Value::Object(_) => {
                    let method = read_method(value)?;
                    assertion.push(method.id.clone());
                    methods.push(method);
                }
                _ => return Err(DidError::Malformed("assertionMethod")),
            }
        }
        Ok(DidDocument {
            id,
            methods,
            assertion,
        })
    }
}

fn as_list(value: &Value) -> &[Value] {
    match value {
        Value::Array(values) => values,
        Value::Null => &[],
        other => std::slice::from_ref(other),
    }
}
