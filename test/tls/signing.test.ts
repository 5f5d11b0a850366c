// The opt-in TypeScript signers (seeded RSA-PSS salt, seeded ECDSA nonce) against WebCrypto.
import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { toHex, utf8 } from '../../src/core/bytes/index.ts';
import { seededRandom } from '../../src/core/trace/index.ts';
import { CURVES, ecPrivateScalar, multiplyG } from '../../src/core/tls/ecdsa-sign.ts';
import { certificatePublicKey } from '../../src/core/tls/codec/spki.ts';
import { SIGNATURE_SCHEMES } from '../../src/core/tls/suites.ts';
import { certified, provider, readDer, seededProvider, type ServerKeyName } from './pair.ts';

const subtle = webcrypto.subtle as SubtleCrypto;

describe('P-256 / P-384 arithmetic', () => {
  it.each([['server-p256', 'P-256', 32], ['server-p384', 'P-384', 48], ['client', 'P-256', 32]] as const)('d·G of %s is the public key WebCrypto derives', async (name, curve, size) => {
    const pkcs8 = readDer(`${name}.key`)[0];
    const k = await subtle.importKey('pkcs8', new Uint8Array(pkcs8), { name: 'ECDSA', namedCurve: curve }, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', k);
    const [x, y] = multiplyG(CURVES[curve], ecPrivateScalar(pkcs8));
    expect(x.toString(16).padStart(2 * size, '0')).toBe(toHex(new Uint8Array(Buffer.from(jwk.x!, 'base64url'))));
    expect(y.toString(16).padStart(2 * size, '0')).toBe(toHex(new Uint8Array(Buffer.from(jwk.y!, 'base64url'))));
  });
});

describe('seeded signatures verify with WebCrypto and repeat', () => {
  const cases: [ServerKeyName, number][] = [['server-p256', 0x0403], ['server-p256', 0x0503], ['server-p384', 0x0503], ['server-p384', 0x0403], ['server-rsa', 0x0804], ['server-rsa', 0x0805]];
  it.each(cases)('%s with scheme %i', async (name, schemeId) => {
    const key = await certified(name);
    const alg = SIGNATURE_SCHEMES.get(schemeId)!.alg;
    const msg = utf8('TLS 1.3, server CertificateVerify');
    const a = await seededProvider.sign(alg, key.key, msg, seededRandom(1));
    const b = await seededProvider.sign(alg, key.key, msg, seededRandom(1));
    const c = await seededProvider.sign(alg, key.key, msg, seededRandom(2));
    expect(toHex(a)).toBe(toHex(b));
    expect(toHex(a)).not.toBe(toHex(c));
    const { spki } = certificatePublicKey(key.chain[0]);
    expect(await provider.verify(alg, spki, a, msg)).toBe(true);
    expect(await provider.verify(alg, spki, a, utf8('something else'))).toBe(false);
  });
});
