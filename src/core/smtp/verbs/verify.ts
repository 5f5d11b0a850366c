/**
 * VRFY and EXPN (srvrsmtp.c CMDVRFY/CMDEXPN, printvrfyaddr()). Both count towards
 * the sixth-command "possible SMTP attack" (MAXVRFYCOMMANDS; vrfy-seven-times.json),
 * may be refused by PrivacyOptions (novrfy: 252; noexpn: 502; logged "[rejected]"),
 * need HELO first (needvrfyhelo/needexpnhelo), and log the command line.
 * VRFY names each address without expanding aliases; EXPN expands them.
 * A local address prints `Full Name <user@$j>`; a remote one `<user@host>`
 * (252 for VRFY: the esmtp mailer cannot verify).
 */
import { parseAddress } from '../address.ts';
import { shorten } from '../replies.ts';
import {
  R252_CANNOT_VRFY,
  R25X_VRFY_ADDR,
  R501_ARGUMENT_REQUIRED,
  R502_NOT_ALLOWED,
  R503_INTRODUCE_YOURSELF,
  R550_USER_UNKNOWN,
  R554_NOTHING_TO,
} from '../replies.ts';
import { LOG_INFO, type VerbContext } from '../verb.ts';
import type { InputLine } from '../line-reader.ts';

/** MAXVRFYCOMMANDS. */
const MAX_VRFY = 6;

interface Printable {
  code: 250 | 252;
  addr: string;
  fullName?: string;
}

export function verify(ctx: VerbContext, vrfy: boolean, arg: string, line: InputLine): void {
  const name = vrfy ? 'VRFY' : 'EXPN';
  const wait = ctx.checkAttack('nVrfy', MAX_VRFY, name, false);
  if ((vrfy && ctx.features.noVrfy) || (!vrfy && !ctx.features.offerExpn)) {
    ctx.reply(vrfy ? R252_CANNOT_VRFY : R502_NOT_ALLOWED);
    ctx.log(LOG_INFO, `${ctx.client}: ${shorten(line.text)} [rejected]`);
    return;
  }
  if (!ctx.session.gotHello && (vrfy ? ctx.features.needVrfyHelo : ctx.features.needExpnHelo)) {
    ctx.userError(R503_INTRODUCE_YOURSELF, false);
    return;
  }
  ctx.log(LOG_INFO, `${ctx.client}: ${shorten(line.text)}`);
  ctx.delay(wait * 1000);
  if (arg.trim() === '') {
    ctx.userError(R501_ARGUMENT_REQUIRED, false);
    return;
  }
  const out: Printable[] = [];
  const seen = new Set<string>();
  for (const item of splitList(arg)) {
    const parsed = parseAddress(item);
    if (!parsed.ok) {
      ctx.userError(parsed.reply, false);
      return;
    }
    const a = parsed.value;
    const local = a.domain === null || ctx.env.isLocalDomain(a.domain);
    if (!local) {
      push(out, seen, { code: vrfy ? 252 : 250, addr: `${a.local}@${a.domain}` });
      continue;
    }
    const r = ctx.env.lookupRecipient(a.local.toLowerCase(), a.domain);
    if (r === null) {
      ctx.userError(R550_USER_UNKNOWN(a.paddr), false);
      return;
    }
    if (vrfy || r.kind !== 'alias') {
      const user = r.kind === 'local' ? r.user : r.kind === 'alias' ? r.name : r.address;
      push(out, seen, { code: 250, addr: user.includes('@') ? user : `${user}@${ctx.hostname}`, fullName: r.kind === 'local' ? r.fullName : undefined });
    } else {
      expand(ctx, r.expansion, out, seen, new Set([r.name]));
    }
  }
  if (out.length === 0) {
    ctx.userError(R554_NOTHING_TO(name), false);
    return;
  }
  ctx.envelope.nrcpts += out.length;
  ctx.reply(out.map((p, i) => R25X_VRFY_ADDR(p.code, i === out.length - 1, p.addr, p.fullName)));
}

function push(out: Printable[], seen: Set<string>, p: Printable): void {
  const key = p.addr.toLowerCase();
  if (seen.has(key)) return;
  seen.add(key);
  out.push(p);
}

/** Aliases expand recursively (alias.c), each address printed once. */
function expand(ctx: VerbContext, members: readonly string[], out: Printable[], seen: Set<string>, visiting: Set<string>): void {
  for (const m of members) {
    const parsed = parseAddress(m.trim());
    if (!parsed.ok) continue;
    const a = parsed.value;
    const local = a.domain === null || ctx.env.isLocalDomain(a.domain);
    if (!local) {
      push(out, seen, { code: 250, addr: `${a.local}@${a.domain}` });
      continue;
    }
    const key = a.local.toLowerCase();
    const r = visiting.has(key) ? null : ctx.env.lookupRecipient(key, a.domain);
    if (r === null || r.kind === 'remote') {
      push(out, seen, { code: 250, addr: r?.kind === 'remote' ? r.address : `${a.local}@${ctx.hostname}` });
    } else if (r.kind === 'local') {
      push(out, seen, { code: 250, addr: `${r.user}@${ctx.hostname}`, fullName: r.fullName });
    } else {
      expand(ctx, r.expansion, out, seen, new Set([...visiting, key]));
    }
  }
}

/** sendtolist(): comma-separated addresses (commas inside <> or quotes do not count). */
function splitList(arg: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const c of arg) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') depth++;
    else if (!quoted && c === '>') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0 && !quoted) {
      if (cur.trim() !== '') items.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '') items.push(cur.trim());
  return items;
}
