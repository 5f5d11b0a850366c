/**
 * Replays test/fixtures/coreutils/bash-interactive.json: what a terminal
 * showed while real interactive bash 5.2 (ignoreeof, Debian root prompt) read
 * the same keystrokes. The FakeTty echoes each line read as the tty would and
 * shows Ctrl-C as `^C` + newline, as the lab's line discipline does.
 * bash there was not a login shell: `Use "exit"` and the final `exit` read
 * as the lab's `Use "logout"` and `logout`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TraceLog } from '../trace/index.ts';
import { Vfs } from '../vfs/index.ts';
import { Shell } from './shell.ts';
import { coreCommands } from './commands/index.ts';
import { FakeTty, CTRL_C, type Scripted } from '../../../test/helpers/fake-tty.ts';
import { FakeHost } from '../../../test/helpers/fake-host.ts';

const fixture: { cases: { input: string[]; output: string }[] } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/coreutils/bash-interactive.json', import.meta.url), 'utf8'),
);

function toScript(input: string[]): Scripted[] {
  return input.map((i) => (i === '\x04' ? null : i === '\x03' ? CTRL_C : i));
}

async function replay(input: string[]): Promise<string> {
  const clock = { now: () => Date.UTC(2026, 10, 28, 12, 0) };
  const vfs = new Vfs({ clock });
  for (const d of ['/root', '/etc', '/tmp']) vfs.mkdir(d);
  vfs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  const shell = new Shell({ vfs, host: new FakeHost(), clock, trace: new TraceLog(), commands: coreCommands(), pid: 100 });
  const leaves = input[input.length - 1] === 'exit 3' || input.filter((i) => i === '\x04').length === 11;
  const tty = new FakeTty([...toScript(input), ...(leaves ? [] : ['exit'])]);
  await shell.interact(tty);
  return tty.output;
}

describe('interactive bash transcripts', () => {
  for (const c of fixture.cases) {
    it(JSON.stringify(c.input), async () => {
      const want = c.output.replace(/Use "exit" to leave the shell\./g, 'Use "logout" to leave the shell.').replace(/exit\n$/, 'logout\n');
      expect(await replay(c.input)).toBe(want);
    });
  }
});
