/**
 * `openssl genpkey`, `genrsa`, `rsa`, `pkey` and `ecparam` as OpenSSL 3.0
 * (captured in test/fixtures/pki/): keys come from WebCrypto, are written
 * as PKCS#8 (`BEGIN PRIVATE KEY`) or, with a cipher option, encrypted
 * PKCS#8; `rsa -traditional` and `ecparam -genkey` write the old forms.
 */
import type { CommandContext } from '../../shell/types.ts';
import type { WorldServices } from '../services.ts';
import type { OpensslSubcommand } from './openssl-types.ts';
import { generateKey, pkcs8Pem, encryptedPem, traditionalPem, traditionalDer, publicOf, type Curve, type PrivateKey } from '../../pki/keys.ts';
import { toPem } from '../../pki/pem.ts';
import { askNewPass, keygenDots, loadKeyFile, parseOpts, passArg, writeOutput } from './openssl-genkey-io.ts';

const CIPHERS = ['aes256', 'aes-256-cbc', 'aes128', 'aes-128-cbc', 'aes192', 'des3'];
const CURVES: Record<string, Curve> = { prime256v1: 'P-256', 'P-256': 'P-256', secp384r1: 'P-384', 'P-384': 'P-384' };

/** The key as PEM, encrypted when a cipher option is given (pass phrase from -passout or asked). */
/**
 * `out` is created (empty, 0600) before the pass phrase is asked, as OpenSSL
 * opens it first; `head` is the line genpkey prints when that fails
 * (genrsa and req print none; captured).
 */
async function keyText(ctx: CommandContext, w: WorldServices, key: PrivateKey, cipher: boolean, passout: string | undefined, traditional = false, out?: string, head = ''): Promise<string | null> {
  if (!cipher) return traditional ? traditionalPem(key) : pkcs8Pem(key);
  if (out !== undefined && !writeOutput(ctx, out, '', true)) return null;
  let pass: string;
  if (passout !== undefined) {
    const p = await passArg(ctx, passout);
    if (typeof p !== 'string') {
      ctx.stderr.write(`${p.error}\n`);
      return null;
    }
    pass = p;
  } else {
    const p = await askNewPass(ctx);
    if (typeof p !== 'string') {
      ctx.stderr.write(`${p.before}${head}${p.after}`);
      return null;
    }
    pass = p;
  }
  // SIMPLIFIED: every cipher option encrypts with AES-256-CBC (PBES2), OpenSSL 3.0's choice for -aes256.
  return encryptedPem(w.subtle, w.random, key, pass);
}

const hasCipher = (flags: Set<string>): boolean => CIPHERS.some((c) => flags.has(c));

const genpkey: OpensslSubcommand = {
  name: 'genpkey',
  summary: 'Generate a private key (RSA or EC).',
  async run(ctx, w) {
    const o = parseOpts(ctx, ['algorithm', 'pkeyopt', 'out', 'pass', 'outform'], [...CIPHERS, 'quiet']);
    if (!o) return 1;
    const alg = o.values.get('algorithm');
    if (!alg) {
      ctx.stderr.write('genpkey: No keytype specified.\ngenpkey: Use -help for summary.\n');
      return 1;
    }
    let bits = 2048;
    let curve: Curve | undefined;
    for (const opt of o.multi.get('pkeyopt') ?? []) {
      const [k, v] = opt.split(':');
      if (k === 'rsa_keygen_bits') bits = Number(v);
      else if (k === 'ec_paramgen_curve' && CURVES[v]) curve = CURVES[v];
      else {
        ctx.stderr.write(`genpkey: Error setting ${k}:${v} parameter:\n`);
        return 1;
      }
    }
    const kind = alg.toUpperCase() === 'RSA' ? 'rsa' : alg.toUpperCase() === 'EC' ? 'ec' : null;
    if (!kind) {
      ctx.stderr.write(`genpkey: Algorithm ${alg} not found\n`);
      return 1;
    }
    if (kind === 'ec' && !curve) {
      ctx.stderr.write('genpkey: Error generating EC key\n');
      return 1;
    }
    if (kind === 'rsa' && !o.flags.has('quiet')) ctx.stderr.write(keygenDots(w));
    const key = await generateKey(w.subtle, { kind, bits, curve });
    const text = await keyText(ctx, w, key, hasCipher(o.flags), o.values.get('pass'), false, o.values.get('out'), 'Error writing key\n');
    if (text === null) return 1;
    return writeOutput(ctx, o.values.get('out'), text, true) ? 0 : 1;
  },
};

const genrsa: OpensslSubcommand = {
  name: 'genrsa',
  summary: 'Generate an RSA private key (2048 bits unless told).',
  async run(ctx, w) {
    const o = parseOpts(ctx, ['out', 'passout'], [...CIPHERS, 'quiet', 'verbose', 'traditional'], true);
    if (!o) return 1;
    const bits = o.rest[0] === undefined ? 2048 : Number(o.rest[0]);
    if (!Number.isInteger(bits) || bits < 512 || o.rest.length > 1) {
      ctx.stderr.write(`genrsa: Extra option: "${o.rest[o.rest.length - 1]}"\ngenrsa: Use -help for summary.\n`);
      return 1;
    }
    // Captured: genrsa prints no progress dots in OpenSSL 3.0 unless -verbose.
    if (o.flags.has('verbose')) ctx.stderr.write(keygenDots(w));
    const key = await generateKey(w.subtle, { kind: 'rsa', bits });
    const text = await keyText(ctx, w, key, hasCipher(o.flags), o.values.get('passout'), o.flags.has('traditional'), o.values.get('out'));
    if (text === null) return 1;
    return writeOutput(ctx, o.values.get('out'), text, true) ? 0 : 1;
  },
};

/** `openssl rsa` and `openssl pkey`: read a key (asking its pass phrase), write it again. */
function rewrite(name: 'rsa' | 'pkey'): OpensslSubcommand {
  return {
    name,
    summary: name === 'rsa' ? 'Read and write RSA keys (remove or add a pass phrase).' : 'Read and write private keys (remove or add a pass phrase).',
    async run(ctx, w) {
      const o = parseOpts(ctx, ['in', 'out', 'passin', 'passout', 'inform', 'outform'], [...CIPHERS, 'traditional', 'noout', 'pubout', 'check', 'pubin']);
      if (!o) return 1;
      const loaded = await loadKeyFile(ctx, w, o.values.get('in'), o.values.get('passin'), name === 'rsa' ? 'Could not read private key from' : 'Could not read key from', name === 'rsa' ? 'private key' : 'key');
      if (!loaded) return 1;
      if (name === 'rsa' && loaded.key.kind !== 'rsa') {
        ctx.stderr.write('Not an RSA key\n');
        return 1;
      }
      if (o.flags.has('check')) ctx.stdout.write('RSA key ok\n');
      if (o.flags.has('noout')) return 0;
      let text: string | Uint8Array | null;
      const der = o.values.get('outform')?.toUpperCase() === 'DER';
      // captured: rsa -outform DER writes PKCS#8, pkey -outform DER the traditional structure
      if (o.flags.has('pubout')) text = der ? (await publicOf(w.subtle, loaded.key)).spki : toPem('PUBLIC KEY', (await publicOf(w.subtle, loaded.key)).spki);
      else if (der) text = name === 'rsa' ? loaded.key.pkcs8 : traditionalDer(loaded.key);
      else text = await keyText(ctx, w, loaded.key, hasCipher(o.flags), o.values.get('passout'), o.flags.has('traditional'), o.values.get('out'), 'Error writing key\n');
      if (text === null) return 1;
      if (name === 'rsa') ctx.stderr.write('writing RSA key\n');
      return writeOutput(ctx, o.values.get('out'), text, !o.flags.has('pubout')) ? 0 : 1;
    },
  };
}

const ecparam: OpensslSubcommand = {
  name: 'ecparam',
  summary: 'EC parameters; with -genkey, an EC private key (SEC1 `BEGIN EC PRIVATE KEY`).',
  async run(ctx, w) {
    const o = parseOpts(ctx, ['name', 'out', 'outform'], ['genkey', 'noout', 'list_curves', 'text']);
    if (!o) return 1;
    if (o.flags.has('list_curves')) {
      // SIMPLIFIED: the lab lists only the curves WebCrypto has.
      ctx.stdout.write('  secp384r1 : NIST/SECG curve over a 384 bit prime field\n  prime256v1: X9.62/SECG curve over a 256 bit prime field\n');
      return 0;
    }
    const name = o.values.get('name');
    const curve = name ? CURVES[name] : undefined;
    if (name && !curve) {
      ctx.stderr.write(`unknown curve name (${name})\n`);
      return 1;
    }
    if (!curve) {
      ctx.stderr.write('ecparam: Unable to load parameters\n');
      return 1;
    }
    let text = o.flags.has('noout') ? '' : toPem('EC PARAMETERS', curve === 'P-256' ? Uint8Array.of(6, 8, 42, 134, 72, 206, 61, 3, 1, 7) : Uint8Array.of(6, 5, 43, 129, 4, 0, 34));
    if (o.flags.has('genkey')) text += traditionalPem(await generateKey(w.subtle, { kind: 'ec', curve }));
    return writeOutput(ctx, o.values.get('out'), text, o.flags.has('genkey')) ? 0 : 1;
  },
};

export const GENKEY_SUBCOMMANDS: readonly OpensslSubcommand[] = [genpkey, genrsa, rewrite('rsa'), rewrite('pkey'), ecparam];
