// TLS 1.2: the PRF known answers, the extended master secret, and two real
// connections checked from their secrets (test/fixtures/tls/tls12-vectors.json).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { concat, fromHex, fromLatin1, toHex, utf8 } from '../../src/core/bytes/index.ts';
import { extendedMasterSecret, finishedVerifyData12, keyBlock, masterSecret, prf } from '../../src/core/tls/prf.ts';
import { RecordDeframer, type TlsRecord } from '../../src/core/tls/record/deframer.ts';
import { RecordProtection12Gcm } from '../../src/core/tls/record/protection12.ts';
import { HandshakeJoiner } from '../../src/core/tls/codec/handshake.ts';
import { Reader } from '../../src/core/tls/codec/cursor.ts';
import { readClientHello, readServerHello } from '../../src/core/tls/codec/hello.ts';
import { findExtension } from '../../src/core/tls/codec/extensions.ts';
import type { HashName } from '../../src/core/tls/suites.ts';
import { provider as p } from './pair.ts';
import v from '../fixtures/tls/tls12-vectors.json' with { type: 'json' };

const h = fromHex;

function records(hex: string): TlsRecord[] {
  const d = new RecordDeframer();
  d.push(h(hex));
  const { records, error } = d.drain();
  expect(error).toBeUndefined();
  return records;
}

describe('TLS 1.2 PRF (RFC 5246 §5)', () => {
  it.each(v.prf.vectors)('P_$hash known answer', async (t) => {
    const out = await prf(p, t.hash as HashName, h(t.secret), t.label_ascii, h(t.seed), t.output.length / 2);
    expect(toHex(out)).toBe(t.output);
  });

  it('extended master secret (RFC 7627 §4) equals `openssl kdf TLS1-PRF`', async () => {
    const pms = await p.hash('SHA-256', utf8('pms'));
    const sessionHash = await p.hash('SHA-256', utf8('session'));
    // captured: openssl kdf -keylen 48 -kdfopt digest:SHA256 -kdfopt hexsecret:<pms> -kdfopt hexseed:<"extended master secret"><hash> TLS1-PRF
    const captured = '2a9a9f6cacade1dd76a5577ec1d720120cdc14e3fb8a109968313c20422467eecea0e2c066c92f7291b8a75d1dde4d48';
    expect(toHex(await extendedMasterSecret(p, 'SHA-256', pms, sessionHash))).toBe(captured);
    let live = captured;
    try {
      live = execFileSync('openssl', ['kdf', '-keylen', '48', '-kdfopt', 'digest:SHA256', '-kdfopt', `hexsecret:${toHex(pms)}`, '-kdfopt', `hexseed:${toHex(utf8('extended master secret'))}${toHex(sessionHash)}`, 'TLS1-PRF'], { encoding: 'utf8' })
        .trim().replace(/:/g, '').toLowerCase();
    } catch {
      /* no openssl: the captured value stands */
    }
    expect(live).toBe(captured);
  });
});

describe('The Illustrated TLS 1.2 Connection (ECDHE-RSA-AES128-CBC-SHA)', () => {
  const t = v.illustrated_tls12_ecdhe_rsa_aes128_cbc_sha;
  it('premaster, master secret, key block and client verify_data', async () => {
    const own = await p.keyShareFromPrivate('x25519', h(t.client_ephemeral_x25519_private));
    expect(toHex(own.publicKey)).toBe(t.client_ephemeral_x25519_public);
    const pms = (await p.ecdh(own, h(t.server_ephemeral_x25519_public)))!;
    expect(toHex(pms)).toBe(t.expected.premaster_secret);
    const ms = await masterSecret(p, 'SHA-256', pms, h(t.client_random), h(t.server_random));
    expect(toHex(ms)).toBe(t.expected.master_secret);
    const kb = await keyBlock(p, 'SHA-256', ms, h(t.client_random), h(t.server_random), { mac: 20, key: 16, iv: 16 });
    expect([toHex(kb.clientMac), toHex(kb.serverMac), toHex(kb.clientKey), toHex(kb.serverKey)]).toEqual([
      t.expected.client_write_mac_key, t.expected.server_write_mac_key, t.expected.client_write_key, t.expected.server_write_key,
    ]);
    const r = t.records;
    const hs = [r.clienthello, r.serverhello, r.servercert, r.serverkeyexchange, r.serverhellodone, r.clientkeyexchange].map((x) => records(x)[0].fragment);
    const hash = await p.hash('SHA-256', concat(hs));
    expect(toHex(hash)).toBe(t.expected.handshake_hash_for_client_finished);
    expect(toHex(await finishedVerifyData12(p, 'SHA-256', ms, 'client', hash))).toBe(t.expected.client_verify_data);
  });
});

describe('OpenSSL ECDHE-RSA-AES128-GCM-SHA256 with the extended master secret', () => {
  const t = v.openssl_ecdhe_rsa_aes128_gcm_sha256;
  const recs = t.records_in_order.map((x) => ({ dir: x.dir, rec: records(x.record)[0] }));
  const ch = new Reader(recs[0].rec.fragment.subarray(4));
  const clientHello = readClientHello(ch);
  const serverHello = readServerHello(new Reader(recs[1].rec.fragment.subarray(4)));

  it('both hellos carry extended_master_secret (RFC 7627 §5.1)', () => {
    expect(toHex(clientHello.random)).toBe(t.keylog_client_random);
    expect(findExtension(clientHello.extensions, 23)).toEqual(new Uint8Array(0));
    expect(findExtension(serverHello.extensions, 23)).toEqual(new Uint8Array(0));
    expect(serverHello.cipherSuite).toBe(0xc02f);
  });

  it('opens every protected record and checks both Finished with the PRF', async () => {
    const ms = h(t.master_secret);
    const kb = await keyBlock(p, 'SHA-256', ms, clientHello.random, serverHello.random, { mac: 0, key: 16, iv: 4 });
    const c = new RecordProtection12Gcm(p, kb.clientKey, kb.clientIv);
    const s = new RecordProtection12Gcm(p, kb.serverKey, kb.serverIv);
    const transcript: Uint8Array[] = [];
    const joiner = new HandshakeJoiner();
    const opened: string[] = [];
    let ccs = { c2s: false, s2c: false };
    for (const { dir, rec } of recs) {
      if (rec.type === 20) {
        ccs = { ...ccs, [dir]: true };
        continue;
      }
      if (!ccs[dir as 'c2s' | 's2c']) {
        const msgs = joiner.push(rec.fragment);
        if (!Array.isArray(msgs)) throw msgs;
        transcript.push(...msgs.map((m) => m.raw));
        continue;
      }
      const o = await (dir === 'c2s' ? c : s).open(rec);
      expect(o.ok).toBe(true);
      if (!o.ok) return;
      const pt = o.value.plaintext;
      if (rec.type === 22) {
        const who = dir === 'c2s' ? 'client' : 'server';
        const expected = await finishedVerifyData12(p, 'SHA-256', ms, who, await p.hash('SHA-256', concat(transcript)));
        expect(toHex(pt)).toBe('1400000c' + toHex(expected));
        transcript.push(pt);
        opened.push(`${who} Finished`);
      } else opened.push(`${dir} ${rec.type} ${JSON.stringify(fromLatin1(pt))}`);
    }
    expect(opened).toEqual(['client Finished', 'server Finished', 'c2s 23 "ping\\n"', 's2c 23 "gnip\\n"', 'c2s 21 "\\u0001\\u0000"']);
  });

  it('re-seals the client application record byte for byte', async () => {
    const kb = await keyBlock(p, 'SHA-256', h(t.master_secret), clientHello.random, serverHello.random, { mac: 0, key: 16, iv: 4 });
    // OpenSSL's client began its explicit nonces at 693a8bcacdf53010 (its Finished, sequence 0)
    const c = new RecordProtection12Gcm(p, kb.clientKey, kb.clientIv, 1n, 0x693a8bcacdf53010n);
    const sealed = await c.seal(23, utf8('ping\n'));
    expect(toHex(sealed.record)).toBe(t.records_in_order[10].record);
  });
});
