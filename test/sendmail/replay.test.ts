/**
 * Replays every dialogue captured from real Sendmail 8.17.1.9
 * (test/fixtures/sendmail/{reference,fresh}/*.json and the `sendmail -bs`
 * dialogues in commands/*.json, see the README there) through SmtpServer:
 * same packets in, the same bytes must come out after each one, the server must
 * close when Sendmail closed, and the syslog lines must be the same, all compared
 * after the fixtures' own normalisation (dates, queue ids, pids, delays).
 *
 * Not compared: `pri=` in delivery (to=) lines, which the world writes (the real
 * value also counts the headers Sendmail adds; see test/helpers/smtp-env.ts), and
 * the timing of replies (`delayMs`: Sendmail's anti-abuse sleeps; the engine only
 * reports them through takeDelay(), checked below).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SmtpServer, freshConfig, referenceConfig, submitConfig } from '../../src/core/smtp/index.ts';
import { FRESH_PEERS, REFERENCE_PEERS, TestSmtpEnv } from '../helpers/smtp-env.ts';
import { Normaliser } from './normalise.ts';

interface Step {
  recv?: string;
  send?: string;
  repeat?: number;
  close?: 'server' | 'client';
  delayMs?: number;
}
interface Fixture {
  name: string;
  description: string;
  world: string;
  client: string;
  /** commands/*.json: the command line of a `sendmail -bs` dialogue on stdio. */
  command?: string;
  steps: Step[];
  log: string[];
}

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'sendmail');

function load(dir: string): Fixture[] {
  const d = join(ROOT, dir);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(d, f), 'latin1')) as Fixture)
    .filter((f) => Array.isArray(f.steps));
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const text = (b: Uint8Array): string => String.fromCharCode(...b);
const PRI = /(: to=.*, pri=)\d+/;

/** Runs one fixture's client side; returns what the server sent per recv step and its log. */
export function replay(f: Fixture): { recvs: string[]; log: string[]; closedByServer: boolean; delays: number[] } {
  const stdio = f.client === 'stdio';
  const submitCf = stdio && !f.command?.includes('-Am');
  // submit.cf has no TLS files: no STARTTLS under plain -bs
  // the fresh world has no certificates: no STARTTLS there either
  const fresh = f.world === 'fresh';
  const env = new TestSmtpEnv({ tls: !submitCf && !fresh, tag: stdio ? 'sendmail' : 'sm-mta', submit: submitCf, world: fresh ? 'fresh' : 'reference' });
  // `sendmail -bs` runs submit.cf; `sendmail -Am -bs` the daemon's sendmail.cf, both on stdin
  const config = stdio
    ? f.command?.includes('-Am')
      ? { ...referenceConfig(), mode: 'submit' as const }
      : submitConfig()
    : f.world === 'fresh'
      ? freshConfig()
      : referenceConfig();
  const peers = fresh ? FRESH_PEERS : REFERENCE_PEERS;
  const server = new SmtpServer({ config, env, peer: peers[f.client] ?? peers['127.0.0.1'], conn: 1 });
  const recvs: string[] = [];
  const delays: number[] = [];
  server.start();
  let closedByServer = false;
  for (const step of f.steps) {
    if (step.send !== undefined) {
      env.time += 1000;
      const packet = latin1(step.send.repeat(step.repeat ?? 1));
      if (!server.closed) server.receive(packet);
    } else if (step.recv !== undefined) {
      const out = server.drainOutput();
      recvs.push(text(out));
      delays.push(server.takeDelay());
    } else if (step.close === 'server') {
      closedByServer = server.closed;
    } else if (step.close === 'client') {
      closedByServer = server.closed;
      server.clientClosed();
    }
  }
  return { recvs, log: env.logs, closedByServer, delays };
}

function check(f: Fixture): void {
  const r = replay(f);
  const n = new Normaliser();
  const recvs = r.recvs.map((s) => n.text(s));
  const log = r.log.map((l) => n.logline(l).replace(PRI, '$1<PRI>'));
  const expectedRecvs = f.steps.filter((s) => s.recv !== undefined).map((s) => s.recv);
  const expectedLog = f.log.map((l) => l.replace(PRI, '$1<PRI>'));
  expect({ recvs, log }).toEqual({ recvs: expectedRecvs, log: expectedLog });
  const close = f.steps.find((s) => s.close !== undefined)?.close;
  expect(r.closedByServer).toBe(close === 'server');
  // Sendmail's slow-downs: a reply that came a second or more late is one the engine marks as delayed
  f.steps
    .filter((s) => s.recv !== undefined)
    .forEach((s, i) => {
      if ((s.delayMs ?? 0) >= 900) expect(r.delays[i], `delay of reply ${i}`).toBeGreaterThan(0);
    });
}

const reference = load('reference');
const fresh = load('fresh');
const stdio = load('commands').filter((f) => f.client === 'stdio');

describe('real Sendmail dialogues, replayed', () => {
  it('has fixtures to replay', () => {
    expect(reference.length).toBeGreaterThan(0);
  });
  describe('reference world', () => {
    for (const f of reference) it(`${f.name}: ${f.description}`, () => check(f));
  });
  if (fresh.length > 0) {
    describe('fresh world', () => {
      for (const f of fresh) it(`${f.name}: ${f.description}`, () => check(f));
    });
  }
  if (stdio.length > 0) {
    describe('sendmail -bs on stdio', () => {
      for (const f of stdio) it(`${f.name}: ${f.description}`, () => check(f));
    });
  }
});
