/**
 * `openssl ca -gencrl`: a CRL of the revoked entries of index.txt, signed by
 * the CA key, numbered from crlnumber (which then counts up), valid for
 * default_crl_days (30) or -crldays. Built by core/pki's buildCrl.
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { Cert } from '../../pki/certs.ts';
import type { Cnf } from '../../pki/cnf.ts';
import type { parseOpts } from './openssl-genkey-io.ts';
import { abs, writeOutput } from './openssl-genkey-io.ts';
import { buildCrl } from '../../pki/crl.ts';
import { toPem } from '../../pki/pem.ts';
import { saveWithOld, type IndexEntry } from './openssl-ca-db.ts';
import { nextSerial } from './openssl-x509-sign.ts';

const DAY = 86_400_000;

function fromUtcTime(t: string): Date {
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(t);
  if (!m) return new Date(0);
  const y = Number(m[1]);
  return new Date(Date.UTC(y < 50 ? 2000 + y : 1900 + y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

export async function gencrl(ctx: CommandContext, w: WorldServices, o: NonNullable<ReturnType<typeof parseOpts>>, _cnf: Cnf, section: Map<string, string>, caCert: Cert | null, key: CryptoKey, index: IndexEntry[]): Promise<number> {
  if (!caCert) return 1;
  const numberFile = section.get('crlnumber');
  let crlNumber: number | undefined;
  if (numberFile && ctx.vfs.exists(abs(ctx, numberFile))) crlNumber = parseInt(ctx.vfs.readText(abs(ctx, numberFile)).trim(), 16);
  const days = Number(o.values.get('crldays') ?? section.get('default_crl_days') ?? 30);
  const now = Math.floor(w.clock.now() / 1000) * 1000;
  const pem = await buildCrl({
    issuerCertPem: toPem('CERTIFICATE', caCert.der),
    issuerKey: key,
    entries: index.filter((e) => e.status === 'R').map((e) => {
      const [when, reason] = e.revoked.split(',');
      return { serial: e.serial, revoked: fromUtcTime(when), ...(reason ? { reason } : {}) };
    }),
    thisUpdate: new Date(now),
    nextUpdate: new Date(now + days * DAY),
    crlNumber,
    subtle: w.subtle,
  });
  if (numberFile && crlNumber !== undefined) saveWithOld(ctx, abs(ctx, numberFile), `${nextSerial(crlNumber.toString(16))}\n`);
  return writeOutput(ctx, o.values.get('out'), pem) ? 0 : 1;
}
