#!/usr/bin/env python3
"""Captures what GNU bash/readline writes to a terminal for Tab completion.

Regenerate: python3 src/terminal/testdata/capture-bash-completion.py > src/terminal/testdata/bash-completion.json

Each scenario runs `bash --norc -i` (PS1='$ ', INPUTRC=/dev/null, TERM=xterm) on a
pty of the given width, in a temporary directory holding `files` (names ending
in '/' are directories), types `keys` (chunks sent one after another) and
records every byte bash echoes after its first prompt. line-discipline.test.ts
replays the same keys and compares byte for byte.
"""
import fcntl, json, os, pty, select, struct, subprocess, sys, tempfile, termios

MAIL = ['mailq', 'mailstats', 'makemap', 'mdir/']
MANY = [f'file_number_{i}' for i in range(1, 31)]
SCENARIOS = [
    {'name': 'ambiguous, Tab Tab lists', 'files': MAIL, 'cols': 80, 'keys': ['ls m', '\t', '\t']},
    {'name': 'ambiguous, no longer prefix', 'files': MAIL, 'cols': 80, 'keys': ['ls ma', '\t', '\t']},
    {'name': 'bell, then the common prefix', 'files': MAIL, 'cols': 80, 'keys': ['ls mai', '\t']},
    {'name': 'one file: completed with a space', 'files': MAIL, 'cols': 80, 'keys': ['ls mailq', '\t']},
    {'name': 'one directory: completed with its slash', 'files': MAIL, 'cols': 80, 'keys': ['ls md', '\t']},
    {'name': 'no match: bell', 'files': MAIL, 'cols': 80, 'keys': ['ls x', '\t']},
    {'name': 'prefix changed the line, so the 2nd Tab rings, the 3rd lists (60 cols)', 'files': MANY, 'cols': 60, 'keys': ['ls fi', '\t', '\t', '\t']},
    {'name': 'two columns at 33 cols', 'files': MANY, 'cols': 33, 'keys': ['ls fi', '\t', '\t', '\t']},
    {'name': 'one column when two would fill the row exactly (32 cols)', 'files': MANY[9:12], 'cols': 32, 'keys': ['ls fi', '\t', '\t', '\t']},
]


def read_all(fd, timeout):
    out = b''
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return out
        try:
            d = os.read(fd, 4096)
        except OSError:
            return out
        if not d:
            return out
        out += d


def run(scenario):
    with tempfile.TemporaryDirectory() as d:
        for f in scenario['files']:
            if f.endswith('/'):
                os.mkdir(os.path.join(d, f))
            else:
                open(os.path.join(d, f), 'w').close()
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(d)
            env = {'PATH': '/usr/bin:/bin', 'PS1': '$ ', 'TERM': 'xterm', 'INPUTRC': '/dev/null', 'HOME': d, 'LC_ALL': 'C'}
            os.execvpe('bash', ['bash', '--norc', '--noprofile', '-i'], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, scenario['cols'], 0, 0))
        read_all(fd, 0.5)
        out = b''
        for k in scenario['keys']:
            os.write(fd, k.encode())
            out += read_all(fd, 0.3)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        return out.decode('utf-8')


bash = subprocess.run(['bash', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
json.dump({'bash': bash, 'scenarios': [dict(s, output=run(s)) for s in SCENARIOS]}, sys.stdout, indent=1)
print()
