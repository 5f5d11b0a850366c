/**
 * Word expansion in bash's order: tilde, parameters and command substitution,
 * field splitting of unquoted expansion results (IFS = space, tab, newline),
 * pathname expansion of unquoted glob characters, quote removal.
 */
import type { Vfs } from '../vfs/index.ts';
import type { Word, WordPart } from './parser/ast.ts';
import { glob, hasGlob, type PatChar } from './glob.ts';
import { ArithError, evaluateArith } from './arith.ts';
import { scanHeredocBody } from './parser/words.ts';

export interface ExpandEnv {
  readonly vfs: Vfs;
  readonly cwd: string;
  /** A variable's value, or undefined when unset (specials `?`, `$`, `#`, `0`, ... included). */
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Runs a command substitution and returns its standard output. */
  substitute(src: string): Promise<string>;
}

/**
 * An expansion error, printed as `bash: <message>`, failing the command with
 * status 1. A `fatal` one (bad substitution, arithmetic) also abandons the rest
 * of the command line, as bash does.
 */
export class ExpandError extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
  }
}

type Seg = { text: string; glob: boolean };

/** Expands words into fields (the argv of a command). */
export async function expandWords(words: readonly Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(await expandFields(w, env)));
  return out;
}

export async function expandFields(word: Word, env: ExpandEnv): Promise<string[]> {
  const fields: Seg[][] = [];
  let cur: Seg[] | null = null;
  const add = (text: string, glob: boolean): void => {
    (cur ??= []).push({ text, glob });
  };
  const addSplit = (text: string): void => {
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, k) => {
      if (k > 0 && cur !== null) {
        fields.push(cur);
        cur = null;
      }
      if (piece !== '') add(piece, true);
    });
  };
  for (const part of word.parts) {
    if (part.k === 'lit') add(part.text, !part.quoted);
    else if (part.k === 'tilde') add(tilde(part.user, env), false);
    else {
      const value = await expandPart(part, env);
      if (part.k !== 'bad' && part.quoted) add(value, false);
      else addSplit(value);
    }
  }
  if (cur !== null) fields.push(cur);
  const result: string[] = [];
  for (const segs of fields) {
    const pat: PatChar[] = [];
    for (const s of segs) for (const c of s.text) pat.push({ c, lit: !s.glob });
    const text = segs.map((s) => s.text).join('');
    if (hasGlob(pat)) {
      const matches = glob(env.vfs, env.cwd, pat);
      if (matches) {
        result.push(...matches);
        continue;
      }
    }
    result.push(text);
  }
  return result;
}

/** Expands a word to one string with no splitting or globbing (assignments, heredocs, `[[`-like places). */
export async function expandString(word: Word, env: ExpandEnv): Promise<string> {
  let out = '';
  for (const part of word.parts) {
    if (part.k === 'lit') out += part.text;
    else if (part.k === 'tilde') out += tilde(part.user, env);
    else out += await expandPart(part, env);
  }
  return out;
}

/** A redirection target: exactly one field, or `bash: WORD: ambiguous redirect`. */
export async function expandTarget(word: Word, env: ExpandEnv): Promise<string> {
  const fields = await expandFields(word, env);
  if (fields.length !== 1) throw new ExpandError(`${word.raw}: ambiguous redirect`);
  return fields[0];
}

async function expandPart(part: Exclude<WordPart, { k: 'lit' } | { k: 'tilde' }>, env: ExpandEnv): Promise<string> {
  if (part.k === 'bad') throw new ExpandError(`${part.text}: bad substitution`, true);
  if (part.k === 'cmd') return (await env.substitute(part.src)).replace(/\n+$/, '');
  if (part.k === 'arith') {
    const text = await expandString(scanHeredocBody(part.src), env);
    try {
      return String(evaluateArith(text, (name) => env.getVar(name)));
    } catch (e) {
      if (e instanceof ArithError) throw new ExpandError(e.message, true);
      throw e;
    }
  }
  const value = env.getVar(part.name);
  const op = part.op;
  if (!op) return value ?? '';
  if (op.kind === 'length') return String([...(value ?? '')].length);
  const unset = value === undefined || (op.colon && value === '');
  if (op.kind === 'alt') return unset ? '' : await expandString(op.word, env);
  if (!unset) return value as string;
  const alt = await expandString(op.word, env);
  if (op.kind === 'assign') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(part.name)) throw new ExpandError(`$${part.name}: cannot assign in this way`, true);
    env.setVar(part.name, alt);
  }
  return alt;
}

function tilde(user: string, env: ExpandEnv): string {
  if (user === '') return env.getVar('HOME') ?? '/root';
  return env.vfs.userInfo(user)?.home ?? `~${user}`;
}
