/**
 * Which JavaScript the built page loads before any interaction: the module
 * scripts and modulepreload links of dist/index.html, followed through their
 * static imports. Everything else in dist/assets is a lazy chunk.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  file: string;
  raw: number;
  gzip: number;
}

export function initialJs(dist: string): { files: JsFile[]; gzip: number; lazy: JsFile[]; lazyGzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => posix.normalize(m[1].replace(/^\.\//, '')));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(join(dist, f), 'utf8');
    // static imports only: `import x from "./a.js"`, `import"./b.js"`, `export * from "./c.js"`
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(f), m[1]));
    }
  }
  const measure = (file: string): JsFile => {
    const buf = readFileSync(join(dist, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const files = [...seen].map(measure);
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !seen.has(f)).map(measure);
  return { files, gzip: files.reduce((a, f) => a + f.gzip, 0), lazy, lazyGzip: lazy.reduce((a, f) => a + f.gzip, 0) };
}
