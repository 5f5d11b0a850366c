/** The in-memory inode shapes shared by the Vfs and its snapshot codec. */

export type FileType = 'file' | 'dir' | 'symlink';

export interface Stat {
  ino: number;
  type: FileType;
  /** Permission bits plus setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  nlink: number;
  /** Milliseconds since the epoch. */
  atime: number;
  mtime: number;
  ctime: number;
}

interface NodeBase {
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  atime: number;
  mtime: number;
  ctime: number;
}
export interface FileNode extends NodeBase {
  type: 'file';
  data: Uint8Array;
}
export interface DirNode extends NodeBase {
  type: 'dir';
  entries: Map<string, Node>;
}
export interface LinkNode extends NodeBase {
  type: 'symlink';
  target: string;
}
export type Node = FileNode | DirNode | LinkNode;

/** Directory size as ext4 reports it for small directories. */
export const DIR_SIZE = 4096;

export function statOf(node: Node): Stat {
  let size: number;
  let nlink = 1;
  if (node.type === 'file') size = node.data.length;
  else if (node.type === 'symlink') size = new TextEncoder().encode(node.target).length;
  else {
    size = DIR_SIZE;
    nlink = 2;
    for (const child of node.entries.values()) if (child.type === 'dir') nlink++;
  }
  return {
    ino: node.ino,
    type: node.type,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    size,
    nlink,
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
  };
}
