/**
 * Sendmail's formats for time and queue ids, as pure functions of their inputs.
 * The world is on UTC: arpadate() then writes "GMT" (arpadate.c: offset 0 → "GMT",
 * otherwise "+hhmm (TZ)"), e.g. `Sat, 28 Nov 2026 12:58:59 GMT` (greeting-quit.json).
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** arpadate(): RFC 822 date, day of month without padding, UTC as "GMT" ($b). */
export function arpadate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** $t: the numeric date YYYYMMDDhhmm of generated Message-Ids (`<$t.$i@$j>`). */
export function numericDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

/** pintvl(): a duration as `hh:mm:ss`, with `d+` in front when it spans days (delay= in to= lines). */
export function interval(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const text = `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return days > 0 ? `${days}+${text}` : text;
}

/** queue.c QueueIdChars: 62 characters, of which the first 60 encode year/day/hour/sequence. */
const QUEUE_ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const QIC_LEN = 60;
const QIC_LEN_R = 62;

/**
 * assign_queueid() (queue.c, 8.17): from the time the process first assigned an id
 * (UTC), a sequence number 0..3599 and the pid:
 * year%60, month, day, hour, minute, second (one char each, base 60/62),
 * two chars of sequence, then the pid as %06d. `6ASBwoq4019738` is
 * 2026 Nov 28 11:58:50, sequence q4, pid 19738.
 * (Real Sendmail starts the sequence at a random offset per process and adds one
 * per id; the world passes that number.)
 */
export function formatQueueId(ms: number, seq: number, pid: number): string {
  const d = new Date(ms);
  const s = ((Math.floor(seq) % (QIC_LEN * QIC_LEN)) + QIC_LEN * QIC_LEN) % (QIC_LEN * QIC_LEN);
  const c = (i: number): string => QUEUE_ID_CHARS[i];
  return (
    c((d.getUTCFullYear() - 1900) % QIC_LEN) +
    c(d.getUTCMonth()) +
    c(d.getUTCDate()) +
    c(d.getUTCHours()) +
    c(d.getUTCMinutes() % QIC_LEN_R) +
    c(d.getUTCSeconds() % QIC_LEN_R) +
    c(Math.floor(s / QIC_LEN)) +
    c(s % QIC_LEN) +
    String(Math.max(0, Math.floor(pid))).padStart(6, '0')
  );
}
