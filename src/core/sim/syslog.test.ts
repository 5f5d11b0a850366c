import { describe, expect, it } from 'vitest';
import { rawLine, rsyslogTime, syslogTime } from './syslog.ts';

describe('syslog formats', () => {
  const t = Date.UTC(2026, 10, 28, 12, 26, 24, 993);
  it('writes mail.log time stamps as rsyslog does on bookworm', () => {
    expect(rsyslogTime(t)).toBe('2026-11-28T12:26:24.993000+00:00');
  });
  it('pads the day with a space in syslog(3) stamps', () => {
    expect(syslogTime(Date.UTC(2026, 10, 8, 9, 5, 1))).toBe('Nov  8 09:05:01');
  });
  it('builds the raw line the bridge logs', () => {
    expect(rawLine({ time: t, pri: 22, tag: 'sm-mta', pid: 4242, text: 'starting daemon (8.17.1.9): SMTP+queueing@00:30:00' })).toBe(
      '<22>Nov 28 12:26:24 sm-mta[4242]: starting daemon (8.17.1.9): SMTP+queueing@00:30:00',
    );
  });
});
