// Issue 20, in Persian: the tile works' QC manager defines a characteristic from a catalogue
// clause (its unit and specification limits come from the clause), uploads a month of
// subgroups as a CSV file (some cells in Persian digits), sets the control limits from the
// first ten days, and opens the characteristic's page: the chart shows the point out of
// control, named by its rule, on a wide screen and on a 390 px phone. The provincial officer
// opens the same characteristic and reads it without any form to change it. The next subgroups
// bring one more point out of control: an advice to the unit, which answers it (cause and
// action); the office does not see it, as it has not escalated. The office then reads the
// unit's compliance summary month by month.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
// Its own code on every run (a server kept running between runs has the earlier ones).
const CODE = `tile-size-${Date.now().toString(36)}`;
// Rule 1 of the Western Electric / Nelson rules, as the fa messages name it.
const BEYOND = 'بیرون از حدود کنترل (قاعدهٔ ۱)';
const DAYS = 30; const PER_DAY = 4; const BASELINE_DAYS = 10;
// The subgroup pushed out of control: five days ago.
const SHIFTED = (DAYS - 5) * PER_DAY;

/** The page, and again on a 390 px phone: nothing scrolls sideways but inside its own box. */
async function checkBoth(page, name) {
  await checkPage(page, FA);
  await shot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  assert.deepEqual(await page.evaluate(layoutProblems), [], `${page.url()} on a phone`);
  await checkPage(page, FA);
  await shot(page, `${name}-390`);
  await page.setViewportSize(size);
}

/** Latin digits as a Persian keyboard types them, with the Persian decimal separator. */
function persian(s) {
  return digits(s).replace('.', '٫');
}

/** Latin digits as the pages show them in Persian (a clause's `۵.۱.۳`). */
function digits(s) {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** An instant on Tehran's clock as a local date and time (`2026-12-07T10:30`). */
function tehranAt(ms) {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Tehran' }).replace(' ', 'T').slice(0, 16);
}

/** A seeded generator: the same month of measurements on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

/**
 * A month of subgroups of five tiles, four a day ending a few hours ago, around `centre` with
 * spread `sd`; one subgroup, five days ago, shifted far out. Returns the CSV text and the
 * instants (Tehran local) of the first subgroup and the last of the baseline.
 */
function monthCsv(centre, sd) {
  const next = rng(1405);
  const normal = () => Array.from({ length: 12 }, next).reduce((a, b) => a + b, 0) - 6;
  const hour = 3_600_000;
  const start = Math.floor((Date.now() - DAYS * 24 * hour) / (6 * hour)) * 6 * hour;
  const lines = ['characteristic,measured_at,values'];
  for (let i = 0; i < DAYS * PER_DAY; i += 1) {
    const shift = i === SHIFTED ? 8 * sd : 0;
    const values = Array.from({ length: 5 }, () => (centre + shift + normal() * sd).toFixed(3));
    let at = tehranAt(start + i * 6 * hour);
    let cell = values.join(' ');
    // Some rows as typed on a Persian keyboard: the date and the values in Persian digits.
    if (i % 7 === 3) { at = persian(at); cell = values.map(persian).join(' '); }
    lines.push(`${CODE},${at},${cell}`);
  }
  return {
    csv: `${lines.join('\n')}\n`,
    from: tehranAt(start),
    to: tehranAt(start + (BASELINE_DAYS * PER_DAY - 1) * 6 * hour),
    last: start + (DAYS * PER_DAY - 1) * 6 * hour,
  };
}

/**
 * The next three subgroups, an hour apart after `last` (still in the past: the month ends six
 * hours or more ago); the second shifted far out, so the monitor flags it as it arrives.
 */
function nextCsv(centre, sd, last) {
  const lines = ['characteristic,measured_at,values'];
  for (let k = 1; k <= 3; k += 1) {
    const shift = k === 2 ? 8 * sd : 0;
    const values = [0.3, -0.2, 0.1, -0.4, 0.2].map((d) => (centre + shift + d * sd).toFixed(3));
    lines.push(`${CODE},${tehranAt(last + k * 3_600_000)},${values.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A clause of the catalogue with both a lower and an upper limit, from a tile standard: the
 * public API's search and a standard's clauses.
 */
async function chooseClause() {
  const found = await (await fetch(`${server.base}/api/v1/standards?q=${encodeURIComponent('کاشی')}`)).json();
  for (const hit of found.hits) {
    const s = await (await fetch(`${server.base}/api/v1/standards/${hit.id}`)).json();
    const c = s.clauses.find((x) => x.min != null && x.max != null && x.unit);
    if (c) return { standard: s, clause: c };
  }
  return assert.fail('no tile standard with a clause bounded on both sides');
}

test('in Persian: the QC manager defines a characteristic from a clause, uploads a month, sets the limits and sees the point out of control; the officer reads it', async () => {
  const { standard, clause } = await chooseClause();

  const unit = await (await browser.newContext()).newPage();
  await login(unit, server.base, 'unit@demo.tashil.ir');
  await unit.goto(`${server.base}/quality`);
  assert.equal(await unit.locator('main a[href="/quality/new"]').count(), 1, 'the manager may add one');
  await checkBoth(unit, 'qa-fa-01-list');

  // The characteristic, from the clause: no unit or specification limits typed.
  await unit.click('main a[href="/quality/new"]');
  await checkBoth(unit, 'qa-fa-02-new');
  await unit.fill('#code', CODE);
  await unit.fill('#product_line', 'کاشی کف پرسلانی ۶۰×۶۰');
  await unit.fill('#name', 'انحراف ابعاد از اندازهٔ اسمی');
  await unit.selectOption('#chart_kind', 'xbar_r');
  await unit.fill('#subgroup_size', '۵');
  await unit.selectOption('#frequency', 'per_shift');
  await unit.fill('#standard_id', persian(standard.id));
  await unit.fill('#clause', clause.number);
  await Promise.all([unit.waitForNavigation(), unit.click('main form button[type=submit]')]);
  const path = new URL(unit.url()).pathname;
  assert.match(path, /^\/quality\/\d+$/, await text(unit, 'main'));
  const facts = await text(unit, 'main dl.facts');
  assert.ok(facts.includes(clause.unit), `the clause's unit: ${facts}`);
  assert.ok(facts.includes(digits(clause.number)), `the clause cited: ${facts}`);
  assert.equal(await unit.locator(`main a[href="/standards/${standard.id}"]`).count(), 1, 'a link to the standard');
  assert.match(await text(unit, '#limits-h + p'), /./, 'no control limits yet');

  // A month of subgroups, as a CSV file.
  const spread = (clause.max - clause.min) / 12;
  const { csv, from, to, last } = monthCsv((clause.min + clause.max) / 2, spread);
  const file = join(tmpdir(), `quality-${Date.now()}.csv`);
  writeFileSync(file, csv);
  await unit.goto(`${server.base}/quality/upload`);
  await checkBoth(unit, 'qa-fa-03-upload');
  await unit.setInputFiles('#file', file);
  await Promise.all([unit.waitForNavigation(), unit.click('main form button[type=submit]')]);
  assert.equal(await unit.locator('#import-errors').count(), 0, await text(unit, 'main'));
  assert.ok((await text(unit, 'main .success')).includes(`${digits(DAYS * PER_DAY)} زیرگروه ذخیره شد`), await text(unit, 'main .success'));
  await checkBoth(unit, 'qa-fa-04-uploaded');

  // The same file again stores nothing twice.
  await unit.goto(`${server.base}/quality/upload`);
  await unit.setInputFiles('#file', file);
  await Promise.all([unit.waitForNavigation(), unit.click('main form button[type=submit]')]);
  assert.equal(await unit.locator('#import-errors').count(), 0, await text(unit, 'main'));
  await unit.goto(`${server.base}${path}`);
  assert.ok((await text(unit, 'main dl.facts')).includes(digits(DAYS * PER_DAY)), 'a month of subgroups, once');

  // The control limits from the first ten days.
  await unit.fill('#from', from);
  await unit.fill('#to', to);
  await Promise.all([unit.waitForNavigation(), unit.click(`form[action="${path}/limits"] button[type=submit]`)]);
  assert.equal(await unit.locator('.error-summary').count(), 0, await text(unit, 'main'));
  await unit.goto(`${server.base}${path}`);
  assert.ok((await text(unit, '#limits-h + dl')).includes(digits(BASELINE_DAYS * PER_DAY)), 'the baseline counted');

  // The point out of control, named by its rule.
  await assertFlagged(unit);
  await checkBoth(unit, 'qa-fa-05-chart');

  // The next subgroups, one far out: an advice to the unit, before anyone else sees it.
  const next = join(tmpdir(), `quality-next-${Date.now()}.csv`);
  writeFileSync(next, nextCsv((clause.min + clause.max) / 2, spread, last));
  await unit.goto(`${server.base}/quality/upload`);
  await unit.setInputFiles('#file', next);
  await Promise.all([unit.waitForNavigation(), unit.click('main form button[type=submit]')]);
  assert.equal(await unit.locator('#import-errors').count(), 0, await text(unit, 'main'));
  await unit.goto(`${server.base}${path}`);
  const advice = unit.locator('section:has(#advice-h) a[href^="/quality/advice/"]');
  assert.ok(await advice.count() >= 1, `an open advice on the characteristic: ${await text(unit, 'main')}`);
  await Promise.all([unit.waitForNavigation(), advice.first().click()]);
  const advicePath = new URL(unit.url()).pathname;
  assert.match(advicePath, /^\/quality\/advice\/\d+$/);
  // Said in advance: answer by a day, or it goes to the provincial office on the next one.
  assert.ok((await text(unit, 'section:has(#outlook-h)')).length > 0, 'the outlook');
  assert.ok((await text(unit, 'section:has(#check-h)')).length > 0, 'a suggested check');
  await checkBoth(unit, 'qa-fa-07-advice');

  // The unit answers: the cause and the action.
  await unit.fill('#cause', 'تیغهٔ برش پرس شمارهٔ ۲ ساییده شده بود.');
  await unit.fill('#action', 'تیغه عوض شد و ابعاد ۲۰ کاشی بعدی دوباره اندازه‌گیری شد.');
  await Promise.all([unit.waitForNavigation(), unit.click('form[action$="/answer"] button[type=submit]')]);
  assert.equal(await unit.locator('.error-summary').count(), 0, await text(unit, 'main'));
  await unit.goto(`${server.base}${advicePath}`);
  assert.ok((await text(unit, 'section:has(#answer-h)')).includes('تیغه عوض شد'), await text(unit, 'main'));
  assert.equal(await unit.locator('form[action$="/answer"]').count(), 0, 'answered once');
  await checkBoth(unit, 'qa-fa-08-answered');

  // The officer of the province reads the same characteristic, with nothing to change.
  const officer = await (await browser.newContext()).newPage();
  await login(officer, server.base, 'qazvin@demo.tashil.ir');
  await officer.goto(`${server.base}/quality`);
  assert.equal(await officer.locator(`main a[href="${path}"]`).count(), 1, 'the officer lists it');
  assert.equal(await officer.locator('main a[href="/quality/new"]').count(), 0);
  await officer.click(`main a[href="${path}"]`);
  assert.equal(new URL(officer.url()).pathname, path);
  await assertFlagged(officer);
  assert.equal(await officer.locator('main form').count(), 0, 'read-only: no form');
  assert.equal(await officer.locator(`main a[href="${path}/edit"]`).count(), 0, 'read-only: no edit link');
  await checkBoth(officer, 'qa-fa-06-officer');
  // The advice is the unit's until it escalates: the office does not see it yet.
  assert.equal(await officer.locator('section:has(#advice-h)').count(), 0, 'no advice shown to the office');
  assert.equal((await officer.goto(`${server.base}${advicePath}`)).status(), 404, 'the advice is not the office\'s yet');
  // The summary month by month that replaces the monthly paper report: the unit's own row,
  // and the page behind it naming the characteristic; the office reads the same page.
  await unit.goto(`${server.base}/quality/compliance`);
  const hrefs = await unit.locator('main tbody a[href^="/quality/compliance/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let summary = null;
  for (const href of hrefs) {
    await unit.goto(`${server.base}${href}`);
    if ((await text(unit, 'main')).includes(CODE)) { summary = href; break; }
  }
  assert.ok(summary, `the unit's summary names ${CODE}: ${hrefs.join(' ')}`);
  await checkBoth(unit, 'qa-fa-09-summary-unit');
  await officer.goto(`${server.base}/quality/compliance`);
  assert.ok((await text(officer, 'main h1')).length > 0);
  await checkBoth(officer, 'qa-fa-10-compliance');
  await officer.goto(`${server.base}${summary}`);
  assert.ok((await text(officer, 'main')).includes(CODE), await text(officer, 'main'));
  assert.ok((await text(officer, 'main')).includes('٪'), 'shares in Persian');
  await checkBoth(officer, 'qa-fa-11-summary-officer');

  // Its pages to change the characteristic are refused to the officer.
  for (const p of [`${path}/edit`, '/quality/new', '/quality/upload']) {
    const res = await officer.goto(`${server.base}${p}`);
    assert.ok([403, 404].includes(res.status()), `${p}: ${res.status()}`);
  }
});

/**
 * The chart and the violations: a flagged point in the drawn chart (focusable, its title naming
 * the rule) once the chart is drawn, and the rule in the violations table in any case.
 */
async function assertFlagged(page) {
  const violations = page.locator('section:has(#viol-h) tbody tr', { hasText: BEYOND });
  assert.ok(await violations.count() >= 1, await text(page, 'main'));
  const svg = page.locator('#chart svg');
  if (await svg.count()) {
    const titles = await page.locator('#chart svg [tabindex="0"] > title')
      .evaluateAll((ts) => ts.map((t) => t.textContent));
    assert.ok(titles.some((t) => t.includes(BEYOND)), `a focusable point titled by its rule: ${titles.slice(0, 5).join(' | ')}`);
  }
}
