import { describe, expect, it } from 'vitest';
import { Network } from './network.ts';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('in-memory network', () => {
  it('refuses a connection when nothing listens, and a second listener on the same port', () => {
    const net = new Network();
    expect(net.connect('127.0.0.1', { addr: '127.0.0.1', port: 25 })).toBeNull();
    expect(net.listen('127.0.0.1', 25, () => {})).toBe(true);
    expect(net.listen('127.0.0.1', 25, () => {})).toBe(false);
    expect(net.connect('::1', { addr: '::1', port: 25 })).toBeNull();
  });
  it('keeps what the server sends while accepting until the client attaches, in order', () => {
    const net = new Network(50000);
    const seen: string[] = [];
    net.listen('127.0.0.1', 25, (server) => {
      server.send(bytes('220 hello\r\n'));
      server.attach({ onData: (b) => { seen.push(`s:${text(b)}`); server.send(bytes('250 ok\r\n')); if (text(b) === 'QUIT\r\n') server.close(); }, onClose: () => seen.push('s:closed') });
    });
    const client = net.connect('127.0.0.2', { addr: '127.0.0.1', port: 25 })!;
    expect(client.local).toEqual({ addr: '127.0.0.2', port: 50000 });
    client.attach({ onData: (b) => seen.push(`c:${text(b)}`), onClose: () => seen.push('c:closed') });
    client.send(bytes('NOOP\r\n'));
    client.send(bytes('QUIT\r\n'));
    client.send(bytes('late\r\n'));
    expect(seen).toEqual(['c:220 hello\r\n', 's:NOOP\r\n', 'c:250 ok\r\n', 's:QUIT\r\n', 'c:250 ok\r\n', 'c:closed']);
    expect(client.closed).toBe(true);
  });
});
