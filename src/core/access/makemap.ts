/**
 * `makemap hash MAP < SOURCE` as Sendmail 8.17.1.9's makemap reads its input:
 * fgets() into a 1024-byte buffer (a longer line is reported once per 1023-byte
 * piece, and each piece counts as a line), `#` comments and empty lines skipped,
 * a leading blank is a syntax error, the key ends at the first blank and is
 * lower-cased, the value starts after the blanks and keeps trailing ones,
 * a duplicate key keeps the first value. Each error sets exit status 65
 * (EX_DATAERR) and the map is written all the same.
 * Texts: test/fixtures/access/makemap/ (capture-makemap.sh).
 */

export interface CompiledMap {
  readonly entries: Map<string, string>;
  /** makemap's messages, one a line, without the newline. */
  readonly messages: string[];
  readonly exitCode: number;
}

const BUF = 1024;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function lower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/**
 * Compile a map source. `source` is text with one character per byte (latin1)
 * or the bytes themselves; `mapName` is the name as given to makemap.
 */
export function compileMap(source: string | Uint8Array, mapName: string, opts: { foldCase?: boolean } = {}): CompiledMap {
  const fold = opts.foldCase ?? true;
  let text: string;
  if (typeof source === 'string') text = source;
  else {
    text = '';
    for (let i = 0; i < source.length; i += 8192) text += String.fromCharCode(...source.subarray(i, i + 8192));
  }
  const entries = new Map<string, string>();
  const messages: string[] = [];
  let exitCode = 0;
  let lineno = 0;
  let pos = 0;
  const err = (m: string): void => {
    messages.push(`makemap: ${mapName}: line ${lineno}: ${m}`);
    exitCode = 65;
  };
  while (pos < text.length) {
    // fgets: up to BUF-1 characters, or through the newline
    let end = pos;
    const limit = Math.min(text.length, pos + BUF - 1);
    while (end < limit && text.charCodeAt(end) !== 0x0a) end++;
    const hasNl = end < limit;
    const chunk = text.slice(pos, hasNl ? end + 1 : end);
    pos = hasNl ? end + 1 : end;
    lineno++;
    const eof = pos >= text.length;
    // strchr(ibuf, '\n') sees the C string only: up to the first NUL
    const nul = chunk.indexOf('\0');
    const cstr = nul >= 0 ? chunk.slice(0, nul) : chunk;
    let line: string;
    const nl = cstr.indexOf('\n');
    if (nl >= 0) line = cstr.slice(0, nl);
    else if (!eof) {
      err(`line too long (${BUF} bytes max)`);
      continue;
    } else line = cstr;
    if (line === '' || line[0] === '#') continue;
    if (isSpace(line.charCodeAt(0))) {
      err('syntax error (leading space)');
      continue;
    }
    let p = 0;
    while (p < line.length && !isSpace(line.charCodeAt(p))) p++;
    const key = fold ? lower(line.slice(0, p)) : line.slice(0, p);
    while (p < line.length && isSpace(line.charCodeAt(p))) p++;
    if (p >= line.length) {
      err(`no RHS for LHS ${key}`);
      continue;
    }
    const value = line.slice(p);
    if (entries.has(key)) err(`key ${key}: duplicate key`);
    else entries.set(key, value);
  }
  return { entries, messages, exitCode };
}
