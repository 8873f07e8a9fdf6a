// Issue 19, in Persian: a Qazvin unit finds the labs whose accreditation covers the clauses it
// needs and sends one a test request; the lab accepts it, records the sample, enters the
// results (Persian digits, a Solar Hijri day); a second person at the lab releases the report
// (four eyes); the unit reads the verdict on its request's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
const PASS = 'منطبق';

/** The page, and again on a 390 px phone: nothing scrolls sideways but inside its own box. */
async function checkBoth(page, name) {
  await checkPage(page, FA);
  await shot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  assert.deepEqual(await page.evaluate(layoutProblems), [], `${page.url()} on a phone`);
  await shot(page, `${name}-390`);
  await page.setViewportSize(size);
}

/** Latin digits as a Persian keyboard types them, with the Persian decimal separator. */
function persian(s) {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace('.', '٫');
}

/** A moment on Tehran's clock, `hoursAgo` before now, as a datetime-local field takes it. */
function tehran(hoursAgo) {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  return at.toLocaleString('sv-SE', { timeZone: 'Asia/Tehran' }).replace(' ', 'T').slice(0, 16);
}

/** Today on Tehran's clock in the Solar Hijri calendar (`۱۴۰۵/۰۹/۱۶`). */
function solarToday() {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date());
  const get = (t) => parts.find((p) => p.type === t).value.replace(/\D/g, '');
  return persian(`${get('year')}/${get('month')}/${get('day')}`);
}

/** A value the clause admits: inside its limits, or its first allowed value. */
function passing(c) {
  if (c.allowed.length) return { category: c.allowed[0] };
  let v;
  if (c.min != null && c.max != null) v = (c.min + c.max) / 2;
  else if (c.min != null) v = c.min > 0 ? c.min * 1.1 : c.min + 1;
  else v = c.max > 0 ? c.max * 0.5 : c.max - 1;
  return { value: persian(Number(v.toPrecision(4))) };
}

/**
 * A standard the partner lab covers whole, with its clauses and that lab, from the public
 * directory: of Qazvin's labs, the one covering most.
 */
async function chooseStandard() {
  const labs = await (await fetch(`${server.base}/api/v1/labs?province=IR-26`)).json();
  const partner = labs.filter((l) => l.province === 'IR-26').sort((a, b) => b.entries.length - a.entries.length)[0];
  // Preferably a standard with measured clauses (a value and its unit), not only listed values.
  const ids = [...new Set(partner.entries.map((e) => e.standard_id))];
  const standards = await Promise.all(ids.map(async (id) => (await fetch(`${server.base}/api/v1/standards/${id}`)).json()));
  const standard = standards.find((s) => s.clauses.some((c) => !c.allowed.length)) || standards[0];
  const standardId = standard.id;
  const clauses = partner.entries.filter((e) => e.standard_id === standardId).map((e) => e.clause);
  return { standardId, clauses, lab: partner.lab_org_id, standard };
}

test('in Persian: a unit requests tests, the lab reports, a second person releases, the unit sees the verdict', async () => {
  const { standardId, clauses, lab, standard } = await chooseStandard();

  // The unit finds the labs covering the clauses and chooses one.
  const unit = await (await browser.newContext()).newPage();
  await login(unit, server.base, 'unit@demo.tashil.ir');
  await unit.goto(`${server.base}/test-requests/new`);
  await unit.fill('#standard_id', persian(standardId));
  await unit.fill('#clauses', clauses.join(', '));
  await Promise.all([unit.waitForNavigation(), unit.click('main form[method=get] button[type=submit]')]);
  await checkBoth(unit, 'conf-fa-01-offers');
  await unit.check(`#lab-${lab}`);
  await unit.selectOption('#purpose', 'own_unit');
  await unit.fill('#note', 'نمونهٔ بچ ۱۴۰۵-۱۰ در انبار واحد آماده است.');
  await Promise.all([unit.waitForNavigation(), unit.click('main form[method=post] button[type=submit]')]);
  const path = new URL(unit.url()).pathname;
  assert.match(path, /^\/test-requests\/\d+$/, await unit.content());
  await checkBoth(unit, 'conf-fa-02-sent');

  // The lab accepts, records the sample and enters the results.
  const first = await (await browser.newContext()).newPage();
  await login(first, server.base, 'lab@demo.tashil.ir');
  await first.goto(`${server.base}${path}`);
  await Promise.all([first.waitForNavigation(), first.click(`form[action="${path}/accept"] button`)]);
  assert.equal(await first.locator('.error-summary').count(), 0, 'accepted');
  await first.fill('#taken_by', 'کارشناس آزمایشگاه');
  await first.fill('#taken_where', 'انبار واحد، قزوین');
  await first.fill('#taken_at', tehran(3));
  await first.fill('#seal_numbers', 'QZ-4411');
  await first.fill('#quantity', '۲ کیسهٔ ۵ کیلوگرمی');
  await Promise.all([first.waitForNavigation(), first.click(`form[action="${path}/sample"] button`)]);
  assert.equal(await first.locator('.error-summary').count(), 0, 'the sample recorded');

  const form = first.locator('#results-form');
  const rows = form.locator('tbody tr');
  assert.equal(await rows.count(), clauses.length, 'a row a clause asked');
  for (let i = 0; i < clauses.length; i += 1) {
    const number = await rows.nth(i).locator('input[name=clause]').inputValue();
    const clause = standard.clauses.find((c) => c.number === number);
    const v = passing(clause);
    if (v.category) await first.selectOption(`#category-${i}`, v.category);
    else {
      assert.equal(await first.inputValue(`#unit-${i}`), clause.unit, 'the clause unit prefilled');
      await first.fill(`#value-${i}`, v.value);
    }
    await first.fill(`#method-${i}`, clause.test_method || 'INSO 393');
    await first.fill(`#measured_on-${i}`, solarToday());
  }
  await checkBoth(first, 'conf-fa-03-results');
  await Promise.all([first.waitForNavigation(), form.locator('button[type=submit]').click()]);
  assert.equal(await first.locator('.error-summary').count(), 0, await text(first, 'main'));
  assert.equal((await text(first, '#report-verdict')).trim(), PASS, 'a provisional pass');

  // Four eyes: the one who entered the results cannot release them; a second person does.
  await Promise.all([first.waitForNavigation(), first.click('#release-form button')]);
  assert.match(await text(first, '#report-error'), /نفر دومی/);
  const second = await (await browser.newContext()).newPage();
  await login(second, server.base, 'lab2@demo.tashil.ir');
  await second.goto(`${server.base}${path}`);
  await Promise.all([second.waitForNavigation(), second.click('#release-form button')]);
  assert.equal(await second.locator('.error-summary').count(), 0, 'released');
  assert.equal(await second.locator('#results-form').count(), 0, 'released: no more edits');
  assert.equal(await second.locator('#revise-form').count(), 1, 'only a new revision');

  // The unit reads the verdict on its request's page.
  await unit.goto(`${server.base}${path}`);
  assert.equal((await text(unit, '#report-verdict')).trim(), PASS);
  assert.equal(await unit.locator('#results tbody tr').count(), clauses.length);
  assert.equal(await unit.locator('#results-form').count(), 0, 'the unit enters no results');
  await checkBoth(unit, 'conf-fa-04-verdict');

  // The licence step (the unit's application citing this released report) is the lead's to
  // add here: this journey ends at the unit seeing the verdict.
});
