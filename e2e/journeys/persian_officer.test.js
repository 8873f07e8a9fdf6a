import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { iranLegalId, unitsXlsx } from '../lib/sheets.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
const SOLAR_DATE = /[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}/;

test('a Qazvin officer searches, reads, imports and sees the profile in Persian', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'qazvin@demo.tashil.ir');
  // The committee lands on what waits for it, the next meeting among it; the units are a click away.
  assert.equal(new URL(page.url()).pathname, '/');
  await page.locator('#waiting a[href^="/meetings/"]').first().waitFor();
  await checkPage(page, FA);
  await shot(page, 'fa-00-home');
  // On a 390 px phone every line of the list stays within the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.$$eval('#waiting li', (lis) => lis.filter((li) => li.getBoundingClientRect().right > 390 || li.getBoundingClientRect().left < 0).length);
  assert.equal(overflow, 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  await shot(page, 'fa-00-home-390');
  await page.setViewportSize({ width: 1280, height: 720 });
  await Promise.all([page.waitForNavigation(), page.click('header nav a[href="/units"]')]);
  assert.match(page.url(), /\/units$/);
  await checkPage(page, FA);
  await shot(page, 'fa-01-units');

  // Typed with Arabic ي/ك and without the ZWNJ of «کاشی‌سازی».
  await page.fill('#q', 'كاشيسازي كيان');
  await page.press('#q', 'Enter');
  const link = page.locator('#results a', { hasText: 'کاشی‌سازی کیان' }).first();
  await link.waitFor();
  await checkPage(page, FA);
  await shot(page, 'fa-02-search');
  await Promise.all([page.waitForNavigation(), link.click()]);
  const facts = await text(page, '.facts');
  assert.match(facts, SOLAR_DATE);
  await checkPage(page, FA);
  await shot(page, 'fa-03-unit');

  // An import with one bad row: nothing is saved and the row is named.
  const bad = join(tmpdir(), `bad-${Date.now()}.xlsx`);
  const good = join(tmpdir(), `good-${Date.now()}.xlsx`);
  const id1 = iranLegalId(1099000001);
  let id2 = iranLegalId(1099000002);
  const wrong = id2.slice(0, 10) + String((Number(id2[10]) + 1) % 10);
  await unitsXlsx(bad, [
    [id1, 'شرکت آزمون مرورگر یک', 'قزوین', 'قزوین', '1050', 'کوچک'],
    [wrong, 'شرکت آزمون مرورگر دو', 'قزوین', 'تاکستان', '2394', 'متوسط'],
  ]);
  await page.goto(`${server.base}/units/import`);
  await checkPage(page, FA);
  await page.setInputFiles('#file', bad);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  const errors = page.locator('#import-errors tbody tr');
  assert.equal(await errors.count(), 1);
  assert.match(await errors.first().textContent(), /۳/);
  await checkPage(page, FA);
  await shot(page, 'fa-04-import-error');

  await unitsXlsx(good, [
    [id1, 'شرکت آزمون مرورگر یک', 'قزوین', 'قزوین', '1050', 'کوچک'],
    [id2, 'شرکت آزمون مرورگر دو', 'قزوین', 'تاکستان', '2394', 'متوسط'],
  ]);
  await page.setInputFiles('#file', good);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.match(await text(page, '.success'), /۲ واحد/);
  await page.goto(`${server.base}/units?q=${encodeURIComponent('آزمون مرورگر')}`);
  assert.equal(await page.locator('#results tbody tr').count(), 2);
  await shot(page, 'fa-05-imported');

  await page.goto(`${server.base}/provinces/IR-26`);
  assert.ok(await page.locator('svg.chart').count() >= 2);
  assert.ok(await page.locator('svg.chart rect.bar').count() > 3);
  await checkPage(page, FA);
  await shot(page, 'fa-06-profile');

  await Promise.all([page.waitForNavigation(), page.click('.account button')]);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.close();
});

test('a production unit user sees only its own unit', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'unit@demo.tashil.ir');
  await checkPage(page, FA);
  await shot(page, 'fa-00-unit-home');
  await Promise.all([page.waitForNavigation(), page.click('header nav a[href="/units"]')]);
  const rows = page.locator('#results tbody tr');
  assert.equal(await rows.count(), 1);
  await checkPage(page, FA);
  const href = await rows.first().locator('a').getAttribute('href');
  const own = Number(href.split('/').pop());
  const other = await page.goto(`${server.base}/units/${own + 1}`);
  assert.equal(other.status(), 404);
  await checkPage(page, FA);
  await shot(page, 'fa-07-unit-user');
  await page.close();
});
