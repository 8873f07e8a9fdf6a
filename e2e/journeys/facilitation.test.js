import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, checkPage, shot, login, text } from '../lib/harness.js';

let server; let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const FA = { lang: 'fa', dir: 'rtl' };
const toAscii = (s) => s.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٬,]/g, '');

async function as(email) {
  const page = await (await browser.newContext()).newPage();
  await login(page, server.base, email);
  return page;
}

async function solvedInProvince() {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.base}/provinces/IR-26/facilitation?lang=fa`);
  const n = Number(toAscii(await text(page, '#fig-in-province')));
  await page.close();
  return n;
}

test('an obstacle goes from a unit through the working group and an agency back to the unit, and the public page counts it', async () => {
  const before = await solvedInProvince();

  // The unit reports an obstacle.
  let page = await as('unit@demo.tashil.ir');
  await page.goto(`${server.base}/cases/new`);
  await checkPage(page, FA);
  await page.selectOption('#category', 'tax');
  await page.fill('#title', 'استرداد مالیات بر ارزش افزودهٔ صادرات کاشی');
  await page.fill('#description', 'استرداد مالیات صادرات سه ماه است انجام نشده و سرمایه در گردش واحد قفل شده است.');
  await page.fill('#amount_at_stake', '۲۵۰۰۰۰۰۰۰۰');
  await page.fill('#jobs_at_risk', '۶۰');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  const caseUrl = page.url();
  assert.match(caseUrl, /\/cases\/\d+$/);
  assert.match(toAscii(await text(page, 'h1')), /IR-26-\d{4}-\d{5}/);
  // The unit attaches the tax office's letter.
  await page.setInputFiles('#file', { name: 'نامه اداره مالیات.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
  await Promise.all([page.waitForNavigation(), page.click('section[aria-labelledby="files-h"] button[type=submit]')]);
  assert.match(await text(page, 'section[aria-labelledby="files-h"]'), /نامه اداره مالیات\.pdf/);
  await checkPage(page, FA);
  await shot(page, 'fa-fac-01-reported');
  await page.close();

  // The technical committee puts it on the agenda of the next working-group meeting.
  page = await as('qazvin@demo.tashil.ir');
  await page.goto(caseUrl);
  await checkPage(page, FA);
  await Promise.all([page.waitForNavigation(), page.click('#agenda-form button[type=submit]')]);
  assert.match(await text(page, '.facts'), /در دستور کار کارگروه/);
  // The meeting is held and binds the tax administration to act within 10 working days.
  await page.goto(`${server.base}/meetings`);
  await checkPage(page, FA);
  const upcoming = page.locator('main li a').first();
  await Promise.all([page.waitForNavigation(), upcoming.click()]);
  // The members are sent the date and the agenda.
  await Promise.all([page.waitForNavigation(), page.click('#invite-form button[type=submit]')]);
  assert.match(await text(page, '#invite-form'), /فرستاده شد/);
  await checkPage(page, FA);
  await page.fill('#minutes', 'کارگروه با حضور دستگاه‌های عضو تشکیل شد.');
  await Promise.all([page.waitForNavigation(), page.click('#record-form button[type=submit]')]);
  await checkPage(page, FA);
  const caseOption = page.locator('#case_id option', { hasText: 'استرداد مالیات' });
  await page.selectOption('#case_id', await caseOption.getAttribute('value'));
  const taxOption = page.locator('#agency_org_id option', { hasText: 'مالیات' }).first();
  await page.selectOption('#agency_org_id', await taxOption.getAttribute('value'));
  await page.fill('#action', 'استرداد مالیات صادراتی واحد ظرف ده روز کاری');
  await page.fill('#working_days', '۱۰');
  await page.fill('#proof', 'سند واریز استرداد');
  await Promise.all([page.waitForNavigation(), page.click('#resolution-form button[type=submit]')]);
  assert.match(await text(page, 'section[aria-labelledby="res-h"]'), /استرداد مالیات صادراتی/);
  await shot(page, 'fa-fac-02-meeting');
  await page.close();

  // The tax administration reports it done, with its proof.
  page = await as('tax@demo.tashil.ir');
  await page.goto(`${server.base}/resolutions`);
  await checkPage(page, FA);
  const form = page.locator('form', { hasText: 'استرداد مالیات صادراتی' });
  await form.locator('textarea').fill('مبلغ استرداد به حساب واحد واریز شد.');
  await form.locator('input[name=evidence]').fill('سند واریز ۱۴۰۵/۹۸۷');
  await form.locator('input[name=done]').check();
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  await shot(page, 'fa-fac-03-agency');
  await page.close();

  // The unit confirms; the case is closed as solved in the province.
  page = await as('unit@demo.tashil.ir');
  await page.goto(caseUrl);
  assert.match(await text(page, '.facts'), /در انتظار تأیید/);
  // Beside the confirmation, the way to say the obstacle remains.
  assert.match(await text(page, '#dispute-form'), /مانع هنوز باقی است/);
  await checkPage(page, FA);
  await Promise.all([page.waitForNavigation(), page.click('#confirm')]);
  assert.match(await text(page, '.facts'), /بسته‌شده/);
  await checkPage(page, FA);
  await shot(page, 'fa-fac-04-confirmed');
  await page.close();

  assert.equal(await solvedInProvince(), before + 1);
  page = await (await browser.newContext()).newPage();
  await page.goto(`${server.base}/provinces/IR-26/facilitation?lang=fa`);
  await checkPage(page, FA);
  await shot(page, 'fa-fac-05-public');
  await page.close();
});

const toPersian = (s) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

async function unitIds(email, query) {
  const page = await as(email);
  const res = await page.request.get(`${server.base}/api/v1/units${query}`);
  const ids = (await res.json()).items.map((u) => u.national_id);
  await page.close();
  return ids;
}

test('the chamber of commerce reports one obstacle for several units, and a wrong ID is named', async () => {
  const [own] = await unitIds('unit@demo.tashil.ir', '');
  const others = await unitIds('qazvin@demo.tashil.ir', '?per_page=3');
  const second = others.find((id) => id !== own);
  const [alborz] = await unitIds('admin@demo.tashil.ir', '?province=IR-30&per_page=1');

  const page = await as('chamber@demo.tashil.ir');
  await page.goto(`${server.base}/cases/new`);
  await checkPage(page, FA);
  await page.selectOption('#category', 'power');
  await page.fill('#title', 'قطع برق صنعتی در شهرک صنعتی لیا');
  await page.fill('#description', 'محدودیت برق روزانه چهار ساعت خطوط تولید واحدهای عضو را متوقف می‌کند.');
  // As pasted from the members' list: Persian digits, and one unit of another province.
  await page.fill('#units', `${toPersian(own)}\n${alborz}`);
  await page.click('main button[type=submit]');
  await page.waitForSelector('#units-err');
  const err = toAscii(await text(page, '#units-err'));
  assert.match(err, new RegExp(alborz));
  assert.doesNotMatch(err, new RegExp(own));
  assert.equal(await page.getAttribute('#units', 'aria-invalid'), 'true');
  await checkPage(page, FA);
  await shot(page, 'fa-fac-06-units-error');

  await page.fill('#units', `${toPersian(own)}\n${second}`);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  const caseUrl = page.url();
  assert.match(caseUrl, /\/cases\/\d+$/);
  const facts = toAscii(await text(page, '.facts'));
  assert.match(facts, new RegExp(own));
  assert.match(facts, new RegExp(second));
  await checkPage(page, FA);
  await page.close();

  // The unit named follows the case from its own account.
  const unit = await as('unit@demo.tashil.ir');
  const res = await unit.goto(caseUrl);
  assert.equal(res.status(), 200);
  assert.match(await text(unit, 'h1'), /قطع برق صنعتی/);
  await unit.close();
});

test('the deregulation register and the desk pages pass accessibility checks', async () => {
  const page = await as('qazvin@demo.tashil.ir');
  for (const path of ['/regulations', '/cases', '/resolutions', '/meetings', '/provinces/IR-26/regulations']) {
    const res = await page.goto(`${server.base}${path}`);
    assert.equal(res.status(), 200, path);
    await checkPage(page, FA);
  }
  await page.goto(`${server.base}/regulations?lang=en`);
  await checkPage(page, { lang: 'en', dir: 'ltr' });
  await page.goto(`${server.base}/regulations?lang=fa`);
  await page.close();
});
