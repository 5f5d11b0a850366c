/**
 * strftime(3) in the C locale for the lab's time zone. SIMPLIFIED: the
 * simulated host runs in UTC (TZ=UTC), so no zone rules are needed.
 */

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const p2 = (n: number): string => String(n).padStart(2, '0');

export function strftime(ms: number, fmt: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const f = fmt[++i];
    switch (f) {
      case 'a': out += DAYS[d.getUTCDay()]; break;
      case 'A': out += LONG_DAYS[d.getUTCDay()]; break;
      case 'b': case 'h': out += MONTHS[d.getUTCMonth()]; break;
      case 'B': out += LONG_MONTHS[d.getUTCMonth()]; break;
      case 'c': out += strftime(ms, '%a %b %e %H:%M:%S %Y'); break;
      case 'C': out += p2(Math.floor(d.getUTCFullYear() / 100)); break;
      case 'd': out += p2(d.getUTCDate()); break;
      case 'D': out += strftime(ms, '%m/%d/%y'); break;
      case 'e': out += String(d.getUTCDate()).padStart(2, ' '); break;
      case 'F': out += strftime(ms, '%Y-%m-%d'); break;
      case 'H': out += p2(d.getUTCHours()); break;
      case 'I': out += p2(((d.getUTCHours() + 11) % 12) + 1); break;
      case 'j': out += String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'); break;
      case 'k': out += String(d.getUTCHours()).padStart(2, ' '); break;
      case 'm': out += p2(d.getUTCMonth() + 1); break;
      case 'M': out += p2(d.getUTCMinutes()); break;
      case 'n': out += '\n'; break;
      case 'N': out += String((((ms % 1000) + 1000) % 1000) * 1000000).padStart(9, '0'); break;
      case 'p': out += d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'r': out += strftime(ms, '%I:%M:%S %p'); break;
      case 'R': out += strftime(ms, '%H:%M'); break;
      case 's': out += String(Math.floor(ms / 1000)); break;
      case 'S': out += p2(d.getUTCSeconds()); break;
      case 't': out += '\t'; break;
      case 'T': out += strftime(ms, '%H:%M:%S'); break;
      case 'u': out += String(d.getUTCDay() || 7); break;
      case 'w': out += String(d.getUTCDay()); break;
      case 'x': out += strftime(ms, '%m/%d/%y'); break;
      case 'X': out += strftime(ms, '%H:%M:%S'); break;
      case 'y': out += p2(d.getUTCFullYear() % 100); break;
      case 'Y': out += String(d.getUTCFullYear()); break;
      case 'z': out += '+0000'; break;
      case 'Z': out += 'UTC'; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

/** `ls -l`'s date: `Nov 28 12:50` within the last six months, else `Nov 28  2025` (coreutils ls.c). */
export function lsDate(mtime: number, now: number): string {
  // A Gregorian year averages 31556952 s; ls calls a time recent within half of it.
  const sixMonthsAgo = now - (31556952 / 2) * 1000;
  const recent = mtime > sixMonthsAgo && mtime <= now + 1000;
  return strftime(mtime, recent ? '%b %e %H:%M' : '%b %e  %Y');
}
