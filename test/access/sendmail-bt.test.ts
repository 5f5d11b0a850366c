import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CommandContext } from '../../src/core/shell/types.ts';
import { addressTestMode } from '../../src/core/sim/programs/sendmail-bt.ts';
import { AccessMap, compileMap } from '../../src/core/access/index.ts';
import { CONFIG_FEATURES, loadFixture, resolve } from './replay.ts';

const dir = new URL('../fixtures/access/bt-session/', import.meta.url);
const read = (n: string): string => readFileSync(new URL(n, dir), 'utf8');

async function session(input: string, map: AccessMap | null, terminal = false): Promise<{ out: string; status: number }> {
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  const ctx = {
    argv: ['sendmail', '-bt'],
    stdin: { isTerminal: terminal, readLine: async (o?: { prompt?: string }) => { if (o?.prompt) out += o.prompt; return lines.shift() ?? null; }, readAll: async () => '' },
    stdout: { write: (s: string) => { out += s; } },
    stderr: { write: (s: string) => { out += s; } },
    signal: { aborted: false, whenAborted: new Promise<void>(() => {}) },
  } as unknown as CommandContext;
  const status = await addressTestMode(ctx, map, { features: CONFIG_FEATURES.base, macros: { j: 'vm.example.test' }, resolve });
  return { out, status };
}

const TOP = new Set(['tls_server', 'tls_rcpt', 'srv_features', 'try_tls', 'check_rcpt', 'check_mail']);

/** Real output without the lines of nested rulesets and of this machine's DNS (we print the top ruleset only). */
function topLevel(real: string): string {
  return real
    .split('\n')
    .filter((l) => {
      const m = /^(\S+)\s+(input|returns):/.exec(l);
      if (m) return TOP.has(m[1]);
      return !/Name server timeout$|^== Ruleset|^WARNING: World writable/.test(l);
    })
    .join('\n');
}

describe('sendmail -bt against a real session (test/fixtures/access/bt-session)', () => {
  const map = new AccessMap(compileMap(loadFixture().maps.tls, 'access').entries);
  it('prints what real sendmail -bt prints, top rulesets only', async () => {
    const { out, status } = await session(read('session.in'), map);
    expect(status).toBe(0);
    const ours = out.replace(/\(lab\) In this lab[^\n]*\n[^\n]*\n/, '');
    expect(ours).toBe(topLevel(read('session.out')));
  });
  it('says in its help that $| may be typed, and it may', async () => {
    const { out } = await session('?\n.D{verify}NO\n.D{client_addr}127.0.0.2\ntls_client NO $| MAIL\n', map);
    expect(out).toContain("(lab) In this lab `$|' may be typed in an address");
    expect(out).toContain('tls_client         input: NO $| MAIL\ntls_client       returns: $# error $@ 4 . 7 . 0 $: 454 " encryption too weak " 0 " less than " 112\n');
  });
  it('chains rulesets and ends at end of input', async () => {
    const { out, status } = await session('tls_server,try_tls OK\n', map);
    expect(status).toBe(0);
    expect(out).toBe('ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n> tls_server         input: OK\ntls_server       returns: OK\ntry_tls            input: OK\ntry_tls          returns: < > < ? > < ! "Try_TLS" > < >\n> ');
  });
  it('on a terminal the prompt goes through readLine', async () => {
    const { out } = await session('/quit\n', null, true);
    expect(out).toBe('ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n> ');
  });
  it('without an access map: /map says so', async () => {
    const { out } = await session('/map access x\n', null);
    expect(out).toContain('Map named "access" not found\n');
  });
});
