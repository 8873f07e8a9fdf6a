//! What the advice desk says by mail: a new advice to the unit's users (the rule, the points,
//! the suggested check and the answer-by day) and an escalation to the province's officers,
//! each recipient in their own language; and the words of a trigger and its points, which
//! the pages use too.

use serde_json::json;
use tashil_text::Lang;
use tashil_text::workdays::WorkCalendar;

use super::entity::characteristic;
use super::error::QualityError;
use super::model::advice::{Advice, Chart, EscalationReason, Points, Trigger};
use super::model::escalation::{Thresholds, answer_due};
use crate::access::Actor;
use crate::audit::{self, Change};
use crate::i18n::I18n;
use crate::identity::recipients;
use crate::mail::{self, MailKind, Recipient};
use sea_orm::ConnectionTrait;

/// A new advice, to the unit's users: the rule, the points and the suggested check.
pub const QUALITY_ADVICE: MailKind = MailKind::new("quality_advice");
/// An advice reached the province's quality queue, to its provincial officers.
pub const QUALITY_ADVICE_ESCALATED: MailKind = MailKind::new("quality_advice_escalated");

/// Every message the advice desk sends.
pub const KINDS: [MailKind; 2] = [QUALITY_ADVICE, QUALITY_ADVICE_ESCALATED];

/// The words of a trigger in `lang`: what fired (the rule and its chart, or the index against
/// the target).
pub(super) fn trigger_text(lang: Lang, t: &Trigger) -> String {
    let i18n = I18n::get();
    match t {
        Trigger::Violation { chart, rule } => {
            let panel = match chart {
                Chart::Primary => "quality-panel-primary",
                Chart::Dispersion => "quality-panel-secondary",
            };
            format!(
                "{} — {}",
                i18n.t(
                    lang,
                    &format!("quality-rule-{}", rule.code().replace('_', "-"))
                ),
                i18n.t(lang, panel)
            )
        }
        Trigger::Capability {
            estimate, target, ..
        } => {
            let digits = |x: f64| tashil_text::digits::localize_digits(&format!("{x:.2}"), lang);
            i18n.t_args(
                lang,
                &format!("quality-advice-trigger-{}", t.code().replace('_', "-")),
                &[
                    ("estimate", digits(*estimate).into()),
                    ("target", digits(*target).into()),
                ],
            )
        }
    }
}

/// The points of an advice as words: `12` or `6–11`, each finding once, in digits of `lang`.
pub(super) fn points_text(lang: Lang, findings: &[Points]) -> String {
    let text = findings
        .iter()
        .map(|p| {
            if p.first == p.point {
                (p.point + 1).to_string()
            } else {
                format!("{}–{}", p.first + 1, p.point + 1)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    tashil_text::digits::localize_digits(&text, lang)
}

fn lang_of(r: &Recipient) -> Lang {
    Lang::parse(&r.lang).unwrap_or(Lang::Fa)
}

/// Queues one message per recipient, its words in the recipient's language.
async fn queue_each<C: ConnectionTrait>(
    txn: &C,
    to: &[Recipient],
    kind: MailKind,
    args: impl Fn(Lang) -> serde_json::Value,
) -> Result<(), QualityError> {
    for r in to {
        mail::queue(txn, std::slice::from_ref(r), kind, &args(lang_of(r))).await?;
    }
    Ok(())
}

pub(super) async fn mail_new<C: ConnectionTrait>(
    txn: &C,
    id: i64,
    m: &characteristic::Model,
    a: &Advice,
    th: &Thresholds,
    cal: &WorkCalendar,
) -> Result<(), QualityError> {
    let Some(org) = crate::registry::lookup::holder(txn, m.unit_id)
        .await?
        .and_then(|u| u.organisation_id)
    else {
        return Ok(());
    };
    let to = recipients::of_organisation(txn, org).await?;
    let due = answer_due(th, cal, a).map(|d| d.date.to_string());
    queue_each(txn, &to, QUALITY_ADVICE, |lang| {
        json!({
            "characteristic": m.code,
            "name": m.name,
            "trigger": trigger_text(lang, &a.trigger),
            "points": points_text(lang, &a.findings),
            "check": I18n::get().t(lang, &a.trigger.suggested_check_key()),
            "deadline": due,
            "path": format!("/quality/advice/{id}"),
        })
    })
    .await
}

/// The audit entry and the province's message of an escalation (`actor` when a batch caused
/// it, `None` for the job).
pub(super) async fn escalated_audit_and_mail<C: ConnectionTrait>(
    txn: &C,
    actor: Option<&Actor>,
    id: i64,
    m: &characteristic::Model,
    a: &Advice,
    reason: EscalationReason,
) -> Result<(), QualityError> {
    let change = match actor {
        Some(actor) => Change::by(actor, "quality.advice.escalate", "quality_advice", id),
        None => Change::system("job", "quality.advice.escalate", "quality_advice", id),
    };
    audit::record(
        txn,
        change.after(json!({"reason": reason.as_str(), "escalated_on": a.escalated.map(|e| e.0)})),
    )
    .await?;
    let unit = crate::registry::lookup::holder(txn, m.unit_id).await?;
    let to = recipients::secretariat(txn, &m.province_code).await?;
    queue_each(txn, &to, QUALITY_ADVICE_ESCALATED, |lang| {
        let name = unit
            .as_ref()
            .map(|u| u.names[lang_index(lang)].clone())
            .unwrap_or_default();
        json!({
            "unit": name,
            "characteristic": m.code,
            "name": m.name,
            "trigger": trigger_text(lang, &a.trigger),
            "reason": I18n::get().t(lang, &format!("quality-advice-reason-{}", reason.as_str())),
            "path": format!("/quality/advice/{id}"),
        })
    })
    .await
}

/// The index of a language in a three-name array (fa, vi, en), falling back as names do.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fa => 0,
        Lang::Vi => 1,
        Lang::En => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::advice::CapabilityIndex;
    use super::*;
    use tashil_spc::Rule;

    #[test]
    fn points_are_counted_from_one_in_the_readers_digits() {
        let f = [
            Points { first: 4, point: 4 },
            Points {
                first: 6,
                point: 11,
            },
        ];
        assert_eq!(points_text(Lang::En, &f), "5, 7–12");
        assert_eq!(points_text(Lang::Fa, &f[..1]), "۵");
    }

    #[test]
    fn every_trigger_has_its_words_and_its_check_in_every_language() {
        let i18n = I18n::get();
        let mut triggers: Vec<Trigger> = Rule::ALL
            .into_iter()
            .map(|rule| Trigger::Violation {
                chart: Chart::Primary,
                rule,
            })
            .collect();
        for index in [
            CapabilityIndex::Cp,
            CapabilityIndex::Cpk,
            CapabilityIndex::Pp,
            CapabilityIndex::Ppk,
        ] {
            triggers.push(Trigger::Capability {
                index,
                estimate: 0.9,
                target: 1.33,
            });
        }
        for lang in Lang::ALL {
            for t in &triggers {
                assert!(i18n.has(lang, &t.suggested_check_key()), "{lang:?} {t:?}");
                let words = trigger_text(lang, t);
                assert!(!words.contains("quality-"), "{lang:?} {words}");
            }
            for r in ["unanswered", "persisting"] {
                assert!(i18n.has(lang, &format!("quality-advice-reason-{r}")));
            }
        }
    }
}
