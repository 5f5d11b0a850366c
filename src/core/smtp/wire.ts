/**
 * What goes on the wire and into syslog: replies as bytes (7-bit, CRLF) and log
 * text with control and eight-bit characters escaped, as Sendmail writes them.
 */

/**
 * A reply on the wire: each line with CRLF, every byte with its eighth bit cleared
 * (err.c), and a line ends early where that leaves a NUL (C strings): 0xE9 is
 * echoed as 'i' (eight-bit-command.json), 0x80 cuts the line (probed on the real daemon).
 * SIMPLIFIED: real Sendmail also turns 0x8A and 0x8D into a bare LF and CR inside
 * the reply (so `\x8D\x8A` ends a reply line early); here they become '?' so
 * that every reply stays a well-formed SMTP reply (issue 2, item 11).
 */
export function replyBytes(lines: readonly string[]): Uint8Array {
  const out: number[] = [];
  for (const l of lines) {
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i) & 0xff;
      let b = c & 0x7f;
      if (b === 0) break;
      if (c >= 0x80 && (b === 0x0a || b === 0x0d)) b = 0x3f;
      out.push(b);
    }
    out.push(0x0d, 0x0a);
  }
  return Uint8Array.from(out);
}

/** sm_syslog() writes control and eight-bit characters as C escapes: \\r, \\n, \\t, else \\ooo (eight-bit-command.json). */
export function escapeLog(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\xff]/g, (c) => {
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
}
