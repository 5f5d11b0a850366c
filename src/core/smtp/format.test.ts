import { describe, expect, it } from 'vitest';
import { arpadate, formatQueueId, interval, numericDate } from './format.ts';

describe('Sendmail formats', () => {
  it('formats queue ids as assign_queueid() does (6ASBwoq4019738 = 2026-11-28 11:58:50, seq q4, pid 19738)', () => {
    const t = Date.UTC(2026, 10, 28, 11, 58, 50);
    // seq "q4": q = 52, 4 = 4 → 52 * 60 + 4
    expect(formatQueueId(t, 52 * 60 + 4, 19738)).toBe('6ASBwoq4019738');
  });

  it('matches ids captured from the real daemon (raw/reference: 6ASCw726008692 at 12:58:07)', () => {
    const t = Date.UTC(2026, 10, 28, 12, 58, 7);
    expect(formatQueueId(t, 2 * 60 + 6, 8692)).toBe('6ASCw726008692');
  });

  it('wraps the sequence at 3600 and pads the pid to six digits', () => {
    const t = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(formatQueueId(t, 3600, 7)).toBe('6010000000000' + '7');
  });

  it('writes RFC 822 dates with GMT and an unpadded day (arpadate)', () => {
    expect(arpadate(Date.UTC(2026, 10, 28, 12, 58, 59))).toBe('Sat, 28 Nov 2026 12:58:59 GMT');
    expect(arpadate(Date.UTC(2026, 11, 5, 7, 4, 9))).toBe('Sat, 5 Dec 2026 07:04:09 GMT');
  });

  it('writes $t and delays', () => {
    expect(numericDate(Date.UTC(2026, 10, 28, 12, 58, 59))).toBe('202611281258');
    expect(interval(2000)).toBe('00:00:02');
    expect(interval((86400 + 3661) * 1000)).toBe('1+01:01:01');
  });
});
