/** String builtins of GNU m4 1.4.19: len, index, substr, translit, format. */

import { badArgc, numericArg } from './args.ts';
import type { Builtin } from './types.ts';

/** GNU expand_ranges: `a-z` in translit's arguments. */
export function expandRanges(s: string): string {
  let out = '';
  let from = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && from >= 0) {
      i++;
      if (i >= s.length) {
        out += '-';
        break;
      }
      const to = s.charCodeAt(i);
      if (from <= to) for (let c = from + 1; c <= to; c++) out += String.fromCharCode(c);
      else for (let c = from - 1; c >= to; c--) out += String.fromCharCode(c);
      from = to;
    } else {
      out += s[i];
      from = s.charCodeAt(i);
    }
  }
  return out;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

export const textBuiltins: Record<string, Builtin> = {
  len: {
    blind: true,
    groks: false,
    fn: (ctx, a) => (badArgc(ctx, a, 1, 1) ? '' : String(a[1].text.length)),
  },
  index: {
    blind: true,
    groks: false,
    fn: (ctx, a) => (badArgc(ctx, a, 2, 2) ? (a.length === 2 ? '0' : '') : String(a[1].text.indexOf(a[2].text))),
  },
  substr: {
    blind: true,
    groks: false,
    fn: (ctx, a) => {
      if (badArgc(ctx, a, 2, 3)) return a.length === 2 ? a[1].text : '';
      const s = a[1].text;
      const start = numericArg(ctx, a, a[2].text);
      if (start === undefined) return '';
      let length: number | undefined = s.length;
      if (a.length >= 4) length = numericArg(ctx, a, a[3].text);
      if (length === undefined) return '';
      if (start < 0 || length <= 0 || start >= s.length) return '';
      return s.substr(start, length);
    },
  },
  translit: {
    blind: true,
    groks: false,
    fn: (ctx, a) => {
      if (badArgc(ctx, a, 2, 3)) return a.length === 2 ? a[1].text : '';
      const from = a[2].text.includes('-') ? expandRanges(a[2].text) : a[2].text;
      const toArg = a[3]?.text ?? '';
      const to = toArg.includes('-') ? expandRanges(toArg) : toArg;
      const map = new Map<string, string>();
      for (let i = 0; i < from.length; i++) if (!map.has(from[i])) map.set(from[i], i < to.length ? to[i] : '');
      let out = '';
      for (const c of a[1].text) {
        const m = map.get(c);
        out += m === undefined ? c : m;
      }
      return out;
    },
  },
  format: {
    blind: true,
    groks: false,
    fn: (ctx, a) => {
      if (badArgc(ctx, a, 1, -1)) return '';
      const fmt = a[1].text;
      let argi = 2;
      const next = (): string => (argi < a.length ? a[argi++].text : '');
      return fmt.replace(/%([-+ 0#]*)(\*|[0-9]*)(?:\.(\*|[0-9]*))?(hh|h|l|ll)?([diouxXcs%]|)/g, (_m, flags: string, w: string, p: string | undefined, _len, conv: string) => {
        if (conv === '%') return '%';
        if (conv === '') return '';
        const width = w === '*' ? Number(next()) || 0 : Number(w) || 0;
        const prec = p === undefined ? undefined : p === '*' ? Number(next()) || 0 : Number(p) || 0;
        const left = flags.includes('-');
        const zero = flags.includes('0') && !left;
        const arg = next();
        let s: string;
        if (conv === 's') s = prec === undefined ? arg : arg.slice(0, prec);
        else if (conv === 'c') s = String.fromCharCode((Number.parseInt(arg, 10) || 0) & 0xff);
        else {
          const n = Number.parseInt(arg, 10) || 0;
          const u = n >>> 0;
          s = conv === 'o' ? u.toString(8) : conv === 'x' ? u.toString(16) : conv === 'X' ? u.toString(16).toUpperCase() : conv === 'u' ? String(u) : String(n | 0);
          if ((conv === 'd' || conv === 'i') && n >= 0 && flags.includes('+')) s = '+' + s;
        }
        return pad(s, width, left, zero && conv !== 's');
      });
    },
  },
};
