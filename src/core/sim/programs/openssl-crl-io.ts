/**
 * File loading shared by `openssl verify` and `openssl crl`: PEM or DER
 * certificates and CRLs, with OpenSSL 3.0's messages when a file is missing
 * or holds no such object (captured in test/fixtures/pki-verify/expected).
 *
 * SIMPLIFIED: OpenSSL prefixes its error-stack lines with the thread id; the
 * lab prints one fixed id (THREAD).
 */
import type { CommandContext } from '../../shell/types.ts';
import { pemBlocks } from '../../pki/chain.ts';
import { crlPemBlocks, parseCrlDer } from '../../pki/crl.ts';
import { readCert } from '../../pki/verify.ts';

export const THREAD = '80EBD4DBF07F0000';

/** What the programs need of the file system: bytes of a file (null when missing), names in a directory (null when not one). */
export interface FileAccess {
  read(path: string): Uint8Array | null;
  list(dir: string): string[] | null;
}

export interface RunOutput {
  out: string;
  err: string;
  rc: number;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};

/** Lines OpenSSL's OSSL_STORE prints for a missing file. */
export function storeMissing(path: string): string {
  return (
    `${THREAD}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
    `${THREAD}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${path})\n`
  );
}

/** Lines of X509_load_cert_crl_file for a missing -CAfile. */
export function caFileMissing(path: string): string {
  return (
    `Error loading file ${path}\n` +
    `${THREAD}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${path}, r)\n` +
    `${THREAD}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n` +
    `${THREAD}:error:05880002:x509 certificate routines:X509_load_cert_crl_file_ex:system lib:../crypto/x509/by_file.c:229:\n`
  );
}

/** Certificates in a file: every PEM CERTIFICATE block, else the file as one DER certificate. */
export function certsIn(bytes: Uint8Array): Uint8Array[] {
  const text = latin1(bytes);
  if (text.includes('-----BEGIN')) {
    return [...pemBlocks(text, 'CERTIFICATE'), ...pemBlocks(text, 'TRUSTED CERTIFICATE')].filter((d) => readCert(d) !== null);
  }
  return readCert(bytes) ? [Uint8Array.from(bytes)] : [];
}

/** CRLs in a file: PEM X509 CRL blocks, else the file as one DER CRL (when `der` or no PEM). */
export function crlsIn(bytes: Uint8Array, inform: 'PEM' | 'DER' | 'ANY' = 'ANY'): Uint8Array[] {
  const text = latin1(bytes);
  if (inform !== 'DER' && text.includes('-----BEGIN')) return crlPemBlocks(text).filter((d) => parseCrlDer(d) !== null);
  if (inform === 'PEM') return [];
  return parseCrlDer(bytes) ? [Uint8Array.from(bytes)] : [];
}

/** The PEM text of a DER object, 64 columns. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = btoa(latin1(der));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** ASN1_TIME_print: `Jan  1 00:00:00 2026 GMT`. */
export function asn1Time(d: Date): string {
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

export interface ParsedArgs {
  opts: Map<string, string[]>;
  rest: string[];
  error?: string;
}

/**
 * OpenSSL's opt_next: options first (each known one with its value or not),
 * the first non-option ends them. Errors as `verify: Unknown option: -x`.
 */
export function parseOpts(prog: string, argv: readonly string[], withValue: ReadonlySet<string>, flags: ReadonlySet<string>): ParsedArgs {
  const opts = new Map<string, string[]>();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const name = a.replace(/^--?/, '');
    if (withValue.has(name)) {
      if (i + 1 >= argv.length) return { opts, rest: [], error: `${prog}: Option -${name} needs a value\n${prog}: Use -help for summary.\n` };
      opts.set(name, [...(opts.get(name) ?? []), argv[++i]]);
    } else if (flags.has(name)) {
      opts.set(name, [...(opts.get(name) ?? []), '']);
    } else {
      return { opts, rest: [], error: `${prog}: Unknown option: ${a}\n${prog}: Use -help for summary.\n` };
    }
  }
  return { opts, rest: argv.slice(i) as string[] };
}

/** The world's files as FileAccess, paths resolved against the shell's directory. */
export function worldFiles(ctx: CommandContext): FileAccess {
  return {
    read(path) {
      const abs = ctx.shell.resolve(path);
      try {
        return ctx.vfs.isDir(abs) ? null : ctx.vfs.readFile(abs);
      } catch {
        return null;
      }
    },
    list(dir) {
      const abs = ctx.shell.resolve(dir);
      try {
        return ctx.vfs.isDir(abs) ? ctx.vfs.readdir(abs) : null;
      } catch {
        return null;
      }
    },
  };
}

