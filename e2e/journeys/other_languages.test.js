import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a Ninh Bình officer works in Vietnamese and finds units typed without diacritics', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'ninhbinh@demo.tashil.vn');
  await checkPage(page, { lang: 'vi', dir: 'ltr' });
  await Promise.all([page.waitForNavigation(), page.click('header nav a[href="/units"]')]);
  await checkPage(page, { lang: 'vi', dir: 'ltr' });
  await page.fill('#q', 'det may');
  await page.press('#q', 'Enter');
  const link = page.locator('#results a', { hasText: /Dệt may/ }).first();
  await link.waitFor();
  await shot(page, 'vi-01-search');
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.match(await text(page, '.facts'), /\d{1,2} tháng \d{1,2}, \d{4}|\d{1,2} tháng \d{1,2} \d{4}/);
  await checkPage(page, { lang: 'vi', dir: 'ltr' });
  await shot(page, 'vi-02-unit');
  await page.close();
});

test('the pages pass accessibility checks in English', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.base}/login?lang=en`);
  await checkPage(page, { lang: 'en', dir: 'ltr' });
  await login(page, server.base, 'admin@demo.tashil.ir');
  // The admin's stored preference is Persian; choosing English switches it.
  await page.goto(`${server.base}/units?lang=en`);
  for (const path of ['/units', '/units/1', '/units/1/edit', '/units/new', '/units/import', '/provinces', '/provinces/IR-30', '/api/docs']) {
    const res = await page.goto(`${server.base}${path}`);
    assert.equal(res.status(), 200, path);
    await checkPage(page, { lang: 'en', dir: 'ltr' });
  }
  await shot(page, 'en-01-profile');
  await page.close();
});
