/**
 * A test world for core/smtp: the reference world of ../shared/reference/world
 * (users, aliases, local-host-names, hosts, access map) behind one connection,
 * recording syslog lines as the real kit's syslog sink writes them
 * (`<22><TIME> sm-mta[<PID>]: text`), with a settable clock.
 */
import { formatQueueId, interval, type DeliveryRequest, type Recipient, type SmtpEnv, type SmtpPeer } from '../../src/core/smtp/index.ts';

/** /etc/passwd users of the machine the fixtures were captured on (name → GECOS full name). */
const USERS = new Map<string, string>([
  ['root', 'root'],
  ['daemon', 'daemon'],
  ['bin', 'bin'],
  ['sys', 'sys'],
  ['sync', 'sync'],
  ['games', 'games'],
  ['man', 'man'],
  ['lp', 'lp'],
  ['mail', 'mail'],
  ['news', 'news'],
  ['uucp', 'uucp'],
  ['proxy', 'proxy'],
  ['www-data', 'www-data'],
  ['backup', 'backup'],
  ['list', 'Mailing List Manager'],
  ['irc', 'ircd'],
  ['_apt', ''],
  ['nobody', 'nobody'],
  ['smmsp', 'MTA'],
]);

/** /etc/mail/aliases of the reference world (the fresh world's capture had none). */
const REFERENCE_ALIASES = new Map<string, string[]>([
  ['mailer-daemon', ['postmaster']],
  ['postmaster', ['root']],
  ['abuse', ['root']],
  ['alice', ['root']],
  ['bob', ['root']],
  ['staff', ['alice', 'bob']],
]);

interface WorldData {
  aliases: Map<string, string[]>;
  /** Class w: local-host-names, $j, $w and the address literal. */
  local: Set<string>;
  /** Names in /etc/hosts. */
  hosts: Set<string>;
  /** Without DNS an unknown name is a temporary failure (fresh) or simply unknown (reference: hosts only). */
  unknownIs: 'unknown' | 'tempfail';
}

const WORLDS: Record<'reference' | 'fresh', WorldData> = {
  reference: {
    aliases: REFERENCE_ALIASES,
    local: new Set(['localhost', 'mail.example.test', 'example.test', 'mail', '[127.0.0.1]']),
    hosts: new Set([
      'localhost', 'vm.example.test', 'vm', 'mail.example.test', 'mail', 'client.example.test', 'client',
      'rogue.example.net', 'untrusted.example.net', 'example.test', 'remote.example', 'other.example', 'example.org',
      'ip6-localhost', 'ip6-loopback',
    ]),
    unknownIs: 'unknown',
  },
  fresh: {
    aliases: new Map(),
    local: new Set(['localhost', 'mail.example.test', 'mail', '[127.0.0.1]']),
    hosts: new Set(['localhost', 'mail.example.test', 'mail', 'ip6-localhost', 'ip6-loopback']),
    unknownIs: 'tempfail',
  },
};

export const REFERENCE_PEERS: Record<string, SmtpPeer> = {
  '127.0.0.1': { name: 'localhost', addr: '127.0.0.1', port: 40000 },
  '127.0.0.2': { name: 'client.example.test', addr: '127.0.0.2', port: 40000 },
};

/** The fresh world's /etc/hosts does not name 127.0.0.2. */
export const FRESH_PEERS: Record<string, SmtpPeer> = {
  '127.0.0.1': { name: 'localhost', addr: '127.0.0.1', port: 40000 },
  '127.0.0.2': { name: '', addr: '127.0.0.2', port: 40000 },
};

export interface TestEnvOptions {
  /** Clock start (ms); default 2026-11-28 12:58:00 UTC. */
  start?: number;
  pid?: number;
  tag?: string;
  tls?: boolean;
  /** `sendmail -bs` with submit.cf: messages are relayed to [127.0.0.1], where nothing listens. */
  submit?: boolean;
  world?: 'reference' | 'fresh';
}

export class TestSmtpEnv implements SmtpEnv {
  /** Syslog lines as `<PRI><TIME> tag[<PID>]: text`. */
  readonly logs: string[] = [];
  readonly delivered: DeliveryRequest[] = [];
  time: number;
  readonly pid: number;
  readonly tag: string;
  tls: boolean;
  readonly submit: boolean;
  readonly world: WorldData;
  #seq = 1234;

  constructor(opts: TestEnvOptions = {}) {
    this.time = opts.start ?? Date.UTC(2026, 10, 28, 12, 58, 0);
    this.pid = opts.pid ?? 19738;
    this.tag = opts.tag ?? 'sm-mta';
    this.tls = opts.tls ?? true;
    this.submit = opts.submit ?? false;
    this.world = WORLDS[opts.world ?? 'reference'];
  }

  now(): number {
    return this.time;
  }

  newQueueId(): string {
    return formatQueueId(this.time, this.#seq++, this.pid);
  }

  log(priority: number, text: string): void {
    this.logs.push(`<${priority}><TIME> ${this.tag}[<PID>]: ${text}`);
  }

  lookupRecipient(localPart: string, _domain: string | null): Recipient | null {
    const key = localPart.toLowerCase();
    const alias = this.world.aliases.get(key);
    if (alias) return { kind: 'alias', name: key, expansion: [...alias] };
    if (USERS.has(key)) return { kind: 'local', user: key, fullName: USERS.get(key) || undefined };
    return null;
  }

  isLocalDomain(domain: string): boolean {
    return this.world.local.has(domain.toLowerCase());
  }

  domainExists(domain: string): boolean {
    const d = domain.toLowerCase();
    return /^\[.*\]$/.test(d) || this.world.hosts.has(d);
  }

  domainStatus(domain: string): 'exists' | 'unknown' | 'tempfail' {
    return this.domainExists(domain) ? 'exists' : this.world.unknownIs;
  }

  mayRelay(peer: SmtpPeer): boolean {
    return peer.addr === '127.0.0.1' || peer.name === 'localhost';
  }

  tlsAvailable(): boolean {
    return this.tls;
  }

  /**
   * Delivery as the reference world's Sendmail logs it: one to= line per final
   * recipient (aliases expanded, duplicates collapsed, the first spelling wins);
   * local users are Sent, remote ones Deferred (no DNS). SIMPLIFIED: pri= is the
   * queued priority; the real one also counts the headers Sendmail adds.
   */
  deliver(msg: DeliveryRequest): string[] {
    this.delivered.push(msg);
    const delay = interval(this.time - msg.createdAt);
    const pri = msg.size + 30000;
    const seen = new Set<string>();
    // a sender who is a local user controls the delivery: ctladdr=<sender> (uid/gid)
    const at = msg.from.lastIndexOf('@');
    const senderUser = at > 0 && this.isLocalDomain(msg.from.slice(at + 1)) ? msg.from.slice(0, at).toLowerCase() : null;
    const ctladdr = senderUser !== null && USERS.has(senderUser) && senderUser === 'root' ? `ctladdr=<${msg.from}> (0/0), ` : '';
    const lines: string[] = [];
    const transcript: string[] = [];
    const visit = (r: Recipient, printed: string, depth: number): void => {
      if (depth > 10) return;
      if (r.kind === 'alias') {
        for (const m of r.expansion) {
          const next = this.lookupRecipient(m, null);
          if (next) visit(next, m, depth + 1);
        }
        return;
      }
      const key = r.kind === 'local' ? `local:${r.user}` : `esmtp:${r.address}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (r.kind === 'local') {
        transcript.push(`050 ${printed}... Connecting to local...`, `050 ${printed}... Sent`);
        lines.push(`to=${printed}, ${ctladdr}delay=${delay}, xdelay=${interval(0)}, mailer=local, pri=${pri}, dsn=2.0.0, stat=Sent`);
      } else {
        const host = r.address.slice(r.address.lastIndexOf('@') + 1);
        lines.push(`to=${printed}, delay=${delay}, xdelay=${interval(0)}, mailer=esmtp, pri=${pri}, relay=${host}., dsn=4.4.3, stat=Deferred: Name server: ${host}.: host name lookup failure`);
      }
    };
    if (this.submit) {
      const from = msg.from === '' ? '<>' : `<${msg.from}>`;
      for (const a of msg.rcptAddresses) {
        lines.push(`to=${a}, ctladdr=${from} (0/0), delay=${delay}, xdelay=${interval(0)}, mailer=relay, pri=${pri}, relay=[127.0.0.1] [127.0.0.1], dsn=4.4.1, stat=Deferred: Connection refused by [127.0.0.1]`);
      }
    } else msg.rcpts.forEach((r, i) => visit(r, msg.rcptAddresses[i], 0));
    for (const l of lines) this.log(22, `${msg.queueId}: ${l}`);
    return transcript;
  }
}
