/**
 * The Cipher and Wire panels in Chromium, by keyboard: sendmail -bd, telnet,
 * EHLO, STARTTLS (the lab's TLS client takes over), EHLO inside TLS; the
 * Cipher tab shows the shared secret and the traffic keys; changing one
 * ciphertext byte of the client's EHLO record makes the tag check fail and
 * Sendmail send bad_record_mac; the Wire tab shows the first EHLO in clear
 * and only records after STARTTLS. No console error or warning.
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
  lab = await openLab('?world=reference&seed=5');
  ({ page, problems } = lab);
  await waitForTerminal(page, (rows) => rows.includes(PROMPT), 'the first prompt');
});

afterAll(async () => {
  await lab?.close();
});

const focusedName = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const count = (rows: string[], line: string) => rows.filter((r) => r === line).length;

async function openTab(name: string): Promise<void> {
  await page.focus('.xterm-helper-textarea');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && (await focusedName()) !== name; i++) await page.keyboard.press('ArrowRight');
  expect(await focusedName()).toBe(name);
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

describe('Cipher and Wire panels', () => {
  test('a STARTTLS session in the terminal', async () => {
    await typeLine(page, 'sendmail -bd');
    await waitForTerminal(page, (r) => r.filter((x) => x.startsWith(PROMPT)).length >= 2, 'the prompt after sendmail -bd');
    await typeLine(page, 'telnet localhost 25');
    await waitForTerminal(page, (r) => r.some((row) => row.startsWith('220 ')), 'the 220 greeting');
    await typeLine(page, 'EHLO client.example.test');
    await waitForTerminal(page, (r) => r.includes('250 HELP'), 'the EHLO reply');
    await typeLine(page, 'STARTTLS');
    await waitForTerminal(page, (r) => r.some((x) => x.startsWith("lab: telnet cannot speak TLS; the lab's TLS client took over: TLSv1.3")), 'the TLS takeover');
    await typeLine(page, 'EHLO client.example.test');
    await waitForTerminal(page, (r) => count(r, '250 HELP') === 2, 'the EHLO reply inside TLS');
  });

  test('Cipher: the shared secret, the key schedule and the traffic keys', async () => {
    await openTab('Cipher');
    const panel = page.locator('#panel-cipher');
    const shared = panel.getByLabel('shared secret, 32 bytes', { exact: true });
    await shared.waitFor();
    expect(await shared.textContent()).toMatch(/^([0-9a-f]{2} ){31}[0-9a-f]{2}$/);
    // Sendmail's P-256 (after a HelloRetryRequest): an uncompressed point, 04 first
    // (the panel shows the first bytes of a long value, then …)
    expect((await panel.getByLabel("client's public key share, 65 bytes").textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^04( [0-9a-f]{2}){31,64}( ?…)?$/);
    const ladder = panel.getByRole('list', { name: 'Key schedule, in order of derivation' });
    expect(await ladder.getByRole('listitem').count()).toBe(12);
    expect(await ladder.textContent()).toContain('Derive-Secret(Handshake Secret, "c hs traffic", ClientHello...ServerHello)');
    const rows = panel.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(5);
    expect(await panel.getByLabel('client → server application key, 32 bytes').textContent()).toMatch(/^([0-9a-f]{2} ){31}[0-9a-f]{2}$/);
    expect(await panel.getByLabel('client → server application IV, 12 bytes').textContent()).toMatch(/^([0-9a-f]{2} ){11}[0-9a-f]{2}$/);
  });

  test('Cipher: one changed ciphertext byte of the EHLO record: the tag check fails, bad_record_mac', async () => {
    const panel = page.locator('#panel-cipher');
    const title = /client → server, seq 0, application_data, 26 bytes/;
    await panel.locator('summary', { hasText: title }).focus();
    await page.keyboard.press('Enter');
    const card = panel.locator('details[open]', { has: page.locator('summary', { hasText: title }) });
    expect(await card.getByLabel('plaintext as text').textContent()).toBe('EHLO client.example.test\\r\\n');
    const byte = card.getByLabel('Byte to change');
    await byte.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3');
    const now = (await card.locator('.now').textContent())!.replace('recorded value ', '');
    const changed = (parseInt(now, 16) ^ 0x01).toString(16).padStart(2, '0');
    await page.keyboard.press('Tab');
    await page.keyboard.type(changed);
    await page.keyboard.press('Enter');
    const status = card.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10000 }).toContain('Tag check failed');
    const text = (await status.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('record authentication failed. The server (Sendmail) sends a fatal bad_record_mac alert (level 2, description 20)');
    // an encrypted alert: type 23, 0x0303, 19 bytes (2 + inner type + 16-byte tag)
    expect(await card.getByLabel('alert record, 24 bytes').textContent()).toMatch(/^17 03 03 00 13( [0-9a-f]{2}){19}$/);
    expect(await card.locator('mark').textContent()).toBe(changed);
    expect((await card.locator('dl').textContent())!.replace(/\s+/g, ' ')).toContain(`the change byte 3 (ciphertext byte 3) changed from ${now} to ${changed}, marked above`);

    // on the projector theme the changed byte is black on yellow
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Projector (high contrast)' });
    await expect.poll(() => card.locator('mark').evaluate((m) => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor].join(' '))).toBe('rgb(0, 0, 0) rgb(255, 255, 0)');

    await card.getByRole('button', { name: 'Deliver unchanged' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await status.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Unchanged: the tag verifies; the record decrypts to its plaintext (26 bytes, the original).');
  });

  test('Wire: EHLO in clear before STARTTLS, records after, SNI in clear', async () => {
    await openTab('Wire');
    const list = page.getByRole('list', { name: /^Traffic of connection \d+, in order$/ });
    await list.waitFor();
    const items = (await list.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(items[1]).toBe('client → server EHLO client.example.test EHLO client.example.test: visible to anyone on the path');
    const i220 = items.indexOf('server → client 220 2.0.0 Ready to start TLS');
    expect(i220).toBeGreaterThan(1);
    expect(items[i220 + 1]).toMatch(/^client → server TLS record: handshake \(22\), version 0x0301, length \d+, ClientHello with server_name localhost/);
    expect(items.slice(i220 + 1).every((t) => t.includes('TLS record:'))).toBe(true);
    expect(items.slice(i220 + 1).filter((t) => t.includes('EHLO'))).toEqual([]);
    expect(await page.locator('#panel-wire').textContent()).toContain('Server name in the ClientHello (SNI), in clear: localhost');
    const hidden = page.locator('#panel-wire section[aria-labelledby="wire-hidden"]');
    expect(await hidden.getByRole('listitem').allTextContents()).toEqual(['EHLO client.example.test']);
    // hex dumps by keyboard
    await page.getByRole('checkbox', { name: 'Hex dumps of the records' }).focus();
    await page.keyboard.press('Space');
    // the first ClientHello (the second, after the HelloRetryRequest, has record version 0x0303)
    const dump = page.getByLabel(/^client → server handshake record at offset \d+$/).first();
    expect(await dump.textContent()).toMatch(/^[0-9a-f]{8} {2}16 03 01 /);
  });

  test('the console has no error or warning', () => {
    expect(problems).toEqual([]);
  });
});
