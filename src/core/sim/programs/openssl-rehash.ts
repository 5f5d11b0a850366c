/**
 * `openssl rehash [DIR...]` (c_rehash): in each directory (default
 * /usr/lib/ssl/certs), the HASH.N symbolic links to every file holding
 * exactly one certificate, HASH being the subject hash (`x509 -hash`);
 * old links are replaced. A request or several certificates in one file
 * are skipped with OpenSSL's warning.
 * A skipped file is only a warning (exit status 0, captured), and so is a
 * certificate already linked (same DER).
 * SIMPLIFIED: files are taken in name order (OpenSSL: directory order);
 * CRLs (HASH.rN) are not linked.
 */
import type { OpensslSubcommand } from './openssl-types.ts';
import { readPem } from '../../pki/pem.ts';
import { parseCert } from '../../pki/certs.ts';
import { nameHash } from '../../pki/verify-hash.ts';
import { abs } from './openssl-genkey-io.ts';

export const rehash: OpensslSubcommand = {
  name: 'rehash',
  summary: 'Make the hash links of a directory of CA certificates (CACertPath).',
  async run(ctx, w) {
    const dirs = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (dirs.length === 0) dirs.push(ctx.env.get('SSL_CERT_DIR') ?? '/usr/lib/ssl/certs');
    let status = 0;
    for (const d of dirs) {
      const dir = abs(ctx, d);
      if (!ctx.vfs.isDir(dir)) {
        ctx.stderr.write(`rehash: ${d}: No such file or directory\n`);
        status = 1;
        continue;
      }
      const names = ctx.vfs.readdir(dir).sort();
      for (const n of names) if (/^[0-9a-f]{8}\.r?\d+$/.test(n) && ctx.vfs.lstat(`${dir}/${n}`).type === 'symlink') ctx.vfs.unlink(`${dir}/${n}`);
      const used = new Map<string, number>();
      const seen = new Set<string>();
      for (const n of ctx.vfs.readdir(dir).sort()) {
        if (!/\.(pem|crt|cer|crl)$/.test(n)) continue;
        const path = `${dir}/${n}`;
        if (ctx.vfs.isDir(path)) continue;
        const blocks = readPem(ctx.vfs.readText(path)).blocks;
        const certs = blocks.filter((b) => b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE');
        const others = blocks.filter((b) => b.label.includes('REQUEST') || b.label === 'X509 CRL');
        if (certs.length !== 1 || others.length) {
          if (certs.length || others.length) {
            ctx.stderr.write(`rehash: warning: skipping ${n},it does not contain exactly one certificate or CRL\n`);
          }
          continue;
        }
        const cert = parseCert(certs[0].der);
        const h = cert && (await nameHash(cert.subjectDer, w.subtle));
        if (!h) continue;
        const id = [...new Uint8Array(await w.subtle.digest('SHA-1', certs[0].der))].join(',');
        if (seen.has(id)) {
          ctx.stderr.write(`rehash: warning: skipping duplicate certificate in ${n}\n`);
          continue;
        }
        seen.add(id);
        const k = used.get(h) ?? 0;
        used.set(h, k + 1);
        ctx.vfs.symlink(n, `${dir}/${h}.${k}`);
      }
    }
    return status;
  },
};
