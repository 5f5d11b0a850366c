/**
 * Access-map lookups per second with 100 and with 100,000 entries (issue 5: the
 * two within 2x of each other, as hash lookups along Sendmail's key search are).
 * `npx tsx bench/access.ts` prints them; `accessBench()` returns them for bench/run.ts.
 * The clients are the same 1,000 (name, address) pairs at both sizes, spread over
 * the whole map, half of them with an entry: what changes is the size of the map only.
 */
import { performance } from 'node:perf_hooks';
import { AccessMap, checkRelay, DEFAULT_FEATURES, tlsClient } from '../src/core/access/index.ts';

export interface AccessBenchRow {
  entries: number;
  decisions: number;
  lookups: number;
  lookupsPerSecond: number;
}

function buildMap(n: number): AccessMap {
  const m = new Map<string, string>();
  for (let i = 0; m.size < n; i++) {
    const a = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    m.set(i % 2 ? `connect:${a}` : `tls_clt:host${i}.example.org`, i % 3 ? 'REJECT' : 'ENCR:112');
  }
  return new AccessMap(m);
}

export function accessBench(sizes: readonly number[] = [100, 100_000], ms = 400): AccessBenchRow[] {
  const rows: AccessBenchRow[] = [];
  for (const n of sizes) {
    const map = buildMap(n);
    let lookups = 0;
    let decisions = 0;
    const t0 = performance.now();
    let i = 0;
    const clients = Array.from({ length: 1000 }, (_, j) => {
      const x = Math.floor((j * n * 2) / 1000) + (j % 2);
      return [`host${x}.example.org`, `10.${(x >> 16) & 255}.${(x >> 8) & 255}.${x & 255}`] as const;
    });
    while (performance.now() - t0 < ms) {
      for (let k = 0; k < 200; k++, i++) {
        const [name, addr] = clients[i % 1000];
        const env = { map, features: DEFAULT_FEATURES, macros: { client_name: name, client_addr: addr, verify: 'OK', cipher_bits: '256' } };
        lookups += tlsClient(env, 'OK').lookups.length + checkRelay(env, name, addr).lookups.length;
        decisions += 2;
      }
    }
    const s = (performance.now() - t0) / 1000;
    rows.push({ entries: n, decisions, lookups, lookupsPerSecond: Math.round(lookups / s) });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('access map (hash lookups along Sendmail key search):');
  for (const r of accessBench()) console.log(`  ${String(r.entries).padStart(7)} entries: ${r.lookupsPerSecond.toLocaleString('en-US').padStart(12)} lookups/s`);
}
