/**
 * Sendmail's mail queue (/var/spool/mqueue): a message that cannot be
 * delivered now stays as a qf (control) and df (body) file pair, which
 * `mailq` lists. The lab has no outside network, so mail for a remote domain
 * is deferred exactly as the reference kit's Sendmail defers it: its name
 * does not resolve (test/fixtures/sendmail/reference/data-relay-deferred.json).
 *
 * The qf file keeps the lines mailq needs, in Sendmail's letters:
 *   T<seconds> (queue time)  S<sender>  R<flags>:<recipient>  M<status message>
 */
import type { Vfs } from '../vfs/index.ts';

export interface QueuedMessage {
  id: string;
  time: number; // ms
  sender: string;
  recipients: string[];
  status: string;
  size: number;
}

export function writeQueued(vfs: Vfs, dir: string, m: QueuedMessage, body: string): void {
  const qf = [`V8`, `T${Math.floor(m.time / 1000)}`, `K0`, `N0`, `M${m.status}`, `S${m.sender}`, ...m.recipients.map((r) => `RPFD:${r}`), '.'].join('\n') + '\n';
  const uid = vfs.uidOf('smmta') ?? 0;
  const gid = vfs.gidOf('smmsp') ?? 0;
  vfs.writeFile(`${dir}/df${m.id}`, body, { mode: 0o640, uid, gid });
  vfs.writeFile(`${dir}/qf${m.id}`, qf, { mode: 0o640, uid, gid });
}

export function readQueue(vfs: Vfs, dir: string): QueuedMessage[] {
  let names: string[];
  try {
    names = vfs.readdir(dir).filter((f) => f.startsWith('qf'));
  } catch {
    return [];
  }
  const out: QueuedMessage[] = [];
  for (const name of names) {
    const id = name.slice(2);
    let text: string;
    try {
      text = vfs.readText(`${dir}/${name}`);
    } catch {
      continue;
    }
    const m: QueuedMessage = { id, time: 0, sender: '', recipients: [], status: '', size: 0 };
    for (const line of text.split('\n')) {
      if (line.startsWith('T')) m.time = Number(line.slice(1)) * 1000 || 0;
      else if (line.startsWith('S')) m.sender = line.slice(1);
      else if (line.startsWith('M')) m.status = line.slice(1);
      else if (line.startsWith('R')) m.recipients.push(line.slice(line.indexOf(':') + 1));
    }
    try {
      m.size = vfs.stat(`${dir}/df${id}`).size;
    } catch {
      m.size = 0;
    }
    out.push(m);
  }
  return out.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime()'s first 16 characters: `Sat Nov 28 13:10`. */
function qtime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** One queue as `mailq` prints it (test/fixtures/sendmail/commands/mailq-*.stdout). */
export function formatQueue(dir: string, list: QueuedMessage[]): string {
  if (list.length === 0) return `${dir} is empty\n\t\tTotal requests: 0\n`;
  let s = `\t\t${dir} (${list.length} request${list.length === 1 ? '' : 's'})\n`;
  s += '-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n';
  for (const m of list) {
    s += `${m.id.padEnd(14)} ${String(m.size).padStart(8)} ${qtime(m.time)} ${m.sender}\n`;
    if (m.status) s += `                 (${m.status})\n`;
    for (const r of m.recipients) s += `\t\t\t\t\t ${r}\n`;
  }
  return s + `\t\tTotal requests: ${list.length}\n`;
}
