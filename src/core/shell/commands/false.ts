/** false: do nothing, unsuccessfully (a bash builtin). */
import type { Command } from '../types.ts';

export const falseCommand: Command = {
  name: 'false',
  usage: 'false',
  summary: 'Return an unsuccessful result.',
  builtin: true,
  async run() {
    return 1;
  },
};
