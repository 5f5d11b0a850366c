/**
 * The Certificates panel in Chromium, by keyboard only: open its tab, see the
 * reference world's chain (mycert.pem under CAcert.pem) verified with
 * {verify} OK, switch to the failure catalogue and pick failures: OpenSSL's
 * own lines appear (the same as real `openssl verify`, test/pki). No console errors.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForTerminal } from './browser.ts';
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
const output = () => page.getByTestId('verify-output').textContent();

describe('the Certificates panel by keyboard', () => {
  test('Esc Tab reaches the panel tabs; the arrow keys open Certificates; the reference chain verifies', async () => {
    await page.focus('.xterm-helper-textarea');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await focusedName()) !== 'Certificates'; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe('Certificates');
    await expect.poll(() => page.getByRole('tab', { name: 'Certificates' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(output, { timeout: 20000 }).toBe('cert.pem: OK\n');
    expect(await page.getByTestId('verify-value').textContent()).toBe('OK');
    const chain = page.getByRole('list', { name: 'Certificate chain, end-entity first' });
    expect(await chain.textContent()).toContain('C = US, O = Example Org, CN = mail.example.test');
    expect(await chain.textContent()).toContain('signature valid');
    expect(await page.getByTestId('fingerprint').textContent()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await page.getByRole('list', { name: 'ASN.1 tree' }).textContent()).toContain('0:d=0 hl=4');
  });

  test('the failure catalogue: Expired, then Unknown CA, with OpenSSL\'s messages', async () => {
    await page.getByRole('radio', { name: 'Server certificate in /etc/mail/certs' }).focus();
    const catalogue = page.getByRole('radio', { name: 'Failure catalogue (fixed clock)' });
    for (let i = 0; i < 5 && !(await catalogue.isChecked()); i++) await page.keyboard.press('ArrowRight');
    expect(await catalogue.isChecked()).toBe(true);
    await expect.poll(output, { timeout: 20000 }).toBe(
      'C = US, O = Example Org, CN = old.example.test\nerror 10 at 0 depth lookup: certificate has expired\nerror cert.pem: verification failed\n',
    );
    expect(await page.getByTestId('verify-value').textContent()).toBe('FAIL');
    await page.getByRole('radio', { name: 'Expired' }).focus();
    for (let i = 0; i < 10 && !(await page.getByRole('radio', { name: 'Unknown CA' }).isChecked()); i++) await page.keyboard.press('ArrowRight');
    await expect.poll(output).toBe(
      'C = ZZ, O = Elsewhere, CN = mail.elsewhere.test\nerror 20 at 0 depth lookup: unable to get local issuer certificate\nerror cert.pem: verification failed\n',
    );
    for (let i = 0; i < 10 && !(await page.getByRole('radio', { name: 'Revoked' }).isChecked()); i++) await page.keyboard.press('ArrowRight');
    await expect.poll(output).toBe(
      'C = US, O = Example Org, CN = revoked.example.test\nerror 23 at 0 depth lookup: certificate revoked\nerror cert.pem: verification failed\n',
    );
    expect(await page.getByRole('region', { name: 'Certificate revocation list crl.pem' }).textContent()).toContain('Key Compromise');
  });

  test('no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
