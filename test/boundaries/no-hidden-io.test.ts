// src/core has no hidden I/O (DESIGN.md §3, STYLE.md §5.11): the clock,
// randomness and crypto are passed in; no timers, console, fetch or DOM.
// dependency-cruiser checks imports; this checks the globals it cannot see.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date() without a time'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)\s*\(/, 'timers'],
  [/\bconsole\./, 'console'],
  [/\bfetch\s*\(/, 'fetch'],
  [/(^|[^.\w])crypto\.(subtle|getRandomValues|randomUUID)/, 'the global crypto'],
  [/\b(window|document|localStorage|navigator)\./, 'the DOM'],
  [/\bprocess\./, 'process'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('src/core has no hidden I/O', () => {
  const files = sources(join(import.meta.dirname, '..', '..', 'src', 'core'));
  it('has files to check', () => expect(files.length).toBeGreaterThan(50));
  it('uses no clock, randomness, timers, console, fetch or DOM of its own', () => {
    const found: string[] = [];
    for (const f of files) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\*.*?(\*\/|$)/g, '').replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
          for (const [re, what] of FORBIDDEN) if (re.test(code)) found.push(`${f.split('/src/')[1]}:${i + 1}: ${what}`);
        });
    }
    expect(found).toEqual([]);
  });
});
