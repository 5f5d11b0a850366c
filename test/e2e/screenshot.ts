/**
 * `npx tsx test/e2e/screenshot.ts [--out docs/screenshot.png]`: builds the app
 * (or uses E2E_DIST), opens it in Chromium, starts Sendmail, talks EHLO and
 * STARTTLS to it, opens the Handshake panel with the ClientHello expanded,
 * then saves a screenshot for the README.
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
  await typeLine(page, 'sendmail -bd');
  await typeLine(page, 'telnet localhost 25');
  await waitForTerminal(page, (rows) => rows.some((r) => r.startsWith('220 ')), 'the greeting');
  await typeLine(page, 'EHLO client.example.test');
  await waitForTerminal(page, (rows) => rows.includes('250 HELP'), 'the EHLO reply');
  await typeLine(page, 'STARTTLS');
  await waitForTerminal(page, (rows) => rows.some((r) => r.startsWith('lab: telnet cannot speak TLS')), 'the takeover');
  await typeLine(page, 'EHLO client.example.test');
  await page.getByRole('tab', { name: 'Handshake' }).click();
  await page.locator('#panel-handshake').getByRole('button', { name: /client_hello|ClientHello/ }).first().click();
  await page.waitForTimeout(500);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
