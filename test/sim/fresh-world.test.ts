// The fresh world is Debian right after `apt-get install sendmail`: every
// entry the capture recorded (lessons/_worlds/fresh/manifest.json, from real
// dpkg on this kind of machine) exists with its type, mode, owner and group,
// with the captured bytes; what it found absent is absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';

interface Entry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'absent';
  mode: string;
  owner: string;
  group: string;
  target?: string;
  content?: string | null;
  binary?: boolean;
}

const DIR = join(import.meta.dirname, '..', '..', 'lessons', '_worlds', 'fresh');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { entries: Entry[] };

describe('the fresh world matches the captured Debian install', async () => {
  const w = await createWorld({ kind: 'fresh', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(1), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  it('has entries to compare', () => expect(manifest.entries.length).toBeGreaterThan(40));
  for (const e of manifest.entries) {
    it(`${e.path} (${e.type} ${e.mode} ${e.owner}:${e.group})`, () => {
      if (e.type === 'absent') {
        expect(w.vfs.exists(e.path)).toBe(false);
        return;
      }
      const st = w.vfs.lstat(e.path);
      const mode = e.type === 'symlink' ? '0777' : (st.mode & 0o7777).toString(8).padStart(4, '0');
      expect({ type: st.type, mode, owner: w.vfs.userName(st.uid), group: w.vfs.groupName(st.gid) }).toEqual({ type: e.type, mode: e.mode, owner: e.owner, group: e.group });
      if (e.type === 'symlink') expect(w.vfs.readlink(e.path)).toBe(e.target);
      if (e.type === 'file' && typeof e.content === 'string') {
        expect(Buffer.from(w.vfs.readFile(e.path)).equals(readFileSync(join(DIR, e.content)))).toBe(true);
      }
    });
  }
});
