/**
 * swaks (20201014.0, Debian bookworm) options the lab knows, with swaks's
 * aliases. Texts: test/fixtures/swaks/ (README lists the captures).
 * SIMPLIFIED: AUTH, XCLIENT, PROXY, pipelining, --data files and the
 * output-shaping options (--hide-*, --show-*) are not accepted.
 */
export interface SwaksOptions {
  server: string | null;
  port: number | null;
  from: string | null;
  to: string | null;
  helo: string | null;
  tls: boolean;
  tlsVerify: boolean;
  tlsCaPath: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  tlsProtocol: string | null;
  quitAfter: string | null;
  body: string | null;
  headers: string[];
}

const WITH_VALUE: Record<string, keyof SwaksOptions> = {
  server: 'server', s: 'server', port: 'port', p: 'port', from: 'from', f: 'from', to: 'to', t: 'to',
  helo: 'helo', ehlo: 'helo', lhlo: 'helo', h: 'helo', 'tls-ca-path': 'tlsCaPath', 'tls-cert': 'tlsCert', 'tls-key': 'tlsKey',
  'tls-protocol': 'tlsProtocol', 'quit-after': 'quitAfter', quit: 'quitAfter', q: 'quitAfter', body: 'body',
  header: 'headers', 'add-header': 'headers', ah: 'headers',
};

/** --quit-after stop points and their synonyms (swaks's process_args). */
const QUIT_POINTS: Record<string, string> = {
  connect: 'connect', banner: 'connect', 'first-helo': 'first-helo', 'first-ehlo': 'first-helo', 'first-lhlo': 'first-helo',
  tls: 'tls', starttls: 'tls', helo: 'helo', ehlo: 'helo', lhlo: 'helo', auth: 'auth', mail: 'mail', from: 'mail', rcpt: 'rcpt', to: 'rcpt',
};

export type SwaksParsed = { ok: true; opts: SwaksOptions } | { ok: false; stderr: string; code: number };

export function parseSwaks(argv: readonly string[]): SwaksParsed {
  const o: SwaksOptions = {
    server: null, port: null, from: null, to: null, helo: null, tls: false, tlsVerify: false, tlsCaPath: null, tlsCert: null, tlsKey: null,
    tlsProtocol: null, quitAfter: null, body: null, headers: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return { ok: false, stderr: `Unknown option: ${argv[i]}\n`, code: 1 };
    const name = m[1];
    if (name === 'tls' || name === 'tls-verify') {
      if (name === 'tls') o.tls = true;
      else o.tlsVerify = true;
      continue;
    }
    const key = WITH_VALUE[name];
    if (!key) return { ok: false, stderr: `Unknown option: ${name}\n`, code: 1 };
    let value = m[2];
    if (value === undefined) {
      if (i + 1 >= argv.length) return { ok: false, stderr: `Option ${name} requires an argument\n`, code: 1 };
      value = argv[++i];
    }
    if (key === 'headers') o.headers.push(value);
    else if (key === 'port') o.port = Number(value);
    else (o as unknown as Record<string, string>)[key] = value;
  }
  if (o.quitAfter !== null) {
    const q = QUIT_POINTS[o.quitAfter.toLowerCase()];
    if (!q) return { ok: false, stderr: `*** Unknown quit_after value ${o.quitAfter}, exiting\n`, code: 1 };
    o.quitAfter = q;
  }
  if (o.server) {
    const hp = /^(.*):(\d+)$/.exec(o.server);
    if (hp && !hp[1].includes(':')) {
      o.server = hp[1];
      o.port ??= Number(hp[2]);
    }
  }
  return { ok: true, opts: o };
}
