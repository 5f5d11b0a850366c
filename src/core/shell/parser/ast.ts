/**
 * The syntax tree of a shell command line, the subset of bash the lab speaks:
 *
 *   list      := and_or ( (';' | '&' | '\n') and_or )* [';' | '&']
 *   and_or    := pipeline ( ('&&' | '||') '\n'* pipeline )*
 *   pipeline  := ['!'] command ( '|' '\n'* command )*
 *   command   := simple | ( '(' list ')' | '{' list '}' | if | for | while ) redirect*
 *   if        := 'if' list 'then' list ('elif' list 'then' list)* ['else' list] 'fi'
 *   for       := 'for' NAME ['in' word*] (';' | '\n') 'do' list 'done'
 *   while     := ('while' | 'until') list 'do' list 'done'
 *   simple    := (assignment | word | redirect)+
 *
 * Words keep their parts (literal text, parameters, command substitutions,
 * tilde) with a `quoted` flag, so that expansion can do field splitting and
 * globbing only where bash does.
 */

export type WordPart =
  /** Literal text. `quoted` text is neither split nor globbed. */
  | { k: 'lit'; text: string; quoted: boolean }
  /** `$name`, `${name}`, `$?`, `${name:-word}`, `${#name}`. */
  | { k: 'param'; name: string; quoted: boolean; op?: ParamOp }
  /** `${...}` that bash rejects at expansion time: `bash: ${a b}: bad substitution`. */
  | { k: 'bad'; text: string }
  /** `$(( ))`: `src` is the expression text (expanded, then evaluated). */
  | { k: 'arith'; src: string; quoted: boolean }
  /** `$(...)` or a backquoted command; `src` is the inner command text. */
  | { k: 'cmd'; src: string; quoted: boolean }
  /** A leading unquoted `~` or `~user`. */
  | { k: 'tilde'; user: string };

export type ParamOp =
  | { kind: 'length' }
  /** `-` / `:-` default, `=` / `:=` assign, `+` / `:+` alternative; `colon` also treats empty as unset. */
  | { kind: 'default' | 'assign' | 'alt'; colon: boolean; word: Word };

export interface Word {
  parts: WordPart[];
  /** The word as typed (for error messages such as `ambiguous redirect`). */
  raw: string;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<<' | '<<-' | '<<<' | '<&' | '>&' | '&>' | '&>>';

export interface Redirect {
  /** The file descriptor redirected (default 0 for input ops, 1 for output ops). */
  fd: number;
  op: RedirOp;
  /** The file name, the fd for `>&` / `<&` (`1`, `2`, `-`), or the here-string. */
  target: Word;
  /** For `<<` and `<<-`: the body, already read from the following lines. */
  heredoc?: { body: Word; delimiter: string; expand: boolean };
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
}

export interface Subshell {
  type: 'subshell';
  body: List;
  redirs: Redirect[];
}

/** `{ list; }` */
export interface Group {
  type: 'group';
  body: List;
  redirs: Redirect[];
}

/** `if list; then list; [elif list; then list;]... [else list;] fi` */
export interface IfNode {
  type: 'if';
  clauses: { cond: List; body: List }[];
  elseBody: List | null;
  redirs: Redirect[];
}

/** `for NAME [in WORD...]; do list; done` (no `in`: the positional parameters, none here). */
export interface ForNode {
  type: 'for';
  name: string;
  words: Word[];
  body: List;
  redirs: Redirect[];
}

/** `while list; do list; done` and `until list; do list; done` */
export interface WhileNode {
  type: 'while';
  until: boolean;
  cond: List;
  body: List;
  redirs: Redirect[];
}

export type CommandNode = SimpleCommand | Subshell | Group | IfNode | ForNode | WhileNode;

export interface Pipeline {
  negated: boolean;
  commands: CommandNode[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** Ended with `&`. */
  background: boolean;
  /** The source text of this item (what `jobs` and bash's `Done` line show). */
  text: string;
}

export interface List {
  items: AndOr[];
}

/** What parsing a piece of input gives. */
export type ParseResult =
  | { kind: 'ok'; list: List; warnings: HeredocWarning[] }
  /** More input is needed: an open quote, `$(`, `${`, a heredoc body, a trailing `|` `&&` `||` or `\`. */
  | { kind: 'incomplete'; reason: 'quote' | 'heredoc' | 'operator' | 'backslash'; quote?: string }
  /** `message` is what bash prints after `bash: ` (e.g. "syntax error near unexpected token `|'"); $? becomes `status` (2 unless said). */
  | { kind: 'error'; message: string; status?: number };

/** A heredoc ended by end of input; `line` is the index (0-based) of the line holding its `<<`. */
export interface HeredocWarning {
  line: number;
  delimiter: string;
}
