/**
 * The Access-map panel in Chromium, by keyboard only: open its tab, add
 * `TLS_Clt:127.0.0.1 ENCR:112` to the rules and see the decision of the
 * client without TLS become the engine's (and real sendmail -bs's) reply;
 * the trace names the entry that decides; a warning for a value Sendmail
 * reads as no requirement; saving, and a profile run in the terminal.
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
  lab = await openLab('?world=reference');
  ({ page, problems } = lab);
  await waitForTerminal(page, (rows) => rows.includes(PROMPT), 'the first prompt');
});

afterAll(async () => {
  await lab?.close();
});

const focusedName = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const ARTICLE = "The article's server (TLS, 256 bits)";
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cell = (ruleset: string, profile: string) => page.getByRole('button', { name: new RegExp(`^${ruleset} for ${esc(profile)}: `) });
/** The terminal rows once `line` was typed at a prompt and a new prompt followed it. */
const after = (line: string) => (r: string[]): boolean => {
  const typed = r.findLastIndex((x) => x === `${PROMPT} ${line}`);
  return typed >= 0 && typed < r.findLastIndex((x) => x === PROMPT);
};

describe('the Access map panel by keyboard', () => {
  test('Esc Tab reaches the panel tabs; the arrow keys open the Access map', async () => {
    await page.focus('.xterm-helper-textarea');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await focusedName()) !== 'Access map'; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe('Access map');
    await expect.poll(() => page.getByRole('tab', { name: 'Access map' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('table', { name: 'Decisions' }).waitFor();
    expect(await cell('tls_client', 'Client without TLS').getAttribute('aria-label')).toBe('tls_client for Client without TLS: accepted');
  });

  test('TLS_Clt:127.0.0.1 ENCR:112: the client without TLS gets 454 4.7.0 at tls_client and MAIL', async () => {
    const rules = page.getByRole('textbox', { name: 'Rules: /etc/mail/access' });
    await rules.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('TLS_Clt:127.0.0.1 ENCR:112\n');
    // the engine's text, as real sendmail -bs answered MAIL (test/fixtures/access/bs-cases.json)
    await expect.poll(() => cell('tls_client', 'Client without TLS').getAttribute('aria-label')).toBe('tls_client for Client without TLS: 454 4.7.0 encryption too weak 0 less than 112');
    expect(await cell('check_mail', 'Client without TLS').getAttribute('aria-label')).toBe('check_mail for Client without TLS: 454 4.7.0 encryption too weak 0 less than 112');
    expect(await cell('tls_client', ARTICLE).getAttribute('aria-label')).toMatch(/: accepted$/);
    const session = page.getByRole('row', { name: /^Client without TLS/ }).getByRole('cell').last();
    expect(await session.textContent()).toBe('MAIL refused: 454 4.7.0 encryption too weak 0 less than 112');
    expect(await page.getByRole('list', { name: 'Line checks' }).textContent()).toContain('requires at least 112 cipher bits; otherwise 454 4.7.0');
  });

  test('TEMP+ENCR:112 gives 403 4.7.0; the trace shows the keys in order and the entry that decides', async () => {
    const rules = page.getByRole('textbox', { name: 'Rules: /etc/mail/access' });
    await rules.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    for (let i = 0; i < 'ENCR:112'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('TEMP+');
    await expect.poll(() => cell('tls_client', 'Client without TLS').getAttribute('aria-label')).toBe('tls_client for Client without TLS: 403 4.7.0 encryption too weak 0 less than 112');
    await cell('check_mail', 'Client without TLS').focus();
    await page.keyboard.press('Enter');
    expect(await cell('check_mail', 'Client without TLS').getAttribute('aria-pressed')).toBe('true');
    const trace = page.getByRole('table', { name: 'Keys looked up, in order' });
    const rows = await trace.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([
      ['1', 'TLS_Clt:', 'localhost', 'not in the map'],
      ['2', 'TLS_Clt:', '127.0.0.1', 'TEMP+ENCR:112 ← this entry decides'],
    ]);
    expect(await page.getByRole('region', { name: 'Why' }).textContent()).toContain('403 4.7.0 encryption too weak 0 less than 112 (DSN 4.7.0)');
  });

  test('a malformed TLS value is a warning: Sendmail reads it as no requirement', async () => {
    await page.getByRole('textbox', { name: 'Rules: /etc/mail/access' }).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('TLS_Srv:mx.example encr:\n');
    await expect.poll(() => page.getByRole('list', { name: 'Line checks' }).textContent()).toContain('warning: "encr:" is incomplete (ENCR needs :bits; bits are one word): sendmail accepts it as no requirement');
  });

  test('Ctrl-S saves the file and says to run makemap; the button types it into the terminal', async () => {
    await page.getByRole('textbox', { name: 'Rules: /etc/mail/access' }).focus();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toBe(
      'Saved /etc/mail/access. Sendmail reads access.db, not this file: run makemap hash /etc/mail/access < /etc/mail/access',
    );
    const db = page.locator('#panel-access p.db');
    expect((await db.textContent())?.replace(/\s+/g, ' ').trim()).toBe('access.db differs from the saved file: run makemap for Sendmail to see it.');
    await page.getByRole('button', { name: 'Type makemap in the terminal' }).focus();
    await page.keyboard.press('Enter');
    await page.focus('.xterm-helper-textarea');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, after('makemap hash /etc/mail/access < /etc/mail/access'), 'makemap at the prompt');
    await expect.poll(async () => (await db.textContent())?.replace(/\s+/g, ' ').trim()).toBe('access.db holds the saved file.');
  });

  test('Run in the terminal: a local profile runs a real session; a remote one says why it cannot', async () => {
    await typeLine(page, 'sendmail -bd');
    await waitForTerminal(page, after('sendmail -bd'), 'the daemon started');
    const laptop = page.getByRole('button', { name: 'Run Laptop with a client certificate from the CA in the terminal' });
    expect(await laptop.getAttribute('aria-disabled')).toBe('true');
    const noteId = await laptop.getAttribute('aria-describedby');
    expect(await page.locator(`#${noteId}`).textContent()).toContain('cannot be run from the terminal');
    await page.getByRole('button', { name: 'Run Client without TLS in the terminal' }).focus();
    await page.keyboard.press('Enter');
    // swaks when the world has it (` -> MAIL FROM:...`, `<-  250 ...`, `<** 403 ...`), else telnet fed line by line
    const rows = await waitForTerminal(page, (r) => r.some((x) => /^(<- +)?221 /.test(x)), 'the session to QUIT', 30000);
    const mail = rows.findIndex((x) => x.endsWith('MAIL FROM:<me@other.example>'));
    expect(mail).toBeGreaterThan(0);
    const reply = rows[mail + 1]!.replace(/^(<-|<\*\*) +/, '');
    // The daemon gives the table's decision once it applies the access map (saved, then makemap above);
    // before that wiring, MAIL is accepted. Nothing else may come back.
    const table = (await cell('check_mail', 'Client without TLS').getAttribute('aria-label'))!.replace(/^check_mail for Client without TLS: /, '');
    expect(table).toBe('403 4.7.0 encryption too weak 0 less than 112');
    expect([table, '250 2.1.0 <me@other.example>... Sender ok']).toContain(reply);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^(Ran the session|Typed): / }).textContent()).toMatch(/^(Ran the session: telnet localhost 25|Typed: swaks --server 127\.0\.0\.1 )/);
  });

  test('editing a profile by keyboard: TLSv1.3 with 256 bits meets the requirement', async () => {
    await page.getByRole('button', { name: 'Edit Client without TLS' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'TLS {tls_version}' }).selectOption('TLSv1.3');
    const bits = page.getByRole('textbox', { name: 'Cipher bits {cipher_bits}' });
    await bits.focus();
    await page.keyboard.type('256');
    await expect.poll(() => cell('tls_client', 'Client without TLS').getAttribute('aria-label')).toBe('tls_client for Client without TLS: accepted');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('64');
    await expect.poll(() => cell('tls_client', 'Client without TLS').getAttribute('aria-label')).toBe('tls_client for Client without TLS: 403 4.7.0 encryption too weak 64 less than 112');
  });

  test('Peers we connect to: TLS_Srv:mx.partner.example VERIFY turns the self-signed peer away at tls_server', async () => {
    await page.getByRole('button', { name: 'Peers we connect to' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Peers we connect to' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('table', { name: 'Peer decisions' }).waitFor();
    const headers = await page.getByRole('table', { name: 'Peer decisions' }).getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.split(/\s/)[0])).toEqual(['Peer', 'clt_features', 'try_tls', 'tls_server', 'tls_rcpt', 'srv_features', 'Delivery']);
    const SELF = 'Partner MX with a self-signed certificate';
    expect(await cell('tls_server', SELF).getAttribute('aria-label')).toBe(`tls_server for ${SELF}: accepted`);
    await page.getByRole('textbox', { name: 'Rules: /etc/mail/access' }).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('TLS_Srv:mx.partner.example VERIFY\n');
    // the engine's text; real sendmail -bt: tls_server FAIL under a VERIFY entry → 454 4.7.0 authentication failed (bt-cases.json)
    await expect.poll(() => cell('tls_server', SELF).getAttribute('aria-label')).toBe(`tls_server for ${SELF}: 454 4.7.0 authentication failed`);
    expect(await cell('tls_server', 'Partner MX with a valid certificate').getAttribute('aria-label')).toBe('tls_server for Partner MX with a valid certificate: accepted');
    const delivery = page.getByRole('row', { name: new RegExp(`^${esc(SELF)}`) }).getByRole('cell').last();
    expect(await delivery.textContent()).toBe('queued: tls_server 454 4.7.0 authentication failed');
    await cell('tls_server', SELF).focus();
    await page.keyboard.press('Enter');
    expect(await cell('tls_server', SELF).getAttribute('aria-pressed')).toBe('true');
    const rows = await page.getByRole('table', { name: 'Keys looked up, in order' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([['1', 'TLS_Srv:', 'mx.partner.example', 'VERIFY ← this entry decides']]);
    expect(await page.getByRole('region', { name: 'Why (peer)' }).textContent()).toContain('454 4.7.0 authentication failed (DSN 4.7.0)');
  });

  test('no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
