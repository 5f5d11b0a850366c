import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceLog } from '../trace/index.ts';
import { Vfs } from '../vfs/index.ts';
import { Shell } from './shell.ts';
import { BufferOutput } from './io.ts';
import { coreCommands } from './commands/index.ts';
import { FakeHost } from '../../../test/helpers/fake-host.ts';
import { FakeTty } from '../../../test/helpers/fake-tty.ts';

function fresh(): Shell {
  const clock = { now: () => Date.UTC(2026, 10, 28, 12, 0) };
  const vfs = new Vfs({ clock });
  vfs.mkdir('/etc/mail', { parents: true, mode: 0o2755 });
  vfs.mkdir('/root');
  vfs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  vfs.writeFile('/etc/group', 'root:x:0:\n');
  vfs.writeFile('/etc/mail/access', 'Connect:localhost RELAY\n');
  vfs.writeFile('/root/notes', 'one\ntwo\n');
  // `tail -f` follows until Ctrl-C: not something a script without a terminal can end.
  const commands = coreCommands();
  commands.delete('tail');
  return new Shell({ vfs, host: new FakeHost(), clock, trace: new TraceLog(), commands, pid: 1 });
}

const token = fc.constantFrom(
  'echo', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'chmod', 'chown', 'grep', 'wc', 'head', 'cd', 'pwd', 'touch', 'kill', 'ps', 'test', '[', ']',
  'export', 'history', 'man', 'help', 'type', 'date', 'exit', 'true', 'false', '-r', '-f', '-la', '-p', '-n', '2', '755', 'u+x', 'go-rwx', 'root:root',
  '/etc', '/etc/mail', 'access', '/root/notes', 'x', '*', '?', '~', ' ', ' ', ' ', '|', '&&', '||', ';', '&', '>', '>>', '<', '2>&1', '<<E',
  '\n', 'E', "'", '"', '$', '$?', '${x:-y}', '$(', ')', '(', '`', '\\', '#', '=', 'é', '\u0007',
  'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', '{', '}', '$((', '1+1', '))',
);

describe('Shell never throws', () => {
  it('runs 2,000 random command lines through Shell.run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 16 }), async (tokens) => {
        const shell = fresh();
        const out = new BufferOutput();
        const status = await shell.run(tokens.join(''), { stdout: out, stderr: out });
        expect(Number.isInteger(status)).toBe(true);
        expect(status).toBeGreaterThanOrEqual(0);
        expect(status).toBeLessThan(256);
        // A command that threw would print its JavaScript error here.
        expect(out.text).not.toMatch(/TypeError|RangeError|ReferenceError|SyntaxError|is not a function|Cannot read prop|Maximum call stack/);
      }),
      { numRuns: 2000 },
    );
  });

  it('runs random unicode lines through Shell.run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (line) => {
        const status = await fresh().run(line, { stdout: new BufferOutput(), stderr: new BufferOutput() });
        expect(Number.isInteger(status)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('survives random lines and Ctrl-D/Ctrl-C in the REPL', async () => {
    const line = fc.oneof(
      fc.array(token, { maxLength: 10 }).map((t) => t.join('').replace(/\n/g, ' ')),
      fc.constant(null),
      fc.constant('\x03'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        const tty = new FakeTty([...lines, 'exit', 'exit', 'exit']);
        await fresh().interact(tty);
        expect(typeof tty.output).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
