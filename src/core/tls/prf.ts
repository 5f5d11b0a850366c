/**
 * The TLS 1.2 PRF (RFC 5246 §5) and what is derived with it: the master
 * secret (§8.1) or the extended master secret (RFC 7627 §4), the key block
 * (§6.3), and Finished verify_data (§7.4.9).
 */
import { concat, utf8 } from '../bytes/index.ts';
import type { CryptoProvider } from './crypto-provider.ts';
import type { HashName } from './suites.ts';

/** P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...; A(0) = seed. */
export async function pHash(p: CryptoProvider, hash: HashName, secret: Uint8Array, seed: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let a = seed;
  for (let o = 0; o < length; ) {
    a = await p.hmac(hash, secret, a);
    const block = await p.hmac(hash, secret, concat([a, seed]));
    out.set(block.subarray(0, Math.min(block.length, length - o)), o);
    o += block.length;
  }
  return out;
}

/** PRF(secret, label, seed) = P_<hash>(secret, label + seed). */
export function prf(p: CryptoProvider, hash: HashName, secret: Uint8Array, label: string, seed: Uint8Array, length: number): Promise<Uint8Array> {
  return pHash(p, hash, secret, concat([utf8(label), seed]), length);
}

/** master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]. */
export function masterSecret(p: CryptoProvider, hash: HashName, preMaster: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): Promise<Uint8Array> {
  return prf(p, hash, preMaster, 'master secret', concat([clientRandom, serverRandom]), 48);
}

/** RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash)[0..47]. */
export function extendedMasterSecret(p: CryptoProvider, hash: HashName, preMaster: Uint8Array, sessionHash: Uint8Array): Promise<Uint8Array> {
  return prf(p, hash, preMaster, 'extended master secret', sessionHash, 48);
}

export interface KeyBlock {
  readonly clientMac: Uint8Array;
  readonly serverMac: Uint8Array;
  readonly clientKey: Uint8Array;
  readonly serverKey: Uint8Array;
  readonly clientIv: Uint8Array;
  readonly serverIv: Uint8Array;
}

/** key_block = PRF(master_secret, "key expansion", server_random + client_random), cut in order (§6.3). */
export async function keyBlock(
  p: CryptoProvider, hash: HashName, master: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array,
  sizes: { mac: number; key: number; iv: number },
): Promise<KeyBlock> {
  const total = 2 * (sizes.mac + sizes.key + sizes.iv);
  const kb = await prf(p, hash, master, 'key expansion', concat([serverRandom, clientRandom]), total);
  let o = 0;
  const take = (n: number) => kb.slice(o, (o += n));
  return {
    clientMac: take(sizes.mac), serverMac: take(sizes.mac),
    clientKey: take(sizes.key), serverKey: take(sizes.key),
    clientIv: take(sizes.iv), serverIv: take(sizes.iv),
  };
}

/** verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11]. */
export function finishedVerifyData12(p: CryptoProvider, hash: HashName, master: Uint8Array, who: 'client' | 'server', handshakeHash: Uint8Array): Promise<Uint8Array> {
  return prf(p, hash, master, `${who} finished`, handshakeHash, 12);
}
