/** Errors of the virtual filesystem, named after the errno values Linux returns. */

export type VfsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EINVAL'
  | 'ELOOP'
  | 'EACCES'
  | 'EPERM'
  | 'EBUSY';

/** strerror(3) texts in the C locale, as coreutils print them after `: `. */
const MESSAGES: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
};

/** The strerror(3) text of a code, e.g. `No such file or directory`. */
export function errorText(code: VfsErrorCode): string {
  return MESSAGES[code];
}

export class VfsError extends Error {
  readonly code: VfsErrorCode;
  readonly path: string;
  readonly syscall: string;

  constructor(code: VfsErrorCode, syscall: string, path: string) {
    super(`${code}: ${MESSAGES[code]}, ${syscall} '${path}'`);
    this.name = 'VfsError';
    this.code = code;
    this.path = path;
    this.syscall = syscall;
  }

  /** The strerror(3) text of this error (`No such file or directory`). */
  get text(): string {
    return MESSAGES[this.code];
  }
}
