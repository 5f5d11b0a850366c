/**
 * The Files panel and the keyboard, in Chromium: leave the terminal with
 * Esc Tab, open a file from the tree, edit and save it (Ctrl-S), and check
 * through the shell that the content changed and the mode and owner did not;
 * a file the shell creates appears in the tree.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { typeLine, waitForTerminal } from './browser.ts';
import { openLab, type LabPage } from './lab-page.ts';

const PROMPT = 'root@mail:~#';
let lab: LabPage;
let page: Page;
let problems: string[];

beforeAll(async () => {
  lab = await openLab('?world=reference', { width: 1600, height: 900 });
  ({ page, problems } = lab);
  await waitForTerminal(page, (rows) => rows.includes(PROMPT), 'the first prompt');
});

afterAll(async () => {
  await lab?.close();
});

/** Text of the rows after the last row equal to `line`, up to the next prompt. */
function outputOf(rows: string[], line: string): string[] {
  const i = rows.findLastIndex((r) => r === `${PROMPT} ${line}`);
  if (i < 0) return [];
  const rest = rows.slice(i + 1);
  const end = rest.findIndex((r) => r.startsWith(PROMPT));
  return end < 0 ? rest : rest.slice(0, end);
}

async function run(line: string): Promise<string[]> {
  await typeLine(page, line);
  const rows = await waitForTerminal(
    page,
    (r) => {
      const typed = r.findLastIndex((x) => x === `${PROMPT} ${line}`);
      return typed >= 0 && typed < r.findLastIndex((x) => x === PROMPT);
    },
    `the prompt after ${line}`,
  );
  return outputOf(rows, line);
}

describe('keyboard and the Files panel', () => {
  test('Esc then Tab leaves the terminal for the panels', async () => {
    await page.focus('.xterm-helper-textarea');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({
      inTerminal: document.activeElement?.classList.contains('xterm-helper-textarea') ?? false,
      inPanels: document.activeElement?.closest('aside') !== null,
    }));
    expect(where).toEqual({ inTerminal: false, inPanels: true });
  });

  test('open, edit and save a file: the shell sees the change, mode and owner are kept', async () => {
    const row = page.getByRole('button', { name: /local-host-names$/ });
    const before = (await row.textContent())?.trim().split(/\s+/).slice(0, 3);
    await row.focus();
    await page.keyboard.press('Enter');
    const text = page.getByLabel('Contents of /etc/mail/local-host-names');
    await text.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('lab.example.test\n');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toBe('Saved /etc/mail/local-host-names.');

    const cat = await run('cat /etc/mail/local-host-names');
    expect(cat.at(-1)).toBe('lab.example.test');
    const ls = await run('ls -l /etc/mail/local-host-names');
    expect(ls[0].split(/\s+/).filter((_, i) => i === 0 || i === 2 || i === 3)).toEqual(before);
  });

  test('a file created in the shell appears in the tree', async () => {
    await run('touch /etc/mail/created-by-shell');
    await expect.poll(() => page.getByRole('button', { name: /created-by-shell$/ }).count()).toBe(1);
  });

  test('the console has no error or warning', () => {
    expect(problems).toEqual([]);
  });
});
