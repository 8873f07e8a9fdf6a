// Issue 16: a unit applies for a licence, the province's office takes it through every step and
// issues it; then anyone sees it on the public tracking page, in the register and in the
// lead-time figures. In Persian for Qazvin, in Vietnamese for Ninh Bình.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
const VI = { lang: 'vi', dir: 'ltr' };

/** Persian or Arabic-Indic digits read as a number ("۱۲" -> 12). */
function number(s) {
  const latin = s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return Number(latin.replace(/[^0-9]/g, ''));
}

/** The page, and again on a 390 px phone: nothing scrolls sideways. */
async function checkBoth(page, want, name) {
  await checkPage(page, want);
  await shot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  assert.deepEqual(await page.evaluate(layoutProblems), [], `${page.url()} on a phone`);
  await shot(page, `${name}-390`);
  await page.setViewportSize(size);
}

/** The issued count of the lead-time figures of one permit type in one province, this year. */
async function issued(page, permitType, province) {
  await page.goto(`${server.base}/lead-times?permit_type=${permitType}&province=${province}`);
  const label = page.locator('dl.stats > div').nth(1);
  return number(await label.locator('dd').textContent());
}

/** Passes the application's current step while the page offers it; returns how many. */
async function passAll(page, id) {
  let passed = 0;
  for (;;) {
    await page.goto(`${server.base}/applications/${id}`);
    const form = page.locator('main form:has(input[name=move][value=pass])');
    if ((await form.count()) === 0) return passed;
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
    assert.equal(await page.locator('.error-summary').count(), 0, `passing a step of ${id}`);
    passed += 1;
  }
}

/**
 * The whole journey in one language: `who` logs in and applies for `permitType` with `product`,
 * `officer` (and `inspector` for the steps that are his) pass every step, then anyone reads it.
 */
async function journey({ want, unit, officer, inspector, permitType, province, product, brand, hs, issuedLabel, name }) {
  // A visitor who chose the language once (a cookie), as a citizen from the home page.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`${server.base}/?lang=${want.lang}`);
  const before = await issued(anon, permitType, province);

  const applicant = await (await browser.newContext()).newPage();
  await login(applicant, server.base, unit);
  await applicant.goto(`${server.base}/applications/new`);
  await checkBoth(applicant, want, `${name}-01-apply`);
  await applicant.selectOption('#permit_type', permitType);
  await applicant.fill('input[name=product] >> nth=0', product);
  await applicant.fill('input[name=brand] >> nth=0', brand);
  await applicant.fill('input[name=hs_code] >> nth=0', hs);
  await Promise.all([applicant.waitForNavigation(), applicant.click('main form button[type=submit]')]);
  const path = new URL(applicant.url()).pathname;
  assert.match(path, /^\/applications\/\d+$/, await applicant.content());
  const id = path.split('/')[2];
  const code = (await text(applicant, 'h1 span[dir=ltr]')).trim();
  assert.ok(code.length >= 6, `a tracking code in the heading: «${code}»`);
  await checkBoth(applicant, want, `${name}-02-applied`);

  const office = await (await browser.newContext()).newPage();
  await login(office, server.base, officer);
  let passed = await passAll(office, id);
  if (inspector) {
    const insp = await (await browser.newContext()).newPage();
    await login(insp, server.base, inspector);
    // The inspector's step, if the fast track kept it, then the office's again.
    for (let n = await passAll(insp, id); n > 0; n = await passAll(insp, id)) passed += n + (await passAll(office, id));
  }
  assert.ok(passed >= 3, `the office passed ${passed} steps`);
  await office.goto(`${server.base}/applications/${id}`);
  const facts = await text(office, 'dl.stats');
  assert.ok(facts.includes(issuedLabel), `issued: ${facts}`);
  const number_ = (await text(office, 'dl.stats dd[dir=ltr]')).trim();
  assert.ok(number_.length > 0, 'a licence number');
  await checkBoth(office, want, `${name}-03-issued`);

  // The applicant sees the licence too.
  await applicant.goto(`${server.base}/applications/${id}`);
  assert.equal((await text(applicant, 'dl.stats dd[dir=ltr]')).trim(), number_);

  // Anyone: the tracking page, the register and the figures.
  await anon.goto(`${server.base}/track/${encodeURIComponent(code)}`);
  assert.equal((await text(anon, 'dd.status')).trim(), issuedLabel);
  await checkBoth(anon, want, `${name}-04-track`);
  await anon.goto(`${server.base}/licences?q=${encodeURIComponent(brand)}`);
  const rows = anon.locator('table.data tbody tr', { hasText: number_ });
  assert.equal(await rows.count(), 1, `the register lists ${number_}`);
  assert.ok((await rows.first().textContent()).includes(brand));
  await checkBoth(anon, want, `${name}-05-register`);
  const after = await issued(anon, permitType, province);
  assert.equal(after, before + 1, 'one more issued in the lead-time figures');
  assert.ok(after > 0);
  await checkBoth(anon, want, `${name}-06-lead-times`);
  return { applicant, office, anon, id, code, number: number_ };
}

test('in Persian: a Qazvin unit applies, the office issues, the public sees it', async () => {
  const { office } = await journey({
    want: FA,
    unit: 'unit@demo.tashil.ir',
    officer: 'qazvin@demo.tashil.ir',
    inspector: 'inspector@demo.tashil.ir',
    permitType: 'standard-mark-new',
    province: 'IR-26',
    product: 'کاشی کف پرسلانی',
    brand: 'سپیدار',
    // Typed with Persian digits, as a Persian keyboard gives them.
    hs: '۶۹۰۷.۲۱',
    issuedLabel: 'صادر شده',
    name: 'lic-fa',
  });
  // The unit's clean record skipped the factory audit: the page says which rule, and the step
  // shows as skipped.
  assert.match(await text(office, 'p.note'), /clean-record/);
  assert.match(await text(office, 'ol.steps'), /حذف‌شده \(مسیر سریع\)/);
});

test('in Vietnamese: a Ninh Bình unit applies, the province issues, the public sees it', async () => {
  const brand = 'Tràng An';
  const { anon, number } = await journey({
    want: VI,
    unit: 'unit@demo.tashil.vn',
    officer: 'ninhbinh@demo.tashil.vn',
    inspector: null,
    permitType: 'vn-conformity',
    province: 'VN-NBI',
    product: 'Gạch lát nền porcelain',
    brand,
    hs: '6907.21',
    issuedLabel: 'Đã cấp',
    name: 'lic-vi',
  });
  // A Vietnamese unit's certificate cites a Vietnamese standard or technical regulation (the
  // demo catalogue has several mandatory QCVN on tiles), not the INSO one that sorts first.
  await anon.goto(`${server.base}/licences?q=${encodeURIComponent(brand)}`);
  const row = anon.locator('table.data tbody tr', { hasText: number });
  assert.match(await row.textContent(), / — (QCVN|TCVN) /);
});
