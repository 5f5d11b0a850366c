/**
 * The captured real-Sendmail dialogues (test/fixtures/sendmail/reference/)
 * replayed through the whole world rather than the bare engine: `sendmail -bd`
 * started the way Debian starts it, the world's sendmail.cf, aliases.db,
 * access.db, /etc/hosts and local delivery, over the in-memory network, from
 * the fixture's client address. Replies and log lines (delivery `to=` lines
 * with their pri= included) must equal the real ones after the fixtures'
 * normalisation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, rawLine, type World } from '../../src/core/sim/index.ts';
import { seededRandom, type Clock } from '../../src/core/trace/index.ts';
import { Normaliser } from '../sendmail/normalise.ts';

interface Step {
  recv?: string;
  send?: string;
  repeat?: number;
  close?: 'server' | 'client';
}
interface Fixture {
  name: string;
  description: string;
  client: string;
  steps: Step[];
  log: string[];
}

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'sendmail');
const load = (dir: string): Fixture[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(ROOT, dir, f), 'latin1')) as Fixture);

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const text = (b: Uint8Array): string => String.fromCharCode(...b);

const clock = { t: Date.UTC(2026, 10, 28, 12, 0, 0), now(): number { return this.t; } } satisfies Clock & { t: number };

/** A world of `kind` with its daemon started as Debian starts it. */
async function running(kind: 'reference' | 'fresh'): Promise<World> {
  const world = await createWorld({ kind, clock, random: seededRandom(2), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  expect(await world.newShell().run('/usr/sbin/sendmail -L sm-mta -bd -q30m')).toBe(0);
  return world;
}

function replay(world: World, f: Fixture): { recvs: string[]; log: string[]; closed: boolean } {
  const log: string[] = [];
  const off = world.syslog.subscribe((r) => log.push(rawLine(r)));
  const sock = world.net.connect(f.client, { addr: '127.0.0.1', port: 25 });
  if (!sock) throw new Error('daemon not listening');
  let pending = '';
  let closed = false;
  sock.attach({ onData: (b) => (pending += text(b)), onClose: () => (closed = true) });
  const recvs: string[] = [];
  for (const step of f.steps) {
    if (step.send !== undefined) {
      clock.t += 1000;
      sock.send(latin1(step.send.repeat(step.repeat ?? 1)));
    } else if (step.recv !== undefined) {
      recvs.push(pending);
      pending = '';
    } else if (step.close === 'client') {
      sock.close();
    }
  }
  off();
  return { recvs, log, closed };
}

for (const kind of ['reference', 'fresh'] as const) {
  describe(`real Sendmail dialogues through the whole ${kind} world`, () => {
    const fixtures = load(kind);
    let world: World;
    beforeAll(async () => {
      world = await running(kind);
    }, 60000);
    it('has the captures', () => expect(fixtures.length).toBeGreaterThan(kind === 'reference' ? 100 : 5));
    for (const f of fixtures) {
      it(`${f.name}: ${f.description}`, () => {
        const r = replay(world, f);
      const n = new Normaliser();
      expect({ recvs: r.recvs.map((s) => n.text(s)), log: r.log.map((l) => n.logline(l)) }).toEqual({
        recvs: f.steps.filter((s) => s.recv !== undefined).map((s) => s.recv),
        log: f.log,
      });
        expect(r.closed).toBe(f.steps.some((s) => s.close === 'server'));
      });
    }
  });
}
