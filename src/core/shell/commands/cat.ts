/** cat (GNU coreutils): concatenate files and `-` (standard input); -n -b -s -E -T -A. */
import type { Command, CommandContext } from '../types.ts';
import { errText, helpText, parseOrUsage } from './util.ts';

interface CatOpts {
  number: boolean;
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
}

export const cat: Command = {
  name: 'cat',
  usage: 'cat [-nbsETA] [FILE]...',
  summary: 'Concatenate files (or standard input, "-") to standard output.',
  manual: '-n  number all output lines\n-b  number nonempty output lines\n-s  suppress repeated empty output lines\n-E  display $ at end of each line\n-T  display TAB characters as ^I\n-A  equivalent to -ET',
  async run(ctx) {
    const p = parseOrUsage(ctx, {
      flags: 'nbsETAuv',
      long: { number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-all': 'A', help: 'help' },
    });
    if (typeof p === 'number') return p;
    if (p.has('help')) {
      ctx.stdout.write(helpText(cat));
      return 0;
    }
    const o: CatOpts = {
      number: p.has('n') || p.has('b'),
      nonblank: p.has('b'),
      squeeze: p.has('s'),
      ends: p.has('E') || p.has('A'),
      tabs: p.has('T') || p.has('A'),
    };
    const plain = !o.number && !o.squeeze && !o.ends && !o.tabs;
    const state = { line: 0, prevBlank: false, atLineStart: true };
    let status = 0;
    for (const f of p.operands.length ? p.operands : ['-']) {
      if (ctx.signal.aborted) break;
      if (f === '-') {
        if (ctx.stdin.isTerminal) {
          for (;;) {
            const line = await ctx.stdin.readLine();
            if (line === null) break;
            ctx.stdout.write(plain ? line + '\n' : transform(line + '\n', o, state));
          }
        } else {
          const text = await ctx.stdin.readAll();
          ctx.stdout.write(plain ? text : transform(text, o, state));
        }
        continue;
      }
      const text = readFile(ctx, f);
      if (text === null) {
        status = 1;
        continue;
      }
      ctx.stdout.write(plain ? text : transform(text, o, state));
    }
    return status;
  },
};

function readFile(ctx: CommandContext, f: string): string | null {
  const path = ctx.shell.resolve(f);
  try {
    if (ctx.vfs.isDir(path)) {
      ctx.stderr.write(`cat: ${f}: Is a directory\n`);
      return null;
    }
    return ctx.vfs.readText(path);
  } catch (e) {
    ctx.stderr.write(`cat: ${f}: ${errText(e)}\n`);
    return null;
  }
}

function transform(text: string, o: CatOpts, st: { line: number; prevBlank: boolean; atLineStart: boolean }): string {
  let out = '';
  const parts = text.split('\n');
  parts.forEach((seg, i) => {
    const last = i === parts.length - 1;
    if (last && seg === '') return;
    const blank = seg === '' && !last;
    if (st.atLineStart) {
      if (o.squeeze && blank && st.prevBlank) return;
      if (o.number && !(o.nonblank && blank)) out += `${String(++st.line).padStart(6)}\t`;
    }
    out += o.tabs ? seg.replace(/\t/g, '^I') : seg;
    if (!last) {
      out += (o.ends ? '$' : '') + '\n';
      st.prevBlank = blank;
      st.atLineStart = true;
    } else {
      st.atLineStart = false;
    }
  });
  return out;
}
