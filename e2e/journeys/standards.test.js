import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };

test('a Persian user finds a standard typed without ZWNJ and reads its clauses and mandatory products', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'qazvin@demo.tashil.ir');
  await page.goto(`${server.base}/standards`);
  await checkPage(page, FA);
  // «میلگردهای گرم‌نوردیده» typed without its ZWNJ, and with an Arabic yeh.
  await page.fill('#q', 'ميلگردهای گرمنوردیده');
  // Search as you type offers the standard before the form is sent.
  await page.locator('#suggestions a', { hasText: '3132' }).first().waitFor();
  await page.press('#q', 'Enter');
  const link = page.locator('#results a', { hasText: 'میلگردهای گرم‌نوردیده' }).first();
  await link.waitFor();
  assert.ok(await page.locator('#results mark').count() > 0, 'matched words are highlighted');
  await checkPage(page, FA);
  await shot(page, 'fa-std-01-search');
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.match(await text(page, 'h1'), /INSO ۳۱۳۲/);
  assert.match(await text(page, '.facts'), /اجباری/);
  const clauses = page.locator('section[aria-labelledby="clauses-h"] tbody tr');
  assert.ok(await clauses.count() >= 2, 'the clauses with their requirements are listed');
  assert.match(await text(page, 'section[aria-labelledby="clauses-h"]'), /[۰-۹]/);
  const products = await text(page, 'section[aria-labelledby="products-h"]');
  assert.match(products, /۷۲۱۴/, 'the HS codes it makes mandatory are listed');
  await checkPage(page, FA);
  await shot(page, 'fa-std-02-standard');

  // The same standard answers "which mandatory standards apply to HS 7214.20?".
  await page.goto(`${server.base}/mandatory`);
  await page.fill('#hs', '۷۲۱۴٫۲۰');
  await Promise.all([page.waitForNavigation(), page.press('#hs', 'Enter')]);
  await page.locator('main table a', { hasText: '۳۱۳۲' }).first().waitFor();
  await checkPage(page, FA);
  await shot(page, 'fa-std-03-mandatory');
  await page.close();
});

test('the catalogue pages pass accessibility checks in English and Vietnamese', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'admin@demo.tashil.ir');
  await page.goto(`${server.base}/standards?lang=en`);
  for (const path of ['/standards', '/standards?q=cement&body=INSO', '/standards/1', '/standards/77', '/standards/new', '/standards/77/edit', '/standards/import', '/mandatory?hs=2523', '/provinces/IR-26/mandatory']) {
    const res = await page.goto(`${server.base}${path}`);
    assert.equal(res.status(), 200, path);
    await checkPage(page, { lang: 'en', dir: 'ltr' });
  }
  await page.goto(`${server.base}/standards?lang=vi&q=${encodeURIComponent('xi mang')}`);
  await page.locator('#results a', { hasText: /Xi măng/ }).first().waitFor();
  await checkPage(page, { lang: 'vi', dir: 'ltr' });
  await shot(page, 'vi-std-01-search');
  await page.goto(`${server.base}/standards?lang=fa`);
  await page.close();
});
