/** The interfaces between the m4 engine, its builtins and the world that hosts it. */

/** What m4 asks of the system it runs on; every call is synchronous. */
export interface M4Host {
  /** The bytes (latin1) of a file, or the strerror text (`No such file or directory`). */
  readFile(path: string): { text: string; path?: string } | { error: string };
  /** `syscmd`/`esyscmd`: run a shell command; its stdout is returned, not printed. */
  syscmd?(command: string): { status: number; stdout: string; stderr?: string };
  /** `maketemp`/`mkstemp`: create a unique file from a template ending in X's and return its name. */
  maketemp?(template: string): string;
}

export interface M4Limits {
  /** Macro calls before the lab stops m4 (GNU has no such limit; it would loop forever). */
  maxSteps: number;
  /** Bytes of output, of one argument or of one expansion. */
  maxOutput: number;
  /** Nested macro calls; beyond them m4 says `m4: stack overflow` as GNU m4 does when its C stack ends. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: M4Limits = { maxSteps: 2_000_000, maxOutput: 16 * 1024 * 1024, maxDepth: 1024 };

/** A macro argument: text, or a builtin passed by `defn`. */
export interface Arg {
  text: string;
  func?: string;
}

export type Def = { kind: 'text'; text: string } | { kind: 'func'; name: string };

/** What a builtin may do to the engine. */
export interface M4Context {
  readonly host: M4Host;
  readonly limits: M4Limits;
  /** Print `m4:FILE:LINE: message` to stderr (GNU M4ERROR with status 0). */
  warn(message: string): void;
  /** Like warn, and m4 will exit 1. */
  error(message: string): void;
  fatal(message: string): never;
  lookup(name: string): Def | undefined;
  define(name: string, def: Def): void;
  pushdef(name: string, def: Def): void;
  undefine(name: string): void;
  popdef(name: string): void;
  names(): string[];
  quotes(): [string, string];
  setQuotes(l: string, r: string): void;
  setComment(b: string, e: string): void;
  divert(n: number): void;
  divnum(): number;
  undivert(n: number): void;
  undivertAll(): void;
  /** Append text to the current output (undivert of a file). */
  output(text: string): void;
  /** Write straight to stdout (syscmd). */
  stdout(text: string): void;
  stderr(text: string): void;
  includeFile(name: string, text: string): void;
  pushMacro(name: string): void;
  pushWrapup(text: string): void;
  skipLine(): void;
  currentFile(): string;
  currentLine(): number;
  exit(status: number): never;
  sysval: number;
  /** GNU warns about `\0` in a replacement once per run. */
  readonly substituteState: { warnedZero: boolean };
  callBuiltin(name: string, args: Arg[]): string | undefined;
  callMacro(name: string, args: Arg[]): string | undefined;
}

export interface Builtin {
  /** GNU's blind_if_no_args: only a macro when followed by `(`. */
  blind: boolean;
  /** Accepts builtins (from defn) as arguments. */
  groks: boolean;
  fn(ctx: M4Context, args: Arg[]): string;
}
