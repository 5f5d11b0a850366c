// Bad input never throws (issue 4, item 6): 10,000 mutations of real
// certificates and CRLs (flipped, truncated, extended, spliced bytes) through
// the ASN.1 tree and asn1parse's text, 10,000 through the certificate and CRL
// readers, 10,000 broken PEM texts through the PEM splitters and readers.
// Each parser returns its error value instead.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asn1parseText, parseAsn1 } from '../../src/core/pki/asn1-tree.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';
import { crlPemBlocks, parseCrlDer } from '../../src/core/pki/crl.ts';
import { readCert } from '../../src/core/pki/verify.ts';
import { certsIn, crlsIn } from '../../src/core/sim/programs/openssl-crl-io.ts';

const RUNS = 10_000;
const DER_RUNS = 10_000;
const PEM_RUNS = 10_000;
const dir = join(__dirname, '../fixtures/pki-verify/certs');
const certPem = readFileSync(join(dir, 'good.pem'), 'utf8');
const crlPem = readFileSync(join(dir, 'inter.crl.pem'), 'utf8');
const certDer = pemBlocks(certPem)[0];
const crlDer = crlPemBlocks(crlPem)[0];

function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
      const b = Uint8Array.from(seed);
      b[i] ^= x;
      return b;
    }),
    fc.nat(seed.length).map((n) => seed.slice(0, n)),
    fc.tuple(fc.nat(seed.length), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, ins]) => Uint8Array.from([...seed.slice(0, i), ...ins, ...seed.slice(i)])),
    fc.tuple(fc.nat(seed.length), fc.nat(seed.length)).map(([a, b]) => Uint8Array.from([...seed.slice(Math.min(a, b), Math.max(a, b)), ...seed.slice(0, 4)])),
  );
}

describe('pki parsers on mutated input', () => {
  it(`ASN.1 tree and asn1parse text: ${RUNS} mutated certificates and CRLs, never throw, offsets within the input`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(mutated(certDer), mutated(crlDer)), (der) => {
        const t = parseAsn1(der);
        for (const n of t.lines) {
          if (n.offset + n.headerLength > der.length) return false;
          if (n.length >= 0 && n.offset + n.headerLength + n.length > der.length) return false;
        }
        const r = asn1parseText(der);
        if ((r.rc === 0) !== (t.error === undefined && der.length > 0)) return false;
        return r.rc === 0 || der.length === 0 || r.out.endsWith('Error in encoding\n');
      }),
      { numRuns: RUNS, seed: 4 },
    );
  });

  it(`certificate and CRL readers: ${DER_RUNS} mutated DER, null or facts, never an exception`, { timeout: 240_000 }, () => {
    let certs = 0;
    let crls = 0;
    fc.assert(
      fc.property(fc.oneof(mutated(certDer).map((d) => ['cert', d] as const), mutated(crlDer).map((d) => ['crl', d] as const)), ([kind, der]) => {
        const c = kind === 'cert' ? certsIn(der) : [];
        const l = kind === 'crl' ? crlsIn(der) : [];
        certs += c.length;
        crls += l.length;
        return c.length <= 1 && l.length <= 1;
      }),
      { numRuns: DER_RUNS, seed: 5 },
    );
    // Some mutations (e.g. in a signature) still parse: the property saw both outcomes.
    expect(certs + crls).toBeGreaterThan(0);
  });

  // The PEM texts end in the same DER readers as above: fewer runs keep the suite quick.
  it(`PEM splitters: ${PEM_RUNS} mutated PEM texts`, { timeout: 240_000 }, () => {
    const text = (pem: string): fc.Arbitrary<string> =>
      fc.oneof(
        fc.tuple(fc.nat(pem.length - 1), fc.string({ minLength: 1, maxLength: 1 })).map(([i, ch]) => pem.slice(0, i) + ch + pem.slice(i + 1)),
        fc.nat(pem.length).map((n) => pem.slice(0, n)),
        fc.string({ maxLength: 200 }).map((s) => `-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----\n`),
        fc.string({ maxLength: 200 }).map((s) => `-----BEGIN X509 CRL-----\n${s}\n-----END X509 CRL-----\n`),
      );
    fc.assert(
      fc.property(fc.oneof(text(certPem), text(crlPem)), (pem) => {
        const bytes = new TextEncoder().encode(pem);
        for (const d of pemBlocks(pem)) readCert(d);
        for (const d of crlPemBlocks(pem)) parseCrlDer(d);
        certsIn(bytes);
        crlsIn(bytes);
      }),
      { numRuns: PEM_RUNS, seed: 6 },
    );
  });
});
