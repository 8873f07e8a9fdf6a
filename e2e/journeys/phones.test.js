// Issue 15 item 4: on a 390 px phone, in Persian (right to left) and Vietnamese, every page a
// unit, an officer, the national body and an anonymous visitor can reach fits the screen, and
// the navigation is a menu that opens without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, checkPage, shot, login, PASSWORD } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';
import { iranLegalId, unitsXlsx } from '../lib/sheets.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const DIR = { fa: 'rtl', vi: 'ltr', en: 'ltr' };
// Pages of one shape (a unit, a case) are visited this often each: enough to meet a long name.
const PER_SHAPE = 2;
// axe-core is the slow part of a visit: each shape is checked once per language, by whoever
// meets it first.
const axed = new Set();

/** `/units/12`, `/units/7` are one shape (`/units/#`), and so are `/standards?body=X&page=2`
 * and `/standards?status=Y` (`/standards?`): one page layout each. */
function shape(url) {
  const path = url.pathname.split('/').map((s) => (/^\d+$/.test(s) || /^[A-Z]{2}-[A-Z0-9]+$/.test(s) ? '#' : s)).join('/');
  return url.search ? `${path}?` : path;
}

/** Same-origin pages (not files, JSON, or another language's link). */
function worthVisiting(href, base) {
  const url = new URL(href, base);
  if (url.origin !== new URL(base).origin) return null;
  if (url.searchParams.has('lang')) return null;
  if (/\.(csv|xlsx|json)$/.test(url.pathname)) return null;
  if (/^\/(static|api\/v1|audit)\//.test(url.pathname) || /\/(attachments|documents)\//.test(url.pathname)) return null;
  url.hash = '';
  return url;
}

async function fits(page, label) {
  const problems = await page.evaluate(layoutProblems);
  return problems.slice(0, 6).map((p) => `${label}: ${p}`);
}

/**
 * Walks every page reachable from `start` through links (the navigation, list pages, detail
 * pages), PER_SHAPE of each shape, and returns every page that does not fit.
 */
async function walk(page, lang, start) {
  const seen = new Set(); const perShape = new Map(); const failures = [];
  const queue = start.map((p) => new URL(p, server.base));
  let visited = 0;
  while (queue.length) {
    const url = queue.shift();
    const key = url.pathname + url.search; const s = shape(url);
    if (seen.has(key) || (perShape.get(s) ?? 0) >= PER_SHAPE) continue;
    seen.add(key); perShape.set(s, (perShape.get(s) ?? 0) + 1);
    const res = await page.goto(url.href);
    if (!res.ok() || !(res.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    visited += 1;
    if (!axed.has(`${lang} ${s}`)) {
      axed.add(`${lang} ${s}`);
      await checkPage(page, { lang, dir: DIR[lang] });
    }
    failures.push(...(await fits(page, url.pathname + url.search)));
    const hrefs = await page.$$eval('a[href]:not([download])', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs) {
      const next = worthVisiting(h, page.url());
      if (next) queue.push(next);
    }
  }
  return { visited, failures, shapes: [...perShape.keys()] };
}

async function phonePage(lang, email) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${server.base}/login?lang=${lang}`);
  if (email) {
    await login(page, server.base, email);
    // A signed-in user's own language wins over the cookie: set it once for the walk.
    await page.goto(`${server.base}/?lang=${lang}`);
  }
  return page;
}

/** Pages that only a submitted form shows: an error summary, a refused login. */
async function formPages(page, lang, forms) {
  const failures = [];
  for (const { path, submit } of forms) {
    await page.goto(`${server.base}${path}`);
    await Promise.all([page.waitForNavigation(), page.click(submit)]);
    await checkPage(page, { lang, dir: DIR[lang] });
    failures.push(...(await fits(page, `${path} (submitted)`)));
  }
  return failures;
}

// An empty unit form, sent: every field's error shows.
const EMPTY_UNIT = { path: '/units/new', submit: 'main form button[type=submit]' };
// An empty characteristic form, sent: its errors show.
const EMPTY_CHARACTERISTIC = { path: '/quality/new', submit: 'main form button[type=submit]' };
const WALKS = [
  { who: 'an anonymous visitor', lang: 'fa', email: null, start: ['/', '/login', '/provinces', '/standards', '/api/docs', '/provinces/IR-26', '/provinces/IR-26/facilitation', '/provinces/IR-26/regulations', '/supervision/unsafe', '/supervision/figures', '/complaints/new', '/complaints/track'] },
  // Quality assurance (issue 20): the list, its characteristics' pages (reached from the list),
  // a new characteristic and the upload of subgroups; a refused characteristic form too.
  { who: 'a production unit', lang: 'fa', email: 'unit@demo.tashil.ir', start: ['/', '/cases/new', '/quality', '/quality/new', '/quality/upload', '/quality/advice', '/quality/compliance', '/supervision/clinics'], forms: [EMPTY_CHARACTERISTIC] },
  // Supervision (issue 21): the inspector's day.
  { who: 'an inspector', lang: 'fa', email: 'inspector@demo.tashil.ir', start: ['/', '/supervision/inspections', '/supervision/complaints'] },
  { who: 'an agency', lang: 'fa', email: 'tax@demo.tashil.ir', start: ['/', '/resolutions'] },
  { who: 'a provincial officer', lang: 'fa', email: 'qazvin@demo.tashil.ir', start: ['/', '/units/import', '/units/new', '/quality/queue', '/quality/compliance', '/supervision/risk', '/supervision/plans', '/supervision/inspections', '/supervision/complaints', '/supervision/clinics', '/supervision/unsafe/manage'], forms: [EMPTY_UNIT] },
  { who: 'the national body', lang: 'fa', email: 'admin@demo.tashil.ir', start: ['/', '/standards/new', '/standards/import', '/mandatory', '/permit-types', '/quality/thresholds', '/quality/compliance', '/supervision/weights'] },
  { who: 'an anonymous visitor', lang: 'vi', email: null, start: ['/', '/login', '/provinces', '/standards', '/provinces/VN-NBI', '/provinces/VN-NBI/facilitation', '/provinces/VN-NBI/regulations'] },
  { who: 'a provincial officer', lang: 'vi', email: 'ninhbinh@demo.tashil.vn', start: ['/', '/units/new', '/units/import'], forms: [EMPTY_UNIT] },
];

test('a long case title, address and e-mail wrap on the phone instead of widening the page', async () => {
  // What units type: a URL, an e-mail address and a national ID with no space to break at.
  const page = await phonePage('fa', 'unit@demo.tashil.ir');
  await page.goto(`${server.base}/cases/new`);
  await page.selectOption('#category', 'customs_trade');
  await page.fill('#title', 'ترخیص‌نشدن‌مواداولیه‌وارداتی‌کارخانه‌کاشی‌وسرامیک‌قزوین https://www.irica.gov.ir/portal/customs-clearance/ticket?id=14030000123456789');
  await page.fill('#description', 'پیگیری از طریق qc.manager.kashi-sazi-kian@industrial-park-qazvin.example.ir و شناسه ملی ۱۴۰۰۹۸۷۶۵۴۳۲۱۰۹۸۷۶۵۴۳۲۱۰ بی‌پاسخ ماند.');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.match(new URL(page.url()).pathname, /^\/cases\/\d+$/);
  const failures = await fits(page, page.url());
  await shot(page, 'phone-fa-long-case');
  await page.goto(`${server.base}/cases`);
  failures.push(...(await fits(page, '/cases')));
  await page.context().close();
  assert.deepEqual(failures, []);
});

for (const w of WALKS) {
  test(`every page ${w.who} reaches fits a 390 px phone in ${w.lang}`, async (t) => {
    const page = await phonePage(w.lang, w.email);
    const { visited, failures, shapes } = await walk(page, w.lang, w.start);
    assert.ok(visited >= w.start.length, `visited ${visited} pages: ${shapes.join(' ')}`);
    t.diagnostic(`${visited} pages of ${shapes.length} shapes: ${shapes.join(' ')}`);
    await page.goto(`${server.base}/`);
    await shot(page, `phone-${w.lang}-${(w.email ?? 'anonymous').split('@')[0]}-home`);
    failures.push(...(await formPages(page, w.lang, w.forms ?? [])));
    await page.context().close();
    assert.deepEqual(failures, [], `${visited} pages visited`);
  });
}

test('an import refused for a bad row names it on the phone', async () => {
  const page = await phonePage('fa', 'qazvin@demo.tashil.ir');
  const file = join(tmpdir(), `phone-bad-${Date.now()}.xlsx`);
  const id = iranLegalId(1099000101);
  const wrong = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
  await unitsXlsx(file, [[wrong, 'شرکت‌صنایع‌غذایی‌و‌بسته‌بندی‌نوین‌البرز‌قزوین', 'قزوین', 'قزوین', '1050', 'کوچک']]);
  await page.goto(`${server.base}/units/import`);
  await page.setInputFiles('#file', file);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.equal(await page.locator('#import-errors tbody tr').count(), 1);
  await checkPage(page, { lang: 'fa', dir: 'rtl' });
  const failures = await fits(page, '/units/import (refused)');
  await shot(page, 'phone-fa-import-error');
  await page.context().close();
  assert.deepEqual(failures, []);
});

test('a refused login and a page not found fit the phone', async () => {
  const page = await phonePage('fa', null);
  await page.goto(`${server.base}/login`);
  await page.fill('#email', 'someone.with.a.very.long.address@provincial-office.qazvin.example.ir');
  await page.fill('#password', `${PASSWORD}-wrong`);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await checkPage(page, { lang: 'fa', dir: 'rtl' });
  const failures = await fits(page, '/login (refused)');
  const missing = await page.goto(`${server.base}/standards/999999999`);
  assert.equal(missing.status(), 404);
  await checkPage(page, { lang: 'fa', dir: 'rtl' });
  failures.push(...(await fits(page, '/standards/999999999')));
  await page.context().close();
  assert.deepEqual(failures, []);
});

/** What a screen reader is told of the menu's button: its role and whether it is open. */
async function disclosure(page, label) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const node = nodes.find((n) => n.name?.value === label && n.role?.value === 'DisclosureTriangle');
  if (!node) return null;
  const expanded = node.properties?.find((p) => p.name === 'expanded')?.value.value ?? false;
  return { role: node.role.value, expanded };
}

for (const [lang, label, email] of [['fa', 'منو', 'qazvin@demo.tashil.ir'], ['vi', 'Trình đơn', 'ninhbinh@demo.tashil.vn']]) {
  test(`the navigation folds into a menu that opens without JavaScript (${lang})`, async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.base}/login?lang=${lang}`);
    await login(page, server.base, email);
    const units = page.locator('header nav a[href="/units"]');
    // A <summary>: the browser makes it a button that says whether its menu is open.
    const menu = page.locator('header details.menu > summary');
    const open = () => page.locator('header details.menu').evaluate((d) => d.open);
    assert.ok(await menu.isVisible(), 'the menu button shows on a phone');
    assert.equal((await menu.textContent()).trim(), label);
    assert.ok(!(await units.isVisible()), 'the navigation is folded away on a phone');
    // By keyboard, as a screen reader user would: focus the button, open, follow a link.
    await menu.focus();
    await page.keyboard.press('Enter');
    await units.waitFor({ state: 'visible' });
    assert.ok(await open());
    assert.deepEqual(await disclosure(page, label), { role: 'DisclosureTriangle', expanded: true });
    assert.deepEqual(await fits(page, `${lang} menu open`), []);
    await shot(page, `phone-${lang}-menu-open`);
    await Promise.all([page.waitForNavigation(), units.click()]);
    assert.equal(new URL(page.url()).pathname, '/units');
    assert.ok(!(await units.isVisible()), 'the menu is folded again on the next page');
    await menu.focus();
    await page.keyboard.press('Space');
    await units.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await units.waitFor({ state: 'hidden' });
    assert.ok(!(await open()));
    assert.deepEqual(await disclosure(page, label), { role: 'DisclosureTriangle', expanded: false });
    // On a wide screen the links stand in the header and the button is gone.
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.ok(await units.isVisible());
    assert.ok(!(await menu.isVisible()));
    await context.close();
  });
}
