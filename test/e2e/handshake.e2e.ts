/**
 * The Handshake and Hash panels in Chromium, by keyboard: sendmail -bd,
 * telnet localhost 25, EHLO, STARTTLS (the lab's TLS client takes over); the
 * Handshake tab lists the messages in flights; expanding ClientHello (a
 * button with aria-expanded) shows its annotated fields; TLS 1.3 and 1.2 side
 * by side count 1 and 2 round trips; the Hash tab lists the transcript hashes;
 * readable on the projector theme; no console error or warning.
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
  lab = await openLab('?world=reference&seed=9');
  ({ page, problems } = lab);
  await waitForTerminal(page, (rows) => rows.includes(PROMPT), 'the first prompt');
});

afterAll(async () => {
  await lab?.close();
});

const focused = (): Promise<{ text: string; expanded: string | null }> =>
  page.evaluate(() => ({ text: document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '', expanded: document.activeElement?.getAttribute('aria-expanded') ?? null }));

async function openTab(name: string): Promise<void> {
  await page.focus('.xterm-helper-textarea');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && (await focused()).text !== name; i++) await page.keyboard.press('ArrowRight');
  expect((await focused()).text).toBe(name);
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

describe('Handshake and Hash panels', () => {
  test('a STARTTLS session in the terminal', async () => {
    await typeLine(page, 'sendmail -bd');
    await waitForTerminal(page, (r) => r.filter((x) => x.startsWith(PROMPT)).length >= 2, 'the prompt after sendmail -bd');
    await typeLine(page, 'telnet localhost 25');
    await waitForTerminal(page, (r) => r.some((row) => row.startsWith('220 ')), 'the 220 greeting');
    await typeLine(page, 'EHLO client.example.test');
    await waitForTerminal(page, (r) => r.includes('250 HELP'), 'the EHLO reply');
    await typeLine(page, 'STARTTLS');
    await waitForTerminal(page, (r) => r.some((x) => x.startsWith("lab: telnet cannot speak TLS; the lab's TLS client took over: TLSv1.3")), 'the TLS takeover');
  });

  test('Handshake: the timeline lists the messages in flights; ClientHello expands into annotated fields', async () => {
    await openTab('Handshake');
    const panel = page.locator('#panel-handshake');
    const flights = panel.getByRole('list', { name: 'Handshake flights' });
    await flights.waitFor();
    const heads = await flights.locator('.flight-head').allTextContents();
    expect(heads.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      // Sendmail takes P-256 only: a HelloRetryRequest for the x25519 share, then two session tickets
      'Flight 1: client → server plaintext',
      'Flight 2: server → client plaintext',
      'Flight 3: client → server plaintext',
      'Flight 4: server → client plaintext, then handshake',
      'Flight 5: client → server handshake',
      'Flight 6: server → client application',
    ]);
    const names = await flights.locator('.mname').allTextContents();
    expect(names).toEqual([
      'ClientHello', 'HelloRetryRequest', 'ClientHello', 'ServerHello', 'EncryptedExtensions', 'CertificateRequest', 'Certificate', 'CertificateVerify', 'Finished', 'Certificate', 'Finished',
      'NewSessionTicket', 'NewSessionTicket',
    ]);
    expect(await panel.getByRole('status').first().textContent()).toMatch(/^\s*13 handshake messages in 6 flights, TLSv1\.3, 2 round trips\./);

    // by keyboard: Tab from the tab into the panel reaches ClientHello's expander
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ expanded: 'false' });
    expect((await focused()).text).toMatch(/^▸ ClientHello \d+ bytes, plaintext$/);
    await page.keyboard.press('Enter');
    expect((await focused()).expanded).toBe('true');
    const fields = panel.getByRole('list', { name: 'Fields of ClientHello' });
    await fields.waitFor();
    const text = (await fields.textContent())!.replace(/\s+/g, ' ');
    for (const s of ['msg_type', '1 (client_hello)', 'legacy_version', '0x0303 (TLS 1.2)', 'random', 'cipher_suites', '0x1302 TLS_AES_256_GCM_SHA384', 'key_share', '0x001d x25519', 'supported_versions', '0x0304 (TLS 1.3)', 'signature_algorithms', 'server_name']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('malformed');
    // the extension rows are expanders too
    const ext = fields.getByRole('button', { name: 'key_share' });
    expect(await ext.getAttribute('aria-expanded')).toBe('true');
    // focusing a field marks its bytes in the hex view: key_share is 4 + 2 + 2 + 2 + 32 bytes
    await ext.focus();
    await expect.poll(() => panel.locator('.hex .b.on').count()).toBe(42);
  });

  test('TLS 1.3 and TLS 1.2 side by side: 1 round trip against 2', async () => {
    const panel = page.locator('#panel-handshake');
    await panel.getByRole('button', { name: 'Run both handshakes' }).click();
    await expect.poll(() => panel.getByRole('status').last().textContent(), { timeout: 20000 }).toBe(
      'TLS 1.3 takes 1 round trip and TLS 1.2 takes 2 round trips before the client may send mail.',
    );
    const rows = panel.getByRole('table', { name: /Flights of both handshakes/ }).getByRole('row');
    expect(await rows.count()).toBe(5); // header and four flights each (TLS 1.3 ends with the tickets, TLS 1.2 with ticket + Finished)
  });

  test('Hash: the transcript hash after each message, the Finished MACs, fingerprints, the playground', async () => {
    await openTab('Hash');
    const panel = page.locator('#panel-hash');
    const table = panel.getByRole('table', { name: /Hash of every handshake message so far \(384-bit\)/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(12); // header and 11 messages (two ClientHellos and ServerHellos)
    await panel.getByText('HMAC(finished_key, Transcript-Hash(messages so far))').first().waitFor();
    await expect.poll(() => panel.locator('.fp').first().textContent()).toMatch(/^sha1 Fingerprint=([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    await expect.poll(() => panel.getByText(/of 160 bits differ/).textContent()).toMatch(/^\d+ of 160 bits differ \(\d+%\)$/);
  });

  test('projector theme: the timeline is white on black', async () => {
    await page.evaluate(() => (document.documentElement.dataset.theme = 'projector'));
    await openTab('Handshake');
    const colours = await page.locator('#panel-handshake .msg').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { fg: s.color, bg: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours).toEqual({ fg: 'rgb(255, 255, 255)', bg: 'rgb(0, 0, 0)' });
  });

  test('no console error or warning', () => {
    expect(problems).toEqual([]);
  });
});
