/**
 * The built lab open in Chromium, as every end-to-end test starts: the app
 * built (or E2E_DIST), served from 127.0.0.1, one page at `query`, with the
 * console errors and warnings, page errors and requests it produced recorded.
 */
import type { Page } from 'playwright-core';
import { buildApp, launch } from './browser.ts';
import { serveDir } from './serve.ts';

export interface LabPage {
  readonly page: Page;
  /** `console.error: ...`, `console.warning: ...`, `page error: ...`, in order. */
  readonly problems: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function openLab(query: string, viewport = { width: 1600, height: 1000 }): Promise<LabPage> {
  const server = await serveDir(buildApp());
  const browser = await launch(viewport);
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${server.url}${query}`);
  return {
    page,
    problems,
    requests,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
