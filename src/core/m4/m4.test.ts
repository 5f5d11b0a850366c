import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runM4, sendmailCfShell, type M4Host } from './index.ts';

const host: M4Host = {
  readFile: (p) => (p === 'inc.m4' ? { text: "included`' $1 define(`z', incr(z))\n" } : { error: 'No such file or directory' }),
};

function m4(text: string, limits = {}): { stdout: string; stderr: string; status: number } {
  return runM4({ files: [], stdin: text, host, limits });
}

describe('core/m4', () => {
  it('expands, quotes and diverts', () => {
    expect(m4("define(`x', `[$1]')x(a)divert(1)b\ndivert(0)c\n")).toEqual({ stdout: '[a]c\nb\n', stderr: '', status: 0 });
  });
  it('stops endless recursion with a clear error instead of hanging', () => {
    const r = m4("define(`f', `f(f($1))')f(x)", { maxDepth: 50 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('m4: stack overflow\n');
  });
  it('stops an endless loop after the step limit', () => {
    const r = m4("define(`a', `a')a", { maxSteps: 1000 });
    expect([r.status, r.stderr]).toEqual([1, 'm4:stdin:1: ERROR: the lab stops m4 after 1000 macro calls\n']);
  });
  it('stops runaway output', () => {
    const r = m4("define(`a', `xxxxxxxxxx`'a')a", { maxOutput: 1000 });
    expect([r.status, r.stderr]).toEqual([1, 'm4:stdin:1: ERROR: the lab stops m4 after 1000 bytes of output\n']);
  });
  it('stops exponential arguments', () => {
    const r = m4("define(`d', `d(`$1$1')')d(x)", { maxOutput: 1000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the lab stops m4 at an? (argument|expansion) of more than 1000 bytes/);
  });
  it('esyscmd runs the few commands the lab has; others are not found', () => {
    const shell = sendmailCfShell({ user: 'root', host: 'mail', date: 'Sat Nov 28 12:00:00 UTC 2026', cwd: '/etc/mail', files: { write: () => {}, remove: () => {} } });
    const r = runM4({ files: [], stdin: "esyscmd(`date')esyscmd(`hostname')esyscmd(`whoami')esyscmd(`nosuch')sysval\n", host: { ...host, syscmd: shell } });
    expect(r).toEqual({ stdout: 'Sat Nov 28 12:00:00 UTC 2026\nmail\nroot\n127\n', stderr: 'sh: 1: nosuch: not found\n', status: 0 });
  });
  it('never throws or hangs on random input', () => {
    const alphabet = fc.constantFrom(...'`\'(),#$ \nabdefxz0123'.split(''), 'define', 'dnl', 'divert', 'include(inc.m4)', 'eval', 'ifelse', 'shift', 'changequote', 'changecom', 'substr', 'translit', 'patsubst', 'regexp', 'len', 'index', 'incr', 'm4wrap', 'undivert', 'defn', 'pushdef', 'popdef', 'indir', 'builtin', 'format', '$@', '$*', '$#', '$1', '[', ']', '\\(', '*');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (parts) => {
        const r = m4(parts.join(''), { maxSteps: 20_000, maxOutput: 100_000, maxDepth: 200 });
        expect(typeof r.stdout).toBe('string');
        expect([0, 1].includes(r.status) || (r.status >= 0 && r.status <= 255)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
