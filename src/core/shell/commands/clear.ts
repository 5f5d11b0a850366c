/** clear (ncurses, TERM=xterm-256color): home, erase the screen and the scrollback. */
import type { Command } from '../types.ts';

export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

export const clear: Command = {
  name: 'clear',
  usage: 'clear',
  summary: 'Clear the terminal screen.',
  async run(ctx) {
    ctx.stdout.write(CLEAR_SEQUENCE);
    return 0;
  },
};
