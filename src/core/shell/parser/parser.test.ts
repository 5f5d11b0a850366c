import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parser.ts';
import type { ParseResult, SimpleCommand } from './ast.ts';

const words = (r: ParseResult): string[][] => {
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r.list.items.map((i) => (i.first.commands[0] as SimpleCommand).words.map((w) => w.raw));
};

describe('parse', () => {
  it('splits words, quotes and operators', () => {
    expect(words(parse(`echo "a b" 'c d' e\\ f; ls`))).toEqual([['echo', '"a b"', "'c d'", 'e\\ f'], ['ls']]);
    const r = parse('a | b && c || d &');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.list.items[0].first.commands.length).toBe(2);
    expect(r.list.items[0].rest.map((x) => x.op)).toEqual(['&&', '||']);
    expect(r.list.items[0].background).toBe(true);
    expect(r.list.items[0].text).toBe('a | b && c || d');
  });

  it('reads redirections with fds', () => {
    const r = parse('cmd 2>&1 >>log <in 2>/dev/null &>all 3<&0 <<<here');
    if (r.kind !== 'ok') throw new Error('parse');
    const redirs = (r.list.items[0].first.commands[0] as SimpleCommand).redirs.map((x) => `${x.fd}${x.op}${x.target.raw}`);
    expect(redirs).toEqual(['2>&1', '1>>log', '0<in', '2>/dev/null', '1&>all', '3<&0', '0<<<here']);
  });

  it('reports bash syntax errors', () => {
    const msg = (s: string): string => {
      const r = parse(s);
      return r.kind === 'error' ? r.message : r.kind;
    };
    expect(msg('| x')).toBe("syntax error near unexpected token `|'");
    expect(msg('a && && b')).toBe("syntax error near unexpected token `&&'");
    expect(msg('echo >')).toBe("syntax error near unexpected token `newline'");
    expect(msg('echo > |')).toBe("syntax error near unexpected token `|'");
    expect(msg(')')).toBe("syntax error near unexpected token `)'");
    expect(msg('echo (')).toBe("syntax error near unexpected token `('");
    expect(msg('a ;; b')).toBe("syntax error near unexpected token `;;'");
    expect(msg('()')).toBe("syntax error near unexpected token `)'");
  });

  it('asks for more input, and at end of input says what bash says', () => {
    for (const [s, reason] of [['echo "a', 'quote'], ["echo 'a", 'quote'], ['echo $(a', 'quote'], ['echo ${a', 'quote'], ['a |', 'operator'], ['a &&', 'operator'], ['(a', 'operator'], ['cat <<E', 'heredoc'], ['cat <<E\nx', 'heredoc'], ['echo \\', 'backslash']] as const) {
      const r = parse(s);
      expect(r.kind === 'incomplete' && r.reason, s).toBe(reason);
    }
    expect(parse('echo "a', { eof: true })).toEqual({ kind: 'error', message: "unexpected EOF while looking for matching `\"'" });
    expect(parse('a |', { eof: true })).toEqual({ kind: 'error', message: 'syntax error: unexpected end of file' });
    const h = parse('true\ncat <<E\nx', { eof: true });
    expect(h.kind === 'ok' && h.warnings).toEqual([{ line: 1, delimiter: 'E' }]);
  });

  it('reads heredoc bodies: quoted delimiter keeps $, <<- strips tabs, two in a row', () => {
    const r = parse("cat <<'A' <<-B\n$x\nA\n\t\ty\n\tB\necho after");
    if (r.kind !== 'ok') throw new Error('parse');
    const [a, b] = (r.list.items[0].first.commands[0] as SimpleCommand).redirs;
    expect(a.heredoc).toMatchObject({ delimiter: 'A', expand: false, body: { raw: '$x\n' } });
    expect(b.heredoc).toMatchObject({ delimiter: 'B', expand: true, body: { raw: 'y\n' } });
    expect(r.list.items.length).toBe(2);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(words(parse('echo a#b # c'))).toEqual([['echo', 'a#b']]);
    expect(parse('# only').kind).toBe('ok');
  });

  it('parses if, for, while/until and { } with their redirections', () => {
    const r = parse('if a; then b; elif c; then d; else e; fi > out; for x in 1 2; do f; done; while g; do h; done; until i; do j; done; { k; }');
    if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.list.items.map((i) => i.first.commands[0].type)).toEqual(['if', 'for', 'while', 'while', 'group']);
    const i = r.list.items[0].first.commands[0];
    expect(i.type === 'if' && [i.clauses.length, i.elseBody !== null, i.redirs.length]).toEqual([2, true, 1]);
    expect(parse('if true').kind).toBe('incomplete');
    expect(parse('for x in a b\ndo\necho $x').kind).toBe('incomplete');
    expect(parse('if true; then fi')).toEqual({ kind: 'error', message: "syntax error near unexpected token `fi'" });
    expect(parse('for 1x in a; do :; done')).toEqual({ kind: 'error', message: "`1x': not a valid identifier", status: 1 });
    expect(parse('echo if then fi').kind).toBe('ok');
  });

  it('recognises assignments only before the command name', () => {
    const r = parse('A=1 B="x y" cmd C=2');
    if (r.kind !== 'ok') throw new Error('parse');
    const c = r.list.items[0].first.commands[0] as SimpleCommand;
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'C=2']);
  });

  const alphabet = fc.constantFrom(
    'echo', 'ls', 'cat', ' ', ' ', '\t', '\n', '|', '||', '&', '&&', ';', ';;', '(', ')', '<', '>', '>>', '2>&1', '&>', '<<', '<<-', '<<<', 'EOF',
    "'", '"', '`', '$', '${', '}', '$(', '$?', '\\', '*', '?', '[', ']', '~', '#', '!', '=', 'x', '/etc', '-la', 'é', '日本', '\u0000', '\uD800',
    'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', '{', '$((', '))',
  );
  const tokenLine = fc.array(alphabet, { maxLength: 30 }).map((t) => t.join(''));

  it('never throws on 10,000 random lines (tokens and arbitrary unicode)', () => {
    const check = (s: string): void => {
      for (const eof of [false, true]) {
        const r = parse(s, { eof });
        expect(['ok', 'incomplete', 'error']).toContain(r.kind);
        // Only bash's own messages: no internal error text leaks out.
        if (r.kind === 'error') expect(r.message).toMatch(/^(syntax error near unexpected token `[\s\S]*'|syntax error: unexpected end of file|unexpected EOF while looking for matching `.'|`[\s\S]*': not a valid identifier)$/);
        if (eof) expect(r.kind).not.toBe('incomplete');
      }
    };
    fc.assert(fc.property(tokenLine, check), { numRuns: 6000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 2000 });
  });
});
