/**
 * The two shell commands the sendmail cf tree runs through `syscmd`
 * (cf/m4/cfhead.m4):
 *
 *     sh /usr/share/sendmail/cf/sh/makeinfo.sh /usr/share/sendmail/cf/ > /tmp/cfXXXXXX
 *     rm -f /tmp/cfXXXXXX
 *
 * makeinfo.sh prints who built the file, where and when; the lab answers with
 * the world's user, host name, clock and working directory. A learner's
 * esyscmd may also run date, hostname, uname -n, whoami, pwd, echo, true and
 * false; any other command is not found, as /bin/sh says it.
 */

export interface ShellFiles {
  write(path: string, text: string): void;
  remove(path: string): void;
}

export interface CfShellOptions {
  user: string;
  host: string;
  /** `date`'s output, e.g. `Sat Nov 28 13:20:44 UTC 2026`. */
  date: string;
  cwd: string;
  files: ShellFiles;
}

export type ShellResult = { status: number; stdout: string; stderr?: string };

/** `date` with no options, for a time in milliseconds since the epoch, in UTC. */
export function dateUtc(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export function sendmailCfShell(o: CfShellOptions): (command: string) => ShellResult {
  return (command) => {
    const words = command.trim().split(/\s+/);
    const redirect = words.indexOf('>');
    const argv = redirect >= 0 ? words.slice(0, redirect) : words;
    const target = redirect >= 0 ? words[redirect + 1] : undefined;
    let stdout: string;
    if (argv[0] === 'sh' && argv[1]?.endsWith('/sh/makeinfo.sh')) {
      const dir = argv.slice(2).join(' ');
      stdout =
        `##### built by ${o.user}@${o.host} on ${o.date.replace(/ +/g, ' ')}\n` +
        `##### in ${o.cwd.replace('/tmp_mnt', '')}\n` +
        `##### using ${dir} as configuration include directory\n` +
        `define(\`__HOST__', ${o.host})dnl\n`;
    } else if (argv[0] === 'rm' && argv[1] === '-f') {
      for (const f of argv.slice(2)) o.files.remove(f);
      stdout = '';
    } else if (argv.length === 0 || argv[0] === '' || argv[0] === 'true') {
      stdout = '';
    } else if (argv[0] === 'false') {
      return { status: 1, stdout: '' };
    } else if (argv[0] === 'date' && argv.length === 1) {
      stdout = `${o.date}\n`;
    } else if ((argv[0] === 'hostname' && argv.length === 1) || (argv[0] === 'uname' && argv[1] === '-n')) {
      stdout = `${o.host}\n`;
    } else if (argv[0] === 'whoami' || (argv[0] === 'id' && argv[1] === '-un')) {
      stdout = `${o.user}\n`;
    } else if (argv[0] === 'pwd') {
      stdout = `${o.cwd}\n`;
    } else if (argv[0] === 'echo') {
      stdout = `${argv.slice(1).join(' ').replace(/^(['"])(.*)\1$/, '$2')}\n`;
    } else {
      return { status: 127, stdout: '', stderr: `sh: 1: ${argv[0]}: not found\n` };
    }
    if (target !== undefined) {
      o.files.write(target, stdout);
      return { status: 0, stdout: '' };
    }
    return { status: 0, stdout };
  };
}
