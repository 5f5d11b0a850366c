/**
 * Envelope addresses as Sendmail's parseaddr()/prescan() and the Debian rulesets
 * see them in MAIL FROM: and RCPT TO: (SIMPLIFIED: no full ruleset engine; the
 * cases Sendmail distinguishes in the reference world are reproduced).
 *
 *   '<Alice <alice@example.test>> SIZE=10'
 *     ─► paddr '<Alice <alice@example.test>>'  (as typed: echoed in replies, from=)
 *        addr  'alice@example.test'              (the route address)
 *        local 'alice', domain 'example.test'
 *        rest  'SIZE=10'                          (ESMTP parameters)
 *
 * The address ends at the first space outside <>, quotes and comments (prescan with
 * delimiter ' '). Errors come back as complete replies (fixtures mail-unbalanced.json,
 * rcpt-unbalanced.json, rcpt-source-route.json).
 */
import { R553_INVALID_ROUTE, R553_UNBALANCED } from './replies.ts';

export interface ParsedAddress {
  /** The address as typed (q_paddr). */
  paddr: string;
  /** The route address without brackets and comments; '' for the null address <>. */
  addr: string;
  /** Local part ('' for <>). */
  local: string;
  /** Domain, lower-cased, without a trailing dot; null when unqualified. */
  domain: string | null;
  /** What follows the address: ESMTP parameters. */
  rest: string;
}

export type AddressResult = { ok: true; value: ParsedAddress } | { ok: false; reply: string };

/** Splits `text` (after `FROM:` / `TO:`, leading spaces already skipped) into an address and the rest. */
export function parseAddress(text: string): AddressResult {
  let angle = 0;
  let comment = 0;
  let quoted = false;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (quoted || comment > 0)) {
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      continue;
    }
    if (comment > 0) {
      if (c === '(') comment++;
      else if (c === ')') comment--;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') comment++;
    else if (c === ')') return { ok: false, reply: R553_UNBALANCED(text.slice(0, i + 1), ')') };
    else if (c === '<') angle++;
    else if (c === '>') {
      if (angle === 0) return { ok: false, reply: R553_UNBALANCED(text.slice(0, i + 1), '>') };
      angle--;
    } else if (c === ' ' && angle === 0) {
      end = i;
      break;
    }
  }
  const paddr = text.slice(0, end);
  if (quoted) return { ok: false, reply: R553_UNBALANCED(paddr, '"') };
  if (comment > 0) return { ok: false, reply: R553_UNBALANCED(paddr, '(') };
  if (angle > 0) return { ok: false, reply: R553_UNBALANCED(paddr, '<') };
  const rest = text.slice(end).replace(/^ +/, '');
  const addr = routeAddress(paddr);
  const parts = splitAt(addr);
  if (parts === null) return { ok: false, reply: R553_INVALID_ROUTE(paddr) };
  return { ok: true, value: { paddr, addr: parts.addr, local: parts.local, domain: parts.domain, rest } };
}

/** The part inside the innermost <...> (or the whole text), comments removed, source route dropped. */
function routeAddress(paddr: string): string {
  let s = stripComments(paddr).trim();
  const open = s.lastIndexOf('<');
  if (open >= 0) {
    const close = s.indexOf('>', open);
    s = s.slice(open + 1, close < 0 ? s.length : close);
  }
  s = s.trim();
  // RFC 5321 §4.1.2 source route "@a,@b:user@host": Sendmail uses user@host
  const route = /^@[^:]*:(.*)$/.exec(s);
  if (route) s = route[1];
  return s;
}

function stripComments(s: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      out += c;
      if (c === '\\' && i + 1 < s.length) out += s[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '"') quoted = true;
    if (c === '(') depth++;
    else out += c;
  }
  return out;
}

function splitAt(addr: string): { addr: string; local: string; domain: string | null } | null {
  const ats: number[] = [];
  let quoted = false;
  for (let i = 0; i < addr.length; i++) {
    const c = addr[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (c === '@' && !quoted) ats.push(i);
  }
  if (ats.length === 0) return { addr, local: addr, domain: null };
  if (ats.length > 1) return null;
  const local = addr.slice(0, ats[0]);
  const domain = addr.slice(ats[0] + 1).replace(/\.$/, '').toLowerCase();
  if (local === '' || domain === '') return null;
  return { addr, local, domain };
}

/** Sendmail's skipword(p, "from"): `FROM:` with optional spaces before the colon; null on a syntax error. */
export function skipWord(arg: string, word: string): string | null {
  let p = arg.replace(/^[ \t\r\n\f\v]+/, '');
  const m = /^([^:\s]*)/.exec(p);
  const w = m ? m[1] : '';
  p = p.slice(w.length).replace(/^[ \t\r\n\f\v]+/, '');
  if (!p.startsWith(':')) return null;
  p = p.slice(1).replace(/^[ \t\r\n\f\v]+/, '');
  if (p === '' || w.toLowerCase() !== word) return null;
  return p;
}

/** The word skipword() names in its error: the first word of the argument (up to ':' or a space). */
export function firstWord(arg: string): string {
  const p = arg.replace(/^[ \t\r\n\f\v]+/, '');
  const m = /^([^:\s]*)/.exec(p);
  return m ? m[1] : '';
}
