// Starts `tashil serve --demo` on a free loopback port with a fresh data directory, drives
// Debian's Chromium through playwright-core (never a downloaded browser), runs axe-core on
// every page visited and saves screenshots under e2e/artefacts/.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const artefacts = join(root, 'e2e', 'artefacts');
export const PASSWORD = 'tashil-demo-1405';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServer({ env = {}, publicUrl = false } = {}) {
  // While working on the pages: a server already running (`tashil serve --demo`), kept after.
  if (process.env.TASHIL_E2E_BASE) return { base: process.env.TASHIL_E2E_BASE, log: () => '', async stop() {} };
  const bin = process.env.TASHIL_BIN || join(root, 'target', 'debug', 'tashil');
  const dataDir = mkdtempSync(join(tmpdir(), 'tashil-e2e-'));
  const port = await freePort();
  const proc = spawn(bin, ['--data-dir', dataDir, 'serve', '--demo', '--bind', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // `publicUrl`: the server is told its own address (a wallet reaches the issuer there).
    env: {
      ...process.env, TASHIL_DATABASE_URL: '', ...env,
      ...(publicUrl ? { TASHIL_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    },
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`tashil exited: ${log}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok && log.includes('Demo logins')) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`tashil did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** axe-core on the current page: no serious or critical violation; right lang and dir. */
export async function checkPage(page, { lang, dir }) {
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal(await page.getAttribute('html', 'dir'), dir);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`),
    [],
    `accessibility violations on ${page.url()}`,
  );
}

export async function shot(page, name) {
  mkdirSync(artefacts, { recursive: true });
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
}

export async function login(page, base, email) {
  await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** Visible text: without the bidi isolation marks Fluent puts around placeables. */
export async function text(page, selector) {
  return (await page.textContent(selector)).replace(/[\u2068\u2069]/g, '');
}
