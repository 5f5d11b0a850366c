import { describe, expect, it } from 'vitest';
import { canonicalName, nameOf, parseHosts, resolveName } from './hosts.ts';

// The reference world's /etc/hosts (../shared/reference/world/hosts).
const HOSTS = `127.0.0.1\tlocalhost
127.0.0.1\tvm.example.test vm
127.0.0.1\tmail.example.test mail
127.0.0.2\tclient.example.test client
# comment
127.0.0.20\tremote.example
::1\tlocalhost ip6-localhost ip6-loopback
`;

describe('hosts', () => {
  const h = parseHosts(HOSTS);
  it('names a client by the first name of the first line with its address, as Sendmail does', () => {
    expect(nameOf(h, '127.0.0.1')).toBe('localhost');
    expect(nameOf(h, '127.0.0.2')).toBe('client.example.test');
    expect(nameOf(h, '127.0.0.9')).toBeNull();
  });
  it('resolves IPv6 addresses first, like getaddrinfo for telnet', () => {
    expect(resolveName(h, 'localhost')).toEqual(['::1', '127.0.0.1']);
    expect(resolveName(h, 'MAIL.example.test')).toEqual(['127.0.0.1']);
    expect(resolveName(h, 'nowhere.invalid')).toEqual([]);
    expect(resolveName(h, '127.0.0.5')).toEqual(['127.0.0.5']);
  });
  it('gives the canonical name of an alias', () => {
    expect(canonicalName(h, 'mail')).toBe('mail.example.test');
    expect(canonicalName(h, '127.0.0.1')).toBe('127.0.0.1');
  });
});
