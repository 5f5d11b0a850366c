/**
 * PEM as OpenSSL reads and writes it: `-----BEGIN <label>-----`, base64 in
 * lines of 64, `-----END <label>-----`. Text before a block is skipped (the
 * text dump `openssl ca` puts before a certificate). Never throws.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Strict base64 (whitespace allowed, padding only at the end); null when malformed. */
export function unbase64(text: string): Uint8Array<ArrayBuffer> | null {
  const s = text.replace(/[\s]+/g, '');
  if (s.length % 4 !== 0) return null;
  if (!/^[A-Za-z0-9+/]*(={0,2})$/.test(s)) return null;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (s[i + k] === '=' ? 0 : B64.indexOf(s[i + k])));
    const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export function toPem(label: string, der: Uint8Array): string {
  const b = base64(der);
  let body = '';
  for (let i = 0; i < b.length; i += 64) body += b.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

export interface PemBlock {
  label: string;
  der: Uint8Array<ArrayBuffer>;
  /** Header lines (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`) of a traditional encrypted key. */
  headers: Record<string, string>;
}

/**
 * The PEM blocks of `text` in order. A block whose body is not base64 ends
 * the reading (OpenSSL stops there too: "bad base64 decode").
 */
export function readPem(text: string): { blocks: PemBlock[]; bad: boolean } {
  const lines = text.split(/\r?\n/);
  const blocks: PemBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^-----BEGIN ([A-Z0-9 ]+)-----\s*$/.exec(lines[i]);
    if (!m) continue;
    const label = m[1];
    const headers: Record<string, string> = {};
    let body = '';
    let j = i + 1;
    let ended = false;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.startsWith('-----END ')) {
        ended = line.replace(/\s+$/, '') === `-----END ${label}-----`;
        break;
      }
      const h = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (h && body === '') headers[h[1]] = h[2];
      else body += line;
    }
    if (!ended) return { blocks, bad: true };
    const der = unbase64(body);
    if (!der || der.length === 0) return { blocks, bad: true };
    blocks.push({ label, der, headers });
    i = j;
  }
  return { blocks, bad: false };
}

/** The first block with one of `labels`, or null. */
export function firstPem(text: string, ...labels: string[]): PemBlock | null {
  for (const b of readPem(text).blocks) if (labels.includes(b.label)) return b;
  return null;
}
