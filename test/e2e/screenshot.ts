/**
 * `npx tsx test/e2e/screenshot.ts [--out docs/screenshot.png]`: builds the app
 * (or uses E2E_DIST), opens it in Chromium, starts Sendmail, talks EHLO to it
 * and opens /etc/mail/certs in the Files panel, then saves a screenshot for
 * the README.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp, launch, typeLine, waitForTerminal } from './browser.ts';
import { serveDir } from './serve.ts';

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'docs/screenshot.png';

const dist = buildApp();
const server = await serveDir(dist);
const browser = await launch({ width: 1440, height: 810 });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}?world=reference&seed=1`);
  await waitForTerminal(page, (rows) => rows.some((r) => r.startsWith('root@mail:~#')), 'the prompt');
  await page.getByRole('button', { name: /certs\/$/ }).click();
  await page.getByRole('button', { name: /mykey\.pem$/ }).click();
  await typeLine(page, 'sendmail -bd');
  await typeLine(page, 'telnet localhost 25');
  await waitForTerminal(page, (rows) => rows.some((r) => r.startsWith('220 ')), 'the greeting');
  await typeLine(page, 'EHLO client.example.test');
  await waitForTerminal(page, (rows) => rows.includes('250 HELP'), 'the EHLO reply');
  await page.waitForTimeout(300);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
