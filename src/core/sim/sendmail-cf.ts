/**
 * Reads what the simulated Sendmail needs from sendmail.cf, as the real one
 * does when it starts: `O Name=value` options, `Dx` / `D{name}` macros, `Cx`
 * class words and `Fx` class files. Only lines that begin with O, D, C or F
 * matter here; rulesets (S, R) belong to the access-map issue.
 */

export interface SendmailCf {
  options: Map<string, string>;
  macros: Map<string, string>;
  classes: Map<string, string[]>;
  classFiles: Map<string, string>;
  /** Every `O DaemonPortOptions=` line, in order (one per daemon socket). */
  daemonPortOptions: string[];
}

export function parseCf(text: string): SendmailCf {
  const cf: SendmailCf = { options: new Map(), macros: new Map(), classes: new Map(), classFiles: new Map(), daemonPortOptions: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith('O ')) {
      const body = line.slice(2);
      const eq = body.indexOf('=');
      const name = (eq < 0 ? body : body.slice(0, eq)).trim();
      const value = eq < 0 ? '' : body.slice(eq + 1);
      cf.options.set(name, value);
      if (name === 'DaemonPortOptions') cf.daemonPortOptions.push(value);
    } else if (line.startsWith('D')) {
      const m = /^D(\{[^}]+\}|.)(.*)$/.exec(line);
      if (m) cf.macros.set(m[1].replace(/[{}]/g, ''), m[2]);
    } else if (line.startsWith('C')) {
      const m = /^C(\{[^}]+\}|.)(.*)$/.exec(line);
      if (m) {
        const name = m[1].replace(/[{}]/g, '');
        const words = m[2].split(/\s+/).filter(Boolean);
        cf.classes.set(name, [...(cf.classes.get(name) ?? []), ...words]);
      }
    } else if (line.startsWith('F')) {
      const m = /^F(\{[^}]+\}|.)(-o\s*)?(\S+)/.exec(line);
      if (m && m[3].startsWith('/')) cf.classFiles.set(m[1].replace(/[{}]/g, ''), m[3]);
    }
  }
  return cf;
}

export interface DaemonPort {
  name: string;
  port: number;
  addr: string;
  family: string;
}

/** `Family=inet, Name=MTA, Port=smtp, Addr=127.0.0.1` (several daemons: one option line each). */
export function parseDaemonPortOptions(value: string | undefined): DaemonPort {
  const d: DaemonPort = { name: 'MTA', port: 25, addr: '0.0.0.0', family: 'inet' };
  if (!value) return d;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (k === 'name') d.name = v;
    else if (k === 'port') d.port = v === 'smtp' ? 25 : v === 'submission' ? 587 : Number(v) || 25;
    else if (k === 'addr') d.addr = v;
    else if (k === 'family') d.family = v;
  }
  return d;
}
