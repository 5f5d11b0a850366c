/**
 * The world behind one SMTP connection (core/smtp's SmtpEnv): the clock,
 * queue ids, syslog, local users and aliases, class w, sender domains from
 * /etc/hosts, relaying from the access map, and local delivery to
 * /var/mail/<user> in mbox format.
 *
 * The access map: when the daemon's sendmail.cf has FEATURE(access_db), each
 * connection gets an AccessPolicy (policy.ts) over the access.db makemap wrote, read
 * when the connection starts, as Sendmail opens the map; the rulesets of core/access
 * decide at connect, after STARTTLS, at MAIL and at RCPT. mayRelay() is what is left
 * for a cf without an access map (Connect: RELAY lookups only).
 */
import { arpadate, interval, type Recipient, type SmtpEnv, type SmtpPeer, type DeliveryRequest } from '../smtp/index.ts';
import { fromLatin1 } from '../bytes/index.ts';
import { LOG_INFO } from './syslog.ts';
import { SENDMAIL_VERSION } from './mta-config.ts';
import { writeQueued } from './queue.ts';
import { relaySmtp } from './relay.ts';
import type { MtaConfig } from './mta-config.ts';
import type { WorldServices } from './services.ts';
import { expandAlias } from './aliases.ts';
import { readDb } from './map-db.ts';
import { resolveName } from './hosts.ts';
import { randomInt } from '../trace/index.ts';
import { AccessMap, type Features } from '../access/index.ts';
import { AccessPolicy } from './policy.ts';
import { featuresFromCf } from './policy-features.ts';

/**
 * The features of a daemon's configuration, read once per loaded MtaConfig.
 * SIMPLIFIED: read at the first connection rather than at the daemon's start (the cf
 * is the same unless edited in between without a restart).
 */
const FEATURES = new WeakMap<MtaConfig, Features | null>();

export interface ConnectionFacts {
  tag: string;
  pid: number;
  tlsAvailable(): boolean;
  newQueueId(seq: number): string;
  /** How the Received: header names the client: 'localhost [127.0.0.1]'. */
  peerDescription: string;
  /** `sendmail -bs` with submit.cf: messages go on to the MTA on [127.0.0.1] (relay.ts). */
  submit?: boolean;
}

export class WorldSmtpEnv implements SmtpEnv {
  /** Sendmail starts each process's queue-id sequence at a random point. */
  #seq: number;
  readonly policy?: AccessPolicy;

  constructor(
    private readonly w: WorldServices,
    private readonly config: MtaConfig,
    private readonly facts: ConnectionFacts,
  ) {
    this.#seq = randomInt(w.random, 3600);
    const features = this.#features();
    if (features) {
      const db = readDb(w.vfs, '/etc/mail/access.db');
      // SIMPLIFIED: a missing access.db is an empty map (Sendmail logs the open failure and finds nothing)
      this.policy = new AccessPolicy(new AccessMap(db ?? new Map()), features, (d) => {
        const st = this.domainStatus(d);
        return st === 'exists' ? 'OK' : st === 'tempfail' ? 'TEMP' : 'PERM';
      });
    }
  }

  #features(): Features | null {
    if (!FEATURES.has(this.config)) {
      let cf = '';
      try {
        cf = this.w.vfs.readText(this.config.cfPath);
      } catch {
        cf = '';
      }
      FEATURES.set(this.config, featuresFromCf(cf, this.w.vfs, this.config.hostname, [...this.config.localNames]));
    }
    return FEATURES.get(this.config) ?? null;
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

  /** The GECOS full name of /etc/passwd (what VRFY and EXPN print before the address). */
  #fullName(user: string): string | undefined {
    try {
      for (const line of this.w.vfs.readText('/etc/passwd').split('\n')) {
        const f = line.split(':');
        if (f[0] === user) return f[4]?.split(',')[0] || undefined;
      }
    } catch {
      /* no passwd: no full name */
    }
    return undefined;
  }

  #isUser(name: string): boolean {
    return this.w.vfs.userInfo(name) !== null;
  }

  lookupRecipient(localPart: string, domain: string | null): Recipient | null {
    if (domain !== null && !this.isLocalDomain(domain)) return { kind: 'remote', address: `${localPart}@${domain}` };
    const key = localPart.toLowerCase();
    const aliased = this.config.aliases.get(key);
    if (aliased) return { kind: 'alias', name: key, expansion: expandAlias(this.config.aliases, key) };
    if (this.#isUser(localPart)) return { kind: 'local', user: localPart, fullName: this.#fullName(localPart) };
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

  /** Without DNS in the switch an unknown name simply does not exist; with it, the lookup cannot be made. */
  domainStatus(domain: string): 'exists' | 'unknown' | 'tempfail' {
    if (this.domainExists(domain)) return 'exists';
    return this.config.hostsViaDns ? 'tempfail' : 'unknown';
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
   * message with the headers Sendmail adds (Received; Date, From and
   * Message-Id when missing) goes to /var/mail/<user> in mbox form, and one
   * `to=` line is logged per mailbox (test/fixtures/sendmail/reference/data-*.json).
   * A user reached first through an alias is logged by name (`to=root`), one
   * named directly by its address (`to=<root@example.test>`). Remote
   * recipients are deferred and queued (see queue.ts). Under VERB the delivery
   * happens at once and the client sees its 050 transcript (data-verb.json).
   */
  deliver(msg: DeliveryRequest): string[] {
    if (this.facts.submit) return this.#submit(msg);
    const paddrs = new Map<string, string>();
    msg.rcpts.forEach((r, i) => {
      const users = r.kind === 'local' ? [r.user] : r.kind === 'alias' ? r.expansion : [];
      for (const u of users) if (!paddrs.has(u)) paddrs.set(u, r.kind === 'local' ? msg.rcptAddresses[i] : u);
    });
    const now = this.now();
    const text = fromLatin1(msg.data).replace(/\r\n/g, '\n');
    const added = this.#addedHeaders(msg, now, text);
    const message = added.text + text + (text.endsWith('\n') || text === '' ? '' : '\n');
    const d = new Date(now);
    const stamp = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
    const from = msg.from === '' ? 'MAILER-DAEMON' : msg.from;
    const mbox = `From ${from} ${stamp}\nReturn-Path: <${msg.from}>\n${message.replace(/^From /gm, '>From ')}\n`;
    const pid = msg.verbose ? this.facts.pid : this.w.procs.allocate();
    // pri= is 30000 per recipient plus the message size. Under VERB that is the size of
    // from= (delivered before queueing, data-verb.json: 30141); otherwise the queued size,
    // which counts the added headers and, as measured over the data-*.json captures,
    // 2 bytes less per header field and 25 more (data-full 30453, data-empty 30341,
    // data-aliases 30429, data-long-line 33360).
    const fields = added.count + headerFieldCount(text);
    // (per recipient left after alias expansion: data-aliases 30429 for four names that all reach root)
    const finals = paddrs.size + msg.rcpts.filter((r) => r.kind === 'remote').length;
    const pri = 30000 * Math.max(1, finals) + msg.size + (msg.verbose ? 0 : added.text.length - 2 * fields + 25);
    const delay = interval(now - msg.createdAt);
    const ctladdr = this.#ctladdr(msg.from);
    const transcript: string[] = [];
    for (const [user, paddr] of paddrs) {
      const info = this.w.vfs.userInfo(user);
      if (!info) continue;
      const path = `/var/mail/${user}`;
      if (this.w.vfs.exists(path)) this.w.vfs.appendFile(path, mbox);
      else this.w.vfs.writeFile(path, mbox, { mode: 0o600, uid: info.uid, gid: info.gid });
      this.w.syslog.log(this.facts.tag, pid, LOG_INFO, `${msg.queueId}: to=${paddr}, ${ctladdr}delay=${delay}, xdelay=${delay}, mailer=local, pri=${pri}, dsn=2.0.0, stat=Sent`);
      transcript.push(`050 ${paddr}... Connecting to local...`, `050 ${paddr}... Sent`);
    }
    // remote recipients after the local ones; with a local one in the same message their pri=
    // is the queued message's (access-live/delay-localhost: both 60333), else 30000 + size
    this.#deferRemote(msg, pid, text, paddrs.size > 0 ? pri : 30000 + msg.size);
    return msg.verbose ? transcript : [];
  }

  /**
   * A sender that is a local user controls the delivery: `ctladdr=<root@localhost> (0/0)`
   * (test/fixtures/sendmail/fresh/data-full.json); other senders add nothing.
   */
  #ctladdr(from: string): string {
    const at = from.lastIndexOf('@');
    if (at < 0 || !this.isLocalDomain(from.slice(at + 1))) return '';
    const info = this.w.vfs.userInfo(from.slice(0, at));
    return info ? `ctladdr=<${from}> (${info.uid}/${info.gid}), ` : '';
  }

  /** The MSP hands the message to the MTA (relay mailer), or defers it when none listens. */
  #submit(msg: DeliveryRequest): string[] {
    const r = relaySmtp(this.w.net, msg.from, msg.rcptAddresses, msg.data, this.config.hostname);
    const delay = interval(this.now() - msg.createdAt);
    const stat = r.ok ? `dsn=2.0.0, stat=Sent (${r.reply})` : `dsn=4.4.1, stat=Deferred: ${r.reason}`;
    const ctladdr = msg.from === '' ? '<>' : `<${msg.from}>`;
    for (const a of msg.rcptAddresses) {
      this.w.syslog.log(this.facts.tag, this.facts.pid, LOG_INFO, `${msg.queueId}: to=${a}, ctladdr=${ctladdr} (0/0), delay=${delay}, xdelay=${delay}, mailer=relay, pri=${30000 + msg.size}, relay=[127.0.0.1] [127.0.0.1], ${stat}`);
    }
    if (!r.ok) {
      const text = fromLatin1(msg.data).replace(/\r\n/g, '\n');
      writeQueued(this.w.vfs, this.config.queueDirectory, { id: msg.queueId, time: msg.createdAt, sender: ctladdr, recipients: msg.rcptAddresses, status: `Deferred: ${r.reason}`, size: 0 }, text.slice(headerBlock(text).length + 1));
    }
    return [];
  }

  /** Mail for another domain waits in the queue: the lab has no outside network. */
  #deferRemote(msg: DeliveryRequest, pid: number, body: string, pri: number): void {
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
        `${msg.queueId}: to=${paddr}, delay=${delay}, xdelay=${delay}, mailer=esmtp, pri=${pri}, relay=${domain}., dsn=4.4.3, stat=Deferred: Name server: ${domain}.: host name lookup failure`,
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

  /**
   * The header fields Sendmail adds, in the order they land in the mailbox:
   * Received always (its date on the `for` line with one recipient, on a line
   * of its own otherwise), then Date, From and Message-Id when the client sent none.
   */
  #addedHeaders(msg: DeliveryRequest, now: number, text: string): { text: string; count: number } {
    const head = headerBlock(text);
    const has = (name: string): boolean => new RegExp(`^${name}:`, 'im').test(head);
    const tail = msg.rcptAddresses.length === 1 ? `\n\tfor ${msg.rcptAddresses[0]}; ${arpadate(now)}` : `;\n\t${arpadate(now)}`;
    const helo = msg.heloName || this.config.hostname;
    // $?{tls_version}\n\t(version=${tls_version} cipher=${cipher} bits=${cipher_bits} verify=${verify})$. of HReceived
    const tls = msg.tls ? `\n\t(version=${msg.tls.version} cipher=${msg.tls.cipher} bits=${msg.tls.bits} verify=${msg.tls.verify})` : '';
    let h =
      `Received: from ${helo} (${this.facts.peerDescription})\n` +
      `\tby ${this.config.hostname} (${SENDMAIL_VERSION}/${this.config.versionZ}) with ${msg.protocol} id ${msg.queueId}${tls}${tail}\n`;
    let count = 1;
    if (!has('Date')) {
      h += `Date: ${arpadate(msg.createdAt)}\n`;
      count++;
    }
    if (!has('From')) {
      h += `From: ${msg.from === '' ? 'MAILER-DAEMON' : msg.from}\n`;
      count++;
    }
    // H?x?Full-Name: $x, where $x is the full name of a sender who is a local user.
    // It is not one of the fields that take 2 bytes off pri= (fresh/data-full.json: 30456).
    const at = msg.from.lastIndexOf('@');
    const fullName = at > 0 && this.isLocalDomain(msg.from.slice(at + 1)) ? this.#fullName(msg.from.slice(0, at)) : undefined;
    const extra = fullName && !has('Full-Name') ? `Full-Name: ${fullName}\n` : '';
    if (!has('Message-Id')) {
      h += `Message-Id: ${msg.msgId}\n`;
      count++;
    }
    return { text: h + extra, count };
  }
}

/** The header block of a message: the lines up to the first that is not a header field. */
function headerBlock(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (/^[!-9;-~]+:/.test(lines[i]) || (i > 0 && /^[ \t]/.test(lines[i])))) i++;
  return lines.slice(0, i).join('\n');
}

function headerFieldCount(text: string): number {
  return headerBlock(text).split('\n').filter((l) => /^[!-9;-~]+:/.test(l)).length;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
