/**
 * Tab completion as bash does it by default: the first word of a command
 * completes to command names, any other word to paths in the vfs (directories
 * with a trailing `/`).
 * Candidates are whole words; the line discipline adds the space after a
 * single match that does not end in `/`, as readline does. Hidden entries are
 * offered too (readline's match-hidden-files is on by default); `.` and `..` not.
 */
import { compareBytes, type Vfs } from '../vfs/index.ts';
import type { Command, Completion } from './types.ts';

export interface CompleteEnv {
  vfs: Vfs;
  cwd: string;
  home: string;
  commands: ReadonlyMap<string, Command>;
}

/** Words that may start a command besides the registry (bash keywords and builtins we have). */
const EXTRA_COMMANDS = ['exit', 'logout'];

export function complete(env: CompleteEnv, line: string, cursor: number): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const { start, word, commandPosition } = currentWord(before);
  let candidates: string[];
  if (commandPosition && !word.includes('/')) {
    const names = new Set<string>([...env.commands.keys(), ...EXTRA_COMMANDS]);
    candidates = [...names].filter((n) => n.startsWith(word)).sort(compareBytes);
  } else {
    candidates = completePath(env, word);
  }
  return { from: start, candidates };
}

/** The word being completed, where it starts, and whether it is in command position. */
function currentWord(before: string): { start: number; word: string; commandPosition: boolean } {
  let i = before.length;
  while (i > 0 && !/[\s|&;()<>]/.test(before[i - 1])) i--;
  // A word with quotes is completed as typed (quotes not interpreted).
  const word = before.slice(i);
  let j = i;
  while (j > 0 && /[ \t]/.test(before[j - 1])) j--;
  const prev = before.slice(0, j);
  const commandPosition = prev.trim() === '' || /(\|\||&&|[|;&(])\s*$/.test(prev);
  const afterRedirect = /[<>]$/.test(prev);
  return { start: i, word, commandPosition: commandPosition && !afterRedirect };
}

function completePath(env: CompleteEnv, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  let dirReal: string;
  if (dirPart.startsWith('~/') || dirPart === '~/') dirReal = env.home + dirPart.slice(1);
  else if (dirPart.startsWith('/')) dirReal = dirPart;
  else dirReal = env.cwd + '/' + dirPart;
  let names: string[];
  try {
    names = env.vfs.readdir(dirReal);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    const isDir = env.vfs.isDir(dirReal + '/' + name);
    out.push(dirPart + name + (isDir ? '/' : ''));
  }
  return out;
}
