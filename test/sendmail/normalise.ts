/**
 * The fixtures' normalisation (test/fixtures/sendmail/capture/normalise.py) in
 * TypeScript, applied to the simulator's output so both sides compare as text:
 * dates, syslog times and pids, queue ids numbered by first appearance (replies
 * first, then log), Message-Id times and delays.
 */
const DATE =
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [ \d]?\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d(?: (?:[+-]\d{4}|[A-Z]{2,5}))?(?: \([A-Z]{2,5}\))?/g;
const QID = /(?<![0-9A-Za-z])[0-9A-Za-x]{8}\d{6,7}(?![0-9A-Za-z])/g;
const SYSTIME = /^(<\d+>)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d /;
const TAGPID = /^(<\d+><TIME> [^\s[:]+)\[\d+\]/;
const MSGIDTIME = /(?<=<)\d{12}(?=\.<QID\d+>@)/g;
const DELAY = /(?<=delay=)(?:\d+\+)?\d\d:\d\d:\d\d/g;

export class Normaliser {
  readonly #qids = new Map<string, string>();

  text(s: string): string {
    return s
      .replace(DATE, '<DATE>')
      .replace(QID, (q) => {
        let n = this.#qids.get(q);
        if (n === undefined) {
          n = `<QID${this.#qids.size + 1}>`;
          this.#qids.set(q, n);
        }
        return n;
      })
      .replace(MSGIDTIME, '<MSGIDTIME>');
  }

  logline(s: string): string {
    return this.text(s.replace(SYSTIME, '$1<TIME> ').replace(TAGPID, '$1[<PID>]')).replace(DELAY, '<DELAY>');
  }
}
