/**
 * A real STARTTLS session typed in telnet in the reference world (seeded, so
 * the bytes repeat), for the Cipher and Wire panel model tests.
 */
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../../src/core/sim/index.ts';
import { seededRandom, steppingClock, type TraceEvent } from '../../../src/core/trace/index.ts';
import { LineDiscipline } from '../../../src/terminal/line-discipline.ts';
import type { ReadLineOptions, TerminalIO } from '../../../src/core/shell/types.ts';

export const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export const DIALOGUE = [
  'sendmail -bd',
  'telnet localhost 25',
  'EHLO client.example.test',
  'MAIL FROM:<alice@example.test>',
  'RCPT TO:<root@mail.example.test>',
  'RSET',
  'STARTTLS',
  'EHLO client.example.test',
  'MAIL FROM:<secret-sender@example.test>',
  'RCPT TO:<secret-rcpt@mail.example.test>',
  'QUIT',
  'exit',
];

/** Runs the lines in a fresh reference world; returns its trace and what the terminal printed. */
export async function runSession(lines: readonly string[] = DIALOGUE, seed = 7): Promise<{ events: readonly TraceEvent[]; screen: string }> {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(seed), subtle });
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (t: string) => void (screen += t), newline: '\n' });
  const queue = [...lines];
  const tty: TerminalIO = {
    readLine(opts?: ReadLineOptions) {
      const read = ld.readLine(opts);
      const next = queue.shift();
      if (next !== undefined) ld.input(next + '\r');
      return read;
    },
    write: (t) => ld.write(t),
    onInterrupt: (l) => ld.onInterrupt(l),
  };
  await w.runTerminal(tty);
  return { events: w.trace.events, screen };
}
