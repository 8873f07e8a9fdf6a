//! Demo data of conformity assessment: accredited labs in Qazvin and Ninh Bình with scopes
//! over the demo standards' measurable clauses (one lab covering only part, one suspended),
//! and a few test requests at each stage, made through the context's own use cases: one with
//! its report released by a second person at the lab, and corrected by a second revision.
//! For the figures (`/labs/figures`): three more Qazvin units and two people of the Qazvin
//! reference lab, and reports released over the past weeks by both Qazvin labs, some past
//! their quote and some failing a clause (`figures`).

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::people::actor_by_email;
use super::standards::Tested;
use crate::access::OrganisationKind;
use crate::conformity::{
    self, AccreditationDraft, DeclineDraft, ResultDraft, ScopeEntryDraft, TestRequestDraft,
};
use crate::identity::{self, NewOrganisation};

/// (key, names fa/en/vi, province): the labs made here; the Qazvin partner lab of
/// `people.json` is accredited too.
const LABS: &[([&str; 3], &str)] = &[
    (
        [
            "آزمایشگاه مرجع مصالح ساختمانی قزوین",
            "Qazvin building materials reference laboratory",
            "Phòng thử nghiệm chuẩn vật liệu xây dựng Qazvin",
        ],
        "IR-26",
    ),
    (
        [
            "آزمایشگاه مواد غذایی البرز",
            "Alborz food testing laboratory",
            "Phòng thử nghiệm thực phẩm Alborz",
        ],
        "IR-30",
    ),
    (
        [
            "مرکز فنی استاندارد، سنجش و کیفیت نین‌بین",
            "Ninh Bình Technical Centre for Standards, Metrology and Quality",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Ninh Bình",
        ],
        "VN-NBI",
    ),
];

fn err(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

pub async fn create(db: &DatabaseConnection, tested: &[Tested]) -> anyhow::Result<()> {
    let now = Utc::now();
    // Standards with measured clauses first, so that the demo's results show values, units and
    // uncertainties, not only listed values.
    let mut tested: Vec<&Tested> = tested.iter().collect();
    tested.sort_by_key(|t| !t.measured);
    let (Some(admin), Some(partner)) = (
        actor_by_email(db, "admin@demo.tashil.ir").await?,
        actor_by_email(db, "lab@demo.tashil.ir").await?,
    ) else {
        return Ok(());
    };
    let mut labs = vec![(partner.organisation_id(), "IR-26")];
    for (names, province) in LABS {
        let id = identity::create_organisation(
            db,
            "demo",
            NewOrganisation {
                kind: OrganisationKind::Lab,
                name_fa: names[0],
                name_en: names[1],
                name_vi: names[2],
                province_code: Some(province),
                country: &province[..2],
            },
        )
        .await?;
        labs.push((id, province));
    }
    let year = now.date_naive().format("%Y").to_string();
    // From the year before, so that the figures' reports of the past weeks fall within it.
    let since = year.parse::<i32>().unwrap_or(2026) - 1;
    let until = format!("{}-12-31", year.parse::<i32>().unwrap_or(2026) + 2);
    for (n, (lab, province)) in labs.iter().enumerate() {
        let country = &province[..2];
        // The Alborz lab's accreditation is suspended: it is listed nowhere until reinstated.
        let status = if *province == "IR-30" {
            "suspended"
        } else {
            "active"
        };
        let body = if country == "VN" { "BoA" } else { "NACI" };
        let acc = conformity::accredit(
            db,
            &admin,
            &AccreditationDraft {
                lab_org_id: lab.to_string(),
                accreditation_body: body.into(),
                certificate_number: format!("{body}-L-{:04}", 101 + n),
                valid_from: format!("{since}-01-01"),
                valid_until: until.clone(),
                status: status.into(),
            },
            now,
        )
        .await
        .map_err(err)?;
        // Each lab covers the first standards of its country: the partner lab every clause, the
        // reference lab only the first clause of each (so a request is split between them).
        for (k, t) in tested
            .iter()
            .filter(|t| t.country == country)
            .take(4)
            .enumerate()
        {
            let clauses: &[String] = if n == 1 { &t.clauses[..1] } else { &t.clauses };
            for c in clauses {
                conformity::add_scope_entry(
                    db,
                    &admin,
                    acc.id,
                    &ScopeEntryDraft {
                        standard_id: t.id.to_string(),
                        clause: c.clone(),
                        test_method: String::new(),
                        turnaround_days: (5 + 2 * k + n).to_string(),
                    },
                    now,
                )
                .await
                .map_err(err)?;
            }
        }
    }
    requests(db, &tested, labs[0].0).await?;
    reported(db, &tested, labs[0].0).await?;
    figures(db, &tested, labs[0].0, labs[1].0).await?;
    instruments(db).await
}

/// A value clause `c` refuses: past its maximum, short of its minimum, or a category it does
/// not allow.
fn failing(c: &crate::standards::ClauseView) -> ResultDraft {
    let mut r = passing(c);
    let value = match (c.min, c.max) {
        (_, Some(hi)) => Some(if hi > 0.0 { hi * 2.0 } else { hi + 10.0 }),
        (Some(lo), None) => Some(if lo > 0.0 { lo * 0.5 } else { lo - 10.0 }),
        (None, None) => None,
    };
    match value {
        Some(v) => r.value = tashil_reference::uom::round_significant(v, 4).to_string(),
        None => r.category = "نامنطبق".into(),
    }
    r
}

/// (requester: 0 the demo unit, 1–3 the units made here; lab: 0 partner, 1 reference;
/// standard: the n-th Iranian one; days from acceptance to release; whether its first clause
/// fails; days ago it was sent).
const FIGURES: &[(usize, usize, usize, i64, bool, i64)] = &[
    (1, 0, 0, 4, false, 60),
    (2, 0, 0, 9, true, 55),
    (3, 0, 0, 6, false, 50),
    (0, 0, 0, 12, true, 45),
    (1, 0, 1, 3, false, 40),
    (1, 1, 0, 5, false, 38),
    (2, 1, 0, 10, true, 35),
    (3, 1, 0, 2, false, 30),
    (2, 0, 0, 5, false, 25),
];

/// The units and lab people the figures' requests need, made once: three production units
/// of Qazvin with a user each, and two users of the Qazvin reference lab (four eyes).
async fn figures_people(
    db: &DatabaseConnection,
    reference_lab: i64,
) -> anyhow::Result<Vec<crate::access::Actor>> {
    use crate::access::Role;
    let hash = tokio::task::spawn_blocking(|| identity::hash_password(super::DEMO_PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!(e))?;
    const UNITS: &[[&str; 3]] = &[
        [
            "شرکت سیمان آبیک",
            "Abyek Cement Company",
            "Công ty Xi măng Abyek",
        ],
        [
            "کارخانهٔ بتن آمادهٔ البرز قزوین",
            "Alborz Qazvin ready-mix concrete plant",
            "Nhà máy bê tông trộn sẵn Alborz Qazvin",
        ],
        [
            "شرکت مصالح ساختمانی تاکستان",
            "Takestan Building Materials Company",
            "Công ty Vật liệu Xây dựng Takestan",
        ],
    ];
    let mut made = vec![];
    let mut people: Vec<(String, Role, i64)> = vec![];
    for (i, names) in UNITS.iter().enumerate() {
        let org = identity::create_organisation(
            db,
            "demo",
            NewOrganisation {
                kind: OrganisationKind::ProductionUnit,
                name_fa: names[0],
                name_en: names[1],
                name_vi: names[2],
                province_code: Some("IR-26"),
                country: "IR",
            },
        )
        .await?;
        people.push((format!("unit{}@demo.tashil.ir", i + 2), Role::UnitUser, org));
    }
    for n in 1..=2 {
        people.push((
            format!("reflab{n}@demo.tashil.ir"),
            Role::LabUser,
            reference_lab,
        ));
    }
    for (email, role, org) in &people {
        identity::create_user(
            db,
            "demo",
            identity::NewUser {
                email,
                display_name: email,
                password_hash: hash.clone(),
                role: *role,
                organisation_id: *org,
                province_code: Some("IR-26"),
                lang: "fa",
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(a) = actor_by_email(db, email).await? {
            made.push(a);
        }
    }
    Ok(made)
}

/// Reports released over the past two months by the partner and the reference lab in
/// Qazvin, from four units (`FIGURES`): some past their quote, some failing a clause, so
/// that `/labs/figures` has something to say publicly (every cell shown holds at least
/// three organisations) and more for the national body.
async fn figures(
    db: &DatabaseConnection,
    tested: &[&Tested],
    partner_lab: i64,
    reference_lab: i64,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let (Some(unit), Some(first), Some(second)) = (
        actor_by_email(db, "unit@demo.tashil.ir").await?,
        actor_by_email(db, "lab@demo.tashil.ir").await?,
        actor_by_email(db, "lab2@demo.tashil.ir").await?,
    ) else {
        return Ok(());
    };
    let iranian: Vec<&&Tested> = tested.iter().filter(|t| t.country == "IR").collect();
    if iranian.len() < 2 {
        return Ok(());
    }
    let made = figures_people(db, reference_lab).await?;
    let [u2, u3, u4, ref1, ref2] = made.as_slice() else {
        return Ok(());
    };
    let requesters = [&unit, u2, u3, u4];
    let labs = [(partner_lab, &first, &second), (reference_lab, ref1, ref2)];
    for &(who, lab, standard, days, fails, ago) in FIGURES {
        let t = iranian[standard];
        let (lab_id, enters, releases) = labs[lab];
        // The reference lab covers only each standard's first clause.
        let clauses: Vec<String> = if lab == 1 {
            t.clauses[..1].to_vec()
        } else {
            t.clauses.clone()
        };
        let sent_at = now - chrono::Duration::days(ago);
        let accepted_at = sent_at + chrono::Duration::hours(3);
        let released_at = accepted_at + chrono::Duration::days(days);
        let r = conformity::send(
            db,
            requesters[who],
            &TestRequestDraft {
                standard_id: t.id.to_string(),
                clauses: clauses.clone(),
                lab_org_id: lab_id.to_string(),
                note: "نمونهٔ دوره‌ای برای آمار.".into(),
                ..Default::default()
            },
            sent_at,
        )
        .await
        .map_err(err)?;
        conformity::accept(db, enters, r.id, accepted_at)
            .await
            .map_err(err)?;
        let standard = crate::standards::get(db, Some(enters), t.id, accepted_at)
            .await
            .map_err(err)?;
        let rows: Vec<ResultDraft> = standard
            .clauses
            .iter()
            .filter(|c| clauses.contains(&c.number))
            .enumerate()
            .map(|(i, c)| {
                if fails && i == 0 {
                    failing(c)
                } else {
                    passing(c)
                }
            })
            .collect();
        conformity::enter_results(db, enters, Some(r.id), &rows, released_at)
            .await
            .map_err(err)?;
        conformity::release(db, releases, r.id, released_at)
            .await
            .map_err(err)?;
    }
    Ok(())
}

/// The partner lab's instruments: one in calibration for the year, one due within the month
/// (on its home page and the instruments' list).
async fn instruments(db: &DatabaseConnection) -> anyhow::Result<()> {
    let now = Utc::now();
    let Some(partner) = actor_by_email(db, "lab@demo.tashil.ir").await? else {
        return Ok(());
    };
    let today = now.date_naive();
    let day = |d: i64| (today + chrono::Duration::days(d)).to_string();
    for (code, name, serial, on, due) in [
        ("CTM-01", "دستگاه آزمون مقاومت فشاری", "CT-2291", -345, 20),
        (
            "BAL-02",
            "ترازوی آزمایشگاهی ۰٫۱ میلی‌گرم",
            "XS205-77",
            -30,
            335,
        ),
    ] {
        let i = conformity::register_instrument(
            db,
            &partner,
            &conformity::InstrumentDraft {
                code: code.into(),
                name: name.into(),
                serial_number: serial.into(),
            },
            now,
        )
        .await
        .map_err(err)?;
        conformity::record_calibration(
            db,
            &partner,
            i.id,
            &conformity::CalibrationDraft {
                calibrated_by: "مرکز کالیبراسیون سازمان ملی استاندارد".into(),
                certificate_number: format!("CAL-{serial}"),
                calibrated_on: day(on),
                due_on: day(due),
            },
            now,
        )
        .await
        .map_err(err)?;
    }
    Ok(())
}

/// The demo unit's requests to the partner lab: one waiting, one accepted, one declined.
async fn requests(db: &DatabaseConnection, tested: &[&Tested], lab: i64) -> anyhow::Result<()> {
    let now = Utc::now();
    let (Some(unit), Some(partner)) = (
        actor_by_email(db, "unit@demo.tashil.ir").await?,
        actor_by_email(db, "lab@demo.tashil.ir").await?,
    ) else {
        return Ok(());
    };
    let notes = [
        "نمونهٔ بچ ۱۴۰۵-۰۹ در انبار واحد آماده است.",
        "برای آزمون نوع درخواست پروانه.",
        "نمونهٔ دوم همان بچ.",
    ];
    for (i, t) in tested
        .iter()
        .filter(|t| t.country == "IR")
        .take(3)
        .enumerate()
    {
        let r = conformity::send(
            db,
            &unit,
            &TestRequestDraft {
                standard_id: t.id.to_string(),
                clauses: t.clauses.clone(),
                lab_org_id: lab.to_string(),
                note: notes[i].into(),
                ..Default::default()
            },
            now,
        )
        .await
        .map_err(err)?;
        match i {
            1 => {
                conformity::accept(db, &partner, r.id, now)
                    .await
                    .map_err(err)?;
            }
            2 => {
                let why = DeclineDraft {
                    reason: "ظرفیت این آزمون تا پایان ماه پر است؛ لطفاً به آزمایشگاه دیگری بفرستید."
                        .into(),
                };
                conformity::decline(db, &partner, r.id, &why, now)
                    .await
                    .map_err(err)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// A value each clause of the demo catalogue admits: one of its allowed values, or a value
/// inside its limits, in its unit.
fn passing(c: &crate::standards::ClauseView) -> ResultDraft {
    let value = match (c.min, c.max) {
        (Some(lo), Some(hi)) => Some((lo + hi) / 2.0),
        (Some(lo), None) => Some(if lo > 0.0 { lo * 1.1 } else { lo + 1.0 }),
        (None, Some(hi)) => Some(if hi > 0.0 { hi * 0.5 } else { hi - 1.0 }),
        (None, None) => None,
    };
    ResultDraft {
        clause: c.number.clone(),
        value: value
            .map(|v| tashil_reference::uom::round_significant(v, 4).to_string())
            .unwrap_or_default(),
        unit: if value.is_some() {
            c.unit.clone()
        } else {
            String::new()
        },
        category: match (value, c.allowed.first()) {
            (None, Some(a)) => a.clone(),
            _ => String::new(),
        },
        method: c.test_method.clone(),
        ..Default::default()
    }
}

/// The demo unit's request whose report the partner lab released: results entered by one
/// of its users, released by the other (four eyes), then corrected by a second revision that
/// cites the right method and released again.
async fn reported(db: &DatabaseConnection, tested: &[&Tested], lab: i64) -> anyhow::Result<()> {
    let now = Utc::now();
    let (Some(unit), Some(first), Some(second)) = (
        actor_by_email(db, "unit@demo.tashil.ir").await?,
        actor_by_email(db, "lab@demo.tashil.ir").await?,
        actor_by_email(db, "lab2@demo.tashil.ir").await?,
    ) else {
        return Ok(());
    };
    let Some(t) = tested.iter().filter(|t| t.country == "IR").nth(3) else {
        return Ok(());
    };
    let r = conformity::send(
        db,
        &unit,
        &TestRequestDraft {
            standard_id: t.id.to_string(),
            clauses: t.clauses.clone(),
            lab_org_id: lab.to_string(),
            note: "نمونهٔ بچ ۱۴۰۵-۰۸ برای پروندهٔ پروانه.".into(),
            ..Default::default()
        },
        now,
    )
    .await
    .map_err(err)?;
    conformity::accept(db, &first, r.id, now)
        .await
        .map_err(err)?;
    let standard = crate::standards::get(db, Some(&first), t.id, now)
        .await
        .map_err(err)?;
    let mut rows: Vec<ResultDraft> = standard
        .clauses
        .iter()
        .filter(|c| t.clauses.contains(&c.number))
        .map(passing)
        .collect();
    // Revision 1 cites no method for its first clause; revision 2 corrects that.
    if let Some(row) = rows.first_mut() {
        row.method = String::new();
    }
    conformity::enter_results(db, &first, Some(r.id), &rows, now)
        .await
        .map_err(err)?;
    conformity::release(db, &second, r.id, now)
        .await
        .map_err(err)?;
    conformity::revise(
        db,
        &first,
        r.id,
        1,
        "روش آزمون بند نخست در ویرایش ۱ ذکر نشده بود.",
        now,
    )
    .await
    .map_err(err)?;
    rows.truncate(1);
    if let (Some(row), Some(c)) = (rows.first_mut(), standard.clauses.first()) {
        row.method = if c.test_method.is_empty() {
            "INSO 393".into()
        } else {
            c.test_method.clone()
        };
    }
    conformity::enter_results(db, &first, Some(r.id), &rows, now)
        .await
        .map_err(err)?;
    conformity::release(db, &second, r.id, now)
        .await
        .map_err(err)?;
    Ok(())
}
