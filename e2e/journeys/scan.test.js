// Issue 18: the scan flow. Someone scans the QR code of a licence (its /v/{code} address) and
// reads whether it is in force: a valid licence of the demo and one that Qazvin's office has
// just revoked, in Persian and in English, on a desk and on a 390 px phone; the holder and the
// validity are there, and the printable certificate the page links to is a PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const LANGS = {
  fa: { lang: 'fa', dir: 'rtl', valid: /^معتبر/, revoked: /^ابطال‌شده/, locale: 'fa' },
  en: { lang: 'en', dir: 'ltr', valid: /^Valid/, revoked: /^Revoked/, locale: 'en' },
};

/** A day of the register (YYYY-MM-DD) as the page writes it: Solar Hijri in Persian digits in fa. */
function day(iso, locale) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The text of the fact labelled by the <dt> at `index` on a check page. */
async function fact(page, index) {
  return (await text(page, `dl.facts > div:nth-child(${index}) > dd`)).trim();
}

/** Two active licences of Qazvin's office (IR-26) in the demo register. */
async function qazvinLicences() {
  const register = await (await fetch(`${server.base}/api/v1/licences?status=active`)).json();
  const ours = register.entries.filter((e) => e.province === 'IR-26');
  assert.ok(ours.length >= 2, `two active Qazvin licences in the demo: ${JSON.stringify(register).slice(0, 300)}`);
  return ours.slice(0, 2);
}

/** Qazvin's officer revokes licence `id` through the API, with the session's CSRF token. */
async function revoke(id) {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, 'qazvin@demo.tashil.ir');
  const csrf = await page.getAttribute('input[name=_csrf]', 'value');
  const res = await page.request.post(`${server.base}/api/v1/licences/${id}/status`, {
    headers: { 'x-csrf-token': csrf },
    data: { action: 'revoke', reason: 'نمونهٔ بازار مردود شد', legal_basis: 'مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد' },
  });
  assert.equal(res.status(), 200, await res.text());
  await page.context().close();
}

/** The path its QR code opens (/v/{code}): the credential's id is that URL. */
async function scanPath(number) {
  const res = await fetch(`${server.base}/api/v1/licences/${encodeURIComponent(number)}/credential`);
  assert.equal(res.status, 200);
  return new URL((await res.json()).id).pathname;
}

async function readScan(entry, path, standing, want, viewport) {
  const page = await (await browser.newContext({ viewport })).newPage();
  const res = await page.goto(`${server.base}${path}?lang=${want.lang}`);
  assert.equal(res.status(), 200);
  const label = `${entry.number} ${want.lang} ${viewport.width}px`;
  assert.match((await text(page, '.standing')).trim(), want[standing], label);
  assert.equal(await fact(page, 1), entry.number, label);
  const holder = want.lang === 'fa' ? entry.holder.fa : (entry.holder.en || entry.holder.fa);
  // The issuer (the national body, or a province's office with its own issuer) and its DID.
  assert.match(await fact(page, 2), /did:web:/, label);
  assert.equal(await fact(page, 3), holder, label);
  assert.equal(await fact(page, 6), day(entry.valid_from, want.locale), label);
  assert.equal(await fact(page, 7), day(entry.valid_until, want.locale), label);
  if (want.lang === 'fa') assert.match(await fact(page, 7), /[۰-۹]{4}/, 'Persian digits');

  const href = await page.getAttribute('a.certificate', 'href');
  assert.ok(href.endsWith(`certificate.pdf?lang=${want.lang}`), href);
  const pdf = await page.request.get(new URL(href, page.url()).href);
  assert.equal(pdf.status(), 200, label);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

  const name = `scan-${standing}-${want.lang}-${viewport.width}`;
  if (viewport.width === PHONE.width) {
    assert.deepEqual(await page.evaluate(layoutProblems), [], `${label} on a phone`);
  } else {
    await checkPage(page, want);
  }
  await shot(page, name);
  await page.context().close();
}

test('a scanned licence reads valid, and revoked once revoked, in Persian and English, with its certificate', async () => {
  const [valid, revoked] = await qazvinLicences();
  await revoke(revoked.id);
  for (const [entry, standing] of [[valid, 'valid'], [revoked, 'revoked']]) {
    const path = await scanPath(entry.number);
    assert.match(path, /^\/v\/[^/]+$/);
    for (const want of Object.values(LANGS)) {
      for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
        await readScan(entry, path, standing, want, viewport);
      }
    }
  }
});
