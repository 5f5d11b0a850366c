/**
 * End-to-end (issue 2, item 12): the built app in Debian's Chromium. A learner
 * starts Sendmail, talks SMTP to it with telnet, and reads the replies; we
 * read them back from xterm's accessibility tree (screen-reader mode), never
 * from the canvas. The page must request nothing outside 127.0.0.1 and log
 * no console error or warning.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { typeLine, waitForTerminal } from './browser.ts';
import { openLab, type LabPage } from './lab-page.ts';

const PROMPT = 'root@mail:~# ';

let lab: LabPage;
let page: Page;
let requests: string[];
let problems: string[];

beforeAll(async () => {
  lab = await openLab('?world=reference', { width: 1600, height: 900 });
  ({ page, requests, problems } = lab);
});

afterAll(async () => {
  await lab?.close();
});

/** Rows after the last one that starts with `marker`. */
function after(rows: string[], marker: string): string[] {
  const i = rows.findLastIndex((r) => r.startsWith(marker));
  return i < 0 ? [] : rows.slice(i + 1);
}

describe('the lab in Chromium', () => {
  test('the page has its landmarks and the terminal is in screen-reader mode', async () => {
    expect(await page.title()).toBe('STARTTLS Lab');
    expect(await page.locator('header h1').textContent()).toBe('STARTTLS Lab');
    expect(await page.locator('main section[aria-label="Terminal"]').count()).toBe(1);
    expect(await page.locator('.xterm-accessibility-tree').count()).toBe(1);
    await waitForTerminal(page, (rows) => rows.some((r) => r === PROMPT.trimEnd()), 'the first prompt');
  });

  test('a command and its output (echo hello)', async () => {
    await typeLine(page, 'echo hello');
    const rows = await waitForTerminal(page, (r) => after(r, `${PROMPT}echo hello`)[0] === 'hello', 'the output of echo');
    expect(after(rows, `${PROMPT}echo hello`).slice(0, 2)).toEqual(['hello', PROMPT.trimEnd()]);
  });

  test('sendmail -bd, telnet localhost 25, EHLO: the greeting and the extension list', async () => {
    await typeLine(page, 'sendmail -bd');
    await waitForTerminal(page, (r) => after(r, `${PROMPT}sendmail -bd`).includes(PROMPT.trimEnd()), 'the prompt after sendmail -bd');
    await typeLine(page, 'telnet localhost 25');
    const greeted = await waitForTerminal(page, (r) => r.some((row) => row.startsWith('220 ')), 'the 220 greeting');
    // Debian's sendmail.mc listens on 127.0.0.1 only, so telnet may first try ::1 and fail.
    const telnet = after(greeted, `${PROMPT}telnet localhost 25`);
    const session = telnet.slice(telnet.indexOf('Trying 127.0.0.1...'));
    expect(session.slice(0, 3)).toEqual(['Trying 127.0.0.1...', 'Connected to localhost.', "Escape character is '^]'."]);
    expect(session[3]).toMatch(/^220 mail\.example\.test ESMTP Sendmail 8\.17\.1\.9\/8\.17\.1\.9\/Debian-2\+deb12u2; /);

    await typeLine(page, 'EHLO client.example.test');
    const rows = await waitForTerminal(page, (r) => r.includes('250 HELP'), 'the end of the EHLO reply');
    const reply = after(rows, 'EHLO client.example.test');
    expect(reply.slice(0, reply.indexOf('250 HELP') + 1)).toEqual([
      '250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you',
      '250-ENHANCEDSTATUSCODES',
      '250-PIPELINING',
      '250-EXPN',
      '250-VERB',
      '250-8BITMIME',
      '250-SIZE 10485760',
      '250-DSN',
      '250-ETRN',
      '250-STARTTLS',
      '250-DELIVERBY',
      '250 HELP',
    ]);
  });

  test('no request left 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    expect(elsewhere).toEqual([]);
  });

  test('the console has no error or warning', () => {
    expect(problems).toEqual([]);
  });
});
