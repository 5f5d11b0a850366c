/**
 * The world's syslog: what daemons log goes to /var/log/mail.log (facility
 * mail) in the format rsyslog writes on Debian bookworm, to the trace, and to
 * any listener (the bridge's --log writes the raw syslog(3) form).
 *
 *   mail.log: 2026-11-28T12:26:24.993000+00:00 mail sm-mta[103]: text
 *   raw:      <22>Nov 28 12:26:24 sm-mta[103]: text
 */
import type { Clock, TraceLog } from '../trace/index.ts';
import type { Vfs } from '../vfs/index.ts';

export const LOG_ALERT = 1;
export const LOG_CRIT = 2;
export const LOG_WARNING = 4;
export const LOG_NOTICE = 5;
export const LOG_INFO = 6;
const FACILITY_MAIL = 2 << 3;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-11-28T12:26:24.993000+00:00` (the world runs on UTC). */
export function rsyslogTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000+00:00`
  );
}

/** `Nov  8 09:05:01` as syslog(3) stamps a message. */
export function syslogTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export interface SyslogRecord {
  time: number;
  pri: number; // facility*8 + severity, e.g. 22 for mail.info
  tag: string;
  pid: number;
  text: string;
}

export function rawLine(r: SyslogRecord): string {
  return `<${r.pri}>${syslogTime(r.time)} ${r.tag}[${r.pid}]: ${r.text}`;
}

export class Syslog {
  readonly #listeners = new Set<(r: SyslogRecord) => void>();

  constructor(
    private readonly vfs: Vfs,
    private readonly clock: Clock,
    private readonly trace: TraceLog,
    private readonly hostname: string,
    private readonly file = '/var/log/mail.log',
  ) {}

  /** Logs `text` with severity `sev` (LOG_INFO...) for process `tag[pid]`, facility mail. */
  log(tag: string, pid: number, sev: number, text: string): void {
    const time = this.clock.now();
    const record: SyslogRecord = { time, pri: FACILITY_MAIL | sev, tag, pid, text };
    const line = `${rsyslogTime(time)} ${this.hostname} ${tag}[${pid}]: ${text}\n`;
    try {
      if (this.vfs.exists(this.file)) this.vfs.appendFile(this.file, line);
      else this.vfs.writeFile(this.file, line, { mode: 0o640, uid: 0, gid: this.vfs.gidOf('adm') ?? 0 });
    } catch {
      // rsyslogd drops a line it cannot write (a learner removed /var/log); the trace keeps it.
    }
    this.trace.emit({ kind: 'syslog', line: rawLine(record), pri: record.pri, tag, text });
    for (const l of this.#listeners) l(record);
  }

  subscribe(listener: (r: SyslogRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
