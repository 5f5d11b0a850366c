/**
 * help: the lab's command list with one-line summaries from the registry, or
 * one command's usage. SIMPLIFIED: bash's help lists only its builtins; the
 * lab's lists every command a learner can use.
 */
import { compareBytes } from '../../vfs/index.ts';
import type { Command } from '../types.ts';

export const help: Command = {
  name: 'help',
  usage: 'help [COMMAND]',
  summary: 'List the available commands, or show how to use one.',
  builtin: true,
  async run(ctx) {
    const names = ctx.argv.slice(1);
    const cmds = ctx.shell.commands;
    if (names.length === 0) {
      const all = [...cmds.values()].sort((a, b) => compareBytes(a.name, b.name));
      const w = Math.max(...all.map((c) => c.name.length));
      let out = "Commands of this host. Type 'help NAME' for its usage, 'man NAME' for its manual.\n\n";
      for (const c of all) out += `  ${c.name.padEnd(w)}  ${c.summary}\n`;
      ctx.stdout.write(out);
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const c: Command | undefined = cmds.get(n);
      if (!c) {
        ctx.stderr.write(`bash: help: no help topics match \`${n}'.  Try \`help help' or \`man -k ${n}' or \`info ${n}'.\n`);
        status = 1;
        continue;
      }
      ctx.stdout.write(`${c.name}: ${c.usage}\n    ${c.summary}\n`);
    }
    return status;
  },
};
