/**
 * The builtins of GNU m4 1.4.19 (builtin.c) with its argument checks and
 * messages. Each returns its expansion, which the engine pushes back.
 */

import { badArgc, dumpArgs, numericArg, quote } from './args.ts';
import { evaluate, formatRadix } from './eval.ts';
import { compileEmacs, substitute } from './regex.ts';
import type { Arg, Builtin, M4Context } from './types.ts';
import { textBuiltins } from './builtins-text.ts';

function b(blind: boolean, fn: Builtin['fn'], groks = false): Builtin {
  return { blind, groks, fn };
}

function defineMacro(ctx: M4Context, args: Arg[], push: boolean): string {
  if (badArgc(ctx, args, 1, 2)) return '';
  if (args[1].func !== undefined) {
    ctx.warn(`Warning: ${args[0].text}: invalid macro name ignored`);
    return '';
  }
  const name = args[1].text;
  const v = args[2];
  const def = v?.func !== undefined ? { kind: 'func' as const, name: v.func } : { kind: 'text' as const, text: v?.text ?? '' };
  if (push) ctx.pushdef(name, def);
  else ctx.define(name, def);
  return '';
}

function include(ctx: M4Context, args: Arg[], silent: boolean): string {
  if (badArgc(ctx, args, 1, 1)) return '';
  const name = args[1].text;
  const r = name === '' ? { error: 'No such file or directory' } : ctx.host.readFile(name);
  if ('error' in r) {
    if (!silent) ctx.error(`cannot open \`${name}': ${r.error}`);
    return '';
  }
  ctx.includeFile(r.path ?? name, r.text);
  return '';
}

function tempName(ctx: M4Context, args: Arg[]): string {
  if (badArgc(ctx, args, 1, 1)) return '';
  const template = args[1].text;
  const name = ctx.host.maketemp ? ctx.host.maketemp(template) : template.replace(/X+$/, (x) => 'a'.repeat(x.length));
  return quote(ctx, name);
}

function runCommand(ctx: M4Context, command: string): string {
  if (!ctx.host.syscmd) {
    ctx.stderr(`sh: 1: ${command.split(' ')[0]}: not found\n`);
    ctx.sysval = 127;
    return '';
  }
  const r = ctx.host.syscmd(command);
  if (r.stderr) ctx.stderr(r.stderr);
  ctx.sysval = r.status;
  return r.stdout;
}

export const builtins: Record<string, Builtin> = {
  ...textBuiltins,
  define: b(true, (ctx, a) => defineMacro(ctx, a, false), true),
  pushdef: b(true, (ctx, a) => defineMacro(ctx, a, true), true),
  undefine: b(true, (ctx, a) => {
    if (!badArgc(ctx, a, 1, -1)) for (let i = 1; i < a.length; i++) ctx.undefine(a[i].text);
    return '';
  }),
  popdef: b(true, (ctx, a) => {
    if (!badArgc(ctx, a, 1, -1)) for (let i = 1; i < a.length; i++) ctx.popdef(a[i].text);
    return '';
  }),
  defn: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, -1)) return '';
    let out = '';
    for (let i = 1; i < a.length; i++) {
      const d = ctx.lookup(a[i].text);
      if (!d) continue;
      if (d.kind === 'text') out += quote(ctx, d.text);
      else if (a.length === 2) ctx.pushMacro(d.name);
      else ctx.warn(`Warning: cannot concatenate builtin \`${d.name}'`);
    }
    return out;
  }),
  ifdef: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 2, 3)) return '';
    return ctx.lookup(a[1].text) !== undefined ? a[2].text : (a[3]?.text ?? '');
  }),
  ifelse: b(true, (ctx, a) => {
    if (a.length === 2) return '';
    if (badArgc(ctx, a, 3, -1)) return '';
    if (a.length % 3 === 0) badArgc(ctx, a, 0, a.length - 2);
    let i = 1;
    let n = a.length - 1;
    for (;;) {
      if (a[i].text === a[i + 1].text) return a[i + 2].text;
      if (n === 3) return '';
      if (n === 4 || n === 5) return a[i + 3].text;
      n -= 3;
      i += 3;
    }
  }),
  shift: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, -1)) return '';
    const [l, r] = ctx.quotes();
    return dumpArgs(a.slice(1), ',', l, r);
  }),
  changequote: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 2);
    let l = a.length >= 2 ? a[1].text : undefined;
    let r = a.length >= 3 ? a[2].text : undefined;
    if (l === undefined) {
      l = '`';
      r = "'";
    } else if (r === undefined || (l !== '' && r === '')) r = "'";
    ctx.setQuotes(l, r);
    return '';
  }),
  changecom: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 2);
    let s = a.length >= 2 ? a[1].text : undefined;
    let e = a.length >= 3 ? a[2].text : undefined;
    if (s === undefined) s = e = '';
    else if (e === undefined || (s !== '' && e === '')) e = '\n';
    ctx.setComment(s, e);
    return '';
  }),
  divert: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 1);
    let n: number | undefined = 0;
    if (a.length >= 2) n = numericArg(ctx, a, a[1].text);
    if (n !== undefined) ctx.divert(n);
    return '';
  }),
  divnum: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 0);
    return String(ctx.divnum());
  }),
  undivert: b(false, (ctx, a) => {
    if (a.length === 1) {
      ctx.undivertAll();
      return '';
    }
    for (let i = 1; i < a.length; i++) {
      const t = a[i].text;
      const m = /^[+-]?[0-9]*$/.exec(t);
      if (m) ctx.undivert(Number(t) || 0);
      else {
        const r = ctx.host.readFile(t);
        if ('error' in r) ctx.warn(`cannot undivert \`${t}': ${r.error}`);
        else ctx.output(r.text);
      }
    }
    return '';
  }),
  dnl: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 0);
    ctx.skipLine();
    return '';
  }),
  include: b(true, (ctx, a) => include(ctx, a, false)),
  sinclude: b(true, (ctx, a) => include(ctx, a, true)),
  incr: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, 1)) return '';
    const v = numericArg(ctx, a, a[1].text);
    return v === undefined ? '' : String((v + 1) | 0);
  }),
  decr: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, 1)) return '';
    const v = numericArg(ctx, a, a[1].text);
    return v === undefined ? '' : String((v - 1) | 0);
  }),
  eval: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, 3)) return '';
    let radix: number | undefined = 10;
    let width: number | undefined = 1;
    if (a.length >= 3 && a[2].text !== '') radix = numericArg(ctx, a, a[2].text);
    if (radix === undefined) return '';
    if (radix < 1 || radix > 36) {
      ctx.warn(`radix ${radix} in builtin \`eval' out of range`);
      return '';
    }
    if (a.length >= 4) width = numericArg(ctx, a, a[3].text);
    if (width === undefined) return '';
    if (width < 0) {
      ctx.warn("negative width to builtin `eval'");
      return '';
    }
    if (a[1].text === '') {
      ctx.warn("empty string treated as 0 in builtin `eval'");
      return formatRadix(0, radix, width);
    }
    const r = evaluate(a[1].text);
    for (const w of r.warnings) ctx.warn(w);
    if (!r.ok) {
      ctx.warn(r.error);
      return '';
    }
    if (width > ctx.limits.maxOutput || (radix === 1 && Math.abs(r.value) > ctx.limits.maxOutput)) {
      ctx.fatal(`ERROR: the lab stops m4 at an expansion of more than ${ctx.limits.maxOutput} bytes`);
    }
    return formatRadix(r.value, radix, width);
  }),
  errprint: b(true, (ctx, a) => {
    if (!badArgc(ctx, a, 1, -1)) ctx.stderr(dumpArgs(a, ' '));
    return '';
  }),
  m4exit: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 1);
    let code: number | undefined = 0;
    if (a.length >= 2) code = numericArg(ctx, a, a[1].text);
    if (code === undefined) code = 1;
    if (code < 0 || code > 255) {
      ctx.warn(`exit status out of range: \`${code}'`);
      code = 1;
    }
    return ctx.exit(code);
  }),
  m4wrap: b(true, (ctx, a) => {
    if (!badArgc(ctx, a, 1, -1)) ctx.pushWrapup(dumpArgs(a, ' '));
    return '';
  }),
  maketemp: b(true, tempName),
  mkstemp: b(true, tempName),
  syscmd: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, 1)) return '';
    ctx.stdout(runCommand(ctx, a[1].text));
    return '';
  }),
  esyscmd: b(true, (ctx, a) => (badArgc(ctx, a, 1, 1) ? '' : runCommand(ctx, a[1].text))),
  sysval: b(false, (ctx) => String(ctx.sysval)),
  __file__: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 0);
    return quote(ctx, ctx.currentFile());
  }),
  __line__: b(false, (ctx, a) => {
    badArgc(ctx, a, 0, 0);
    return String(ctx.currentLine());
  }),
  __program__: b(false, (ctx) => quote(ctx, 'm4')),
  builtin: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, -1)) return '';
    if (a[1].func !== undefined) return ctx.callBuiltin(a[1].func, [{ text: a[1].func }, ...a.slice(2)]) ?? '';
    const r = ctx.callBuiltin(a[1].text, [{ text: a[1].text }, ...a.slice(2)]);
    if (r === undefined) ctx.warn(`undefined builtin \`${a[1].text}'`);
    return r ?? '';
  }, true),
  indir: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 1, -1)) return '';
    const r = ctx.callMacro(a[1].text, a.slice(2));
    if (r === undefined) ctx.warn(`undefined macro \`${a[1].text}'`);
    return r ?? '';
  }, true),
  dumpdef: b(false, (ctx, a) => {
    const names: string[] = [];
    for (const n of a.length > 1 ? a.slice(1).map((x) => x.text) : ctx.names()) {
      if (ctx.lookup(n)) names.push(n);
      else ctx.warn(`undefined macro \`${n}'`);
    }
    for (const n of names.sort()) {
      const d = ctx.lookup(n);
      if (d) ctx.stderr(`${n}:\t${d.kind === 'text' ? d.text : `<${d.name}>`}\n`);
    }
    return '';
  }),
  traceon: b(false, () => ''),
  traceoff: b(false, () => ''),
  debugmode: b(false, () => ''),
  debugfile: b(false, () => ''),
  regexp: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 2, 3)) return a.length === 2 ? '0' : '';
    const c = compileEmacs(a[2].text);
    if (!c.ok) {
      ctx.warn(`bad regular expression: \`${a[2].text}': ${c.error}`);
      return '';
    }
    c.re.lastIndex = 0;
    const m = c.re.exec(a[1].text);
    if (a.length === 3) return String(m ? m.index : -1);
    return m ? substitute(a[3].text, m, c.groups, (w) => ctx.warn(w), ctx.substituteState) : '';
  }),
  patsubst: b(true, (ctx, a) => {
    if (badArgc(ctx, a, 2, 3)) return a.length === 2 ? a[1].text : '';
    const c = compileEmacs(a[2].text);
    if (!c.ok) {
      ctx.warn(`bad regular expression \`${a[2].text}': ${c.error}`);
      return '';
    }
    const victim = a[1].text;
    const repl = a[3]?.text ?? '';
    let out = '';
    let offset = 0;
    while (offset <= victim.length) {
      c.re.lastIndex = offset;
      const m = c.re.exec(victim);
      if (!m) {
        out += victim.slice(offset);
        break;
      }
      out += victim.slice(offset, m.index) + substitute(repl, m, c.groups, (w) => ctx.warn(w), ctx.substituteState);
      offset = m.index + m[0].length;
      if (m[0].length === 0) {
        if (offset < victim.length) out += victim[offset];
        offset++;
      }
      if (out.length > ctx.limits.maxOutput) ctx.fatal(`ERROR: the lab stops m4 at an expansion of more than ${ctx.limits.maxOutput} bytes`);
    }
    return out;
  }),
};
