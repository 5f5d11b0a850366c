/**
 * `npm run bench`: prints the project's measured figures (no pass/fail here;
 * DESIGN.md §6 gives the targets).
 *   - initial JavaScript of the built page, gzip (target <= 120 KB)
 * Later issues add TLS handshake timing and access-map lookups.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { initialJs } from './initial-js.ts';

if (!existsSync('dist/index.html') || process.argv.includes('--build')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const js = initialJs('dist');
console.log('initial JavaScript (loaded before any interaction):');
for (const f of js.files) console.log(`  ${f.file.padEnd(48)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB raw ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`  total ${(js.gzip / 1024).toFixed(1)} KB gzip (budget 120 KB) across ${js.files.length} file(s); lazy chunks: ${js.lazy.length}, ${(js.lazyGzip / 1024).toFixed(1)} KB gzip`);
