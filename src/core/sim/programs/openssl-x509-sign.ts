/**
 * Serial numbers as OpenSSL 3.0 picks them: 159 random bits for `req
 * -x509`, `ca -create_serial` and `x509 -CAcreateserial`; serial files
 * (`ca.srl`, demoCA/serial) hold upper-case hex and count up.
 */
import type { WorldServices } from '../services.ts';

export function randomSerial(w: WorldServices): string {
  const b = w.random.bytes(20);
  b[0] &= 0x7f;
  if (b[0] === 0) b[0] = 0x01;
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** The serial after `hex`, as BN_add_word(1) then BN_bn2hex: upper case, even length. */
export function nextSerial(hex: string): string {
  let s = (BigInt(`0x${hex}`) + 1n).toString(16).toUpperCase();
  if (s.length % 2) s = `0${s}`;
  return s;
}
