// asn1-tree against real `openssl asn1parse -i`: the fixture certificates and CRL
// (test/fixtures/pki-verify/expected/asn1parse-*.out) and malformed DER
// (test/fixtures/pki-verify/asn1/, made by make-asn1.sh there), byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { asn1parseText, parseAsn1 } from '../../src/core/pki/asn1-tree.ts';
import { pemBlocks } from '../../src/core/pki/chain.ts';
import { crlPemBlocks } from '../../src/core/pki/crl.ts';

const dir = join(__dirname, '../fixtures/pki-verify');
const thread = (s: string): string => s.replace(/^[0-9A-F]{16}:error:/gm, 'THREAD:error:');

describe('asn1parse -i on the fixture certificates and CRL', () => {
  for (const name of ['good', 'root', 'inter']) {
    it(`${name}.pem`, () => {
      const [der] = pemBlocks(readFileSync(join(dir, 'certs', `${name}.pem`), 'utf8'));
      expect(asn1parseText(der).out).toBe(readFileSync(join(dir, 'expected', `asn1parse-${name}.out`), 'utf8'));
    });
  }
  it('inter.crl.pem', () => {
    const [der] = crlPemBlocks(readFileSync(join(dir, 'certs', 'inter.crl.pem'), 'utf8'));
    expect(asn1parseText(der).out).toBe(readFileSync(join(dir, 'expected', 'asn1parse-crl.out'), 'utf8'));
  });
  it('gives a tree whose offsets and lengths tile the certificate', () => {
    const [der] = pemBlocks(readFileSync(join(dir, 'certs', 'good.pem'), 'utf8'));
    const t = parseAsn1(der);
    expect(t.error).toBeUndefined();
    expect(t.roots).toHaveLength(1);
    const [cert] = t.roots;
    expect(cert.headerLength + cert.length).toBe(der.length);
    expect(cert.children.map((c) => c.name)).toEqual(['SEQUENCE', 'SEQUENCE', 'BIT STRING']);
    const tbs = cert.children[0];
    expect(tbs.children[0].name).toBe('cont [ 0 ]');
    expect(tbs.children[2].children[0].oid).toBe('1.2.840.113549.1.1.11');
    expect(tbs.children[2].children[0].value).toBe('sha256WithRSAEncryption');
  });
});

describe('asn1parse -i on malformed and unusual DER', () => {
  const adir = join(dir, 'asn1');
  for (const f of readdirSync(adir).filter((n) => n.endsWith('.der'))) {
    const name = f.slice(0, -4);
    it(name, () => {
      const der = new Uint8Array(readFileSync(join(adir, f)));
      const r = asn1parseText(der);
      expect(r.out).toBe(readFileSync(join(adir, `${name}.out`), 'latin1'));
      expect(thread(r.err)).toBe(thread(readFileSync(join(adir, `${name}.err`), 'latin1')));
      expect(`${r.rc}\n`).toBe(readFileSync(join(adir, `${name}.rc`), 'utf8'));
    });
  }
  it('empty input: the app says the offset is out of range', () => {
    expect(asn1parseText(new Uint8Array())).toEqual({ out: '', err: 'Error: offset out of range\n', rc: 1 });
  });
});
