#!/usr/bin/env python3
"""Talks to a real Sendmail (inside the real-sendmail kit's namespace) to check one doubt.
usage: probe.py [--from 127.0.0.1] [--port 2525] [--syslog FILE] PACKET...
Each PACKET is sent as one TCP write (Python escapes allowed: 'EHLO x\\r\\n').
'@wait' waits 0.5 s for replies; '@close' half-closes. Prints what the server sent (repr per
read) and the syslog lines that appeared meanwhile."""
import socket, sys, time, argparse
ap = argparse.ArgumentParser()
ap.add_argument('--src', default='127.0.0.1')
ap.add_argument('--port', type=int, default=2525)
ap.add_argument('--syslog', default='/tmp/smtp-eng/syslog.txt')
ap.add_argument('packets', nargs='*')
a = ap.parse_args()
try:
    start = len(open(a.syslog, 'rb').read().splitlines())
except FileNotFoundError:
    start = 0
s = socket.socket(); s.bind((a.src, 0)); s.connect(('127.0.0.1', a.port)); s.settimeout(0.6)
def drain(t=0.6):
    s.settimeout(t); out = b''
    while True:
        try:
            d = s.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            out += b'<RST>'; break
        if not d:
            out += b'<EOF>'; break
        out += d
    return out
print('S:', repr(drain(1.2)))
for p in a.packets:
    if p == '@wait':
        print('S:', repr(drain())); continue
    if p == '@close':
        s.shutdown(socket.SHUT_WR); print('S:', repr(drain())); continue
    data = p.encode('latin1').decode('unicode_escape').encode('latin1')
    if data.startswith(b'@rep'):
        n, rest = data[4:].split(b':', 1); data = rest * int(n)
    try:
        s.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        print('C: <send failed>'); break
    time.sleep(0.05)
    print('C:', repr(data[:200]) + ('...(%d bytes)' % len(data) if len(data) > 200 else ''))
    print('S:', repr(drain()))
s.close(); time.sleep(0.3)
for l in open(a.syslog, 'rb').read().splitlines()[start:]:
    print('L:', l.decode('latin1').split('\t', 1)[1])
