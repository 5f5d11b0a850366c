/**
 * /usr/lib/ssl/misc/CA.pl of OpenSSL 3.0 (Debian bookworm), line for line
 * in behaviour: each step runs `openssl req|ca|x509|verify` through the
 * world's own openssl (so `-verify` and `-crl` use whatever verify/crl/ca
 * the lab has), printing `====`, the command, `==> status` and `====` as
 * its run() does, and its own lines. Captured sessions:
 * test/fixtures/pki/ca-pl/.
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import { killedBySigint } from './openssl-keys.ts';

export const CA_PL = '/usr/lib/ssl/misc/CA.pl';
const CATOP = './demoCA';
const OPENSSL_CMDS = ['req', 'ca', 'pkcs12', 'x509', 'verify'];
const REASONS = ['unspecified', 'keyCompromise', 'CACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'removeFromCRL'];

const USAGE = `Usage:
    CA.pl -newcert | -newreq | -newreq-nodes | -xsign | -sign | -signCA | -signcert | -crl | -newca [-extra-cmd parameter]
    CA.pl -pkcs12 [certname]
    CA.pl -verify certfile ...
    CA.pl -revoke certfile [reason]
`;

/** SIMPLIFIED: split_val's shell-like split, on blanks only (no quotes). */
const splitVal = (v: string): string[] => v.split(/[ \t]+/).filter(Boolean);

/** system() of the `openssl` the world has; the status as Perl's $? (exit << 8). */
async function run(ctx: CommandContext, args: string[]): Promise<number> {
  ctx.stdout.write(`====\nopenssl ${args.join(' ')}\n`);
  const openssl = ctx.shell.commands.get('openssl');
  let status = 127;
  if (openssl) status = await openssl.run({ ...ctx, argv: ['openssl', ...args] });
  // Ctrl-C reaches CA.pl too (same process group): it dies without its ==> line.
  if (ctx.signal.aborted) return 130;
  ctx.stdout.write(`==> ${status * 256}\n====\n`);
  return status;
}

/** copy_pemfile: the lines from `-----BEGIN...bound` to `-----END...bound`. */
function copyPem(ctx: CommandContext, from: string, to: string, bound: string): void {
  const src = ctx.shell.resolve(from);
  const lines = ctx.vfs.exists(src) && !ctx.vfs.isDir(src) ? ctx.vfs.readText(src).split(/(?<=\n)/) : [];
  let found = 0;
  let out = '';
  for (const l of lines) {
    if (new RegExp(`^-----BEGIN.*${bound}`).test(l)) found = 1;
    if (found) out += l;
    if (new RegExp(`^-----END.*${bound}`).test(l)) {
      found = 2;
      break;
    }
  }
  ctx.vfs.writeFile(ctx.shell.resolve(to), out);
}

async function newca(ctx: CommandContext, REQ: string[], CA: string[], extra: Record<string, string[]>): Promise<number> {
  const p = (x: string): string => ctx.shell.resolve(x);
  for (const f of ['index.txt', 'serial']) {
    if (ctx.vfs.exists(p(`${CATOP}/${f}`)) && !ctx.vfs.isDir(p(`${CATOP}/${f}`))) {
      ctx.stderr.write(`${CATOP}/${f} exists.\nRemove old sub-tree to proceed, at ${CA_PL} line ${f === 'index.txt' ? 300 : 302}.\n`);
      return 255;
    }
  }
  for (const d of [CATOP, `${CATOP}/certs`, `${CATOP}/crl`, `${CATOP}/newcerts`, `${CATOP}/private`]) {
    if (ctx.vfs.isDir(p(d))) ctx.stderr.write(`Directory ${d} exists at ${CA_PL} line 306.\n`);
    else {
      try {
        ctx.vfs.mkdir(p(d), { mode: 0o777 & ~ctx.vfs.umask });
      } catch {
        ctx.stderr.write(`Can't mkdir ${d}, No such file or directory at ${CA_PL} line 308.\n`);
        return 2;
      }
    }
  }
  ctx.vfs.writeFile(p(`${CATOP}/index.txt`), '');
  ctx.vfs.writeFile(p(`${CATOP}/crlnumber`), '01\n');
  ctx.stdout.write('CA certificate filename (or enter to create)\n');
  const file = (await ctx.stdin.readLine()) ?? '';
  if (file !== '') {
    copyPem(ctx, file, `${CATOP}/private/cakey.pem`, 'PRIVATE');
    copyPem(ctx, file, `${CATOP}/cacert.pem`, 'CERTIFICATE');
    return 0;
  }
  ctx.stdout.write('Making CA certificate ...\n');
  let ret = await run(ctx, [...REQ, '-new', '-keyout', `${CATOP}/private/cakey.pem`, '-out', `${CATOP}/careq.pem`, ...extra.req]);
  if (ret === 0) {
    ret = await run(ctx, [...CA, '-create_serial', '-out', `${CATOP}/cacert.pem`, '-days', '1095', '-batch', '-keyfile', `${CATOP}/private/cakey.pem`, '-selfsign', '-extensions', 'v3_ca', '-infiles', `${CATOP}/careq.pem`, ...extra.ca]);
  }
  if (ret === 0) ctx.stdout.write(`CA certificate is in ${CATOP}/cacert.pem\n`);
  return ret;
}

export function caPl(_w: WorldServices): Command {
  return {
    name: CA_PL,
    path: CA_PL,
    usage: 'CA.pl -newca | -newreq | -newreq-nodes | -newcert | -sign | -signCA | -verify [FILE...] | -revoke FILE [REASON] | -crl',
    summary: "OpenSSL's CA.pl: a demo CA in ./demoCA (make the CA, requests, sign them, revoke, CRLs) by running openssl req/ca/x509/verify.",
    async run(outer) {
      const ctx = killedBySigint(outer);
      const status = await main(ctx);
      return outer.signal.aborted ? 130 : status;
    },
  };
}

/** CA.pl's main program: the cases of its if/elsif chain. */
async function main(ctx: CommandContext): Promise<number> {
  const cfg = splitVal(ctx.env.get('OPENSSL_CONFIG') ?? '');
  const REQ = ['req', ...cfg];
  const CA = ['ca', ...cfg];
  const what = ctx.argv[1] ?? '';
  const extra: Record<string, string[]> = Object.fromEntries(OPENSSL_CMDS.map((c) => [c, [] as string[]]));
  const args: string[] = [];
  const rest = ctx.argv.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const m = /^-extra-(\w+)$/.exec(rest[i]);
    if (!m) {
      args.push(...splitVal(rest[i]));
      continue;
    }
    if (!OPENSSL_CMDS.includes(m[1])) {
      ctx.stderr.write(`Unknown "-extra-${m[1]}" option, exiting\n`);
      return 255;
    }
    if (i + 1 >= rest.length) {
      ctx.stderr.write(`Missing "-extra-${m[1]}" option value, exiting\n`);
      return 255;
    }
    extra[m[1]].push(...splitVal(rest[++i]));
  }
  let ret = 0;
  if (ctx.signal.aborted) return 130;
  if (/^(-\?|-h|-help)$/.test(what)) {
    ctx.stderr.write(USAGE);
    return 0;
  }
  if (what === '-newcert') {
    ret = await run(ctx, [...REQ, '-new', '-x509', '-keyout', 'newkey.pem', '-out', 'newcert.pem', '-days', '365', ...extra.req]);
    if (ret === 0) ctx.stdout.write('Cert is in newcert.pem, private key is in newkey.pem\n');
  } else if (what === '-newreq' || what === '-newreq-nodes') {
    ret = await run(ctx, [...REQ, '-new', ...(what === '-newreq-nodes' ? ['-nodes'] : []), '-keyout', 'newkey.pem', '-out', 'newreq.pem', ...extra.req]);
    if (ret === 0) ctx.stdout.write('Request is in newreq.pem, private key is in newkey.pem\n');
  } else if (what === '-newca') {
    ret = await newca(ctx, REQ, CA, extra);
  } else if (what === '-pkcs12') {
    ret = await run(ctx, ['pkcs12', '-in', 'newcert.pem', '-inkey', 'newkey.pem', '-certfile', `${CATOP}/cacert.pem`, '-out', 'newcert.p12', '-export', '-name', args[0] ?? 'My Certificate', ...extra.pkcs12]);
    if (ret === 0) ctx.stdout.write('PKCS#12 file is in newcert.p12\n');
  } else if (what === '-xsign') {
    ret = await run(ctx, [...CA, '-policy', 'policy_anything', '-infiles', 'newreq.pem', ...extra.ca]);
  } else if (what === '-sign' || what === '-signCA') {
    ret = await run(ctx, [...CA, '-policy', 'policy_anything', '-out', 'newcert.pem', ...(what === '-signCA' ? ['-extensions', 'v3_ca'] : []), '-infiles', 'newreq.pem', ...extra.ca]);
    if (ret === 0) ctx.stdout.write(what === '-sign' ? 'Signed certificate is in newcert.pem\n' : 'Signed CA certificate is in newcert.pem\n');
  } else if (what === '-signcert') {
    ret = await run(ctx, ['x509', '-x509toreq', '-in', 'newreq.pem', '-signkey', 'newreq.pem', '-out', 'tmp.pem', ...extra.x509]);
    if (ret === 0) ret = await run(ctx, [...CA, '-policy', 'policy_anything', '-out', 'newcert.pem', '-infiles', 'tmp.pem', ...extra.ca]);
    if (ret === 0) ctx.stdout.write('Signed certificate is in newcert.pem\n');
  } else if (what === '-verify') {
    for (const file of args.length ? args : ['newcert.pem']) {
      const status = await run(ctx, ['verify', '-CAfile', `${CATOP}/cacert.pem`, file, ...extra.verify]);
      if (status !== 0) ret = status;
    }
  } else if (what === '-crl') {
    ret = await run(ctx, [...CA, '-gencrl', '-out', `${CATOP}/crl/crl.pem`, ...extra.ca]);
    if (ret === 0) ctx.stdout.write(`Generated CRL is in ${CATOP}/crl/crl.pem\n`);
  } else if (what === '-revoke') {
    if (args[0] === undefined) {
      ctx.stdout.write('Certificate filename is required; reason optional.\n');
      return 1;
    }
    if (args[1] !== undefined && !REASONS.includes(args[1])) {
      ctx.stderr.write('Invalid CRL reason; must be one of:\n    unspecified, keyCompromise, CACompromise,\n    affiliationChanged, superseded, cessationOfOperation\n    certificateHold, removeFromCRL');
      return 1;
    }
    ret = await run(ctx, [...CA, '-revoke', args[0], ...(args[1] !== undefined ? ['-crl_reason', args[1]] : []), ...extra.ca]);
  } else {
    ctx.stderr.write(`Unknown arg "${what}"\nUse -help for help.\n`);
    return 1;
  }
  return ret;
}
