/** true: do nothing, successfully (a bash builtin). */
import type { Command } from '../types.ts';

export const trueCommand: Command = {
  name: 'true',
  usage: 'true',
  summary: 'Return a successful result.',
  builtin: true,
  async run() {
    return 0;
  },
};

/** `:`, the null command (a bash builtin). */
export const colon: Command = {
  name: ':',
  usage: ': [ARG ...]',
  summary: 'Do nothing, successfully (arguments are expanded and ignored).',
  builtin: true,
  async run() {
    return 0;
  },
};
