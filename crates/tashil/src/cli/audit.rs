//! `tashil audit`: check the hash chain, alone or against checkpoints kept elsewhere; sign a
//! checkpoint of the head now.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use serde::Deserialize;

use crate::audit::{
    AuditKey, BadSignature, Checkpoint, CheckpointError, Finding, Report, Standing,
};
use crate::config::StorageConfig;

/// Found tampering (or a checkpoint that cannot be trusted).
const BROKEN: u8 = 2;

#[derive(Subcommand)]
pub enum AuditAction {
    /// Recompute the hash chain and report the first edited, inserted or deleted entry.
    Verify {
        /// Also check the log against checkpoints kept elsewhere: a file holding one
        /// checkpoint as `/audit/checkpoints/latest` serves it, or a list as
        /// `/audit/checkpoints` serves it. Finds a log cut short or rewritten since.
        #[arg(long, value_name = "FILE")]
        checkpoint: Option<PathBuf>,
    },
    /// Sign a checkpoint of the chain's head now (if it moved) and print it as JSON.
    Checkpoint,
}

pub async fn audit(storage: StorageConfig, action: AuditAction) -> anyhow::Result<ExitCode> {
    match action {
        AuditAction::Verify { checkpoint: None } => {
            let db = super::open(&storage).await?;
            let report = crate::audit::verify(&db).await?;
            Ok(print_chain(&report, "audit log intact"))
        }
        AuditAction::Verify {
            checkpoint: Some(file),
        } => verify_against(storage, file).await,
        AuditAction::Checkpoint => checkpoint(storage).await,
    }
}

/// Prints the chain walk; `intact` heads the line when the chain holds.
fn print_chain(report: &Report, intact: &str) -> ExitCode {
    let Some(f) = &report.finding else {
        println!("{intact}: {} entries, head {}", report.entries, report.head);
        return ExitCode::SUCCESS;
    };
    let what = match f {
        Finding::Edited { id } => format!("entry {id} was edited"),
        Finding::Deleted { after, before } => {
            format!("entries between {after} and {before} were deleted")
        }
        Finding::Inserted { id } => format!("entry {id} was inserted or its link rewritten"),
    };
    println!(
        "audit log BROKEN after {} good entries: {what}",
        report.entries
    );
    ExitCode::from(BROKEN)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CheckpointFile {
    Many(Vec<Checkpoint>),
    One(Box<Checkpoint>),
}

fn read_checkpoints(file: &PathBuf) -> anyhow::Result<Vec<Checkpoint>> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let list = match serde_json::from_str::<CheckpointFile>(&text) {
        Ok(CheckpointFile::Many(list)) => list,
        Ok(CheckpointFile::One(one)) => vec![*one],
        Err(_) => anyhow::bail!(
            "{} holds neither a checkpoint nor a list of checkpoints as /audit/checkpoints serves them",
            file.display()
        ),
    };
    if list.is_empty() {
        anyhow::bail!("{} holds no checkpoint", file.display());
    }
    Ok(list)
}

fn describe(cp: &Checkpoint, standing: &Standing, installation: &str) -> String {
    let id = cp.id;
    let seq = cp.seq;
    match standing {
        Standing::Holds => format!(
            "checkpoint {id} holds: entry {seq}, {} entries, signed {}",
            cp.entries, cp.created_at
        ),
        Standing::BadSignature(BadSignature::Invalid) => {
            format!("checkpoint {id} refused: bad signature")
        }
        Standing::BadSignature(BadSignature::Malformed) => {
            format!("checkpoint {id} refused: bad signature (malformed key or signature)")
        }
        Standing::BadSignature(BadSignature::KeyIdMismatch) => format!(
            "checkpoint {id} refused: bad signature (key id {} is not its public key's)",
            cp.key_id
        ),
        Standing::ForeignKey => format!(
            "checkpoint {id} refused: signed by key {}, not by this installation's key {installation}",
            cp.key_id
        ),
        Standing::Truncated { ends_at } => format!(
            "truncated since checkpoint {id}: the log ends at entry {ends_at}, the checkpoint's head is entry {seq}"
        ),
        Standing::HeadGone => {
            format!("rewritten since checkpoint {id}: its head, entry {seq}, is gone")
        }
        Standing::HashDiffers { now } => format!(
            "rewritten since checkpoint {id}: entry {seq} now hashes to {now}, the checkpoint says {}",
            cp.head_hash
        ),
        Standing::CountDiffers { now } => format!(
            "rewritten since checkpoint {id}: {now} entries lead up to entry {seq}, the checkpoint counted {}",
            cp.entries
        ),
    }
}

async fn verify_against(storage: StorageConfig, file: PathBuf) -> anyhow::Result<ExitCode> {
    let checkpoints = read_checkpoints(&file)?;
    let db = super::open(&storage).await?;
    let key = AuditKey::load(&db).await?;
    println!("this installation signs with key {}", key.id());
    let mut all_hold = true;
    for cp in &checkpoints {
        let standing = crate::audit::check(&db, cp, key.id()).await?;
        all_hold &= standing.holds();
        println!("{}", describe(cp, &standing, key.id()));
    }
    let report = crate::audit::verify(&db).await?;
    if !all_hold {
        // The chain may still link up (a rewrite re-hashes it): say so, but never "intact".
        print_chain(&report, "the hash chain links up");
        return Ok(ExitCode::from(BROKEN));
    }
    let intact = format!(
        "audit log intact against {} checkpoint(s) signed by key {} (this installation's)",
        checkpoints.len(),
        key.id()
    );
    Ok(print_chain(&report, &intact))
}

async fn checkpoint(storage: StorageConfig) -> anyhow::Result<ExitCode> {
    let db = super::open(&storage).await?;
    let cp = match crate::audit::checkpoint(&db).await {
        Ok(Some(cp)) => {
            eprintln!(
                "checkpoint {} signed: entry {}, {} entries, key {}",
                cp.id, cp.seq, cp.entries, cp.key_id
            );
            cp
        }
        Ok(None) => match crate::audit::latest(&db).await? {
            Some(cp) => {
                eprintln!("the head has not moved since checkpoint {}", cp.id);
                cp
            }
            None => {
                eprintln!("the audit log is empty: nothing to sign");
                return Ok(ExitCode::SUCCESS);
            }
        },
        Err(e @ (CheckpointError::Diverged { .. } | CheckpointError::Broken(_))) => {
            println!("{e}");
            return Ok(ExitCode::from(BROKEN));
        }
        Err(e) => return Err(e.into()),
    };
    println!("{}", serde_json::to_string_pretty(&cp)?);
    Ok(ExitCode::SUCCESS)
}
