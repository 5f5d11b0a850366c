/**
 * X509_NAME_hash (what `openssl x509 -hash` prints and `openssl rehash` /
 * c_rehash name links after): SHA-1 over the canonical encoding of the name
 * (each value as a UTF8String, ASCII lower-cased, spaces trimmed and
 * collapsed; the RDN SETs without the outer SEQUENCE), first four bytes
 * read little-endian, as 8 hex digits.
 */
import { children, oid, readWhole, tlv } from './der.ts';
import { decodeDn, attrByName } from './names.ts';
import { utf8, concat } from '../bytes/index.ts';

export async function nameHash(subtle: SubtleCrypto, nameDer: Uint8Array): Promise<string | null> {
  const top = readWhole(nameDer);
  const sets = top && children(top);
  const dn = decodeDn(nameDer);
  if (!sets || !dn) return null;
  const parts: Uint8Array[] = [];
  let i = 0;
  for (const s of sets) {
    const atvs = children(s) ?? [];
    const enc = atvs.map(() => {
      const f = dn[i++];
      const a = attrByName(f.short);
      const canon = f.value.trim().replace(/\s+/g, ' ').replace(/[A-Z]/g, (c) => c.toLowerCase());
      return tlv(0x30, oid(a ? a.oid : f.short), tlv(0x0c, Uint8Array.from(utf8(canon))));
    });
    parts.push(tlv(0x31, ...enc));
  }
  const digest = new Uint8Array(await subtle.digest('SHA-1', Uint8Array.from(concat(parts))));
  const n = (digest[0] | (digest[1] << 8) | (digest[2] << 16) | (digest[3] << 24)) >>> 0;
  return n.toString(16).padStart(8, '0');
}
