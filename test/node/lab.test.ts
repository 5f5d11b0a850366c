// `npm run lab` with a script on stdin prints exactly what the browser
// terminal shows: prompts, the echoed commands (heredoc lines after `> `),
// and the output. With --seed the clock starts at 2026-11-28 12:00:00 UTC.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

function lab(args: string[], script: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('npx', ['tsx', 'src/node/lab.ts', ...args], { input: script, encoding: 'utf8', timeout: 60000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SCRIPT = [
  'echo hello',
  "cat <<'END' > /tmp/note",
  'line one $HOME',
  'END',
  'cat /tmp/note',
  'sendmail -bd',
  'telnet localhost 25',
  'EHLO client.example.test',
  'QUIT',
  'nosuch',
  'echo $?',
  '',
].join('\n');

const TRANSCRIPT = [
  'root@mail:~# echo hello',
  'hello',
  "root@mail:~# cat <<'END' > /tmp/note",
  '> line one $HOME',
  '> END',
  'root@mail:~# cat /tmp/note',
  'line one $HOME',
  'root@mail:~# sendmail -bd',
  'root@mail:~# telnet localhost 25',
  'Trying ::1...',
  'Connection failed: Connection refused',
  'Trying 127.0.0.1...',
  'Connected to localhost.',
  "Escape character is '^]'.",
  '220 mail.example.test ESMTP Sendmail 8.17.1.9/8.17.1.9/Debian-2+deb12u2; Sat, 28 Nov 2026 12:00:00 GMT',
  'EHLO client.example.test',
  '250-mail.example.test Hello localhost [127.0.0.1], pleased to meet you',
  '250-ENHANCEDSTATUSCODES',
  '250-PIPELINING',
  '250-EXPN',
  '250-VERB',
  '250-8BITMIME',
  '250-SIZE 10485760',
  '250-DSN',
  '250-ETRN',
  '250-STARTTLS',
  '250-DELIVERBY',
  '250 HELP',
  'QUIT',
  '221 2.0.0 mail.example.test closing connection',
  'Connection closed by foreign host.',
  'root@mail:~# nosuch',
  'bash: nosuch: command not found',
  'root@mail:~# echo $?',
  '127',
  'root@mail:~# ',
].join('\n');

describe('npm run lab with a script on stdin', () => {
  it('prints the browser terminal transcript, byte for byte, the same every run', () => {
    const a = lab(['--seed', '7'], SCRIPT);
    expect(a).toEqual({ stdout: TRANSCRIPT, stderr: '', status: 0 });
    expect(lab(['--seed', '7'], SCRIPT).stdout).toBe(a.stdout);
  }, 120000);

  it('starts the fresh world: no TLS files, Debian greeting and AUTH', () => {
    const r = lab(['--world', 'fresh', '--seed', '1'], 'ls /etc/mail/certs\nsendmail -bd\ntelnet 127.0.0.1 25\nQUIT\n');
    expect(r.stdout).toContain("ls: cannot access '/etc/mail/certs': No such file or directory\n");
    expect(r.stdout).toContain('220 mail.example.test ESMTP Sendmail 8.17.1.9/8.17.1.9/Debian-2+deb12u2; Sat, 28 Nov 2026 12:00:00 GMT; (No UCE/UBE) logging access from: localhost(OK)-localhost [127.0.0.1]\n');
    expect(r.status).toBe(0);
  }, 60000);

  it('refuses bad options with a usage line', () => {
    const r = lab(['--world', 'moon'], '');
    expect(r).toEqual({ stdout: '', stderr: "lab: unknown world 'moon'\nusage: npm run lab -- [--world fresh|reference] [--seed N]\n", status: 2 });
  }, 60000);
});
