/**
 * What the key, request and certificate subcommands share: option parsing,
 * reading and writing files as OpenSSL does (private keys created 0600),
 * pass phrases (-passin/-passout, or asked on the terminal without echo),
 * OpenSSL's error lines, and the key-generation progress dots.
 */
import type { CommandContext, ReadLineOptions } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import { loadPrivateKey, type LoadResult } from '../../pki/keys.ts';
import { parseCnf, type Cnf } from '../../pki/cnf.ts';

export const DEFAULT_CNF = '/usr/lib/ssl/openssl.cnf';

/**
 * SIMPLIFIED: OpenSSL prefixes each error line with the thread id
 * (e.g. 805B0A3C757F0000), which changes from run to run; the lab uses one.
 */
const THREAD = '40F7A1B2C37F0000';
export const errLine = (code: string, lib: string, fn: string, reason: string, file: string, extra = ''): string => `${THREAD}:error:${code}:${lib}:${fn}:${reason}:${file}:${extra}\n`;

export const ERR = {
  noFile: (path: string): string =>
    errLine('16000069', 'STORE routines', 'ossl_store_get0_loader_int', 'unregistered scheme', '../crypto/store/store_register.c:237', 'scheme=file') +
    errLine('80000002', 'system library', 'file_open', 'No such file or directory', '../providers/implementations/storemgmt/file_store.c:266', `calling stat(${path})`),
  badDecrypt: (): string =>
    errLine('1608010C', 'STORE routines', 'ossl_store_handle_load_result', 'unsupported', '../crypto/store/store_result.c:149') +
    errLine('1C800064', 'Provider routines', 'ossl_cipher_unpadblock', 'bad decrypt', '../providers/implementations/ciphers/ciphercommon_block.c:124') +
    errLine('11800074', 'PKCS12 routines', 'PKCS12_pbe_crypt_ex', 'pkcs12 cipherfinal error', '../crypto/pkcs12/p12_decr.c:88', 'maybe wrong password'),
  noStartLine: (what: string): string => errLine('0480006C', 'PEM routines', 'get_name', 'no start line', '../crypto/pem/pem_lib.c:760', `Expecting: ${what}`),
};

export interface Opts {
  flags: Set<string>;
  values: Map<string, string>;
  multi: Map<string, string[]>;
  rest: string[];
}

/**
 * Parses `argv` (after the subcommand name). `withValue` names the options
 * that take a value. An unknown option gives OpenSSL's two lines and null.
 */
export function parseOpts(ctx: CommandContext, withValue: readonly string[], flags: readonly string[], restAllowed = false): Opts | null {
  const name = ctx.argv[0];
  const o: Opts = { flags: new Set(), values: new Map(), multi: new Map(), rest: [] };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1 && !(restAllowed && o.rest.length)) {
      const key = a.replace(/^--?/, '');
      if (withValue.includes(key)) {
        if (i + 1 >= args.length) {
          ctx.stderr.write(`${name}: Option -${key} needs a value\n${name}: Use -help for summary.\n`);
          return null;
        }
        const v = args[++i];
        o.values.set(key, v);
        o.multi.set(key, [...(o.multi.get(key) ?? []), v]);
        continue;
      }
      if (flags.includes(key)) {
        o.flags.add(key);
        continue;
      }
      ctx.stderr.write(`${name}: Unknown option: ${a}\n${name}: Use -help for summary.\n`);
      return null;
    }
    if (!restAllowed) {
      ctx.stderr.write(`${name}: Extra option: "${a}"\n${name}: Use -help for summary.\n`);
      return null;
    }
    o.rest.push(a);
  }
  return o;
}

export const abs = (ctx: CommandContext, path: string): string => ctx.shell.resolve(path);

/** A file's text, or null after printing OpenSSL's "Could not open file" lines. */
export async function readInput(ctx: CommandContext, path: string | undefined, what: string): Promise<string | null> {
  if (path === undefined || path === '-') return ctx.stdin.readAll();
  const p = abs(ctx, path);
  if (!ctx.vfs.exists(p) || ctx.vfs.isDir(p)) {
    ctx.stderr.write(`Could not open file or uri for loading ${what} from ${path}\n${ERR.noFile(path)}`);
    return null;
  }
  return ctx.vfs.readText(p);
}

/**
 * Writes `text` to `path` (stdout when none). A private key file is created
 * 0600, as OpenSSL 3.0 opens it; an existing file keeps its mode.
 */
export function writeOutput(ctx: CommandContext, path: string | undefined, text: string | Uint8Array, secret = false): boolean {
  if (path === undefined || path === '-') {
    // SIMPLIFIED: DER to standard output goes through the text stream byte for byte (latin1).
    ctx.stdout.write(typeof text === 'string' ? text : String.fromCharCode(...text));
    return true;
  }
  const p = abs(ctx, path);
  try {
    if (secret && !ctx.vfs.exists(p)) ctx.vfs.writeFile(p, text, { mode: 0o600 });
    else ctx.vfs.writeFile(p, text);
    return true;
  } catch (e) {
    const why = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'No such file or directory' : e instanceof Error && 'code' in e && e.code === 'EISDIR' ? 'Is a directory' : 'Permission denied';
    ctx.stderr.write(`${ctx.argv[0]}: Can't open "${path}" for writing, ${why}\n`);
    return false;
  }
}

/** A file's bytes (DER input), or null when it is not there (the caller has printed nothing). */
export function readBytes(ctx: CommandContext, path: string | undefined): Uint8Array | null {
  if (path === undefined || path === '-') return null;
  const p = abs(ctx, path);
  return ctx.vfs.exists(p) && !ctx.vfs.isDir(p) ? ctx.vfs.readFile(p) : null;
}

/** The terminal read without echo (pass phrases). */
async function readSecret(ctx: CommandContext, prompt: string): Promise<string | null> {
  // The terminal does not echo a pass phrase (termios ~ECHO); OpenSSL prints the newline itself.
  const opts: ReadLineOptions = { prompt, echo: false };
  if (ctx.tty) {
    const line = await ctx.tty.readLine(opts);
    ctx.tty.write('\n');
    return line;
  }
  // SIMPLIFIED: without a terminal the lab reads the pass phrase from standard input.
  ctx.stderr.write(prompt + '\n');
  return ctx.stdin.readLine();
}

/** `pass:x`, `env:VAR`, `file:path`, `stdin`: the pass phrase of -passin/-passout, or an error text. */
export async function passArg(ctx: CommandContext, arg: string): Promise<string | { error: string }> {
  if (arg.startsWith('pass:')) return arg.slice(5);
  if (arg.startsWith('env:')) return ctx.env.get(arg.slice(4)) ?? { error: `No environment variable ${arg.slice(4)}` };
  if (arg.startsWith('file:')) {
    const p = abs(ctx, arg.slice(5));
    if (!ctx.vfs.exists(p)) return { error: `Can't open file ${arg.slice(5)}` };
    return ctx.vfs.readText(p).split('\n')[0];
  }
  if (arg === 'stdin') return (await ctx.stdin.readLine()) ?? '';
  return { error: `Invalid password argument "${arg}"` };
}

const PASS_TAIL =
  errLine('1400006B', 'UI routines', 'UI_process', 'processing error', '../crypto/ui/ui_lib.c:573', 'while reading strings') +
  errLine('0480006D', 'PEM routines', 'PEM_def_callback', 'problems getting password', '../crypto/pem/pem_lib.c:62') +
  errLine('07880109', 'common libcrypto routines', 'do_ui_passphrase', 'interrupted or cancelled', '../crypto/passphrase.c:184') +
  errLine('1C80009F', 'Provider routines', 'p8info_to_encp8', 'unable to get passphrase', '../providers/implementations/encode_decode/encode_key2any.c:115');

/**
 * Asks for a new pass phrase twice, as PEM_def_callback does (captured with
 * genpkey -aes256 on a pty). On failure: what to print before the caller's
 * head line ("Error writing key") and after it.
 */
export async function askNewPass(ctx: CommandContext): Promise<string | { before: string; after: string }> {
  const a = await readSecret(ctx, 'Enter PEM pass phrase:');
  if (a === null) return { before: '', after: PASS_TAIL };
  if (a.length < 4) {
    return { before: '', after: errLine('14000065', 'UI routines', 'UI_set_result_ex', 'result too small', '../crypto/ui/ui_lib.c:911', 'You must type in 4 to 1024 characters') + PASS_TAIL };
  }
  const b = await readSecret(ctx, 'Verifying - Enter PEM pass phrase:');
  if (b === null || a !== b) return { before: 'Verify failure\n', after: PASS_TAIL };
  return a;
}

export type KeyLoad = Extract<LoadResult, { ok: true }>;

/**
 * Loads a private key from `path` as `openssl pkey/rsa/req -key/ca -keyfile`
 * do, asking `Enter pass phrase for <path>:` when it is encrypted. On failure
 * prints `<errorHead> <path>` and OpenSSL's lines, and gives null.
 */
export async function loadKeyFile(ctx: CommandContext, w: WorldServices, path: string | undefined, passin: string | undefined, errorHead: string, what = 'private key'): Promise<KeyLoad | null> {
  const text = await readInput(ctx, path, what);
  if (text === null) return null;
  const shown = path ?? 'stdin';
  let pass: string | null | undefined;
  const r = await loadPrivateKey(w.subtle, text, async () => {
    if (passin !== undefined) {
      const p = await passArg(ctx, passin);
      if (typeof p !== 'string') {
        ctx.stderr.write(`${p.error}\n`);
        return null;
      }
      return p;
    }
    pass = await readSecret(ctx, `Enter pass phrase for ${shown}:`);
    return pass;
  });
  if (r.ok) return r;
  if (r.why === 'none') {
    const bytes = readBytes(ctx, path);
    const der = bytes && (await loadPrivateKey(w.subtle, bytes, async () => null));
    if (der && der.ok) return der;
  }
  ctx.stderr.write(`${errorHead} ${shown}\n`);
  if (r.why === 'bad-decrypt') ctx.stderr.write(ERR.badDecrypt());
  return null;
}

/** The config file (-config, $OPENSSL_CONF, or the default), or null after OpenSSL's message. */
export function loadCnf(ctx: CommandContext, path: string | undefined): { cnf: Cnf; path: string } | null {
  const file = path ?? ctx.env.get('OPENSSL_CONF') ?? DEFAULT_CNF;
  const p = abs(ctx, file);
  if (!ctx.vfs.exists(p)) {
    ctx.stderr.write(`Can't open "${file}" for reading, No such file or directory\n` + errLine('80000002', 'system library', 'BIO_new_file', 'No such file or directory', '../crypto/bio/bss_file.c:67', `calling fopen(${file}, r)`) + errLine('10000080', 'BIO routines', 'BIO_new_file', 'no such file', '../crypto/bio/bss_file.c:75'));
    return null;
  }
  const cnf = parseCnf(ctx.vfs.readText(p));
  if ('error' in cnf) {
    ctx.stderr.write(`Error on line ${cnf.line} of config file "${file}"\n` + errLine('07000065', 'configuration file routines', 'def_load_bio', cnf.error, '../crypto/conf/conf_def.c:511', `line ${cnf.line}`));
    return null;
  }
  return { cnf, path: file };
}

/**
 * The dots and pluses OpenSSL prints while it looks for RSA primes.
 * SIMPLIFIED: their number comes from the world's random source, not from a
 * real prime search (the key itself comes from WebCrypto).
 */
export function keygenDots(w: WorldServices): string {
  const r = w.random.bytes(64);
  let k = 0;
  const seg = (): string => {
    const n = 3 + (r[k++ % r.length] % 24);
    let s = '';
    for (let i = 0; i < n; i++) s += '.'.repeat(1 + (r[(k + i) % r.length] % 4)) + '+';
    return s;
  };
  const plus = '+'.repeat(65);
  const line = (): string => `${seg()}${plus}*${seg()}${plus}*${seg()}${plus}\n`;
  return line() + line();
}
