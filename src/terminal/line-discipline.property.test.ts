/**
 * Random editing sessions: the line the discipline returns equals a plain
 * model of the same keys, and a toy terminal fed its output shows the prompt
 * and that line, at any width (lines wrapping over several rows included).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { LineDiscipline } from './line-discipline.ts';
import { ToyTerminal } from './testdata/toy-terminal.ts';

const KEYS = ['a', 'b', ' ', 'xyz', 'é', '\x7f', '\x1b[3~', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x01', '\x05', '\x15', '\x0b', '\x17', '\x1bb', '\x1bf'];

/** What the line should be: a string and a cursor, edited like readline. */
function model(keys: readonly string[]): string {
  let s: string[] = [];
  let c = 0;
  const word = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);
  for (const k of keys) {
    if (k === '\x7f') {
      if (c > 0) s.splice(--c, 1);
    } else if (k === '\x1b[3~') s.splice(c, 1);
    else if (k === '\x1b[D') c = Math.max(0, c - 1);
    else if (k === '\x1b[C') c = Math.min(s.length, c + 1);
    else if (k === '\x1b[H' || k === '\x01') c = 0;
    else if (k === '\x1b[F' || k === '\x05') c = s.length;
    else if (k === '\x15') [s, c] = [s.slice(c), 0];
    else if (k === '\x0b') s = s.slice(0, c);
    else if (k === '\x17') {
      let i = c;
      while (i > 0 && s[i - 1] === ' ') i--;
      while (i > 0 && s[i - 1] !== ' ') i--;
      s.splice(i, c - i);
      c = i;
    } else if (k === '\x1bb') {
      while (c > 0 && !word(s[c - 1])) c--;
      while (c > 0 && word(s[c - 1])) c--;
    } else if (k === '\x1bf') {
      while (c < s.length && !word(s[c])) c++;
      while (c < s.length && word(s[c])) c++;
    } else {
      s.splice(c, 0, ...k);
      c += [...k].length;
    }
  }
  return s.join('');
}

test('random edits: returned line matches the model, the screen shows prompt + line', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...KEYS), { maxLength: 60 }), fc.integer({ min: 5, max: 30 }), async (keys, cols) => {
      const term = new ToyTerminal(cols);
      const ld = new LineDiscipline({ onOutput: (t) => term.write(t), columns: cols });
      const pending = ld.readLine({ prompt: '$ ' });
      for (const k of keys) ld.input(k);
      ld.input('\x05'); // End: the cursor after the last character
      const expected = model(keys);
      const full = [...('$ ' + expected)];
      const rows: string[] = [];
      for (let i = 0; i < full.length; i += cols) rows.push(full.slice(i, i + cols).join('').trimEnd());
      const shown = term.text();
      while (shown.length > rows.length && shown[shown.length - 1] === '') shown.pop();
      expect(shown).toEqual(rows);
      ld.input('\r');
      expect(await pending).toBe(expected);
    }),
    // The first example: a space that ends a full row (trailing blanks must not be trimmed away).
    { numRuns: 2000, examples: [[['a', 'xyz', ' ', 'a', '\x1b[H', '\x1b[3~'], 6]] },
  );
});

test('any input never throws and every read resolves', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 20 }), async (chunks) => {
      const ld = new LineDiscipline({ onOutput: () => {}, columns: 20 });
      const reads: Promise<string | null>[] = [];
      const completer = (line: string, cursor: number) => ({ from: 0, candidates: [line.slice(0, cursor) + 'x', 'y/'] });
      reads.push(ld.readLine({ prompt: '> ', history: ['h1', 'h2'], completer }));
      for (const c of chunks) {
        ld.input(c);
        if (!ld.reading) reads.push(ld.readLine({ prompt: '> ', completer }));
        ld.write('out\n');
      }
      ld.end();
      const results = await Promise.all(reads);
      for (const r of results) expect(r === null || typeof r === 'string').toBe(true);
    }),
    { numRuns: 1000 },
  );
});
