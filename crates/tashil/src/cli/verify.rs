//! `tashil verify`: a credential checked offline, with the network off. Its proof (any of the
//! three forms Tashil issues) against the DID documents given as files (did:key needs none),
//! its validity dates at this machine's clock, and its status bits only when the status list
//! credentials it names are given as files too: a status list lives on the issuer's server.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use serde_json::Value;
use tashil_credentials::status_credential::status_bit;
use tashil_credentials::{Contexts, DidDocument, Resolver, StatusPurpose, Verified, verify};

#[derive(Args)]
pub struct VerifyArgs {
    /// The credential: JSON with an eddsa-rdfc-2022 or eddsa-jcs-2022 proof, or a compact
    /// vc+jwt.
    pub file: PathBuf,
    /// The issuer's DID document (its did.json), for a did:web issuer; repeat for several.
    #[arg(long = "did-document", value_name = "DOC.json")]
    pub did_documents: Vec<PathBuf>,
    /// A status list credential the credential names (fetched beforehand, e.g. with curl);
    /// repeat for several. Without it the status is not checked.
    #[arg(long = "status-list", value_name = "FILE")]
    pub status_lists: Vec<PathBuf>,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn json(path: &Path) -> anyhow::Result<Value> {
    serde_json::from_str(&read(path)?).with_context(|| format!("{} is not JSON", path.display()))
}

/// The credential as presented: a JSON object, or a `vc+jwt` as a JSON string.
fn presented(path: &Path) -> anyhow::Result<Value> {
    let text = read(path)?;
    let text = text.trim();
    if text.starts_with('{') {
        serde_json::from_str(text).with_context(|| format!("{} is not JSON", path.display()))
    } else {
        Ok(Value::String(text.to_owned()))
    }
}

/// What a check came to: the lines to print, and whether the credential fails.
struct Outcome {
    lines: Vec<String>,
    failure: Option<String>,
}

pub fn run(args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let mut resolver = Resolver::new();
    for path in &args.did_documents {
        let document = DidDocument::from_json(&json(path)?)
            .map_err(|e| anyhow::anyhow!("{}: not a DID document: {e}", path.display()))?;
        resolver = resolver.with_document(document);
    }
    let contexts = Contexts::bundled();
    let credential = presented(&args.file)?;
    let verified = match verify(&credential, &resolver, &contexts) {
        Ok(v) => v,
        Err(rejection) => {
            println!("invalid: {} ({})", rejection, rejection.code());
            return Ok(ExitCode::FAILURE);
        }
    };
    println!(
        "proof: {} by {} (issuer {})",
        verified.form.name(),
        verified.verification_method,
        verified.issuer
    );
    let mut outcome = Outcome {
        lines: vec![],
        failure: None,
    };
    dates(&verified, chrono::Utc::now(), &mut outcome);
    let mut lists = vec![];
    for path in &args.status_lists {
        lists.push((path, json(path)?));
    }
    status(&verified, &lists, &resolver, &contexts, &mut outcome);
    for line in &outcome.lines {
        println!("{line}");
    }
    match outcome.failure {
        None => {
            println!("valid");
            Ok(ExitCode::SUCCESS)
        }
        Some(why) => {
            println!("invalid: {why}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn dates(verified: &Verified, now: chrono::DateTime<chrono::Utc>, out: &mut Outcome) {
    let (from, until) = match tashil_credentials::shape::validity(&verified.credential) {
        Ok(window) => window,
        Err(why) => {
            out.failure = Some(why.to_string());
            return;
        }
    };
    if let Some(from) = from {
        out.lines.push(format!("valid from: {}", from.to_rfc3339()));
        if now < from {
            out.failure = Some("not valid yet".into());
        }
    }
    if let Some(until) = until {
        out.lines
            .push(format!("valid until: {}", until.to_rfc3339()));
        if now > until {
            out.failure = Some("expired".into());
        }
    }
}

/// Each `credentialStatus` entry, read from the list given for it (verified, and issued by
/// the credential's own issuer), or said to be unchecked.
fn status(
    verified: &Verified,
    lists: &[(&PathBuf, Value)],
    resolver: &Resolver,
    contexts: &Contexts,
    out: &mut Outcome,
) {
    let entries = match &verified.credential["credentialStatus"] {
        Value::Null => return out.lines.push("status: none stated".into()),
        Value::Array(list) => list.clone(),
        one => vec![one.clone()],
    };
    for entry in entries {
        let purpose = entry["statusPurpose"].as_str().unwrap_or("?").to_owned();
        let url = entry["statusListCredential"].as_str().unwrap_or("?");
        let Some((path, list)) = lists.iter().find(|(_, l)| l["id"].as_str() == Some(url)) else {
            out.lines.push(format!(
                "status ({purpose}): not checked: the list {url} is on the network; fetch it and give it with --status-list FILE"
            ));
            continue;
        };
        let list_issuer = match verify(list, resolver, contexts) {
            Ok(v) => v.issuer,
            Err(rejection) => {
                out.failure = Some(format!(
                    "the status list {} does not verify: {rejection} ({})",
                    path.display(),
                    rejection.code()
                ));
                continue;
            }
        };
        if list_issuer != verified.issuer {
            out.failure = Some(format!(
                "the status list {} is issued by {list_issuer}, not by the credential's issuer",
                path.display()
            ));
            continue;
        }
        match status_bit(list, &entry) {
            Ok(false) => out.lines.push(format!("status ({purpose}): not set")),
            Ok(true) => {
                out.lines.push(format!("status ({purpose}): set"));
                out.failure = Some(match StatusPurpose::from_name(&purpose) {
                    Some(StatusPurpose::Revocation) => "revoked".into(),
                    Some(StatusPurpose::Suspension) => "suspended".into(),
                    None => format!("listed under {purpose}"),
                });
            }
            Err(why) => out.failure = Some(format!("status ({purpose}): {why}")),
        }
    }
}
