/**
 * The TLS handshake benchmark (issue 3, item 8) in Node and in Debian's
 * Chromium: the same module (bench/tls-handshake.ts), bundled for the page
 * with Vite, run on a page served from 127.0.0.1 (a secure context, so
 * crypto.subtle exists). Certificates: test/fixtures/tls/certs (RSA-2048 and
 * ECDSA P-256 server certificates made by make-certs.sh).
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { build } from 'vite';
import type { BenchCert, BenchRow } from './tls-handshake.ts';
import { tlsHandshakeBench } from './tls-handshake.ts';
import { launch } from '../test/e2e/browser.ts';
import { serveDir } from '../test/e2e/serve.ts';

const CERTS = join(import.meta.dirname, '..', 'test', 'fixtures', 'tls', 'certs');

function der(file: string): number[][] {
  const pem = readFileSync(join(CERTS, file), 'utf8');
  return [...pem.matchAll(/-----BEGIN [A-Z ]+-----([^-]+)-----END/g)].map((m) => [...Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')]);
}

export function benchCerts(): BenchCert[] {
  return [
    { name: 'RSA-2048 certificate', kind: 'rsa', chain: der('server-rsa.crt'), key: der('server-rsa.key')[0]! },
    { name: 'ECDSA P-256 certificate', kind: 'ecdsa-p256', chain: der('server-p256.crt'), key: der('server-p256.key')[0]! },
  ];
}

export async function tlsBenchNode(runs = 20): Promise<BenchRow[]> {
  return tlsHandshakeBench(webcrypto.subtle as unknown as SubtleCrypto, benchCerts(), () => performance.now(), runs);
}

/** Bundles the benchmark for the page, serves it, runs it in Chromium. */
export async function tlsBenchChromium(runs = 20): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'starttls-lab-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      build: {
        outDir: dir,
        emptyOutDir: false,
        minify: true,
        lib: { entry: join(import.meta.dirname, 'tls-handshake.ts'), formats: ['es'], fileName: () => 'bench.js' },
      },
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
    // cross-origin isolated: performance.now() then has 5 µs resolution (100 µs otherwise), which
    // the union of ~100 short WebCrypto intervals per handshake needs
    const server = await serveDir(dir, 0, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the benchmark page is not cross-origin isolated (coarse timer)');
      return await page.evaluate(
        async ({ url, certs, runs }) => {
          const mod = (await import(url)) as typeof import('./tls-handshake.ts');
          return mod.tlsHandshakeBench(crypto.subtle, certs, () => performance.now(), runs);
        },
        { url: `${server.url}bench.js`, certs: benchCerts(), runs },
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printTlsRows(where: string, rows: readonly BenchRow[]): void {
  for (const r of rows) {
    console.log(
      `  ${where.padEnd(8)} ${r.name.padEnd(24)} handshake ${r.handshakeMs.toFixed(2).padStart(7)} ms, WebCrypto ${r.webcryptoMs.toFixed(2).padStart(7)} ms, ratio ${r.ratio.toFixed(2)} (goal <= 1.5; ${r.version} ${r.cipher}, median of ${r.runs})`,
    );
  }
}
