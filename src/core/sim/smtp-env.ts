/**
 * The world behind one SMTP connection (core/smtp's SmtpEnv): the clock,
 * queue ids, syslog, local users and aliases, class w, sender domains from
 * /etc/hosts, relaying from the access map, and local delivery to
 * /var/mail/<user> in mbox format.
 *
 * SIMPLIFIED: relaying asks only the `Connect:` entries of access.db (host
 * name, its parent domains, then IP prefixes; RELAY or not). The full
 * rulesets come with the access-map issue.
 */
import type { Recipient, SmtpEnv, SmtpPeer, DeliveryRequest } from '../smtp/index.ts';
import type { MtaConfig } from './mta-config.ts';
import type { WorldServices } from './services.ts';
import { expandAlias } from './aliases.ts';
import { readDb } from './map-db.ts';
import { resolveName } from './hosts.ts';

export interface ConnectionFacts {
  tag: string;
  pid: number;
  tlsAvailable(): boolean;
  newQueueId(seq: number): string;
}

export class WorldSmtpEnv implements SmtpEnv {
  #seq = 0;

  constructor(
    private readonly w: WorldServices,
    private readonly config: MtaConfig,
    private readonly facts: ConnectionFacts,
  ) {}

  now(): number {
    return this.w.clock.now();
  }

  newQueueId(): string {
    return this.facts.newQueueId(this.#seq++);
  }

  log(priority: number, text: string): void {
    this.w.syslog.log(this.facts.tag, this.facts.pid, priority & 7, text);
  }

  #isUser(name: string): boolean {
    return this.w.vfs.userInfo(name) !== null;
  }

  lookupRecipient(localPart: string, domain: string | null): Recipient | null {
    if (domain !== null && !this.isLocalDomain(domain)) return { kind: 'remote', address: `${localPart}@${domain}` };
    const key = localPart.toLowerCase();
    const aliased = this.config.aliases.get(key);
    if (aliased) return { kind: 'alias', name: key, expansion: expandAlias(this.config.aliases, key) };
    if (this.#isUser(localPart)) return { kind: 'local', user: localPart };
    return null;
  }

  isLocalDomain(domain: string): boolean {
    return this.config.localNames.has(domain.toLowerCase().replace(/\.$/, ''));
  }

  domainExists(domain: string): boolean {
    const d = domain.toLowerCase().replace(/\.$/, '');
    if (/^\[.*\]$/.test(d)) return true;
    return this.isLocalDomain(d) || resolveName(this.w.hosts(), d).length > 0;
  }

  mayRelay(peer: SmtpPeer): boolean {
    const db = readDb(this.w.vfs, '/etc/mail/access.db');
    if (!db) return false;
    const keys: string[] = [];
    const labels = peer.name.toLowerCase().split('.').filter(Boolean);
    for (let i = 0; i < labels.length; i++) keys.push(`connect:${labels.slice(i).join('.')}`);
    const octets = peer.addr.split('.');
    for (let i = octets.length; i > 0; i--) keys.push(`connect:${octets.slice(0, i).join('.')}`);
    for (const k of keys) {
      const v = db.get(k);
      if (v !== undefined) return v.trim().toUpperCase() === 'RELAY';
    }
    return false;
  }

  tlsAvailable(): boolean {
    return this.facts.tlsAvailable();
  }

  /** Local delivery: appends the message to each user's mailbox (mbox, `From ` line first). */
  deliver(msg: DeliveryRequest): void {
    const users: string[] = [];
    for (const r of msg.rcpts) {
      if (r.kind === 'local') users.push(r.user);
      else if (r.kind === 'alias') users.push(...r.expansion);
    }
    const text = new TextDecoder('latin1').decode(msg.data).replace(/\r\n/g, '\n');
    const stamp = new Date(this.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
    const from = msg.from === '' ? 'MAILER-DAEMON' : msg.from;
    const mbox = `From ${from} ${stamp}\n${text.replace(/^From /gm, '>From ')}${text.endsWith('\n') ? '' : '\n'}\n`;
    for (const user of [...new Set(users)]) {
      if (!this.#isUser(user)) continue;
      const path = `/var/mail/${user}`;
      const info = this.w.vfs.userInfo(user);
      if (this.w.vfs.exists(path)) this.w.vfs.appendFile(path, mbox);
      else this.w.vfs.writeFile(path, mbox, { mode: 0o660, uid: info?.uid ?? 0, gid: this.w.vfs.gidOf('mail') ?? 8 });
    }
  }
}
