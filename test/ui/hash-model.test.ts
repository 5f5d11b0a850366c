/**
 * The Hash panel's model: transcript hashes and Finished values equal the
 * engine's events of a real STARTTLS session; certificate fingerprints equal
 * what the real `openssl x509 -fingerprint` prints for the same DER; the
 * playground's digests equal `openssl dgst`'s; the avalanche counts bits.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { fromHex, toHex } from '../../src/core/bytes/index.ts';
import { createWorld, type World } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { findField } from '../../src/core/tls/annotate/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { scriptTerminal } from '../../src/terminal/script.ts';
import { eventsOf, tlsSessions } from '../../src/ui/state/tls-sessions.ts';
import { handshakeTimeline } from '../../src/ui/state/handshake-model.ts';
import {
  avalanche, certificateFingerprints, fingerprintLine, digestsOf, finishedRows, oneCharChanged, opensslFingerprint, sentCertificates, transcriptRows,
} from '../../src/ui/state/hash-model.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

async function typedSession(lines: string[]): Promise<World> {
  const w = await createWorld({ kind: 'reference', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 0), random: seededRandom(11), subtle });
  const ld = new LineDiscipline({ onOutput: () => {}, newline: '\n' });
  const tty = scriptTerminal(ld, lines);
  await w.runTerminal(tty);
  return w;
}

let world: World;
beforeAll(async () => {
  world = await typedSession(['sendmail -bd', 'telnet localhost 25', 'EHLO client.example.test', 'STARTTLS', 'QUIT', 'exit']);
}, 60000);

describe('transcript and Finished', () => {
  test('the rows are the engine\'s tls.transcript and tls.finished events, byte for byte', () => {
    const [s] = tlsSessions(world.trace.events);
    const rows = transcriptRows(s!.server);
    expect(rows.map((r) => [r.after, toHex(r.hash)])).toEqual(eventsOf(s!, 'tls.transcript').map((e) => [e.after, toHex(e.hash)]));
    expect(rows.map((r) => r.after)).toEqual([
      // HelloRetryRequest (a server_hello) and the second ClientHello: Sendmail's server takes P-256 only
      'client_hello', 'server_hello', 'client_hello', 'server_hello', 'encrypted_extensions', 'certificate_request', 'certificate', 'certificate_verify', 'finished', 'certificate', 'finished',
    ]);
    const fin = finishedRows(s!.server, 'TLSv1.3');
    const ev = eventsOf(s!, 'tls.finished');
    expect(fin.map((f) => [f.of, toHex(f.finishedKey), toHex(f.transcriptHash), toHex(f.verifyData)])).toEqual(
      ev.map((e) => [e.of, toHex(e.finishedKey), toHex(e.transcriptHash), toHex(e.verifyData)]),
    );
    expect(fin.map((f) => f.of)).toEqual(['server', 'client']);
    expect(fin[0]!.keyName).toBe('finished_key');
    // the server's Finished covers the transcript up to CertificateVerify; the client's up to the server's Finished
    expect(toHex(fin[0]!.transcriptHash)).toBe(toHex(rows[7]!.hash));
    expect(toHex(fin[1]!.transcriptHash)).toBe(toHex(rows[9]!.hash));
    // and the verify_data are the bytes of the Finished messages on the timeline
    const t = handshakeTimeline(s!.server);
    const finMsgs = t.messages.filter((m) => m.name === 'finished');
    expect(finMsgs.map((m) => toHex(findField(m.fields, 'verify_data')!.data as Uint8Array))).toEqual(fin.map((f) => toHex(f.verifyData)));
  });
});

describe('certificate fingerprints', () => {
  test('the server\'s certificates as sent; fingerprints as `openssl x509 -noout -fingerprint` prints them', async () => {
    const [s] = tlsSessions(world.trace.events);
    const t = handshakeTimeline(s!.server);
    const certs = sentCertificates(t);
    expect(certs.map((c) => `${c.sender} ${c.position}`)).toEqual(['server 0', 'server 1']); // the leaf, then CACertFile's CA; the lab's client sends none
    const fps = await certificateFingerprints(t, subtle);
    const dir = mkdtempSync(join(tmpdir(), 'hash-model-'));
    for (const fp of fps) {
      const file = join(dir, `${fp.sender}-${fp.position}.der`);
      writeFileSync(file, fp.der);
      const real = (alg: string) => execFileSync('openssl', ['x509', '-inform', 'DER', '-in', file, '-noout', '-fingerprint', `-${alg}`], { encoding: 'utf8' }).trim();
      expect(fingerprintLine('sha1', fp.sha1)).toBe(real('sha1'));
      expect(fingerprintLine('sha256', fp.sha256)).toBe(real('sha256'));
    }
    // the CA is the world's own /etc/mail/certs CA file, as the daemon loaded it
    expect(fps[0]!.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  test('opensslFingerprint: upper-case hex pairs joined by colons', () => {
    expect(opensslFingerprint(Uint8Array.of(0, 0xab, 0x0f))).toBe('00:AB:0F');
  });
});

describe('digest playground', () => {
  test('SHA-1/256/384/512 of a text equal `openssl dgst`', async () => {
    const text = 'STARTTLS Lab: é';
    const rows = await digestsOf(text, subtle);
    expect(rows.map((r) => r.name)).toEqual(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);
    for (const r of rows) {
      const out = execFileSync('openssl', ['dgst', `-${r.name.replace('-', '').toLowerCase()}`], { input: text, encoding: 'utf8' });
      expect(out.trim().split('= ')[1]).toBe(r.hex);
    }
    expect(rows[1]!.hex).toBe(toHex(rows[1]!.digest));
  });

  test('FIPS 180 "abc": SHA-256 known answer', async () => {
    const rows = await digestsOf('abc', subtle);
    expect(rows[1]!.hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('avalanche: bits that differ, counted', async () => {
    expect(avalanche(Uint8Array.of(0b1010_0000, 0), Uint8Array.of(0b0010_0000, 1))).toEqual({
      differs: [true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true],
      count: 2, total: 16, percent: 13,
    });
    const [a] = await digestsOf('hello', subtle);
    const [b] = await digestsOf(oneCharChanged('hello'), subtle);
    expect(oneCharChanged('hello')).toBe('hellp');
    const av = avalanche(a!.digest, b!.digest);
    expect(av.total).toBe(160);
    // SHA-1('hello') xor SHA-1('hellp'), popcount
    const x = fromHex(a!.hex).map((v, i) => v ^ b!.digest[i]!);
    expect(av.count).toBe([...x].reduce((n, v) => n + v.toString(2).replace(/0/g, '').length, 0));
    expect(av.count).toBeGreaterThan(50);
    expect(() => avalanche(Uint8Array.of(1), Uint8Array.of(1, 2))).toThrow(RangeError);
    expect(oneCharChanged('')).toBe('a');
    expect(oneCharChanged('~')).toBe('!');
  });
});

describe('TLS 1.2 (an in-memory pair)', () => {
  test('Finished rows: the master secret keys the PRF; verify_data is 12 bytes, the Finished messages\' own', async () => {
    const { pair } = await import('../tls/pair.ts');
    const r = await pair({ client: { versions: ['TLSv1.2'] } });
    const t = handshakeTimeline(r.serverEvents);
    expect(t.version).toBe('TLSv1.2');
    const fin = finishedRows(r.serverEvents, t.version);
    expect(fin.map((f) => [f.of, f.keyName, f.finishedKey.length, f.verifyData.length])).toEqual([['client', 'master_secret', 48, 12], ['server', 'master_secret', 48, 12]]);
    expect(fin[0]!.formula).toBe('PRF(master_secret, "client finished", Hash(handshake_messages))[0..11]');
    const msgs = t.messages.filter((m) => m.name === 'finished');
    expect(msgs.map((m) => toHex(findField(m.fields, 'verify_data')!.data as Uint8Array))).toEqual(fin.map((f) => toHex(f.verifyData)));
    // the chain the client received (tls.negotiated's peerCertificates) is the one the panel fingerprints
    expect(sentCertificates(t).map((c) => `${c.sender} ${c.position} ${toHex(c.der)}`)).toEqual(r.client.negotiated!.peerCertificates.map((d, i) => `server ${i} ${toHex(d)}`));
  });
});

describe('a client certificate (an in-memory pair)', () => {
  test('fingerprinted after the server\'s, as the server received it (tls.negotiated\'s peerCertificates)', async () => {
    const { certified, pair } = await import('../tls/pair.ts');
    const r = await pair({ server: { requestClientCertificate: true }, client: { clientCertificate: await certified('client') } });
    const t = handshakeTimeline(r.serverEvents);
    const certs = sentCertificates(t);
    expect(certs.map((c) => `${c.sender} ${c.position}`)).toEqual(['server 0', 'client 0']);
    expect(toHex(certs[1]!.der)).toBe(toHex(r.server.negotiated!.peerCertificates[0]!));
    const fps = await certificateFingerprints(t, subtle);
    const file = join(mkdtempSync(join(tmpdir(), 'hash-model-')), 'client.der');
    writeFileSync(file, certs[1]!.der);
    expect(fingerprintLine('sha256', fps[1]!.sha256)).toBe(execFileSync('openssl', ['x509', '-inform', 'DER', '-in', file, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim());
  });
});
