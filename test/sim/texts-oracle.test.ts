/**
 * Four texts of the lab's programs against what the real ones printed
 * (test/fixtures/sendmail/texts/, captured by capture-texts.sh): newaliases
 * and sendmail -bi without /etc/mail/aliases; `service`'s own words and the
 * init script's usage; `/etc/init.d/sendmail status` (and `service sendmail
 * status`) with the daemon stopped and running; `?` at telnet's prompt.
 * Each runs in a fresh reference world, compared byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { BufferOutput, StringInput } from '../../src/core/shell/io.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'sendmail', 'texts');
const read = (name: string): string => readFileSync(join(DIR, name), 'latin1');

async function world(): Promise<World> {
  let t = Date.UTC(2026, 10, 28, 12, 0, 0);
  return createWorld({ kind: 'reference', clock: { now: () => (t += 1) }, random: seededRandom(5), subtle: webcrypto.subtle as unknown as SubtleCrypto });
}

async function run(w: World, command: string): Promise<{ stdout: string; stderr: string; status: number }> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const status = await w.newShell().run(command, { stdin: new StringInput(''), stdout, stderr });
  return { stdout: stdout.text, stderr: stderr.text, status };
}

function expected(name: string): { stdout: string; stderr: string; status: number } {
  return { stdout: read(`${name}.stdout`), stderr: read(`${name}.stderr`), status: Number(read(`${name}.exit`).trim()) };
}

const command = (name: string): string => read(`${name}.cmd`).split('\n')[0];

describe('newaliases and sendmail -bi without /etc/mail/aliases', () => {
  for (const name of ['newaliases-no-aliases', 'sendmail-bi-no-aliases']) {
    it(`${name}: ${command(name)}`, async () => {
      const w = await world();
      w.vfs.unlink('/etc/mail/aliases');
      const log: string[] = [];
      w.syslog.subscribe((r) => log.push(rawLine(r)));
      expect(await run(w, command(name))).toEqual(expected(name));
      // the real one logged nothing (README)
      expect(log).toEqual([]);
      expect(w.vfs.exists('/etc/mail/aliases')).toBe(false);
    });
  }
});

describe("service's words and the init script's usage", () => {
  for (const name of ['service-no-args', 'service-help', 'service-unknown', 'service-sendmail-no-action', 'service-sendmail-bad-action']) {
    it(`${name}: ${command(name)}`, async () => {
      expect(await run(await world(), command(name))).toEqual(expected(name));
    });
  }
});

/** ps's columns are as wide as pid_max makes them (capture machine 32768, the lab's host 4194304): spaces collapsed. */
const squeezePs = (s: string): string => s.replace(/^(UID .*|root .*accepting connections)$/gm, (l) => l.replace(/ +/g, ' '));

describe('/etc/init.d/sendmail status', () => {
  for (const name of ['init-status-stopped', 'service-status-stopped']) {
    it(`${name}: ${command(name)}`, async () => {
      expect(await run(await world(), command(name))).toEqual(expected(name));
    });
  }
  for (const name of ['init-status-running', 'service-status-running']) {
    it(`${name}: ${command(name)} (started by the init script)`, async () => {
      const w = await world();
      expect((await run(w, '/etc/init.d/sendmail start')).status).toBe(0);
      const pid = w.mta.daemonPid;
      expect(pid).not.toBeNull();
      const got = await run(w, command(name));
      const stdout = got.stdout
        .replace(new RegExp(`\\b${pid}\\b`, 'g'), '<PID>')
        .replace(/^(root +<PID> +\d+ +\d+ )\d\d:\d\d /m, '$1<STIME> ')
        .replace(/Child Process \d+ /, 'Child Process <CHILDPID> ');
      // figures of the machine at the moment (they changed between two captures)
      const figures = (t: string): string => t.replace(/(free disk space \(in blocks\)|Load average): \d+/g, '$1: <N>');
      const want = expected(name);
      expect({ ...got, stdout: figures(squeezePs(stdout)) }).toEqual({ ...want, stdout: figures(squeezePs(want.stdout)) });
      // the daemon's line is ps's: the same columns as the lab's `ps -ef`
      const ps = await run(w, 'ps -ef');
      const line = got.stdout.split('\n').find((l) => l.endsWith('sendmail: MTA: accepting connections'));
      expect(ps.stdout.split('\n')).toContain(line);
    });
  }
});

interface TerminalFixture {
  command: string;
  terminal: ({ terminal: string } | { type: string })[];
  exit: number;
}

describe("telnet's ? at its prompt", () => {
  it('telnet, ?, quit: the terminal as a pty showed the real one', async () => {
    const f = JSON.parse(read('telnet-help.json')) as TerminalFixture;
    const w = await world();
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\r\n' });
    const done = w.runTerminal(ld);
    ld.input(`${f.command}\r`);
    for (const e of f.terminal) if ('type' in e) ld.input(e.type);
    ld.input('echo "exit=$?"\rexit\r');
    await done;
    const start = screen.indexOf(`${f.command}\r\n`) + f.command.length + 2;
    const end = screen.indexOf('root@mail:~# ', start);
    expect(screen.slice(start, end)).toBe(f.terminal.map((e) => ('terminal' in e ? e.terminal : '')).join(''));
    expect(screen).toContain(`\r\nexit=${f.exit}\r\n`);
  });

  it('^], ?, quit inside a connection: the terminal from ^] on as the real one showed it', async () => {
    const f = JSON.parse(read('telnet-escape-help.json')) as TerminalFixture;
    const w = await world();
    expect(await w.newShell().run('/usr/sbin/sendmail -L sm-mta -bd -q30m')).toBe(0);
    let screen = '';
    const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\r\n' });
    const done = w.runTerminal(ld);
    ld.input('telnet localhost 25\r');
    for (const e of f.terminal) if ('type' in e) ld.input(e.type);
    ld.input('echo "exit=$?"\rexit\r');
    await done;
    // the real one talked to a listener that greeted with `220 hi`: compared from the ^] on
    const want = f.terminal.slice(2).map((e) => ('terminal' in e ? e.terminal : '')).join('');
    const start = screen.indexOf('\r\n^]') + 2;
    expect(screen.slice(start, screen.indexOf('root@mail:~# ', start))).toBe(want);
    expect(screen).toContain(`\r\nexit=${f.exit}\r\n`);
  });
});
