/**
 * A hex + ASCII dump with offsets, the way `xxd` / `hexdump -C` lay bytes
 * out: 16 bytes a row, the offset of the first byte, the bytes in hex, and
 * their printable ASCII (a dot for anything else).
 */
export interface DumpRow {
  /** Offset of the row's first byte, 8 hex digits. */
  readonly offset: string;
  /** The row's bytes in hex, space separated (eight, an extra space, eight). */
  readonly hex: string;
  readonly ascii: string;
  readonly bytes: Uint8Array;
}

const h2 = (b: number) => b.toString(16).padStart(2, '0');

export function hexDump(bytes: Uint8Array, base = 0, width = 16): DumpRow[] {
  const rows: DumpRow[] = [];
  for (let i = 0; i < bytes.length; i += width) {
    const row = bytes.subarray(i, i + width);
    const cells = [...row].map(h2);
    const hex = width === 16 && cells.length > 8 ? `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}` : cells.join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push({ offset: (base + i).toString(16).padStart(8, '0'), hex, ascii, bytes: row });
  }
  return rows;
}

/** Parses a dump's hex column back into bytes (the inverse of hexDump's `hex`, for tests and copy-paste). */
export function parseHexColumn(hex: string): Uint8Array {
  const t = hex.trim();
  return Uint8Array.from(t === '' ? [] : t.split(/\s+/).map((x) => parseInt(x, 16)));
}
