/**
 * Debian's Chromium driven through playwright-core (never a downloaded
 * browser), plus the helpers the tests share: build the app, type into the
 * terminal, read the terminal's text back from xterm's accessibility tree.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the app into dist/ unless E2E_DIST names an existing build. Returns the directory. */
export function buildApp(): string {
  const given = process.env.E2E_DIST;
  if (given) return given;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  return 'dist';
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; fails with the install command when it is missing. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (the end-to-end tests need it).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'starttls-lab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The terminal's rows as the accessibility tree exposes them (not the canvas). */
export async function terminalText(page: Page): Promise<string[]> {
  return page.$$eval('.xterm-accessibility-tree > div', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

/** Waits until `predicate` holds for the terminal's rows; fails with the rows it last saw. */
export async function waitForTerminal(page: Page, predicate: (rows: string[]) => boolean, what: string, timeoutMs = 15000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    rows = await terminalText(page);
    if (predicate(rows)) return rows;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; the terminal shows:\n${rows.filter((r) => r !== '').join('\n')}`);
}

/** Types a command line into the terminal (as keystrokes) and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.focus('.xterm-helper-textarea');
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}
