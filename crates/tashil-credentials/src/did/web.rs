//! `did:web` identifiers (W3C CCG did:web method §3.1): the host, with a port's colon
//! percent-encoded, then optional path segments joined by `:`.

use super::DidError;

/// `did_web("tashil.example", &["issuers", "qazvin"])` → `did:web:tashil.example:issuers:qazvin`.
pub fn did_web(host: &str, path: &[&str]) -> Result<String, DidError> {
    let valid = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    let (name, port) = match host.split_once(':') {
        Some((name, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => {
            (name, Some(port))
        }
        Some(_) => return Err(DidError::InvalidDidWeb(host.to_owned())),
        None => (host, None),
    };
    if !valid(name) || !path.iter().all(|segment| valid(segment)) {
        return Err(DidError::InvalidDidWeb(host.to_owned()));
    }
    let mut did = format!("did:web:{}", name.to_ascii_lowercase());
    if let Some(port) = port {
        did.push_str("%3A");
        did.push_str(port);
    }
    for segment in path {
        did.push(':');
        did.push_str(segment);
    }
    Ok(did)
}

/// Where a did:web's document is published: `/.well-known/did.json` for a bare host, else
/// the path's `did.json`.
pub fn did_web_document_url(did: &str) -> Result<String, DidError> {
    let rest = did
        .strip_prefix("did:web:")
        .filter(|rest| !rest.is_empty() && !rest.contains(['/', '#', '?']))
        .ok_or_else(|| DidError::InvalidDidWeb(did.to_owned()))?;
    let mut parts = rest.split(':');
    let host = parts.next().unwrap_or_default().replace("%3A", ":");
    let path: Vec<&str> = parts.collect();
    Ok(if path.is_empty() {
        format!("https://{host}/.well-known/did.json")
    } else {
        format!("https://{host}/{}/did.json", path.join("/"))
    })
}
