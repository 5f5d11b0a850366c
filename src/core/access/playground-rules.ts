/**
 * Line-by-line validation of an access map source for the editor: makemap's
 * own errors (compileMap's texts, placed on the editor line they come from)
 * and, for TLS_Clt:/TLS_Srv:/TLS_Rcpt: entries, what the value means to the
 * rules (describeTlsValue): a value Sendmail reads as "no requirement" is a
 * warning, because makemap takes it and sendmail then requires nothing.
 */
import { compileMap, type CompiledMap } from './makemap.ts';
import { describeTlsValue } from './tls-value.ts';

export interface RuleNote {
  /** 1-based line of the editor text. */
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
}

export interface RulesCheck {
  readonly compiled: CompiledMap;
  readonly notes: RuleNote[];
}

const BUF = 1024;
const TLS_TAGS = ['tls_clt', 'tls_srv', 'tls_rcpt'];

function asText(source: string | Uint8Array): string {
  if (typeof source === 'string') return source;
  let text = '';
  for (let i = 0; i < source.length; i += 8192) text += String.fromCharCode(...source.subarray(i, i + 8192));
  return text;
}

/**
 * makemap counts a line longer than its 1024-byte buffer as several lines
 * (makemap.ts): the editor line of each makemap line number, in order.
 */
function editorLines(text: string): number[] {
  const out: number[] = [0];
  let pos = 0;
  let editor = 1;
  while (pos < text.length) {
    let end = pos;
    const limit = Math.min(text.length, pos + BUF - 1);
    while (end < limit && text.charCodeAt(end) !== 0x0a) end++;
    out.push(editor);
    if (end < limit) {
      pos = end + 1;
      editor++;
    } else pos = end;
  }
  return out;
}

/**
 * `source`: the map text with one character per byte, or its bytes (UTF-8 from
 * the editor). `permErr`: define(`TLS_PERM_ERR') is in the mc (codes 554, not 454).
 */
export function validateRules(source: string | Uint8Array, mapName = '/etc/mail/access', permErr = false): RulesCheck {
  const text = asText(source);
  const compiled = compileMap(text, mapName);
  const notes: RuleNote[] = [];
  const lines = editorLines(text);
  const prefix = `makemap: ${mapName}: line `;
  for (const m of compiled.messages) {
    const n = m.startsWith(prefix) ? parseInt(m.slice(prefix.length), 10) : NaN;
    notes.push({ line: Number.isFinite(n) ? (lines[n] ?? n) : 0, severity: 'error', text: m });
  }
  const src = text.split('\n');
  for (let i = 0; i < src.length; i++) {
    const line = src[i];
    if (line.length >= BUF - 1 || line === '' || line[0] === '#' || /^\s/.test(line) || line.includes('\0')) continue;
    const m = /^(\S+)\s+(.*)$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const colon = m[1].indexOf(':');
    if (colon < 0 || !TLS_TAGS.includes(m[1].slice(0, colon).toLowerCase())) continue;
    const meaning = describeTlsValue(m[2], permErr);
    if (!meaning.requirement) notes.push({ line: i + 1, severity: 'warning', text: meaning.note });
    else {
      const what = meaning.kind === 'ENCR' ? `at least ${meaning.bits} cipher bits` : meaning.bits === '' ? 'a verified certificate' : `a verified certificate and at least ${meaning.bits} cipher bits`;
      const ext = meaning.extensions.length > 0 ? `, then ${meaning.extensions.join(', ')}` : '';
      notes.push({ line: i + 1, severity: 'info', text: `requires ${what}${ext}; otherwise ${meaning.code}${meaning.note ? ` (${meaning.note})` : ''}` });
    }
  }
  notes.sort((a, b) => a.line - b.line);
  return { compiled, notes };
}
