/**
 * core/m4: the GNU m4 1.4.19 macro processor, sans I/O. Files come from the
 * host's `readFile`, shell commands (syscmd/esyscmd) from its `syscmd`; the
 * result is stdout, stderr and the exit status, byte for byte as the real one
 * (test/fixtures/m4/ holds the captures it is compared with).
 */

import { builtins } from './builtins.ts';
import { Engine, M4Exit } from './engine.ts';
import { M4Fatal, at } from './input.ts';
import { DEFAULT_LIMITS, type M4Host, type M4Limits } from './types.ts';

export type { M4Host, M4Limits } from './types.ts';
export { DEFAULT_LIMITS } from './types.ts';
export { sendmailCfShell, type ShellFiles } from './cf-shell.ts';

export interface M4Run {
  /** File operands as given on the command line; `-` (or none) reads `stdin`. */
  files: readonly string[];
  stdin?: string;
  host: M4Host;
  limits?: Partial<M4Limits>;
  /** -D NAME[=VALUE] and -U NAME, in command-line order, before any input is read. */
  defines?: readonly ({ define: string; value: string } | { undefine: string })[];
  /** -I DIR: where include/sinclude look for a relative name not found in the current directory. */
  includeDirs?: readonly string[];
}

export interface M4Result {
  stdout: string;
  stderr: string;
  status: number;
}

export function runM4(run: M4Run): M4Result {
  const limits = { ...DEFAULT_LIMITS, ...run.limits };
  const m4 = new Engine(withIncludeDirs(run.host, run.includeDirs ?? []), limits, builtins);
  for (const name of Object.keys(builtins)) m4.define(name, { kind: 'func', name });
  m4.define('__gnu__', { kind: 'text', text: '' });
  m4.define('__unix__', { kind: 'text', text: '' });
  for (const d of run.defines ?? []) {
    if ('define' in d) m4.define(d.define, { kind: 'text', text: d.value });
    else m4.undefine(d.undefine);
  }
  const files = run.files.length === 0 ? ['-'] : run.files;
  let status: number | undefined;
  try {
    try {
      for (const f of files) {
        if (f === '-') m4.includeFile('stdin', run.stdin ?? '');
        else {
          const r = m4.host.readFile(f);
          if ('error' in r) {
            m4.stderr(at('', 0, `cannot open \`${f}': ${r.error}`));
            m4.status = 1;
            continue;
          }
          m4.includeFile(r.path ?? f, r.text);
        }
        m4.expandInput();
      }
      while (m4.input.popWrapup()) m4.expandInput();
      m4.divert(0);
      m4.undivertAll();
    } catch (e) {
      if (e instanceof RangeError) throw new M4Fatal('m4: stack overflow\n', 1, true);
      throw e;
    }
  } catch (e) {
    if (e instanceof M4Fatal) {
      if (e.abrupt) m4.loseUnflushed();
      m4.stderr(e.diagnostic);
      status = e.status;
    } else if (e instanceof M4Exit) {
      status = e.status;
    } else throw e;
  }
  return { stdout: m4.stdoutText(), stderr: m4.stderrText(), status: status ?? m4.status };
}

/** GNU m4_path_search: a relative name is tried as given, then under each -I directory. */
function withIncludeDirs(host: M4Host, dirs: readonly string[]): M4Host {
  if (dirs.length === 0) return host;
  return {
    ...host,
    readFile(path) {
      const first = host.readFile(path);
      if (!('error' in first) || path.startsWith('/')) return first;
      for (const d of dirs) {
        const full = d.endsWith('/') ? d + path : `${d}/${path}`;
        const r = host.readFile(full);
        if (!('error' in r)) return { text: r.text, path: r.path ?? full };
      }
      return first;
    },
  };
}
