/**
 * A script typed into a line discipline one line per read, after the reader
 * has shown its prompt: what `npm run lab < script` does, and what tests use
 * to drive a world's terminal exactly as a learner types.
 */
import type { LineDiscipline, ReadLineOptions, TerminalIO } from './line-discipline.ts';

/** `onEnd` runs when a read finds the script empty (that read then waits for input that never comes). */
export function scriptTerminal(ld: LineDiscipline, lines: string[], onEnd: () => void = () => {}): TerminalIO {
  return {
    readLine(opts?: ReadLineOptions): Promise<string | null> {
      const read = ld.readLine(opts);
      const next = lines.shift();
      if (next === undefined) onEnd();
      else ld.input(next + '\r');
      return read;
    },
    write: (text) => ld.write(text),
    onInterrupt: (l) => ld.onInterrupt(l),
  };
}
