/** Argument helpers shared by the builtins (GNU bad_argc, numeric_arg, dump_args). */

import type { Arg, M4Context } from './types.ts';

/** GNU bad_argc: true when there are too few arguments (the builtin then does nothing). */
export function badArgc(ctx: M4Context, args: Arg[], min: number, max: number): boolean {
  const n = args.length - 1;
  if (min > 0 && n < min) {
    ctx.warn(`Warning: too few arguments to builtin \`${args[0].text}'`);
    return true;
  }
  if (max >= 0 && n > max) ctx.warn(`Warning: excess arguments to builtin \`${args[0].text}' ignored`);
  return false;
}

/** GNU numeric_arg: strtol with its warnings; undefined when not a number. */
export function numericArg(ctx: M4Context, args: Arg[], text: string): number | undefined {
  const name = args[0].text;
  if (text === '') {
    ctx.warn(`empty string treated as 0 in builtin \`${name}'`);
    return 0;
  }
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text);
  if (!m) {
    ctx.warn(`non-numeric argument to builtin \`${name}'`);
    return undefined;
  }
  let v = Number(m[2]);
  if (m[1] === '-') v = -v;
  if (/^[ \t\n\v\f\r]/.test(text)) ctx.warn(`leading whitespace ignored in builtin \`${name}'`);
  else if (v > 0x7fffffff || v < -0x80000000) {
    ctx.warn(`numeric overflow detected in builtin \`${name}'`);
    v = v > 0 ? 0x7fffffff : -0x80000000;
  }
  return v;
}

export function quote(ctx: M4Context, text: string): string {
  const [l, r] = ctx.quotes();
  return l + text + r;
}

/** GNU dump_args: arguments 1.. joined by `sep`, each between `lq` and `rq`. */
export function dumpArgs(args: Arg[], sep: string, lq = '', rq = ''): string {
  let out = '';
  for (let i = 1; i < args.length; i++) {
    if (i > 1) out += sep;
    out += lq + args[i].text + rq;
  }
  return out;
}
