import { describe, expect, it } from 'vitest';
import { steppingClock, TraceLog } from '../trace/index.ts';
import { Vfs } from '../vfs/index.ts';
import { Shell } from './shell.ts';
import { coreCommands } from './commands/index.ts';
import type { Command } from './types.ts';
import { FakeTty, CTRL_C } from '../../../test/helpers/fake-tty.ts';
import { FakeHost } from '../../../test/helpers/fake-host.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 50);

function world(extra: Command[] = []): { shell: Shell; vfs: Vfs; host: FakeHost; trace: TraceLog } {
  const clock = steppingClock(T0);
  const vfs = new Vfs({ clock });
  vfs.mkdir('/root', { mode: 0o700 });
  vfs.mkdir('/etc/mail', { parents: true });
  vfs.chmod('/etc/mail', 0o2755);
  vfs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  vfs.writeFile('/etc/group', 'root:x:0:\nsmmsp:x:112:\n');
  vfs.writeFile('/etc/mail/access', 'Connect:localhost RELAY\n');
  const host = new FakeHost({ now: () => clock.now() });
  const trace = new TraceLog();
  const commands = coreCommands();
  for (const c of extra) commands.set(c.name, c);
  const shell = new Shell({ vfs, host, clock, trace, commands });
  return { shell, vfs, host, trace };
}

async function session(lines: (string | null)[], extra: Command[] = []): Promise<{ out: string; shell: Shell; vfs: Vfs; host: FakeHost }> {
  const w = world(extra);
  const tty = new FakeTty([...lines, 'exit']);
  await w.shell.interact(tty);
  return { out: tty.output, ...w };
}

describe('Shell REPL', () => {
  it('prompts like Debian bash and shows ~ and other directories', async () => {
    const { out } = await session(['cd /etc/mail', 'pwd', 'cd', 'pwd']);
    expect(out).toBe(
      'root@mail:~# cd /etc/mail\nroot@mail:/etc/mail# pwd\n/etc/mail\nroot@mail:/etc/mail# cd\nroot@mail:~# pwd\n/root\nroot@mail:~# exit\nlogout\n',
    );
  });

  it('reports unknown commands, syntax errors and keeps $?', async () => {
    const { out } = await session(['foo', 'echo $?', 'ls | | x', 'echo $?', 'false; echo $?', 'echo $?']);
    expect(out).toContain("root@mail:~# foo\nbash: foo: command not found\nroot@mail:~# echo $?\n127\n");
    expect(out).toContain("bash: syntax error near unexpected token `|'\nroot@mail:~# echo $?\n2\n");
    expect(out).toContain('false; echo $?\n1\nroot@mail:~# echo $?\n0\n');
  });

  it('asks for continuation lines with > for open quotes and trailing pipes', async () => {
    const { out } = await session(['echo "abc', 'def"', 'echo a |', 'cat']);
    expect(out).toContain('root@mail:~# echo "abc\n> def"\nabc\ndef\n');
    expect(out).toContain('root@mail:~# echo a |\n> cat\na\n');
  });

  it('reads heredoc bodies with the > prompt', async () => {
    const { out, vfs } = await session(["cat > /root/x <<'EOF'", 'a $HOME', 'EOF', 'cat <<EOF', 'b $HOME', 'EOF']);
    expect(vfs.readText('/root/x')).toBe('a $HOME\n');
    expect(out).toContain('> EOF\nroot@mail:~# cat <<EOF\n> b $HOME\n> EOF\nb /root\n');
  });

  it('prints bash errors at end of input inside a quote, a pipe and a heredoc', async () => {
    const w = world();
    const tty = new FakeTty(['echo "abc', null, 'echo a |', null, 'true', 'cat <<EOF', 'x', null, 'exit']);
    await w.shell.interact(tty);
    expect(tty.output).toBe(
      'root@mail:~# echo "abc\n> ' +
        "bash: unexpected EOF while looking for matching `\"'\n" +
        'root@mail:~# echo a |\n> bash: syntax error: unexpected end of file\nUse "logout" to leave the shell.\n' +
        'root@mail:~# true\nroot@mail:~# cat <<EOF\n> x\n> ' +
        "bash: warning: here-document at line 4 delimited by end-of-file (wanted `EOF')\nx\n" +
        'root@mail:~# exit\nlogout\n',
    );
  });

  it('ignores Ctrl-D on an empty line (ignoreeof) and leaves after the 11th', async () => {
    const w = world();
    const tty = new FakeTty([null, 'echo $?', ...new Array(11).fill(null)]);
    await w.shell.interact(tty);
    const lines = tty.output.split('\n');
    expect(lines[0]).toBe('root@mail:~# Use "logout" to leave the shell.');
    expect(lines[1]).toBe('root@mail:~# echo $?');
    expect(tty.output.match(/Use "logout"/g)?.length).toBe(11);
    expect(tty.output.endsWith('root@mail:~# logout\n')).toBe(true);
  });

  it('Ctrl-C at the prompt and during a command sets $? to 130', async () => {
    const waiting: Command = {
      name: 'wait4c',
      usage: 'wait4c',
      summary: 'waits for Ctrl-C',
      async run(ctx) {
        await ctx.signal.whenAborted;
        return 130;
      },
    };
    const w = world([waiting]);
    const tty = new FakeTty(['abc' + CTRL_C], { endWhenEmpty: false });
    const done = w.shell.interact(tty);
    // The scripted '\x03'-suffixed line is a normal line; use interrupt() for real Ctrl-C.
    await new Promise((r) => setTimeout(r, 0));
    tty.feed(CTRL_C, 'echo $?', 'wait4c');
    await new Promise((r) => setTimeout(r, 0));
    tty.interrupt();
    tty.feed('echo $?', 'exit');
    await done;
    expect(tty.output).toContain('root@mail:~# ^C\nroot@mail:~# echo $?\n130\n');
    expect(tty.output).toContain('root@mail:~# wait4c\n^C\nroot@mail:~# echo $?\n130\n');
  });

  it('keeps history and completes commands and paths', async () => {
    const { shell } = await session(['echo a', '', 'ls /etc']);
    expect(shell.history).toEqual(['echo a', 'ls /etc', 'exit']);
    expect(shell.complete('ec', 2)).toEqual({ from: 0, candidates: ['echo'] });
    expect(shell.complete('ls /etc/m', 9)).toEqual({ from: 3, candidates: ['/etc/mail/'] });
    expect(shell.complete('cat /etc/mail/a', 15)).toEqual({ from: 4, candidates: ['/etc/mail/access'] });
    expect(shell.complete('ls | ca', 7)).toEqual({ from: 5, candidates: ['cat'] });
    expect(shell.complete('ls ', 3).candidates).toEqual([]);
    expect(shell.complete('ls /etc/', 8).candidates).toEqual(['/etc/group', '/etc/mail/', '/etc/passwd']);
    expect(shell.complete('ls ~/', 5).candidates).toEqual([]);
    expect(shell.complete('echo x > /etc/pa', 16)).toEqual({ from: 9, candidates: ['/etc/passwd'] });
  });
});

describe('Shell.run', () => {
  it('runs pipelines, redirections, && and ||', async () => {
    const { shell, vfs } = world();
    const r = await shell.capture('echo hi > /root/f && cat /root/f | cat; false || echo no; cat /nope 2>&1; echo $?');
    expect(r.output).toBe('hi\nno\ncat: /nope: No such file or directory\n1\n');
    expect(vfs.stat('/root/f').mode).toBe(0o644);
  });

  it('expands variables, globs, tilde and command substitution', async () => {
    const { shell } = world();
    const r = await shell.capture('X="a  b"; echo $X "$X" ~ /etc/m* /etc/nomatch* $(echo sub) ${Y:-dflt}');
    expect(r.output).toBe('a b a  b /root /etc/mail /etc/nomatch* sub dflt\n');
  });

  it('reports bad redirections as bash does', async () => {
    const { shell } = world();
    expect((await shell.capture('cat < /nope')).output).toBe('bash: /nope: No such file or directory\n');
    expect((await shell.capture('echo x > /etc')).output).toBe('bash: /etc: Is a directory\n');
    expect((await shell.capture('echo x > /no/such')).output).toBe('bash: /no/such: No such file or directory\n');
  });

  it('emits shell.command and shell.exit trace events', async () => {
    const { shell, trace } = world();
    await shell.run('false');
    expect(trace.of('shell.exit')).toEqual([{ kind: 'shell.exit', line: 'false', code: 1 }]);
  });
});

describe('fatal expansion errors', () => {
  it('abandon the rest of the line but not the next line; not from a subshell', async () => {
    const { shell } = world();
    expect((await shell.capture('echo ${a b}; echo no\necho $?; echo $((2**3))')).output).toBe('bash: ${a b}: bad substitution\n1\n8\n');
    expect((await shell.capture('(echo $((1/0)); echo no); echo yes')).output).toBe('bash: 1/0: division by 0 (error token is "0")\nyes\n');
    expect((await shell.capture('echo "$(echo ${x y})" after')).output).toBe('bash: ${x y}: bad substitution\n after\n');
  });
});
