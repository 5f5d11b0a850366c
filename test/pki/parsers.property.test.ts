// Bad input never throws: 10,000+ mutated inputs each (bytes flipped,
// inserted, deleted, truncated, PEM lines broken) through the PEM reader,
// the DER certificate/request/name/PKCS#8 readers, the PBES2 decryption and
// the key loader. Whatever a reader accepts must also print (-text) without
// throwing; what it rejects becomes OpenSSL's message in the commands.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { webcrypto } from 'node:crypto';
import { readPem, toPem } from '../../src/core/pki/pem.ts';
import { parseCert, parseCsr, makeCsr, issueCert } from '../../src/core/pki/certs.ts';
import { decodeDn, encodeDn } from '../../src/core/pki/names.ts';
import { describePkcs8, generateKey, publicOf, loadPrivateKey, pkcs8Pem, encryptedPem } from '../../src/core/pki/keys.ts';
import { decryptPkcs8 } from '../../src/core/pki/pbes2.ts';
import { certText, csrText } from '../../src/core/pki/text.ts';
import { makeExt } from '../../src/core/pki/extensions.ts';
import { seededRandom } from '../../src/core/trace/index.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const RUNS = 10_000;

type Edit = { kind: 'flip' | 'insert' | 'delete' | 'truncate'; at: number; value: number };
const edits = fc.array(
  fc.record({ kind: fc.constantFrom<Edit['kind']>('flip', 'insert', 'delete', 'truncate'), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  { minLength: 1, maxLength: 4 },
);

function mutate(input: Uint8Array, list: Edit[]): Uint8Array<ArrayBuffer> {
  let b = Array.from(input);
  for (const e of list) {
    const at = b.length ? e.at % b.length : 0;
    if (e.kind === 'flip') b[at] = (b[at] ?? 0) ^ (e.value || 1);
    else if (e.kind === 'insert') b.splice(at, 0, e.value);
    else if (e.kind === 'delete') b.splice(at, 1);
    else b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

async function samples() {
  const key = await generateKey(subtle, { kind: 'ec', curve: 'P-256' });
  const pub = await publicOf(subtle, key);
  const dn = [{ short: 'C', value: 'US' }, { short: 'O', value: 'Example Org' }, { short: 'CN', value: 'mail.example.test' }, { short: 'emailAddress', value: 'a@b.test' }];
  const ext = [];
  for (const [n, v] of [['basicConstraints', 'critical,CA:true,pathlen:1'], ['subjectKeyIdentifier', 'hash'], ['authorityKeyIdentifier', 'keyid:always'], ['keyUsage', 'keyCertSign, cRLSign'], ['subjectAltName', 'DNS:a.test, IP:10.0.0.1, email:x@y.test'], ['extendedKeyUsage', 'serverAuth']]) {
    const e = await makeExt(n, v, { subtle, subjectSpki: pub.spki, issuerSpki: pub.spki });
    if (e && !('error' in e)) ext.push(e);
  }
  const cert = await issueCert(subtle, { serialHex: '0123456789ABCDEF01', subjectDer: encodeDn(dn), issuerDer: encodeDn(dn), notBefore: 0, notAfter: 1e12, spki: pub.spki, signer: key, extensions: ext });
  const csr = await makeCsr(subtle, key, pub.spki, dn, ext);
  const enc = readPem(await encryptedPem(subtle, seededRandom(1), key, 'pw')).blocks[0].der;
  return { key, cert, csr, enc, name: encodeDn(dn) };
}

describe('pki readers on mutated input', () => {
  it(`certificates, requests, names, PKCS#8: ${RUNS} mutations each, no exception, accepted ones print`, async () => {
    const s = await samples();
    expect(parseCert(s.cert)).not.toBeNull();
    let accepted = 0;
    fc.assert(
      fc.property(edits, (list) => {
        const c = parseCert(mutate(s.cert, list));
        if (c) {
          accepted++;
          expect(typeof certText(c)).toBe('string');
        }
        const r = parseCsr(mutate(s.csr, list));
        if (r) expect(typeof csrText(r)).toBe('string');
        decodeDn(mutate(s.name, list));
        describePkcs8(mutate(s.key.pkcs8, list));
      }),
      { numRuns: RUNS, seed: 4242 },
    );
    expect(accepted).toBeGreaterThan(0); // some mutations (inside the signature, say) still parse
  }, 120000);

  it(`PEM text: ${RUNS} mutated and random texts, no exception`, () => {
    const pem = toPem('CERTIFICATE', Uint8Array.from({ length: 300 }, (_, i) => i & 255));
    const text = new TextEncoder().encode(`junk before\n${pem}${pem}`);
    fc.assert(
      fc.property(edits, fc.string(), (list, extra) => {
        const t = new TextDecoder().decode(mutate(text, list)) + extra;
        const r = readPem(t);
        for (const b of r.blocks) expect(b.der.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it(`encrypted PKCS#8 and the key loader: ${RUNS} mutations, never an exception, a wrong result never passes as the key`, async () => {
    const s = await samples();
    const good = pkcs8Pem(s.key);
    const samples_ = fc.sample(edits, { numRuns: RUNS, seed: 99 });
    let i = 0;
    for (const list of samples_) {
      const der = mutate(s.enc, list);
      const r = await decryptPkcs8(subtle, der, 'pw');
      if (r.ok) describePkcs8(r.pkcs8);
      if (i++ % 4 === 0) {
        const loaded = await loadPrivateKey(subtle, toPem(i % 8 === 1 ? 'PRIVATE KEY' : 'ENCRYPTED PRIVATE KEY', i % 8 === 1 ? mutate(s.key.pkcs8, list) : der), async () => 'pw');
        if (loaded.ok && i % 8 !== 1) expect(typeof pkcs8Pem(loaded.key)).toBe('string');
      }
    }
    const wrong = await loadPrivateKey(subtle, toPem('ENCRYPTED PRIVATE KEY', s.enc), async () => 'not it');
    expect(wrong).toEqual({ ok: false, why: 'bad-decrypt' });
    const right = await loadPrivateKey(subtle, toPem('ENCRYPTED PRIVATE KEY', s.enc), async () => 'pw');
    expect(right.ok && pkcs8Pem(right.key)).toBe(good);
  }, 300000);
});
