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
import { arpadate, interval, type Recipient, type SmtpEnv, type SmtpPeer, type DeliveryRequest } from '../smtp/index.ts';
import { fromLatin1 } from '../bytes/index.ts';
import { LOG_INFO } from './syslog.ts';
import { SENDMAIL_VERSION } from './mta-config.ts';
import { writeQueued } from './queue.ts';
import type { MtaConfig } from './mta-config.ts';
import type { WorldServices } from './services.ts';
import { expandAlias } from './aliases.ts';
import { readDb } from './map-db.ts';
import { resolveName } from './hosts.ts';
import { randomInt } from '../trace/index.ts';

export interface ConnectionFacts {
  tag: string;
  pid: number;
  tlsAvailable(): boolean;
  newQueueId(seq: number): string;
  /** How the Received: header names the client: 'localhost [127.0.0.1]'. */
  peerDescription: string;
}

export class WorldSmtpEnv implements SmtpEnv {
  /** Sendmail starts each process's queue-id sequence at a random point. */
  #seq: number;

  constructor(
    private readonly w: WorldServices,
    private readonly config: MtaConfig,
    private readonly facts: ConnectionFacts,
  ) {
    this.#seq = randomInt(w.random, 3600);
  }

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

  /**
   * Local delivery, as the `local` mailer of a second process does it: the
   * message with the headers Sendmail adds (Received, and Date and Message-Id
   * when missing) goes to /var/mail/<user> in mbox form, and one `to=` line is
   * logged per mailbox (test/fixtures/sendmail/reference/data-*.json).
   * A user reached first through an alias is logged by name (`to=root`), one
   * named directly by its address (`to=<root@example.test>`).
   * Remote recipients are deferred and queued (see queue.ts).
   */
  deliver(msg: DeliveryRequest): void {
    const paddrs = new Map<string, string>();
    msg.rcpts.forEach((r, i) => {
      const users = r.kind === 'local' ? [r.user] : r.kind === 'alias' ? r.expansion : [];
      for (const u of users) if (!paddrs.has(u)) paddrs.set(u, r.kind === 'local' ? msg.rcptAddresses[i] : u);
    });
    const now = this.now();
    const headers = this.#addedHeaders(msg, now);
    const text = fromLatin1(msg.data).replace(/\r\n/g, '\n');
    const message = headers + text + (text.endsWith('\n') || text === '' ? '' : '\n');
    const d = new Date(now);
    const stamp = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
    const from = msg.from === '' ? 'MAILER-DAEMON' : msg.from;
    const mbox = `From ${from} ${stamp}\nReturn-Path: <${msg.from}>\n${message.replace(/^From /gm, '>From ')}\n`;
    const pid = this.w.procs.allocate();
    this.#deferRemote(msg, pid, text);
    // Sendmail's pri= for a local delivery counts the headers it added and 13 bytes
    // more (measured: data-full 30453, data-aliases 30429, data-two-transactions 30454).
    const pri = 30000 + message.length + 13;
    const delay = interval(now - msg.createdAt);
    for (const [user, paddr] of paddrs) {
      const info = this.w.vfs.userInfo(user);
      if (!info) continue;
      const path = `/var/mail/${user}`;
      if (this.w.vfs.exists(path)) this.w.vfs.appendFile(path, mbox);
      else this.w.vfs.writeFile(path, mbox, { mode: 0o600, uid: info.uid, gid: info.gid });
      this.w.syslog.log(this.facts.tag, pid, LOG_INFO, `${msg.queueId}: to=${paddr}, delay=${delay}, xdelay=${delay}, mailer=local, pri=${pri}, dsn=2.0.0, stat=Sent`);
    }
  }

  /** Mail for another domain waits in the queue: the lab has no outside network. */
  #deferRemote(msg: DeliveryRequest, pid: number, body: string): void {
    const remote = msg.rcpts.map((r, i) => ({ r, paddr: msg.rcptAddresses[i] })).filter((x) => x.r.kind === 'remote');
    if (remote.length === 0) return;
    const now = this.now();
    const delay = interval(now - msg.createdAt);
    for (const { r, paddr } of remote) {
      const domain = r.kind === 'remote' ? r.address.slice(r.address.lastIndexOf('@') + 1) : '';
      this.w.syslog.log(
        this.facts.tag,
        pid,
        LOG_INFO,
        `${msg.queueId}: to=${paddr}, delay=${delay}, xdelay=${delay}, mailer=esmtp, pri=${30000 + msg.size}, relay=${domain}., dsn=4.4.3, stat=Deferred: Name server: ${domain}.: host name lookup failure`,
      );
    }
    const first = remote[0].r;
    const domain = first.kind === 'remote' ? first.address.slice(first.address.lastIndexOf('@') + 1) : '';
    writeQueued(this.w.vfs, this.config.queueDirectory, {
      id: msg.queueId,
      time: msg.createdAt,
      sender: `<${msg.from}>`,
      recipients: remote.map((x) => x.paddr),
      status: `Deferred: Name server: ${domain}.: host name lookup failure`,
      size: 0,
    }, body.slice(body.search(/\n\n|$/) + 2));
  }

  /** Received: always; Date: and Message-Id: when the client sent none. */
  #addedHeaders(msg: DeliveryRequest, now: number): string {
    const head = fromLatin1(msg.data).split(/\r?\n\r?\n/)[0] ?? '';
    const has = (name: string): boolean => new RegExp(`^${name}:`, 'im').test(head);
    const single = msg.rcptAddresses.length === 1 ? `\n\tfor ${msg.rcptAddresses[0]}; ` : '; ';
    const helo = msg.heloName || this.config.hostname;
    let h =
      `Received: from ${helo} (${this.facts.peerDescription})\n` +
      `\tby ${this.config.hostname} (${SENDMAIL_VERSION}/${this.config.versionZ}) with ${msg.protocol} id ${msg.queueId}${single}${arpadate(now)}\n`;
    if (!has('Date')) h += `Date: ${arpadate(msg.createdAt)}\n`;
    if (!has('Message-Id')) h += `Message-Id: ${msg.msgId}\n`;
    return h;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
