//! The JSON-LD contexts this library will read, bundled in the binary. A context URL not in the
//! set is an error, never a fetch: a verifier must not depend on (or be steered by) a remote
//! server, and a changed remote context would silently change what a signature covers.

use json_ld::syntax::Parse;
use json_ld::{Iri, IriBuf, LoadError, Loader, RemoteDocument};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const CREDENTIALS_V2: &str = "https://www.w3.org/ns/credentials/v2";
pub const UNTP_DCC: &str = "https://test.uncefact.org/vocabulary/untp/dcc/working/";
pub const UNTP_DIA: &str = "https://test.uncefact.org/vocabulary/untp/dia/working/";
/// The W3C examples context: the vocabulary of the Recommendation's examples and of the W3C
/// test suites. Not among [`Contexts::bundled`]; added only by [`Contexts::with_w3c_examples`].
pub const CREDENTIALS_EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

/// The files under `contexts/`, by URL (provenance and digests in contexts/README.md).
const BUNDLED: [(&str, &str); 3] = [
    (
        CREDENTIALS_V2,
        include_str!("../contexts/credentials-v2.jsonld"),
    ),
    (UNTP_DCC, include_str!("../contexts/untp-dcc.jsonld")),
    (UNTP_DIA, include_str!("../contexts/untp-dia.jsonld")),
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    #[error("context URL is not an IRI: {0}")]
    InvalidUrl(String),
    #[error("context {0} is not JSON")]
    NotJson(String),
}

/// The exact bytes bundled for `url`, for digest checks.
pub fn bundled_text(url: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(known, _)| *known == url)
        .map(|(_, text)| *text)
}

/// A fixed set of contexts, parsed once, and each `@context` list of them processed once.
#[derive(Clone)]
pub struct Contexts {
    documents: HashMap<IriBuf, RemoteDocument>,
    /// Active contexts processed from a document's `@context` of URLs in this set, by that
    /// `@context`'s JSON text. Processing validates every scoped context of every term (JSON-LD
    /// 1.1 API §4.2.2 step 21) and took 55 ms a credential over VC 2.0 and UNTP DCC; the
    /// result depends only on the bundled texts, which never change once this set is built.
    processed: Arc<Mutex<HashMap<String, Arc<json_ld::Context>>>>,
}

/// Distinct `@context` lists kept processed: a handful are ever signed; the bound keeps
/// presented documents that list the same URLs in many orders from growing the cache.
const PROCESSED_KEPT: usize = 32;

impl Contexts {
    /// VC Data Model 2.0 and the UNTP DCC and DIA contexts.
    pub fn bundled() -> Self {
        let mut contexts = Contexts {
            documents: HashMap::new(),
            processed: Arc::default(),
        };
        for (url, text) in BUNDLED {
            contexts = contexts
                .with(url, text)
                .expect("a bundled context parses (checked by the tests)");
        }
        contexts
    }

    /// These contexts and the W3C examples context, for conformance runs of the W3C test
    /// suites, whose credentials use it. Its `@vocab` maps every term it does not define, so a
    /// credential over it says nothing a reader would lose, but nothing it says is Tashil's.
    pub fn with_w3c_examples(self) -> Self {
        self.with(
            CREDENTIALS_EXAMPLES_V2,
            include_str!("../contexts/credentials-examples-v2.jsonld"),
        )
        .expect("the examples context parses (checked by the tests)")
    }

    /// Adds a context.
    pub fn with(mut self, url: &str, text: &str) -> Result<Self, ContextError> {
        let iri = IriBuf::new(url.to_owned()).map_err(|_| ContextError::InvalidUrl(url.into()))?;
        let (document, _) = json_ld::syntax::Value::parse_str(text)
            .map_err(|_| ContextError::NotJson(url.to_owned()))?;
        let remote = RemoteDocument::new(Some(iri.clone()), None, document);
        self.documents.insert(iri, remote);
        // What was processed before may have missed this context: start again, unshared.
        self.processed = Arc::default();
        Ok(self)
    }

    /// The key `@context` `value` is kept processed under: only a URL or a list of URLs, all
    /// in this set (anything else is processed each time, and errors are never kept).
    pub(crate) fn processed_key(&self, value: &serde_json::Value) -> Option<String> {
        let urls = match value {
            serde_json::Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        let known = urls
            .iter()
            .all(|url| url.as_str().is_some_and(|url| self.contains(url)));
        known.then(|| value.to_string())
    }

    pub(crate) fn processed(&self, key: &str) -> Option<Arc<json_ld::Context>> {
        self.lock().get(key).cloned()
    }

    pub(crate) fn keep_processed(&self, key: String, context: Arc<json_ld::Context>) {
        let mut kept = self.lock();
        if kept.len() < PROCESSED_KEPT {
            kept.insert(key, context);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<json_ld::Context>>> {
        self.processed.lock().expect("processed contexts")
    }

    pub fn contains(&self, url: &str) -> bool {
        self.documents.keys().any(|iri| iri.as_str() == url)
    }
}

/// The loader handed to json-ld for one run: it remembers the first URL it could not serve, so
/// the caller can name it instead of reporting json-ld's generic loading error.
pub(crate) struct Recording<'a> {
    contexts: &'a Contexts,
    pub(crate) missed: RefCell<Option<String>>,
}

impl<'a> Recording<'a> {
    pub(crate) fn new(contexts: &'a Contexts) -> Self {
        Recording {
            contexts,
            missed: RefCell::new(None),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("context not bundled")]
struct NotBundled;

impl Loader for Recording<'_> {
    async fn load(&self, url: &Iri) -> Result<RemoteDocument<IriBuf>, LoadError> {
        match self.contexts.documents.get(url) {
            Some(document) => Ok(document.clone()),
            None => {
                self.missed
                    .borrow_mut()
                    .get_or_insert_with(|| url.as_str().to_owned());
                Err(LoadError::new(url.to_owned(), NotBundled))
            }
        }
    }
}
