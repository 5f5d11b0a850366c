/**
 * What a TLS_Clt:/TLS_Srv:/TLS_Rcpt: value means to TLS_connection, for live
 * validation in the editor: the same reading as tls.ts (case-insensitive, as
 * sendmail's rule matching is). A value that is not of the form is accepted by
 * sendmail and means "no requirement": the note says so.
 */
import { eqi, tokenize } from './tokens.ts';

export interface TlsValueMeaning {
  /** false: sendmail reads this value as no requirement at all. */
  readonly requirement: boolean;
  readonly kind: 'VERIFY' | 'ENCR' | null;
  /** Minimum cipher bits ('' for plain VERIFY). */
  readonly bits: string;
  /** Extensions (CN, CN:name, CS:dn, CI:dn, CITag:Tag), as written. */
  readonly extensions: string[];
  /** Reply code and DSN when the requirement is not met (without TLS_PERM_ERR). */
  readonly code: string;
  readonly note: string;
}

export function describeTlsValue(value: string, permErr = false): TlsValueMeaning {
  const t = tokenize(value);
  const none = (note: string): TlsValueMeaning => ({ requirement: false, kind: null, bits: '', extensions: [], code: '', note });
  let req = t;
  let code = permErr ? '554 5.7.0' : '454 4.7.0';
  const isTls = (x: string | undefined): boolean => x !== undefined && (eqi(x, 'VERIFY') || eqi(x, 'ENCR'));
  if (t.length >= 3 && eqi(t[0], 'PERM') && t[1] === '+' && isTls(t[2])) {
    code = '503 5.7.0';
    req = t.slice(2);
  } else if (t.length >= 3 && eqi(t[0], 'TEMP') && t[1] === '+' && isTls(t[2])) {
    code = '403 4.7.0';
    req = t.slice(2);
  } else if (!isTls(t[0])) return none(`"${value}" is not VERIFY, VERIFY:bits or ENCR:bits: sendmail accepts it as no requirement`);
  let kind: 'VERIFY' | 'ENCR';
  let bits = '';
  let ext: string[] = [];
  if (req.length === 1 && eqi(req[0], 'VERIFY')) kind = 'VERIFY';
  else if (req.length >= 3 && eqi(req[0], 'VERIFY') && req[1] === '+') {
    kind = 'VERIFY';
    ext = req.slice(2);
  } else if (req.length === 3 && req[1] === ':') {
    kind = eqi(req[0], 'ENCR') ? 'ENCR' : 'VERIFY';
    bits = req[2];
  } else if (req.length >= 5 && req[1] === ':' && req[3] === '+') {
    kind = eqi(req[0], 'ENCR') ? 'ENCR' : 'VERIFY';
    bits = req[2];
    ext = req.slice(4);
  } else return none(`"${value}" is incomplete (ENCR needs :bits; bits are one word): sendmail accepts it as no requirement`);
  const extensions: string[] = [];
  let cur: string[] = [];
  for (let i = 0; i < ext.length; i++) {
    if (ext[i] === '+' && ext[i + 1] === '+' && cur.length > 0) {
      extensions.push(cur.join(''));
      cur = [];
      i++;
    } else cur.push(ext[i]);
  }
  if (cur.length > 0) extensions.push(cur.join(''));
  const notes: string[] = [];
  if (bits !== '' && !/^\d+$/.test(bits)) notes.push(`bits "${bits}" are not a number: sendmail compares them as 0`);
  if (kind === 'ENCR' && extensions.length > 0) notes.push('extensions after ENCR are checked without {verify}');
  if (value !== value.toUpperCase() && /perm|temp|verify|encr/.test(value)) notes.push('keywords in lower case still work: sendmail matches them case-insensitively');
  return { requirement: true, kind, bits, extensions, code, note: notes.join('; ') };
}
