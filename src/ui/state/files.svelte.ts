/**
 * The Files panel's state: which directories are open, which file is shown,
 * and the edit in progress. It reads the world's Vfs and re-reads whenever the
 * Vfs reports a change (bridged with createSubscriber), so the tree and an
 * unedited file follow what the shell does. Saving writes through the Vfs,
 * which keeps the file's mode and owner and records a `vfs.write` trace event.
 */
import { createSubscriber, SvelteSet } from 'svelte/reactivity';
import type { Vfs } from '../../core/vfs/index.ts';
import { asText, modeString, type EntryType } from './file-format.ts';

export interface FileEntry {
  name: string;
  path: string;
  type: EntryType;
  mode: string;
  owner: string;
  group: string;
  size: number;
  /** For a symlink, where it points. */
  target?: string;
}

export interface OpenFile {
  path: string;
  entry: FileEntry | null;
  /** The text shown: the edit in progress, else the file's content; null for a binary file. */
  text: string | null;
  dirty: boolean;
  /** Why the file cannot be shown (deleted, a directory, ...). */
  problem: string;
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export class FilesState {
  readonly #vfs: Vfs;
  readonly #track: () => void;
  readonly #expanded = new SvelteSet<string>(['/etc', '/etc/mail']);
  #openPath = $state<string | null>(null);
  #draft = $state<string | null>(null);
  #status = $state('');

  constructor(vfs: Vfs) {
    this.#vfs = vfs;
    this.#track = createSubscriber((update) => vfs.subscribe(() => update()));
  }

  /** The entries of `dir` as `ls -la` would sort them (byte order), without `.` and `..`. */
  list(dir: string): FileEntry[] {
    this.#track();
    let names: string[];
    try {
      names = this.#vfs.readdir(dir);
    } catch {
      return [];
    }
    const out: FileEntry[] = [];
    for (const name of [...names].sort(byBytes)) {
      const entry = this.#entry(joinPath(dir, name), name);
      if (entry) out.push(entry);
    }
    return out;
  }

  #entry(path: string, name: string): FileEntry | null {
    try {
      const st = this.#vfs.lstat(path);
      const entry: FileEntry = {
        name,
        path,
        type: st.type,
        mode: modeString(st.type, st.mode),
        owner: this.#vfs.userName(st.uid),
        group: this.#vfs.groupName(st.gid),
        size: st.size,
      };
      if (st.type === 'symlink') entry.target = this.#vfs.readlink(path);
      return entry;
    } catch {
      return null;
    }
  }

  isExpanded(path: string): boolean {
    return this.#expanded.has(path);
  }

  toggle(path: string): void {
    if (this.#expanded.has(path)) this.#expanded.delete(path);
    else this.#expanded.add(path);
  }

  get openPath(): string | null {
    return this.#openPath;
  }

  /** A short message about the last save or revert, for a live region. */
  get status(): string {
    return this.#status;
  }

  open(path: string): void {
    this.#openPath = path;
    this.#draft = null;
    this.#status = '';
  }

  close(): void {
    this.#openPath = null;
    this.#draft = null;
    this.#status = '';
  }

  get file(): OpenFile | null {
    const path = this.#openPath;
    if (path === null) return null;
    this.#track();
    const slash = path.lastIndexOf('/');
    const entry = this.#entry(path, path.slice(slash + 1));
    let text: string | null = null;
    let problem = '';
    try {
      text = asText(this.#vfs.readFile(path));
      if (text === null) problem = 'Binary file: not shown.';
    } catch (e) {
      problem = e instanceof Error && 'text' in e ? String((e as { text: unknown }).text) : 'Cannot read this file.';
    }
    const dirty = this.#draft !== null;
    return { path, entry, text: dirty ? this.#draft : text, dirty, problem: dirty ? '' : problem };
  }

  edit(text: string): void {
    this.#draft = text;
    this.#status = '';
  }

  revert(): void {
    this.#draft = null;
    this.#status = 'Changes discarded.';
  }

  /** Writes the edit to the file (mode and owner unchanged). */
  save(): void {
    const path = this.#openPath;
    if (path === null || this.#draft === null) return;
    try {
      this.#vfs.writeFile(path, this.#draft);
      this.#draft = null;
      this.#status = `Saved ${path}.`;
    } catch (e) {
      this.#status = `Not saved: ${e instanceof Error && 'text' in e ? String((e as { text: unknown }).text) : 'write failed'}.`;
    }
  }
}
