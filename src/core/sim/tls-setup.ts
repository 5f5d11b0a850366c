/**
 * What Sendmail checks about its TLS files when the daemon starts (tls.c
 * inittls() with safefile()), and the log line each failure gives. STARTTLS
 * is offered only when every check passes. Messages are those of
 * ../shared/reference/sendmail.md ("TLS set-up errors").
 *
 * checkServerTlsKeys adds what OpenSSL checks when the files load: the key
 * must belong to the certificate (SSL_CTX_check_private_key).
 */
import type { Vfs } from '../vfs/index.ts';
import { checkKeyPair } from '../pki/key-pair.ts';

export interface TlsFiles {
  certFile?: string; // ServerCertFile
  keyFile?: string; // ServerKeyFile
  caCertPath?: string; // CACertPath
  caCertFile?: string; // CACertFile
}

export interface TlsSetup {
  usable: boolean;
  /** Lines to log at LOG_WARNING, in order. */
  errors: string[];
}

const S_IWGRP = 0o020;
const S_IWOTH = 0o002;
const S_IRGRP = 0o040;
const S_IROTH = 0o004;

/** safefile(): why `path` is unsafe, or null when it is fine. */
function unsafeReason(vfs: Vfs, path: string, kind: 'key' | 'cert' | 'dir'): string | null {
  if (!vfs.exists(path)) return 'No such file or directory';
  // The directories on the way must not be writable by group or others.
  const parts = path.split('/').filter(Boolean);
  const dirs = kind === 'dir' ? parts : parts.slice(0, -1);
  let cur = '';
  for (const p of dirs) {
    cur += '/' + p;
    const st = vfs.stat(cur);
    if (cur === path) break;
    if (st.mode & S_IWGRP) return 'Group writable directory';
    if (st.mode & S_IWOTH && !(st.mode & 0o1000)) return 'World writable directory';
  }
  const st = vfs.stat(path);
  if (kind === 'dir') {
    if (st.mode & S_IWGRP) return 'Group writable directory';
    if (st.mode & S_IWOTH) return 'World writable directory';
    return null;
  }
  if (st.type === 'dir') return 'Is a directory';
  if (st.mode & S_IWGRP) return 'Group writable file';
  if (st.mode & S_IWOTH) return 'World writable file';
  if (kind === 'key') {
    if (st.mode & S_IRGRP) return 'Group readable file';
    if (st.mode & S_IROTH) return 'World readable file';
  }
  return null;
}

function isEncryptedKey(pem: string): boolean {
  return pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

function hasPem(text: string, what: RegExp): boolean {
  return what.test(text);
}

export function checkServerTls(vfs: Vfs, files: TlsFiles): TlsSetup {
  const { certFile, keyFile, caCertPath, caCertFile } = files;
  if (!certFile || !keyFile) return { usable: false, errors: [] };
  const checks: [string | undefined, 'key' | 'cert' | 'dir'][] = [
    [certFile, 'cert'],
    [keyFile, 'key'],
    [caCertPath, 'dir'],
    [caCertFile, 'cert'],
  ];
  for (const [path, kind] of checks) {
    if (!path) continue;
    const why = unsafeReason(vfs, path, kind);
    if (why) return { usable: false, errors: [`STARTTLS=server: file ${path} unsafe: ${why}`] };
  }
  const cert = vfs.readText(certFile);
  if (!hasPem(cert, /-----BEGIN CERTIFICATE-----/)) {
    return { usable: false, errors: [`STARTTLS=server, error: SSL_CTX_use_certificate_chain_file(${certFile}) failed`] };
  }
  const key = vfs.readText(keyFile);
  if (isEncryptedKey(key) || !hasPem(key, /-----BEGIN (RSA |EC )?PRIVATE KEY-----/)) {
    return { usable: false, errors: [`STARTTLS=server, error: SSL_CTX_use_PrivateKey_file(${keyFile}) failed`] };
  }
  return { usable: true, errors: [] };
}

/** checkServerTls, then SSL_CTX_check_private_key: the key must belong to the certificate. */
export async function checkServerTlsKeys(vfs: Vfs, subtle: SubtleCrypto, files: TlsFiles): Promise<TlsSetup> {
  const first = checkServerTls(vfs, files);
  if (!first.usable || !files.certFile || !files.keyFile) return first;
  const verdict = await checkKeyPair(subtle, vfs.readText(files.certFile), vfs.readText(files.keyFile));
  if (verdict === 'bad-certificate') return { usable: false, errors: [`STARTTLS=server, error: SSL_CTX_use_certificate_chain_file(${files.certFile}) failed`] };
  if (verdict === 'bad-key') return { usable: false, errors: [`STARTTLS=server, error: SSL_CTX_use_PrivateKey_file(${files.keyFile}) failed`] };
  if (verdict === 'mismatch') return { usable: false, errors: [`STARTTLS=server, error: SSL_CTX_check_private_key failed(${files.keyFile}): 0`] };
  return first;
}
