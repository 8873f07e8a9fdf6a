// Issue 19, in Persian: the demo unit's application for the standard-mark licence on a lab's
// report waits at its test step, which the office cannot pass without a released report; the
// unit finds the labs whose accreditation covers the clauses it needs and sends one a test
// request for that application; the lab accepts it, records the sample, corrects the sample's
// condition and storage (the prior values kept in a history), enters the results (Persian
// digits, a Solar Hijri day); a second person at the lab releases the report (four eyes), after
// which the sample's record stands; the unit reads the verdict on its request's page, and the
// office now passes the application's test step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
const PASS = 'منطبق';
// The demo's permit type whose test step waits for a lab's report (`needs_lab_report`).
const LAB_PERMIT = 'پروانهٔ کاربرد علامت استاندارد با گزارش آزمایشگاه همکار';
const TEST_STEP = 'نمونه‌برداری و آزمون';
const MISSING = /هنوز گزارشی منتشر نشده است/;

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

/** The unit's application waiting at the lab-report step, found on its list by its licence's name. */
async function labApplication(unit) {
  await unit.goto(`${server.base}/applications?status=in_progress`);
  const links = await unit.locator('main table a[href^="/applications/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of links) {
    await unit.goto(`${server.base}${href}`);
    if ((await text(unit, 'h1')).includes(LAB_PERMIT)) return href;
  }
  return assert.fail(`no application for «${LAB_PERMIT}» among ${links.join(' ')}`);
}

/** The office's pass of the application's current step: the page it comes back to. */
async function passStep(office, appPath) {
  await office.goto(`${server.base}${appPath}`);
  assert.match(await text(office, 'ol.steps li[aria-current=step]'), new RegExp(TEST_STEP), 'at the test step');
  const form = office.locator('main form:has(input[name=move][value=pass])');
  await Promise.all([office.waitForNavigation(), form.locator('button[type=submit]').click()]);
}

test('in Persian: a unit requests tests for its application, the lab reports, a second person releases, the unit sees the verdict, the licence step passes', async () => {
  const { standardId, clauses, lab, standard } = await chooseStandard();

  const unit = await (await browser.newContext()).newPage();
  await login(unit, server.base, 'unit@demo.tashil.ir');
  const appPath = await labApplication(unit);
  const applicationId = appPath.split('/')[2];

  // The office cannot pass the test step while no lab has released a report for it.
  const office = await (await browser.newContext()).newPage();
  await login(office, server.base, 'qazvin@demo.tashil.ir');
  await passStep(office, appPath);
  assert.match(await text(office, '.error-summary'), MISSING, 'blocked: no report yet');
  await checkBoth(office, 'conf-fa-00-step-blocked');

  // The unit finds the labs covering the clauses and chooses one, for its application.
  await unit.goto(`${server.base}/test-requests/new`);
  await unit.fill('#standard_id', persian(standardId));
  await unit.fill('#clauses', clauses.join(', '));
  await Promise.all([unit.waitForNavigation(), unit.click('main form[method=get] button[type=submit]')]);
  await checkBoth(unit, 'conf-fa-01-offers');
  await unit.check(`#lab-${lab}`);
  await unit.selectOption('#purpose', 'application');
  await unit.fill('#application_id', persian(applicationId));
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
  await first.fill('#condition_on_receipt', 'سالم، پلمب دست‌نخورده');
  await first.fill('#storage', 'قفسهٔ ب۲');
  await Promise.all([first.waitForNavigation(), first.click(`form[action="${path}/sample"] button`)]);
  assert.equal(await first.locator('.error-summary').count(), 0, 'the sample recorded');

  // The lab corrects the condition it recorded on receipt and where it keeps the sample: the
  // values it replaces stay in the history.
  assert.equal(await first.inputValue('#amend-storage'), 'قفسهٔ ب۲', 'prefilled');
  await first.fill('#amend-condition', 'یک کیسه از گوشه پاره، پلمب دست‌نخورده');
  await first.fill('#amend-storage', 'یخچال ۲، دمای ۴ درجه');
  await first.fill('#amend-reason', 'پارگی کیسه هنگام دریافت دیده نشده بود.');
  await Promise.all([first.waitForNavigation(), first.click('#amend-form button[type=submit]')]);
  assert.equal(await first.locator('.error-summary').count(), 0, 'amended');
  const history = await text(first, '#sample-amendments');
  for (const kept of ['سالم، پلمب دست‌نخورده', 'قفسهٔ ب۲', 'یخچال ۲، دمای ۴ درجه', 'پارگی کیسه']) {
    assert.ok(history.includes(kept), `the history keeps «${kept}»: ${history}`);
  }
  await checkBoth(first, 'conf-fa-02b-sample-amended');

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
  assert.equal(await second.locator('#amend-form').count(), 0, 'released: the sample stands as reported');

  // The unit reads the verdict on its request's page.
  await unit.goto(`${server.base}${path}`);
  assert.equal((await text(unit, '#report-verdict')).trim(), PASS);
  assert.equal(await unit.locator('#results tbody tr').count(), clauses.length);
  assert.equal(await unit.locator('#results-form').count(), 0, 'the unit enters no results');
  assert.equal(await unit.locator('#sample-amendments tbody tr').count(), 1, 'the unit reads the amendment');
  await checkBoth(unit, 'conf-fa-04-verdict');

  // The licence step: the application's page lists the released report, and the office passes
  // the test step now.
  await passStep(office, appPath);
  assert.equal(await office.locator('.error-summary').count(), 0, await text(office, 'main'));
  await office.goto(`${server.base}${appPath}`);
  assert.ok((await text(office, 'main')).includes(persian(path.split('/')[2])), 'the report cited');
  assert.equal(await office.locator(`main a[href="${path}"]`).count(), 1, 'a link to the request');
  const testStep = office.locator('ol.steps li', { hasText: TEST_STEP });
  assert.equal(await testStep.getAttribute('aria-current'), null, 'past the test step');
  assert.match(await testStep.textContent(), /انجام شد/, 'the test step passed');
  assert.ok(!(await text(office, 'ol.steps li[aria-current=step]')).includes(TEST_STEP), 'on to the next step');
  await checkBoth(office, 'conf-fa-05-step-passed');
  // The unit sees its step passed too.
  await unit.goto(`${server.base}${appPath}`);
  assert.ok(!(await text(unit, 'ol.steps li[aria-current=step]')).includes(TEST_STEP));
});
