/**
 * `npm run bench`: prints the project's measured figures (no pass/fail here;
 * DESIGN.md §6 gives the targets).
 *   - initial JavaScript of the built page, gzip (target <= 120 KB)
 *   - access-map decisions per second with 100 and 100,000 entries (goal: within 2x)
 *   - a full TLS 1.3 handshake next to the time spent inside WebCrypto, in Node and
 *     in Chromium (goal: ratio <= 1.5; bench/tls-handshake.ts)
 */
import { spawnSync } from 'node:child_process';
import { initialJs } from './initial-js.ts';
import { accessBench } from './access.ts';

// always a fresh build: a stale dist/ would measure old code
{
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const js = initialJs('dist');
console.log('initial JavaScript (loaded before any interaction):');
for (const f of js.files) console.log(`  ${f.file.padEnd(48)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB raw ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`  total ${(js.gzip / 1024).toFixed(1)} KB gzip (budget 120 KB) across ${js.files.length} file(s); lazy chunks: ${js.lazy.length}, ${(js.lazyGzip / 1024).toFixed(1)} KB gzip`);

console.log('\naccess map (tls_client decisions on access.db, hash lookups):');
const rows = accessBench();
for (const r of rows) console.log(`  ${String(r.entries).padStart(7)} entries: ${Math.round(r.lookupsPerSecond).toLocaleString('en-US').padStart(11)} lookups/s`);
if (rows.length === 2) console.log(`  ratio ${(rows[0].lookupsPerSecond / rows[1].lookupsPerSecond).toFixed(2)}x (goal <= 2x)`);

console.log('\nTLS 1.3 handshake, x25519, client and server in memory (time of the handshake vs time inside WebCrypto):');
const { tlsBenchNode, tlsBenchChromium, printTlsRows } = await import('./tls.ts');
printTlsRows('Node', await tlsBenchNode());
try {
  printTlsRows('Chromium', await tlsBenchChromium());
} catch (e) {
  console.log(`  Chromium: could not run (${e instanceof Error ? e.message : String(e)})`);
  process.exitCode = 1;
}
