import { describe, expect, it } from 'vitest';
import { parseCf, parseDaemonPortOptions } from './sendmail-cf.ts';
import { worldImage } from './world-image.ts';

describe('sendmail.cf reading', () => {
  // The reference world's sendmail.cf is real m4 output of its sendmail.mc.
  const cfText = worldImage('reference')!.entries.find((e) => e.path === '/etc/mail/sendmail.cf')!.content!;
  const cf = parseCf(cfText);
  it('reads the options, macros and class w that the daemon needs', () => {
    expect(cf.macros.get('j')).toBe('mail.example.test');
    expect(cf.macros.get('Z')).toBe('8.17.1.9/Debian-2+deb12u2');
    expect(cf.options.get('SmtpGreetingMessage')).toBe('$j Sendmail $v/$Z; $b');
    expect(cf.options.get('MaxMessageSize')).toBe('10485760');
    expect(cf.options.get('ServerKeyFile')).toBe('/etc/mail/certs/mykey.pem');
    expect(cf.options.get('CACertPath')).toBe('/etc/mail/certs');
    expect(cf.classes.get('w')).toEqual(['localhost']);
    expect(cf.classFiles.get('w')).toBe('/etc/mail/local-host-names');
    expect(cf.daemonPortOptions).toEqual(['Family=inet, Name=MTA, Port=smtp, Addr=127.0.0.1']);
  });
  it('parses DaemonPortOptions', () => {
    expect(parseDaemonPortOptions('Family=inet,  Name=MTA-v4, Port=smtp, Addr=127.0.0.1')).toEqual({ name: 'MTA-v4', port: 25, addr: '127.0.0.1', family: 'inet' });
    expect(parseDaemonPortOptions('Port=2525')).toEqual({ name: 'MTA', port: 2525, addr: '0.0.0.0', family: 'inet' });
  });
});
