// Issue 21's acceptance journey, in Persian on a 390 px phone: Qazvin's inspector opens the
// day's inspection (the demo schedules one for today) and fills its checklist; mid-way the
// connection drops, the answers typed meanwhile wait on the phone and are sent when it is
// back: the server then holds every answer. A major finding is recorded, the unit answers it
// with a CAPA, the inspector verifies and closes it. Every page visited fits the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';
import { PHONE, layoutProblems } from '../lib/phone.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };

/** The page fits the phone and passes axe-core. */
async function visited(page, label) {
  assert.deepEqual(await page.evaluate(layoutProblems), [], `${label} does not fit 390 px`);
  await checkPage(page, FA);
  await shot(page, `supervision-fa-${label}`);
}

async function phone(email) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${server.base}/login?lang=fa`);
  await login(page, server.base, email);
  return page;
}

/** Each answer form's item id and its save state. */
async function states(page) {
  return page.$$eval('form.answer', (fs) => fs.map((f) => [f.dataset.item, f.querySelector('[data-state]').dataset.state ?? '']));
}

/** Chooses `answer` on item form `i` (typing `note` first, as an inspector would). */
async function choose(page, i, answer, note = '') {
  const form = page.locator('form.answer').nth(i);
  if (note) await form.locator('textarea[name=note]').fill(note);
  await form.locator(`input[name=answer][value=${answer}]`).check();
}

async function stateOf(page, i) {
  return page.locator('form.answer').nth(i).locator('[data-state]').getAttribute('data-state');
}

async function waitState(page, i, state) {
  await page.waitForFunction(([n, s]) => document.querySelectorAll('form.answer')[n]
    ?.querySelector('[data-state]')?.dataset.state === s, [i, state]);
}

test('an inspector fills the checklist through a dropped connection; the finding is answered and closed', async () => {
  const inspector = await phone('inspector@demo.tashil.ir');
  await inspector.goto(`${server.base}/supervision/inspections`);
  await visited(inspector, 'inspections');
  // The day's inspection: the first row, marked today.
  const today = inspector.locator('table.data tbody tr').filter({ has: inspector.locator('strong') }).first();
  await Promise.all([inspector.waitForNavigation(), today.locator('a').click()]);
  const path = new URL(inspector.url()).pathname;
  assert.match(path, /^\/supervision\/inspections\/\d+$/);
  const id = Number(path.split('/').pop());
  await visited(inspector, 'inspection-scheduled');
  await Promise.all([inspector.waitForNavigation(), inspector.click(`form[action="${path}/start"] button`)]);
  await inspector.waitForSelector('ol.checklist form.answer');
  await visited(inspector, 'checklist');

  const n = await inspector.locator('form.answer').count();
  assert.ok(n >= 4, `a checklist of ${n} items`);
  const half = Math.floor(n / 2);
  // The expected answers, by position: the first item fails, with a note.
  const want = Array.from({ length: n }, (_, i) => (i === 0 ? 'not_compliant' : i % 5 === 4 ? 'not_applicable' : 'compliant'));
  const notes = Array.from({ length: n }, (_, i) => (i === 0 ? 'برچسب سه پالت بدون نشان استاندارد' : i === half ? 'نوشته‌شده بی‌اتصال: انبار مواد اولیه مرتب است' : ''));

  // Online: each answer is saved as it is chosen.
  for (let i = 0; i < half; i += 1) {
    // A mis-tap corrected at once: the correction, sent while the first is on its way, wins.
    if (i === 1) await choose(inspector, i, 'not_compliant');
    await choose(inspector, i, want[i], notes[i]);
    await waitState(inspector, i, 'saved');
  }

  // The connection drops: the rest wait on the phone.
  await inspector.context().setOffline(true);
  for (let i = half; i < n; i += 1) {
    await choose(inspector, i, want[i], notes[i]);
    await waitState(inspector, i, 'waiting');
  }
  const kept = await inspector.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}'), `tashil.checklist.${id}`);
  assert.equal(Object.keys(kept).length, n - half, 'every answer typed offline is kept on the phone');
  assert.equal((await text(inspector, '[data-checklist-summary]')).trim(), 'در انتظار اتصال: روی این دستگاه نگه داشته شد');
  assert.deepEqual(await inspector.evaluate(layoutProblems), [], 'the checklist offline fits 390 px');
  await shot(inspector, 'supervision-fa-checklist-offline');

  // Back online: everything waiting is sent.
  await inspector.context().setOffline(false);
  for (let i = half; i < n; i += 1) await waitState(inspector, i, 'saved');
  await inspector.waitForFunction((k) => localStorage.getItem(k) === null, `tashil.checklist.${id}`);
  assert.equal((await text(inspector, '[data-checklist-summary]')).trim(), '');
  assert.deepEqual((await states(inspector)).filter(([, s]) => s !== 'saved'), []);

  // The server holds every answer and note, none lost: through the API and the page again.
  const api = await inspector.context().request.get(`${server.base}/api/v1/supervision/inspections/${id}`, { headers: { Accept: 'application/json' } });
  assert.equal(api.status(), 200);
  const items = (await api.json()).items.sort((a, b) => a.position - b.position);
  assert.deepEqual(items.map((i) => i.answer), want);
  assert.deepEqual(items.map((i) => i.note), notes);
  await inspector.reload();
  const shown = await inspector.$$eval('form.answer', (fs) => fs.map((f) => f.querySelector('input[name=answer]:checked')?.value ?? null));
  assert.deepEqual(shown, want);

  // A major finding on the failed item.
  await inspector.selectOption('#f-item', String(items[0].id));
  await inspector.selectOption('#f-severity', 'major');
  await inspector.fill('#f-description', 'محصول بدون نشان استاندارد اجباری از کارخانه خارج می‌شود.');
  await Promise.all([inspector.waitForNavigation(), inspector.click('#findings form[action$="/findings"] button[type=submit]')]);
  const finding = inspector.locator('#findings article.finding').filter({ hasText: 'محصول بدون نشان استاندارد اجباری' });
  assert.equal(await finding.count(), 1);
  const fid = Number((await finding.getAttribute('id')).replace('finding-', ''));
  assert.match(await finding.locator('h3').textContent(), /عمده/);
  await visited(inspector, 'finding');

  // The unit answers it with a CAPA.
  const unit = await phone('unit@demo.tashil.ir');
  await unit.goto(`${server.base}${path}`);
  await visited(unit, 'unit-inspection');
  const planned = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await unit.fill(`#capa-${fid}-cause`, 'چاپگر برچسب خط ۲ از کار افتاده بود.');
  await unit.fill(`#capa-${fid}-correction`, 'پالت‌های بی‌برچسب فراخوانده و برچسب‌گذاری شدند.');
  await unit.fill(`#capa-${fid}-preventive`, 'کنترل برچسب پیش از بارگیری به چک‌لیست انبار افزوده شد.');
  await unit.fill(`#capa-${fid}-planned`, planned);
  await Promise.all([unit.waitForNavigation(), unit.click(`form[action$="/findings/${fid}/capa"] button[type=submit]`)]);
  assert.equal(new URL(unit.url()).pathname, path, 'the CAPA is accepted');
  assert.match(await unit.locator(`#finding-${fid}`).textContent(), /چاپگر برچسب خط ۲/);
  assert.equal(await unit.locator(`form[action$="/findings/${fid}/capa"]`).count(), 0);
  await visited(unit, 'unit-capa');
  await unit.context().close();

  // The inspector verifies it on site and closes it.
  await inspector.goto(`${server.base}${path}`);
  const review = inspector.locator(`form[action$="/findings/${fid}/review"]`);
  await review.locator('input[name=decision][value=close]').check();
  await review.locator('select[name=how]').selectOption('on_site');
  await Promise.all([inspector.waitForNavigation(), review.locator('button[type=submit]').click()]);
  assert.match(await inspector.locator(`#finding-${fid} h3`).textContent(), /بسته/);
  assert.equal(await inspector.locator(`form[action$="/findings/${fid}/review"]`).count(), 0);
  await visited(inspector, 'finding-closed');
  const closed = await inspector.context().request.get(`${server.base}/api/v1/supervision/inspections/findings/${fid}`, { headers: { Accept: 'application/json' } });
  assert.equal(closed.status(), 200);
  assert.equal((await closed.json()).status, 'closed');
  await inspector.context().close();
});
