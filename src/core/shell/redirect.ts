/**
 * Redirections, applied left to right on a copy of the streams: files
 * (`<`, `>`, `>>`, `&>`), duplications (`2>&1`, `>&2`, `<&-`), heredocs and
 * here-strings. /dev/null, /dev/stdout and /dev/stderr are special, as the
 * kernel makes them. A file that cannot be opened prints bash's
 * `bash: FILE: No such file or directory` and fails the command (status 1);
 * expansion errors are thrown to the caller.
 */
import { VfsError, normalizePath, type Vfs } from '../vfs/index.ts';
import { fromUtf8 } from '../bytes/index.ts';
import type { Redirect } from './parser/ast.ts';
import { expandString, expandTarget, type ExpandEnv } from './expand.ts';
import { FileOutput, StringInput, emptyInput, nullOutput, type ExecIO } from './io.ts';
import type { Input, Output } from './types.ts';

const resolve = normalizePath;

/** Applies redirections in order; returns the new streams, or the failure status after printing bash's error. */
export async function applyRedirects(redirs: readonly Redirect[], cwd: string, io: ExecIO, vfs: Vfs, env: ExpandEnv): Promise<ExecIO | number> {
  if (redirs.length === 0) return io;
  const out: ExecIO = { ...io };
  const fds: (Input | Output | null)[] = [io.stdin, io.stdout, io.stderr];
  for (const r of redirs) {
    try {
      if (r.op === '<<' || r.op === '<<-') {
        const h = r.heredoc;
        const body = h ? (h.expand ? await expandString(h.body, env) : h.body.raw) : '';
        fds[r.fd] = new StringInput(body);
        continue;
      }
      if (r.op === '<<<') {
        fds[r.fd] = new StringInput((await expandString(r.target, env)) + '\n');
        continue;
      }
      const target = await expandTarget(r.target, env);
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') {
          fds[r.fd] = null;
          continue;
        }
        if (/^[0-9]+$/.test(target)) {
          const src = fds[Number(target)];
          if (src === undefined || src === null) {
            io.stderr.write(`bash: ${target}: Bad file descriptor\n`);
            return 1;
          }
          fds[r.fd] = src;
          continue;
        }
        if (r.op === '<&') {
          io.stderr.write(`bash: ${target}: ambiguous redirect\n`);
          return 1;
        }
        // `>&file` is `&>file`.
        const o = openOutput(vfs, target, cwd, false, fds);
        fds[1] = fds[2] = o;
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        fds[r.fd] = openInput(vfs, target, cwd);
        continue;
      }
      const o = openOutput(vfs, target, cwd, r.op === '>>' || r.op === '&>>', fds);
      if (r.op === '&>' || r.op === '&>>') fds[1] = fds[2] = o;
      else fds[r.fd] = o;
    } catch (e) {
      if (e instanceof VfsError) {
        const shown = e.path;
        io.stderr.write(`bash: ${shown}: ${e.text}\n`);
        return 1;
      }
      throw e;
    }
  }
  out.stdin = asInput(fds[0]);
  out.stdout = asOutput(fds[1]);
  out.stderr = asOutput(fds[2]);
  if (out.stdin !== io.stdin) out.tty = out.stdin.isTerminal ? io.tty : null;
  return out;
}

function openInput(vfs: Vfs, target: string, cwd: string): Input {
  const path = resolve(cwd, target);
  if (isDev(path, 'null')) return emptyInput();
  try {
    if (vfs.isDir(path)) return emptyInput(); // reading a directory fails later, in the command
    const data = vfs.readFile(path);
    return new StringInput(fromUtf8(data), data.length);
  } catch (e) {
    if (e instanceof VfsError) throw new VfsError(e.code, 'open', target);
    throw e;
  }
}

function openOutput(vfs: Vfs, target: string, cwd: string, append: boolean, fds: (Input | Output | null)[]): Output {
  const path = resolve(cwd, target);
  if (isDev(path, 'null')) return nullOutput;
  if (isDev(path, 'stdout')) return asOutput(fds[1]);
  if (isDev(path, 'stderr')) return asOutput(fds[2]);
  try {
    if (vfs.isDir(path)) throw new VfsError('EISDIR', 'open', target);
    if (!append || !vfs.exists(path)) vfs.writeFile(path, '');
    else vfs.writeFile(path, '', { append: true });
  } catch (e) {
    if (e instanceof VfsError) throw new VfsError(e.code, 'open', target);
    throw e;
  }
  return new FileOutput(vfs, path);
}

function isDev(path: string, name: string): boolean {
  return path === `/dev/${name}`;
}

function asInput(x: Input | Output | null): Input {
  return x !== null && 'readLine' in x ? x : emptyInput();
}

function asOutput(x: Input | Output | null): Output {
  return x !== null && 'write' in x ? x : nullOutput;
}
