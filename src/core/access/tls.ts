/**
 * TLS_connection and TLS_req of the generated rules (8.17.1.9), on tokens,
 * matching case-insensitively as sendmail does (so `encr:112` is ENCR:112 and
 * `perm+VERIFY` is PERM+: the rules, not cf/README, decide).
 */
import type { Lookup } from './map.ts';
import type { AccessMap } from './map.ts';
import { cataddr, eqi, tokenize, tokensEq, type Tokens } from './tokens.ts';
import { errorDecision, simple, type Decision } from './decision.ts';

export interface TlsContext {
  readonly map: AccessMap;
  readonly macros: (name: string) => string;
  /** `{TLS_Name}`: client_name for tls_client, server_name for tls_server and tls_rcpt. */
  readonly tlsName: string;
  readonly permErr: boolean;
  readonly lookups: Lookup[];
}

const TLS = ['VERIFY', 'ENCR'];
const isTls = (t: string | undefined): boolean => t !== undefined && TLS.some((k) => eqi(k, t));
const isVerified = (v: Tokens): boolean => v.length === 1 && (eqi(v[0], 'OK') || eqi(v[0], 'TRUSTED'));

const FAILS: Record<string, string> = {
  SOFTWARE: 'TLS handshake failed.',
  PROTOCOL: 'STARTTLS failed.',
  DANE_FAIL: 'DANE check failed.',
  CONFIG: 'STARTTLS temporarily not possible.',
};
const VERIFY_TEXT: Record<string, string> = {
  FAIL: ' authentication failed',
  NO: ' not authenticated',
  NOT: ' no authentication requested',
  NONE: ' other side does not support STARTTLS',
  CLEAR: ' STARTTLS disabled locally',
};

function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1], 10) : 0;
}

/** ruleset max: max({cipher_bits}, {auth_ssf}) as one token. */
function maxBits(cipher: Tokens, ssf: Tokens): string | null {
  if (cipher.length === 0 && ssf.length === 0) return '0';
  if (cipher.length === 0 && ssf.length === 1) return ssf[0];
  if (cipher.length === 1 && ssf.length === 0) return cipher[0];
  if (cipher.length === 1 && ssf.length === 1) return atoi(cipher[0]) < atoi(ssf[0]) ? ssf[0] : cipher[0];
  return null;
}

/**
 * TLS_connection: `verify $| <value>` where value is the entry found ('?' when none).
 * Returns the decision for `ruleset` (the caller's name).
 */
export function tlsConnection(ruleset: string, verify: string, value: Tokens, c: TlsContext): Decision {
  const v = tokenize(verify);
  const Q = (s: string): string => `"${s}"`;
  let code: [string, string] | null = null;
  let req: Tokens = value;
  if (value.length >= 3 && eqi(value[0], 'PERM') && value[1] === '+' && isTls(value[2])) {
    code = ['503', '5.7.0'];
    req = value.slice(2);
  } else if (value.length >= 3 && eqi(value[0], 'TEMP') && value[1] === '+' && isTls(value[2])) {
    code = ['403', '4.7.0'];
    req = value.slice(2);
  } else if (isTls(value[0])) {
    code = c.permErr ? ['554', '5.7.0'] : ['454', '4.7.0'];
  }
  const dflt: [string, string] = c.permErr ? ['554', '5.7.0'] : ['454', '4.7.0'];
  if (v.length === 1) {
    for (const [k, text] of Object.entries(FAILS)) {
      if (!eqi(v[0], k)) continue;
      if (code) return errorDecision(ruleset, code[1], [code[0], Q(` ${text}`)], c.lookups, `{verify}=${k} fails whatever the entry`);
      return errorDecision(ruleset, dflt[1], [Q(`${dflt[0]} ${text}`)], c.lookups, `{verify}=${k} fails whatever the entry`);
    }
  }
  if (!code) return simple(ruleset, 'ok', ['OK'], c.lookups, 'no TLS requirement');
  // the requirement: VERIFY, VERIFY+ext, Tls:bits, Tls:bits+ext
  let kind: string;
  let bits = '';
  let ext: Tokens = [];
  if (req.length === 1 && eqi(req[0], 'VERIFY')) kind = 'VERIFY';
  else if (req.length >= 3 && eqi(req[0], 'VERIFY') && req[1] === '+') {
    kind = 'VERIFY';
    ext = req.slice(2);
  } else if (req.length === 3 && req[1] === ':' && isTls(req[0])) {
    kind = req[0];
    bits = req[2];
  } else if (req.length >= 5 && req[1] === ':' && isTls(req[0]) && req[3] === '+') {
    kind = req[0];
    bits = req[2];
    ext = req.slice(4);
  } else return simple(ruleset, 'ok', ['OK'], c.lookups, 'the entry is not a TLS requirement');
  let need: string;
  if (eqi(kind, 'VERIFY') && bits === '' && ext.length === 0 && isVerified(v)) return simple(ruleset, 'ok', ['OK'], c.lookups, 'VERIFY and {verify} is OK');
  if (eqi(kind, 'VERIFY') && isVerified(v)) need = bits === '' ? '0' : bits;
  else if (eqi(kind, 'ENCR')) need = bits;
  else {
    // VERIFY not met
    const t = v.length === 1 ? VERIFY_TEXT[v[0].toUpperCase()] : undefined;
    const e = (s: string, more: Tokens = []): Decision =>
      errorDecision(ruleset, code[1], [code[0], Q(s), ...more], c.lookups, `VERIFY requires {verify} OK`);
    if (v.length === 0) return e(' authentication required');
    if (t) return e(t);
    return e(' authentication failure ', ext);
  }
  const have = maxBits(tokenize(c.macros('cipher_bits')), tokenize(c.macros('auth_ssf')));
  if (have === null) return simple(ruleset, 'ok', ['<', code[0], ':', ...tokenize(code[1]), '>', '<', 'REQ', ':', need, '>', '<', ...ext, '>', ...tokenize(c.macros('cipher_bits')), ':', ...tokenize(c.macros('auth_ssf'))], c.lookups, 'cipher bits unreadable');
  if (atoi(have) < atoi(need))
    return errorDecision(ruleset, code[1], [code[0], Q(' encryption too weak '), have, Q(' less than '), need], c.lookups, `bits ${have} < ${need}`);
  if (ext.length === 0) return simple(ruleset, 'ok', ['OK'], c.lookups, 'requirement met');
  // split the extensions at `+ +`
  const items: Tokens[] = [];
  let cur: string[] = [];
  for (let i = 0; i < ext.length; i++) {
    if (ext[i] === '+' && ext[i + 1] === '+' && cur.length > 0) {
      items.push(cur);
      cur = [];
      i++;
    } else cur.push(ext[i]);
  }
  items.push(cur);
  return tlsReq(ruleset, items, code, c);
}

function tlsReq(ruleset: string, items: Tokens[], code: [string, string], c: TlsContext): Decision {
  const Q = (s: string): string => `"${s}"`;
  const codeToks = ['<', code[0], ':', ...tokenize(code[1]), '>'];
  for (let i = 0; i < items.length; i++) {
    let it = items[i];
    if (it.length === 1 && eqi(it[0], 'CN')) it = ['CN', ':', ...tokenize(c.tlsName)];
    const head = it[0] ?? '';
    const arg = it.slice(2);
    const isExt = (n: string): boolean => eqi(head, n) && it[1] === ':' && arg.length > 0;
    const err = (what: string, mac: string): Decision =>
      errorDecision(ruleset, code[1], [code[0], Q(` ${what} `), ...tokenize(c.macros(mac)), Q(' does not match '), ...arg], c.lookups, `${what} mismatch`);
    if (isExt('CN')) {
      if (tokensEq(arg, tokenize(c.macros('cn_subject')))) continue;
      return err('CN', 'cn_subject');
    }
    if (isExt('CS')) {
      if (tokensEq(arg, tokenize(c.macros('cert_subject')))) continue;
      return err('Cert Subject', 'cert_subject');
    }
    if (isExt('CI')) {
      if (tokensEq(arg, tokenize(c.macros('cert_issuer')))) continue;
      return err('Cert Issuer', 'cert_issuer');
    }
    if (eqi(head, 'CITag') && it[1] === ':' && arg.length === 1) {
      const key = cataddr([arg[0], ':', ...tokenize(c.macros('cert_issuer'))]);
      const val = c.map.get(key, c.lookups);
      const vt = val === null ? ['?'] : tokenize(val);
      if (vt.length === 1 && vt[0] === '?')
        return errorDecision(ruleset, code[1], [code[0], Q(' Cert Issuer '), ...tokenize(c.macros('cert_issuer')), Q(' not acceptable')], c.lookups, 'CITag: issuer not listed');
      if (vt.length === 1 && eqi(vt[0], 'OK')) continue;
      const rest = items.slice(i + 1).flatMap((x) => ['<', ...x, '>']);
      return simple(ruleset, 'ok', ['<', ...vt, '>', ...rest, '$|', ...codeToks], c.lookups, 'CITag value other than OK ends the check (accepted)');
    }
    const rest = items.slice(i).flatMap((x, j) => ['<', ...(j === 0 ? it : x), '>']);
    return simple(ruleset, 'ok', [...rest, '$|', ...codeToks], c.lookups, 'unknown extension ends the check (accepted)');
  }
  return simple(ruleset, 'ok', ['OK'], c.lookups, 'requirement met');
}
