/**
 * The world's programs against what the real ones printed
 * (test/fixtures/sendmail/commands/: sendmail -bv/-bi/-bp/-d0.1, mailq,
 * newaliases, bad options; telnet as the terminal showed it). Each command
 * runs in a fresh reference world; stdout, stderr, exit status and the syslog
 * lines it caused must equal the capture after the fixtures' normalisation.
 * The kit's daemon listened on 2525; the lab's listens on 25.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { BufferOutput, StringInput } from '../../src/core/shell/io.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { Normaliser } from '../sendmail/normalise.ts';

type Kind = 'reference' | 'fresh';
const DIRS: Record<Kind, string> = {
  reference: join(import.meta.dirname, '..', 'fixtures', 'sendmail', 'commands'),
  fresh: join(import.meta.dirname, '..', 'fixtures', 'sendmail', 'fresh', 'commands'),
};
let kind: Kind = 'reference';
const read = (name: string): string => readFileSync(join(DIRS[kind], name), 'latin1');
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

async function world(): Promise<World> {
  let t = Date.UTC(2026, 10, 28, 12, 0, 0);
  return createWorld({ kind, clock: { now: () => (t += 1) }, random: seededRandom(5), subtle: webcrypto.subtle as unknown as SubtleCrypto });
}

function collectLog(w: World): string[] {
  const log: string[] = [];
  w.syslog.subscribe((r) => log.push(rawLine(r)));
  return log;
}

// name of the capture -> the command line it ran (from its .cmd) and its stdin
const PLAIN: [string, string, string][] = [
  ['sendmail-bv-root', 'sendmail -bv root', ''],
  ['sendmail-bv-alice', 'sendmail -bv alice', ''],
  ['sendmail-bv-staff', 'sendmail -bv staff', ''],
  ['sendmail-bv-nosuch', 'sendmail -bv nosuch', ''],
  ['sendmail-bv-someone-remote', 'sendmail -bv someone@remote.example', ''],
  ['sendmail-d0.1-bv-root', 'sendmail -d0.1 -bv root', ''],
  ['sendmail-bad-flag', 'sendmail -z', ''],
  ['sendmail-bad-b-mode', 'sendmail -bx', ''],
  ['sendmail-bd-bad-flag', 'sendmail -bd -X', ''],
  ['sendmail-no-recipients', 'sendmail', 'Subject: x\n\nhi\n'],
  ['newaliases', 'newaliases', ''],
  ['sendmail-bi', 'sendmail -bi', ''],
  ['mailq-empty', 'mailq', ''],
];

const FRESH_PLAIN = PLAIN.filter(([name]) => ['sendmail-bv-root', 'sendmail-d0.1-bv-root', 'newaliases', 'sendmail-bi', 'mailq-empty'].includes(name));

for (const [k, list] of [['reference', PLAIN], ['fresh', FRESH_PLAIN]] as const) describe(`sendmail, newaliases and mailq as the real ones print (${k} world)`, () => {
  beforeEach(() => {
    kind = k;
  });
  for (const [name, command, stdin] of list) {
    it(`${name}: ${command}`, async () => {
      expect(read(`${name}.cmd`).split('\n')[0]).toBe(command);
      const w = await world();
      const log = collectLog(w);
      const stdout = new BufferOutput();
      const stderr = new BufferOutput();
      const status = await w.newShell().run(command, { stdin: new StringInput(stdin), stdout, stderr });
      const n = new Normaliser();
      expect({ stdout: n.text(stdout.text), stderr: stderr.text, status, log: log.map((l) => n.logline(l)) }).toEqual({
        stdout: read(`${name}.stdout`),
        stderr: read(`${name}.stderr`),
        status: Number(read(`${name}.exit`).trim()),
        log: lines(read(`${name}.log`)),
      });
    });
  }
});

interface TerminalFixture {
  command: string;
  terminal: ({ terminal: string } | { type: string })[];
  exit: number;
}

const TELNET = ['telnet-localhost', 'telnet-quit', 'telnet-hostname', 'telnet-escape-quit', 'telnet-escape-empty', 'telnet-unknown-command', 'telnet-closed-port', 'telnet-unknown-host', 'telnet-no-args'];
const FRESH_TELNET = ['telnet-localhost', 'telnet-quit', 'telnet-hostname'];

for (const [k, list] of [['reference', TELNET], ['fresh', FRESH_TELNET]] as const) describe(`telnet on the terminal, as a pty showed the real one (${k} world)`, () => {
  beforeEach(() => {
    kind = k;
  });
  for (const name of list) {
    it(name, async () => {
      const f = JSON.parse(read(`${name}.json`)) as TerminalFixture;
      const w = await world();
      if (!name.includes('closed-port')) expect(await w.newShell().run('/usr/sbin/sendmail -L sm-mta -bd -q30m')).toBe(0);
      let screen = '';
      const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\r\n' });
      const done = w.runTerminal(ld);
      const command = f.command.replace(/ 2525$/, ' 25');
      ld.input(`${command}\r`);
      // what was typed after a refused connection went to the shell, not to telnet
      const refused = f.terminal.some((e) => 'terminal' in e && e.terminal.includes('Unable to connect'));
      if (!refused) for (const e of f.terminal) if ('type' in e) ld.input(e.type);
      ld.input('echo "exit=$?"\rexit\r');
      await done;
      const expected = f.terminal.map((e) => ('terminal' in e ? e.terminal : '')).join('');
      const start = screen.indexOf(`${command}\r\n`) + command.length + 2;
      const end = screen.indexOf('root@mail:~# ', start);
      expect(new Normaliser().text(screen.slice(start, end))).toBe(expected);
      expect(screen).toContain(`\r\nexit=${f.exit}\r\n`);
    });
  }
});

for (const k of ['reference', 'fresh'] as const) {
  it(`sendmail -bd typed while the daemon runs tries, then gives up (${k} world)`, async () => {
    kind = k;
    const w = await world();
    expect(await w.newShell().run('/usr/sbin/sendmail -L sm-mta -bd -q30m')).toBe(0);
    const log = collectLog(w);
    const out = new BufferOutput();
    expect(await w.newShell().run('sendmail -bd -q15m', { stdout: out, stderr: out })).toBe(Number(read('sendmail-bd-busy.exit').trim()));
    const n = new Normaliser();
    expect({ out: out.text, log: log.map((l) => n.logline(l)) }).toEqual({ out: read('sendmail-bd-busy.stdout') + read('sendmail-bd-busy.stderr'), log: lines(read('sendmail-bd-busy.log')) });
    expect(w.mta.running).toBe(true);
  });
}

// Checked on real 8.17.1.9 in the kit's namespace: `sendmail -C /nonexistent.cf -bd` prints
// `451 4.0.0 /nonexistent.cf: line 0: cannot open: No such file or directory` on stdout, and
// `-bv root` the same without the SMTP code; both exit 72.
it('a missing sendmail.cf stops sendmail -bd and -bv as the real one', async () => {
  kind = 'reference';
  const w = await world();
  w.vfs.unlink('/etc/mail/sendmail.cf');
  for (const [cmd, text] of [
    ['sendmail -bd', '451 4.0.0 /etc/mail/sendmail.cf: line 0: cannot open: No such file or directory\n'],
    ['sendmail -bv root', '/etc/mail/sendmail.cf: line 0: cannot open: No such file or directory\n'],
  ]) {
    const out = new BufferOutput();
    const err = new BufferOutput();
    expect(await w.newShell().run(cmd, { stdout: out, stderr: err })).toBe(72);
    expect({ out: out.text, err: err.text }).toEqual({ out: text, err: '' });
  }
  expect(w.mta.running).toBe(false);
});
