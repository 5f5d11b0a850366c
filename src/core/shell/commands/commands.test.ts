/** Commands whose behaviour depends on the terminal, the clock or the host (the rest is in coreutils.test.ts). */
import { describe, expect, it } from 'vitest';
import { TraceLog } from '../../trace/index.ts';
import { Vfs } from '../../vfs/index.ts';
import { Shell } from '../shell.ts';
import { coreCommands } from './index.ts';
import { columnsLayout, human } from './ls.ts';
import { FakeTty } from '../../../../test/helpers/fake-tty.ts';
import { FakeHost } from '../../../../test/helpers/fake-host.ts';
import type { Command } from '../types.ts';

/** First and last words of the footer line of a man page. */
function manPageLines(page: string): string[] {
  const lines = page.trimEnd().split('\n');
  const footer = lines[lines.length - 1];
  expect(footer.length).toBe(78);
  return [lines[0].split(' ')[0], footer.slice(0, 12), footer.trim().split(/\s+/).pop() as string];
}

const NOW = Date.UTC(2026, 10, 28, 12, 50);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function world(extra: Command[] = []) {
  const clock = { now: () => NOW };
  const vfs = new Vfs({ clock });
  vfs.mkdir('/root', { mode: 0o700 });
  vfs.mkdir('/var/log', { parents: true });
  vfs.mkdir('/etc/mail', { parents: true });
  vfs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nsmmta:x:103:111:Mail Transfer Agent,,,:/var/lib/sendmail:/usr/sbin/nologin\n');
  vfs.writeFile('/etc/group', 'root:x:0:\nsmmta:x:111:\nsmmsp:x:112:\n');
  vfs.writeFile('/etc/hosts', '127.0.0.1\tlocalhost\n127.0.1.1\tmail.example.test mail\n');
  vfs.writeFile('/var/log/mail.log', 'line 1\nline 2\n');
  const host = new FakeHost({ now: () => NOW - 3600_000 });
  const commands = coreCommands();
  for (const c of extra) commands.set(c.name, c);
  const shell = new Shell({ vfs, host, clock, trace: new TraceLog(), commands });
  return { vfs, host, shell };
}

describe('tail -f', () => {
  it('follows appended lines until Ctrl-C, then $? is 130', async () => {
    const { vfs, shell } = world();
    const tty = new FakeTty(['tail -f /var/log/mail.log'], { endWhenEmpty: false });
    const done = shell.interact(tty);
    await tick();
    vfs.appendFile('/var/log/mail.log', 'line 3\n');
    await tick();
    vfs.appendFile('/var/log/mail.log', 'line 4\n');
    vfs.writeFile('/var/log/other', 'ignored\n');
    await tick();
    tty.interrupt();
    tty.feed('echo $?', 'exit');
    await done;
    expect(tty.output).toBe(
      'root@mail:~# tail -f /var/log/mail.log\nline 1\nline 2\nline 3\nline 4\n^C\nroot@mail:~# echo $?\n130\nroot@mail:~# exit\nlogout\n',
    );
  });

  it('reports a truncated file and goes on from its start', async () => {
    const { vfs, shell } = world();
    const tty = new FakeTty(['tail -n 1 -f /var/log/mail.log'], { endWhenEmpty: false });
    const done = shell.interact(tty);
    await tick();
    vfs.writeFile('/var/log/mail.log', 'new\n');
    await tick();
    tty.interrupt();
    tty.feed('exit');
    await done;
    expect(tty.output).toContain('line 2\ntail: /var/log/mail.log: file truncated\nnew\n^C\n');
  });
});

describe('ps and kill', () => {
  it('ps lists this terminal; ps aux and ps -ef list every process', async () => {
    const { host, shell } = world();
    host.procs.push({ pid: 812, ppid: 1, user: 'root', tty: '?', startedAt: NOW - 7200_000, command: 'sendmail: MTA: accepting connections' });
    const bashPid = shell.pid;
    const ps = await shell.capture('ps');
    expect(ps.output).toBe(`    PID TTY          TIME CMD\n${String(bashPid).padStart(7)} pts/0    00:00:00 bash\n   1001 pts/0    00:00:00 ps\n`);
    const aux = await shell.capture('ps aux');
    expect(aux.output.split('\n')[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux.output).toContain('root         812  0.0  0.0  11592  3284 ?        Ss   10:50   0:00 sendmail: MTA: accepting connections\n');
    expect(aux.output).toContain(`root        1002  0.0  0.0  11084  4480 pts/0    R+   11:50   0:00 ps aux\n`);
    const ef = await shell.capture('ps -ef');
    expect(ef.output.split('\n')[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(ef.output).toContain('root         812       1  0 10:50 ?        00:00:00 sendmail: MTA: accepting connections\n');
  });

  it('kill sends TERM by default, -HUP, -9; unknown pids as bash says', async () => {
    const { host, shell } = world();
    host.procs.push({ pid: 812, ppid: 1, user: 'root', tty: '?', startedAt: NOW, command: 'sendmail: MTA: accepting connections' });
    host.procs.push({ pid: 813, ppid: 1, user: 'root', tty: '?', startedAt: NOW, command: 'other' });
    expect(await shell.capture('kill -HUP 812; kill 812; kill -9 813; kill 812; echo $?')).toEqual({
      output: 'bash: kill: (812) - No such process\n1\n',
      status: 0,
    });
    expect(host.killed).toEqual([
      { pid: 812, signal: 'HUP' },
      { pid: 812, signal: 'TERM' },
      { pid: 813, signal: 'KILL' },
    ]);
    expect((await shell.capture('kill -s usr1 999')).output).toBe('bash: kill: (999) - No such process\n');
  });

  it('kill $(cat pidfile) works through command substitution', async () => {
    const { host, vfs, shell } = world();
    host.procs.push({ pid: 777, ppid: 1, user: 'root', tty: '?', startedAt: NOW, command: 'sendmail: MTA: accepting connections' });
    vfs.mkdir('/run/sendmail/mta', { parents: true });
    vfs.writeFile('/run/sendmail/mta/sendmail.pid', '777\n/usr/sbin/sendmail-mta -bd -q10m\n');
    await shell.capture('kill `head -1 /run/sendmail/mta/sendmail.pid`');
    expect(host.killed).toEqual([{ pid: 777, signal: 'TERM' }]);
  });
});

describe('terminal output', () => {
  it('ls lays out columns on a terminal, one per line into a pipe', async () => {
    const { vfs, shell } = world();
    for (const n of ['access', 'access.db', 'aliases', 'helpfile', 'local-host-names', 'sendmail.cf', 'sendmail.mc', 'submit.cf', 'submit.mc', 'trusted-users'])
      vfs.writeFile(`/etc/mail/${n}`, '');
    vfs.mkdir('/etc/mail/certs');
    const tty = new FakeTty(['ls /etc/mail', 'ls /etc/mail | head -2']);
    await shell.interact(tty);
    expect(tty.output).toContain(
      'root@mail:~# ls /etc/mail\n' +
        'access\t   aliases  helpfile\t      sendmail.cf  submit.cf  trusted-users\n' +
        'access.db  certs    local-host-names  sendmail.mc  submit.mc\n' +
        'root@mail:~# ls /etc/mail | head -2\naccess\naccess.db\n',
    );
  });

  it('columnsLayout matches GNU for the captured `ls -C` line', () => {
    expect(columnsLayout(['Upper', 'big', 'd', 'empty', 'f1', 'key.pem', 'link', 'mail', 'old.txt', 'script.sh'], 80)).toBe(
      'Upper  big  d  empty  f1  key.pem  link  mail  old.txt\tscript.sh\n',
    );
  });

  it('human sizes round up like GNU', () => {
    expect([0, 8, 1023, 1024, 1025, 4096, 10239, 10240, 123456, 1048576, 1048577].map(human)).toEqual(
      ['0', '8', '1023', '1.0K', '1.1K', '4.0K', '10K', '10K', '121K', '1.0M', '1.1M'],
    );
  });

  it('clear writes the xterm clear sequence', async () => {
    const { shell } = world();
    expect((await shell.capture('clear')).output).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('cat copies terminal lines until Ctrl-D', async () => {
    const { shell } = world();
    const tty = new FakeTty(['cat > /root/typed', 'a', 'b', null, 'cat /root/typed']);
    await shell.interact(tty);
    expect(tty.output).toContain('root@mail:~# cat > /root/typed\na\nb\nroot@mail:~# cat /root/typed\na\nb\n');
  });
});

describe('builtins and help', () => {
  it('history numbers entries like bash', async () => {
    const { shell } = world();
    const tty = new FakeTty(['echo a', 'history']);
    await shell.interact(tty);
    expect(tty.output).toContain('    1  echo a\n    2  history\n');
  });

  it('help lists commands from the registry and shows one usage; man builds a page', async () => {
    const sendmail: Command = { name: 'sendmail', usage: 'sendmail [-bd] [-bs] [-bv] ...', summary: 'The Sendmail mail transfer agent.', path: '/usr/sbin/sendmail', section: 8, async run() { return 0; } };
    const { shell } = world([sendmail]);
    const list = (await shell.capture('help')).output;
    expect(list).toContain('  sendmail  The Sendmail mail transfer agent.\n');
    expect(list).toContain('  chmod     Change file mode bits');
    expect((await shell.capture('help chmod')).output).toBe('chmod: chmod [-R] MODE FILE...\n    Change file mode bits: octal (600, 2755) or symbolic (u+x, go-rwx, a=r, +X).\n');
    expect((await shell.capture('help nope; echo $?')).output).toBe("bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n1\n");
    const page = (await shell.capture('man sendmail')).output;
    expect(page.split('\n')[0]).toBe('SENDMAIL(8)                 System Manager\'s Manual                SENDMAIL(8)');
    expect(manPageLines(page)).toEqual(['SENDMAIL(8)', 'STARTTLS Lab', 'SENDMAIL(8)']);
    const grepPage = (await shell.capture('man grep')).output;
    expect(Math.max(...grepPage.split('\n').map((l) => l.length))).toBe(78);
    expect(page).toContain('NAME\n       sendmail - the Sendmail mail transfer agent\n\nSYNOPSIS\n       sendmail [-bd] [-bs] [-bv] ...\n');
    expect((await shell.capture('type sendmail; /usr/sbin/sendmail; echo $?')).output).toBe('sendmail is /usr/sbin/sendmail\n0\n');
    expect((await shell.capture('man nope; echo $?')).output).toBe('No manual entry for nope\n16\n');
  });

  it('export, env and unset', async () => {
    const { shell } = world();
    const r = await shell.capture('export GREETING=hi; env | grep GREETING; A=1; env | grep -c ^A=; unset GREETING; echo "[$GREETING]"');
    expect(r.output).toBe('GREETING=hi\n0\n[]\n');
  });

  it('hostname, id, whoami, date', async () => {
    const { shell } = world();
    expect((await shell.capture('hostname; hostname -f; hostname -i; whoami; id; id smmta; date; date +%F')).output).toBe(
      'mail\nmail.example.test\n127.0.1.1\nroot\nuid=0(root) gid=0(root) groups=0(root)\nuid=103(smmta) gid=111(smmta) groups=111(smmta)\n' +
        'Sat Nov 28 12:50:00 UTC 2026\n2026-11-28\n',
    );
  });

  it('background jobs print [1] PID and Done before the next prompt', async () => {
    const { shell } = world();
    const tty = new FakeTty(['true &', 'echo $!', 'false &', '', 'exit']);
    await shell.interact(tty);
    // A job that ends at once is reported before the next prompt, as bash does when it has seen it end.
    expect(tty.output).toBe(
      'root@mail:~# true &\n[1] 1001\n[1]+  Done                    true\nroot@mail:~# echo $!\n1001\n' +
        'root@mail:~# false &\n[1] 1002\n[1]+  Exit 1                  false\nroot@mail:~# \nroot@mail:~# exit\nlogout\n',
    );
  });
});
