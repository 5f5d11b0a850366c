#!/usr/bin/env python3
"""Runs `sendmail ARGS -bs` and feeds it one line at a time (0.3 s apart) so that the
pipelining check does not fire. usage: probe-bs.py 'ARGS' LINE... (Python escapes allowed)"""
import subprocess, sys, time, os, fcntl, select
args = sys.argv[1].split() if sys.argv[1] else []
p = subprocess.Popen(['/usr/sbin/sendmail'] + args + ['-bs'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
fl = fcntl.fcntl(p.stdout, fcntl.F_GETFL); fcntl.fcntl(p.stdout, fcntl.F_SETFL, fl | os.O_NONBLOCK)
def drain(t=0.5):
    out = b''; end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([p.stdout], [], [], 0.05)
        if r:
            d = p.stdout.read()
            if not d: break
            out += d
    return out
print('S:', repr(drain(1.5)))
for l in sys.argv[2:]:
    data = l.encode('latin1').decode('unicode_escape').encode('latin1')
    p.stdin.write(data); p.stdin.flush()
    print('C:', repr(data)); print('S:', repr(drain()))
p.stdin.close(); print('S:', repr(drain())); p.wait()
