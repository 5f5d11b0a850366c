/**
 * date (GNU coreutils 9.1, LANG=C, TZ=UTC): the clock's time as
 * `Sat Nov 28 13:04:52 UTC 2026`, +FORMAT, -d @SECONDS or an ISO date, -u, -R, -I.
 */
import type { Command } from '../types.ts';
import { helpText, parseOrUsage, q } from './util.ts';
import { strftime } from './strftime.ts';

/** Parses `@SECONDS`, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (also with T, optional Z), `now`. UTC. */
export function parseDate(s: string, now: number): number | null {
  const t = s.trim();
  if (t === '' || t === 'now') return now;
  const at = /^@(-?[0-9]+)$/.exec(t);
  if (at) return Number(at[1]) * 1000;
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?\s*(?:Z|UTC)?$/.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return null;
  return Date.UTC(y, mo - 1, d, h, mi, se);
}

export const date: Command = {
  name: 'date',
  usage: 'date [-u] [-d DATE] [+FORMAT]',
  summary: 'Print the system date and time.',
  manual: '-d  display the time described by DATE (@SECONDS, YYYY-MM-DD HH:MM:SS), not now\n-u  print Coordinated Universal Time (the lab\'s zone anyway)\n-R  output in RFC 5322 format\n-I  output in ISO 8601 format\n+FORMAT  %Y %m %d %H %M %S %a %b %e %Z %s ... as strftime',
  async run(ctx) {
    const p = parseOrUsage(ctx, { flags: 'uRI', withArg: 'd', long: { 'date=': 'd', utc: 'u', universal: 'u', 'rfc-email': 'R', 'iso-8601': 'I', help: 'help' } });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(date));
      return 0;
    }
    let when = ctx.clock.now();
    const d = p.value('d');
    if (d !== undefined) {
      const t = parseDate(d, when);
      if (t === null) {
        ctx.stderr.write(`date: invalid date ${q(d)}\n`);
        return 1;
      }
      when = t;
    }
    const formats = p.operands.filter((o) => o.startsWith('+'));
    const extra = p.operands.filter((o) => !o.startsWith('+'));
    if (extra.length > 0) {
      ctx.stderr.write(`date: invalid date ${q(extra[0])}\n`);
      return 1;
    }
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    if (p.has('R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
    if (p.has('I')) fmt = '%Y-%m-%d';
    if (formats.length > 0) fmt = formats[0].slice(1);
    ctx.stdout.write(strftime(when, fmt) + '\n');
    return 0;
  },
};
