/**
 * Replays test/fixtures/coreutils/cases.json (real bash 5.2 + GNU coreutils
 * 9.1 outputs, captured by capture.py) through our Shell on a vfs built from
 * the same tree.json, comparing stdout, stderr and exit status byte for byte.
 *
 * Normalised: bash -c prefixes errors with `line 1: ` (`-c: line 1: ` and
 * an echo of the line for syntax errors), which an interactive shell (the
 * lab's) does not; `grep -r` output is sorted (GNU
 * walks the directory in ext4 hash order).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TraceLog } from '../../trace/index.ts';
import { Vfs } from '../../vfs/index.ts';
import { Shell } from '../shell.ts';
import { BufferOutput, StringInput } from '../io.ts';
import { coreCommands } from './index.ts';
import { FakeHost } from '../../../../test/helpers/fake-host.ts';

interface Case {
  cmd: string;
  stdin: string;
  now: number;
  stdout: string;
  stderr: string;
  status: number;
}
interface TreeEntry {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode?: string;
  uid?: number;
  gid?: number;
  content?: string;
  size?: number;
  target?: string;
  mtime: string;
}

const dir = new URL('../../../../test/fixtures/coreutils/', import.meta.url);
const cases: Case[] = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')).cases;
const tree: { root: string; entries: TreeEntry[]; rootMtime: string } = JSON.parse(readFileSync(new URL('tree.json', dir), 'utf8'));

/** Cases that need programs the lab does not have, or a non-interactive bash. */
const SKIP: Record<string, string> = {
  'clear | od -c': 'no od in the lab (clear is tested below)',
  'history; echo $?': 'bash -c keeps no history; the interactive lab does',
};

const PASSWD =
  'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\n' +
  'smmta:x:103:111:Mail Transfer Agent,,,:/var/lib/sendmail:/usr/sbin/nologin\nsmmsp:x:104:112:Mail Submission Program,,,:/var/lib/sendmail:/usr/sbin/nologin\n';
const GROUP = 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nmail:x:8:\nsmmta:x:111:\nsmmsp:x:112:\nnogroup:x:65534:\n';

function build(now: number): Vfs {
  const clock = { now: () => now };
  const vfs = new Vfs({ clock });
  vfs.mkdir('/etc');
  vfs.writeFile('/etc/passwd', PASSWD);
  vfs.writeFile('/etc/group', GROUP);
  vfs.mkdir('/root', { mode: 0o700 });
  vfs.mkdir('/tmp', { mode: 0o1777 });
  vfs.mkdir(tree.root);
  for (const e of tree.entries) {
    const p = `${tree.root}/${e.path}`;
    const mode = e.mode ? parseInt(e.mode, 8) : undefined;
    if (e.type === 'dir') vfs.mkdir(p, { mode });
    else if (e.type === 'symlink') vfs.symlink(e.target as string, p);
    else vfs.writeFile(p, e.content ?? ('x'.repeat(63) + '\n').repeat((e.size as number) / 64), { mode });
    if (e.type !== 'symlink') {
      vfs.chown(p, e.uid ?? 0, e.gid ?? 0);
      if (mode !== undefined) vfs.chmod(p, mode);
    }
  }
  for (const e of [...tree.entries].sort((a, b) => b.path.split('/').length - a.path.split('/').length)) {
    const t = Date.parse(e.mtime);
    vfs.lutimes(`${tree.root}/${e.path}`, t, t);
  }
  const rt = Date.parse(tree.rootMtime);
  vfs.utimes(tree.root, rt, rt);
  return vfs;
}

async function replay(c: Case): Promise<{ stdout: string; stderr: string; status: number }> {
  const vfs = build(c.now);
  const shell = new Shell({
    vfs,
    host: new FakeHost({ now: () => c.now }),
    clock: { now: () => c.now },
    trace: new TraceLog(),
    commands: coreCommands(),
    cwd: tree.root,
    pid: 4242,
    env: { HOME: '/root', LANG: 'C', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', USER: 'root', LOGNAME: 'root', COLUMNS: '80' },
  });
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const status = await shell.run(c.cmd, { stdin: new StringInput(c.stdin), stdout, stderr });
  return { stdout: stdout.text, stderr: stderr.text, status };
}

function normalise(c: Case, r: { stdout: string; stderr: string; status: number }): { stdout: string; stderr: string; status: number } {
  let { stdout } = r;
  if (/grep -\w*r/.test(c.cmd)) stdout = stdout.split('\n').sort().join('\n');
  const stderr = r.stderr
    .replace(/^bash: -c: line \d+: `[\s\S]*?'\n/gm, '') // bash -c echoes the line of a syntax error
    .replace(/^bash: (-c: )?line \d+: /gm, 'bash: ');
  return { stdout, stderr, status: r.status };
}

describe('commands replay real bash/coreutils outputs', () => {
  for (const c of cases) {
    const skip = SKIP[c.cmd];
    (skip ? it.skip : it)(c.cmd, async () => {
      const got = normalise(c, await replay(c));
      const want = normalise(c, c);
      expect(got).toEqual(want);
    });
  }
});
